// 反映详情: what was reported, where it stands, who handles it, every step so far, and the actions
// the caller may take now (exactly `view.can`). Each action answers with the new view.
import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Dialog, TextArea } from '@nutui/nutui-react-taro'
import type { Envelope } from '@core/errors'
import {
  CATEGORY_LABELS,
  ESCALATION_LABELS,
  HANDLER_LABELS,
  STATE_LABELS,
  hasLiveDeadline,
  ratingWords,
  URGENCY_LABELS,
  type Handler,
} from '@core/request/rules'
import { ROLE_LABELS } from '@core/roles'
import { Card } from '../../../components/Card'
import { Chips } from '../../../components/Chips'
import { Fact } from '../../../components/Fact'
import { ReportAction } from '../../../components/ReportAction'
import { PhotoGrid, PhotoPicker } from '../../../components/PhotoPicker'
import { OverdueTag, StateTag } from '../../../components/RequestRow'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { proposeTopic } from '../../../services/report'
import { requestApi, requestContract, type RequestView } from '../../../services/request'
import { useSession } from '../../../store/session'
import { firstProblem } from '../../../services/validate'
import { dateTime } from '../../../utils/format'
import { RequestPage, useRefreshOnShow } from '../components'
import { LogHours } from '../LogHours'
import { group, tappable } from '../../../components/Tappable'

type Action = RequestView['can'][number]
type DialogKind = 'note' | 'resolve' | 'escalate' | 'transfer' | 'reject' | 'reopen' | 'withdraw' | 'release'
type Entry = RequestView['timeline'][number]

const ACTION_LABELS: Record<string, string> = {
  create: '提交反映',
  accept: '受理',
  claim: '认领',
  release: '放弃认领',
  start: '开始处理',
  note: '添加记录',
  resolve: '办结',
  confirm: '评价',
  reopen: '重新办理',
  escalate: '上报',
  transfer: '转派',
  reject: '不予受理',
  withdraw: '撤回',
  autoClose: '到期自动办结',
  deliberate: '三方联席会议商议',
}

const BUTTONS: ReadonlyArray<{ action: Exclude<Action, 'confirm'>; label: string; primary?: boolean }> = [
  { action: 'accept', label: '受理', primary: true },
  { action: 'claim', label: '认领', primary: true },
  { action: 'start', label: '开始处理', primary: true },
  { action: 'resolve', label: '办结', primary: true },
  { action: 'note', label: '添加记录' },
  { action: 'escalate', label: '上报' },
  { action: 'transfer', label: '转派' },
  { action: 'reject', label: '不予受理' },
  { action: 'reopen', label: '重新办理' },
  { action: 'withdraw', label: '撤回' },
  { action: 'release', label: '放弃认领' },
]

const DIALOGS: Record<DialogKind, { title: string; tip: string; placeholder: string; max: number; confirmText: string; done: string }> = {
  note: { title: '添加记录', tip: '记录处理进展，反映人和处理人都能看到。', placeholder: '如：已联系维修师傅，明天上午上门', max: 500, confirmText: '保存', done: '已添加记录' },
  resolve: { title: '办结', tip: '请写明处理结果，反映人会看到并评价。', placeholder: '如：已更换楼道灯泡，经现场确认照明正常', max: 500, confirmText: '办结', done: '已办结' },
  escalate: { title: '上报', tip: '上报给上一级（党支部、社区/街道）协调处理，请写明原因。', placeholder: '如：涉及市政管网，小区内无法解决', max: 200, confirmText: '上报', done: '已上报' },
  transfer: { title: '转派', tip: '交给更合适的一方办理，对方受理后开始计时；请写明交办要求，反映人会看到。', placeholder: '如：装修管理归物业，请今天联系业主', max: 200, confirmText: '转派', done: '已转派' },
  reject: { title: '不予受理', tip: '请写明原因，反映人会看到。', placeholder: '如：属于私人财产纠纷，建议通过法律途径解决', max: 200, confirmText: '不予受理', done: '已处理' },
  reopen: { title: '重新办理', tip: '请写明还有什么问题，这件事会重新交给工作人员办理。', placeholder: '如：灯又不亮了', max: 200, confirmText: '重新办理', done: '已重新提交' },
  release: { title: '放弃认领', tip: '任务会回到任务大厅，由其他志愿者认领。放弃会记录在办理过程中。', placeholder: '原因（可不填），如：临时有事来不及', max: 200, confirmText: '放弃认领', done: '已放回任务大厅' },
  withdraw: { title: '撤回反映', tip: '确定撤回这条反映吗？撤回后工作人员将不再处理。', placeholder: '撤回原因（可不填）', max: 200, confirmText: '撤回', done: '已撤回' },
}

