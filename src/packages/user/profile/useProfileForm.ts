// The 个人资料 form's state, checks and submit: the pure model is core/user/form.ts.
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { userContract } from '@core/user/contract'
import { blankGuardian, profileFormOf, profileInput, type ProfileForm } from '@core/user/form'
import { userApi } from '../../../services/user'
import { firstProblem } from '../../../services/validate'
import { useSession } from '../../../store/session'

export function useProfileForm() {
  const { session, setSession } = useSession()
  const [form, setForm] = useState<ProfileForm | null>(() => (session ? profileFormOf(session.profile) : null))
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (session) setForm(profileFormOf(session.profile))
    // the form starts from the profile once per person; later session refreshes must not overwrite typing
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session?.userId])

  const set = <K extends keyof ProfileForm>(key: K, value: ProfileForm[K]) => setForm((f) => (f ? { ...f, [key]: value } : f))
  const setGuardian = (patch: Partial<ProfileForm['guardian']>) => setForm((f) => (f ? { ...f, guardian: { ...f.guardian, ...patch } } : f))

  const save = async () => {
    if (!session || !form) return
    const data = profileInput(form, session.profile, session.consents.party)
    const local = firstProblem(userContract.updateProfile.input, data)
    if (local) return setProblem(local)
    setProblem(null)
    setBusy(true)
    const res = await userApi.updateProfile(data)
    setBusy(false)
    if (!res.ok) return setProblem(res.message)
    setSession(res.data)
    setForm((f) => (f ? { ...f, phone: '', ...(data.guardian ? { guardian: blankGuardian() } : {}) } : f))
    void Taro.showToast({ title: '已保存', icon: 'success' })
  }

  return { form, set, setGuardian, problem, busy, save }
}
