// 住户认证审核 (grid / branch): the pending bindings of my buildings; call, verify or reject with a reason.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Dialog, Input, Tag } from '@nutui/nutui-react-taro'
import type { OutputOf } from '@core/contract'
import { userContract, type UserContract } from '@core/user/contract'
import { Card } from '../../../components/Card'
import { PageShell } from '../../../components/PageShell'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { firstProblem } from '../../../services/validate'
import { userApi } from '../../../services/user'
import { useSession } from '../../../store/session'
import { useResource } from '../../../hooks/useResource'
import { RELATION_LABELS, fromNow } from '../../../utils/format'
import { tappable } from '../../../components/Tappable'

type Pending = OutputOf<UserContract['listPendingBindings']>['items'][number]

function PendingItem({ item, onDone }: { item: Pending; onDone: (id: string, verdict: string) => void }) {
  const [busy, setBusy] = useState(false)
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const [reasonProblem, setReasonProblem] = useState<string | null>(null)

  const verify = async () => {
    setBusy(true)
    const res = await userApi.verifyBinding({ bindingId: item.bindingId })
    setBusy(false)
    if (!res.ok) return void Taro.showToast({ title: res.message, icon: 'none' })
    onDone(item.bindingId, '已通过')
  }
  const reject = async () => {
    const data = { bindingId: item.bindingId, reason: reason.trim() }
    // the applicant reads why: the dialog stays open until a reason is written
    const problem = firstProblem(userContract.rejectBinding.input, data)
    if (problem) return setReasonProblem(problem)
    setReasonProblem(null)
    setRejecting(false)
    setBusy(true)
    const res = await userApi.rejectBinding(data)
    setBusy(false)
    if (!res.ok) return void Taro.showToast({ title: res.message, icon: 'none' })
    onDone(item.bindingId, '已驳回')
  }

  return (
    <View className={`ll-list-item js-pending-item js-pending-${item.bindingId}`}>
      <View className='ll-row'>
        <Text className='ll-card__title'>{item.displayName}</Text>
        <Tag type='default'>{RELATION_LABELS[item.relation]}</Tag>
      </View>
      <Text className='ll-block'>
        {item.buildingName}
        {item.unit}单元{item.room}室 · {item.area} m²
      </Text>
      <Text className='ll-block ll-muted'>
        {item.phone ? (
          <Text className='js-call ll-link' {...tappable(() => void Taro.makePhoneCall({ phoneNumber: item.phone! }).catch(() => undefined), { role: 'link' })}>
            电话 {item.phone} ·{' '}
          </Text>
        ) : (
          '未留电话 · '
        )}
        {fromNow(item.createdAt)}申请
      </Text>
      <View className='ll-actions'>
        <Button size='small' disabled={busy} className='js-reject' onClick={() => setRejecting(true)}>
          驳回
        </Button>
        <Button type='primary' size='small' loading={busy} disabled={busy} className='js-verify' onClick={() => void verify()}>
          核实通过
        </Button>
      </View>
      <Dialog
        visible={rejecting}
        title='驳回认证申请'
        confirmText='驳回'
        cancelText='取消'
        onConfirm={() => void reject()}
        onCancel={() => setRejecting(false)}
        onClose={() => setRejecting(false)}
      >
        <Text className='ll-block ll-muted'>请写明原因，申请人会看到：</Text>
        <View className='ll-field'>
          <Input className='js-reject-reason' placeholder='如：房号与登记信息不符' value={reason} maxLength={100} onChange={(v: string) => setReason(v)} />
        </View>
        {reasonProblem ? <Text className='ll-error-text js-reject-problem'>{reasonProblem}</Text> : null}
      </Dialog>
    </View>
  )
}

export default function Verify() {
  const { hasRole, status } = useSession()
  const list = useResource(() => userApi.listPendingBindings({ limit: 50 }))
  const [done, setDone] = useState<Record<string, string>>({})
  useDidShow(() => void list.reload())

  if (status === 'ready' && !hasRole('grid', 'branch')) {
    return (
      <PageShell title='住户认证审核'>
        <Empty text='只有楼栋长、网格员和党支部可以审核住户认证' />
      </PageShell>
    )
  }
  const items = (list.data?.items ?? []).filter((i) => !done[i.bindingId])
  return (
    <PageShell title='住户认证审核' subtitle='请电话或上门核实后再通过'>
      {list.error ? <ErrorBlock message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && !items.length ? <Empty text='没有待审核的申请' /> : null}
      {items.length ? (
        <Card title={`待审核 ${items.length} 条`} className='js-pending-list'>
          {items.map((item) => (
            <PendingItem
              key={item.bindingId}
              item={item}
              onDone={(id, verdict) => {
                setDone((d) => ({ ...d, [id]: verdict }))
                void Taro.showToast({ title: verdict, icon: 'success' })
              }}
            />
          ))}
        </Card>
      ) : null}
      {list.data?.nextCursor ? <Text className='ll-muted'>处理完这些后刷新查看更多</Text> : null}
    </PageShell>
  )
}
