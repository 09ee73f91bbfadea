// 起草公约 / 修改公约 (业委会、党支部): title, kind, summary and ordered articles; a revision carries
// its changelog line and the comments it takes up. Also 开始征求意见 and 撤回 (with a reason).
import { DRAFTERS } from '@core/convention/rules'
import { SessionPage } from '../../../components/SessionPage'
import { Empty } from '../../../components/StateView'
import { WithConvention, useConventionId } from '../components'
import { ConventionForm } from './ConventionForm'
import { PhaseTools } from './PhaseTools'

export default function ConventionEdit() {
  const conventionId = useConventionId()
  return (
    <SessionPage
      title={conventionId ? '修改公约' : '起草公约'}
      subtitle='条款逐条征求意见，修订后发起表决'
      allow={(s) => s.hasRole(...DRAFTERS)}
      denied={<Empty text='起草公约由居委会、党支部、业委会负责。对公约有意见，可以在公约的每一条下面发表。' />}
    >
      {conventionId ? (
        <WithConvention conventionId={conventionId}>
          {(v) => (v.can.edit ? <ConventionForm original={v} /> : v.can.startConsultation || v.can.withdraw ? <PhaseTools v={v} /> : <Empty text='表决开始后不能再修改条款' />)}
        </WithConvention>
      ) : (
        <ConventionForm original={null} />
      )}
    </SessionPage>
  )
}
