// 队伍设置: a leader changes what the team is (name, kind, description, capacity, approval, risk,
// skills sought, contact); the function decides (a team with minors cannot turn risky, …).
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { teamFormOf, teamUpdateInput, type TeamForm } from '@core/volunteer/form'
import { TEAM_KINDS, TEAM_KIND_LABELS } from '@core/volunteer/rules'
import { Card } from '../../../components/Card'
import { Toggle } from '../../../components/Toggle'
import { useSubmit } from '../../../hooks/useSubmit'
import { volunteerApi, type TeamView } from '../../../services/volunteer'
import { volunteerContract } from '@core/volunteer/contract'
import { Choices, toast } from '../components'

export function TeamSettings({ team, onSaved }: { team: TeamView; onSaved: () => void }) {
  const [form, setForm] = useState<TeamForm>(() => teamFormOf(team))
  const { busy, error, setError, submit } = useSubmit(volunteerContract.updateTeam.input, volunteerApi.updateTeam)
  const set = <K extends keyof TeamForm>(k: K, v: TeamForm[K]) => setForm((f) => ({ ...f, [k]: v }))

  const save = async () => {
    const data = teamUpdateInput(team, form)
    if (Object.keys(data).length === 1) return setError('没有改动')
    if (!(await submit(data))) return
    toast('已保存', 'success')
    onSaved()
  }

  return (
    <Card title='队伍设置' className='js-team-settings'>
      <Text className='ll-label'>队伍名称</Text>
      <View className='ll-field'>
        <Input className='js-settings-name' value={form.name} maxLength={20} onChange={(v: string) => set('name', v)} />
      </View>
      <Text className='ll-label'>服务类别</Text>
      <Choices label='服务类别' options={TEAM_KINDS.map((k) => ({ value: k, label: TEAM_KIND_LABELS[k] }))} value={form.kind} onChange={(k) => set('kind', k)} />
      <Text className='ll-label'>队伍介绍</Text>
      <View className='vo-textarea'>
        <TextArea className='js-settings-desc' value={form.description} maxLength={500} showCount onChange={(v: string) => set('description', v)} />
      </View>
      <Text className='ll-label'>人数上限（0 为不限）</Text>
      <View className='ll-field'>
        <Input className='js-settings-capacity' type='number' value={form.capacity} maxLength={5} onChange={(v: string) => set('capacity', v)} />
      </View>
      <View className='ll-row' style={{ justifyContent: 'space-between' }}>
        <Text>加入需队长审核</Text>
        <Toggle checked={form.needsApproval} onChange={(v) => set('needsApproval', v)} label='加入需队长审核' className='js-settings-approval' />
      </View>
      <View className='ll-row' style={{ justifyContent: 'space-between' }}>
        <Text>有风险（需保险，未成年人不可参加）</Text>
        <Toggle checked={form.risky} onChange={(v) => set('risky', v)} label='有风险' className='js-settings-risky' />
      </View>
      <Text className='ll-label'>需要的技能（顿号分隔）</Text>
      <View className='ll-field'>
        <Input className='js-settings-skills' value={form.skills} maxLength={100} onChange={(v: string) => set('skills', v)} />
      </View>
      <Text className='ll-label'>联系方式</Text>
      <View className='ll-field'>
        <Input className='js-settings-contact' value={form.contact} maxLength={40} onChange={(v: string) => set('contact', v)} />
      </View>
      {error ? <Text className='ll-error-text js-settings-error'>{error}</Text> : null}
      <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-settings-save' onClick={() => void save()}>
        保存
      </Button>
    </Card>
  )
}
