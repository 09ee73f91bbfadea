// The 房屋认证 form's state, checks and submit: the pure model is core/user/form.ts.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { userContract } from '@core/user/contract'
import { bindingChoiceProblem, bindingInput, blankBindingForm, type BindingForm } from '@core/user/form'
import { useFormProblem } from '../../../components/FormField'
import { userApi } from '../../../services/user'
import { firstIssue } from '../../../services/validate'
import { useSession } from '../../../store/session'

export function useBindingForm() {
  const { session, refresh } = useSession()
  const [form, setForm] = useState<BindingForm>(() => blankBindingForm(session?.profile.displayName))
  const { problem, show, clear } = useFormProblem()
  const [busy, setBusy] = useState(false)
  const set = <K extends keyof BindingForm>(key: K, value: BindingForm[K]) => setForm((f) => ({ ...f, [key]: value }))
  /** A new building: its units differ, so the unit is chosen again. */
  const chooseBuilding = (buildingId: string) => {
    setForm((f) => ({ ...f, buildingId, unit: null }))
    clear()
  }
  const chooseUnit = (unit: string) => {
    set('unit', unit)
    clear()
  }

  const submit = async () => {
    const choice = bindingChoiceProblem(form)
    if (choice) return show(choice.message, choice.field)
    const data = bindingInput(form)
    const local = firstIssue(userContract.requestBinding.input, data)
    if (local) return show(local.message, local.field)
    clear()
    setBusy(true)
    const res = await userApi.requestBinding(data)
    setBusy(false)
    if (!res.ok) return show(res.message)
    await refresh()
    void Taro.showToast({ title: '已提交，等待审核', icon: 'success' })
  }

  return { form, set, chooseBuilding, chooseUnit, problem, busy, submit }
}
