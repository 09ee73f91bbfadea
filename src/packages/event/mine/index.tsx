// 我的活动: every event I registered for, newest first, with where my registration stands.
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { ROUTES, eventUrl, go } from '../../../routes'
import { PagedRows, usePagedList } from '../../../components/PagedList'
import { SessionPage, useRefreshOnShow } from '../../../components/SessionPage'
import { Empty } from '../../../components/StateView'
import { eventApi, type MyRegistration } from '../../../services/event'
import { eventTime } from '../../../utils/format'
import { RegistrationTag } from '../components'
import { tappable } from '../../../components/Tappable'

function Row({ item }: { item: MyRegistration }) {
  return (
    <View className={`ll-list-item ll-event js-registration js-event-${item.eventId}`} {...tappable(() => go(eventUrl(item.eventId)), { role: 'link' })}>
      <View className='ll-event__head'>
        <Text className='ll-event__title'>{item.title}</Text>
        <RegistrationTag status={item.status} checkedIn={item.checkedIn} />
      </View>
      <Text className='ll-event__time'>{eventTime(item.startAt)}</Text>
      <Text className='ll-block ll-text-2'>{item.place}</Text>
    </View>
  )
}

function MyEvents() {
  const list = usePagedList<MyRegistration>((cursor) => eventApi.myRegistrations(cursor ? { cursor } : {}))
  useRefreshOnShow(list.reload)
  return (
    <PagedRows
      list={list}
      empty={
        <Empty
          text='您还没有报名过活动。看看近期有什么活动吧。'
          action={
            <Button type='primary' className='js-empty-events' onClick={() => go(ROUTES.eventList)}>
              看看近期活动
            </Button>
          }
        />
      }
    >
      {(items) => (
        <Card className='js-my-registrations'>
          {items.map((item) => (
            <Row key={item.registrationId} item={item} />
          ))}
        </Card>
      )}
    </PagedRows>
  )
}

export default function MyEventsPage() {
  return (
    <SessionPage title='我的活动' subtitle='报名、候补和签到记录'>
      <MyEvents />
    </SessionPage>
  )
}
