// The dialog of an action that needs words (添加记录, 办结, 上报, 转派, 不予受理, 重新办理, 撤回, 放弃认领):
// its text, photos for a note or a result, the 转派 target the server offers; checked with the shared
// contract, then sent. Each action answers with the new view. The volunteer who claimed a 求助 task
// may enter their hours of service when resolving it (志愿服务 ledger, confirmed by the grid).
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Dialog, TextArea } from '@nutui/nutui-react-taro'
import type { Envelope } from '@core/errors'
import { HANDLER_LABELS, type Handler } from '@core/request/rules'
import { Chips } from '../../../components/Chips'
import { DateTimeField } from '../../../components/DateTimeField'
import { PhotoPicker } from '../../../components/PhotoPicker'
import { Toggle } from '../../../components/Toggle'
import { formDay, formTimeToIso } from '../../../utils/formTime'
import { requestApi, type RequestView } from '../../../services/request'
import { requestContract } from '@core/request/contract'
import { firstProblem } from '../../../services/validate'

export type DialogKind = 'note' | 'resolve' | 'escalate' | 'transfer' | 'reject' | 'reopen' | 'withdraw' | 'release'

export const DIALOGS: Record<DialogKind, { title: string; tip: string; placeholder: string; max: number; confirmText: string; done: string }> = {
  note: { title: '添加记录', tip: '记录处理进展，反映人和处理人都能看到。', placeholder: '如：已联系维修师傅，明天上午上门', max: 500, confirmText: '保存', done: '已添加记录' },
  resolve: { title: '办结', tip: '请写明处理结果，反映人会看到并评价。', placeholder: '如：已更换楼道灯泡，经现场确认照明正常', max: 500, confirmText: '办结', done: '已办结' },
  escalate: { title: '上报', tip: '上报给上一级（党支部、社区/街道）协调处理，请写明原因。', placeholder: '如：涉及市政管网，小区内无法解决', max: 200, confirmText: '上报', done: '已上报' },
  transfer: { title: '转派', tip: '交给更合适的一方办理，对方受理后开始计时；请写明交办要求，反映人会看到。', placeholder: '如：装修管理归物业，请今天联系业主', max: 200, confirmText: '转派', done: '已转派' },
  reject: { title: '不予受理', tip: '请写明原因，反映人会看到。', placeholder: '如：属于私人财产纠纷，建议通过法律途径解决', max: 200, confirmText: '不予受理', done: '已处理' },
  reopen: { title: '重新办理', tip: '请写明还有什么问题，这件事会重新交给工作人员办理。', placeholder: '如：灯又不亮了', max: 200, confirmText: '重新办理', done: '已重新提交' },
  release: { title: '放弃认领', tip: '任务会回到任务大厅，由其他志愿者认领。放弃会记录在办理过程中。', placeholder: '原因（可不填），如：临时有事来不及', max: 200, confirmText: '放弃认领', done: '已放回任务大厅' },
  withdraw: { title: '撤回反映', tip: '确定撤回这条反映吗？撤回后工作人员将不再处理。', placeholder: '撤回原因（可不填）', max: 200, confirmText: '撤回', done: '已撤回' },
}

/** The dialogs that may carry photos (a result or a progress note), and how many. */
const DIALOG_PHOTOS_MAX = 3
const withPhotos = (kind: DialogKind) => kind === 'note' || kind === 'resolve'

/** The call for one dialog action, after checking its input with the shared contract. */
type Hours = { startAt: string; endAt: string } | null

