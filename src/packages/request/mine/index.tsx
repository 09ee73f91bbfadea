// 我的反映: everything I reported, newest first, with where each one stands.
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { ROUTES, go } from '../../../routes'
import { RequestRow } from '../../../components/RequestRow'
import { Empty } from '../../../components/StateView'
import { requestApi, type RequestSummary } from '../../../services/request'
import { PagedRows, RequestPage, usePagedList, useRefreshOnShow } from '../components'

function MyRequests() {
  const list = usePagedList<RequestSummary>((cursor) => requestApi.listMine(cursor ? { cursor } : {}))
  useRefreshOnShow(list.reload)
  return (
    <>
      <Button type='primary' block size='large' className='js-new-request' onClick={() => go(ROUTES.requestReport)}>
        我要反映
      </Button>
      <View className='ll-gap' />
      <Button block size='large' className='js-open-board' onClick={() => go(ROUTES.requestBoard)}>
        看看邻居公开的反映
      </Button>
      <View className='ll-gap' />
      <PagedRows
        list={list}
        empty={
          <Empty
            text='您还没有反映过问题。遇到小区里的事，随时可以告诉我们。'
            action={
              <Button type='primary' className='js-empty-report' onClick={() => go(ROUTES.requestReport)}>
                我要反映
              </Button>
            }
          />
        }
      >
        {(items) => (
          <Card className='js-my-requests'>
            {items.map((item) => (
              <RequestRow key={item.requestId} item={item} />
            ))}
          </Card>
        )}
      </PagedRows>
    </>
  )
}

export default function Mine() {
  return (
    <RequestPage title='我的反映' subtitle='提交后网格员会限时响应，办结后请您评价'>
      <MyRequests />
    </RequestPage>
  )
}
