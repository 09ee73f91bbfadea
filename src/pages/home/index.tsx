// 首页: greeting, household status, the big 我要反映 entry, staff to-dos and what is coming.
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Tag } from '@nutui/nutui-react-taro'
import { Card } from '../../components/Card'
import { HouseholdStatus, ROUTES, go } from '../../components/HouseholdStatus'
import { PageShell } from '../../components/PageShell'
import { ErrorBlock, Loading } from '../../components/StateView'
import { useSession } from '../../store/session'
import { useRemote } from '../../store/useRemote'
import { userApi } from '../../services/user'

function PendingReviews() {
  const pending = useRemote(() => userApi.listPendingBindings({ limit: 20 }))
  useDidShow(() => void pending.reload())
  const count = pending.data?.items.length ?? 0
  return (
    <Card title='待办' className='js-staff-todo'>
      <View className='ll-row ll-list-item' onClick={() => go(ROUTES.verify)}>
        <Text>住户认证待审核</Text>
        {pending.loading && !pending.data ? (
          <Text className='ll-muted'>加载中…</Text>
        ) : pending.error ? (
          <Text className='ll-muted'>{pending.error}</Text>
        ) : (
          <Tag type={count ? 'primary' : 'default'}>{pending.data?.nextCursor ? `${count}+` : count} 条</Tag>
        )}
      </View>
    </Card>
  )
}

function report() {
  void Taro.showModal({
    title: '你呼我应',
    content: '「你呼我应」正在建设中，即将上线。遇到紧急情况请直接拨打 110 / 119 / 120，或联系物业服务中心。',
    showCancel: false,
    confirmText: '知道了',
  })
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
      <View className='ll-hero js-report' onClick={report}>
        <Text className='ll-hero__title'>我要反映</Text>
        <Text className='ll-hero__sub'>你呼我应 · 有事找邻里</Text>
      </View>
      {hasRole('grid', 'branch') ? <PendingReviews /> : null}
      <Card title='小区动态'>
        <Text className='ll-block ll-muted'>通知公告、近期活动和我的反映将在这里显示。这些服务正在建设中，上线后会第一时间出现在首页。</Text>
      </Card>
    </PageShell>
  )
}
