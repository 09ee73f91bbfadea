// 三方联席会议 (党支部、业委会、物业，社区/街道可列席): the agenda waiting for a meeting (反映, 公约条款,
// 居民提议), calling a meeting with the items it will take, and the meetings so far.
import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input, Tag } from '@nutui/nutui-react-taro'
import { AGENDA_KIND_LABELS, MEETING_ROLES } from '@core/admin/rules'
import { Card } from '../../../components/Card'
import { PagedRows, usePagedList } from '../../../components/PagedList'
import { Empty } from '../../../components/StateView'
import { tappable } from '../../../components/Tappable'
import { adminApi, adminContract, type AgendaItem, type MeetingView } from '../../../services/admin'
import { firstProblem } from '../../../services/validate'
import { adminUrl, go } from '../../../routes'
import { dateTime } from '../../../utils/format'
import { formDay, formTimeToIso } from '../../../utils/formTime'
import { AdminPage, useRefreshOnShow } from '../components'

function AgendaRow({ item, checked, onToggle }: { item: AgendaItem; checked: boolean; onToggle: () => void }) {
  return (
    <View className={`adm-check js-agenda-item js-agenda-${item.itemId} ${checked ? 'is-checked' : ''}`} {...tappable(onToggle, { role: 'checkbox', checked })}>
      <Text className='adm-check__box'>{checked ? '✓' : ''}</Text>
      <View>
        <View className='ll-row'>
          <Tag type='primary'>{AGENDA_KIND_LABELS[item.kind]}</Tag>
          <Text className='adm-item__title'> {item.title}</Text>
        </View>
        {item.note ? <Text className='ll-block ll-text-2'>{item.note}</Text> : null}
        <Text className='ll-block ll-muted'>
          {item.proposedBy} 提交于 {dateTime(item.createdAt)}
        </Text>
      </View>
    </View>
  )
}

function NewMeeting({ picked, onCreated }: { picked: string[]; onCreated: () => void }) {
  const [title, setTitle] = useState('')
  const [place, setPlace] = useState('党群服务中心会议室')
  const [when, setWhen] = useState(formDay(7, '19:00'))
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [date, time] = when.split(' ')

  const submit = async () => {
    const data = { title: title.trim(), at: formTimeToIso(when), place: place.trim(), ...(picked.length ? { itemIds: picked } : {}) }
    const local = firstProblem(adminContract.createMeeting.input, data)
    if (local) return setProblem(local)
    setProblem(null)
    setBusy(true)
    const res = await adminApi.createMeeting(data)
    setBusy(false)
    if (!res.ok) return setProblem(res.message)
    void Taro.showToast({ title: '会议已创建', icon: 'success' })
    setTitle('')
    onCreated()
    go(adminUrl('adminMeeting', res.data.meetingId))
  }

  return (
    <Card title='召开会议' className='js-new-meeting'>
      <View className='adm-field'>
        <Text className='adm-label'>会议名称</Text>
        <View className='adm-input'>
          <Input className='js-meeting-title' placeholder='如：12月三方联席会议' value={title} maxLength={40} onChange={(v: string) => setTitle(v)} />
        </View>
      </View>
      <Text className='adm-label'>时间</Text>
      <View className='adm-pickers'>
        <Picker mode='date' className='adm-pickers__one' value={date} onChange={(e) => setWhen(`${e.detail.value} ${time}`)}>
          <View className='adm-picker js-pick-meeting-date'>
            <Text>{date}</Text>
          </View>
        </Picker>
        <Picker mode='time' className='adm-pickers__one' value={time} onChange={(e) => setWhen(`${date} ${e.detail.value}`)}>
          <View className='adm-picker js-pick-meeting-time'>
            <Text>{time}</Text>
          </View>
        </Picker>
      </View>
      <View className='adm-field'>
        <Text className='adm-label'>地点</Text>
        <View className='adm-input'>
          <Input className='js-meeting-place' placeholder='如：党群服务中心会议室' value={place} maxLength={40} onChange={(v: string) => setPlace(v)} />
        </View>
      </View>
      <Text className='ll-block ll-muted js-picked-count'>{picked.length ? `将商议上面选中的 ${picked.length} 个议题` : '可在上面勾选要商议的议题，也可以之后再排入'}</Text>
      {problem ? <Text className='ll-block ll-error-text js-meeting-error'>{problem}</Text> : null}
      <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-create-meeting' onClick={() => void submit()}>
        创建会议
      </Button>
    </Card>
  )
}

function MeetingRow({ m }: { m: MeetingView }) {
  const decided = m.items.filter((i) => i.decision).length
  return (
    <View className={`adm-item js-meeting js-meeting-${m.meetingId}`} {...tappable(() => go(adminUrl('adminMeeting', m.meetingId)), { role: 'link' })}>
      <View className='adm-item__head'>
        <Text className='adm-item__title'>{m.title}</Text>
        <Tag type={m.state === 'held' ? 'success' : 'warning'}>{m.state === 'held' ? '已召开' : '待召开'}</Tag>
      </View>
      <Text className='ll-block ll-text-2'>
        {dateTime(m.at)} · {m.place}
      </Text>
      <Text className='ll-block ll-muted'>
        议题 {m.items.length} 个，已决定 {decided} 个 ›
      </Text>
    </View>
  )
}

function Meetings() {
  const agenda = usePagedList<AgendaItem>((cursor) => adminApi.agenda(cursor ? { cursor } : {}))
  const meetings = usePagedList<MeetingView>((cursor) => adminApi.meetings(cursor ? { cursor } : {}))
  const reload = () => Promise.all([agenda.reload(), meetings.reload()])
  useRefreshOnShow(reload, agenda.loading || meetings.loading)
  const [picked, setPicked] = useState<string[]>([])
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]))
  return (
    <>
      <PagedRows list={agenda} empty={<Empty text='暂无待商议的议题。工作人员可在反映详情页「提交议题」，居民可在「我的反映」提议。' />}>
        {(items) => (
          <Card title={`待商议的议题（${items.length}）`} className='js-agenda'>
            {items.map((i) => (
              <AgendaRow key={i.itemId} item={i} checked={picked.includes(i.itemId)} onToggle={() => toggle(i.itemId)} />
            ))}
          </Card>
        )}
      </PagedRows>
      <NewMeeting
        picked={picked.filter((id) => agenda.items.some((i) => i.itemId === id))}
        onCreated={() => {
          setPicked([])
          void reload()
        }}
      />
      <PagedRows list={meetings} empty={<Empty text='还没有召开过三方联席会议' />}>
        {(items) => (
          <Card title='会议记录' className='js-meetings'>
            {items.map((m) => (
              <MeetingRow key={m.meetingId} m={m} />
            ))}
          </Card>
        )}
      </PagedRows>
    </>
  )
}

export default function MeetingsPage() {
  return (
    <AdminPage title='三方联席会议' subtitle='说 → 商 → 办 → 评：议题、会议与决定' allow={(s) => s.hasRole(...MEETING_ROLES)} denied={<Empty text='三方联席会议供党支部、业委会、物业和社区/街道使用' />}>
      <Meetings />
    </AdminPage>
  )
}
