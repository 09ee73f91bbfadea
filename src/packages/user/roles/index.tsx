// 人员与角色 (branch; committee reads): the grid (小区–楼栋–单元–户) with its 楼栋长 and 单元长; find a
// person, set their roles, give a 楼栋长/网格员 their buildings. Every change is audited.
import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { PageShell } from '../../../components/PageShell'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { userApi } from '../../../services/user'
import { useSession } from '../../../store/session'
import { useResource } from '../../../hooks/useResource'
import { GridCard } from './GridCard'
import { PersonRow } from './PersonRow'

export default function Roles() {
  const { hasRole, status } = useSession()
  const [query, setQuery] = useState('')
  const [submitted, setSubmitted] = useState('')
  const list = useResource(() => userApi.searchUsers({ query: submitted || undefined, limit: 30 }), [submitted])
  const grid = useResource(() => userApi.gridMap({}))

  if (status === 'ready' && !hasRole('branch', 'committee')) {
    return (
      <PageShell title='人员与角色'>
        <Empty text='只有党支部和业委会可以查看人员名册' />
      </PageShell>
    )
  }
  return (
    <PageShell title='人员与角色' subtitle='角色变更会记入审计日志'>
      <View className='ll-row'>
        <View className='ll-field' style={{ flex: 1 }}>
          <Input className='js-search' placeholder='按称呼搜索' value={query} onChange={(v: string) => setQuery(v)} />
        </View>
        <Button type='primary' size='small' className='js-search-go' onClick={() => setSubmitted(query.trim())}>
          搜索
        </Button>
      </View>
      {grid.data ? <GridCard grid={grid.data} /> : null}
      {list.error ? <ErrorBlock message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && !list.data.items.length ? <Empty text='没有找到相关人员' /> : null}
      {list.data?.items.length ? (
        <Card>
          {list.data.items.map((p) => (
            <PersonRow key={p.userId} person={p} editable={hasRole('branch')} grid={grid.data} onGridChanged={() => void grid.reload()} />
          ))}
        </Card>
      ) : null}
    </PageShell>
  )
}
