// 报名名单 (organisers): who is confirmed (and checked in) and who waits, in order, with a phone to call;
// a registration a worker made for a resident (代办) says so.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Tag } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { SessionPage, useRefreshOnShow } from '../../../components/SessionPage'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { eventApi, type Attendee } from '../../../services/event'
import { useResource } from '../../../hooks/useResource'
import { eventTime } from '../../../utils/format'
import { useEventId } from '../components'
import { tappable } from '../../../components/Tappable'

function Person({ a, waitlisted }: { a: Attendee; waitlisted?: boolean }) {
  // organisers get full numbers; a masked one cannot be dialled
  const canCall = !!a.phone && !a.phone.includes('*')
  return (
    <View className={`ev-person js-attendee js-attendee-${a.registrationId}`}>
      <View className='ev-person__main'>
        <View className='ll-row'>
          <Text className='ev-person__name'>{a.name}</Text>
          {waitlisted ? (
            <Tag background='#ad4e00' color='#ffffff' className='js-position'>
              候补第 {a.position ?? '—'} 位
            </Tag>
          ) : a.checkedIn ? (
            <Tag background='#237804' color='#ffffff' className='js-checked-in'>
              已签到
            </Tag>
          ) : null}
        </View>
        {a.home ? <Text className='ll-muted'>{a.home}</Text> : null}
        {a.actedBy ? <Text className='ll-muted js-acted-by'>{a.actedBy}代办（居民口头同意）</Text> : null}
        <Text className='ll-muted'>报名于 {eventTime(a.registeredAt)}</Text>
      </View>
      {a.phone ? (
        <Text
          className={`js-phone ${canCall ? 'ev-phone' : 'll-muted'}`}
          {...(canCall ? tappable(() => void Taro.makePhoneCall({ phoneNumber: a.phone! }).catch(() => undefined), { role: 'link' }) : {})}
        >
          {a.phone}
          {canCall ? ' 拨打' : ''}
        </Text>
      ) : null}
    </View>
  )
}

function Attendees({ eventId }: { eventId: string }) {
  const list = useResource(() => eventApi.attendees({ eventId }), [eventId])
  useRefreshOnShow(list.reload)
  if (list.error) return <ErrorBlock message={list.error} onRetry={() => void list.reload()} />
  if (!list.data) return <Loading />
  const { confirmed, waitlisted } = list.data
  const checkedIn = confirmed.filter((a) => a.checkedIn).length
  return (
    <>
      <Card
        title={`已报名 ${confirmed.length} 人`}
        extra={<Text className='ll-muted js-checked-in-count'>已签到 {checkedIn} 人</Text>}
        className='js-attendees-confirmed'
      >
        {confirmed.length ? confirmed.map((a) => <Person key={a.registrationId} a={a} />) : <Text className='ll-block ll-muted'>还没有人报名</Text>}
      </Card>
      <Card title={`候补 ${waitlisted.length} 人`} className='js-attendees-waitlisted'>
        {waitlisted.length ? (
          <>
            <Text className='ll-block ll-muted'>有人取消报名时，按以下顺序自动递补。</Text>
            {waitlisted.map((a) => (
              <Person key={a.registrationId} a={a} waitlisted />
            ))}
          </>
        ) : (
          <Text className='ll-block ll-muted'>没有候补</Text>
        )}
      </Card>
    </>
  )
}

export default function AttendeesPage() {
  const eventId = useEventId()
  return (
    <SessionPage title='报名名单' subtitle='电话号码仅供组织活动联系使用'>
      {eventId ? <Attendees eventId={eventId} /> : <Empty text='没有找到这个活动' />}
    </SessionPage>
  )
}
