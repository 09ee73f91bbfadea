// 发起表决's state, checks and submit: the pure model is core/convention/form.ts.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { blankOpenVotingForm, openVotingField, openVotingInput, openVotingRuleProblem, openVotingWindowProblem, type OpenVotingForm } from '@core/convention/form'
import { useFormProblem } from '../../../components/FormField'
import { conventionUrl } from '../../../routes'
import { conventionApi, type ConventionView } from '../../../services/convention'
import { conventionContract } from '@core/convention/contract'
import { firstIssue } from '../../../services/validate'
import { toast } from '../components'

export function useOpenVotingForm(v: ConventionView) {
  const [form, setForm] = useState<OpenVotingForm>(() => blankOpenVotingForm(v.kind, new Date()))
  const { problem, show, clear } = useFormProblem()
  const [busy, setBusy] = useState(false)
  const set = <K extends keyof OpenVotingForm>(key: K, value: OpenVotingForm[K]) => setForm((f) => ({ ...f, [key]: value }))

  const submit = async () => {
    const weak = openVotingRuleProblem(form, v.kind)
    if (weak) return show(weak.message, weak.field)
    const window = openVotingWindowProblem(form, new Date())
    if (window) return show(window.message, window.field)
    const input = openVotingInput(form, v.conventionId)
    const issue = firstIssue(conventionContract.openVoting.input, input)
    if (issue) return show(issue.message, openVotingField(issue.field))
    clear()
    setBusy(true)
    const res = await conventionApi.openVoting(input)
    setBusy(false)
    if (!res.ok) return show(res.message)
    if (res.data.advisory) {
      await Taro.showModal({ title: '本次投票仅作征求意见', content: res.data.advisory, showCancel: false, confirmText: '知道了' }).catch(() => undefined)
    } else toast(`已发起表决，共 ${res.data.electorateHeads} 个投票单位`, 'success')
    void Taro.redirectTo({ url: conventionUrl(v.conventionId) })
  }

  return { form, set, problem, busy, submit }
}
