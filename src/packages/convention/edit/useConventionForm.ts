// The drafting form's state, checks and save (a new draft or a revision): the pure model is
// core/convention/form.ts.
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { conventionFormOf, createConventionInput, updateConventionInput, type ConventionForm, type DraftArticle } from '@core/convention/form'
import { useFormProblem } from '../../../components/FormField'
import { conventionUrl } from '../../../routes'
import { conventionApi, type ConventionView } from '../../../services/convention'
import { conventionContract } from '@core/convention/contract'
import { firstIssue } from '../../../services/validate'
import { toast } from '../components'

let nextKey = 1
const key = () => nextKey++

export const blankArticle = (): DraftArticle => ({ key: key(), title: '', body: '' })

export function useConventionForm(original: ConventionView | null) {
  const [form, setForm] = useState<ConventionForm>(() => conventionFormOf(original, key))
  const { problem, show, clear } = useFormProblem()
  const [busy, setBusy] = useState(false)
  const sending = useRef(false)
  const set = <K extends keyof ConventionForm>(k: K, value: ConventionForm[K]) => {
    setForm((f) => ({ ...f, [k]: value }))
    clear()
  }

  const save = async () => {
    if (sending.current) return
    const update = original ? updateConventionInput(form, original.conventionId) : null
    const create = createConventionInput(form)
    const issue = update ? firstIssue(conventionContract.update.input, update) : firstIssue(conventionContract.create.input, create)
    if (issue) return show(issue.message, issue.field)
    sending.current = true
    setBusy(true)
    const res = update ? await conventionApi.update(update) : await conventionApi.create(create)
    sending.current = false
    setBusy(false)
    if (!res.ok) return show(res.message)
    toast(original ? '已保存新版本' : '草案已保存', 'success')
    void Taro.redirectTo({ url: conventionUrl(res.data.conventionId) })
  }

  return { form, set, problem, busy, save }
}
