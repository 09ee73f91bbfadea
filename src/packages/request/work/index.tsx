// 反映工作台 (网格员、物业、业委会、党支部、社区/街道): the requests I answer for, by deadline.
import { useState } from 'react'
import { Card } from '../../../components/Card'
import { RequestRow } from '../../../components/RequestRow'
import { Empty } from '../../../components/StateView'
import { requestApi, type RequestSummary } from '../../../services/request'
import { STAFF_ROLES } from '@core/roles'
import { PagedRows, RequestPage, Tiles, usePagedList, useRefreshOnShow } from '../components'

const FILTERS = [
  { value: 'open', label: '待处理', empty: '没有待处理的反映' },
  { value: 'overdue', label: '已超时', empty: '没有超时的反映，继续保持' },
  { value: 'escalated', label: '已上报', empty: '没有上报中的反映' },
  { value: 'done', label: '已办结', empty: '还没有办结的反映' },
  { value: 'all', label: '全部', empty: '还没有需要您处理的反映' },
] as const
type Filter = (typeof FILTERS)[number]['value']

function FilteredList({ filter }: { filter: Filter }) {
  const list = usePagedList<RequestSummary>((cursor) => requestApi.listAssigned(cursor ? { filter, cursor } : { filter }), [filter])
  useRefreshOnShow(list.reload)
  const current = FILTERS.find((f) => f.value === filter)!
  return (
    <PagedRows list={list} empty={<Empty text={current.empty} />}>
      {(items) => (
        <Card title={`${current.label} ${items.length}${list.nextCursor ? '+' : ''} 件`} className={`js-work-list js-work-${filter}`}>
          {items.map((item) => (
            <RequestRow key={item.requestId} item={item} forStaff />
          ))}
        </Card>
      )}
    </PagedRows>
  )
}

function WorkList() {
  const [filter, setFilter] = useState<Filter>('open')
  return (
    <>
      <Tiles
        layout='chips'
        className='js-filters'
        options={FILTERS.map((f) => ({ value: f.value, label: f.label, className: `js-filter-${f.value}` }))}
        value={filter}
        onChange={setFilter}
      />
      {/* keyed: a new filter starts from its own loading state instead of showing the old rows */}
      <FilteredList key={filter} filter={filter} />
    </>
  )
}

export default function Work() {
  return (
    <RequestPage
      title='反映工作台'
      subtitle='按办理期限排序，超时会自动上报'
      allow={(s) => s.hasRole(...STAFF_ROLES)}
      denied={<Empty text='反映工作台供网格员、物业、业委会、党支部和社区工作人员使用' />}
    >
      <WorkList />
    </RequestPage>
  )
}