function roleText(role: string | null): string {
  if (!role) return ''
  return (ROLE_LABELS as Record<string, string | undefined>)[role] ?? role
}

/** The dialogs that may carry photos (a result or a progress note), and how many. */
const DIALOG_PHOTOS_MAX = 3
const withPhotos = (kind: DialogKind) => kind === 'note' || kind === 'resolve'

/** The call for one dialog action, after checking its input with the shared contract. */
function dialogCall(kind: DialogKind, requestId: string, text: string, photos: string[], target: Handler | null): { problem: string | null; send: () => Promise<Envelope<RequestView>> } {
  switch (kind) {
    case 'transfer': {
      if (!target) return { problem: '请选择转派给谁', send: () => Promise.reject(new Error('no target')) }
      const d = { requestId, to: target, reason: text }
      return { problem: firstProblem(requestContract.transfer.input, d), send: () => requestApi.transfer(d) }
    }
    case 'note': {
      const d = photos.length ? { requestId, note: text, photos } : { requestId, note: text }
      return { problem: firstProblem(requestContract.addNote.input, d), send: () => requestApi.addNote(d) }
    }
    case 'resolve': {
      const d = photos.length ? { requestId, note: text, photos } : { requestId, note: text }
      return { problem: firstProblem(requestContract.resolve.input, d), send: () => requestApi.resolve(d) }
    }
    case 'escalate': {
      const d = { requestId, reason: text }
      return { problem: firstProblem(requestContract.escalate.input, d), send: () => requestApi.escalate(d) }
    }
    case 'reject': {
      const d = { requestId, reason: text }
      return { problem: firstProblem(requestContract.reject.input, d), send: () => requestApi.reject(d) }
    }
    case 'reopen': {
      const d = { requestId, reason: text }
      return { problem: firstProblem(requestContract.reopen.input, d), send: () => requestApi.reopen(d) }
    }
    case 'release': {
      const d = text ? { requestId, reason: text } : { requestId }
      return { problem: firstProblem(requestContract.release.input, d), send: () => requestApi.release(d) }
    }
    case 'withdraw': {
      const d = text ? { requestId, reason: text } : { requestId }
      return { problem: firstProblem(requestContract.withdraw.input, d), send: () => requestApi.withdraw(d) }
    }
  }
}

/** Who handles it: the assignee (a claim), else the last staff member who acted on it. */
function handlerText(v: RequestView): string {
  if (v.assigneeName) return v.assigneeName
  if (v.state === 'withdrawn') return '已撤回，无需办理'
  const staff = [...v.timeline].reverse().find((e) => e.action !== 'create' && e.actorRole && e.actorRole !== 'resident' && e.actorRole !== ROLE_LABELS.resident)
  if (staff) return `${staff.actor}（${roleText(staff.actorRole)}）`
  return '待受理'
}

function placeText(v: RequestView): string {
  const l = v.location
  const where = l.area ?? `${l.buildingName ?? ''}${l.unit ? `${l.unit}单元` : ''}`
  return v.room ? `${where} ${v.room}室` : where
}

function Timeline({ entries, urls }: { entries: Entry[]; urls: Record<string, string> }) {
  return (
    <Card title='办理过程' className='js-timeline'>
      <View className='rq-timeline'>
        {entries.map((e, i) => (
          <View key={`${e.at}-${i}`} className={`rq-step js-step ${i === entries.length - 1 ? 'is-last' : ''}`}>
            <View className='rq-step__head'>
              <Text className='rq-step__state'>{ACTION_LABELS[e.action] ?? STATE_LABELS[e.toState]}</Text>
              <StateTag state={e.toState} />
            </View>
            <Text className='ll-block ll-muted'>
              {dateTime(e.at)} · {e.actor}
              {e.actorRole ? `（${roleText(e.actorRole)}）` : ''}
            </Text>
            {e.note ? <Text className='rq-step__note'>{e.note}</Text> : null}
            <PhotoGrid ids={e.photos} urls={urls} small className='js-step-photos' />
          </View>
        ))}
      </View>
    </Card>
  )
}

