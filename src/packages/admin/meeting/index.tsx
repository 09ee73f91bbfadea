// 会议详情: one 三方联席会议 — its agenda items, each with the decision taken (written back onto the
// request's timeline and told to whoever raised it), and the attendees and minutes.
import { Text } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { MEETING_ROLES } from '@core/admin/rules'
import { Card } from '../../../components/Card'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { useResource } from '../../../hooks/useResource'
import { adminApi } from '../../../services/admin'
import { dateTime } from '../../../utils/format'
import { AdminPage, useParam } from '../components'
import { ItemDecision } from './ItemDecision'
import { Minutes } from './Minutes'

function Meeting({ meetingId }: { meetingId: string }) {
  const resource = useResource(() => adminApi.meeting({ meetingId }), [meetingId], { refreshOnShow: true })
  const load = () => void resource.reload()
  const meeting = resource.data
  if (resource.error && !meeting) return <ErrorBlock message={resource.error} onRetry={load} />
  if (!meeting) return <Loading />
  return (
    <>
      <Card title={meeting.title} extra={<Tag type={meeting.state === 'held' ? 'success' : 'warning'}>{meeting.state === 'held' ? '已召开' : '待召开'}</Tag>} className='js-meeting-head'>
        <Text className='ll-block ll-text-2'>
          {dateTime(meeting.at)} · {meeting.place}
        </Text>
        {meeting.attendees.length ? <Text className='ll-block ll-muted js-attendees'>参会：{meeting.attendees.map((a) => `${a.name}（${a.role}）`).join('、')}</Text> : null}
      </Card>
      <Card title={`议题（${meeting.items.length}）`} className='js-items'>
        {meeting.items.length ? meeting.items.map((i) => <ItemDecision key={i.itemId} item={i} onDecided={load} />) : <Empty text='这次会议还没有议题，可在三方联席会议页勾选议题后创建会议' />}
      </Card>
      <Minutes key={meeting.state} meeting={meeting} onSaved={load} />
    </>
  )
}

export default function MeetingPage() {
  const meetingId = useParam('id')
  return (
    <AdminPage title='会议详情' subtitle='三方联席会议' allow={(s) => s.hasRole(...MEETING_ROLES)} denied={<Empty text='会议记录供党支部、业委会、物业和社区/街道查看' />}>
      {meetingId ? <Meeting meetingId={meetingId} /> : <Empty text='没有找到这次会议' />}
    </AdminPage>
  )
}
