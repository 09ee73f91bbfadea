import { Text, View } from '@tarojs/components'
import { group, tappable } from '../Tappable'
import './Tabs.scss'

/** A row of tabs (a tablist, keyboard- and screen-reader-usable); the page renders the chosen one. Styles: `.ll-tabs` in app.scss. */
export function Tabs<T extends string>(props: { tabs: ReadonlyArray<{ value: T; label: string }>; value: T; onChange: (v: T) => void; label: string }) {
  return (
    <View className='ll-tabs' {...group('tablist', props.label)}>
      {props.tabs.map((t) => (
        <View key={t.value} className={`ll-tab js-tab-${t.value} ${props.value === t.value ? 'is-selected' : ''}`} {...tappable(() => props.onChange(t.value), { role: 'tab', selected: props.value === t.value })}>
          <Text>{t.label}</Text>
        </View>
      ))}
    </View>
  )
}
