// Pieces shared by the 公约与表决 pages: ?id=, the convention as one remote read, phase and kind
// tags, the vote's facts (rule, electorate, window, auditors, advisory), a criterion's bar against
// its threshold, the date-and-time field.
import { useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Dialog, Tag, TextArea } from '@nutui/nutui-react-taro'
import { ELECTORATE_LABELS, KIND_LABELS, PHASE_LABELS, RULE_LABELS, formatArea, type ConventionKind, type Phase } from '@core/convention/rules'
import { Card } from '../../components/Card'
import { ErrorBlock, Loading } from '../../components/StateView'
import { useResource } from '../../hooks/useResource'
import { group } from '../../components/Tappable'
import { conventionApi, type ConventionView, type Objection, type TallyView, type VoteInfo } from '../../services/convention'
import { eventTime, eventTimeRange } from '../../utils/format'
import { Fact } from '../../components/Fact'
import './convention.scss'

export type Criterion = TallyView['criteria'][number]

/** Reads `?id=` of this page ('' when there is none). */
export function useConventionId(): string {
  const id = useRouter()?.params?.id ?? ''
  try {
    return decodeURIComponent(id)
  } catch {
    return id
  }
}

export function toast(title: string, icon: 'success' | 'none' = 'none') {
  void Taro.showToast({ title, icon })
}

const PHASE_COLOURS: Record<Phase, string> = {
  draft: '#595959',
  consultation: '#0958d9',
  revised: '#0958d9',
  voting: '#c8161d',
  counted: '#ad4e00',
  adopted: '#237804',
  rejected: '#434343',
  withdrawn: '#595959',
}

export function PhaseTag({ phase }: { phase: Phase }) {
  return (
    <Tag background={PHASE_COLOURS[phase]} color='#ffffff' className={`js-phase js-phase-${phase}`}>
      {PHASE_LABELS[phase]}
    </Tag>
  )
}

export function KindTag({ kind }: { kind: ConventionKind }) {
  return (
    <Tag plain background='#0958d9' className='js-kind'>
      {KIND_LABELS[kind]}
    </Tag>
  )
}

export { Fact }

/** Who votes, in words: owners by area, or households / residents 18+ of a residents' meeting. */
export function electorateText(vote: Pick<VoteInfo, 'electorate' | 'electorateHeads' | 'electorateArea'>): string {
  if (vote.electorate === 'owners') return `业主（每位业主一票，按专有部分面积计；多套房屋面积合计）：共 ${vote.electorateHeads} 位业主，${formatArea(vote.electorateArea)} ㎡`
  return `${ELECTORATE_LABELS[vote.electorate]}：共 ${vote.electorateHeads} ${vote.electorate === 'households' ? '户' : '人'}`
}

/** Why this vote binds nothing (the city's official system): shown prominently wherever the vote is. */
export function Advisory({ text }: { text: string | null }) {
  if (!text) return null
  return <Text className='cv-advisory js-advisory'>{text}</Text>
}

/** The facts every screen of a vote shows: rule, electorate, window, auditors, participation. */
export function VoteFacts({ vote }: { vote: VoteInfo }) {
  return (
    <View className='js-vote-facts'>
      <Advisory text={vote.advisory} />
      <Fact label='表决规则' className='js-vote-rule'>
        <Text>{RULE_LABELS[vote.rule]}</Text>
        {vote.requestedRule !== vote.rule ? <Text className='ll-block ll-muted'>（原定：{RULE_LABELS[vote.requestedRule]}）</Text> : null}
      </Fact>
      <Fact label='投票人' className='js-vote-electorate'>
        <Text>{electorateText(vote)}</Text>
      </Fact>
      <Fact label='投票时间' className='js-vote-window'>
        <Text>{eventTimeRange(vote.startsAt, vote.endsAt)}</Text>
        <Text className='ll-block ll-muted'>{vote.open ? `截止 ${eventTime(vote.endsAt)}` : '投票已结束或尚未开始'}</Text>
      </Fact>
      <Fact label='监票人' className='js-vote-auditors'>
        <Text>{vote.auditors.map((a) => a.name).join('、') || '—'}</Text>
      </Fact>
      <Fact label='已投票' className='js-vote-count'>
        <Text>{`${vote.votedHeads} / ${vote.electorateHeads}`}</Text>
      </Fact>
    </View>
  )
}

/** A figure of a criterion: areas in ㎡ (from 0.01 ㎡ integers), heads as they are. */
export function figure(key: Criterion['key'], n: number): string {
  return key.endsWith('Area') ? `${formatArea(n)} ㎡` : `${n}`
}

/** A share as a percentage with one decimal, from integers (display only: nothing is decided by it). */
export function percent(n: number, d: number): string {
  if (d <= 0) return '—'
  return `${Math.round((n * 1000) / d) / 10}%`
}

