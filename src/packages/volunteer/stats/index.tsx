// 志愿服务统计 (committee, branch, officer): set up teams, every team with its hours by month, the
// monthly leaderboard, overall or by team (only those who opted in are named) and the 楼栋长 ratings (averages only).
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { can } from '@core/contract'
import { formatHours } from '@core/volunteer/rules'
import { Card } from '../../../components/Card'
import { SessionPage } from '../../../components/SessionPage'
import { Empty, RemoteView } from '../../../components/StateView'
import { tappable } from '../../../components/Tappable'
import { go, teamUrl } from '../../../routes'
import { volunteerApi } from '../../../services/volunteer'
import { volunteerContract } from '@core/volunteer/contract'
import { useSession } from '../../../store/session'
import { useResource } from '../../../hooks/useResource'
import { Bars, Stars, Tabs } from '../components'
import { Leaderboard } from './Leaderboard'
import { NewTeam } from './newTeam'

type Tab = 'teams' | 'hours' | 'board' | 'ratings'

function TeamHours({ reloadKey }: { reloadKey: number }) {
  const stats = useResource(() => volunteerApi.teamStats({}), [reloadKey])
  return (
    <RemoteView {...stats} onRetry={() => void stats.reload()} isEmpty={(d) => !d.teams.length} emptyText='还没有志愿服务队'>
      {(d) => (
        <>
          <Card title={`各队服务时长（${d.months[0]} 至 ${d.months[d.months.length - 1]}）`} className='js-team-hours'>
            <Bars rows={d.teams.map((t) => ({ key: t.teamId, label: t.name, value: t.minutesByMonth.reduce((a, b) => a + b, 0), text: `${formatHours(t.minutesByMonth.reduce((a, b) => a + b, 0))} 小时` }))} />
          </Card>
          <Card title='按月' className='js-month-hours'>
            <Bars rows={d.months.map((m, i) => ({ key: m, label: m, value: d.teams.reduce((a, t) => a + t.minutesByMonth[i], 0), text: `${formatHours(d.teams.reduce((a, t) => a + t.minutesByMonth[i], 0))} 小时` }))} />
          </Card>
        </>
      )}
    </RemoteView>
  )
}

function AllTeams({ reloadKey }: { reloadKey: number }) {
  const teams = useResource(() => volunteerApi.listTeams({ limit: 50 }), [reloadKey])
  return (
    <RemoteView {...teams} onRetry={() => void teams.reload()} isEmpty={(d) => !d.items.length} emptyText='还没有志愿服务队'>
      {(d) => (
        <Card title='全部队伍' className='js-all-teams'>
          {d.items.map((t) => (
            <View key={t.teamId} className={`vo-row js-stat-team-${t.teamId}`} {...tappable(() => go(teamUrl(t.teamId, 'volunteerManage')), { role: 'link' })}>
              <Text className='vo-team__name'>{t.name}</Text>
              <Text className='ll-block ll-muted'>
                队员 {t.memberCount}
                {t.capacity > 0 ? `/${t.capacity}` : ''} 人 · 管理 ›
              </Text>
            </View>
          ))}
        </Card>
      )}
    </RemoteView>
  )
}

function Ratings() {
  const ratings = useResource(() => volunteerApi.leaderRatings({}), [])
  return (
    <RemoteView {...ratings} onRetry={() => void ratings.reload()}>
      {(d) => (
        <Card title={`${d.month} 楼栋长评分`} className='js-ratings'>
          {d.items.length ? null : <Empty text='本月还没有居民评分' />}
          {d.items.map((x) => (
            <View key={x.leaderId} className={`vo-row js-rating-${x.leaderId}`}>
              <Text className='ll-block vo-team__name'>
                {x.leaderName}（{x.buildings.join('、')}）
              </Text>
              {x.average ? (
                <Text className='ll-block'>
                  <Stars n={x.stars} /> 平均 {x.average} 分 · {x.count} 人评
                </Text>
              ) : (
                <Text className='ll-block ll-muted'>{x.count} 人评，不足 3 人不显示平均分</Text>
              )}
            </View>
          ))}
          <Text className='ll-block ll-muted'>评分匿名，只显示平均分。</Text>
        </Card>
      )}
    </RemoteView>
  )
}

function Stats() {
  const { session } = useSession()
  const maker = can(session, volunteerContract.createTeam)
  const [tab, setTab] = useState<Tab>(maker ? 'teams' : 'hours')
  const [reloadKey, setReloadKey] = useState(0)
  const tabs = [
    ...(maker ? [{ value: 'teams' as const, label: '队伍' }] : []),
    ...(can(session, volunteerContract.teamStats) ? [{ value: 'hours' as const, label: '时长' }] : []),
    { value: 'board' as const, label: '排行' },
    ...(can(session, volunteerContract.leaderRatings) ? [{ value: 'ratings' as const, label: '楼栋长' }] : []),
  ]
  return (
    <>
      <Tabs label='统计内容' tabs={tabs} value={tab} onChange={setTab} />
      {tab === 'teams' ? (
        <>
          <AllTeams reloadKey={reloadKey} />
          <NewTeam onDone={() => setReloadKey((k) => k + 1)} />
        </>
      ) : null}
      {tab === 'hours' ? <TeamHours reloadKey={reloadKey} /> : null}
      {tab === 'board' ? <Leaderboard /> : null}
      {tab === 'ratings' ? <Ratings /> : null}
    </>
  )
}

export default function VolunteerStatsPage() {
  return (
    <SessionPage title='志愿服务统计' subtitle='各队时长、排行榜、五星楼栋长' allow={(s) => can(s.session, volunteerContract.teamStats) || can(s.session, volunteerContract.leaderRatings)} denied={<Empty text='只有业委会、党支部和社区工作人员可以查看' />}>
      <Stats />
    </SessionPage>
  )
}
