// 通知详情: the notice (sanitised rich text, images, attachments, a fee table for 物业公示). Opening
// it marks it read on the server. Its publishers (view.canManage) edit it, take it down and see who
// read it; building leaders and grid workers see who read it.
import { useCallback, useEffect, useState } from 'react'
import { Image, RichText, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Dialog, Tag } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { ReportAction } from '../../../components/ReportAction'
import { go, noticeUrl } from '../../../routes'
import { ImportantTag, NoticeCategoryTag, PinnedTag } from '../../../components/NoticeRow'
import { SessionPage, useRefreshOnShow } from '../../../components/SessionPage'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { isWeapp } from '../../../services/platform'
import { noticeApi, type NoticeView } from '../../../services/notice'
import { useSession } from '../../../store/session'
import { eventTime } from '../../../utils/format'
import { FeeTable, money, useNoticeId } from '../components'
import { tappable } from '../../../components/Tappable'

type Revision = NoticeView['history'][number]
type Change = Revision['changes'][number]

const amount = (v: number | null) => (v === null ? '—' : money(v))

/** One change of an edit: a fee line with its old and new amounts, or the old and new title or text. */
function ChangeLine({ change }: { change: Change }) {
  if (change.field === 'fee') {
    const what = change.beforeAmount === null ? '新增' : change.afterAmount === null ? '删除' : '金额'
    return (
      <Text className='ll-block ntc-change js-change js-change-fee'>
        {change.label} {what}：{amount(change.beforeAmount)} 元 → {amount(change.afterAmount)} 元
      </Text>
    )
  }
  if (change.field === 'title') {
    return (
      <Text className='ll-block ntc-change js-change js-change-title'>
        标题：「{change.before}」改为「{change.after}」
      </Text>
    )
  }
  if (change.field === 'content') {
    return (
      <View className='ntc-change js-change js-change-content'>
        <Text className='ll-block'>正文已修改，修改前：</Text>
        <Text className='ll-block ll-muted ntc-change__before'>{change.before}</Text>
      </View>
    )
  }
  return <Text className='ll-block ntc-change js-change'>{change.label}已修改</Text>
}

/** 修改记录: every edit of a 物业公示 (public to all readers), else the latest edit. */
function Revisions({ history, historyPublic }: { history: Revision[]; historyPublic: boolean }) {
  if (!history.length) return null
  return (
    <Card title={historyPublic ? '修改记录（公开）' : '最近一次修改'} className='js-notice-history'>
      {history.map((r) => (
        <View key={r.version} className='ntc-revision js-revision'>
          <Text className='ll-block ll-text-2'>
            {eventTime(r.editedAt)} 修改（第 {r.version} 版）
          </Text>
          {r.changes.map((c, i) => (
            <ChangeLine key={i} change={c} />
          ))}
        </View>
      ))}
    </Card>
  )
}

/** 'cloud://env.xxx/notices/2026/停水范围.png' → '停水范围.png'. */
function fileName(fileId: string): string {
  const last = fileId.split('/').pop() ?? fileId
  try {
    return decodeURIComponent(last)
  } catch {
    return last
  }
}

function Images({ images }: { images: string[] }) {
  if (!images.length) return null
  return (
    <View className='ntc-images js-notice-images'>
      {images.map((src) =>
        isWeapp ? (
          <Image
            key={src}
            className='ntc-image js-notice-image'
            src={src}
            mode='aspectFill'
            lazyLoad
            {...tappable(() => void Taro.previewImage({ urls: images, current: src }).catch(() => undefined), { label: '查看大图' })}
          />
        ) : (
          // cloud:// file ids only resolve inside WeChat
          <View key={src} className='ntc-image ntc-image--placeholder js-notice-image'>
            <Text className='ll-muted'>图片</Text>
            <Text className='ntc-image__name'>{fileName(src)}</Text>
          </View>
        ),
      )}
    </View>
  )
}

function Attachments({ attachments }: { attachments: NoticeView['attachments'] }) {
  const [opening, setOpening] = useState<string | null>(null)
  if (!attachments.length) return null
  const open = async (fileId: string) => {
    if (!isWeapp || opening) return
    setOpening(fileId)
    try {
      void Taro.showLoading({ title: '正在打开…' })
      const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: fileId })
      await Taro.openDocument({ filePath: tempFilePath, showMenu: true })
    } catch {
      void Taro.showToast({ title: '附件打开失败，请稍后再试', icon: 'none' })
    } finally {
      void Taro.hideLoading()
      setOpening(null)
    }
  }
  return (
    <Card title='附件' className='js-notice-attachments'>
      {attachments.map((a) => (
        <View key={a.fileId} className='ntc-file js-attachment'>
          <Text className='ntc-file__name'>{a.name}</Text>
          {isWeapp ? (
            <Button size='small' fill='outline' type='primary' loading={opening === a.fileId} disabled={!!opening} onClick={() => void open(a.fileId)}>
              打开
            </Button>
          ) : null}
        </View>
      ))}
      {isWeapp ? null : <Text className='ll-block ll-muted js-attachment-note'>请在微信小程序中打开附件</Text>}
    </Card>
  )
}

