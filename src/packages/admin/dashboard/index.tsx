// 数据看板 (党支部、业委会、物业 for its categories, 社区/街道 for the compounds in scope): the three rates
// of a month with their trend, by building and category; open requests by age with the overdue ones
// first; volunteer hours by team; event attendance; vote participation; notice reach. Every figure
// comes from admin.overview; every chart has its numbers in a table beside it.
import { useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { CONSOLE_ROLES } from '@core/admin/rules'
import { monthOf } from '@core/time'
import { Card } from '../../../components/Card'
import { Empty, RemoteView } from '../../../components/StateView'
import { adminApi, type Overview } from '../../../services/admin'
import { userApi } from '../../../services/user'
import { go, requestDetailUrl } from '../../../routes'
import { useSession } from '../../../store/session'
import { useResource } from '../../../hooks/useResource'
import { dateTime } from '../../../utils/format'
import { Chart } from '../Chart'
import { countsOption, ratesOption } from '../charts'
import { AdminPage, Chips, DataTable, Figures, hoursOf, percent, useParam, useRefreshOnShow, type Column } from '../components'

type RateRow = Overview['byBuilding'][number]
type TrendRow = Overview['trend'][number]

/** This month and the five before it (China time), newest first: ['2026-12', '2026-11', …]. */
export function recentMonths(now: Date, count = 6): string[] {
  const [y, m] = monthOf(now).split('-').map(Number)
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    const idx = y * 12 + (m - 1) - i
    out.push(`${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`)
  }
  return out
}

const monthLabel = (m: string) => `${Number(m.slice(0, 4))}年${Number(m.slice(5))}月`

const RATE_COLUMNS: ReadonlyArray<Column<RateRow>> = [
  { title: '件数', cell: (r) => r.total },
  { title: '响应率', cell: (r) => percent(r.response) },
  { title: '解决率', cell: (r) => percent(r.resolution) },
  { title: '满意率', cell: (r) => percent(r.satisfaction) },
]

/** A chart and, under it, the table of its numbers. */
function Split({ chart, table }: { chart: ReactNode; table: ReactNode }) {
  return (
    <View className='adm-split'>
      <View className='adm-split__chart'>{chart}</View>
      <View className='adm-split__table'>{table}</View>
    </View>
  )
}

