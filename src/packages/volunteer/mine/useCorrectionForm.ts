// 申请更正's state, check and submit: the pure model is core/volunteer/form.ts.
import { useState } from 'react'
import { correctionFormOf, correctionInput, type CorrectionForm } from '@core/volunteer/form'
import { firstProblem } from '../../../services/validate'
import { volunteerApi, volunteerContract, type RecordView } from '../../../services/volunteer'
import { toast } from '../components'

export function useCorrectionForm(record: RecordView, onDone: () => void) {
  const [form, setForm] = useState<CorrectionForm>(() => correctionFormOf(record))
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = <K extends keyof CorrectionForm>(key: K, value: CorrectionForm[K]) => setForm((f) => ({ ...f, [key]: value }))
  const send = async () => {
    const data = correctionInput(record.recordId, form)
    const problem = firstProblem(volunteerContract.correctService.input, data)
    if (problem) return setError(problem)
    setBusy(true)
    const res = await volunteerApi.correctService(data)
    setBusy(false)
    if (!res.ok) return setError(res.message)
    toast('已提交更正，待队长核实', 'success')
    onDone()
  }
  return { form, set, error, busy, send }
}
