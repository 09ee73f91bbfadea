// 表决结果: every criterion against its threshold and the rule that decided, online and paper
// ballots apart, the per-building table, 从多 only as a separate labelled figure; the objections
// and their answers. Laid out to print as the result sheet (H5).
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { CHOICE_LABELS, RULE_LABELS, formatArea } from '@core/convention/rules'
import { Card } from '../../../components/Card'
import { SessionPage } from '../../../components/SessionPage'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { group } from '../../../components/Tappable'
import { conventionApi, type TallyView } from '../../../services/convention'
import { useResource } from '../../../hooks/useResource'
import { eventTime } from '../../../utils/format'
import { Advisory, CriterionRow, Fact, ObjectionList, percent, useConventionId } from '../components'
import { ByBuilding } from './ByBuilding'

const isH5 = process.env.TARO_ENV === 'h5'

function verdictOf(t: TallyView): { text: string; passed: boolean | null } {
  if (!t.closed) return { text: '表决进行中（实时计票，仅监票人可见）', passed: null }
  if (!t.binding) return { text: '征求意见结果，不作为共同决定', passed: false }
  if (!t.quorumMet) return { text: '参与人数或面积未达法定要求，未通过', passed: false }
  return t.passed ? { text: '表决通过', passed: true } : { text: '表决未通过', passed: false }
}

function Totals({ t }: { t: TallyView }) {
  const withArea = t.totals.electorateArea > 0
  const row = (label: string, heads: number, area: number, key: string) => (
    <View className={`cv-tr js-total-${key}`} {...group('row')}>
      <Text className='cv-td cv-td--name' {...group('cell')}>{label}</Text>
      <Text className='cv-td' {...group('cell')}>{`${heads}（${percent(heads, t.totals.partHeads)}）`}</Text>
      {withArea ? <Text className='cv-td' {...group('cell')}>{`${formatArea(area)} ㎡`}</Text> : null}
    </View>
  )
  return (
    <Card title='票数' className='js-totals'>
      <View className='cv-table' {...group('table', '票数')}>
        <View className='cv-tr cv-th' {...group('row')}>
          <Text className='cv-td cv-td--name' {...group('columnheader')}>意见</Text>
          <Text className='cv-td' {...group('columnheader')}>户 / 人</Text>
          {withArea ? <Text className='cv-td' {...group('columnheader')}>面积</Text> : null}
        </View>
        {row(CHOICE_LABELS.agree, t.totals.agreeHeads, t.totals.agreeArea, 'agree')}
        {row(CHOICE_LABELS.disagree, t.totals.disagreeHeads, t.totals.disagreeArea, 'disagree')}
        {row(CHOICE_LABELS.abstain, t.totals.abstainHeads, t.totals.abstainArea, 'abstain')}
        {row('参与合计', t.totals.partHeads, t.totals.partArea, 'part')}
        {row('应参与', t.totals.electorateHeads, t.totals.electorateArea, 'electorate')}
      </View>
      <Fact label='线上投票' className='js-source-online'>
        <Text>{withArea ? `${t.sources.online.heads}（${formatArea(t.sources.online.area)} ㎡）` : `${t.sources.online.heads}`}</Text>
      </Fact>
      <Fact label='纸质选票' className='js-source-paper'>
        <Text>{withArea ? `${t.sources.paper.heads}（${formatArea(t.sources.paper.area)} ㎡）` : `${t.sources.paper.heads}`}</Text>
      </Fact>
    </Card>
  )
}

function Result({ conventionId }: { conventionId: string }) {
  const tally = useResource(() => conventionApi.tally({ conventionId }), [conventionId])
  const objections = useResource(() => conventionApi.objections({ conventionId }), [conventionId])
  // the title heads the printed sheet
  const convention = useResource(() => conventionApi.get({ conventionId }), [conventionId])
  if (tally.error) return <ErrorBlock message={tally.error} onRetry={() => void tally.reload()} />
  if (!tally.data) return <Loading />
  const t = tally.data
  const verdict = verdictOf(t)
  return (
    <View className='js-result-sheet'>
      <Card title={convention.data ? `${convention.data.title} · 表决结果` : '表决结果'} className='js-verdict-card'>
        <Advisory text={t.advisory} />
        <Text className={`cv-verdict ${verdict.passed === null ? '' : verdict.passed ? 'is-passed' : 'is-failed'} js-verdict`}>{verdict.text}</Text>
        <Fact label='表决规则' className='js-result-rule'>
          <Text>{RULE_LABELS[t.rule]}</Text>
        </Fact>
        <Fact label='依据' className='js-basis'>
          <Text>{t.basis}</Text>
        </Fact>
        {t.countedAt ? (
          <Fact label='计票时间'>
            <Text>{eventTime(t.countedAt)}</Text>
          </Fact>
        ) : null}
      </Card>
      {t.criteria.length ? (
        <Card title='各项条件' className='js-criteria'>
          {t.criteria.map((c) => (
            <CriterionRow key={c.key} c={c} />
          ))}
        </Card>
      ) : null}
      <Totals t={t} />
      {t.nonVoters ? (
        <Card title='参考数字（不作为表决结果）' className='js-non-voters'>
          <Text className='ll-block ll-muted'>{t.nonVoters.label}</Text>
          <Text className='ll-block'>{`推算同意：${t.nonVoters.agreeHeads}${t.totals.electorateArea > 0 ? `（${formatArea(t.nonVoters.agreeArea)} ㎡）` : ''}`}</Text>
        </Card>
      ) : null}
      <ByBuilding t={t} />
      {objections.error ? <ErrorBlock message={objections.error} onRetry={() => void objections.reload()} /> : objections.data ? <ObjectionList items={objections.data.items} /> : <Loading />}
      {isH5 ? (
        <View className='cv-buttons cv-no-print'>
          <Button size='large' className='js-print' onClick={() => window.print()}>
            打印结果公示单
          </Button>
        </View>
      ) : null}
    </View>
  )
}

export default function ConventionResult() {
  const conventionId = useConventionId()
  return <SessionPage title='表决结果' subtitle='计票依据法定规则，全部数字可核对'>{conventionId ? <Result conventionId={conventionId} /> : <Empty text='没有找到这个公约' />}</SessionPage>
}