function RatesBy({ title, rows, keyTitle, className }: { title: string; rows: RateRow[]; keyTitle: string; className: string }) {
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

function Trend({ rows }: { rows: TrendRow[] }) {
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

function OpenRequests({ d }: { d: Overview }) {
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

function Volunteering({ d }: { d: Overview }) {
  const v = d.volunteerHours
  const top = Math.max(1, ...v.byTeam.map((t) => t.minutes))
  return (
    <Card title={`志愿服务时长 · 共 ${v.hours} 小时`} className='js-volunteer-hours'>
      {v.byTeam.length ? (
        <DataTable
          caption='志愿服务时长（按队伍）'
          columns={[
            { title: '队伍/组织方', key: true, cell: (t) => t.name },
            { title: '时长', cell: (t) => hoursOf(t.minutes) },
          ]}
          rows={v.byTeam}
          rowKey={(t) => t.name}
          rowClass={() => 'js-row'}
          bar={(t) => t.minutes / top}
        />
      ) : (
        <Empty text='这个月还没有核实的志愿服务时长' />
      )}
    </Card>
  )
}

function Attendance({ d }: { d: Overview }) {
  const a = d.attendance
  return (
    <Card title='活动出勤' className='js-attendance'>
      <Figures
        items={[
          { label: '活动', value: String(a.events), className: 'js-events' },
          { label: '报名', value: String(a.registered), className: 'js-registered' },
          { label: '签到', value: String(a.checkedIn), className: 'js-checked-in' },
          { label: '签到率', value: percent(a.rate), className: 'js-attendance-rate' },
        ]}
      />
    </Card>
  )
}

function Votes({ d }: { d: Overview }) {
  return (
    <Card title='表决参与' className='js-votes'>
      {d.voteParticipation.length ? (
        d.voteParticipation.map((v) => (
          <View key={v.conventionId} className={`adm-item js-vote-${v.conventionId}`}>
            <View className='adm-item__head'>
              <Text className='adm-item__title'>{v.title}</Text>
              <Text className='ll-text-2'>
                已投 {v.votedHeads} / {v.electorateHeads} 户 · {percent(v.rate)}
              </Text>
            </View>
            <DataTable
              caption={`${v.title} 各楼栋参与`}
              columns={[
                { title: '楼栋', key: true, cell: (b) => b.buildingName },
                { title: '已投', cell: (b) => b.voted },
                { title: '户数', cell: (b) => b.units },
                { title: '比例', cell: (b) => percent(b.units ? b.voted / b.units : null) },
              ]}
              rows={v.byBuilding}
              rowKey={(b) => b.buildingName}
              rowClass={() => 'js-row'}
              bar={(b) => (b.units ? b.voted / b.units : null)}
            />
          </View>
        ))
      ) : (
        <Empty text='目前没有进行中或已计票的表决' />
      )}
    </Card>
  )
}

function NoticeReach({ d }: { d: Overview }) {
  return (
    <Card title='通知触达（已读住户）' className='js-notice-reach'>
      {d.noticeReach.length ? (
        <DataTable
          caption='通知触达'
          columns={[
            { title: '通知', key: true, cell: (n) => n.title },
            { title: '已读户', cell: (n) => n.readHouseholds },
            { title: '总户数', cell: (n) => n.totalHouseholds },
            { title: '触达率', cell: (n) => percent(n.reach) },
          ]}
          rows={d.noticeReach}
          rowKey={(n) => n.noticeId}
          rowClass={() => 'js-row'}
          bar={(n) => n.reach}
        />
      ) : (
        <Empty text='还没有发布的通知' />
      )}
    </Card>
  )
}

function Dashboard({ compoundId }: { compoundId: string }) {
  const months = recentMonths(new Date())
  const [month, setMonth] = useState(months[0])
  const [buildingId, setBuildingId] = useState('all')
  const overview = useResource(
    () => adminApi.overview({ ...(compoundId ? { compoundId } : {}), month, ...(buildingId !== 'all' ? { buildingId } : {}) }),
    [compoundId, month, buildingId],
  )
  // the buildings of the compound shown (an officer without ?compoundId= gets the first in scope)
  const shown = compoundId || overview.data?.compoundId || ''
  const directory = useResource(() => userApi.directory(shown ? { compoundId: shown } : {}), [shown])
  useRefreshOnShow(overview.reload, overview.loading)
  const buildings = directory.data?.buildings ?? []
  return (
    <>
      <Text className='adm-label'>月份</Text>
      <Chips
        label='月份'
        className='js-months'
        options={months.map((m, i) => ({ value: m, label: i === 0 ? '本月' : `${Number(m.slice(5))}月`, className: `js-month-${m}` }))}
        value={month}
        onChange={setMonth}
      />
      {buildings.length > 1 ? (
        <>
          <Text className='adm-label'>楼栋</Text>
          <Chips
            label='楼栋'
            className='js-building-filter'
            options={[{ value: 'all', label: '全部楼栋', className: 'js-building-all' }, ...buildings.map((b) => ({ value: b.buildingId, label: b.name, className: `js-building-${b.buildingId}` }))]}
            value={buildingId}
            onChange={setBuildingId}
          />
        </>
      ) : null}
      {overview.loading && overview.data ? <Text className='ll-block ll-muted'>正在更新…</Text> : null}
      <RemoteView loading={overview.loading} error={overview.error} data={overview.data} onRetry={() => void overview.reload()}>
        {(d) => (
          <>
            <Card title={`${d.compoundName} · ${monthLabel(d.month)} · 共 ${d.counts.total} 件`} className='js-overall'>
              <Figures
                className='js-rates'
                items={[
                  { label: '响应率', value: percent(d.rates.response), className: 'js-rate-response' },
                  { label: '解决率', value: percent(d.rates.resolution), className: 'js-rate-resolution' },
                  { label: '满意率', value: percent(d.rates.satisfaction), className: 'js-rate-satisfaction' },
                ]}
              />
              <Text className='ll-block ll-muted'>
                满意率按已评价的 {d.counts.rated} 件计算；还没有可计算的数据时显示「暂无」。{d.propertyOnly ? '物业只看到由物业办理的类别。' : ''}
              </Text>
            </Card>
            <Trend rows={d.trend} />
            <RatesBy title='各楼栋三率' keyTitle='楼栋' rows={d.byBuilding} className='js-by-building' />
            <RatesBy title='各类别三率' keyTitle='类别' rows={d.byCategory} className='js-by-category' />
            <OpenRequests d={d} />
            <Volunteering d={d} />
            <Attendance d={d} />
            <Votes d={d} />
            <NoticeReach d={d} />
          </>
        )}
      </RemoteView>
    </>
  )
}

export default function DashboardPage() {
  const compoundId = useParam('compoundId')
  return (
    <AdminPage
      title='数据看板'
      subtitle='三率 · 超期反映 · 志愿时长 · 活动 · 表决 · 通知触达'
      allow={(s) => s.hasRole(...CONSOLE_ROLES)}
      denied={<Empty text='数据看板供党支部、业委会、物业和社区/街道查看' />}
    >
      <Dashboard compoundId={compoundId} />
    </AdminPage>
  )
}
