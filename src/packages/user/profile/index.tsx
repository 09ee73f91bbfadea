// 个人资料: how neighbours and staff address me, my phone, my birth year (optional: the age rules of
// volunteering) with a guardian for a minor, and — only with its own consent — party membership.
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { userContract } from '@core/user/contract'
import { isMinorBy } from '@core/volunteer/rules'
import { Card } from '../../../components/Card'
import { ROUTES, go } from '../../../routes'
import { PageShell } from '../../../components/PageShell'
import { Loading } from '../../../components/StateView'
import { userApi } from '../../../services/user'
import { firstProblem } from '../../../services/validate'
import { useSession } from '../../../store/session'
import { Choices } from '../components'
import { Toggle } from '../../../components/Toggle'

type Kind = 'registered' | 'mobile'

export default function Profile() {
  const { session, setSession } = useSession()
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [member, setMember] = useState(false)
  const [kind, setKind] = useState<Kind>('registered')
  const [badge, setBadge] = useState(false)
  const [birthYear, setBirthYear] = useState('')
  const [guardian, setGuardian] = useState({ name: '', phone: '', relation: '' })
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!session) return
    setName(session.profile.displayName)
    setMember(!!session.profile.party?.member)
    setKind(session.profile.party?.kind ?? 'registered')
    setBadge(!!session.profile.party?.showBadge)
    setBirthYear(session.profile.birthYear ? String(session.profile.birthYear) : '')
    // the form starts from the profile once per person; later session refreshes must not overwrite typing
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session?.userId])

  if (!session) {
    return (
      <PageShell title='个人资料'>
        <Loading />
      </PageShell>
    )
  }

  const save = async () => {
    const data: Record<string, unknown> = { displayName: name }
    if (phone.trim()) data.phone = phone.trim()
    const year = birthYear.trim() ? Number(birthYear.trim()) : null
    if (year !== (session.profile.birthYear ?? null)) data.birthYear = year
    if (guardian.name.trim() || guardian.phone.trim() || guardian.relation.trim()) {
      data.guardian = { name: guardian.name.trim(), phone: guardian.phone.trim(), relation: guardian.relation.trim() }
    }
    if (session.consents.party) data.party = member ? { member: true, kind, showBadge: badge } : null
    const local = firstProblem(userContract.updateProfile.input, data)
    if (local) return setProblem(local)
    setProblem(null)
    setBusy(true)
    const res = await userApi.updateProfile(data as never)
    setBusy(false)
    if (!res.ok) return setProblem(res.message)
    setSession(res.data)
    setPhone('')
    if (data.guardian) setGuardian({ name: '', phone: '', relation: '' })
    void Taro.showToast({ title: '已保存', icon: 'success' })
  }

  return (
    <PageShell title='个人资料'>
      <Card>
        <Text className='ll-label'>称呼</Text>
        <View className='ll-field'>
          <Input className='js-name' value={name} maxLength={20} placeholder='如 王阿姨、李师傅' onChange={(v: string) => setName(v)} />
        </View>
        <Text className='ll-label'>手机号</Text>
        <Text className='ll-block ll-muted'>当前：{session.profile.phoneMasked ?? '未填写'}。只有负责您楼栋的工作人员能看到完整号码。</Text>
        <View className='ll-field'>
          <Input className='js-phone' type='tel' value={phone} maxLength={11} placeholder='输入新的 11 位手机号（不改可留空）' onChange={(v: string) => setPhone(v)} />
        </View>
      </Card>
      <Card title='出生年份（选填）' className='js-birth'>
        <Text className='ll-block ll-muted'>只记年份，用于志愿服务的年龄要求（未成年人须监护人同意，不参加有风险的服务）。</Text>
        <View className='ll-field'>
          <Input className='js-birth-year' type='number' value={birthYear} maxLength={4} placeholder='如 1958' onChange={(v: string) => setBirthYear(v)} />
        </View>
        {session.profile.guardianConsent ? <Text className='ll-block ll-text-2 js-guardian-recorded'>已登记监护人同意</Text> : null}
        {!session.profile.guardianConsent && (session.profile.minor || (/^\d{4}$/.test(birthYear.trim()) && isMinorBy(Number(birthYear), new Date()))) ? (
          <View className='js-guardian'>
            <Text className='ll-block ll-muted'>未满 18 周岁参加志愿服务须监护人同意；未满 14 周岁须先登记监护人，才能保存出生年份。</Text>
            <Text className='ll-label'>监护人姓名</Text>
            <View className='ll-field'>
              <Input className='js-guardian-name' value={guardian.name} maxLength={20} onChange={(v: string) => setGuardian((g) => ({ ...g, name: v }))} />
            </View>
            <Text className='ll-label'>监护人手机号</Text>
            <View className='ll-field'>
              <Input className='js-guardian-phone' type='tel' value={guardian.phone} maxLength={11} onChange={(v: string) => setGuardian((g) => ({ ...g, phone: v }))} />
            </View>
            <Text className='ll-label'>与本人关系</Text>
            <View className='ll-field'>
              <Input className='js-guardian-relation' value={guardian.relation} maxLength={10} placeholder='如 父亲、母亲' onChange={(v: string) => setGuardian((g) => ({ ...g, relation: v }))} />
            </View>
          </View>
        ) : null}
      </Card>
      <Card title='党员信息（选填）'>
        {session.consents.party ? (
          <>
            <View className='ll-row' style={{ justifyContent: 'space-between' }}>
              <Text>我是党员</Text>
              <Toggle checked={member} onChange={setMember} label='我是党员' className='js-party-member' />
            </View>
            {member ? (
              <>
                <Choices
                  options={[
                    { value: 'registered' as Kind, label: '在册党员' },
                    { value: 'mobile' as Kind, label: '流动党员' },
                  ]}
                  value={kind}
                  onChange={setKind}
                />
                <View className='ll-row' style={{ justifyContent: 'space-between' }}>
                  <Text>亮身份（显示党员标识）</Text>
                  <Toggle checked={badge} onChange={setBadge} label='亮身份（显示党员标识）' className='js-party-badge-switch' />
                </View>
              </>
            ) : null}
          </>
        ) : (
          <>
            <Text className='ll-block ll-muted'>党员身份属于需要单独同意才能收集的信息。如您愿意亮身份、参加党员志愿服务，请先在隐私设置中单独授权。</Text>
            <View className='ll-gap' />
            <Button size='small' onClick={() => go(ROUTES.privacy)}>
              去授权
            </Button>
          </>
        )}
      </Card>
      {problem ? <Text className='ll-error-text js-form-error'>{problem}</Text> : null}
      <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-save-profile' onClick={() => void save()}>
        保存
      </Button>
    </PageShell>
  )
}
