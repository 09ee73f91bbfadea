// 辖区小区 (社区/街道): the compounds in the officer's scope side by side — this month's three rates,
// overdue and escalated requests, votes open — each opening that compound's 数据看板.
import { Text } from '@tarojs/components'
import { CONSOLE_ROLES } from '@core/admin/rules'
import { Card } from '../../../components/Card'
import { Empty, RemoteView } from '../../../components/StateView'
import { adminApi } from '../../../services/admin'
import { adminUrl, go } from '../../../routes'
import { useResource } from '../../../hooks/useResource'
import { AdminPage, DataTable, percent, useRefreshOnShow } from '../components'

function Compounds() {
  const list = useResource(() => adminApi.compounds({}))
  useRefreshOnShow(list.reload, list.loading)
  return (
    <RemoteView loading={list.loading} error={list.error} data={list.data} onRetry={() => void list.reload()} isEmpty={(d) => !d.items.length} emptyText='您的辖区还没有小区'>
      {(d) => (
        <Card title={`本月 · ${d.items.length} 个小区`} className='js-compounds'>
          <Text className='ll-block ll-muted'>点一个小区，查看它的数据看板。</Text>
          <DataTable
            caption='辖区小区'
            columns={[
              { title: '小区', key: true, cell: (c) => c.name },
              { title: '件数', cell: (c) => c.total },
              { title: '响应率', cell: (c) => percent(c.rates.response) },
              { title: '解决率', cell: (c) => percent(c.rates.resolution) },
              { title: '满意率', cell: (c) => percent(c.rates.satisfaction) },
              { title: '超期', cell: (c) => <Text className={c.overdue ? 'adm-overdue' : ''}>{c.overdue}</Text> },
              { title: '已上报', cell: (c) => c.escalated },
              { title: '表决中', cell: (c) => c.votesOpen },
            ]}
            rows={d.items}
            rowKey={(c) => c.compoundId}
            rowClass={(c) => `js-compound js-compound-${c.compoundId}`}
            onRow={(c) => go(adminUrl('adminDashboard', c.compoundId))}
            wide
          />
        </Card>
      )}
    </RemoteView>
  )
}

export default function CompoundsPage() {
  return (
    <AdminPage
      title='辖区小区'
      subtitle='各小区三率、超期与表决进度'
      allow={(s) => s.hasRole(...CONSOLE_ROLES)}
      denied={<Empty text='辖区小区供社区/街道和小区工作人员查看' />}
    >
      <Compounds />
    </AdminPage>
  )
}
