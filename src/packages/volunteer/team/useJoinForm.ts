// 报名加入's state, check and submit: the pure model is core/volunteer/form.ts.
import { useState } from 'react'
import { blankJoinForm, joinInput, type JoinForm } from '@core/volunteer/form'
import { useSubmit } from '../../../hooks/useSubmit'
import { volunteerApi } from '../../../services/volunteer'
import { volunteerContract } from '@core/volunteer/contract'
import { toast } from '../components'

export function useJoinForm(teamId: string, onDone: () => void) {
  const [form, setForm] = useState<JoinForm>(blankJoinForm)
  const { busy, error, submit } = useSubmit(volunteerContract.join.input, volunteerApi.join)
  const set = <K extends keyof JoinForm>(key: K, value: JoinForm[K]) => setForm((f) => ({ ...f, [key]: value }))
  const join = async () => {
    const joined = await submit(joinInput(teamId, form))
    if (!joined) return
    toast(joined.status === 'active' ? '已加入队伍' : '已提交申请，等待队长审核', joined.status === 'active' ? 'success' : 'none')
    onDone()
  }
  return { form, set, busy, error, join }
}
