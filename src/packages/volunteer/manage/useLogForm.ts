// 为队员登记服务时长's state, checks and submit: the pure model is core/volunteer/form.ts.
import { useState } from 'react'
import { blankLogForm, logChoiceProblem, logServiceInput, type LogForm } from '@core/volunteer/form'
import { useSubmit } from '../../../hooks/useSubmit'
import { volunteerApi } from '../../../services/volunteer'
import { volunteerContract } from '@core/volunteer/contract'
import { toast } from '../components'

export function useLogForm(teamId: string) {
  const [form, setForm] = useState<LogForm>(() => blankLogForm(Date.now()))
  // busy while the record is on its way: a second tap must not log the same service twice
  const { busy, error, setError, submit } = useSubmit(volunteerContract.logService.input, volunteerApi.logService)
  const set = <K extends keyof LogForm>(key: K, value: LogForm[K]) => setForm((f) => ({ ...f, [key]: value }))
  const send = async () => {
    if (busy) return
    const choice = logChoiceProblem(form)
    if (choice) return setError(choice)
    if (!(await submit(logServiceInput(teamId, form)))) return
    set('content', '')
    toast('已登记并核实', 'success')
  }
  return { form, set, busy, error, send }
}
