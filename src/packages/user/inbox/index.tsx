// 消息中心: what happened to my things (a report accepted or resolved, a waitlist place, an event
// cancelled, a reminder, an important notice), newest first; tapping an entry opens its page.
// Fed by the same events as the subscription messages, so it works without credits and in H5.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { InboxItem } from '@core/user/contract'
import { Card } from '../../../components/Card'
import { PagedRows, usePagedList } from '../../../components/PagedList'
import { SessionPage, useRefreshOnShow } from '../../../components/SessionPage'
import { Empty } from '../../../components/StateView'
import { UnreadDot } from '../../../components/NoticeRow'
import { go } from '../../../routes'
import { userApi } from '../../../services/user'
import { eventTime } from '../../../utils/format'

const KIND_LABELS: Record<InboxItem['kind'], string> = { requestStatus: '我的反映', eventReminder: '活动报名', noticeImportant: '通知公告', voteReminder: '公约表决', moderation: '内容审核' }

/** 'packages/request/detail/index?id=r1' (as WeChat names pages) → the route Taro navigates to. */
export function inboxPageUrl(page: string): string {
  return page.startsWith('/') ? page : `/${page}`
}

function Inbox() {
  const [unread, setUnread] = useState<number | null>(null)
  const [markError, setMarkError] = useState<string | null>(null)
  const list = usePagedList<InboxItem>(async (cursor) => {
    const res = await userApi.inbox(cursor ? { cursor } : {})
    if (res.ok) setUnread(res.data.unread)
    return res
  })
  useRefreshOnShow(list.reload)

  const open = (item: InboxItem) => {
    // the entry counts as read once opened; the page opens whether or not the mark arrives
    if (!item.read) {
      void userApi.markInboxRead({ entryId: item.entryId }).then((res) => {
        if (res.ok) setUnread(res.data.unread)
      })
    }
    go(inboxPageUrl(item.page))
    void list.reload()
  }

  const markAll = async () => {
    setMarkError(null)
    const res = await userApi.markInboxRead({})
    if (!res.ok) return setMarkError(res.message)
    setUnread(res.data.unread)
    await list.reload()
  }

  return (
    <>
      {list.loaded ? (
        <View className='ll-row ll-inbox__head'>
          <Text className='ll-text-2 js-inbox-unread'>{unread ? `${unread} 条未读` : '没有未读消息'}</Text>
          {unread ? (
            <Button size='small' fill='outline' type='primary' className='js-inbox-mark-all' onClick={() => void markAll()}>
              全部标为已读
            </Button>
          ) : null}
        </View>
      ) : null}
      {markError ? <Text className='ll-error-text js-inbox-error'>{markError}</Text> : null}
      <PagedRows list={list} empty={<Empty text='还没有消息。反映被受理、活动候补成功或取消、重要通知发布时，会在这里告诉您。' />}>
        {(items) => (
          <Card className='js-inbox'>
            {items.map((item) => (
              <View
                key={item.entryId}
                className={`ll-list-item ll-inbox__item js-inbox-item ${item.read ? 'is-read' : 'is-unread'}`}
                onClick={() => open(item)}
                aria-role='button'
              >
                <View className='ll-row'>
                  {item.read ? null : <UnreadDot />}
                  <Text className='ll-muted ll-inbox__kind'>{KIND_LABELS[item.kind]}</Text>
                  <Text className='ll-muted ll-inbox__time'>{eventTime(item.createdAt)}</Text>
                </View>
                <Text className='ll-block ll-inbox__title js-inbox-title'>{item.title}</Text>
                <Text className='ll-block ll-text-2 ll-inbox__body'>{item.body}</Text>
              </View>
            ))}
          </Card>
        )}
      </PagedRows>
    </>
  )
}

export default function InboxPage() {
  return (
    <SessionPage title='消息中心' subtitle='您的反映、报名和重要通知的进展'>
      <Inbox />
    </SessionPage>
  )
}
