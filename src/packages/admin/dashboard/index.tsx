// 数据看板 (党支部、业委会、物业 for its categories, 社区/街道 for the compounds in scope): the three rates
// of a month with their trend, by building and category; open requests by age with the overdue ones
// first; volunteer hours by team; event attendance; vote participation; notice reach. Every figure
// comes from admin.overview; every chart has its numbers in a table beside it.
import { Text } from '@tarojs/components'
import { CONSOLE_ROLES } from '@core/admin/rules'
import { Card } from '../../../components/Card'
import { Empty, RemoteView } from '../../../components/StateView'
import { AdminPage, Chips, Figures, percent, useParam } from '../components'
import { monthLabel } from '@core/time'
import { OpenRequests } from './OpenRequests'
import { Attendance, NoticeReach, Volunteering, Votes } from './Participation'
import { RatesBy, Trend } from './RatesChart'
import { TrendBy } from './TrendBy'
import { useDashboard } from './useDashboard'

function Dashboard({ compoundId }: { compoundId: string }) {
  const { months, month, setMonth, buildingId, setBuildingId, buildings, overview } = useDashboard(compoundId)
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
            <TrendBy title='各楼栋三率趋势' keyTitle='楼栋' rows={d.trendByBuilding} className='js-trend-by-building' />
            <TrendBy title='各类别三率趋势' keyTitle='类别' rows={d.trendByCategory} className='js-trend-by-category' />
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
