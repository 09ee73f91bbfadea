// 为队员登记服务时长: a leader logs a member's service; it counts as verified at once.
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { Empty } from '../../../components/StateView'
import type { Member } from '../../../services/volunteer'
import { Choices, DateTimeField } from '../components'
import { useLogForm } from './useLogForm'

export function LogForm({ teamId, members }: { teamId: string; members: Member[] }) {
  const { form, set, busy, error, send } = useLogForm(teamId)
  if (!members.length) return <Empty text='还没有队员' />
  return (
    <Card title='为队员登记服务时长' className='js-log-form'>
      <Choices label='队员' options={members.map((m) => ({ value: m.userId, label: m.name }))} value={form.volunteerId} onChange={(v) => set('volunteerId', v)} />
      <DateTimeField label='开始' name='log-start' value={form.start} onChange={(t) => set('start', t)} />
      <DateTimeField label='结束' name='log-end' value={form.end} onChange={(t) => set('end', t)} />
      <Text className='ll-label'>服务内容</Text>
      <View className='ll-field'>
        <Input className='js-log-content' value={form.content} maxLength={100} placeholder='如 帮 3 栋独居老人修水管' onChange={(v: string) => set('content', v)} />
      </View>
      <Text className='ll-block ll-muted'>只记实际服务时间，不含路上时间。队长登记的时长直接计为已核实。</Text>
      {error ? <Text className='ll-error-text js-log-error'>{error}</Text> : null}
      <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-log-submit' onClick={() => void send()}>
        登记
      </Button>
    </Card>
  )
}
