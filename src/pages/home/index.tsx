// 首页: greeting, household status, the big 我要反映 entry, to-dos, the latest notices (with the
// unread count on the tab), my latest requests and coming events.
import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Tag } from '@nutui/nutui-react-taro'
import { STAFF_ROLES } from '@core/roles'
import { Card } from '../../components/Card'
import { EventRow } from '../../components/EventRow'
import { HouseholdStatus } from '../../components/HouseholdStatus'
import { ROUTES, go } from '../../routes'
import { NoticeRow } from '../../components/NoticeRow'
import { PageShell } from '../../components/PageShell'
import { RequestRow } from '../../components/RequestRow'
import { ErrorBlock, Loading } from '../../components/StateView'
import { useSession } from '../../store/session'
import { useResource } from '../../hooks/useResource'
import { useRefreshOnShow } from '../../components/SessionPage'
import { eventApi } from '../../services/event'
import { noticeApi } from '../../services/notice'
import { requestApi } from '../../services/request'
import { userApi } from '../../services/user'
import { tappable } from '../../components/Tappable'

function CountTag({ loading, error, count, more }: { loading: boolean; error: string | null; count: number; more: boolean }) {
  if (loading) return <Text className='ll-muted'>加载中…</Text>
  if (error) return <Text className='ll-muted'>{error}</Text>
  return <Tag type={count ? 'primary' : 'default'}>{more ? `${count}+` : count} 条</Tag>
}

function PendingReviewsRow() {
  const pending = useResource(() => userApi.listPendingBindings({ limit: 20 }))
  useRefreshOnShow(pending.reload, pending.loading)
  return (
    <View className='ll-row ll-list-item js-todo-verify' {...tappable(() => go(ROUTES.verify), { role: 'link' })}>
      <Text>住户认证待审核</Text>
      <CountTag loading={pending.loading && !pending.data} error={pending.error} count={pending.data?.items.length ?? 0} more={!!pending.data?.nextCursor} />
    </View>
  )
}

function OpenRequestsRow() {
  const open = useResource(() => requestApi.listAssigned({ filter: 'open', limit: 20 }))
  useRefreshOnShow(open.reload, open.loading)
  return (
    <View className='ll-row ll-list-item js-todo-requests' {...tappable(() => go(ROUTES.requestWork), { role: 'link' })}>
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
        <View className='ll-row ll-list-item js-todo-hall' {...tappable(() => go(ROUTES.requestHall), { role: 'link' })}>
          <Text>任务大厅</Text>
          <Text className='ll-muted'>认领邻里求助</Text>
        </View>
      ) : null}
    </Card>
  )
}

