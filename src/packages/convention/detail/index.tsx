// 公约详情: the text article by article with the comments under each, the vote (rule, electorate,
// window, auditors) and whether my household has voted, proxies, the posted result, signing; the
// drafters' and auditors' tools. Every button follows a view field (`can`, `mine`).
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { KIND_LABELS } from '@core/convention/rules'
import { Card } from '../../../components/Card'
import { SessionPage } from '../../../components/SessionPage'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { conventionUrl, go } from '../../../routes'
import { askVoteReminderSubscription, type ConventionView } from '../../../services/convention'
import { isWeapp } from '../../../services/platform'
import { eventTime } from '../../../utils/format'
import { ArticleCard } from '../comments'
import { Advisory, Fact, KindTag, PhaseTag, VoteFacts, toast, useConvention, useConventionId } from '../components'
import { Changelog, OutcomeCard, ProxyCard, VersionCard } from '../detail-parts'

/** The vote: its facts, whether my household has voted or why I may not, 投票 and 结果. */
function VoteCard({ v }: { v: ConventionView }) {
  const vote = v.vote
  if (!vote) return null
  const mine = v.mine
  return (
    <Card title={vote.open ? '正在表决' : '表决'} className='js-vote'>
      <VoteFacts vote={vote} />
      {mine.voterLabel ? (
        <Fact label='我的投票单位'>
          <Text>{mine.voterLabel}</Text>
        </Fact>
      ) : null}
      {mine.voted ? (
        <Text className='cv-voted js-voted'>{`您家已投票（投票后不可更改）${mine.votedAt ? ` · ${eventTime(mine.votedAt)}` : ''}`}</Text>
      ) : null}
      {!mine.voted && mine.ballotBlocked ? <Text className='cv-blocked js-ballot-blocked'>{mine.ballotBlocked}</Text> : null}
      <View className='cv-buttons'>
        {v.can.vote ? (
          <Button type='primary' size='large' className='js-go-vote' onClick={() => go(conventionUrl(v.conventionId, 'conventionBallot'))}>
            投票
          </Button>
        ) : null}
        {v.can.tally ? (
          <Button size='large' className='js-go-result' onClick={() => go(conventionUrl(v.conventionId, 'conventionResult'))}>
            结果
          </Button>
        ) : null}
        {isWeapp && vote.open && v.can.vote && !mine.voted ? (
          <Button
            size='large'
            fill='outline'
            className='js-vote-reminder'
            // WeChat lets only a tap ask for a subscription message: nothing is awaited before it
            onClick={() => void askVoteReminderSubscription().then((ok) => ok && toast('截止前会提醒您投票', 'success'))}
          >
            截止前提醒我
          </Button>
        ) : null}
      </View>
    </Card>
  )
}

/** The drafters', auditors' and grid workers' way to their pages. */
function Tools({ v }: { v: ConventionView }) {
  const id = v.conventionId
  const tools = [
    v.can.edit || v.can.startConsultation || v.can.withdraw ? { key: 'edit', label: '修改条款 / 征求意见', url: conventionUrl(id, 'conventionEdit') } : null,
    v.can.openVoting ? { key: 'open', label: '发起表决', url: conventionUrl(id, 'conventionOpen') } : null,
    v.can.audit || v.can.close || v.can.finalize || v.can.filing ? { key: 'audit', label: v.can.audit ? '监票' : '结束表决与公示', url: conventionUrl(id, 'conventionAudit') } : null,
    v.can.progress ? { key: 'progress', label: '投票进度', url: conventionUrl(id, 'conventionProgress') } : null,
  ].filter((t) => !!t)
  if (!tools.length) return null
  return (
    <Card title='工作台' className='js-convention-tools cv-no-print'>
      <View className='cv-buttons'>
        {tools.map((t) => (
          <Button key={t.key} size='large' className={`js-tool-${t.key}`} onClick={() => go(t.url)}>
            {t.label}
          </Button>
        ))}
      </View>
    </Card>
  )
}

function Detail({ conventionId }: { conventionId: string }) {
  const [version, setVersion] = useState<number | undefined>(undefined)
  const { view, error, reload } = useConvention(conventionId, version)
  if (error && !view) return <ErrorBlock message={error} onRetry={() => void reload()} />
  if (!view) return <Loading />
  const v = view
  const old = v.version < v.latestVersion
  const refresh = () => void reload()
  return (
    <View className='js-convention-detail'>
      <Card title={<Text className='js-detail-title'>{v.title}</Text>} extra={<PhaseTag phase={v.phase} />}>
        <View className='ll-row'>
          <KindTag kind={v.kind} />
          <Text className='ll-muted'>{`第 ${v.version} 稿${old ? `（最新为第 ${v.latestVersion} 稿）` : ''}`}</Text>
        </View>
        {v.vote ? <Advisory text={v.vote.advisory} /> : null}
        {v.summary ? <Text className='cv-summary js-detail-summary'>{v.summary}</Text> : null}
        {v.consultationEndsAt && v.phase === 'consultation' ? (
          <Fact label='征求意见'>
            <Text>{`${eventTime(v.consultationEndsAt)} 截止`}</Text>
          </Fact>
        ) : null}
        {v.withdrawnReason ? (
          <Fact label='撤回原因' className='js-withdrawn'>
            <Text>{v.withdrawnReason}</Text>
          </Fact>
        ) : null}
      </Card>

      <VoteCard v={v} />
      <OutcomeCard v={v} reload={refresh} />
      <ProxyCard v={v} reload={refresh} />
      <Tools v={v} />
      <VersionCard v={v} onPick={(n) => setVersion(n === v.latestVersion ? undefined : n)} />

      <Text className='ll-block ll-label'>{`${KIND_LABELS[v.kind]}全文（共 ${v.articles.length} 条）`}</Text>
      {v.can.comment ? <Text className='ll-block ll-muted'>每条下方可以发表意见；起草组会逐条答复，采纳的意见写入修改记录。</Text> : null}
      {v.articles.map((a) => (
        <ArticleCard key={`${v.version}-${a.no}`} v={v} article={a} onCommented={refresh} />
      ))}
      <ArticleCard v={v} article={null} onCommented={refresh} />
      <Changelog v={v} />
    </View>
  )
}

export default function ConventionDetail() {
  const conventionId = useConventionId()
  return <SessionPage title='公约详情'>{conventionId ? <Detail conventionId={conventionId} /> : <Empty text='没有找到这个公约' />}</SessionPage>
}