const RATING_WORDS = ['', '很不满意', '不满意', '一般', '满意', '很满意']

/** 评价: 1–5 stars, 解决了/没解决, a comment. ≤ 2 stars or 没解决 sends it back to be handled again. */
function RateCard({ requestId, onDone }: { requestId: string; onDone: (v: RequestView) => void }) {
  const [rating, setRating] = useState<number | null>(null)
  const [fixed, setFixed] = useState<boolean | null>(null)
  const [comment, setComment] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const sentBack = (rating !== null && rating <= 2) || fixed === false

  const submit = async () => {
    if (rating === null) return setProblem('请点星星打分（1-5 星）')
    if (fixed === null) return setProblem('请选择问题是否解决了')
    const data = comment.trim() ? { requestId, rating, fixed, comment: comment.trim() } : { requestId, rating, fixed }
    const local = firstProblem(requestContract.confirm.input, data)
    if (local) return setProblem(local)
    setProblem(null)
    setBusy(true)
    const res = await requestApi.confirm(data)
    setBusy(false)
    if (!res.ok) return setProblem(res.message)
    void Taro.showToast({ title: sentBack ? '已退回重新办理' : '感谢您的评价', icon: 'success' })
    onDone(res.data)
  }

  return (
    <Card title='请您评价' className='ll-notice js-rate-card'>
      <Text className='ll-block ll-text-2'>工作人员已办结这件事，请告诉我们办得怎么样。</Text>
      <Text className='ll-label'>问题解决了吗？</Text>
      <View className='ll-choice-row' {...group('radiogroup', '问题解决了吗？')}>
        <View className={`ll-choice js-fixed-yes ${fixed === true ? 'is-selected' : ''}`} {...tappable(() => setFixed(true), { role: 'radio', checked: fixed === true })}>
          <Text>解决了</Text>
        </View>
        <View className={`ll-choice js-fixed-no ${fixed === false ? 'is-selected' : ''}`} {...tappable(() => setFixed(false), { role: 'radio', checked: fixed === false })}>
          <Text>没解决</Text>
        </View>
      </View>
      <Text className='ll-label'>满意程度{rating ? `：${rating} 星 · ${RATING_WORDS[rating]}` : ''}</Text>
      <View className='rq-stars' {...group('radiogroup', '满意程度')}>
        {[1, 2, 3, 4, 5].map((n) => (
          <View
            key={n}
            className={`rq-star js-rating-${n} ${rating !== null && n <= rating ? 'is-on' : ''} ${rating === n ? 'is-selected' : ''}`}
            {...tappable(() => setRating(n), { role: 'radio', checked: rating === n, label: `${n} 星` })}
          >
            <Text className='rq-star__icon'>★</Text>
            <Text className='rq-star__num'>{n}</Text>
          </View>
        ))}
      </View>
      {sentBack ? (
        <View className='rq-sent-back js-sent-back'>
          <Text>
            {fixed === false ? '您选择了「没解决」' : `您打了 ${rating} 星`}
            ，提交后这件事会退回重新办理，并报告小区党支部跟进。
          </Text>
        </View>
      ) : null}
      <Text className='ll-label'>想说的话（可不填）</Text>
      <View className='rq-textarea'>
        <TextArea className='js-rating-comment' placeholder='说说您的感受或建议' value={comment} maxLength={200} showCount onChange={(v: string) => setComment(v)} />
      </View>
      <Text className='ll-block ll-muted'>打 2 星及以下或选择「没解决」，会退回重新办理；不评价的事项 7 天后自动办结。</Text>
      {problem ? <Text className='ll-error-text js-rate-error'>{problem}</Text> : null}
      <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-submit-rating' onClick={() => void submit()}>
        提交评价
      </Button>
    </Card>
  )
}

