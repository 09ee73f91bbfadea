// 反映详情: what was reported, where it stands, who handles it, every step so far, and the actions
// the caller may take now (exactly `view.can`). Each action answers with the new view.
import { View } from '@tarojs/components'
import { ReportAction } from '../../../components/ReportAction'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { useSession } from '../../../store/session'
import { RequestPage } from '../components'
import { LogHours } from '../LogHours'
import { ActionDialog } from './ActionDialog'
import { Actions } from './Actions'
import { Facts } from './Facts'
import { ProposeTopic } from './ProposeTopic'
import { RateCard } from './RateCard'
import { Timeline } from './Timeline'
import { useRequestDetail, useRequestId } from './useRequestDetail'

function Detail({ requestId }: { requestId: string }) {
  const { hasRole } = useSession()
  const d = useRequestDetail(requestId)
  if (!d.data) return d.error ? <ErrorBlock message={d.error} onRetry={() => void d.reload()} /> : <Loading />
  const v = d.data
  return (
    <View className='js-request-detail'>
      <Facts v={v} />

      {/* the function says whether the caller is the volunteer who claimed it (by id: two neighbours may share a name) */}
      {v.category === 'help' && (v.state === 'resolved' || v.state === 'closed') && v.claimedByMe ? (
        <LogHours requestId={requestId} logged={!!v.hoursLogged} />
      ) : null}

      {v.can.includes('confirm') ? <RateCard requestId={requestId} onDone={d.setData} /> : null}

      <Actions can={v.can} busy={d.busy} error={d.actionError} onAction={d.onAction} />

      {hasRole('branch', 'committee', 'property', 'officer', 'grid') ? <ProposeTopic v={v} /> : null}

      <Timeline entries={v.timeline} urls={v.photoUrls} />

      {v.visibility === 'public' ? (
        <View className='ll-row js-report-row'>
          <ReportAction kind='request' refId={v.requestId} />
        </View>
      ) : null}

      <ActionDialog kind={d.dialog} requestId={requestId} transferTo={v.transferTo ?? []} asksHours={v.category === 'help' && !!v.claimedByMe} onClose={d.closeDialog} onDone={d.applied} />
    </View>
  )
}

export default function RequestDetail() {
  const requestId = useRequestId()
  return (
    <RequestPage title='反映详情'>
      {requestId ? <Detail requestId={requestId} /> : <Empty text='没有找到这条反映' />}
    </RequestPage>
  )
}
