// 发起表决: the rule (defaulting to the one the law gives this kind, explained on choice), the
// electorate of a residents' meeting, the window, and the auditors (监票人) picked from people.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import type { OutputOf } from '@core/contract'
import { DRAFTERS, ELECTORATES, ELECTORATE_LABELS, RULE_EXPLAINED, RULE_LABELS, VOTE_RULES, defaultRule, votingWindowProblem, type Electorate, type VoteRule } from '@core/convention/rules'
import type { UserContract } from '@core/user/contract'
import { Card } from '../../../components/Card'
import { Field, FormProblemLine, useFormProblem } from '../../../components/FormField'
import { SessionPage } from '../../../components/SessionPage'
import { Empty } from '../../../components/StateView'
import { group, tappable } from '../../../components/Tappable'
import { Toggle } from '../../../components/Toggle'
import { conventionUrl } from '../../../routes'
import { conventionApi, conventionContract, type ConventionView } from '../../../services/convention'
import { userApi } from '../../../services/user'
import { firstIssue } from '../../../services/validate'
import { formDay, formTimeToIso } from '../../../utils/formTime'
import { DateTimeField, WithConvention, toast, useConventionId } from '../components'

type Person = OutputOf<UserContract['searchUsers']>['items'][number]
interface Auditor {
  userId: string
  name: string
}

