// 为队员登记服务时长's state, checks and submit: the pure model is core/volunteer/form.ts.
import { useState } from 'react'
import { blankLogForm, logChoiceProblem, logServiceInput, type LogForm } from '@core/volunteer/form'
import { firstProblem } from '../../../services/validate'
import { volunteerApi, volunteerContract } from '../../../services/volunteer'
import { toast } from '../components'

export function useLogForm(teamId: string) {
  const [form, setForm] = useState<LogForm>(() => blankLogForm(Date.now()))
  const [error, setError] = useState<string | null>(null)
  const set = <K extends keyof LogForm>(key: K, value: LogForm[K]) => setForm((f) => ({ ...f, [key]: value }))
  const send = async () => {
    const choice = logChoiceProblem(form)
    if (choice) return setError(choice)
    const data = logServiceInput(teamId, form)
    const problem = firstProblem(volunteerContract.logService.input, data)
    if (problem) return setError(problem)
    const res = await volunteerApi.logService(data)
    if (!res.ok) return setError(res.message)
    setError(null)
    set('content', '')
    toast('已登记并核实', 'success')
  }
  return { form, set, error, send }
}
