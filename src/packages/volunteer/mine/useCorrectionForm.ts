// 申请更正's state, check and submit: the pure model is core/volunteer/form.ts.
import { useState } from 'react'
import { correctionFormOf, correctionInput, type CorrectionForm } from '@core/volunteer/form'
import { useSubmit } from '../../../hooks/useSubmit'
import { volunteerApi, type RecordView } from '../../../services/volunteer'
import { volunteerContract } from '@core/volunteer/contract'
import { toast } from '../components'

export function useCorrectionForm(record: RecordView, onDone: () => void) {
  const [form, setForm] = useState<CorrectionForm>(() => correctionFormOf(record))
  const { busy, error, submit } = useSubmit(volunteerContract.correctService.input, volunteerApi.correctService)
  const set = <K extends keyof CorrectionForm>(key: K, value: CorrectionForm[K]) => setForm((f) => ({ ...f, [key]: value }))
  const send = async () => {
    if (!(await submit(correctionInput(record.recordId, form)))) return
    toast('已提交更正，待队长核实', 'success')
    onDone()
  }
  return { form, set, error, busy, send }
}
