// The 发布通知 / 编辑通知 form's state, its checks (the pure form model, then the shared contract)
// and its submit: a new notice is published, an edit sends only what changed.
import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { publishableCategories } from '@core/notice/rules'
import { blankNoticeForm, hasRichFormatting, noticeEdits, noticeFormOf, noticeInputOf, publishBody, withCategory, type NoticeForm } from '@core/notice/form'
import { noticeUrl } from '../../../routes'
import { noticeApi, type NoticeCategory, type NoticeView, type UpdateInput } from '../../../services/notice'
import { noticeContract } from '@core/notice/contract'
import { firstIssue } from '../../../services/validate'
import { useFormProblem } from '../../../components/FormField'
import { toggled } from '../../../components/BuildingChoices'
import { useSession } from '../../../store/session'

export type NoticeFormState = ReturnType<typeof useNoticeForm>

export function useNoticeForm(original: NoticeView | null) {
  const { hasRole, session } = useSession()
  const noticeId = original?.noticeId ?? null
  // only the categories the server lets this publisher use are offered (the same rule decides there)
  const categories = publishableCategories(session?.roles ?? [])
  // the property company publishes mostly fee disclosures: preselect 物业公示 for it
  const propertyOnly = hasRole('property') && !hasRole('committee', 'branch')
  const [form, setForm] = useState<NoticeForm>(() => (original ? noticeFormOf(original, new Date()) : blankNoticeForm(propertyOnly ? 'disclosure' : null)))
  const initial = useRef(form)
  const { problem, show: setProblem, clear: clearProblem } = useFormProblem()
  const [busy, setBusy] = useState(false)
  const sending = useRef(false)
  const richOriginal = !!original && hasRichFormatting(original.content)
  // a notice already out cannot be scheduled again
  const [alreadyOut] = useState(() => !!original && Date.parse(original.publishedAt) <= Date.now())

  const set = <K extends keyof NoticeForm>(key: K, value: NoticeForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    clearProblem()
  }
  const chooseCategory = (c: NoticeCategory) => {
    setForm((f) => withCategory(f, c))
    clearProblem()
  }
  const toggleBuilding = (id: string) => set('buildingIds', toggled(form.buildingIds, id))

  const save = async () => {
    if (sending.current) return
    const now = new Date()
    const data = noticeInputOf(form, !noticeId, now)
    if ('message' in data) return setProblem(data.message, data.field)
    const local = firstIssue(noticeContract.publish.input, publishBody(data))
    if (local) return setProblem(local.message, local.field)
    let patch: UpdateInput | null = null
    if (noticeId) {
      if (data.publishAt && form.publishAt !== initial.current.publishAt && Date.parse(data.publishAt) <= now.getTime()) {
        return setProblem('定时发布的时间已经过了，请重新选择，或改为立即发布', 'publishAt')
      }
      const changed = noticeEdits(initial.current, form, data, now)
      if (!Object.keys(changed).length) return setProblem('没有修改任何内容')
      patch = { noticeId, ...changed }
      const patchProblem = firstIssue(noticeContract.update.input, patch)
      if (patchProblem) return setProblem(patchProblem.message, patchProblem.field)
    }
    clearProblem()
    sending.current = true
    setBusy(true)
    if (patch) {
      const res = await noticeApi.update(patch)
      sending.current = false
      setBusy(false)
      if (!res.ok) return setProblem(res.message)
      void Taro.showToast({ title: '已保存', icon: 'success' })
      void Taro.navigateBack().catch(() => Taro.redirectTo({ url: noticeUrl(res.data.noticeId) }))
      return
    }
    const res = await noticeApi.publish(publishBody(data))
    sending.current = false
    setBusy(false)
    if (!res.ok) return setProblem(res.message)
    const title = res.data.heldForReview ? '已提交，内容审核中' : form.publishAt ? '已设置定时发布' : '已发布'
    void Taro.showToast({ title, icon: res.data.heldForReview ? 'none' : 'success' })
    void Taro.redirectTo({ url: noticeUrl(res.data.noticeId) })
  }

  return { form, set, chooseCategory, toggleBuilding, save, busy, problem, noticeId, categories, propertyOnly, alreadyOut, richOriginal }
}
