// An on/off switch that is one in the browser too: NutUI's Switch writes WeChat's `aria-role` into
// the HTML, where it is no role at all. The state is written beside the knob (开/关), not only shown by colour.
import { Text, View } from '@tarojs/components'
import { tappable } from '../Tappable'
import './Toggle.scss'

export interface ToggleProps {
  checked: boolean
  onChange: (checked: boolean) => void
  disabled?: boolean
  /** What it switches, when no visible text next to it says so for a screen reader. */
  label?: string
  className?: string
}

export function Toggle({ checked, onChange, disabled, label, className }: ToggleProps) {
  return (
    <View
      className={`ll-toggle ${checked ? 'is-on' : ''} ${disabled ? 'is-disabled' : ''} ${className ?? ''}`}
      {...tappable(() => onChange(!checked), { role: 'switch', checked, disabled, label })}
    >
      <View className='ll-toggle__knob' />
      <Text className='ll-toggle__text'>{checked ? '开' : '关'}</Text>
    </View>
  )
}
