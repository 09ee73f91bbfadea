// 首页: greeting, household status, the big 我要反映 entry, to-dos, the latest notices (with the
// unread count on the tab), my latest requests and coming events. Each card loads itself and reads
// again when the page shows (Todo.tsx, HomeNotices.tsx, Latest.tsx).
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { STAFF_ROLES } from '@core/roles'
import { HouseholdStatus } from '../../components/HouseholdStatus'
import { PageShell } from '../../components/PageShell'
import { ErrorBlock, Loading } from '../../components/StateView'
import { tappable } from '../../components/Tappable'
import { ROUTES, go } from '../../routes'
import { useSession } from '../../store/session'
import { HomeNotices } from './HomeNotices'
import { MyRequests, UpcomingEvents } from './Latest'
import { Todo } from './Todo'

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
  // the big entry needs nothing from the server: it shows while the session is still on its way
  const hero = (
    <View className='ll-hero js-report' {...tappable(() => go(ROUTES.requestReport))}>
      <Text className='ll-hero__title'>我要反映</Text>
      <Text className='ll-hero__sub'>你呼我应 · 有事找邻里</Text>
    </View>
  )
  if (!session) {
    return (
      <PageShell title='邻里共治'>
        {hero}
        <Loading />
      </PageShell>
    )
  }
  const greeting = session.profile.displayName === '邻居' ? '您好，邻居' : `${session.profile.displayName}，您好`
  return (
    <PageShell title={session.compound?.name ?? '邻里共治'} subtitle={greeting}>
      {/* first, where it showed while the session was on its way: nothing moves it under a finger */}
      {hero}
      <HouseholdStatus session={session} />
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
