// One event in a list (首页 近期活动, 活动报名): title, when, where, places left, the signup deadline.
import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import type { EventSummary } from '../../services/event'
import { eventTime, eventTimeRange } from '../../utils/format'
import { eventUrl, go } from '../../routes'
import { tappable } from '../Tappable'

/** 「剩余 N 个名额」, 「名额已满，可候补」 or 「不限名额」. */
export function placesText(placesLeft: number | null): string {
  if (placesLeft === null) return '不限名额'
  if (placesLeft <= 0) return '名额已满，可候补'
  return `剩余 ${placesLeft} 个名额`
}

/** Green while places are left, orange when only the waitlist is open, grey when unlimited. */
export function PlacesTag({ placesLeft }: { placesLeft: number | null }) {
  const kind = placesLeft === null ? 'unlimited' : placesLeft <= 0 ? 'full' : 'open'
  const colour = kind === 'open' ? '#237804' : kind === 'full' ? '#ad4e00' : '#595959'
  return (
    <Tag plain background={colour} className={`js-places js-places-${kind}`}>
      {placesText(placesLeft)}
    </Tag>
  )
}

export function CancelledTag() {
  return (
    <Tag background='#595959' color='#ffffff' className='js-event-cancelled'>
      已取消
    </Tag>
  )
}

/** The deadline while signups are open, 报名已截止 after it. */
export function deadlineText(signupDeadline: string, now: number): string {
  return now <= Date.parse(signupDeadline) ? `报名截止 ${eventTime(signupDeadline)}` : '报名已截止'
}

export function EventRow({ item, now = Date.now() }: { item: EventSummary; now?: number }) {
  const cancelled = item.state === 'cancelled'
  const ended = now >= Date.parse(item.endAt)
  return (
    <View className={`ll-list-item ll-event js-event-row js-event-${item.eventId}`} {...tappable(() => go(eventUrl(item.eventId)), { role: 'link' })}>
      <View className='ll-event__head'>
        <Text className='ll-event__title js-event-title'>{item.title}</Text>
        {cancelled ? <CancelledTag /> : null}
      </View>
      <Text className='ll-event__time js-event-time'>{eventTimeRange(item.startAt, item.endAt)}</Text>
      <Text className='ll-block ll-text-2 js-event-place'>{item.place}</Text>
      {cancelled ? null : ended ? (
        <View className='ll-event__foot'>
          <Text className='ll-muted'>已结束 · {item.confirmedCount} 人报名</Text>
        </View>
      ) : (
        <View className='ll-event__foot'>
          <PlacesTag placesLeft={item.placesLeft} />
          <Text className='ll-muted js-event-deadline'>{deadlineText(item.signupDeadline, now)}</Text>
        </View>
      )}
    </View>
  )
}
