// 队伍设置: a leader changes what the team is (name, kind, description, capacity, approval, risk,
// skills sought, contact); the function decides (a team with minors cannot turn risky, …).
import { useState } from 'react'
import { Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { teamFormOf, teamUpdateInput, type TeamForm } from '@core/volunteer/form'
import { Card } from '../../../components/Card'
import { useSubmit } from '../../../hooks/useSubmit'
import { volunteerApi, type TeamView } from '../../../services/volunteer'
import { volunteerContract } from '@core/volunteer/contract'
import { toast } from '../components'
import { TeamFields } from '../TeamFields'

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
      <TeamFields form={form} set={set} cls='js-settings' />
      {error ? <Text className='ll-error-text js-settings-error'>{error}</Text> : null}
      <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-settings-save' onClick={() => void save()}>
        保存
      </Button>
    </Card>
  )
}
