// The cards of the 个人资料 form: name and phone, birth year with a guardian, party membership.
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import type { Session } from '@core/user/contract'
import type { PartyKind, ProfileForm } from '@core/user/form'
import { Card } from '../../../components/Card'
import { Toggle } from '../../../components/Toggle'
import { ROUTES, go } from '../../../routes'
import { Choices } from '../components'

interface Props {
  form: ProfileForm
  set: <K extends keyof ProfileForm>(key: K, value: ProfileForm[K]) => void
}

export function NameAndPhone({ form, set, phoneMasked }: Props & { phoneMasked: string | null }) {
  return (
    <Card>
      <Text className='ll-label'>称呼</Text>
      <View className='ll-field'>
        <Input className='js-name' value={form.name} maxLength={20} placeholder='如 王阿姨、李师傅' onChange={(v: string) => set('name', v)} />
      </View>
      <Text className='ll-label'>手机号</Text>
      <Text className='ll-block ll-muted'>当前：{phoneMasked ?? '未填写'}。只有负责您楼栋的工作人员能看到完整号码。</Text>
      <View className='ll-field'>
        <Input className='js-phone' type='tel' value={form.phone} maxLength={11} placeholder='输入新的 11 位手机号（不改可留空）' onChange={(v: string) => set('phone', v)} />
      </View>
    </Card>
  )
}

export function BirthYear({ form, set, setGuardian, profile, asksGuardian }: Props & { setGuardian: (patch: Partial<ProfileForm['guardian']>) => void; profile: Session['profile']; asksGuardian: boolean }) {
  const g = form.guardian
  return (
    <Card title='出生年份（选填）' className='js-birth'>
      <Text className='ll-block ll-muted'>只记年份，用于志愿服务的年龄要求（未成年人须监护人同意，不参加有风险的服务）。</Text>
      <View className='ll-field'>
        <Input className='js-birth-year' type='number' value={form.birthYear} maxLength={4} placeholder='如 1958' onChange={(v: string) => set('birthYear', v)} />
      </View>
      {profile.guardianConsent ? <Text className='ll-block ll-text-2 js-guardian-recorded'>已登记监护人同意</Text> : null}
      {asksGuardian ? (
        <View className='js-guardian'>
          <Text className='ll-block ll-muted'>未满 18 周岁参加志愿服务须监护人同意；未满 14 周岁须先登记监护人，才能保存出生年份。</Text>
          <Text className='ll-label'>监护人姓名</Text>
          <View className='ll-field'>
            <Input className='js-guardian-name' value={g.name} maxLength={20} onChange={(v: string) => setGuardian({ name: v })} />
          </View>
          <Text className='ll-label'>监护人手机号</Text>
          <View className='ll-field'>
            <Input className='js-guardian-phone' type='tel' value={g.phone} maxLength={11} onChange={(v: string) => setGuardian({ phone: v })} />
          </View>
          <Text className='ll-label'>与本人关系</Text>
          <View className='ll-field'>
            <Input className='js-guardian-relation' value={g.relation} maxLength={10} placeholder='如 父亲、母亲' onChange={(v: string) => setGuardian({ relation: v })} />
          </View>
        </View>
      ) : null}
    </Card>
  )
}

export function Party({ form, set, consented }: Props & { consented: boolean }) {
  return (
    <Card title='党员信息（选填）'>
      {consented ? (
        <>
          <View className='ll-row' style={{ justifyContent: 'space-between' }}>
            <Text>我是党员</Text>
            <Toggle checked={form.member} onChange={(v) => set('member', v)} label='我是党员' className='js-party-member' />
          </View>
          {form.member ? (
            <>
              <Choices
                options={[
                  { value: 'registered' as PartyKind, label: '在册党员' },
                  { value: 'mobile' as PartyKind, label: '流动党员' },
                ]}
                value={form.kind}
                onChange={(v) => set('kind', v)}
              />
              <View className='ll-row' style={{ justifyContent: 'space-between' }}>
                <Text>亮身份（显示党员标识）</Text>
                <Toggle checked={form.badge} onChange={(v) => set('badge', v)} label='亮身份（显示党员标识）' className='js-party-badge-switch' />
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
  )
}
