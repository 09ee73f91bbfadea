// Pieces shared by the user subpackage's pages.
import { Text, View } from '@tarojs/components'
import { group, tappable } from '../../components/Tappable'

export function Choices<T extends string>(props: {
  options: ReadonlyArray<{ value: T; label: string }>
  value: T | null
  onChange: (v: T) => void
  className?: string
  /** What is being chosen, for a screen reader (e.g. 楼栋). */
  label?: string
}) {
  return (
    <View className={`ll-choice-row ${props.className ?? ''}`} {...group('radiogroup', props.label)}>
      {props.options.map((o) => (
        <View
          key={o.value}
          className={`ll-choice ${props.value === o.value ? 'is-selected' : ''}`}
          {...tappable(() => props.onChange(o.value), { role: 'radio', checked: props.value === o.value })}
        >
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  )
}
