// 阅读统计 (publishers, building leaders and grid workers): how many people and households read a
// notice, per building, and which households have not read it yet — by building and unit, so a
// 楼栋长 can knock on doors.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Card } from '../../../components/Card'
import { SessionPage, useRefreshOnShow } from '../../../components/SessionPage'
import { Empty, RemoteView } from '../../../components/StateView'
import { NOTICE_STATS_ROLES, noticeApi } from '../../../services/notice'
import { useResource } from '../../../hooks/useResource'
import { Chips, useNoticeId, type Chip } from '../components'
import { Bar, ByBuilding, Unread, ratio } from './Parts'

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
