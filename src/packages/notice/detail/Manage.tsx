// 通知管理 / 阅读情况: the read count for publishers (view.canManage), building leaders and grid
// workers; publishers also edit the notice and take it down (下架, after a confirming dialog).
import { Text, View } from '@tarojs/components'
import { Button, Dialog } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { go, noticeUrl } from '../../../routes'
import type { NoticeView } from '../../../services/notice'
import type { NoticeDetailState } from './useNoticeDetail'

export function ManageCard({ noticeId, v, canSeeStats, onArchive }: { noticeId: string; v: NoticeView; canSeeStats: boolean; onArchive: () => void }) {
  if (!v.canManage && !canSeeStats) return null
  const archived = v.state === 'archived'
  return (
    <Card title={v.canManage ? '通知管理' : '阅读情况'} className='js-notice-manage'>
      <Text className='ll-block ll-text-2 js-read-count'>已读 {v.readCount} 人</Text>
      <View className='ll-gap' />
      <View className='ntc-buttons'>
        {v.canManage && !archived ? (
          <Button size='large' className='js-edit-notice' onClick={() => go(noticeUrl(noticeId, 'noticeEdit'))}>
            编辑
          </Button>
        ) : null}
        {canSeeStats ? (
          <Button size='large' type='primary' className='js-read-stats' onClick={() => go(noticeUrl(noticeId, 'noticeStats'))}>
            阅读统计
          </Button>
        ) : null}
        {v.canManage && !archived ? (
          <Button size='large' fill='outline' type='primary' className='js-archive' onClick={onArchive}>
            下架
          </Button>
        ) : null}
      </View>
      {archived ? <Text className='ll-block ll-muted js-archived-note'>通知已下架，居民不再看到。</Text> : null}
    </Card>
  )
}

export function ArchiveDialog({ d }: { d: NoticeDetailState }) {
  return (
    <Dialog visible={d.archiving} title='下架通知' confirmText='下架' cancelText='取消' onConfirm={d.archive} onCancel={d.closeArchive} onClose={d.closeArchive}>
      <View className='js-dialog-archive'>
        <Text className='ll-block'>下架后居民将不再看到这条通知，已读记录会保留。确定下架吗？</Text>
        {d.archiveError ? <Text className='ll-error-text js-dialog-error'>{d.archiveError}</Text> : null}
      </View>
    </Dialog>
  )
}
