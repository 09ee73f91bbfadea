// Each building's (or category's) trend: one of the three rates, chosen with chips, month by month —
// a line per building and the same numbers in the table beside it.
import { useState } from 'react'
import { Card } from '../../../components/Card'
import { Empty } from '../../../components/StateView'
import type { Overview } from '../../../services/admin'
import { useSession } from '../../../store/session'
import { Chart } from '../Chart'
import { trendsOption } from '../charts'
import { Chips, DataTable, percent, type Column } from '../components'
import { Split } from './RatesChart'

type TrendRow = Overview['trendByBuilding'][number]
type Rate = 'response' | 'resolution' | 'satisfaction'

const RATES: ReadonlyArray<{ value: Rate; label: string; className: string }> = [
  { value: 'response', label: '响应率', className: 'js-trend-rate-response' },
  { value: 'resolution', label: '解决率', className: 'js-trend-rate-resolution' },
  { value: 'satisfaction', label: '满意率', className: 'js-trend-rate-satisfaction' },
]

export function TrendBy({ title, keyTitle, rows, className }: { title: string; keyTitle: string; rows: TrendRow[]; className: string }) {
  const big = useSession().elderMode
  const [rate, setRate] = useState<Rate>('resolution')
  const months = [...new Set(rows.flatMap((r) => r.months.map((m) => m.month)))].sort()
  const valueOf = (r: TrendRow, month: string) => r.months.find((m) => m.month === month)?.[rate] ?? null
  const rateLabel = RATES.find((r) => r.value === rate)!.label
  const columns: ReadonlyArray<Column<TrendRow>> = [
    { title: keyTitle, key: true, cell: (r) => r.label },
    ...months.map((m) => ({ title: `${Number(m.slice(5))}月`, cell: (r: TrendRow) => percent(valueOf(r, m)) })),
  ]
  return (
    <Card title={title} className={className}>
      {rows.length ? (
        <>
          <Chips label='比率' options={RATES} value={rate} onChange={setRate} />
          <Split
            chart={<Chart label={`${title}（${rateLabel}）`} option={trendsOption(months.map((m) => `${Number(m.slice(5))}月`), rows.map((r) => ({ name: r.label, data: months.map((m) => valueOf(r, m)) })), big)} />}
            table={<DataTable caption={`${title}（${rateLabel}）`} columns={columns} rows={rows} rowKey={(r) => r.key} rowClass={(r) => `js-row js-trend-row-${r.key}`} />}
          />
        </>
      ) : (
        <Empty text='近 6 个月没有反映' />
      )}
    </Card>
  )
}