/** One criterion: the figure, its bar and a mark where the threshold lies, met or not. */
export function CriterionRow({ c }: { c: Criterion }) {
  const width = c.denominator > 0 ? Math.min(100, Math.round((c.numerator * 100) / c.denominator)) : 0
  const mark = Math.round((c.threshold.num * 100) / c.threshold.den)
  const need = `${c.threshold.op === '>' ? '超过' : '达到'} ${c.threshold.num}/${c.threshold.den}`
  return (
    <View className={`cv-criterion js-criterion js-criterion-${c.key}`}>
      <View className='cv-criterion__head'>
        <Text className='ll-label'>{c.label}</Text>
        <Tag background={c.met ? '#237804' : '#a8071a'} color='#ffffff' className='js-criterion-met'>
          {c.met ? '达到' : '未达到'}
        </Tag>
      </View>
      <View className='cv-bar' {...group('progressbar', `${c.label} ${width}%`)} aria-valuenow={width} aria-valuemin={0} aria-valuemax={100}>
        <View className={`cv-bar__fill ${c.met ? 'is-met' : ''}`} style={{ width: `${width}%` }} />
        <View className='cv-bar__mark' style={{ left: `${mark}%` }} />
      </View>
      <Text className='ll-block js-criterion-figures'>
        {`${figure(c.key, c.numerator)} / ${figure(c.key, c.denominator)}（${percent(c.numerator, c.denominator)}），须${need}`}
      </Text>
      <Text className='ll-block ll-muted'>依据：{c.basis}</Text>
    </View>
  )
}

/** The convention as the function shows it to the caller, reloaded when the page shows again. */
export function useConvention(conventionId: string, version?: number) {
  const convention = useResource(() => conventionApi.get(version ? { conventionId, version } : { conventionId }), [conventionId, version], { refreshOnShow: true })
  return { view: convention.data, error: convention.error, reload: convention.reload }
}

/** Loading and error states around one convention; the content once it is there. */
export function WithConvention({ conventionId, children }: { conventionId: string; children: (v: ConventionView, reload: () => Promise<void>) => ReactNode }) {
  const { view, error, reload } = useConvention(conventionId)
  if (error && !view) return <ErrorBlock message={error} onRetry={() => void reload()} />
  if (!view) return <Loading />
  return <>{children(view, reload)}</>
}

export { DateTimeField } from '../../components/DateTimeField'

/**
 * A dialog asking for one text (an objection, a reason to withdraw): `submit` answers the problem
 * to show, or null when done (then the dialog closes).
 */
export function TextDialog(props: {
  visible: boolean
  title: string
  hint?: string
  placeholder: string
  confirmText: string
  name: string
  maxLength?: number
  submit: (text: string) => Promise<string | null>
  onClose: () => void
}) {
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const confirm = async () => {
    const problem = await props.submit(text.trim())
    if (problem) {
      setError(problem)
      // NutUI keeps the dialog open when onConfirm throws
      throw new Error(problem)
    }
    setText('')
    setError(null)
  }
  return (
    <Dialog visible={props.visible} title={props.title} confirmText={props.confirmText} cancelText='取消' onConfirm={confirm} onCancel={props.onClose} onClose={props.onClose}>
      <View className={`js-dialog-${props.name}`}>
        {props.hint ? <Text className='ll-block ll-muted'>{props.hint}</Text> : null}
        <View className='cv-textarea'>
          <TextArea className={`js-${props.name}-text`} placeholder={props.placeholder} value={text} maxLength={props.maxLength ?? 500} showCount onChange={(v: string) => setText(v)} />
        </View>
        {error ? <Text className='ll-error-text js-dialog-error'>{error}</Text> : null}
      </View>
    </Dialog>
  )
}

/** Objections to a posted result, each with its answer or 待答复. */
export function ObjectionList({ items }: { items: Objection[] }) {
  return (
    <Card title='异议与答复' className='js-objections'>
      {items.length ? null : <Text className='ll-block ll-muted'>没有异议</Text>}
      {items.map((o) => (
        <View key={o.objectionId} className={`cv-comment js-objection js-objection-${o.objectionId}`}>
          <View className='cv-comment__head'>
            <Text>{`${o.authorName}（${o.unit}）`}</Text>
            <Text>{eventTime(o.createdAt)}</Text>
          </View>
          <Text className='cv-comment__text'>{o.text}</Text>
          {o.answer ? <Text className='cv-answer js-objection-answer'>{`答复：${o.answer.text}`}</Text> : <Text className='ll-block ll-muted'>待答复</Text>}
        </View>
      ))}
    </Card>
  )
}
