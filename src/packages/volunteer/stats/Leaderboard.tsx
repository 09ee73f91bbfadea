// The monthly leaderboard, for the whole compound or one team (only those who opted in are named).
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Card } from '../../../components/Card'
import { Empty, RemoteView } from '../../../components/StateView'
import { useResource } from '../../../hooks/useResource'
import { volunteerApi } from '../../../services/volunteer'
import { Choices } from '../components'

const ALL = 'all'

export function Leaderboard() {
  const teams = useResource(() => volunteerApi.listTeams({ limit: 50 }), [])
  const [teamId, setTeamId] = useState<string>(ALL)
  const board = useResource(() => volunteerApi.leaderboard(teamId === ALL ? {} : { teamId }), [teamId])
  const options = [{ value: ALL, label: '全部' }, ...(teams.data?.items ?? []).map((t) => ({ value: t.teamId, label: t.name }))]
  const teamName = options.find((o) => o.value === teamId)?.label ?? '全部'
  return (
    <>
      {options.length > 1 ? <Choices label='排行范围' className='js-board-team' options={options} value={teamId} onChange={setTeamId} /> : null}
      <RemoteView {...board} onRetry={() => void board.reload()}>
        {(d) => (
          <Card title={`${d.month} 服务时长排行 · ${teamId === ALL ? '全部队伍' : teamName}`} className='js-leaderboard'>
            {d.items.length ? null : <Empty text='本月还没有已核实的服务时长' />}
            {d.items.map((x) => (
              <View key={x.rank} className={`vo-row js-rank-${x.rank}`}>
                <Text>
                  第 {x.rank} 名 · {x.name}
                  {x.me ? '（我）' : ''} · {x.hours} 小时
                </Text>
              </View>
            ))}
            {d.unnamed ? <Text className='ll-block ll-muted js-unnamed'>另有 {d.unnamed} 位志愿者未公开姓名</Text> : null}
          </Card>
        )}
      </RemoteView>
    </>
  )
}
