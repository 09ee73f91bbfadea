// 投票: names the rule and what it means, who votes and until when; three big choices; asks
// "投票后不可更改" before casting. Also casts the ballots of those who gave me a written proxy.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Dialog } from '@nutui/nutui-react-taro'
import { CHOICES, CHOICE_LABELS, RULE_EXPLAINED, RULE_LABELS, type Choice } from '@core/convention/rules'
import { Card } from '../../../components/Card'
import { SessionPage } from '../../../components/SessionPage'
import { Empty } from '../../../components/StateView'
import { group, tappable } from '../../../components/Tappable'
import { conventionUrl, go } from '../../../routes'
import { conventionApi, type ConventionView } from '../../../services/convention'
import { eventTime, eventTimeRange } from '../../../utils/format'
import { Advisory, Fact, WithConvention, electorateText, toast, useConventionId } from '../components'

/** Whose ballot: my own household's (proxyId null) or one I hold a proxy for. */
interface Voter {
  proxyId: string | null
  label: string
}

function votersOf(v: ConventionView): Voter[] {
  const own = v.can.vote && !v.mine.voted && !v.mine.ballotBlocked ? [{ proxyId: null, label: v.mine.voterLabel ? `本户（${v.mine.voterLabel}）` : '本户' }] : []
  const held = v.mine.proxiesHeld.filter((p) => !p.voted).map((p) => ({ proxyId: p.proxyId, label: `受托：${p.unit}` }))
  return [...own, ...held]
}

function Ballot({ v, reload }: { v: ConventionView; reload: () => Promise<void> }) {
  const voters = votersOf(v)
  const [picked, setVoter] = useState<string | null>(null)
  // after a reload the household may have voted: fall back to whoever is still to vote
  const voter = voters.find((p) => p.proxyId === picked) ?? voters[0] ?? null
  const [choice, setChoice] = useState<Choice | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [missing, setMissing] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<{ choice: Choice; label: string } | null>(null)
  const vote = v.vote
  if (!vote) return <Empty text='这个公约现在没有表决' />

  const cast = async () => {
    setConfirming(false)
    if (!choice || !voter) return
    const res = await conventionApi.castBallot({ conventionId: v.conventionId, choice, ...(voter.proxyId ? { proxyId: voter.proxyId } : {}) })
    if (!res.ok) {
      // CONFLICT: my household (a co-owner, a proxy, a paper ballot) has voted already
      setError(res.message)
      void reload()
      return
    }
    setError(null)
    setDone({ choice, label: voter.label })
    setChoice(null)
    toast('投票成功', 'success')
    void reload()
  }

  return (
    <View className='js-ballot'>
      <Card title={v.title} className='js-ballot-facts'>
        <Advisory text={vote.advisory} />
        <Fact label='表决规则' className='js-ballot-rule'>
          <Text className='ll-block'>{RULE_LABELS[vote.rule]}</Text>
          <Text className='ll-block ll-muted js-rule-explained'>{RULE_EXPLAINED[vote.rule]}</Text>
        </Fact>
        <Fact label='投票人' className='js-ballot-electorate'>
          <Text>{electorateText(vote)}</Text>
        </Fact>
        <Fact label='投票时间' className='js-ballot-window'>
          <Text>{eventTimeRange(vote.startsAt, vote.endsAt)}</Text>
        </Fact>
      </Card>

      {done ? (
        <Card className='js-ballot-done'>
          <Text className='cv-big'>投票成功</Text>
          <Text className='ll-block'>{`${done.label}：${CHOICE_LABELS[done.choice]}。选票已记录，不可更改；个人选择只有监票人可见。`}</Text>
        </Card>
      ) : null}
      {v.mine.voted && !done ? (
        <Text className='cv-voted js-voted'>{`您家已投票（投票后不可更改）${v.mine.votedAt ? ` · ${eventTime(v.mine.votedAt)}` : ''}`}</Text>
      ) : null}
      {!v.mine.voted && v.mine.ballotBlocked ? <Text className='cv-blocked js-ballot-blocked'>{v.mine.ballotBlocked}</Text> : null}
      {error ? <Text className='ll-block ll-error-text js-ballot-error'>{error}</Text> : null}

      {voters.length && vote.open && voter ? (
        <Card title='您的选择' className='js-ballot-form'>
          {voters.length > 1 ? (
            <View className='ll-choice-row' {...group('radiogroup', '为谁投票')}>
              {voters.map((p) => (
                <View key={p.proxyId ?? 'own'} className={`ll-choice js-voter-${p.proxyId ?? 'own'} ${voter.proxyId === p.proxyId ? 'is-selected' : ''}`} {...tappable(() => setVoter(p.proxyId), { role: 'radio', checked: voter.proxyId === p.proxyId })}>
                  <Text>{p.label}</Text>
                </View>
              ))}
            </View>
          ) : (
            <Text className='ll-block ll-muted'>{`为 ${voter.label} 投票`}</Text>
          )}
          <View className='cv-choices' {...group('radiogroup', '表决意见')}>
            {CHOICES.map((c) => (
              <View key={c} className={`cv-choice js-choice-${c} ${choice === c ? 'is-selected' : ''}`} {...tappable(() => {
                  setChoice(c)
                  setMissing(false)
                }, { role: 'radio', checked: choice === c })}>
                <Text>{CHOICE_LABELS[c]}</Text>
              </View>
            ))}
          </View>
          {/* never a greyed-out button (unreadable for elders): a tap without a choice says what is missing */}
          {missing ? <Text className='ll-block ll-error-text js-choose-first'>请先选择同意、反对或弃权</Text> : null}
          <Button type='primary' block size='large' className='js-cast' onClick={() => (choice ? setConfirming(true) : setMissing(true))}>
            {choice ? `投「${CHOICE_LABELS[choice]}」票` : '投票'}
          </Button>
        </Card>
      ) : null}
      {!vote.open ? <Empty text='投票已结束或尚未开始' /> : null}

      <View className='cv-buttons'>
        <Button size='large' className='js-back-detail' onClick={() => go(conventionUrl(v.conventionId))}>
          查看公约全文
        </Button>
      </View>

      <Dialog visible={confirming} title='确认投票' confirmText='确认投票' cancelText='再想想' onConfirm={cast} onCancel={() => setConfirming(false)} onClose={() => setConfirming(false)}>
        <View className='js-confirm-ballot'>
          <Text className='ll-block'>{`${voter?.label ?? ''}：${choice ? CHOICE_LABELS[choice] : ''}`}</Text>
          <Text className='ll-block ll-error-text'>投票后不可更改</Text>
        </View>
      </Dialog>
    </View>
  )
}

export default function ConventionBallot() {
  const conventionId = useConventionId()
  return (
    <SessionPage title='投票' subtitle='一户一票，投票后不可更改'>
      {conventionId ? <WithConvention conventionId={conventionId}>{(v, reload) => <Ballot v={v} reload={reload} />}</WithConvention> : <Empty text='没有找到这个公约' />}
    </SessionPage>
  )
}
