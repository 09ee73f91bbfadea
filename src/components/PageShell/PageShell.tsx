// Every screen sits in a PageShell: the elder-friendly switch (适老化) is reachable from all of them.
import { useEffect, type PropsWithChildren, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { useSession } from '../../store/session'
import { PrivacyPrompt } from '../PrivacyPrompt'
import { tappable } from '../Tappable'
import './PageShell.scss'

export interface PageShellProps {
  title?: ReactNode
  subtitle?: ReactNode
  className?: string
}

// the page is the document's main landmark in the browser (the tab bar sits outside it)
const main = process.env.TARO_ENV === 'h5' ? { role: 'main' } : {}

export function PageShell({ title, subtitle, className, children }: PropsWithChildren<PageShellProps>) {
  const { elderMode, setElderMode } = useSession()
  // the browser's tab bar lives outside the page: it learns of elder mode from the document (src/h5.scss)
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') document.documentElement.classList.toggle('ll-elder', elderMode)
  }, [elderMode])
  return (
    <View className={['ll-page', elderMode ? 'elder' : '', className ?? ''].join(' ')} {...main}>
      <View className='ll-toolbar'>
        <View className='ll-toolbar__titles'>
          {title ? <Text className='ll-title'>{title}</Text> : null}
          {subtitle ? <Text className='ll-subtitle'>{subtitle}</Text> : null}
        </View>
        {/* a switch shows where it stands (长辈模式：开), not what a tap would do */}
        <View
          className={`ll-elder-toggle js-elder-toggle ${elderMode ? 'is-on' : ''}`}
          {...tappable(() => setElderMode(!elderMode), { role: 'switch', checked: elderMode })}
        >
          <Text>{elderMode ? '长辈模式：开' : '长辈模式：关'}</Text>
        </View>
      </View>
      {children}
      {process.env.TARO_ENV === 'weapp' ? <PrivacyPrompt /> : null}
    </View>
  )
}
