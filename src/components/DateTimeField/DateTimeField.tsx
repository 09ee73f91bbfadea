import { useEffect, useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { Input } from '@nutui/nutui-react-taro'
import { beijing } from '../../utils/format'
import { formTimeToIso, isFormTime } from '../../utils/formTime'
import './DateTimeField.scss'

/**
 * A date and a time picker (native in WeChat) for a 'YYYY-MM-DD HH:mm' China time, plus — in local
 * builds only, for end-to-end tests — a plain text field that stays in sync with them. Used by every
 * form that asks for a time (events, shifts, votes, consultations). Styles: `.ll-time` in app.scss.
 */
export function DateTimeField({ label, name, value, onChange }: { label: string; name: string; value: string; onChange: (v: string) => void }) {
  const [date, time] = value.split(' ')
  const [draft, setDraft] = useState(value)
  useEffect(() => setDraft(value), [value])
  const day = beijing(formTimeToIso(value))
  return (
    <View className={`ll-time js-time-${name}`}>
      <Text className='ll-label'>{label}</Text>
      <View className='ll-time__pickers'>
        <Picker mode='date' className='ll-time__date' value={date} onChange={(e) => onChange(`${e.detail.value} ${time}`)}>
          <View className={`ll-picker js-pick-${name}-date`}>
            <Text>{day.format('YYYY年M月D日 ddd')}</Text>
          </View>
        </Picker>
        <Picker mode='time' className='ll-time__time' value={time} onChange={(e) => onChange(`${date} ${e.detail.value}`)}>
          <View className={`ll-picker ll-picker--time js-pick-${name}-time`}>
            <Text>{time}</Text>
          </View>
        </Picker>
      </View>
      {LINLI_LOCAL ? (
        <View className='ll-field ll-dev'>
          <Input
            className={`js-field-${name}`}
            placeholder='YYYY-MM-DD HH:mm'
            value={draft}
            onChange={(v: string) => {
              setDraft(v)
              if (isFormTime(v)) onChange(v)
            }}
          />
        </View>
      ) : null}
      {LINLI_LOCAL && draft !== value ? <Text className='ll-error-text'>格式：2026-12-01 14:00</Text> : null}
    </View>
  )
}
