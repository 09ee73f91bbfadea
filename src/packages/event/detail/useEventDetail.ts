// 活动详情's one domain hook: the view (read again when the page shows) and what the caller does
// with it — register, check in (typed or scanned), export the list, cancel a registration or the event.
// What the caller may do is decided by the function (view fields), never re-run here.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { useResource } from '../../../hooks/useResource'
import { askEventReminderSubscription, eventApi, parseCheckinQr } from '../../../services/event'
import { eventContract } from '@core/event/contract'
import { saveCsv } from '../../../services/platform'
import { firstProblem } from '../../../services/validate'
import { toast } from './Registration'

export type DialogKind = 'cancelRegistration' | 'cancelEvent'
type Busy = 'register' | 'checkin' | 'export' | null
export type EventDetailState = ReturnType<typeof useEventDetail>

export function useEventDetail(eventId: string) {
  const detail = useResource(() => eventApi.get({ eventId }), [eventId], { refreshOnShow: true })
  const [busy, setBusy] = useState<Busy>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  const [code, setCode] = useState('')
  const [checkinError, setCheckinError] = useState<string | null>(null)
  const [checkinNote, setCheckinNote] = useState<string | null>(null)
  const [dialog, setDialog] = useState<DialogKind | null>(null)
  const [reason, setReason] = useState('')
  const [dialogError, setDialogError] = useState<string | null>(null)

  const register = async () => {
    if (busy) return
    setBusy('register')
    setActionError(null)
    // WeChat only lets a tap ask for subscription messages: ask before anything else is awaited
    await askEventReminderSubscription()
    const res = await eventApi.register({ eventId })
    if (!res.ok) {
      setBusy(null)
      setActionError(res.message)
      toast(res.message)
      return
    }
    // the view after registering carries my place on the waitlist and the places left
    const fresh = await eventApi.get({ eventId })
    setBusy(null)
    if (fresh.ok) detail.setData(fresh.data)
    if (res.data.status === 'confirmed') return toast('报名成功', 'success')
    const mine = fresh.ok ? fresh.data.mine : null
    const position = (mine?.status === 'waitlisted' ? mine.position : null) ?? res.data.position ?? null
    toast(position ? `已进入候补第 ${position} 位` : '已进入候补')
  }

  const checkin = async (value: string) => {
    const data = { eventId, code: value.trim() }
    const problem = firstProblem(eventContract.checkin.input, data)
    if (problem) return setCheckinError(problem)
    setCheckinError(null)
    setBusy('checkin')
    const res = await eventApi.checkin(data)
    setBusy(null)
    if (!res.ok) {
      setCheckinError(res.message)
      return
    }
    setCode('')
    setCheckinNote(res.data.creditedHours > 0 ? `签到成功，已计入志愿服务时长 ${res.data.creditedHours} 小时` : '签到成功')
    toast('签到成功', 'success')
    void detail.reload()
  }

  const scan = async () => {
    let text: string
    try {
      text = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
    } catch {
      return // closed the scanner
    }
    const parsed = parseCheckinQr(text)
    if (!parsed) return setCheckinError('这不是活动签到二维码')
    if (parsed.eventId !== eventId) return setCheckinError('这是其他活动的签到码，请扫描本活动的签到码')
    setCode(parsed.code)
    await checkin(parsed.code)
  }

  const exportList = async () => {
    if (busy) return
    setBusy('export')
    const res = await eventApi.export({ eventId })
    if (!res.ok) {
      setBusy(null)
      return toast(res.message)
    }
    try {
      const how = await saveCsv(res.data.filename, res.data.csv)
      if (how === 'downloaded') toast(`已导出 ${res.data.rows} 条`, 'success')
      else
        void Taro.showModal({
          title: '报名名单已复制',
          content: `共 ${res.data.rows} 条报名记录（CSV 格式）已复制到剪贴板。可以粘贴发送到电脑，保存为 .csv 文件后用 Excel 打开。`,
          showCancel: false,
          confirmText: '知道了',
        })
    } catch {
      toast('导出失败，请重试')
    }
    setBusy(null)
  }

  const open = (kind: DialogKind) => {
    setReason('')
    setDialogError(null)
    setDialog(kind)
  }

  // NutUI closes the dialog when this resolves and keeps it open (with the error) when it throws.
  const confirmDialog = async () => {
    if (dialog === 'cancelRegistration') {
      const res = await eventApi.cancel({ eventId })
      if (!res.ok) {
        setDialogError(res.message)
        throw new Error(res.message)
      }
      toast('已取消报名', 'success')
      void detail.reload()
      return
    }
    const data = { eventId, reason: reason.trim() }
    const problem = firstProblem(eventContract.cancelEvent.input, data)
    if (problem) {
      setDialogError(problem)
      throw new Error(problem)
    }
    const res = await eventApi.cancelEvent(data)
    if (!res.ok) {
      setDialogError(res.message)
      throw new Error(res.message)
    }
    toast(res.data.notified ? `活动已取消，已通知 ${res.data.notified} 人` : '活动已取消')
    void detail.reload()
  }

  return {
    ...detail,
    busy,
    actionError,
    code,
    setCode,
    checkinError,
    checkinNote,
    dialog,
    closeDialog: () => setDialog(null),
    reason,
    setReason,
    dialogError,
    register,
    checkin,
    scan,
    exportList,
    open,
    confirmDialog,
  }
}
