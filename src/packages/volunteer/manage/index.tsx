// 队伍管理 (the team's leaders, view field `leading`): applications to approve or decline, members,
// the rota with rosters and check-in codes, records to verify, and logging service for a member.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input, Tag } from '@nutui/nutui-react-taro'
import { SOURCE_LABELS } from '@core/volunteer/rules'
import { Card } from '../../../components/Card'
import { SessionPage } from '../../../components/SessionPage'
import { Empty, RemoteView } from '../../../components/StateView'
import { firstProblem } from '../../../services/validate'
import { volunteerApi, volunteerContract, type Member } from '../../../services/volunteer'
import { useResource } from '../../../hooks/useResource'
import { eventTime, eventTimeRange } from '../../../utils/format'
import { formDay, formTimeToIso } from '../../../utils/formTime'
import { Choices, DateTimeField, ReasonDialog, Tabs, toast, useParam } from '../components'
import { Rota } from './rota'

type Tab = 'applications' | 'members' | 'rota' | 'records' | 'log'
type Ask = { kind: 'decline' | 'remove' | 'reject'; id: string; name: string } | null

const ASKS = {
  decline: { title: '不通过申请', tip: '理由会告诉申请人。', confirmText: '不通过' },
  remove: { title: '移出队伍', tip: '理由会记录在案，并告诉本人。', confirmText: '移出' },
  reject: { title: '退回服务记录', tip: '理由会告诉志愿者，可重新登记或申请更正。', confirmText: '退回' },
} as const

function MemberRow({ m, children }: { m: Member; children?: React.ReactNode }) {
  return (
    <View className={`vo-row js-member js-member-${m.membershipId}`}>
      <View className='ll-row'>
        <Text className='vo-team__name'>{m.name}</Text>
        {m.minor ? <Tag background='#ad4e00' color='#ffffff'>未成年</Tag> : null}
      </View>
      {m.phone ? <Text className='ll-block ll-text-2'>{m.phone}</Text> : null}
      <Text className='ll-block ll-muted'>技能：{m.skills.join('、') || '未填'} · 可服务：{m.availability || '未填'}</Text>
      <Text className='ll-block ll-muted'>申请于 {eventTime(m.appliedAt)}</Text>
      {children}
    </View>
  )
}

function LogForm({ teamId, members }: { teamId: string; members: Member[] }) {
  const [who, setWho] = useState<string | null>(null)
  const [start, setStart] = useState(formDay(0, '09:00'))
  const [end, setEnd] = useState(formDay(0, '11:00'))
  const [content, setContent] = useState('')
  const [error, setError] = useState<string | null>(null)
  const send = async () => {
    if (!who) return setError('请选择队员')
    const data = { source: 'other' as const, teamId, volunteerId: who, startAt: formTimeToIso(start), endAt: formTimeToIso(end), content: content.trim() }
    const problem = firstProblem(volunteerContract.logService.input, data)
    if (problem) return setError(problem)
    const res = await volunteerApi.logService(data)
    if (!res.ok) return setError(res.message)
    setError(null)
    setContent('')
    toast('已登记并核实', 'success')
  }
  if (!members.length) return <Empty text='还没有队员' />
  return (
    <Card title='为队员登记服务时长' className='js-log-form'>
      <Choices label='队员' options={members.map((m) => ({ value: m.userId, label: m.name }))} value={who} onChange={setWho} />
      <DateTimeField label='开始' name='log-start' value={start} onChange={setStart} />
      <DateTimeField label='结束' name='log-end' value={end} onChange={setEnd} />
      <Text className='ll-label'>服务内容</Text>
      <View className='ll-field'>
        <Input className='js-log-content' value={content} maxLength={100} placeholder='如 帮 3 栋独居老人修水管' onChange={(v: string) => setContent(v)} />
      </View>
      <Text className='ll-block ll-muted'>只记实际服务时间，不含路上时间。队长登记的时长直接计为已核实。</Text>
      {error ? <Text className='ll-error-text js-log-error'>{error}</Text> : null}
      <Button type='primary' block size='large' className='js-log-submit' onClick={() => void send()}>
        登记
      </Button>
    </Card>
  )
}

function Manage({ teamId }: { teamId: string }) {
  const team = useResource(() => volunteerApi.getTeam({ teamId }), [teamId])
  return (
    <RemoteView {...team} onRetry={() => void team.reload()}>
      {(t) => (t.leading ? <Leading teamId={teamId} name={t.name} /> : <Empty text='只有本队队长可以管理这支队伍' />)}
    </RemoteView>
  )
}

