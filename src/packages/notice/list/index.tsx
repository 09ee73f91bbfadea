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

type Reader = { reader: 'member' | 'public' | 'none'; compoundName: string | null }

function NoticeList({ category, reader, onFirstPage }: { category: Filter; reader: Reader | null; onFirstPage: (unread: number, reader: Reader) => void }) {
  const fetch = useCallback(
    async (cursor: string | undefined) => {
      const input = { ...(category === 'all' ? {} : { category }), ...(cursor ? { cursor } : {}) }
      const res = await noticeApi.list(input)
      // the count covers every category: it is taken from the first page only
      if (res.ok && !cursor) onFirstPage(res.data.unread, { reader: res.data.reader, compoundName: res.data.compoundName })
      return res
    },
    [category, onFirstPage],
  )
  const list = usePagedList<NoticeItem>(fetch, [fetch])
  useRefreshOnShow(list.reload)
  if (reader?.reader === 'none') {
    return (
      <Empty
        text='您还没有选择小区，所以这里暂时没有通知。认证房屋后，就能看到小区的停水停电、物业公示等通知。'
        action={
          <Button type='primary' className='js-notices-bind' onClick={() => go(ROUTES.binding)}>
            去认证房屋
          </Button>
        }
      />
    )
  }
  return (
    <PagedRows
      list={list}
      empty={<Empty text={category === 'all' ? '暂时还没有通知公告。有新通知时会在这里显示。' : `暂时还没有「${NOTICE_CATEGORY_LABELS[category]}」类通知`} />}
    >
      {(items) => (
        <Card className='js-notice-list'>
          {items.map((item) => (
            <NoticeRow key={item.noticeId} item={item} readMarks={reader?.reader === 'member'} />
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
  const [reader, setReader] = useState<Reader | null>(null)
  const onFirstPage = useCallback((n: number, r: Reader) => {
    setUnread(n)
    setReader(r)
  }, [])
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
      {/* read marks only for the notices' audience: a visitor's reads are not recorded */}
      {unread !== null && reader?.reader === 'member' ? (
        <View className='ntc-summary'>
          <Text className={`js-unread-count ${unread > 0 ? 'ntc-unread-count' : 'll-muted'}`}>{unread > 0 ? `${unread} 条未读` : '全部已读'}</Text>
        </View>
      ) : null}
      {reader?.reader === 'public' ? (
        <Text className='ll-block ll-muted js-notices-public'>{`以下是${reader.compoundName || '小区'}的公开通知。认证房屋后，还能看到本楼栋的通知。`}</Text>
      ) : null}
      {/* keyed: a new filter starts from its own loading state instead of showing the other rows */}
      <NoticeList key={category} category={category} reader={reader} onFirstPage={onFirstPage} />
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
