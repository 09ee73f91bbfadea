// 发起表决: the rule (defaulting to the one the law gives this kind, explained on choice), the
// electorate of a residents' meeting, the window, and the auditors (监票人) picked from people.
import { DRAFTERS } from '@core/convention/rules'
import { SessionPage } from '../../../components/SessionPage'
import { Empty } from '../../../components/StateView'
import { WithConvention, useConventionId } from '../components'
import { OpenForm } from './OpenForm'

export default function ConventionOpen() {
  const conventionId = useConventionId()
  return (
    <SessionPage title='发起表决' subtitle='表决规则、投票人和时间一经发起不能更改' allow={(s) => s.hasRole(...DRAFTERS)} denied={<Empty text='发起表决由居委会、党支部、业委会负责。' />}>
      {conventionId ? (
        <WithConvention conventionId={conventionId}>{(v) => (v.can.openVoting ? <OpenForm v={v} /> : <Empty text='这个公约现在不能发起表决' />)}</WithConvention>
      ) : (
        <Empty text='没有找到这个公约' />
      )}
    </SessionPage>
  )
}
