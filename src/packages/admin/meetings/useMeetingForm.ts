// 召开会议's state, check and submit: the pure model is core/admin/form.ts.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { blankMeetingForm, meetingInput, type MeetingForm } from '@core/admin/form'
import { adminApi } from '../../../services/admin'
import { adminContract } from '@core/admin/contract'
import { firstProblem } from '../../../services/validate'
import { adminUrl, go } from '../../../routes'

export function useMeetingForm(picked: string[], onCreated: () => void) {
  const [form, setForm] = useState<MeetingForm>(() => blankMeetingForm(Date.now()))
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = <K extends keyof MeetingForm>(key: K, value: MeetingForm[K]) => setForm((f) => ({ ...f, [key]: value }))
  /** The date and the time are picked apart: each keeps the other. */
  const setDay = (day: string) => setForm((f) => ({ ...f, when: `${day} ${f.when.split(' ')[1]}` }))
  const setTime = (hhmm: string) => setForm((f) => ({ ...f, when: `${f.when.split(' ')[0]} ${hhmm}` }))

  const submit = async () => {
    const data = meetingInput(form, picked)
    const local = firstProblem(adminContract.createMeeting.input, data)
    if (local) return setProblem(local)
    setProblem(null)
    setBusy(true)
    const res = await adminApi.createMeeting(data)
    setBusy(false)
    if (!res.ok) return setProblem(res.message)
    void Taro.showToast({ title: '会议已创建', icon: 'success' })
    set('title', '')
    onCreated()
    go(adminUrl('adminMeeting', res.data.meetingId))
  }

  return { form, set, setDay, setTime, problem, busy, submit }
}
