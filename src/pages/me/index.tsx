// 我的: profile, household, roles, elder mode, privacy and data, and (locally) the identity switcher.
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { Cell, CellGroup, Tag } from '@nutui/nutui-react-taro'
import { Card } from '../../components/Card'
import { DevIdentitySwitcher } from '../../components/DevIdentitySwitcher'
import { ROUTES, go } from '../../routes'
import { PageShell } from '../../components/PageShell'
import { useRefreshOnShow } from '../../components/SessionPage'
import { ErrorBlock, Loading } from '../../components/StateView'
import { isLocal } from '../../services/platform'
import { useSession } from '../../store/session'
import { useResource } from '../../hooks/useResource'
import { userApi } from '../../services/user'
import { homeLabel, roleLabel } from '../../utils/format'
import { worksWithoutHousehold } from '@core/roles'
import { Tappable } from '../../components/Tappable'

function bindingText(s: NonNullable<ReturnType<typeof useSession>['session']>): string {
  if (s.household?.verified) return `${homeLabel(s.household)}（已认证）`
  if (s.binding?.state === 'pending') return `${homeLabel(s.binding)}（审核中）`
  if (s.binding?.state === 'rejected') return '认证未通过，可重新申请'
  if (worksWithoutHousehold(s.roles)) return '工作账号无需认证；住在本小区可认证'
  return '未认证'
}

/** 消息中心 with its unread count (one small read each time 我的 shows). */
function InboxCell() {
  const inbox = useResource(() => userApi.inbox({ limit: 1 }))
  useRefreshOnShow(inbox.reload)
  const unread = inbox.data?.unread ?? 0
  return (
    <Cell
      title='消息中心'
      description={inbox.error ? '消息暂时加载不了，点开重试' : '反映进展、活动候补与取消、重要通知'}
      extra={unread ? <Tag type='danger' className='js-inbox-count'>{`${unread > 99 ? '99+' : unread} 条未读`}</Tag> : null}
      clickable
      onClick={() => go(ROUTES.inbox)}
      className='js-cell-inbox'
    />
  )
}

export default function Me() {
  const { status, session, error, refresh, elderMode, setElderMode } = useSession()
  useDidShow(() => {
    if (status === 'ready') void refresh()
  })
  return (
    <PageShell title='我的'>
      {status === 'error' ? <ErrorBlock message={error ?? '加载失败'} onRetry={() => void refresh()} /> : null}
      {!session && status !== 'error' ? <Loading /> : null}
      {session ? (
        <>
          <Card className='js-profile-card'>
            <View className='ll-row'>
              <Text className='ll-card__title js-display-name'>{session.profile.displayName}</Text>
              {session.profile.badge ? <Text className='ll-badge-party js-party-badge'>党员</Text> : null}
            </View>
            <Text className='ll-block ll-muted'>{session.profile.phoneMasked ?? '未填写手机号'}</Text>
            <View className='ll-row' style={{ marginTop: '8px' }}>
              {session.roles.length ? (
                session.roles.map((r) => (
                  <Tag key={r} plain background='#c8161d'>
                    {roleLabel(r)}
                  </Tag>
                ))
              ) : (
                <Tag type='default'>访客</Tag>
              )}
            </View>
          </Card>
          <CellGroup>
            <InboxCell />
            <Tappable className='js-cell-binding' role='link' onTap={() => go(ROUTES.binding)}>
              <Cell title='我的房屋' description={bindingText(session)} clickable />
            </Tappable>
            <Tappable className='js-cell-profile' role='link' onTap={() => go(ROUTES.profile)}>
              <Cell title='个人资料' description='称呼、手机号、党员信息' clickable />
            </Tappable>
            {/* the whole line is the switch (NutUI's Switch carries WeChat's aria-role into the browser) */}
            <Tappable className='js-elder-switch' role='switch' checked={elderMode} onTap={() => setElderMode(!elderMode)}>
              <Cell
                title='长辈模式'
                description='更大的字、更高的对比度、更大的按钮'
                clickable
                extra={<Text className={`ll-switch-state ${elderMode ? 'is-on' : ''}`}>{elderMode ? '已开启' : '已关闭'}</Text>}
              />
            </Tappable>
            <Tappable className='js-cell-privacy' role='link' onTap={() => go(ROUTES.privacy)}>
              <Cell title='隐私与个人数据' description='授权管理、导出我的数据、注销账号' clickable />
            </Tappable>
            <Cell title='我的记录' description='反映、报名、志愿服务记录（建设中）' />
          </CellGroup>
          <View className='ll-gap' />
        </>
      ) : null}
      {isLocal ? <DevIdentitySwitcher /> : null}
    </PageShell>
  )
}
