// 会议详情: one 三方联席会议 — its agenda items, each with the decision taken (written back onto the
// request's timeline and told to whoever raised it), and the attendees and minutes.
import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input, Tag, TextArea } from '@nutui/nutui-react-taro'
import { AGENDA_KIND_LABELS, MEETING_ROLES } from '@core/admin/rules'
import { Card } from '../../../components/Card'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { tappable } from '../../../components/Tappable'
import { adminApi, adminContract, type AgendaItem, type MeetingView } from '../../../services/admin'
import { firstProblem } from '../../../services/validate'
import { go, requestDetailUrl } from '../../../routes'
import { dateTime } from '../../../utils/format'
import { AdminPage, useParam, useRefreshOnShow } from '../components'

type Attendee = MeetingView['attendees'][number]

function ItemDecision({ item, onDecided }: { item: AgendaItem; onDecided: () => void }) {
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    const data = { itemId: item.itemId, decision: text.trim() }
    const local = data.decision ? firstProblem(adminContract.decide.input, data) : '请写下会议的决定'
    if (local) return setProblem(local)
    setProblem(null)
    setBusy(true)
    const res = await adminApi.decide(data)
    setBusy(false)
    if (!res.ok) return setProblem(res.message)
    void Taro.showToast({ title: '已记录决定', icon: 'success' })
    onDecided()
  }
  return (
    <View className={`adm-item js-item js-item-${item.itemId}`}>
      <View className='adm-item__head'>
        <View className='ll-row'>
          <Tag type='primary'>{AGENDA_KIND_LABELS[item.kind]}</Tag>
          <Text className='adm-item__title'> {item.title}</Text>
        </View>
      </View>
      {item.note ? <Text className='ll-block ll-text-2'>{item.note}</Text> : null}
      <Text className='ll-block ll-muted'>{item.proposedBy} 提交</Text>
      {item.kind === 'request' && item.refId ? (
        <Text className='ll-block adm-link js-item-request' {...tappable(() => go(requestDetailUrl(item.refId!)), { role: 'link' })}>
          查看这条反映 ›
        </Text>
      ) : null}
      {item.decision ? (
        <View className='js-item-decided'>
          <Text className='ll-block adm-label'>决定（{dateTime(item.decision.at)}）</Text>
          <Text className='ll-block js-item-decision'>{item.decision.text}</Text>
        </View>
      ) : (
        <View className='js-decision-form'>
          <Text className='adm-label'>会议决定{item.kind === 'request' ? '（会写入这条反映的办理过程，反映人能看到）' : item.kind === 'proposal' ? '（会告知提议人）' : ''}</Text>
          <View className='adm-input'>
            <TextArea className='js-decision-input' placeholder='如：由物业本周内更换门禁读卡器，业委会监督验收' value={text} maxLength={500} showCount onChange={(t: string) => setText(t)} />
          </View>
          {problem ? <Text className='ll-block ll-error-text js-decision-error'>{problem}</Text> : null}
          <Button type='primary' size='small' loading={busy} disabled={busy} className='js-decide' onClick={() => void submit()}>
            记录决定
          </Button>
        </View>
      )}
    </View>
  )
}

