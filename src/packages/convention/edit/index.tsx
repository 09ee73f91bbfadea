// 起草公约 / 修改公约 (业委会、党支部): title, kind, summary and ordered articles; a revision carries
// its changelog line and the comments it takes up. Also 开始征求意见 and 撤回 (with a reason).
import { useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { CONVENTION_KINDS, DRAFTERS, KIND_LABELS, type ConventionKind } from '@core/convention/rules'
import { Card } from '../../../components/Card'
import { Field, FormProblemLine, useFormProblem } from '../../../components/FormField'
import { SessionPage } from '../../../components/SessionPage'
import { Empty } from '../../../components/StateView'
import { group, tappable } from '../../../components/Tappable'
import { conventionUrl } from '../../../routes'
import { conventionApi, conventionContract, type ConventionView } from '../../../services/convention'
import { firstIssue } from '../../../services/validate'
import { Toggle } from '../../../components/Toggle'
import { formDay, formTimeToIso } from '../../../utils/formTime'
import { DateTimeField, TextDialog, WithConvention, toast, useConventionId } from '../components'
import { AdoptedComments, ArticleEditor, type DraftArticle } from '../edit-parts'

interface Form {
  title: string
  kind: ConventionKind
  summary: string
  articles: DraftArticle[]
  changelog: string
  adopted: string[]
}

let nextKey = 1
const draft = (title = '', body = ''): DraftArticle => ({ key: nextKey++, title, body })

function formOf(v: ConventionView | null): Form {
  if (!v) return { title: '', kind: 'residents_convention', summary: '', articles: [draft()], changelog: '', adopted: [] }
  return { title: v.title, kind: v.kind, summary: v.summary, articles: v.articles.map((a) => draft(a.title, a.body)), changelog: '', adopted: [] }
}

/** Consultation and withdrawal: what the drafters may do with an existing draft. */
function PhaseTools({ v }: { v: ConventionView }) {
  const [withdrawing, setWithdrawing] = useState(false)
  const [busy, setBusy] = useState(false)
  const [until, setUntil] = useState<string | null>(null)
  if (!v.can.startConsultation && !v.can.withdraw) return null
  const consult = async () => {
    if (until && Date.parse(formTimeToIso(until)) <= Date.now()) return toast('征求意见截止时间必须晚于现在')
    setBusy(true)
    const res = await conventionApi.startConsultation(until ? { conventionId: v.conventionId, endsAt: formTimeToIso(until) } : { conventionId: v.conventionId })
    setBusy(false)
    if (!res.ok) return toast(res.message)
    toast('已开始征求意见', 'success')
    void Taro.redirectTo({ url: conventionUrl(v.conventionId) })
  }
  const withdraw = async (reason: string) => {
    const data = { conventionId: v.conventionId, reason }
    const problem = firstIssue(conventionContract.withdraw.input, data)
    if (problem) return problem.message
    const res = await conventionApi.withdraw(data)
    if (!res.ok) return res.message
    setWithdrawing(false)
    toast('已撤回')
    void Taro.redirectTo({ url: conventionUrl(v.conventionId) })
    return null
  }
  return (
    <Card title='征求意见与撤回' className='js-phase-tools'>
      {v.can.startConsultation ? (
        <>
          <View className='cv-inline'>
            <Text className='ll-label'>设置征求意见截止时间</Text>
            <Toggle checked={!!until} onChange={(on) => setUntil(on ? formDay(14, '20:00') : null)} label='设置征求意见截止时间' className='js-consultation-until' />
          </View>
          {until ? <DateTimeField label='截止时间' name='consultation-end' value={until} onChange={setUntil} /> : null}
        </>
      ) : null}
      <View className='cv-buttons'>
        {v.can.startConsultation ? (
          <Button size='large' type='primary' loading={busy} disabled={busy} className='js-start-consultation' onClick={() => void consult()}>
            开始征求意见
          </Button>
        ) : null}
        {v.can.withdraw ? (
          <Button size='large' fill='outline' className='js-withdraw' onClick={() => setWithdrawing(true)}>
            撤回公约
          </Button>
        ) : null}
      </View>
      <TextDialog visible={withdrawing} title='撤回公约' name='withdraw' hint='撤回后不能恢复，居民会看到撤回原因。' placeholder='撤回原因' confirmText='撤回' maxLength={200} submit={withdraw} onClose={() => setWithdrawing(false)} />
    </Card>
  )
}

function ConventionForm({ original }: { original: ConventionView | null }) {
  const [form, setForm] = useState<Form>(() => formOf(original))
  const { problem, show, clear } = useFormProblem()
  const [busy, setBusy] = useState(false)
  const sending = useRef(false)
  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    clear()
  }

  const save = async () => {
    if (sending.current) return
    const articles = form.articles.map((a) => ({ title: a.title.trim(), body: a.body.trim() })).filter((a) => a.title || a.body)
    const summary = form.summary.trim()
    const base = { title: form.title.trim(), ...(summary ? { summary } : {}), articles }
    const update = original ? { conventionId: original.conventionId, ...base, changelog: form.changelog.trim(), ...(form.adopted.length ? { adoptedCommentIds: form.adopted } : {}) } : null
    const create = { ...base, kind: form.kind }
    const issue = update ? firstIssue(conventionContract.update.input, update) : firstIssue(conventionContract.create.input, create)
    if (issue) return show(issue.message, issue.field)
    sending.current = true
    setBusy(true)
    const res = update ? await conventionApi.update(update) : await conventionApi.create(create)
    sending.current = false
    setBusy(false)
    if (!res.ok) return show(res.message)
    toast(original ? '已保存新版本' : '草案已保存', 'success')
    void Taro.redirectTo({ url: conventionUrl(res.data.conventionId) })
  }

  return (
    <View className='js-convention-form'>
      <Card title='公约'>
        <Field name='title' problem={problem}>
          <Text className='ll-label'>标题</Text>
          <View className='ll-field'>
            <Input className='js-field-title' placeholder='如：江南小区居民文明公约' value={form.title} maxLength={40} onChange={(v: string) => set('title', v)} />
          </View>
        </Field>
        {original ? null : (
          <Field name='kind' problem={problem}>
            <Text className='ll-label'>类别</Text>
            <View className='ll-choice-row' {...group('radiogroup', '类别')}>
              {CONVENTION_KINDS.map((k) => (
                <View key={k} className={`ll-choice js-kind-${k} ${form.kind === k ? 'is-selected' : ''}`} {...tappable(() => set('kind', k), { role: 'radio', checked: form.kind === k })}>
                  <Text>{KIND_LABELS[k]}</Text>
                </View>
              ))}
            </View>
          </Field>
        )}
        <Field name='summary' problem={problem}>
          <Text className='ll-label'>说明（可不填）</Text>
          <View className='cv-textarea'>
            <TextArea className='js-field-summary' placeholder='为什么制定、适用范围' value={form.summary} maxLength={500} showCount autoSize onChange={(v: string) => set('summary', v)} />
          </View>
        </Field>
      </Card>

      <Card title={`条款（${form.articles.length} 条）`}>
        <Field name='articles' problem={problem}>
          <ArticleEditor articles={form.articles} onChange={(a) => set('articles', a)} onAdd={() => set('articles', [...form.articles, draft()])} />
        </Field>
      </Card>

      {original ? (
        <Card title='修改说明'>
          <Field name='changelog' problem={problem}>
            <View className='ll-field'>
              <Input className='js-field-changelog' placeholder='如：采纳居民意见，修改第 3 条停车时间' value={form.changelog} maxLength={200} onChange={(v: string) => set('changelog', v)} />
            </View>
          </Field>
          <AdoptedComments conventionId={original.conventionId} selected={form.adopted} onChange={(ids) => set('adopted', ids)} />
        </Card>
      ) : null}

      <FormProblemLine problem={problem} />
      <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-save-convention' onClick={() => void save()}>
        {original ? '保存为新版本' : '保存草案'}
      </Button>
      <View className='ll-gap' />
      {original ? <PhaseTools v={original} /> : null}
    </View>
  )
}

export default function ConventionEdit() {
  const conventionId = useConventionId()
  return (
    <SessionPage
      title={conventionId ? '修改公约' : '起草公约'}
      subtitle='条款逐条征求意见，修订后发起表决'
      allow={(s) => s.hasRole(...DRAFTERS)}
      denied={<Empty text='起草公约由居委会、党支部、业委会负责。对公约有意见，可以在公约的每一条下面发表。' />}
    >
      {conventionId ? (
        <WithConvention conventionId={conventionId}>
          {(v) => (v.can.edit ? <ConventionForm original={v} /> : v.can.startConsultation || v.can.withdraw ? <PhaseTools v={v} /> : <Empty text='表决开始后不能再修改条款' />)}
        </WithConvention>
      ) : (
        <ConventionForm original={null} />
      )}
    </SessionPage>
  )
}
