// 三方联席会议 (党支部、业委会、物业，社区/街道可列席): the agenda waiting for a meeting (反映, 公约条款,
// 居民提议), calling a meeting with the items it will take, and the meetings so far.
import { useState } from 'react'
import { MEETING_ROLES } from '@core/admin/rules'
import { Card } from '../../../components/Card'
import { PagedRows, usePagedList } from '../../../components/PagedList'
import { Empty } from '../../../components/StateView'
import { adminApi, type AgendaItem, type MeetingView } from '../../../services/admin'
import { AdminPage, useRefreshOnShow } from '../components'
import { NewMeeting } from './NewMeeting'
import { AgendaRow, MeetingRow } from './rows'

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
