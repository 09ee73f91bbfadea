// 首页: greeting, household status, the big 我要反映 entry, my latest requests, to-dos and what is coming.
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { Tag } from '@nutui/nutui-react-taro'
import { STAFF_ROLES } from '../../../cloudfunctions/common/roles'
import { Card } from '../../components/Card'
import { HouseholdStatus, ROUTES, go } from '../../components/HouseholdStatus'
import { PageShell } from '../../components/PageShell'
import { RequestRow } from '../../components/RequestRow'
import { ErrorBlock, Loading } from '../../components/StateView'
import { useSession } from '../../store/session'
import { useRemote } from '../../store/useRemote'
import { requestApi } from '../../services/request'
import { userApi } from '../../services/user'

function CountTag({ loading, error, count, more }: { loading: boolean; error: string | null; count: number; more: boolean }) {
  if (loading) return <Text className='ll-muted'>加载中…</Text>
  if (error) return <Text className='ll-muted'>{error}</Text>
  return <Tag type={count ? 'primary' : 'default'}>{more ? `${count}+` : count} 条</Tag>
}

function PendingReviewsRow() {
  const pending = useRemote(() => userApi.listPendingBindings({ limit: 20 }))
  useDidShow(() => void pending.reload())
  return (
    <View className='ll-row ll-list-item js-todo-verify' onClick={() => go(ROUTES.verify)}>
      <Text>住户认证待审核</Text>
      <CountTag loading={pending.loading && !pending.data} error={pending.error} count={pending.data?.items.length ?? 0} more={!!pending.data?.nextCursor} />
    </View>
  )
}

function OpenRequestsRow() {
  const open = useRemote(() => requestApi.listAssigned({ filter: 'open', limit: 20 }))
  useDidShow(() => void open.reload())
  return (
    <View className='ll-row ll-list-item js-todo-requests' onClick={() => go(ROUTES.requestWork)}>
      <Text>待处理反映</Text>
      <CountTag loading={open.loading && !open.data} error={open.error} count={open.data?.items.length ?? 0} more={!!open.data?.nextCursor} />
    </View>
  )
}

function Todo({ verify, requests, hall }: { verify: boolean; requests: boolean; hall: boolean }) {
  return (
    <Card title='待办' className='js-staff-todo'>
      {verify ? <PendingReviewsRow /> : null}
      {requests ? <OpenRequestsRow /> : null}
      {hall ? (
        <View className='ll-row ll-list-item js-todo-hall' onClick={() => go(ROUTES.requestHall)}>
          <Text>任务大厅</Text>
          <Text className='ll-muted'>认领邻里求助</Text>
        </View>
      ) : null}
    </Card>
  )
}

/** 我的反映: the latest three, each opening its detail. */
function MyRequests() {
  const mine = useRemote(() => requestApi.listMine({ limit: 3 }))
  useDidShow(() => void mine.reload())
  return (
    <Card
      title='我的反映'
      className='js-my-requests-card'
      extra={
        <Text className='ll-muted js-my-requests-all' onClick={() => go(ROUTES.requestMine)}>
          全部 ›
        </Text>
      }
    >
      {mine.error ? (
        <ErrorBlock message={mine.error} onRetry={() => void mine.reload()} />
      ) : !mine.data ? (
        <Loading />
      ) : mine.data.items.length ? (
        mine.data.items.slice(0, 3).map((item) => <RequestRow key={item.requestId} item={item} />)
      ) : (
        <Text className='ll-block ll-muted'>还没有反映过问题。有事点上方「我要反映」，网格员会限时响应。</Text>
      )}
    </Card>
  )
}

export default function Home() {
  const { status, session, error, refresh, hasRole } = useSession()
  useDidShow(() => {
    if (status === 'ready') void refresh()
  })

  if (status === 'error') {
    return (
      <PageShell title='邻里共治'>
        <ErrorBlock message={error ?? '加载失败'} onRetry={() => void refresh()} />
      </PageShell>
    )
  }
  if (!session) {
    return (
      <PageShell title='邻里共治'>
        <Loading />
      </PageShell>
    )
  }
  const greeting = session.profile.displayName === '邻居' ? '您好，邻居' : `${session.profile.displayName}，您好`
  return (
    <PageShell title={session.compound?.name ?? '邻里共治'} subtitle={greeting}>
      <HouseholdStatus session={session} />
      <View className='ll-hero js-report' onClick={() => go(ROUTES.requestReport)}>
        <Text className='ll-hero__title'>我要反映</Text>
        <Text className='ll-hero__sub'>你呼我应 · 有事找邻里</Text>
      </View>
      {hasRole(...STAFF_ROLES, 'member') ? (
        <Todo verify={hasRole('grid', 'branch')} requests={hasRole(...STAFF_ROLES)} hall={hasRole('member')} />
      ) : null}
      {session.household ? <MyRequests /> : null}
      <Card title='小区动态'>
        <Text className='ll-block ll-muted'>通知公告和近期活动将在这里显示。这些服务正在建设中，上线后会第一时间出现在首页。</Text>
      </Card>
    </PageShell>
  )
}
