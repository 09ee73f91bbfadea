// 代办录入纸质票: a grid worker (or the branch) at the door of a unit still to vote enters the paper
// ballot of its verified resident who has no phone — the resident picked by name, their consent
// noted, the choice confirmed. The function checks the resident may vote for this unit; the choice
// is seen by the auditors only, and the resident's 消息中心 says it was entered.
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { CHOICES, CHOICE_LABELS, type Choice } from '@core/convention/rules'
import { Card } from '../../../components/Card'
import { NO_PROXY, ProxyPicker, onBehalfOfFrom, type ProxyChoice } from '../../../components/ProxyPicker'
import type { FormProblem } from '../../../components/FormField'
import { group, tappable } from '../../../components/Tappable'
import { conventionApi } from '../../../services/convention'
import { toast } from '../components'

/** A unit still to vote, as the progress answer names it ("1单元101") in its building. */
export interface ActingTarget {
  buildingId: string
  buildingName: string
  label: string
}

export function ActingBallot({ conventionId, target, onDone, onCancel }: { conventionId: string; target: ActingTarget; onDone: () => void; onCancel: () => void }) {
  const [choice, setChoice] = useState<ProxyChoice>(NO_PROXY)
  const [vote, setVote] = useState<Choice | null>(null)
  const [problem, setProblem] = useState<FormProblem | null>(null)
  const [busy, setBusy] = useState(false)
  const [, unit, room] = /^(.+)单元(.+)$/.exec(target.label) ?? []
  // the form sits above the building cards: bring it into view for a unit tapped further down
  useEffect(() => {
    Promise.resolve()
      .then(() => Taro.pageScrollTo({ selector: '.js-acting-ballot', duration: 200 }))
      .catch(() => undefined)
  }, [])

  const submit = async () => {
    const acted = onBehalfOfFrom(choice)
    if (!acted.ok) return setProblem(acted.problem)
    if (!vote) return setProblem({ message: '请选择纸质票上的表决意见', field: 'actingChoice' })
    setProblem(null)
    const ok = await Taro.showModal({
      title: '代办录入纸质票',
      content: `为 ${target.buildingName}${target.label} 录入纸质票：${CHOICE_LABELS[vote]}。录入后不可更改；表决意见只有监票人可见。`,
      confirmText: '录入',
      cancelText: '再核对',
    }).catch(() => ({ confirm: false }))
    if (!ok.confirm) return
    setBusy(true)
    const res = await conventionApi.enterPaperBallots({ conventionId, ballots: [{ buildingId: target.buildingId, unit, room, choice: vote }], onBehalfOf: acted.value })
    setBusy(false)
    if (!res.ok) return setProblem({ message: res.message })
    toast('已代为录入', 'success')
    onDone()
  }

  return (
    <Card title={`代办录入纸质票 · ${target.buildingName}${target.label}`} className='js-acting-ballot'>
      <ProxyPicker value={choice} onChange={setChoice} problem={problem} />
      <Text className='ll-label'>纸质票上的表决意见</Text>
      <View className='ll-choice-row' {...group('radiogroup', '表决意见')}>
        {CHOICES.map((c) => (
          <View key={c} className={`ll-choice cv-choice js-acting-choice-${c} ${vote === c ? 'is-selected' : ''}`} {...tappable(() => setVote(c), { role: 'radio', checked: vote === c })}>
            <Text>{CHOICE_LABELS[c]}</Text>
          </View>
        ))}
      </View>
      {problem ? <Text className='ll-block ll-error-text js-acting-error'>{problem.message}</Text> : null}
      <View className='cv-buttons'>
        <Button type='primary' size='large' loading={busy} disabled={busy} className='js-acting-submit' onClick={() => void submit()}>
          录入
        </Button>
        <Button size='large' disabled={busy} className='js-acting-cancel' onClick={onCancel}>
          取消
        </Button>
      </View>
    </Card>
  )
}
