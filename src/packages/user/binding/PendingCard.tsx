// The application waiting for the 楼栋长/网格员, with a way to take it back.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { userApi } from '../../../services/user'
import { useSession } from '../../../store/session'
import { RELATION_LABELS, dateTime, homeLabel } from '../../../utils/format'

export function PendingCard() {
  const { session, refresh } = useSession()
  const [busy, setBusy] = useState(false)
  const b = session?.binding
  if (!b || b.state !== 'pending') return null
  const cancel = async () => {
    const ok = await Taro.showModal({ title: '撤回申请', content: '确定撤回这条认证申请吗？', confirmText: '撤回' })
    if (!ok.confirm) return
    setBusy(true)
    const res = await userApi.cancelBinding({ bindingId: b.bindingId })
    setBusy(false)
    if (!res.ok) return void Taro.showToast({ title: res.message, icon: 'none' })
    await refresh()
  }
  return (
    <Card title='审核中' extra={<Tag type='warning'>待审核</Tag>} className='ll-notice ll-notice--warn js-binding-pending'>
      <Text className='ll-block ll-card__title'>{homeLabel(b)}</Text>
      <Text className='ll-block ll-muted'>
        {RELATION_LABELS[b.relation]} · {dateTime(b.createdAt)} 提交
      </Text>
      <Text className='ll-block ll-text-2' style={{ marginTop: '12px' }}>
        楼栋长或网格员会尽快核实（可能会打电话或上门确认）。审核通过后，首页会显示「已认证」。
      </Text>
      <View className='ll-actions'>
        <Button size='small' loading={busy} className='js-cancel-binding' onClick={() => void cancel()}>
          撤回申请
        </Button>
        <Button size='small' type='primary' className='js-back-home' onClick={() => void Taro.switchTab({ url: '/pages/home/index' })}>
          返回首页
        </Button>
      </View>
    </Card>
  )
}
