// The 发布活动 / 编辑活动 form's state, its checks (the pure form model, the shared contract, the
// domain's time rules) and its submit: a new event is created, an edit sends only what changed.
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { checkTimes } from '@core/event/rules'
import { blankEventForm, eventEdits, eventFieldOf, eventFormOf, eventInputOf, type CreateInput, type EventForm } from '@core/event/form'
import type { InputOf } from '@core/contract'
import { toggled } from '../../../components/BuildingChoices'
import { useFormProblem } from '../../../components/FormField'
import { eventUrl } from '../../../routes'
import { eventApi, type EventContract, type EventView } from '../../../services/event'
import { eventContract } from '@core/event/contract'
import { firstIssue } from '../../../services/validate'

type UpdateInput = InputOf<EventContract['update']>
export type EventFormState = ReturnType<typeof useEventForm>

export function useEventForm(original: EventView | null) {
  const eventId = original?.eventId ?? null
  const [form, setForm] = useState<EventForm>(() => (original ? eventFormOf(original) : blankEventForm(new Date())))
  const { problem, show: setProblem, clear: clearProblem } = useFormProblem()
  const [busy, setBusy] = useState(false)
  const sending = useRef(false)
  const set = <K extends keyof EventForm>(key: K, value: EventForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    clearProblem()
  }
  const toggleBuilding = (id: string) => set('buildingIds', toggled(form.buildingIds, id))

  const save = async () => {
    if (sending.current) return
    const data = eventInputOf(form)
    if ('message' in data) return setProblem(data.message, data.field)
    const local = eventId ? firstIssue(eventContract.update.input, { eventId, ...data }) : firstIssue(eventContract.create.input, data)
    if (local) return setProblem(local.message, eventFieldOf(local.field))
    const times = checkTimes(
      { startAt: new Date(data.startAt), endAt: new Date(data.endAt), signupDeadline: new Date(data.signupDeadline) },
      new Date(),
      !eventId,
    )
    if (times) return setProblem(times, 'times')
    let patch: UpdateInput | null = null
    if (eventId && original) {
      const before = eventInputOf(eventFormOf(original))
      const changed = 'message' in before ? data : eventEdits(before, data)
      if (!Object.keys(changed).length) return setProblem('没有修改任何内容')
      patch = { eventId, ...changed }
    }
    clearProblem()
    sending.current = true
    setBusy(true)
    if (patch) {
      const res = await eventApi.update(patch)
      sending.current = false
      setBusy(false)
      // e.g. CONFLICT: fewer places than people already confirmed
      if (!res.ok) return setProblem(res.message)
      if (res.data.promoted > 0) {
        await Taro.showModal({
          title: '已保存',
          content: `名额增加后，已有 ${res.data.promoted} 位候补的邻居自动转为报名成功。`,
          showCancel: false,
          confirmText: '知道了',
        }).catch(() => undefined)
      } else {
        void Taro.showToast({ title: '已保存', icon: 'success' })
      }
      void Taro.navigateBack().catch(() => Taro.redirectTo({ url: eventUrl(res.data.eventId) }))
      return
    }
    const res = await eventApi.create(data)
    sending.current = false
    setBusy(false)
    if (!res.ok) return setProblem(res.message)
    void Taro.showToast({ title: res.data.heldForReview ? '已提交，内容审核中' : '已发布', icon: res.data.heldForReview ? 'none' : 'success' })
    void Taro.redirectTo({ url: eventUrl(res.data.eventId) })
  }

  return { form, set, toggleBuilding, save, busy, problem, eventId }
}

export type { CreateInput }
