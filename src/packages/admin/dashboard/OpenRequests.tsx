// Open requests by how long they have waited, and the overdue ones, longest overdue first.
import { Text } from '@tarojs/components'
import { Card } from '../../../components/Card'
import type { Overview } from '../../../services/admin'
import { go, requestDetailUrl } from '../../../routes'
import { useSession } from '../../../store/session'
import { dateTime } from '../../../utils/format'
import { Chart } from '../Chart'
import { countsOption } from '../charts'
import { DataTable } from '../components'
import { Split } from './RatesChart'

export function OpenRequests({ d }: { d: Overview }) {
  const big = useSession().elderMode
  const age = d.openByAge
  return (
    <Card title='正在办理的反映（按已等待时长）' className='js-open-by-age'>
      <Split
        chart={<Chart label='正在办理' option={countsOption(age.map((a) => a.label), [{ name: '办理中', data: age.map((a) => a.count) }, { name: '已超期', data: age.map((a) => a.overdue) }], ' 件', big)} />}
        table={
          <DataTable
            caption='正在办理的反映'
            columns={[
              { title: '已等待', key: true, cell: (a) => a.label },
              { title: '件数', cell: (a) => a.count },
              { title: '已超期', cell: (a) => <Text className={a.overdue ? 'adm-overdue' : ''}>{a.overdue}</Text> },
            ]}
            rows={age}
            rowKey={(a) => a.bucket}
            rowClass={(a) => `js-row js-age-${a.bucket}`}
          />
        }
      />
      <Text className='adm-label'>超期未办结（超期最久的在前，点开看详情）</Text>
      {d.overdue.length ? (
        <DataTable
          caption='超期未办结'
          columns={[
            { title: '反映', key: true, cell: (r) => `${r.category} · ${r.excerpt}` },
            { title: '位置', cell: (r) => r.place },
            { title: '期限', cell: (r) => dateTime(r.dueAt) },
          ]}
          rows={d.overdue}
          rowKey={(r) => r.requestId}
          rowClass={(r) => `js-overdue js-overdue-${r.requestId}`}
          onRow={(r) => go(requestDetailUrl(r.requestId))}
        />
      ) : (
        <Text className='ll-block ll-muted js-no-overdue'>没有超期的反映</Text>
      )}
    </Card>
  )
}