function Detail({ noticeId }: { noticeId: string }) {
  const { hasRole } = useSession()
  const [view, setView] = useState<NoticeView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [archiving, setArchiving] = useState(false)
  const [archiveError, setArchiveError] = useState<string | null>(null)

  // `get` also records the read (the first one per user and household counts)
  const load = useCallback(async () => {
    setError(null)
    const res = await noticeApi.get({ noticeId })
    if (res.ok) setView(res.data)
    else setError(res.message)
  }, [noticeId])
  useEffect(() => {
    void load()
  }, [load])
  useRefreshOnShow(load)

  if (error && !view) return <ErrorBlock message={error} onRetry={() => void load()} />
  if (!view) return <Loading />

  // NutUI closes the dialog when this resolves and keeps it open (with the error) when it throws.
  const archive = async () => {
    const res = await noticeApi.archive({ noticeId })
    if (!res.ok) {
      setArchiveError(res.message)
      throw new Error(res.message)
    }
    setArchiving(false)
    setView((v) => (v ? { ...v, state: 'archived' } : v))
    void Taro.showToast({ title: '已下架', icon: 'success' })
  }

  const v = view
  const archived = v.state === 'archived'
  const showFees = v.category === 'disclosure' && v.feeTable.length > 0
  const canSeeStats = v.canManage || hasRole('grid')
  return (
    <View className='js-notice-detail'>
      <Card>
        <View className='ll-row'>
          {v.pinned ? <PinnedTag /> : null}
          {v.important ? <ImportantTag /> : null}
          <NoticeCategoryTag category={v.category} />
          {archived ? (
            <Tag background='#595959' color='#ffffff' className='js-archived-tag'>
              已下架
            </Tag>
          ) : null}
        </View>
        <Text className='ntc-title js-notice-title'>{v.title}</Text>
        <Text className='ntc-meta js-notice-meta'>
          {v.publisherName} · {eventTime(v.publishedAt)}
          {Date.parse(v.publishedAt) > Date.now() ? '（定时发布）' : ''}
        </Text>
        {v.editedAt ? <Text className='ntc-meta ntc-edited js-notice-edited'>已于 {eventTime(v.editedAt)} 修改，修改内容见下方</Text> : null}
        {/* the server stores only sanitised HTML (a small allowlist; images only from cloud storage) */}
        <RichText className='ntc-content js-notice-content' nodes={v.content} />
        <Images images={v.images} />
      </Card>

      {showFees ? (
        <Card title='费用明细' className='js-fee-card'>
          <FeeTable rows={v.feeTable} />
        </Card>
      ) : null}

      <Revisions history={v.history} historyPublic={v.historyPublic} />

      <Attachments attachments={v.attachments} />

      {v.canManage || canSeeStats ? (
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
              <Button
                size='large'
                fill='outline'
                type='primary'
                className='js-archive'
                onClick={() => {
                  setArchiveError(null)
                  setArchiving(true)
                }}
              >
                下架
              </Button>
            ) : null}
          </View>
          {archived ? <Text className='ll-block ll-muted js-archived-note'>通知已下架，居民不再看到。</Text> : null}
        </Card>
      ) : null}

      {!v.canManage ? (
        <View className='ll-row js-report-row'>
          <ReportAction kind='notice' refId={noticeId} />
        </View>
      ) : null}

      <Dialog
        visible={archiving}
        title='下架通知'
        confirmText='下架'
        cancelText='取消'
        onConfirm={archive}
        onCancel={() => setArchiving(false)}
        onClose={() => setArchiving(false)}
      >
        <View className='js-dialog-archive'>
          <Text className='ll-block'>下架后居民将不再看到这条通知，已读记录会保留。确定下架吗？</Text>
          {archiveError ? <Text className='ll-error-text js-dialog-error'>{archiveError}</Text> : null}
        </View>
      </Dialog>
    </View>
  )
}

export default function NoticeDetailPage() {
  const noticeId = useNoticeId()
  return <SessionPage title='通知详情'>{noticeId ? <Detail noticeId={noticeId} /> : <Empty text='没有找到这条通知' />}</SessionPage>
}
