// 监票: for the auditors (view.can.audit) every ballot with its choice, source and proxy, the
// written proxies, paper ballot entry, the live tally and the export of the record; for the
// drafters closing, finalizing, answering objections and filing.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { SessionPage } from '../../../components/SessionPage'
import { Empty } from '../../../components/StateView'
import { conventionUrl, go } from '../../../routes'
import type { ConventionView } from '../../../services/convention'
import { CloseAndFinalize, Filing, ObjectionAnswers, PaperBallots } from '../audit-parts'
import { PhaseTag, VoteFacts, WithConvention, useConventionId } from '../components'
import { Ballots } from './Ballots'
import { Exports } from './Exports'

function Audit({ v, reload }: { v: ConventionView; reload: () => Promise<void> }) {
  const [generation, setGeneration] = useState(0)
  const allowed = v.can.audit || v.can.close || v.can.finalize || v.can.answer || v.can.filing
  if (!allowed) return <Empty text='只有本次表决的监票人和业委会可以查看' />
  const refresh = () => {
    setGeneration((g) => g + 1)
    void reload()
  }
  return (
    <View className='js-audit'>
      <Card title={v.title} extra={<PhaseTag phase={v.phase} />}>
        {v.vote ? <VoteFacts vote={v.vote} /> : <Text className='ll-block ll-muted'>还没有发起表决</Text>}
        <View className='cv-buttons'>
          {v.can.tally ? (
            <Button size='large' type='primary' className='js-live-tally' onClick={() => go(conventionUrl(v.conventionId, 'conventionResult'))}>
              {v.vote?.open ? '实时计票' : '计票结果'}
            </Button>
          ) : null}
          {v.can.progress ? (
            <Button size='large' className='js-progress' onClick={() => go(conventionUrl(v.conventionId, 'conventionProgress'))}>
              投票进度
            </Button>
          ) : null}
        </View>
      </Card>
      <CloseAndFinalize v={v} reload={refresh} />
      {v.can.audit && v.vote?.open ? <PaperBallots conventionId={v.conventionId} onEntered={refresh} /> : null}
      {v.can.audit ? <Ballots conventionId={v.conventionId} generation={generation} /> : null}
      {v.can.audit ? <Exports conventionId={v.conventionId} /> : null}
      {v.result ? <ObjectionAnswers conventionId={v.conventionId} canAnswer={v.can.answer} /> : null}
      <Filing v={v} reload={refresh} />
    </View>
  )
}

export default function ConventionAudit() {
  const conventionId = useConventionId()
  return (
    <SessionPage title='监票' subtitle='个人选择只有监票人可见'>
      {conventionId ? <WithConvention conventionId={conventionId}>{(v, reload) => <Audit v={v} reload={reload} />}</WithConvention> : <Empty text='没有找到这个公约' />}
    </SessionPage>
  )
}