/** Search people by name or phone and add them as auditors (at most 9). */
function AuditorPicker({ chosen, onChange }: { chosen: Auditor[]; onChange: (a: Auditor[]) => void }) {
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<Person[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const search = async () => {
    const q = query.trim()
    const res = await userApi.searchUsers(q ? { query: q, limit: 20 } : { limit: 20 })
    if (!res.ok) return setError(res.message)
    setError(null)
    setFound(res.data.items)
  }
  const has = (id: string) => chosen.some((a) => a.userId === id)
  return (
    <View className='js-auditors'>
      {chosen.map((a) => (
        <View key={a.userId} className={`ll-choice is-selected js-auditor-${a.userId}`} {...tappable(() => onChange(chosen.filter((c) => c.userId !== a.userId)), { label: `移除监票人${a.name}` })}>
          <Text>{`${a.name} ✕`}</Text>
        </View>
      ))}
      <View className='cv-inline'>
        <View className='ll-field'>
          <Input className='js-auditor-query' placeholder='姓名或手机号' value={query} maxLength={20} onChange={(v: string) => setQuery(v)} />
        </View>
        <Button size='small' type='primary' className='js-auditor-search' onClick={() => void search()}>
          搜索
        </Button>
      </View>
      {error ? <Text className='ll-error-text'>{error}</Text> : null}
      {found && !found.length ? <Text className='ll-block ll-muted'>没有找到</Text> : null}
      <View className='ll-choice-row' {...group('group', '搜索结果')}>
        {(found ?? []).map((p) => (
          <View
            key={p.userId}
            className={`ll-choice js-person-${p.userId} ${has(p.userId) ? 'is-selected' : ''}`}
            {...tappable(() => (has(p.userId) || chosen.length >= 9 ? undefined : onChange([...chosen, { userId: p.userId, name: p.displayName }])), { role: 'checkbox', checked: has(p.userId) })}
          >
            <Text className='ll-block'>{p.displayName}</Text>
            <Text className='ll-block ll-muted'>{p.household ?? p.phoneMasked ?? ''}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

function OpenForm({ v }: { v: ConventionView }) {
  const [rule, setRule] = useState<VoteRule>(defaultRule(v.kind))
  const [electorate, setElectorate] = useState<Electorate>('households')
  const [now, setNow] = useState(true)
  const [start, setStart] = useState(formDay(1, '08:00'))
  const [end, setEnd] = useState(formDay(8, '20:00'))
  const [auditors, setAuditors] = useState<Auditor[]>([])
  const { problem, show, clear } = useFormProblem()
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const startsAt = now ? new Date() : new Date(formTimeToIso(start))
    const endsAt = new Date(formTimeToIso(end))
    const window = votingWindowProblem(startsAt, endsAt, new Date())
    if (window) return show(window, 'window')
    const input = {
      conventionId: v.conventionId,
      rule,
      ...(now ? {} : { startsAt: formTimeToIso(start) }),
      endsAt: formTimeToIso(end),
      auditorIds: auditors.map((a) => a.userId),
      ...(rule === 'residents_meeting' ? { electorate } : {}),
    }
    const issue = firstIssue(conventionContract.openVoting.input, input)
    if (issue) return show(issue.message, issue.field === 'auditorIds' ? 'auditors' : issue.field)
    clear()
    setBusy(true)
    const res = await conventionApi.openVoting(input)
    setBusy(false)
    if (!res.ok) return show(res.message)
    if (res.data.advisory) {
      await Taro.showModal({ title: '本次投票仅作征求意见', content: res.data.advisory, showCancel: false, confirmText: '知道了' }).catch(() => undefined)
    } else toast(`已发起表决，共 ${res.data.electorateHeads} 个投票单位`, 'success')
    void Taro.redirectTo({ url: conventionUrl(v.conventionId) })
  }

  return (
    <View className='js-open-form'>
      <Card title={v.title}>
        <Field name='rule' problem={problem}>
          <Text className='ll-label'>表决规则</Text>
          <View className='ll-choice-row' {...group('radiogroup', '表决规则')}>
            {VOTE_RULES.map((r) => (
              <View key={r} className={`ll-choice js-rule-${r} ${rule === r ? 'is-selected' : ''}`} {...tappable(() => setRule(r), { role: 'radio', checked: rule === r })}>
                <Text>{RULE_LABELS[r]}</Text>
              </View>
            ))}
          </View>
          <Text className='cv-explain js-rule-explained'>{RULE_EXPLAINED[rule]}</Text>
          {rule === defaultRule(v.kind) ? <Text className='ll-block ll-muted'>这是此类公约依法适用的规则。</Text> : null}
        </Field>
        {rule === 'residents_meeting' ? (
          <Field name='electorate' problem={problem}>
            <Text className='ll-label'>居民会议的投票人</Text>
            <View className='ll-choice-row' {...group('radiogroup', '投票人')}>
              {ELECTORATES.map((e) => (
                <View key={e} className={`ll-choice js-electorate-${e} ${electorate === e ? 'is-selected' : ''}`} {...tappable(() => setElectorate(e), { role: 'radio', checked: electorate === e })}>
                  <Text>{ELECTORATE_LABELS[e]}</Text>
                </View>
              ))}
            </View>
          </Field>
        ) : null}
      </Card>
      <Card title='投票时间（北京时间）'>
        <Field name='window' problem={problem}>
          <View className='cv-inline'>
            <Text className='ll-label'>立即开始</Text>
            <Toggle checked={now} onChange={setNow} label='立即开始' className='js-start-now' />
          </View>
          {now ? null : <DateTimeField label='开始时间' name='start' value={start} onChange={setStart} />}
          <DateTimeField label='截止时间' name='end' value={end} onChange={setEnd} />
        </Field>
        <Text className='ll-block ll-muted'>表决时间至少 1 小时，最长 90 天；到截止时间自动结束并计票。</Text>
      </Card>
      <Card title='监票人'>
        <Field name='auditors' problem={problem}>
          <Text className='ll-block ll-muted'>监票人可以看到每张选票、录入纸质选票、导出表决记录。至少 1 名，最多 9 名。</Text>
          <AuditorPicker chosen={auditors} onChange={setAuditors} />
        </Field>
      </Card>
      <FormProblemLine problem={problem} />
      <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-open-voting' onClick={() => void submit()}>
        发起表决
      </Button>
    </View>
  )
}

export default function ConventionOpen() {
  const conventionId = useConventionId()
  return (
    <SessionPage title='发起表决' subtitle='表决规则、投票人和时间一经发起不能更改' allow={(s) => s.hasRole(...DRAFTERS)} denied={<Empty text='发起表决由居委会、党支部、业委会负责。' />}>
      {conventionId ? (
        <WithConvention conventionId={conventionId}>{(v) => (v.can.openVoting ? <OpenForm v={v} /> : <Empty text='这个公约现在不能发起表决' />)}</WithConvention>
      ) : (
        <Empty text='没有找到这个公约' />
      )}
    </SessionPage>
  )
}
