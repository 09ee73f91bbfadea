// 内容审核 (党支部、业委会、社区/街道): what the content check held and what residents reported, the
// most reported first; approve or hide, always with a reason (the author is told it, and the decision
// is audited).
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Dialog, Tag, TextArea } from '@nutui/nutui-react-taro'
import { MODERATION_KIND_LABELS, MODERATORS } from '@core/admin/rules'
import { Card } from '../../../components/Card'
import { Empty, RemoteView } from '../../../components/StateView'
import { adminApi, type QueueItem } from '../../../services/admin'
import { adminContract } from '@core/admin/contract'
import { firstProblem } from '../../../services/validate'
import { CompoundPicker } from '../CompoundPicker'
import { useResource } from '../../../hooks/useResource'
import { dateTime } from '../../../utils/format'
import { AdminPage, useRefreshOnShow } from '../components'

type Decision = 'approve' | 'hide'

const key = (q: QueueItem) => `${q.kind}:${q.refId}`

function Item({ q, onDecide }: { q: QueueItem; onDecide: (d: Decision) => void }) {
  return (
    <View className={`adm-item js-queue-item js-queue-${q.kind}-${q.refId}`}>
      <View className='adm-item__head'>
        <Text className='adm-item__title'>
          {MODERATION_KIND_LABELS[q.kind]} · {q.title}
        </Text>
        <View className='ll-row'>
          {q.held ? <Tag type='warning'>待审核</Tag> : null}
          {q.reports ? <Tag type='danger'>被举报 {q.reports} 次</Tag> : null}
        </View>
      </View>
      <Text className='ll-block ll-text-2 js-queue-excerpt'>{q.excerpt}</Text>
      <Text className='ll-block ll-muted'>
        {q.authorName} · {dateTime(q.createdAt)}
      </Text>
      {q.reasons.length ? <Text className='ll-block ll-text-2 js-queue-reasons'>举报理由：{q.reasons.join('；')}</Text> : null}
      <View className='adm-actions'>
        <Button size='small' type='primary' className='js-approve' onClick={() => onDecide('approve')}>
          通过
        </Button>
        <Button size='small' className='js-hide' onClick={() => onDecide('hide')}>
          隐藏
        </Button>
      </View>
    </View>
  )
}

function Queue() {
  // an officer's choice of compound in scope; empty: the caller's own
  const [compoundId, setCompoundId] = useState('')
  const queue = useResource(() => adminApi.moderationQueue(compoundId ? { compoundId } : {}), [compoundId])
  useRefreshOnShow(queue.reload, queue.loading)
  const [done, setDone] = useState<string[]>([])
  const [open, setOpen] = useState<{ q: QueueItem; decision: Decision } | null>(null)
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  const start = (q: QueueItem, decision: Decision) => {
    setReason('')
    setProblem(null)
    setOpen({ q, decision })
  }

  // NutUI keeps the dialog open (with the message) when this throws
  const confirm = async () => {
    if (!open) return
    const data = { kind: open.q.kind, refId: open.q.refId, decision: open.decision, reason: reason.trim() }
    const local = data.reason ? firstProblem(adminContract.moderate.input, data) : open.decision === 'hide' ? '请写明隐藏的理由，作者会看到' : '请写明通过的理由'
    if (local) {
      setProblem(local)
      throw new Error(local)
    }
    const res = await adminApi.moderate(data)
    if (!res.ok) {
      setProblem(res.message)
      throw new Error(res.message)
    }
    setDone((d) => [...d, key(open.q)])
    setOpen(null)
    void Taro.showToast({ title: open.decision === 'approve' ? '已通过' : '已隐藏', icon: 'success' })
  }

  return (
    <>
      <CompoundPicker value={compoundId} onChange={setCompoundId} />
      <RemoteView loading={queue.loading} error={queue.error} data={queue.data} onRetry={() => void queue.reload()}>
        {(d) => {
          const items = d.items.filter((q) => !done.includes(key(q)))
          return items.length ? (
            <Card title={`待处理 ${items.length} 条`} className='js-queue'>
              {items.map((q) => (
                <Item key={key(q)} q={q} onDecide={(decision) => start(q, decision)} />
              ))}
            </Card>
          ) : (
            <Empty text='没有待审核或被举报的内容' />
          )
        }}
      </RemoteView>
      <Dialog
        visible={!!open}
        title={open?.decision === 'hide' ? '隐藏这条内容' : '审核通过'}
        confirmText={open?.decision === 'hide' ? '隐藏' : '通过'}
        cancelText='取消'
        onConfirm={confirm}
        onCancel={() => setOpen(null)}
        onClose={() => setOpen(null)}
      >
        {open ? (
          <View className={`js-dialog-${open.decision}`}>
            <Text className='ll-block ll-muted'>{open.decision === 'hide' ? '隐藏后居民看不到这条内容。' : '通过后举报会关闭，内容照常显示。'}请写明理由，作者会在消息中心看到，这次处理会记入操作日志。</Text>
            <View className='adm-input'>
              <TextArea className='js-reason-input' placeholder={open.decision === 'hide' ? '如：含有他人手机号，涉及隐私' : '如：经核实内容属实，未违反公约'} value={reason} maxLength={100} showCount onChange={(t: string) => setReason(t)} />
            </View>
            {problem ? <Text className='ll-block ll-error-text js-reason-error'>{problem}</Text> : null}
          </View>
        ) : null}
      </Dialog>
    </>
  )
}

export default function ModerationPage() {
  return (
    <AdminPage title='内容审核' subtitle='待审核与被举报的内容' allow={(s) => s.hasRole(...MODERATORS)} denied={<Empty text='内容审核供党支部、业委会和社区/街道处理' />}>
      <Queue />
    </AdminPage>
  )
}
