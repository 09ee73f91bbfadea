// 我发布的 (业委会、党支部、物业): the notices I may manage, newest first, with how many have read
// each one and which were taken down; 发布通知 starts a new one.
import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { ROUTES, go, noticeUrl } from '../../../routes'
import { NoticeRow } from '../../../components/NoticeRow'
import { PagedRows, usePagedList } from '../../../components/PagedList'
import { SessionPage, useRefreshOnShow } from '../../../components/SessionPage'
import { Empty } from '../../../components/StateView'
import { NOTICE_PUBLISHER_ROLES, noticeApi, type ManagedNotice } from '../../../services/notice'
import '../notice.scss'
import { tappable } from '../../../components/Tappable'

function Row({ item }: { item: ManagedNotice }) {
  return (
    <NoticeRow
      item={item}
      // read dots are for readers: here every row shows its read count instead
      readMarks={false}
      tags={
        item.archived ? (
          <Tag background='#595959' color='#ffffff' className='js-archived-tag'>
            已下架
          </Tag>
        ) : null
      }
      extra={
        <Text
          className='ll-text-2 js-managed-read-count'
          {...tappable(() => go(noticeUrl(item.noticeId, 'noticeStats')), { role: 'link' })}
          onClick={(e: { stopPropagation: () => void }) => {
            e.stopPropagation()
            go(noticeUrl(item.noticeId, 'noticeStats'))
          }}
        >
          已读 {item.readCount} 人 ›
        </Text>
      }
    />
  )
}

function Managed() {
  const list = usePagedList<ManagedNotice>((cursor) => noticeApi.listManaged(cursor ? { cursor } : {}))
  useRefreshOnShow(list.reload)
  return (
    <>
      <Button type='primary' block size='large' className='js-new-notice' onClick={() => go(ROUTES.noticeEdit)}>
        发布通知
      </Button>
      <View className='ll-gap' />
      <PagedRows list={list} empty={<Empty text='您还没有发布过通知' />}>
        {(items) => (
          <Card className='js-managed-notices'>
            {items.map((item) => (
              <Row key={item.noticeId} item={item} />
            ))}
          </Card>
        )}
      </PagedRows>
    </>
  )
}

export default function NoticeManagePage() {
  return (
    <SessionPage
      title='我发布的'
      subtitle='阅读人数、下架和修改'
      allow={(s) => s.hasRole(...NOTICE_PUBLISHER_ROLES)}
      denied={<Empty text='通知由业委会、党支部和物业发布' />}
    >
      <Managed />
    </SessionPage>
  )
}
