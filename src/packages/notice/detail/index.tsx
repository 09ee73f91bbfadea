// 通知详情: the notice (sanitised rich text, images, attachments, a fee table for 物业公示). Opening
// it marks it read on the server. Its publishers (view.canManage) edit it, take it down and see who
// read it; building leaders and grid workers see who read it.
import { View } from '@tarojs/components'
import { ReportAction } from '../../../components/ReportAction'
import { SessionPage } from '../../../components/SessionPage'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { useSession } from '../../../store/session'
import { useNoticeId } from '../components'
import { Body } from './Body'
import { ArchiveDialog, ManageCard } from './Manage'
import { Attachments } from './Media'
import { Revisions } from './Revisions'
import { useNoticeDetail } from './useNoticeDetail'

function Detail({ noticeId }: { noticeId: string }) {
  const { hasRole } = useSession()
  const d = useNoticeDetail(noticeId)
  if (!d.data) return d.error ? <ErrorBlock message={d.error} onRetry={() => void d.reload()} /> : <Loading />
  const v = d.data
  return (
    <View className='js-notice-detail'>
      <Body v={v} />
      <Revisions history={v.history} historyPublic={v.historyPublic} />
      <Attachments attachments={v.attachments} />
      <ManageCard noticeId={noticeId} v={v} canSeeStats={v.canManage || hasRole('grid')} onArchive={d.openArchive} />

      {!v.canManage ? (
        <View className='ll-row js-report-row'>
          <ReportAction kind='notice' refId={noticeId} />
        </View>
      ) : null}

      <ArchiveDialog d={d} />
    </View>
  )
}

export default function NoticeDetailPage() {
  const noticeId = useNoticeId()
  return <SessionPage title='通知详情'>{noticeId ? <Detail noticeId={noticeId} /> : <Empty text='没有找到这条通知' />}</SessionPage>
}
