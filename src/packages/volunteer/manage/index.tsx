// 队伍管理 (the team's leaders, view field `leading`): applications to approve or decline, members,
// the rota with rosters and check-in codes, records to verify, logging service for a member, and the team's settings.
import { useState } from 'react'
import { Text } from '@tarojs/components'
import { SessionPage } from '../../../components/SessionPage'
import { Empty, RemoteView } from '../../../components/StateView'
import { volunteerApi, type TeamView } from '../../../services/volunteer'
import { useResource } from '../../../hooks/useResource'
import { ReasonDialog, Tabs, useParam } from '../components'
import { LogForm } from './LogForm'
import { MemberList } from './MemberList'
import { PendingRecords } from './PendingRecords'
import { Rota } from './rota'
import { TeamSettings } from './TeamSettings'
import { ASKS, useLeading } from './useLeading'

type Tab = 'applications' | 'members' | 'rota' | 'records' | 'log' | 'settings'

function Manage({ teamId }: { teamId: string }) {
  const team = useResource(() => volunteerApi.getTeam({ teamId }), [teamId])
  return (
    <RemoteView {...team} onRetry={() => void team.reload()}>
      {(t) => (t.leading ? <Leading team={t} onSaved={() => void team.reload()} /> : <Empty text='只有本队队长可以管理这支队伍' />)}
    </RemoteView>
  )
}

/** Only mounted for a leader: members and records are the leaders' to see. */
function Leading({ team, onSaved }: { team: TeamView; onSaved: () => void }) {
  const { teamId, name } = team
  const { members, records, pending, active, ask, setAsk, approve, verify, answer } = useLeading(teamId)
  const [tab, setTab] = useState<Tab>('applications')
  return (
    <>
      <Text className='ll-block vo-team__name js-manage-team'>{name}</Text>
      <Tabs
        label='管理内容'
        value={tab}
        onChange={setTab}
        tabs={[
          { value: 'applications', label: pending.length ? `申请 ${pending.length}` : '申请' },
          { value: 'members', label: '队员' },
          { value: 'rota', label: '排班' },
          { value: 'records', label: records.data?.items.length ? `核实 ${records.data.items.length}` : '核实' },
          { value: 'log', label: '登记' },
          { value: 'settings', label: '设置' },
        ]}
      />
      {tab === 'applications' || tab === 'members' || tab === 'log' ? (
        <RemoteView {...members} onRetry={() => void members.reload()}>
          {() =>
            tab === 'log' ? (
              <LogForm teamId={teamId} members={active} />
            ) : (
              <MemberList
                tab={tab}
                people={tab === 'applications' ? pending : active}
                onApprove={(id) => void approve(id)}
                onAsk={(kind, m) => setAsk({ kind, id: m.membershipId, name: m.name })}
              />
            )
          }
        </RemoteView>
      ) : null}
      {tab === 'rota' ? <Rota teamId={teamId} /> : null}
      {tab === 'settings' ? <TeamSettings key={`${team.name}|${team.risky}|${team.capacity}`} team={team} onSaved={onSaved} /> : null}
      {tab === 'records' ? (
        <RemoteView {...records} onRetry={() => void records.reload()} isEmpty={(d) => !d.items.length} emptyText='没有待核实的服务记录'>
          {(d) => <PendingRecords items={d.items} onVerify={(id) => void verify(id)} onReject={(r) => setAsk({ kind: 'reject', id: r.recordId, name: r.volunteerName })} />}
        </RemoteView>
      ) : null}
      <ReasonDialog
        visible={!!ask}
        title={ask ? `${ASKS[ask.kind].title}：${ask.name}` : ''}
        tip={ask ? ASKS[ask.kind].tip : ''}
        confirmText={ask ? ASKS[ask.kind].confirmText : '确定'}
        onConfirm={answer}
        onClose={() => setAsk(null)}
      />
    </>
  )
}

export default function VolunteerManagePage() {
  const teamId = useParam()
  return <SessionPage title='队伍管理'>{teamId ? <Manage teamId={teamId} /> : <Empty text='没有找到这支队伍' />}</SessionPage>
}