/** 提交议题 (staff): puts this request on the next 三方联席会议's agenda; the decision comes back onto the timeline. */
function ProposeTopic({ v }: { v: RequestView }) {
  const [open, setOpen] = useState(false)
  const [title, setTitle] = useState('')
  const [note, setNote] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState(false)
  const start = () => {
    setTitle(`${CATEGORY_LABELS[v.category]}：${[...v.content].slice(0, 40).join('')}`)
    setNote('')
    setProblem(null)
    setOpen(true)
  }
  // NutUI keeps the dialog open (with the message) when this throws
  const confirm = async () => {
    const t = title.trim()
    const local = !t ? '请填写议题' : [...t].length > 60 ? '议题不能超过 60 个字' : [...note.trim()].length > 500 ? '说明不能超过 500 个字' : null
    if (local) {
      setProblem(local)
      throw new Error(local)
    }
    const res = await proposeTopic({ kind: 'request', refId: v.requestId, title: t, ...(note.trim() ? { note: note.trim() } : {}) })
    if (!res.ok) {
      setProblem(res.message)
      throw new Error(res.message)
    }
    setDone(true)
    setOpen(false)
    void Taro.showToast({ title: '已提交三方联席会议', icon: 'success' })
  }
  return (
    <Card title='三方联席会议' className='js-propose-card'>
      <Text className='ll-block ll-muted'>需要党支部、业委会、物业一起商量的事，可以提交到下一次三方联席会议，会议的决定会写入办理过程。</Text>
      <Button size='large' disabled={done} className='js-propose' onClick={start}>
        {done ? '已提交议题' : '提交议题'}
      </Button>
      <Dialog visible={open} title='提交议题' confirmText='提交' cancelText='取消' onConfirm={confirm} onCancel={() => setOpen(false)} onClose={() => setOpen(false)}>
        {open ? (
          <View className='js-dialog-propose'>
            <Text className='ll-label'>议题</Text>
            <View className='rq-textarea'>
              <TextArea className='js-propose-title' value={title} maxLength={60} showCount onChange={(t: string) => setTitle(t)} />
            </View>
            <Text className='ll-label'>说明（可不填）</Text>
            <View className='rq-textarea'>
              <TextArea className='js-propose-note' placeholder='如：涉及公共收益使用，需业委会同意' value={note} maxLength={500} showCount onChange={(t: string) => setNote(t)} />
            </View>
            {problem ? <Text className='ll-error-text js-propose-error'>{problem}</Text> : null}
          </View>
        ) : null}
      </Dialog>
    </Card>
  )
}

