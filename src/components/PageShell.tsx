// Every screen sits in a PageShell: the elder-friendly switch (适老化) is reachable from all of them.
import type { PropsWithChildren, ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { useSession } from '../store/session'
import { PrivacyPrompt } from './PrivacyPrompt'

export interface PageShellProps {
  title?: ReactNode
  subtitle?: ReactNode
  className?: string
}

export function PageShell({ title, subtitle, className, children }: PropsWithChildren<PageShellProps>) {
  const { elderMode, setElderMode } = useSession()
  return (
    <View className={['ll-page', elderMode ? 'elder' : '', className ?? ''].join(' ')}>
      <View className='ll-toolbar'>
        <View className='ll-toolbar__titles'>
          {title ? <Text className='ll-title'>{title}</Text> : null}
          {subtitle ? <Text className='ll-subtitle'>{subtitle}</Text> : null}
        </View>
        <View
          className={`ll-elder-toggle ${elderMode ? 'is-on' : ''}`}
          onClick={() => setElderMode(!elderMode)}
          aria-role='switch'
          aria-label={elderMode ? '关闭长辈模式' : '开启长辈模式'}
        >
          <Text>{elderMode ? '标准字体' : '长辈模式'}</Text>
        </View>
      </View>
      {children}
      {process.env.TARO_ENV === 'weapp' ? <PrivacyPrompt /> : null}
    </View>
  )
}
