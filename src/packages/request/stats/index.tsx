// 三率统计 (党支部、业委会、社区/街道): response, resolution and satisfaction rates of 接诉即办,
// overall or by building, category or month, for one month or all time.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Card } from '../../../components/Card'
import { Empty, RemoteView } from '../../../components/StateView'
import { requestApi } from '../../../services/request'
import { useResource } from '../../../hooks/useResource'
import { RequestPage, Tiles, percent, useRefreshOnShow } from '../components'
import { recentMonths } from '@core/time'
import { RateTiles, hours } from './Parts'

type GroupBy = 'none' | 'building' | 'category' | 'month'

const GROUPS: ReadonlyArray<{ value: GroupBy; label: string }> = [
  { value: 'none', label: '总体' },
  { value: 'building', label: '按楼栋' },
  { value: 'category', label: '按类别' },
  { value: 'month', label: '按月份' },
]

function StatsView() {
  const months = recentMonths(new Date())
  const [month, setMonth] = useState<string>(months[0])
  const [groupBy, setGroupBy] = useState<GroupBy>('none')
  const stats = useResource(() => requestApi.stats(month === 'all' ? { groupBy } : { month, groupBy }), [month, groupBy])
  useRefreshOnShow(stats.reload)
  const monthLabel = (m: string) => (m === 'all' ? '全部' : `${Number(m.slice(5))}月`)
  return (
    <>
      <Tiles
        layout='chips'
        className='js-months'
        options={[...months, 'all'].map((m) => ({ value: m, label: m === months[0] ? '本月' : monthLabel(m), className: `js-month-${m}` }))}
        value={month}
        onChange={setMonth}
      />
      <Tiles
        layout='chips'
        className='js-groups'
        options={GROUPS.map((g) => ({ value: g.value, label: g.label, className: `js-group-${g.value}` }))}
        value={groupBy}
        onChange={setGroupBy}
      />
      {stats.loading && stats.data ? <Text className='ll-block ll-muted'>正在更新…</Text> : null}
      <RemoteView loading={stats.loading} error={stats.error} data={stats.data} onRetry={() => void stats.reload()}>
        {(d) => (
          <>
            <Card title={`${month === 'all' ? '全部时间' : `${month.slice(0, 4)}年${monthLabel(month)}`} · 共 ${d.overall.total} 件`} className='js-overall'>
              <RateTiles rates={d.overall} />
              <View className='ll-gap' />
              <Text className='ll-block ll-text-2'>平均响应时长：{hours(d.overall.avgResponseHours)}</Text>
              <Text className='ll-block ll-text-2'>平均办结时长：{hours(d.overall.avgResolveHours)}</Text>
              <Text className='ll-block ll-muted js-rate-basis'>
                响应率：已响应、已办结、已上报或已过响应期限的诉求中，在期限内首次响应的比例；解决率：同样只计到期的诉求中已解决的比例——刚提交、尚未到期的诉求不计入。满意率：按已评价的
                {d.overall.rated} 件计算，未评价的不计为满意。撤回的不计入。
              </Text>
            </Card>
            <Card title='正在办理' className='js-open-by-age'>
              <View className='rq-rates'>
                <View className='rq-rate js-open-within'>
                  <Text className='rq-rate__value'>{d.openByAge.withinDeadline}</Text>
                  <Text className='rq-rate__label'>期限内</Text>
                </View>
                <View className='rq-rate js-open-overdue'>
                  <Text className='rq-rate__value'>{d.openByAge.overdue}</Text>
                  <Text className='rq-rate__label'>已超时</Text>
                </View>
                <View className='rq-rate js-open-escalated'>
                  <Text className='rq-rate__value'>{d.openByAge.escalated}</Text>
                  <Text className='rq-rate__label'>已上报</Text>
                </View>
              </View>
            </Card>
            {groupBy !== 'none' ? (
              <Card title={GROUPS.find((g) => g.value === groupBy)?.label ?? ''} className='js-groups-table'>
                {d.groups.length ? (
                  <View className='rq-table'>
                    <View className='rq-table__row rq-table__row--head'>
                      <Text className='rq-table__cell rq-table__cell--key'>分组</Text>
                      <Text className='rq-table__cell'>件数</Text>
                      <Text className='rq-table__cell'>响应率</Text>
                      <Text className='rq-table__cell'>解决率</Text>
                      <Text className='rq-table__cell'>满意率</Text>
                    </View>
                    {d.groups.map((g) => (
                      <View key={g.key} className='rq-table__row js-group-row'>
                        <Text className='rq-table__cell rq-table__cell--key'>{g.label}</Text>
                        <Text className='rq-table__cell'>{g.rates.total}</Text>
                        <Text className='rq-table__cell'>{percent(g.rates.responseRate)}</Text>
                        <Text className='rq-table__cell'>{percent(g.rates.resolutionRate)}</Text>
                        <Text className='rq-table__cell'>{percent(g.rates.satisfactionRate)}</Text>
                      </View>
                    ))}
                  </View>
                ) : (
                  <Empty text='这段时间没有反映' />
                )}
              </Card>
            ) : null}
          </>
        )}
      </RemoteView>
    </>
  )
}

export default function StatsPage() {
  return (
    <RequestPage
      title='三率统计'
      subtitle='响应率 · 解决率 · 满意率'
      allow={(s) => s.hasRole('branch', 'committee', 'officer')}
      denied={<Empty text='三率统计供党支部、业委会和社区/街道查看' />}
    >
      <StatsView />
    </RequestPage>
  )
}
