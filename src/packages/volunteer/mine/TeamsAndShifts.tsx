// My teams and the shifts I booked.
import { Text, View } from '@tarojs/components'
import { Card } from '../../../components/Card'
import { RemoteView } from '../../../components/StateView'
import { tappable } from '../../../components/Tappable'
import { go, teamUrl } from '../../../routes'
import { volunteerApi } from '../../../services/volunteer'
import { useResource } from '../../../hooks/useResource'
import { MembershipTag, ShiftRow } from '../components'

export function TeamsAndShifts() {
  const teams = useResource(() => volunteerApi.listTeams({ mine: true }), [], { refreshOnShow: true })
  const shifts = useResource(() => volunteerApi.shifts({ mine: true }), [], { refreshOnShow: true })
  return (
    <>
      <Card title='我的队伍' className='js-my-teams'>
        <RemoteView {...teams} onRetry={() => void teams.reload()} isEmpty={(d) => !d.items.length} emptyText='还没有加入志愿服务队'>
          {(d) =>
            d.items.map((t) => (
              <View key={t.teamId} className={`vo-row js-my-team-${t.teamId}`} {...tappable(() => go(teamUrl(t.teamId)), { role: 'link' })}>
                <View className='ll-row'>
                  <Text className='vo-team__name'>{t.name}</Text>
                  <MembershipTag status={t.mine} />
                </View>
              </View>
            ))
          }
        </RemoteView>
      </Card>
      <Card title='我预约的班次' className='js-my-shifts'>
        <RemoteView {...shifts} onRetry={() => void shifts.reload()} isEmpty={(d) => !d.items.length} emptyText='还没有预约班次'>
          {(d) => d.items.map((s) => <ShiftRow key={s.shiftId} shift={s} busy={false} showTeam />)}
        </RemoteView>
      </Card>
    </>
  )
}
