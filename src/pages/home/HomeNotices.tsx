// 通知公告 on 首页: the latest three (pinned first) with a red dot on the unread ones, and the unread
// count on the 首页 tab — only for a member of the audience: a visitor's reads are not recorded, so a
// count could never clear. A visitor is told why they see no notices, or whose public notices they see.
import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Tag } from '@nutui/nutui-react-taro'
import { Card } from '../../components/Card'
import { NoticeRow } from '../../components/NoticeRow'
import { ErrorBlock, Loading } from '../../components/StateView'
import { tappable } from '../../components/Tappable'
import { useResource } from '../../hooks/useResource'
import { ROUTES, go } from '../../routes'
import { noticeApi } from '../../services/notice'

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

export function HomeNotices() {
  const notices = useResource(() => noticeApi.list({ limit: 5 }), [], { refreshOnShow: true })
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
