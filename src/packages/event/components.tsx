// Pieces shared by the 活动报名 pages: ?id=, the audience and registration labels, facts, the
// date-and-time form field.
import { useRouter } from '@tarojs/taro'
import { Tag } from '@nutui/nutui-react-taro'
import type { AudienceKind } from '@core/event/rules'
import type { MyRegistration } from '../../services/event'
import { Fact } from '../../components/Fact'
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

export { Fact }

export { DateTimeField } from '../../components/DateTimeField'
