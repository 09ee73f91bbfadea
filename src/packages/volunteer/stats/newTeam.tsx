// 组建服务队 (committee, branch): name, kind, what it does, capacity, approval, risk, skills sought,
// contact, and its leaders picked from the compound's people (user.searchUsers).
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { BLANK_TEAM, teamCreateInput, type TeamForm } from '@core/volunteer/form'
import { Card } from '../../../components/Card'
import { tappable } from '../../../components/Tappable'
import { userApi } from '../../../services/user'
import { useSubmit } from '../../../hooks/useSubmit'
import { volunteerApi } from '../../../services/volunteer'
import { volunteerContract } from '@core/volunteer/contract'
import { toast } from '../components'
import { TeamFields } from '../TeamFields'

type Person = { userId: string; displayName: string; household: string | null }

function LeaderPicker({ value, onChange }: { value: Person[]; onChange: (p: Person[]) => void }) {
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<Person[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const search = async () => {
    const res = await userApi.searchUsers({ query: query.trim() || undefined, limit: 20 })
    if (!res.ok) return setError(res.message)
    setError(null)
    setFound(res.data.items)
  }
  const chosen = new Set(value.map((p) => p.userId))
  return (
    <View className='js-leader-picker'>
      <Text className='ll-label'>队长（{value.length ? value.map((p) => p.displayName).join('、') : '未选'}）</Text>
      <View className='vo-actions'>
        <View className='ll-field' style={{ flex: 1, margin: 0 }}>
          <Input className='js-leader-query' value={query} maxLength={20} placeholder='姓名或手机号' onChange={(v: string) => setQuery(v)} />
        </View>
        <Button size='small' className='js-leader-search' onClick={() => void search()}>
          查找
        </Button>
      </View>
      {error ? <Text className='ll-error-text'>{error}</Text> : null}
      {found?.length === 0 ? <Text className='ll-block ll-muted'>没有找到</Text> : null}
      {found?.map((p) => (
        <View
          key={p.userId}
          className={`ll-list-item js-leader-${p.userId}`}
          {...tappable(() => onChange(chosen.has(p.userId) ? value.filter((x) => x.userId !== p.userId) : [...value, p]), { role: 'checkbox', checked: chosen.has(p.userId) })}
        >
          <Text>
            {chosen.has(p.userId) ? '☑ ' : '☐ '}
            {p.displayName} {p.household ?? ''}
          </Text>
        </View>
      ))}
    </View>
  )
}

export function NewTeam({ onDone }: { onDone: () => void }) {
  const [form, setForm] = useState<TeamForm>(BLANK_TEAM)
  const [leaders, setLeaders] = useState<Person[]>([])
  const { busy, error, submit } = useSubmit(volunteerContract.createTeam.input, volunteerApi.createTeam)
  const set = <K extends keyof TeamForm>(k: K, v: TeamForm[K]) => setForm((f) => ({ ...f, [k]: v }))

  const send = async () => {
    if (!(await submit(teamCreateInput(form, leaders.map((p) => p.userId))))) return
    setForm(BLANK_TEAM)
    setLeaders([])
    toast('队伍已组建', 'success')
    onDone()
  }

  return (
    <Card title='组建服务队' className='js-new-team'>
      <TeamFields form={form} set={set} cls='js-new-team' />
      <LeaderPicker value={leaders} onChange={setLeaders} />
      {error ? <Text className='ll-error-text js-new-team-error'>{error}</Text> : null}
      <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-new-team-submit' onClick={() => void send()}>
        组建
      </Button>
    </Card>
  )
}
