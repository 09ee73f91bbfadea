// 待办 on 首页 for staff and party members: households waiting for verification, open requests to
// handle (each a count of one page, with "+" when there are more) and the 任务大厅 link.
import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { Card } from '../../components/Card'
import { tappable } from '../../components/Tappable'
import { useResource } from '../../hooks/useResource'
import { ROUTES, go } from '../../routes'
import { requestApi } from '../../services/request'
import { userApi } from '../../services/user'

function CountTag({ loading, error, count, more }: { loading: boolean; error: string | null; count: number; more: boolean }) {
  if (loading) return <Text className='ll-muted'>加载中…</Text>
  if (error) return <Text className='ll-muted'>{error}</Text>
  return <Tag type={count ? 'primary' : 'default'}>{more ? `${count}+` : count} 条</Tag>
}

function PendingReviewsRow() {
  const pending = useResource(() => userApi.listPendingBindings({ limit: 20 }), [], { refreshOnShow: true })
  return (
    <View className='ll-row ll-list-item js-todo-verify' {...tappable(() => go(ROUTES.verify), { role: 'link' })}>
      <Text>住户认证待审核</Text>
      <CountTag loading={pending.loading && !pending.data} error={pending.error} count={pending.data?.items.length ?? 0} more={!!pending.data?.nextCursor} />
    </View>
  )
}

function OpenRequestsRow() {
  const open = useResource(() => requestApi.listAssigned({ filter: 'open', limit: 20 }), [], { refreshOnShow: true })
  return (
    <View className='ll-row ll-list-item js-todo-requests' {...tappable(() => go(ROUTES.requestWork), { role: 'link' })}>
      <Text>待处理反映</Text>
      <CountTag loading={open.loading && !open.data} error={open.error} count={open.data?.items.length ?? 0} more={!!open.data?.nextCursor} />
    </View>
  )
}

export function Todo({ verify, requests, hall }: { verify: boolean; requests: boolean; hall: boolean }) {
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
