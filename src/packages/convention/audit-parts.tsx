// Parts of the 监票 page: paper ballot entry, closing and finalizing the vote, answering
// objections, and the 居民公约's filing with the street office.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { CHOICES, CHOICE_LABELS, type Choice } from '@core/convention/rules'
import { Card } from '../../components/Card'
import { ErrorBlock, Loading } from '../../components/StateView'
import { group, tappable } from '../../components/Tappable'
import { conventionApi, type ConventionView, type Objection } from '../../services/convention'
import { conventionContract } from '@core/convention/contract'
import { userApi } from '../../services/user'
import { firstProblem } from '../../services/validate'
import { useResource } from '../../hooks/useResource'
import { ObjectionList, TextDialog, toast } from './components'

interface PaperRow {
  key: number
  buildingId: string
  unit: string
  room: string
  choice: Choice | null
}
let nextRow = 1
const blankRow = (buildingId = ''): PaperRow => ({ key: nextRow++, buildingId, unit: '', room: '', choice: null })

/** 纸质选票录入: a batch of rows (building, unit, room, choice), sent together. */
export function PaperBallots({ conventionId, onEntered }: { conventionId: string; onEntered: () => void }) {
  const directory = useResource(() => userApi.directory({}))
  const [rows, setRows] = useState<PaperRow[]>([blankRow()])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (directory.error) return <ErrorBlock message={directory.error} onRetry={() => void directory.reload()} />
  if (!directory.data) return <Loading />
  const buildings = directory.data.buildings
  const edit = (i: number, patch: Partial<PaperRow>) => setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)))

  const enter = async () => {
    const missing = rows.findIndex((r) => !r.buildingId || !r.choice)
    if (missing >= 0) return setError(`第 ${missing + 1} 张：请选择楼栋和表决意见`)
    const data = { conventionId, ballots: rows.map((r) => ({ buildingId: r.buildingId, unit: r.unit.trim(), room: r.room.trim(), choice: r.choice as Choice })) }
    const problem = firstProblem(conventionContract.enterPaperBallots.input, data)
    if (problem) return setError(problem)
    setBusy(true)
    const res = await conventionApi.enterPaperBallots(data)
    setBusy(false)
    if (!res.ok) return setError(res.message)
    setError(null)
    setRows([blankRow(rows[rows.length - 1]?.buildingId)])
    toast(`已录入 ${res.data.entered} 张`, 'success')
    onEntered()
  }

  return (
    <Card title='录入纸质选票' className='js-paper'>
      <Text className='ll-block ll-muted'>按选票逐张录入。已在线投票的房屋不能再录入纸质选票，反之亦然。</Text>
      {rows.map((r, i) => (
        <View key={r.key} className={`cv-paper-row js-paper-row js-paper-row-${i + 1}`}>
          <Text className='ll-label'>{`第 ${i + 1} 张`}</Text>
          <View className='ll-choice-row' {...group('radiogroup', '楼栋')}>
            {buildings.map((b) => (
              <View key={b.buildingId} className={`ll-choice js-paper-building-${b.buildingId} ${r.buildingId === b.buildingId ? 'is-selected' : ''}`} {...tappable(() => edit(i, { buildingId: b.buildingId }), { role: 'radio', checked: r.buildingId === b.buildingId })}>
                <Text>{b.name}</Text>
              </View>
            ))}
          </View>
          <View className='cv-inline'>
            <View className='ll-field'>
              <Input className='js-paper-unit' placeholder='单元' value={r.unit} maxLength={8} onChange={(v: string) => edit(i, { unit: v })} />
            </View>
            <View className='ll-field'>
              <Input className='js-paper-room' placeholder='房号' value={r.room} maxLength={8} onChange={(v: string) => edit(i, { room: v })} />
            </View>
          </View>
          <View className='ll-choice-row' {...group('radiogroup', '表决意见')}>
            {CHOICES.map((c) => (
              <View key={c} className={`ll-choice js-paper-choice-${c} ${r.choice === c ? 'is-selected' : ''}`} {...tappable(() => edit(i, { choice: c }), { role: 'radio', checked: r.choice === c })}>
                <Text>{CHOICE_LABELS[c]}</Text>
              </View>
            ))}
          </View>
          {rows.length > 1 ? (
            <Button size='small' fill='outline' className='js-paper-remove' onClick={() => setRows(rows.filter((_, k) => k !== i))}>
              删除这张
            </Button>
          ) : null}
        </View>
      ))}
      {error ? <Text className='ll-error-text js-paper-error'>{error}</Text> : null}
      <View className='cv-buttons'>
        {rows.length < 100 ? (
          <Button size='large' fill='outline' className='js-paper-add' onClick={() => setRows([...rows, blankRow(rows[rows.length - 1]?.buildingId)])}>
            再加一张
          </Button>
        ) : null}
        <Button size='large' type='primary' loading={busy} disabled={busy} className='js-paper-enter' onClick={() => void enter()}>
          {`录入 ${rows.length} 张`}
        </Button>
      </View>
    </Card>
  )
}