function dialogCall(kind: DialogKind, requestId: string, text: string, photos: string[], target: Handler | null, hours: Hours = null): { problem: string | null; send: () => Promise<Envelope<RequestView>> } {
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
      const d = { requestId, note: text, ...(photos.length ? { photos } : {}), ...(hours ? { hours } : {}) }
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

export interface ActionDialogProps {
  kind: DialogKind | null
  requestId: string
  /** Whom 转派 may go to (the server's answer, view.transferTo). */
  transferTo: Handler[]
  /** The caller claimed this 求助 task as a volunteer: resolving may carry their hours. */
  asksHours?: boolean
  onClose: () => void
  /** The new view, and what to tell the user. */
  onDone: (v: RequestView, done: string) => void
}

export function ActionDialog({ kind, requestId, transferTo, asksHours, onClose, onDone }: ActionDialogProps) {
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [photos, setPhotos] = useState<string[]>([])
  const [urls, setUrls] = useState<Record<string, string>>({})
  const [uploading, setUploading] = useState(false)
  const [target, setTarget] = useState<Handler | null>(null)
  const [logHours, setLogHours] = useState(false)
  const [start, setStart] = useState(formDay(0, '09:00'))
  const [end, setEnd] = useState(formDay(0, '10:00'))
  // every opening starts empty
  useEffect(() => {
    if (!kind) return
    setText('')
    setError(null)
    setPhotos([])
    setUploading(false)
    setTarget(null)
    setLogHours(false)
  }, [kind])

  const fail = (message: string): never => {
    setError(message)
    throw new Error(message)
  }
  // NutUI closes the dialog when this resolves and keeps it open (with the error) when it throws.
  const confirm = async () => {
    if (!kind) return
    if (uploading) fail('照片正在上传，请稍候')
    const hours = kind === 'resolve' && asksHours && logHours ? { startAt: formTimeToIso(start), endAt: formTimeToIso(end) } : null
    const call = dialogCall(kind, requestId, text.trim(), withPhotos(kind) ? photos : [], target, hours)
    if (call.problem) fail(call.problem)
    const res = await call.send()
    if (!res.ok) return fail(res.message)
    onDone(res.data, DIALOGS[kind].done)
  }

  const spec = kind ? DIALOGS[kind] : null
  return (
    <Dialog visible={!!kind} title={spec?.title ?? ''} confirmText={spec?.confirmText ?? '确认'} cancelText='取消' onConfirm={confirm} onCancel={onClose} onClose={onClose}>
      {spec && kind ? (
        <View className={`js-dialog-${kind}`}>
          <Text className='ll-block ll-muted'>{spec.tip}</Text>
          {kind === 'transfer' ? (
            <Chips
              label='转派给'
              className='js-transfer-targets'
              value={target ?? ('' as Handler)}
              onChange={setTarget}
              options={transferTo.map((h) => ({ value: h, label: HANDLER_LABELS[h], className: `js-transfer-${h}` }))}
            />
          ) : null}
          <View className='rq-textarea'>
            <TextArea className={`js-${kind}-input js-dialog-input`} placeholder={spec.placeholder} value={text} maxLength={spec.max} showCount onChange={(t: string) => setText(t)} />
          </View>
          {withPhotos(kind) ? (
            <>
              <Text className='ll-label'>照片（可选，最多 {DIALOG_PHOTOS_MAX} 张）</Text>
              <PhotoPicker
                className={`js-${kind}-photos`}
                value={photos}
                onChange={setPhotos}
                max={DIALOG_PHOTOS_MAX}
                urls={urls}
                onUrls={(added) => setUrls((u) => ({ ...u, ...added }))}
                onBusy={setUploading}
              />
            </>
          ) : null}
          {kind === 'resolve' && asksHours ? (
            <>
              <View className='ll-row' style={{ justifyContent: 'space-between' }}>
                <Text>登记志愿服务时长（只记实际服务，不含路上）</Text>
                <Toggle checked={logHours} onChange={setLogHours} label='登记志愿服务时长' className='js-resolve-hours' />
              </View>
              {logHours ? (
                <>
                  <DateTimeField label='开始' name='resolve-start' value={start} onChange={setStart} />
                  <DateTimeField label='结束' name='resolve-end' value={end} onChange={setEnd} />
                </>
              ) : null}
            </>
          ) : null}
          {error ? <Text className='ll-error-text js-dialog-error'>{error}</Text> : null}
        </View>
      ) : null}
    </Dialog>
  )
}
