// 报名加入: skills and availability (only the leaders see them).
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import type { TeamView } from '../../../services/volunteer'
import { useJoinForm } from './useJoinForm'

export function JoinForm({ team, onDone }: { team: TeamView; onDone: () => void }) {
  const { form, set, busy, error, join } = useJoinForm(team.teamId, onDone)
  return (
    <Card title='报名加入' className='js-join'>
      <Text className='ll-label'>我的技能（选填，用顿号分隔）</Text>
      <View className='ll-field'>
        <Input className='js-join-skills' value={form.skills} maxLength={100} placeholder={team.skillsSought.join('、') || '如 电工、急救'} onChange={(v: string) => set('skills', v)} />
      </View>
      <Text className='ll-label'>可服务时间（选填）</Text>
      <View className='ll-field'>
        <Input className='js-join-availability' value={form.availability} maxLength={100} placeholder='如 周末上午、工作日晚上' onChange={(v: string) => set('availability', v)} />
      </View>
      <Text className='ll-block ll-muted'>技能和可服务时间只有本队队长能看到。</Text>
      {error ? <Text className='ll-error-text js-join-error'>{error}</Text> : null}
      <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-join-submit' onClick={() => void join()}>
        {team.needsApproval ? '申请加入' : '加入队伍'}
      </Button>
    </Card>
  )
}
