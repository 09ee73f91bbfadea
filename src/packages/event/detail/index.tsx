// 活动详情: what, when, where, for whom, places left or my place on the waitlist. Residents register,
// cancel and check in; organisers (view.canManage) edit, cancel the event, see who comes, show the
// check-in code and export the list.
import { Text, View } from '@tarojs/components'
import { SessionPage } from '../../../components/SessionPage'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { useSession } from '../../../store/session'
import { useEventId } from '../components'
import { CancelDialog, CheckinCard, ManageCard, ResidentActions } from './Panels'
import { MineCard, ProxyRegistration } from './Registration'
import { Summary } from './Summary'
import { useEventDetail } from './useEventDetail'

function Detail({ eventId }: { eventId: string }) {
  const { hasRole } = useSession()
  const e = useEventDetail(eventId)
  if (!e.data) return e.error ? <ErrorBlock message={e.error} onRetry={() => void e.reload()} /> : <Loading />
  const v = e.data
  const now = Date.now()
  return (
    <View className='js-event-detail'>
      <Summary v={v} now={now} />
      <MineCard v={v} />
      <CheckinCard v={v} e={e} />
      {e.checkinNote ? <Text className='ll-block ll-text-2 js-checkin-done'>{e.checkinNote}</Text> : null}
      <ResidentActions v={v} e={e} />
      {v.state === 'published' && hasRole('grid', 'branch') ? <ProxyRegistration eventId={eventId} onDone={() => void e.reload()} /> : null}
      <ManageCard v={v} e={e} now={now} />
      <CancelDialog v={v} e={e} />
    </View>
  )
}

export default function EventDetail() {
  const eventId = useEventId()
  return <SessionPage title='活动详情'>{eventId ? <Detail eventId={eventId} /> : <Empty text='没有找到这个活动' />}</SessionPage>
}
