// 公约表决: the compound's conventions with their phase, kind and, while a vote runs, when it ends;
// the committee drafts a new one from here.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { DRAFTERS, RULE_LABELS } from '@core/convention/rules'
import { Card } from '../../../components/Card'
import { PagedRows, usePagedList } from '../../../components/PagedList'
import { SessionPage, useRefreshOnShow } from '../../../components/SessionPage'
import { Empty } from '../../../components/StateView'
import { Tabs } from '../../../components/Tabs'
import { tappable } from '../../../components/Tappable'
import { ROUTES, conventionUrl, go } from '../../../routes'
import { conventionApi, type ConventionSummary } from '../../../services/convention'
import { useSession } from '../../../store/session'
import { eventTime } from '../../../utils/format'
import { KindTag, PhaseTag } from '../components'
import { VotingRules } from '../VotingRules'

const TABS = [
  { value: 'active', label: '进行中', empty: '现在没有正在征求意见或表决的公约。' },
  { value: 'all', label: '全部公约', empty: '还没有公约。' },
] as const
type Scope = (typeof TABS)[number]['value']

function ConventionRow({ item }: { item: ConventionSummary }) {
  const voting = item.phase === 'voting' && item.vote
  return (
    <View className={`cv-row js-convention js-convention-${item.conventionId}`} {...tappable(() => go(conventionUrl(item.conventionId)), { role: 'link' })}>
      <View className='cv-row__head'>
        <Text className='cv-row__title'>{item.title}</Text>
        <PhaseTag phase={item.phase} />
      </View>
      <View className='cv-row__head'>
        <KindTag kind={item.kind} />
        <Text className='ll-muted'>{`${item.articleCount} 条 · 第 ${item.version} 稿 · ${item.commentCount} 条意见`}</Text>
      </View>
      {voting && item.vote ? (
        <Text className='cv-row__foot js-vote-ends'>{`${RULE_LABELS[item.vote.rule]} · ${eventTime(item.vote.endsAt)} 截止`}</Text>
      ) : (
        <Text className='cv-row__foot'>{`更新于 ${eventTime(item.updatedAt)}`}</Text>
      )}
    </View>
  )
}

function ConventionList({ scope }: { scope: Scope }) {
  const list = usePagedList<ConventionSummary>((cursor) => conventionApi.list(cursor ? { scope, cursor } : { scope }), [scope])
  useRefreshOnShow(list.reload)
  const tab = TABS.find((t) => t.value === scope)!
  return (
    <PagedRows list={list} empty={<Empty text={tab.empty} />}>
      {(items) => (
        <Card className={`js-convention-list js-conventions-${scope}`}>
          {items.map((item) => (
            <ConventionRow key={item.conventionId} item={item} />
          ))}
        </Card>
      )}
    </PagedRows>
  )
}

function Conventions() {
  const { hasRole } = useSession()
  const [scope, setScope] = useState<Scope>('active')
  return (
    <>
      {hasRole(...DRAFTERS) ? (
        <View className='cv-buttons'>
          <Button type='primary' size='large' className='js-new-convention' onClick={() => go(ROUTES.conventionEdit)}>
            起草公约
          </Button>
        </View>
      ) : null}
      <VotingRules />
      <Tabs tabs={TABS} value={scope} onChange={setScope} label='公约范围' />
      <ConventionList key={scope} scope={scope} />
    </>
  )
}

export default function ConventionListPage() {
  return (
    <SessionPage
      title='公约表决'
      subtitle='居民公约、管理规约：逐条征求意见，依法表决'
      allow={(s) => !!s.session?.compound}
      denied={<Empty text='认证房屋后，就能查看本小区的公约、提出意见和参加表决。' action={<Button type='primary' className='js-conventions-bind' onClick={() => go(ROUTES.binding)}>去认证房屋</Button>} />}
    >
      <Conventions />
    </SessionPage>
  )
}
