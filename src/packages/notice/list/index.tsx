// 通知公告: the compound's notices, pinned first, filtered by category, with a red dot on the ones
// I have not read and how many there are; publishers find 发布通知 and 我发布的 here.
import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { ROUTES, go } from '../../../routes'
import { NoticeRow } from '../../../components/NoticeRow'
import { PagedRows, usePagedList } from '../../../components/PagedList'
import { SessionPage, useRefreshOnShow } from '../../../components/SessionPage'
import { Empty } from '../../../components/StateView'
import {
  NOTICE_CATEGORIES,
  NOTICE_CATEGORY_LABELS,
  NOTICE_PUBLISHER_ROLES,
  askNoticeSubscription,
  noticeApi,
  type NoticeCategory,
  type NoticeItem,
} from '../../../services/notice'
import { useSession } from '../../../store/session'
import { Chips, type Chip } from '../components'

type Filter = NoticeCategory | 'all'

const FILTERS: ReadonlyArray<Chip<Filter>> = [
  { value: 'all', label: '全部', className: 'js-category-all' },
  ...NOTICE_CATEGORIES.map((c) => ({ value: c, label: NOTICE_CATEGORY_LABELS[c], className: `js-category-${c}` })),
]

/** 重要通知 reminders: WeChat only, and only when the template is configured. */
const canSubscribe = process.env.TARO_ENV === 'weapp' && !!LINLI_TEMPLATE_NOTICE

function SubscribeBar() {
  const [done, setDone] = useState(false)
  const subscribe = async () => {
    const ok = await askNoticeSubscription()
    setDone(ok)
    void Taro.showToast({ title: ok ? '有重要通知时会提醒您' : '未开启提醒', icon: ok ? 'success' : 'none' })
  }
  if (done) return null
  return (
    <Card className='js-notice-subscribe'>
      <View className='ntc-summary'>
        <Text className='ll-text-2'>停水停电等重要通知，可以通过微信提醒您</Text>
        <Button size='small' type='primary' fill='outline' className='js-subscribe-notice' onClick={() => void subscribe()}>
          接收提醒
        </Button>
      </View>
    </Card>
  )
}

function NoticeList({ category, onUnread }: { category: Filter; onUnread: (n: number) => void }) {
  const fetch = useCallback(
    async (cursor: string | undefined) => {
      const input = { ...(category === 'all' ? {} : { category }), ...(cursor ? { cursor } : {}) }
      const res = await noticeApi.list(input)
      // the count covers every category: it is taken from the first page only
      if (res.ok && !cursor) onUnread(res.data.unread)
      return res
    },
    [category, onUnread],
  )
  const list = usePagedList<NoticeItem>(fetch, [fetch])
  useRefreshOnShow(list.reload)
  return (
    <PagedRows
      list={list}
      empty={<Empty text={category === 'all' ? '暂时还没有通知公告。有新通知时会在这里显示。' : `暂时还没有「${NOTICE_CATEGORY_LABELS[category]}」类通知`} />}
    >
      {(items) => (
        <Card className='js-notice-list'>
          {items.map((item) => (
            <NoticeRow key={item.noticeId} item={item} />
          ))}
        </Card>
      )}
    </PagedRows>
  )
}

function Notices() {
  const { hasRole } = useSession()
  const [category, setCategory] = useState<Filter>('all')
  // the count covers every category, so it stays while another filter loads
  const [unread, setUnread] = useState<number | null>(null)
  const publisher = hasRole(...NOTICE_PUBLISHER_ROLES)
  return (
    <>
      {publisher ? (
        <View className='ntc-buttons'>
          <Button type='primary' size='large' className='js-new-notice' onClick={() => go(ROUTES.noticeEdit)}>
            发布通知
          </Button>
          <Button fill='outline' size='large' className='js-my-notices' onClick={() => go(ROUTES.noticeManage)}>
            我发布的
          </Button>
        </View>
      ) : null}
      {publisher ? <View className='ll-gap' /> : null}
      {canSubscribe ? <SubscribeBar /> : null}
      <Chips options={FILTERS} value={category} onChange={setCategory} className='js-categories' />
      {unread !== null ? (
        <View className='ntc-summary'>
          <Text className={`js-unread-count ${unread > 0 ? 'ntc-unread-count' : 'll-muted'}`}>{unread > 0 ? `${unread} 条未读` : '全部已读'}</Text>
        </View>
      ) : null}
      {/* keyed: a new filter starts from its own loading state instead of showing the other rows */}
      <NoticeList key={category} category={category} onUnread={setUnread} />
    </>
  )
}

export default function NoticeListPage() {
  return (
    <SessionPage title='通知公告' subtitle='停水停电、物业公示、政策宣传'>
      <Notices />
    </SessionPage>
  )
}
