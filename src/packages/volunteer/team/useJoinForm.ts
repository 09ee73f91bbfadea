// 报名加入's state, check and submit: the pure model is core/volunteer/form.ts.
import { useState } from 'react'
import { blankJoinForm, joinInput, type JoinForm } from '@core/volunteer/form'
import { firstProblem } from '../../../services/validate'
import { volunteerApi, volunteerContract } from '../../../services/volunteer'
import { toast } from '../components'

export function useJoinForm(teamId: string, onDone: () => void) {
  const [form, setForm] = useState<JoinForm>(blankJoinForm)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const set = <K extends keyof JoinForm>(key: K, value: JoinForm[K]) => setForm((f) => ({ ...f, [key]: value }))
  const join = async () => {
    const data = joinInput(teamId, form)
    const problem = firstProblem(volunteerContract.join.input, data)
    if (problem) return setError(problem)
    setBusy(true)
    const res = await volunteerApi.join(data)
    setBusy(false)
    if (!res.ok) return setError(res.message)
    setError(null)
    toast(res.data.status === 'active' ? '已加入队伍' : '已提交申请，等待队长审核', res.data.status === 'active' ? 'success' : 'none')
    onDone()
  }
  return { form, set, busy, error, join }
}