/** 结束表决 (can.close), 确定结果 (can.finalize; the outcome only for a consultation). */
export function CloseAndFinalize({ v, reload }: { v: ConventionView; reload: () => void }) {
  const [outcome, setOutcome] = useState<'adopted' | 'rejected'>('adopted')
  const [busy, setBusy] = useState(false)
  if (!v.can.close && !v.can.finalize) return null
  const consultation = v.vote?.rule === 'consultation'
  const close = async () => {
    const ok = await Taro.showModal({ title: '结束表决', content: '结束后不能再投票，将立即计票并公示结果。', confirmText: '结束表决', cancelText: '再想想' }).catch(() => ({ confirm: false }))
    if (!ok.confirm) return
    setBusy(true)
    const res = await conventionApi.closeVoting({ conventionId: v.conventionId })
    setBusy(false)
    if (!res.ok) return toast(res.message)
    const { binding, passed, totals } = res.data
    toast(`表决已结束：${!binding ? '征求意见' : passed ? '通过' : '未通过'}（参加 ${totals.partHeads}/${totals.electorateHeads}）`)
    reload()
  }
  const finalize = async () => {
    setBusy(true)
    const res = await conventionApi.finalize({ conventionId: v.conventionId, ...(consultation ? { outcome } : {}) })
    setBusy(false)
    if (!res.ok) return toast(res.message)
    toast(res.data.phase === 'adopted' ? '公约已通过' : '已确定结果', 'success')
    reload()
  }
  return (
    <Card title='结束与公示' className='js-close-finalize'>
      {v.can.close ? (
        <Button block size='large' type='primary' loading={busy} disabled={busy} className='js-close-voting' onClick={() => void close()}>
          结束表决并计票
        </Button>
      ) : null}
      {v.can.finalize ? (
        <>
          {consultation ? (
            <View className='ll-choice-row' {...group('radiogroup', '结果')}>
              {(['adopted', 'rejected'] as const).map((o) => (
                <View key={o} className={`ll-choice js-outcome-${o} ${outcome === o ? 'is-selected' : ''}`} {...tappable(() => setOutcome(o), { role: 'radio', checked: outcome === o })}>
                  <Text>{o === 'adopted' ? '采用' : '不采用'}</Text>
                </View>
              ))}
            </View>
          ) : (
            <Text className='ll-block ll-muted'>结果由计票决定；异议期结束、异议均已答复后确定。</Text>
          )}
          <Button block size='large' type='primary' loading={busy} disabled={busy} className='js-finalize' onClick={() => void finalize()}>
            确定结果
          </Button>
        </>
      ) : null}
    </Card>
  )
}

/** The objections, with an answer box for each unanswered one (can.answer). */
export function ObjectionAnswers({ conventionId, canAnswer }: { conventionId: string; canAnswer: boolean }) {
  const list = useResource(() => conventionApi.objections({ conventionId }), [conventionId])
  const [answering, setAnswering] = useState<Objection | null>(null)
  if (list.error) return <ErrorBlock message={list.error} onRetry={() => void list.reload()} />
  if (!list.data) return <Loading />
  const open = list.data.items.filter((o) => !o.answer)
  const answer = async (text: string) => {
    if (!answering) return null
    const data = { objectionId: answering.objectionId, text }
    const problem = firstProblem(conventionContract.answerObjection.input, data)
    if (problem) return problem
    const res = await conventionApi.answerObjection(data)
    if (!res.ok) return res.message
    setAnswering(null)
    toast('已答复', 'success')
    void list.reload()
    return null
  }
  return (
    <>
      <ObjectionList items={list.data.items} />
      {canAnswer && open.length ? (
        <View className='cv-buttons'>
          {open.map((o) => (
            <Button key={o.objectionId} size='large' fill='outline' type='primary' className={`js-answer-objection js-answer-objection-${o.objectionId}`} onClick={() => setAnswering(o)}>
              {`答复 ${o.unit} 的异议`}
            </Button>
          ))}
        </View>
      ) : null}
      <TextDialog visible={!!answering} title='答复异议' name='objection-answer' hint={answering?.text} placeholder='答复内容' confirmText='答复' submit={answer} onClose={() => setAnswering(null)} />
    </>
  )
}

/** 居民公约 备案: submitted to, then filed by, the street office. */
export function Filing({ v, reload }: { v: ConventionView; reload: () => void }) {
  const [office, setOffice] = useState(v.filing?.office ?? '')
  const [error, setError] = useState<string | null>(null)
  if (!v.can.filing) return null
  const set = async (state: 'submitted' | 'filed') => {
    const data = { conventionId: v.conventionId, state, office: office.trim() }
    const problem = firstProblem(conventionContract.setFiling.input, data)
    if (problem) return setError(problem)
    const res = await conventionApi.setFiling(data)
    if (!res.ok) return setError(res.message)
    setError(null)
    toast(state === 'filed' ? '已记录备案' : '已记录报送', 'success')
    reload()
  }
  return (
    <Card title='备案' className='js-filing-form'>
      <Text className='ll-block ll-muted'>{`当前：${v.filing?.state === 'filed' ? '已备案' : v.filing?.state === 'submitted' ? '已报送备案' : '未备案'}`}</Text>
      <View className='ll-field'>
        <Input className='js-filing-office' placeholder='备案机关，如：江南街道办事处' value={office} maxLength={40} onChange={(t: string) => setOffice(t)} />
      </View>
      {error ? <Text className='ll-error-text'>{error}</Text> : null}
      <View className='cv-buttons'>
        <Button size='large' className='js-filing-submitted' onClick={() => void set('submitted')}>
          已报送
        </Button>
        <Button size='large' type='primary' className='js-filing-filed' onClick={() => void set('filed')}>
          已备案
        </Button>
      </View>
    </Card>
  )
}
