// Pieces shared by the 活动报名 pages: ?id=, the audience and registration labels, facts, the
// date-and-time form field.
import { useEffect, useState, type ReactNode } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Input, Tag } from '@nutui/nutui-react-taro'
import type { AudienceKind } from '@core/event/rules'
import type { MyRegistration } from '../../services/event'
import { beijing } from '../../utils/format'
import { formTimeToIso, isFormTime } from '../../utils/formTime'
import './event.scss'

export const AUDIENCE_LABELS: Record<AudienceKind, string> = {
  all: '全体居民',
  buildings: '指定楼栋',
  members: '仅党员志愿者',
}

/** Reads `?id=` of this page ('' when there is none). */
export function useEventId(): string {
  const id = useRouter()?.params?.id ?? ''
  try {
    return decodeURIComponent(id)
  } catch {
    return id
  }
}

type RegistrationStatus = MyRegistration['status']

/** 已报名 / 候补中 / 已取消 / 已签到, one colour each. */
export function RegistrationTag({ status, checkedIn }: { status: RegistrationStatus; checkedIn: boolean }) {
  const [label, colour] =
    status === 'confirmed' ? (checkedIn ? ['已签到', '#237804'] : ['已报名', '#0958d9']) : status === 'waitlisted' ? ['候补中', '#ad4e00'] : ['已取消', '#595959']
  return (
    <Tag background={colour} color='#ffffff' className='js-my-status'>
      {label}
    </Tag>
  )
}

export function Fact({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <View className={`ev-fact ${className ?? ''}`}>
      <Text className='ev-fact__label'>{label}</Text>
      <View className='ev-fact__value'>{children}</View>
    </View>
  )
}

/**
 * A date and a time picker (native in WeChat), plus — in local builds only, for end-to-end
 * tests — a plain text field taking 'YYYY-MM-DD HH:mm' that stays in sync with them.
 */
export function DateTimeField({ label, name, value, onChange }: { label: string; name: string; value: string; onChange: (v: string) => void }) {
  const [date, time] = value.split(' ')
  const [draft, setDraft] = useState(value)
  useEffect(() => setDraft(value), [value])
  const day = beijing(formTimeToIso(value))
  return (
    <View className={`ev-time js-time-${name}`}>
      <Text className='ll-label'>{label}</Text>
      <View className='ev-time__pickers'>
        <Picker mode='date' className='ev-time__date' value={date} onChange={(e) => onChange(`${e.detail.value} ${time}`)}>
          <View className={`ev-picker js-pick-${name}-date`}>
            <Text>{day.format('YYYY年M月D日 ddd')}</Text>
          </View>
        </Picker>
        <Picker mode='time' className='ev-time__time' value={time} onChange={(e) => onChange(`${date} ${e.detail.value}`)}>
          <View className={`ev-picker ev-picker--time js-pick-${name}-time`}>
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