/** 我的反映: the latest three, each opening its detail. */
function MyRequests() {
  const mine = useResource(() => requestApi.listMine({ limit: 3 }))
  useRefreshOnShow(mine.reload, mine.loading)
  return (
    <Card
      title='我的反映'
      className='js-my-requests-card'
      extra={
        <Text className='ll-more js-my-requests-all' {...tappable(() => go(ROUTES.requestMine), { role: 'link', label: '全部我的反映' })}>
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

/** 近期活动: the next three events with their places left, each opening its detail. */
function UpcomingEvents() {
  const events = useResource(() => eventApi.list({ when: 'upcoming', limit: 3 }))
  useRefreshOnShow(events.reload, events.loading)
  return (
    <Card
      title='近期活动'
      className='js-home-events'
      extra={
        <Text className='ll-more js-home-events-all' {...tappable(() => go(ROUTES.eventList), { role: 'link', label: '全部活动' })}>
          全部 ›
        </Text>
      }
    >
      {events.error ? (
        <ErrorBlock message={events.error} onRetry={() => void events.reload()} />
      ) : !events.data ? (
        <Loading />
      ) : events.data.items.length ? (
        events.data.items.slice(0, 3).map((item) => <EventRow key={item.eventId} item={item} />)
      ) : (
        <Text className='ll-block ll-muted'>近期还没有活动。有新活动时会在这里显示，欢迎报名参加。</Text>
      )}
    </Card>
  )
}

/** The 首页 tab shows how many notices are unread. The tab bar may not be ready (H5): never throws. */
function setHomeBadge(unread: number) {
  try {
    const done = unread > 0 ? Taro.setTabBarBadge({ index: 0, text: String(unread) }) : Taro.removeTabBarBadge({ index: 0 })
    void Promise.resolve(done).catch(() => undefined)
  } catch {
    // no tab bar on this page yet
  }
}

/** Why a visitor sees no notices, or whose public notices they see (the server says which: `reader`). */
function VisitorNote({ reader, compoundName }: { reader: 'public' | 'none'; compoundName: string | null }) {
  if (reader === 'public') {
    return <Text className='ll-block ll-muted js-home-notices-public'>{`以下是${compoundName || '小区'}的公开通知。认证房屋后，还能看到本楼栋的通知。`}</Text>
  }
  return (
    <View className='js-home-notices-none'>
      <Text className='ll-block ll-text-2'>您还没有选择小区，所以这里暂时没有通知。认证房屋后，小区的停水停电、物业公示等通知会在这里显示。</Text>
      <Text className='ll-link js-home-notices-bind' onClick={() => go(ROUTES.binding)}>
        去认证房屋 ›
      </Text>
    </View>
  )
}

/**
 * 通知公告: the latest three (pinned first) with a red dot on the unread ones; the tab badge counts them
 * — only for a member of the audience: a visitor's reads are not recorded, so a count could never clear.
 */
function HomeNotices() {
  const notices = useResource(() => noticeApi.list({ limit: 5 }))
  useRefreshOnShow(notices.reload, notices.loading)
  const reader = notices.data?.reader ?? null
  const unread = notices.data ? (reader === 'member' ? notices.data.unread : 0) : notices.error ? 0 : null
  useEffect(() => {
    if (unread !== null) setHomeBadge(unread)
  }, [unread])
  const items = notices.data ? [...notices.data.items].sort((a, b) => Number(b.pinned) - Number(a.pinned)).slice(0, 3) : []
  return (
    <Card
      title='通知公告'
      className='js-home-notices'
      extra={
        <View className='ll-row'>
          {unread ? <Tag type='primary' className='js-home-unread'>{`${unread} 条未读`}</Tag> : null}
          <Text className='ll-more js-home-notices-all' {...tappable(() => go(ROUTES.noticeList), { role: 'link', label: '全部通知公告' })}>
            全部 ›
          </Text>
        </View>
      }
    >
      {notices.error ? (
        <ErrorBlock message={notices.error} onRetry={() => void notices.reload()} />
      ) : !notices.data ? (
        <Loading />
      ) : notices.data.reader === 'none' ? (
        <VisitorNote reader='none' compoundName={null} />
      ) : items.length ? (
        <>
          {notices.data.reader === 'public' ? <VisitorNote reader='public' compoundName={notices.data.compoundName} /> : null}
          {items.map((item) => (
            <NoticeRow key={item.noticeId} item={item} readMarks={notices.data?.reader === 'member'} />
          ))}
        </>
      ) : (
        <Text className='ll-block ll-muted'>暂时还没有通知公告。停水停电、物业公示等通知会在这里第一时间显示。</Text>
      )}
    </Card>
  )
}

export default function Home() {
  const { status, session, error, refresh, hasRole } = useSession()
  // the session may have changed while the resident was elsewhere (a binding reviewed): read it on every show
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
      <View className='ll-hero js-report' {...tappable(() => go(ROUTES.requestReport))}>
        <Text className='ll-hero__title'>我要反映</Text>
        <Text className='ll-hero__sub'>你呼我应 · 有事找邻里</Text>
      </View>
      {hasRole(...STAFF_ROLES, 'member') ? (
        <Todo verify={hasRole('grid', 'branch')} requests={hasRole(...STAFF_ROLES)} hall={hasRole('member')} />
      ) : null}
      {/* everyone is promised the compound's public notices (DESIGN §2); the server says whose, or why
          none. Keyed by the person, so another identity (or a deleted account) never keeps a badge. */}
      <HomeNotices key={session.userId} />
      {session.household ? <MyRequests /> : null}
      {session.compound ? <UpcomingEvents /> : null}
    </PageShell>
  )
}
