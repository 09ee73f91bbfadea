// Pieces shared by the user subpackage's pages.
import { Text, View } from '@tarojs/components'

export function Choices<T extends string>(props: {
  options: ReadonlyArray<{ value: T; label: string }>
  value: T | null
  onChange: (v: T) => void
  className?: string
}) {
  return (
    <View className={`ll-choice-row ${props.className ?? ''}`}>
      {props.options.map((o) => (
        <View
          key={o.value}
          className={`ll-choice ${props.value === o.value ? 'is-selected' : ''}`}
          onClick={() => props.onChange(o.value)}
          aria-selected={props.value === o.value}
        >
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  )
}
