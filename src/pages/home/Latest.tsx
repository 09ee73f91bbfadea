// 首页's two short lists: my latest requests and the coming events, three of each, each row opening
// its detail and 全部 › opening the whole list.
import { Text } from '@tarojs/components'
import { Card } from '../../components/Card'
import { EventRow } from '../../components/EventRow'
import { RequestRow } from '../../components/RequestRow'
import { ErrorBlock, Loading } from '../../components/StateView'
import { tappable } from '../../components/Tappable'
import { useResource } from '../../hooks/useResource'
import { ROUTES, go } from '../../routes'
import { eventApi } from '../../services/event'
import { requestApi } from '../../services/request'

/** 我的反映: the latest three, each opening its detail. */
export function MyRequests() {
  const mine = useResource(() => requestApi.listMine({ limit: 3 }), [], { refreshOnShow: true })
  return (
    <Card
      title='我的反映'
      className='js-my-requests-card'
      extra={
        <Text className='ll-more js-my-requests-all' {...tappable(() => go(ROUTES.requestMine), { role: 'link', label: '全部我的反映' })}>
          全部 ›
        </Text>
      }
    >
      {mine.error ? (
        <ErrorBlock message={mine.error} onRetry={() => void mine.reload()} />
      ) : !mine.data ? (
        <Loading />
      ) : mine.data.items.length ? (
        mine.data.items.slice(0, 3).map((item) => <RequestRow key={item.requestId} item={item} />)
      ) : (
        <Text className='ll-block ll-muted'>还没有反映过问题。有事点上方「我要反映」，网格员会限时响应。</Text>
      )}
    </Card>
  )
}

/** 近期活动: the next three events with their places left, each opening its detail. */
export function UpcomingEvents() {
  const events = useResource(() => eventApi.list({ when: 'upcoming', limit: 3 }), [], { refreshOnShow: true })
  return (
    <Card
      title='近期活动'
      className='js-home-events'
      extra={
        <Text className='ll-more js-home-events-all' {...tappable(() => go(ROUTES.eventList), { role: 'link', label: '全部活动' })}>
          全部 ›
        </Text>
      }
    >
      {events.error ? (
        <ErrorBlock message={events.error} onRetry={() => void events.reload()} />
      ) : !events.data ? (
        <Loading />
      ) : events.data.items.length ? (
        events.data.items.slice(0, 3).map((item) => <EventRow key={item.eventId} item={item} />)
      ) : (
        <Text className='ll-block ll-muted'>近期还没有活动。有新活动时会在这里显示，欢迎报名参加。</Text>
      )}
    </Card>
  )
}
