// The two forms of a meeting's page — one agenda item's decision, and the attendees with the
// minutes — their state, checks and submit: the pure models are core/admin/form.ts.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { decisionInput, decisionProblem, minutesFormOf, minutesInput, minutesProblem, type Attendee, type MinutesForm } from '@core/admin/form'
import { adminApi, type MeetingView } from '../../../services/admin'
import { adminContract } from '@core/admin/contract'
import { firstProblem } from '../../../services/validate'

export function useDecisionForm(itemId: string, onDecided: () => void) {
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    const data = decisionInput(itemId, text)
    const local = decisionProblem(data) ?? firstProblem(adminContract.decide.input, data)
    if (local) return setProblem(local)
    setProblem(null)
    setBusy(true)
    const res = await adminApi.decide(data)
    setBusy(false)
    if (!res.ok) return setProblem(res.message)
    void Taro.showToast({ title: '已记录决定', icon: 'success' })
    onDecided()
  }
  return { text, setText, problem, busy, submit }
}

export function useMinutesForm(meeting: MeetingView, onSaved: () => void) {
  const [form, setForm] = useState<MinutesForm>(() => minutesFormOf(meeting))
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const editAttendee = (i: number, patch: Partial<Attendee>) => setForm((f) => ({ ...f, attendees: f.attendees.map((a, j) => (j === i ? { ...a, ...patch } : a)) }))
  const addAttendee = () => setForm((f) => ({ ...f, attendees: [...f.attendees, { name: '', role: '' }] }))
  const setMinutes = (minutes: string) => setForm((f) => ({ ...f, minutes }))
  const submit = async () => {
    const data = minutesInput(meeting.meetingId, form)
    const local = minutesProblem(data) ?? firstProblem(adminContract.recordMinutes.input, data)
    if (local) return setProblem(local)
    setProblem(null)
    setBusy(true)
    const res = await adminApi.recordMinutes(data)
    setBusy(false)
    if (!res.ok) return setProblem(res.message)
    void Taro.showToast({ title: '纪要已保存', icon: 'success' })
    onSaved()
  }
  return { form, editAttendee, addAttendee, setMinutes, problem, busy, submit }
}
