// 邻里公开反映: the reports residents chose to make public (names never shown), and 我也遇到 —
// join a neighbour's report instead of filing the same thing again (after FixMyStreet).
import { Text } from '@tarojs/components'
import { Card } from '../../../components/Card'
import { RequestRow } from '../../../components/RequestRow'
import { Empty } from '../../../components/StateView'
import { can } from '@core/contract'
import { requestApi, type RequestSummary } from '../../../services/request'
import { requestContract } from '@core/request/contract'
import { MetooButton, PagedRows, RequestPage, usePagedList, useRefreshOnShow } from '../components'

function Board() {
  const list = usePagedList<RequestSummary>((cursor) => requestApi.listPublic(cursor ? { cursor } : {}))
  useRefreshOnShow(list.reload, list.loading)
  return (
    <PagedRows list={list} empty={<Empty text='还没有公开的反映。提交反映时选择「公开」，邻居们就能在这里看到并表示「我也遇到」。' />}>
      {(items) => (
        <Card title='邻居们公开的反映' className='js-board-list'>
          <Text className='ll-block ll-muted'>只显示反映人选择公开的内容，不显示姓名和房号。遇到同样的问题，点「我也遇到」即可，不必重复提交。</Text>
          {items.map((item) => (
            <RequestRow key={item.requestId} item={item} extra={<MetooButton item={item} />} />
          ))}
        </Card>
      )}
    </PagedRows>
  )
}

export default function PublicBoard() {
  return (
    <RequestPage
      title='邻里公开反映'
      subtitle='你呼我应 · 公开的反映'
      allow={(s) => can(s.session, requestContract.listPublic)}
      denied={<Empty text='认证房屋后可以查看邻居公开的反映' />}
    >
      <Board />
    </RequestPage>
  )
}
