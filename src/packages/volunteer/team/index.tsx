// 队伍详情: what the team does, its leaders and contact; apply with skills and availability (or why
// not), leave; the coming shifts to book or cancel, and checking in and out with the leader's code.
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { SessionPage } from '../../../components/SessionPage'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { go, teamUrl } from '../../../routes'
import { CodeCheck, ShiftRow, useParam } from '../components'
import { JoinForm } from './JoinForm'
import { TeamCard } from './TeamCard'
import { useTeam } from './useTeam'

function Team({ teamId }: { teamId: string }) {
  const { team, busy, reload, book, check, leave } = useTeam(teamId)
  if (team.error && !team.data) return <ErrorBlock message={team.error} onRetry={reload} />
  if (!team.data) return <Loading />
  const t = team.data
  const open = t.mine === 'pending' || t.mine === 'active'
  return (
    <View className='js-team-detail'>
      <TeamCard t={t} />

      {t.leading ? (
        <Button type='primary' block size='large' className='js-manage' onClick={() => go(teamUrl(teamId, 'volunteerManage'))}>
          {t.pendingCount ? `队伍管理（${t.pendingCount} 份申请待审核）` : '队伍管理'}
        </Button>
      ) : null}

      {t.joinable === null ? <JoinForm team={t} onDone={reload} /> : <Text className='ll-block vo-why js-joinable'>{t.joinable}</Text>}

      <Card title='近期班次' className='js-shifts'>
        {t.shifts.length ? (
          t.shifts.map((s) => (
            <ShiftRow key={s.shiftId} shift={s} busy={busy === s.shiftId} onBook={() => void book(s.shiftId, false)} onCancel={() => void book(s.shiftId, true)}>
              {s.mine?.status === 'booked' && !s.mine.checkedOutAt ? <CodeCheck onCheck={(kind, code) => check(s.shiftId, kind, code)} /> : null}
            </ShiftRow>
          ))
        ) : (
          <Empty text='近期没有排班' />
        )}
      </Card>

      {open ? (
        <Button block fill='outline' size='large' className='js-leave' onClick={() => void leave(t.name)}>
          {t.mine === 'pending' ? '撤回申请' : '退出队伍'}
        </Button>
      ) : null}
    </View>
  )
}

export default function VolunteerTeamPage() {
  const teamId = useParam()
  return <SessionPage title='志愿服务队'>{teamId ? <Team teamId={teamId} /> : <Empty text='没有找到这支队伍' />}</SessionPage>
}
