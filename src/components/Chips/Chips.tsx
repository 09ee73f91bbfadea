import { Text, View } from '@tarojs/components'
import { group, tappable } from '../Tappable'
import './Chips.scss'

export interface Chip<T extends string> {
  value: T
  label: string
  /** The stable e2e hook of this chip, e.g. js-category-outage. */
  className: string
}

/** One-of-many filter chips (categories, buildings, months, ledgers). Styles: `.ll-chips` in app.scss. */
export function Chips<T extends string>({ options, value, onChange, className, label }: { options: ReadonlyArray<Chip<T>>; value: T; onChange: (v: T) => void; className?: string; label?: string }) {
  return (
    <View className={`ll-chips ${className ?? ''}`} {...group('radiogroup', label)}>
      {options.map((o) => (
        <View key={o.value} className={`ll-chip ${o.className} ${o.value === value ? 'is-selected' : ''}`} {...tappable(() => onChange(o.value), { role: 'radio', checked: o.value === value })}>
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  )
}
