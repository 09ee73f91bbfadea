// 组建服务队 (committee, branch): name, kind, what it does, capacity, approval, risk, skills sought,
// contact, and its leaders picked from the compound's people (user.searchUsers).
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { TEAM_KINDS, TEAM_KIND_LABELS, type TeamKind } from '@core/volunteer/rules'
import { Card } from '../../../components/Card'
import { tappable } from '../../../components/Tappable'
import { Toggle } from '../../../components/Toggle'
import { userApi } from '../../../services/user'
import { useSubmit } from '../../../hooks/useSubmit'
import { volunteerApi } from '../../../services/volunteer'
import { volunteerContract } from '@core/volunteer/contract'
import { Choices, splitSkills, toast } from '../components'

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
  const [name, setName] = useState('')
  const [kind, setKind] = useState<TeamKind>('patrol')
  const [description, setDescription] = useState('')
  const [capacity, setCapacity] = useState('0')
  const [needsApproval, setNeedsApproval] = useState(true)
  const [risky, setRisky] = useState(false)
  const [skills, setSkills] = useState('')
  const [contact, setContact] = useState('')
  const [leaders, setLeaders] = useState<Person[]>([])
  const { busy, error, submit } = useSubmit(volunteerContract.createTeam.input, volunteerApi.createTeam)

  const send = async () => {
    const data = {
      name: name.trim(), kind, description: description.trim(), capacity: Number(capacity) || 0, needsApproval, risky,
      leaderIds: leaders.map((p) => p.userId), skillsSought: splitSkills(skills), contact: contact.trim() || undefined,
    }
    if (!(await submit(data))) return
    setName('')
    setDescription('')
    setLeaders([])
    toast('队伍已组建', 'success')
    onDone()
  }

  return (
    <Card title='组建服务队' className='js-new-team'>
      <Text className='ll-label'>队伍名称</Text>
      <View className='ll-field'>
        <Input className='js-team-name-input' value={name} maxLength={20} placeholder='如 红袖标巡逻队' onChange={(v: string) => setName(v)} />
      </View>
      <Text className='ll-label'>服务类别</Text>
      <Choices label='服务类别' options={TEAM_KINDS.map((k) => ({ value: k, label: TEAM_KIND_LABELS[k] }))} value={kind} onChange={setKind} />
      <Text className='ll-label'>队伍介绍</Text>
      <View className='vo-textarea'>
        <TextArea className='js-team-desc-input' value={description} maxLength={500} showCount placeholder='做什么、什么时候、在哪里' onChange={(v: string) => setDescription(v)} />
      </View>
      <Text className='ll-label'>人数上限（0 为不限）</Text>
      <View className='ll-field'>
        <Input className='js-team-capacity' type='number' value={capacity} maxLength={5} onChange={(v: string) => setCapacity(v)} />
      </View>
      <View className='ll-row' style={{ justifyContent: 'space-between' }}>
        <Text>加入需队长审核</Text>
        <Toggle checked={needsApproval} onChange={setNeedsApproval} label='加入需队长审核' className='js-team-approval' />
      </View>
      <View className='ll-row' style={{ justifyContent: 'space-between' }}>
        <Text>有风险（需保险，未成年人不可参加）</Text>
        <Toggle checked={risky} onChange={setRisky} label='有风险' className='js-team-risky' />
      </View>
      <Text className='ll-label'>需要的技能（选填，顿号分隔）</Text>
      <View className='ll-field'>
        <Input className='js-team-skills' value={skills} maxLength={100} placeholder='如 电工、急救' onChange={(v: string) => setSkills(v)} />
      </View>
      <Text className='ll-label'>联系方式（选填）</Text>
      <View className='ll-field'>
        <Input className='js-team-contact' value={contact} maxLength={40} placeholder='如 党群服务中心 028-8888xxxx' onChange={(v: string) => setContact(v)} />
      </View>
      <LeaderPicker value={leaders} onChange={setLeaders} />
      {error ? <Text className='ll-error-text js-new-team-error'>{error}</Text> : null}
      <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-new-team-submit' onClick={() => void send()}>
        组建
      </Button>
    </Card>
  )
}
