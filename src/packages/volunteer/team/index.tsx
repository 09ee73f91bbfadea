// 队伍详情: what the team does, its leaders and contact; apply with skills and availability (or why
// not), leave; the coming shifts to book or cancel, and checking in and out with the leader's code.
import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { SessionPage, useRefreshOnShow } from '../../../components/SessionPage'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { go, teamUrl } from '../../../routes'
import { volunteerApi, volunteerContract, type TeamView } from '../../../services/volunteer'
import { firstProblem } from '../../../services/validate'
import { CodeCheck, Fact, KindTag, MembershipTag, ShiftRow, splitSkills, toast, useParam } from '../components'

function JoinForm({ team, onDone }: { team: TeamView; onDone: () => void }) {
  const [skills, setSkills] = useState('')
  const [availability, setAvailability] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const join = async () => {
    const data = { teamId: team.teamId, skills: splitSkills(skills), availability: availability.trim() || undefined }
    const problem = firstProblem(volunteerContract.join.input, data)
    if (problem) return setError(problem)
    setBusy(true)
    const res = await volunteerApi.join(data)
    setBusy(false)
    if (!res.ok) return setError(res.message)
    setError(null)
    toast(res.data.status === 'active' ? '已加入队伍' : '已提交申请，等待队长审核', res.data.status === 'active' ? 'success' : 'none')
    onDone()
  }
  return (
    <Card title='报名加入' className='js-join'>
      <Text className='ll-label'>我的技能（选填，用顿号分隔）</Text>
      <View className='ll-field'>
        <Input className='js-join-skills' value={skills} maxLength={100} placeholder={team.skillsSought.join('、') || '如 电工、急救'} onChange={(v: string) => setSkills(v)} />
      </View>
      <Text className='ll-label'>可服务时间（选填）</Text>
      <View className='ll-field'>
        <Input className='js-join-availability' value={availability} maxLength={100} placeholder='如 周末上午、工作日晚上' onChange={(v: string) => setAvailability(v)} />
      </View>
      <Text className='ll-block ll-muted'>技能和可服务时间只有本队队长能看到。</Text>
      {error ? <Text className='ll-error-text js-join-error'>{error}</Text> : null}
      <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-join-submit' onClick={() => void join()}>
        {team.needsApproval ? '申请加入' : '加入队伍'}
      </Button>
    </Card>
  )
}

function Team({ teamId }: { teamId: string }) {
  const [team, setTeam] = useState<TeamView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  const load = useCallback(async () => {
    const res = await volunteerApi.getTeam({ teamId })
    if (res.ok) {
      setTeam(res.data)
      setError(null)
    } else setError(res.message)
  }, [teamId])
  useEffect(() => {
    void load()
  }, [load])
  useRefreshOnShow(load)

  if (error && !team) return <ErrorBlock message={error} onRetry={() => void load()} />
  if (!team) return <Loading />
  const t = team

  const book = async (shiftId: string, cancel: boolean) => {
    setBusy(shiftId)
    const res = cancel ? await volunteerApi.cancelShift({ shiftId }) : await volunteerApi.bookShift({ shiftId })
    setBusy(null)
    if (!res.ok) return toast(res.message)
    toast(res.data.status === 'full' ? '名额已满' : res.data.status === 'booked' ? '预约成功' : '已取消预约', res.data.status === 'full' ? 'none' : 'success')
    void load()
  }

  const check = async (shiftId: string, kind: 'in' | 'out', code: string): Promise<string | null> => {
    const data = { shiftId, kind, code }
    const problem = firstProblem(volunteerContract.shiftCheck.input, data)
    if (problem) return problem
    const res = await volunteerApi.shiftCheck(data)
    if (!res.ok) return res.message
    toast(kind === 'in' ? '签到成功' : '签退成功，服务时长已登记', 'success')
    void load()
    return null
  }

  const leave = async () => {
    const answer = await Taro.showModal({ title: '退出队伍', content: `确定退出「${t.name}」吗？之后如需参加要重新报名。`, confirmText: '退出', cancelText: '再想想' })
    if (!answer.confirm) return
    const res = await volunteerApi.leave({ teamId })
    if (!res.ok) return toast(res.message)
    toast('已退出', 'success')
    void load()
  }

  const open = t.mine === 'pending' || t.mine === 'active'
  return (
    <View className='js-team-detail'>
      <Card
        title={<Text className='js-team-name'>{t.name}</Text>}
        extra={
          <View className='ll-row'>
            <KindTag kind={t.kind} />
            <MembershipTag status={t.mine} />
          </View>
        }
      >
        <Text className='vo-desc js-team-desc'>{t.description}</Text>
        <Fact label='队长' className='js-team-leaders'>
          <Text>{t.leaders.map((l) => l.name).join('、') || '—'}</Text>
        </Fact>
        {t.contact ? (
          <Fact label='联系方式' className='js-team-contact'>
            <Text>{t.contact}</Text>
          </Fact>
        ) : null}
        <Fact label='队员'>
          <Text>{t.capacity > 0 ? `${t.memberCount}/${t.capacity} 人` : `${t.memberCount} 人`}</Text>
        </Fact>
        {t.skillsSought.length ? (
          <Fact label='需要技能'>
            <Text>{t.skillsSought.join('、')}</Text>
          </Fact>
        ) : null}
        <Fact label='加入方式'>
          <Text>{t.needsApproval ? '队长审核后加入' : '报名即加入'}</Text>
        </Fact>
      </Card>

      {t.leading ? (
        <Button type='primary' block size='large' className='js-manage' onClick={() => go(teamUrl(teamId, 'volunteerManage'))}>
          {t.pendingCount ? `队伍管理（${t.pendingCount} 份申请待审核）` : '队伍管理'}
        </Button>
      ) : null}

      {t.joinable === null ? <JoinForm team={t} onDone={() => void load()} /> : <Text className='ll-block vo-why js-joinable'>{t.joinable}</Text>}

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
        <Button block fill='outline' size='large' className='js-leave' onClick={() => void leave()}>
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