/** Only mounted for a leader: members and records are the leaders' to see. */
function Leading({ teamId, name }: { teamId: string; name: string }) {
  const members = useResource(() => volunteerApi.members({ teamId }), [teamId])
  const records = useResource(() => volunteerApi.pendingRecords({ teamId }), [teamId])
  const [tab, setTab] = useState<Tab>('applications')
  const [ask, setAsk] = useState<Ask>(null)

  const approve = async (membershipId: string) => {
    const res = await volunteerApi.approve({ membershipId })
    if (!res.ok) return toast(res.message)
    toast('已批准', 'success')
    void members.reload()
  }
  const verify = async (recordId: string) => {
    const res = await volunteerApi.verifyService({ recordId })
    if (!res.ok) return toast(res.message)
    toast('已核实', 'success')
    void records.reload()
  }
  const answer = async (reason: string): Promise<string | null> => {
    if (!ask) return null
    const res =
      ask.kind === 'reject'
        ? await volunteerApi.rejectService({ recordId: ask.id, reason })
        : ask.kind === 'decline'
          ? await volunteerApi.decline({ membershipId: ask.id, reason })
          : await volunteerApi.remove({ membershipId: ask.id, reason })
    if (!res.ok) return res.message
    toast('已完成', 'success')
    setAsk(null)
    void (ask.kind === 'reject' ? records.reload() : members.reload())
    return null
  }

  const all = members.data?.items ?? []
  const pending = all.filter((m) => m.status === 'pending')
  const active = all.filter((m) => m.status === 'active')
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
        ]}
      />
      {tab === 'applications' || tab === 'members' || tab === 'log' ? (
        <RemoteView {...members} onRetry={() => void members.reload()}>
          {() =>
            tab === 'log' ? (
              <LogForm teamId={teamId} members={active} />
            ) : (
              <Card className={`js-${tab}`}>
                {(tab === 'applications' ? pending : active).length ? null : <Empty text={tab === 'applications' ? '没有待审核的申请' : '还没有队员'} />}
                {(tab === 'applications' ? pending : active).map((m) => (
                  <MemberRow key={m.membershipId} m={m}>
                    <View className='vo-actions'>
                      {tab === 'applications' ? (
                        <>
                          <Button size='small' type='primary' className='js-approve' onClick={() => void approve(m.membershipId)}>
                            批准
                          </Button>
                          <Button size='small' className='js-decline' onClick={() => setAsk({ kind: 'decline', id: m.membershipId, name: m.name })}>
                            不通过
                          </Button>
                        </>
                      ) : (
                        <Button size='small' fill='outline' className='js-remove' onClick={() => setAsk({ kind: 'remove', id: m.membershipId, name: m.name })}>
                          移出
                        </Button>
                      )}
                    </View>
                  </MemberRow>
                ))}
              </Card>
            )
          }
        </RemoteView>
      ) : null}
      {tab === 'rota' ? <Rota teamId={teamId} /> : null}
      {tab === 'records' ? (
        <RemoteView {...records} onRetry={() => void records.reload()} isEmpty={(d) => !d.items.length} emptyText='没有待核实的服务记录'>
          {(d) => (
            <Card className='js-pending-records'>
              {d.items.map((r) => (
                <View key={r.recordId} className={`vo-row js-pending-${r.recordId}`}>
                  <Text className='ll-block vo-team__name'>
                    {r.volunteerName} · {r.hours} 小时
                  </Text>
                  <Text className='ll-block'>{r.content}</Text>
                  <Text className='ll-block ll-muted'>
                    {SOURCE_LABELS[r.source]} · {eventTimeRange(r.startAt, r.endAt)}
                    {r.corrects ? ' · 更正申请' : ''}
                  </Text>
                  {r.canVerify ? (
                    <View className='vo-actions'>
                      <Button size='small' type='primary' className='js-verify' onClick={() => void verify(r.recordId)}>
                        核实
                      </Button>
                      <Button size='small' className='js-reject' onClick={() => setAsk({ kind: 'reject', id: r.recordId, name: r.volunteerName })}>
                        退回
                      </Button>
                    </View>
                  ) : null}
                </View>
              ))}
            </Card>
          )}
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