function Minutes({ meeting, onSaved }: { meeting: MeetingView; onSaved: () => void }) {
  const [attendees, setAttendees] = useState<Attendee[]>(meeting.attendees.length ? meeting.attendees : [{ name: '', role: '党支部' }, { name: '', role: '业委会' }, { name: '', role: '物业' }])
  const [minutes, setMinutes] = useState(meeting.minutes)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const edit = (i: number, patch: Partial<Attendee>) => setAttendees((list) => list.map((a, j) => (j === i ? { ...a, ...patch } : a)))
  const submit = async () => {
    const filled = attendees.map((a) => ({ name: a.name.trim(), role: a.role.trim() })).filter((a) => a.name)
    const data = { meetingId: meeting.meetingId, minutes: minutes.trim(), attendees: filled }
    const local = !data.minutes ? '请填写会议纪要' : firstProblem(adminContract.recordMinutes.input, data)
    if (local) return setProblem(local)
    setProblem(null)
    setBusy(true)
    const res = await adminApi.recordMinutes(data)
    setBusy(false)
    if (!res.ok) return setProblem(res.message)
    void Taro.showToast({ title: '纪要已保存', icon: 'success' })
    onSaved()
  }
  return (
    <Card title='参会人员与会议纪要' className='js-minutes'>
      {attendees.map((a, i) => (
        <View key={i} className='adm-pickers adm-field js-attendee'>
          <View className='adm-input adm-pickers__one'>
            <Input className={`js-attendee-name-${i}`} placeholder='姓名' value={a.name} maxLength={20} onChange={(v: string) => edit(i, { name: v })} />
          </View>
          <View className='adm-input adm-pickers__one'>
            <Input className={`js-attendee-role-${i}`} placeholder='单位，如 物业' value={a.role} maxLength={20} onChange={(v: string) => edit(i, { role: v })} />
          </View>
        </View>
      ))}
      <Text className='ll-block adm-link js-add-attendee' {...tappable(() => setAttendees((l) => [...l, { name: '', role: '' }]))}>
        + 添加参会人员
      </Text>
      <Text className='adm-label'>会议纪要</Text>
      <View className='adm-input'>
        <TextArea className='js-minutes-input' placeholder='记录讨论的主要意见和分工' value={minutes} maxLength={5000} showCount autoSize onChange={(t: string) => setMinutes(t)} />
      </View>
      {problem ? <Text className='ll-block ll-error-text js-minutes-error'>{problem}</Text> : null}
      <Button type='primary' block loading={busy} disabled={busy} className='js-save-minutes' onClick={() => void submit()}>
        保存纪要
      </Button>
    </Card>
  )
}

function Meeting({ meetingId }: { meetingId: string }) {
  const [meeting, setMeeting] = useState<MeetingView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(async () => {
    const res = await adminApi.meeting({ meetingId })
    if (res.ok) {
      setMeeting(res.data)
      setError(null)
    } else setError(res.message)
  }, [meetingId])
  useEffect(() => {
    void load()
  }, [load])
  useRefreshOnShow(load)
  if (error && !meeting) return <ErrorBlock message={error} onRetry={() => void load()} />
  if (!meeting) return <Loading />
  return (
    <>
      <Card title={meeting.title} extra={<Tag type={meeting.state === 'held' ? 'success' : 'warning'}>{meeting.state === 'held' ? '已召开' : '待召开'}</Tag>} className='js-meeting-head'>
        <Text className='ll-block ll-text-2'>
          {dateTime(meeting.at)} · {meeting.place}
        </Text>
        {meeting.attendees.length ? <Text className='ll-block ll-muted js-attendees'>参会：{meeting.attendees.map((a) => `${a.name}（${a.role}）`).join('、')}</Text> : null}
      </Card>
      <Card title={`议题（${meeting.items.length}）`} className='js-items'>
        {meeting.items.length ? meeting.items.map((i) => <ItemDecision key={i.itemId} item={i} onDecided={() => void load()} />) : <Empty text='这次会议还没有议题，可在三方联席会议页勾选议题后创建会议' />}
      </Card>
      <Minutes key={meeting.state} meeting={meeting} onSaved={() => void load()} />
    </>
  )
}

export default function MeetingPage() {
  const meetingId = useParam('id')
  return (
    <AdminPage title='会议详情' subtitle='三方联席会议' allow={(s) => s.hasRole(...MEETING_ROLES)} denied={<Empty text='会议记录供党支部、业委会、物业和社区/街道查看' />}>
      {meetingId ? <Meeting meetingId={meetingId} /> : <Empty text='没有找到这次会议' />}
    </AdminPage>
  )
}