function Detail({ requestId }: { requestId: string }) {
  const { session, hasRole } = useSession()
  const [view, setView] = useState<RequestView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<Action | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  const [dialog, setDialog] = useState<DialogKind | null>(null)
  const [text, setText] = useState('')
  const [dialogError, setDialogError] = useState<string | null>(null)
  const [dialogPhotos, setDialogPhotos] = useState<string[]>([])
  const [dialogUrls, setDialogUrls] = useState<Record<string, string>>({})
  const [dialogUploading, setDialogUploading] = useState(false)
  const [target, setTarget] = useState<Handler | null>(null)

  const load = useCallback(async () => {
    setError(null)
    const res = await requestApi.get({ requestId })
    if (res.ok) setView(res.data)
    else setError(res.message)
  }, [requestId])
  useEffect(() => {
    void load()
  }, [load])
  useRefreshOnShow(load)

  if (error && !view) return <ErrorBlock message={error} onRetry={() => void load()} />
  if (!view) return <Loading />

  const applied = (v: RequestView, done: string) => {
    setView(v)
    setActionError(null)
    void Taro.showToast({ title: done, icon: 'success' })
  }

  const direct = async (action: 'accept' | 'claim' | 'start') => {
    setBusy(action)
    const res = action === 'accept' ? await requestApi.accept({ requestId }) : action === 'claim' ? await requestApi.claim({ requestId }) : await requestApi.start({ requestId })
    setBusy(null)
    if (!res.ok) {
      setActionError(res.message)
      void Taro.showToast({ title: res.message, icon: 'none' })
      return
    }
    applied(res.data, action === 'accept' ? '已受理' : action === 'claim' ? '已认领' : '已开始处理')
  }

  const open = (kind: DialogKind) => {
    setText('')
    setDialogError(null)
    setDialogPhotos([])
    setDialogUploading(false)
    setTarget(null)
    setDialog(kind)
  }

  const onAction = (action: Exclude<Action, 'confirm'>) => {
    if (action === 'accept' || action === 'claim' || action === 'start') return void direct(action)
    open(action)
  }

  // NutUI closes the dialog when this resolves and keeps it open (with the error) when it throws.
  const confirmDialog = async () => {
    if (!dialog) return
    if (dialogUploading) {
      setDialogError('照片正在上传，请稍候')
      throw new Error('照片正在上传，请稍候')
    }
    const call = dialogCall(dialog, requestId, text.trim(), withPhotos(dialog) ? dialogPhotos : [], target)
    if (call.problem) {
      setDialogError(call.problem)
      throw new Error(call.problem)
    }
    const res = await call.send()
    if (!res.ok) {
      setDialogError(res.message)
      throw new Error(res.message)
    }
    applied(res.data, DIALOGS[dialog].done)
  }

  const v = view
  const buttons = BUTTONS.filter((b) => v.can.includes(b.action))
  const spec = dialog ? DIALOGS[dialog] : null
  const canCall = !!v.reporterPhone && !v.reporterPhone.includes('*')
  return (
    <View className='js-request-detail'>
      <Card
        title={<Text className='js-detail-category'>{CATEGORY_LABELS[v.category]}</Text>}
        extra={
          <View className='ll-row'>
            <StateTag state={v.state} />
            {v.overdue ? <OverdueTag /> : null}
          </View>
        }
      >
        {v.heldForReview ? <Text className='ll-block ll-muted js-held'>内容正在审核，通过前仅您和工作人员可见。</Text> : null}
        <Text className='rq-content js-detail-content'>{v.content}</Text>
        <PhotoGrid ids={v.photos} urls={v.photoUrls} className='js-detail-photos' />
        <View className='rq-facts'>
          <Fact label='地点' className='js-detail-place'>
            <Text>{placeText(v)}</Text>
          </Fact>
          <Fact label='紧急程度'>
            <Text>{URGENCY_LABELS[v.urgency]}</Text>
          </Fact>
          {hasLiveDeadline(v.state) ? (
            <Fact label='办理期限' className='js-detail-due'>
              <Text>{dateTime(v.dueAt)} 前</Text>
              {v.overdue ? <OverdueTag /> : null}
            </Fact>
          ) : null}
          {v.escalationLevel > 0 ? (
            <Fact label='上报层级' className='js-detail-escalation'>
              <Text>{ESCALATION_LABELS[Math.min(v.escalationLevel, ESCALATION_LABELS.length - 1)]}</Text>
            </Fact>
          ) : null}
          <Fact label='反映人' className='js-detail-reporter'>
            <Text>{v.reporterName}</Text>
            {v.reporterPhone ? (
              <Text
                className={`js-reporter-phone ${canCall ? 'll-text-2' : 'll-muted'}`}
                {...(canCall ? tappable(() => void Taro.makePhoneCall({ phoneNumber: v.reporterPhone! }).catch(() => undefined), { role: 'link' }) : {})}
              >
                {v.reporterPhone}
                {canCall ? '（点击拨打）' : ''}
              </Text>
            ) : null}
          </Fact>
          {v.actedFor ? (
            <Fact label='代办' className='js-detail-acted-for'>
              <Text>{`由 ${v.actedFor.by} 代办（${v.actedFor.consentNote}）`}</Text>
            </Fact>
          ) : null}
          <Fact label='处理人' className='js-detail-assignee'>
            <Text>{handlerText(v)}</Text>
          </Fact>
          <Fact label='公开范围'>
            <Text>{v.visibility === 'public' ? '公开（邻居看不到姓名和房号）' : '仅工作人员可见'}</Text>
          </Fact>
          <Fact label='提交时间'>
            <Text>{dateTime(v.createdAt)}</Text>
          </Fact>
          {v.rating !== null ? (
            <Fact label={ratingWords(v.state, v.fixed).label} className='js-detail-rating'>
              <Text>
                {'★'.repeat(v.rating)}
                {'☆'.repeat(Math.max(0, 5 - v.rating))} {v.rating} 星
              </Text>
              {ratingWords(v.state, v.fixed).note ? <Text className='ll-muted'>{ratingWords(v.state, v.fixed).note}</Text> : null}
            </Fact>
          ) : null}
        </View>
      </Card>

      {/* the view names no assignee id: the claimer is matched by name, and the function decides */}
      {v.category === 'help' && (v.state === 'resolved' || v.state === 'closed') && !!v.assigneeName && v.assigneeName === session?.profile.displayName ? (
        <LogHours requestId={requestId} />
      ) : null}

      {v.can.includes('confirm') ? <RateCard requestId={requestId} onDone={(nv) => setView(nv)} /> : null}

      {buttons.length ? (
        <Card title='办理' className='js-actions'>
          <View className='rq-actions'>
            {buttons.map((b) => (
              <Button
                key={b.action}
                type={b.primary ? 'primary' : 'default'}
                size='large'
                loading={busy === b.action}
                disabled={!!busy}
                className={`js-action-${b.action}`}
                onClick={() => onAction(b.action)}
              >
                {b.label}
              </Button>
            ))}
          </View>
          {actionError ? <Text className='ll-error-text js-action-error'>{actionError}</Text> : null}
        </Card>
      ) : null}

      {hasRole('branch', 'committee', 'property', 'officer', 'grid') ? <ProposeTopic v={v} /> : null}

      <Timeline entries={v.timeline} urls={v.photoUrls} />

      {v.visibility === 'public' ? (
        <View className='ll-row js-report-row'>
          <ReportAction kind='request' refId={v.requestId} />
        </View>
      ) : null}

      <Dialog
        visible={!!dialog}
        title={spec?.title ?? ''}
        confirmText={spec?.confirmText ?? '确认'}
        cancelText='取消'
        onConfirm={confirmDialog}
        onCancel={() => setDialog(null)}
        onClose={() => setDialog(null)}
      >
        {spec && dialog ? (
          <View className={`js-dialog-${dialog}`}>
            <Text className='ll-block ll-muted'>{spec.tip}</Text>
            {dialog === 'transfer' ? (
              <Chips
                label='转派给'
                className='js-transfer-targets'
                value={target ?? ('' as Handler)}
                onChange={setTarget}
                options={(v.transferTo ?? []).map((h) => ({ value: h, label: HANDLER_LABELS[h], className: `js-transfer-${h}` }))}
              />
            ) : null}
            <View className='rq-textarea'>
              <TextArea
                className={`js-${dialog}-input js-dialog-input`}
                placeholder={spec.placeholder}
                value={text}
                maxLength={spec.max}
                showCount
                onChange={(t: string) => setText(t)}
              />
            </View>
            {withPhotos(dialog) ? (
              <>
                <Text className='ll-label'>照片（可选，最多 {DIALOG_PHOTOS_MAX} 张）</Text>
                <PhotoPicker
                  className={`js-${dialog}-photos`}
                  value={dialogPhotos}
                  onChange={setDialogPhotos}
                  max={DIALOG_PHOTOS_MAX}
                  urls={dialogUrls}
                  onUrls={(added) => setDialogUrls((u) => ({ ...u, ...added }))}
                  onBusy={setDialogUploading}
                />
              </>
            ) : null}
            {dialogError ? <Text className='ll-error-text js-dialog-error'>{dialogError}</Text> : null}
          </View>
        ) : null}
      </Dialog>
    </View>
  )
}

/** Reads `?id=` of this page. */
function useRequestId(): string {
  const id = useRouter()?.params?.id ?? ''
  try {
    return decodeURIComponent(id)
  } catch {
    return id
  }
}

export default function RequestDetail() {
  const requestId = useRequestId()
  return (
    <RequestPage title='反映详情'>
      {requestId ? <Detail requestId={requestId} /> : <Empty text='没有找到这条反映' />}
    </RequestPage>
  )
}
