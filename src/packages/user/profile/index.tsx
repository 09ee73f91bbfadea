// 个人资料: how neighbours and staff address me, my phone, my birth year (optional: the age rules of
// volunteering) with a guardian for a minor, and — only with its own consent — party membership.
import { Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { asksGuardian } from '@core/user/form'
import { PageShell } from '../../../components/PageShell'
import { Loading } from '../../../components/StateView'
import { useSession } from '../../../store/session'
import { BirthYear, NameAndPhone, Party } from './ProfileCards'
import { useProfileForm } from './useProfileForm'

export default function Profile() {
  const { session } = useSession()
  const { form, set, setGuardian, problem, busy, save } = useProfileForm()

  if (!session || !form) {
    return (
      <PageShell title='个人资料'>
        <Loading />
      </PageShell>
    )
  }

  return (
    <PageShell title='个人资料'>
      <NameAndPhone form={form} set={set} phoneMasked={session.profile.phoneMasked} />
      <BirthYear form={form} set={set} setGuardian={setGuardian} profile={session.profile} asksGuardian={asksGuardian(form, session.profile, new Date())} />
      <Party form={form} set={set} consented={session.consents.party} />
      {problem ? <Text className='ll-error-text js-form-error'>{problem}</Text> : null}
      <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-save-profile' onClick={() => void save()}>
        保存
      </Button>
    </PageShell>
  )
}
