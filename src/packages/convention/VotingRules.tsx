// 表决规则: where the city requires its official e-voting system for owners' decisions (北京, 深圳,
// 四川), everyone is told so above the conventions, naming the system; the branch and the committee
// set the rule, the objection window and the 从多 figure here.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { JURISDICTIONS, JURISDICTION_KEYS, type Jurisdiction } from '@core/convention/rules'
import type { OutputOf } from '@core/contract'
import { Card } from '../../components/Card'
import { Chips } from '../../components/Chips'
import { ErrorBlock } from '../../components/StateView'
import { Toggle } from '../../components/Toggle'
import { useResource } from '../../hooks/useResource'
import { conventionApi, type ConventionContract } from '../../services/convention'
import { conventionContract } from '@core/convention/contract'
import { useSubmit } from '../../hooks/useSubmit'
import { toast } from './components'

type Settings = OutputOf<ConventionContract['votingSettings']>

const OPTIONS = JURISDICTION_KEYS.map((k) => ({ value: k, label: JURISDICTIONS[k].label, className: `js-jurisdiction-${k}` }))

/** The notice everyone sees where owners' votes here only consult. */
export function OfficialSystemNotice({ settings }: { settings: Settings }) {
  if (!settings.officialSystem) return null
  return (
    <View className='cv-advisory js-official-system'>
      <Text>{`本地业主共同决定须通过${settings.officialSystem}进行${settings.basis ? `（${settings.basis}）` : ''}。本应用中的业主投票仅作征求意见，不作为业主大会决定。`}</Text>
    </View>
  )
}

function SettingsForm({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const [jurisdiction, setJurisdiction] = useState<Jurisdiction>(settings.jurisdiction)
  const [system, setSystem] = useState(settings.jurisdiction === 'other' ? (settings.officialSystem ?? '') : '')
  const [days, setDays] = useState(String(settings.objectionDays))
  const [majority, setMajority] = useState(settings.nonVotersWithMajority)
  const { busy, error, setError, submit } = useSubmit(conventionContract.setVotingSettings.input, conventionApi.setVotingSettings)
  const save = async () => {
    if (jurisdiction === 'other' && !system.trim()) return setError('请填写本地规定的业主电子投票系统名称')
    const saved = await submit({ jurisdiction, officialSystem: jurisdiction === 'other' ? system.trim() || null : null, objectionDays: Number(days), nonVotersWithMajority: majority })
    if (!saved) return
    toast('已保存，已发起的表决不受影响', 'success')
    onSaved(saved)
  }
  const rule = JURISDICTIONS[jurisdiction]
  return (
    <Card title='表决规则设置' className='js-voting-rules'>
      <Text className='ll-label'>本市对业主电子投票的规定</Text>
      <Chips options={OPTIONS} value={jurisdiction} onChange={setJurisdiction} label='本市对业主电子投票的规定' />
      <Text className='ll-block ll-muted'>
        {jurisdiction === 'none'
          ? '本应用中的业主投票按《民法典》第二百七十八条计票，可作为业主共同决定。'
          : `业主共同决定须通过${jurisdiction === 'other' ? '本地规定的系统' : rule.system}进行${rule.basis ? `（${rule.basis}）` : ''}；本应用中的业主投票只作征求意见。居民会议表决不受影响。`}
      </Text>
      {jurisdiction === 'other' ? (
        <View className='js-official-system-name'>
          <Text className='ll-label'>电子投票系统名称</Text>
          <Input value={system} onChange={setSystem} placeholder='如：某市业主决策电子投票平台' maxLength={60} />
        </View>
      ) : null}
      <Text className='ll-label'>公示后的异议期（天）</Text>
      <View className='js-objection-days'>
        <Input type='number' value={days} onChange={setDays} maxLength={2} />
      </View>
      <Toggle checked={majority} onChange={setMajority} label='议事规则规定未表决者计入多数（从多，另列，不影响结果）' className='js-non-voters' />
      {error ? <Text className='ll-block ll-error js-voting-rules-error'>{error}</Text> : null}
      <Button type='primary' block loading={busy} className='js-save-voting-rules' onClick={() => void save()}>
        保存表决规则
      </Button>
    </Card>
  )
}

/** Above the list: the notice for everyone, and the settings for the branch and the committee. */
export function VotingRules() {
  const res = useResource(() => conventionApi.votingSettings({}))
  const [open, setOpen] = useState(false)
  // the notice says whether an owners' vote here binds: its absence must not read as "it does"
  if (res.error && !res.data) return <ErrorBlock message={`表决规则说明未能加载：${res.error}`} onRetry={res.reload} />
  if (!res.data) return null
  const settings = res.data
  return (
    <>
      <OfficialSystemNotice settings={settings} />
      {settings.canEdit ? (
        open ? (
          <SettingsForm settings={settings} onSaved={(s) => { res.setData(s); setOpen(false) }} />
        ) : (
          <View className='cv-buttons'>
            <Button className='js-open-voting-rules' onClick={() => setOpen(true)}>
              表决规则设置
            </Button>
          </View>
        )
      ) : null}
    </>
  )
}
