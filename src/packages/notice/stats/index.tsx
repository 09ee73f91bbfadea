// 阅读统计 (publishers, building leaders and grid workers): how many people and households read a
// notice, per building, and which households have not read it yet — by building and unit, so a
// 楼栋长 can knock on doors.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Card } from '../../../components/Card'
import { SessionPage, useRefreshOnShow } from '../../../components/SessionPage'
import { Empty, RemoteView } from '../../../components/StateView'
import { NOTICE_STATS_ROLES, noticeApi, type ReadStats } from '../../../services/notice'
import { useResource } from '../../../hooks/useResource'
import { Chips, useNoticeId, type Chip } from '../components'
import { group, tappable } from '../../../components/Tappable'

type Building = ReadStats['byBuilding'][number]
type UnreadBuilding = ReadStats['unreadByBuilding'][number]

/** 37 of 120 → '30.8%'; nothing to count → '—'. */
function ratio(read: number, total: number): string {
  if (total <= 0) return '—'
  return `${Math.round((read / total) * 1000) / 10}%`
}

function Bar({ read, total }: { read: number; total: number }) {
  const width = total > 0 ? Math.min(100, Math.round((read / total) * 100)) : 0
  return (
    <View className='ntc-bar' {...group('progressbar', `已读 ${width}%`)} aria-valuenow={width} aria-valuemin={0} aria-valuemax={100}>
      <View className='ntc-bar__fill' style={{ width: `${width}%` }} />
    </View>
  )
}

function ByBuilding({ rows }: { rows: Building[] }) {
  return (
    <Card title='各楼栋阅读情况' className='js-by-building'>
      <View className='ntc-table'>
        <View className='ntc-table__row ntc-table__row--head'>
          <Text className='ntc-table__cell ntc-table__cell--key'>楼栋</Text>
          <Text className='ntc-table__cell ntc-table__cell--num'>已读户</Text>
          <Text className='ntc-table__cell ntc-table__cell--num'>总户数</Text>
          <Text className='ntc-table__cell ntc-table__cell--num'>比例</Text>
        </View>
        {rows.map((b) => (
          <View key={b.buildingId} className={`ntc-table__row js-by-building-${b.buildingId}`}>
            <Text className='ntc-table__cell ntc-table__cell--key'>{b.buildingName}</Text>
            <Text className='ntc-table__cell ntc-table__cell--num'>{b.read}</Text>
            <Text className='ntc-table__cell ntc-table__cell--num'>{b.total}</Text>
            <Text className='ntc-table__cell ntc-table__cell--num'>{ratio(b.read, b.total)}</Text>
          </View>
        ))}
      </View>
    </Card>
  )
}

function UnreadBuildingBlock({ b, open, onToggle }: { b: UnreadBuilding; open: boolean; onToggle: () => void }) {
  const count = b.units.reduce((n, u) => n + u.households.length, 0)
  return (
    <View className={`ntc-building js-unread-building-${b.buildingId} ${open ? 'is-open' : ''}`}>
      <View className='ntc-building__head js-unread-building-toggle' {...tappable(onToggle, { expanded: open })}>
        <Text className='ntc-building__name'>{b.buildingName}</Text>
        <Text className='ll-muted'>
          未读 {count} 户 {open ? '▾' : '▸'}
        </Text>
      </View>
      {open
        ? b.units.map((u) => (
            <View key={u.unit} className={`ntc-unit js-unread-unit js-unread-unit-${u.unit}`}>
              <Text className='ntc-unit__label'>
                {u.unit}单元 · {u.households.length} 户
              </Text>
              <View className='ntc-rooms'>
                {u.households.map((h) => (
                  <Text key={h.householdId} className='ntc-room js-unread-room'>
                    {h.room}
                  </Text>
                ))}
              </View>
            </View>
          ))
        : null}
    </View>
  )
}

function Unread({ buildings }: { buildings: UnreadBuilding[] }) {
  // one building (a 楼栋长's, or a filter) opens by itself; several start closed
  const [open, setOpen] = useState<Record<string, boolean>>({})
  const isOpen = (id: string) => open[id] ?? buildings.length === 1
  const total = buildings.reduce((n, b) => n + b.units.reduce((m, u) => m + u.households.length, 0), 0)
  return (
    <Card title='未读住户' className='js-unread-households'>
      {total ? (
        <>
          <Text className='ll-block ll-muted'>点楼栋展开，按单元列出还没有人读过的房号，方便上门告知。</Text>
          {buildings.map((b) => (
            <UnreadBuildingBlock key={b.buildingId} b={b} open={isOpen(b.buildingId)} onToggle={() => setOpen({ ...open, [b.buildingId]: !isOpen(b.buildingId) })} />
          ))}
        </>
      ) : (
        <Empty text='所有住户都已阅读' />
      )}
    </Card>
  )
}

function StatsView({ noticeId }: { noticeId: string }) {
  const [buildingId, setBuildingId] = useState<string>('all')
  // the building tiles come from the unfiltered answer, so they stay while a filter is on
  const [buildings, setBuildings] = useState<Array<{ buildingId: string; buildingName: string }>>([])
  const stats = useResource(async () => {
    const res = await noticeApi.readStats(buildingId === 'all' ? { noticeId } : { noticeId, buildingId })
    if (res.ok && buildingId === 'all') setBuildings(res.data.byBuilding.map((b) => ({ buildingId: b.buildingId, buildingName: b.buildingName })))
    return res
  }, [noticeId, buildingId])
  useRefreshOnShow(stats.reload)
  const chips: Array<Chip<string>> = [
    { value: 'all', label: '全部楼栋', className: 'js-building-all' },
    ...buildings.map((b) => ({ value: b.buildingId, label: b.buildingName, className: `js-building-${b.buildingId}` })),
  ]
  return (
    <>
      {buildings.length > 1 ? <Chips options={chips} value={buildingId} onChange={setBuildingId} className='js-building-filter' /> : null}
      {stats.loading && stats.data ? <Text className='ll-block ll-muted'>正在更新…</Text> : null}
      <RemoteView loading={stats.loading} error={stats.error} data={stats.data} onRetry={() => void stats.reload()}>
        {(d) => (
          <>
            <Card title='阅读情况' className='js-stats-summary'>
              <View className='ntc-summary js-stats-households'>
                <View>
                  <Text className='ntc-big js-households-ratio'>{ratio(d.readHouseholds, d.totalHouseholds)}</Text>
                  <Text className='ll-text-2 js-households-count'>
                    已读住户 {d.readHouseholds} / {d.totalHouseholds} 户
                  </Text>
                </View>
                <Text className='ll-text-2 js-read-users'>已读 {d.readUsers} 人</Text>
              </View>
              <Bar read={d.readHouseholds} total={d.totalHouseholds} />
              <Text className='ll-block ll-muted'>同一户有一人读过即算已读。</Text>
            </Card>
            {d.byBuilding.length ? <ByBuilding rows={d.byBuilding} /> : null}
            <Unread key={buildingId} buildings={d.unreadByBuilding} />
          </>
        )}
      </RemoteView>
    </>
  )
}

export default function NoticeStatsPage() {
  const noticeId = useNoticeId()
  return (
    <SessionPage
      title='阅读统计'
      subtitle='已读人数、已读住户和未读房号'
      allow={(s) => s.hasRole(...NOTICE_STATS_ROLES)}
      denied={<Empty text='阅读统计供通知发布者和楼栋长、网格员查看' />}
    >
      {noticeId ? <StatsView noticeId={noticeId} /> : <Empty text='没有找到这条通知' />}
    </SessionPage>
  )
}
