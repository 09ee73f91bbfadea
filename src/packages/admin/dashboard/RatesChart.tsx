// The three rates (响应率、解决率、满意率) as a chart with its table: by building or category, and by month.
import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { Card } from '../../../components/Card'
import { Empty } from '../../../components/StateView'
import type { Overview } from '../../../services/admin'
import { useSession } from '../../../store/session'
import { Chart } from '../Chart'
import { ratesOption } from '../charts'
import { DataTable, percent, type Column } from '../components'
import { monthLabel } from '@core/time'

type RateRow = Overview['byBuilding'][number]
type TrendRow = Overview['trend'][number]

const RATE_COLUMNS: ReadonlyArray<Column<RateRow>> = [
  { title: '件数', cell: (r) => r.total },
  { title: '响应率', cell: (r) => percent(r.response) },
  { title: '解决率', cell: (r) => percent(r.resolution) },
  { title: '满意率', cell: (r) => percent(r.satisfaction) },
]

/** A chart and, under it, the table of its numbers. */
export function Split({ chart, table }: { chart: ReactNode; table: ReactNode }) {
  return (
    <View className='adm-split'>
      <View className='adm-split__chart'>{chart}</View>
      <View className='adm-split__table'>{table}</View>
    </View>
  )
}

export function RatesBy({ title, rows, keyTitle, className }: { title: string; rows: RateRow[]; keyTitle: string; className: string }) {
  const big = useSession().elderMode
  return (
    <Card title={title} className={className}>
      {rows.length ? (
        <Split
          chart={<Chart label={title} option={ratesOption('bar', rows.map((r) => r.label), rows, big)} />}
          table={
            <DataTable
              caption={title}
              columns={[{ title: keyTitle, key: true, cell: (r: RateRow) => r.label }, ...RATE_COLUMNS]}
              rows={rows}
              rowKey={(r) => r.key}
              rowClass={(r) => `js-row js-row-${r.key}`}
            />
          }
        />
      ) : (
        <Empty text='这个月没有反映' />
      )}
    </Card>
  )
}

export function Trend({ rows }: { rows: TrendRow[] }) {
  const big = useSession().elderMode
  return (
    <Card title='三率趋势（近 6 个月）' className='js-trend'>
      {rows.length ? (
        <Split
          chart={<Chart label='三率趋势' option={ratesOption('line', rows.map((r) => `${Number(r.month.slice(5))}月`), rows, big)} />}
          table={
            <DataTable
              caption='三率趋势'
              columns={[{ title: '月份', key: true, cell: (r: TrendRow) => monthLabel(r.month) }, { title: '件数', cell: (r: TrendRow) => r.total }, ...RATE_COLUMNS.slice(1)] as ReadonlyArray<Column<TrendRow>>}
              rows={rows}
              rowKey={(r) => r.month}
              rowClass={(r) => `js-row js-trend-${r.month}`}
            />
          }
        />
      ) : (
        <Empty text='还没有反映' />
      )}
    </Card>
  )
}
