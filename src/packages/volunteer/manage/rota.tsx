// 排班 for a team's leaders: create a (weekly repeating) rota, each shift's roster with check-in and
// check-out per member, and the rotating code members check themselves in with.
import { useCallback, useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { Empty, ErrorBlock, Loading, RemoteView } from '../../../components/StateView'
import { tappable } from '../../../components/Tappable'
import { useSubmit } from '../../../hooks/useSubmit'
import { volunteerApi, type ShiftView } from '../../../services/volunteer'
import { volunteerContract } from '@core/volunteer/contract'
import { useResource } from '../../../hooks/useResource'
import { eventTime } from '../../../utils/format'
import { formDay, formTimeToIso } from '../../../utils/formTime'
import { DateTimeField, ShiftRow, toast } from '../components'

/** The leader's rotating code, renewed every minute. */
function ShiftCode({ shiftId }: { shiftId: string }) {
  const [code, setCode] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const live = useRef(true)
  const issue = useCallback(async () => {
    const res = await volunteerApi.shiftCode({ shiftId })
    if (!live.current) return
    if (res.ok) {
      setCode(res.data.code)
      setError(null)
    } else setError(res.message)
  }, [shiftId])
  useEffect(() => {
    live.current = true
    void issue()
    const timer = setInterval(() => void issue(), 60_000)
    return () => {
      live.current = false
      clearInterval(timer)
    }
  }, [issue])
  if (error) return <Text className='ll-error-text'>{error}</Text>
  if (!code) return <Loading text='正在生成签到码…' />
  return (
    <View className='js-shift-code'>
      <Text className='vo-code js-shift-code-digits'>{code}</Text>
      <Text className='ll-block ll-muted'>请队员在队伍页面输入此码签到、签退，每分钟更换。</Text>
    </View>
  )
}

function Roster({ shiftId }: { shiftId: string }) {
  const roster = useResource(() => volunteerApi.shiftRoster({ shiftId }), [shiftId])
  const [busy, setBusy] = useState<string | null>(null)
  const check = async (userId: string, kind: 'in' | 'out') => {
    setBusy(`${userId}:${kind}`)
    const res = await volunteerApi.shiftCheck({ shiftId, kind, userId })
    setBusy(null)
    if (!res.ok) return toast(res.message)
    toast(kind === 'in' ? '已签到' : '已签退，服务时长已登记', 'success')
    void roster.reload()
  }
  return (
    <View className='js-roster'>
      <ShiftCode shiftId={shiftId} />
      <RemoteView {...roster} onRetry={() => void roster.reload()} isEmpty={(d) => !d.items.length} emptyText='还没有人预约'>
        {(d) =>
          d.items.map((p) => (
            <View key={p.userId} className={`vo-row js-roster-${p.userId}`}>
              <Text className='ll-block'>
                {p.name} {p.phone ?? ''}
              </Text>
              <Text className='ll-block ll-muted'>
                {p.checkedInAt ? `签到 ${eventTime(p.checkedInAt)}` : '未签到'}
                {p.checkedOutAt ? ` · 签退 ${eventTime(p.checkedOutAt)}` : ''}
              </Text>
              <View className='vo-actions'>
                {!p.checkedInAt ? (
                  <Button size='small' type='primary' disabled={!!busy} className='js-roster-in' onClick={() => void check(p.userId, 'in')}>
                    签到
                  </Button>
                ) : null}
                {p.checkedInAt && !p.checkedOutAt ? (
                  <Button size='small' disabled={!!busy} className='js-roster-out' onClick={() => void check(p.userId, 'out')}>
                    签退
                  </Button>
                ) : null}
              </View>
            </View>
          ))
        }
      </RemoteView>
    </View>
  )
}

function CreateShifts({ teamId, onDone }: { teamId: string; onDone: () => void }) {
  const [start, setStart] = useState(formDay(1, '19:00'))
  const [end, setEnd] = useState(formDay(1, '21:00'))
  const [place, setPlace] = useState('')
  const [capacity, setCapacity] = useState('4')
  const [weeks, setWeeks] = useState('1')
  const { busy, error, submit } = useSubmit(volunteerContract.createShifts.input, volunteerApi.createShifts)
  const send = async () => {
    const made = await submit({ teamId, startAt: formTimeToIso(start), endAt: formTimeToIso(end), place: place.trim(), capacity: Number(capacity), repeatWeeks: Number(weeks) || 1 })
    if (!made) return
    toast(`已排 ${made.shiftIds.length} 个班次`, 'success')
    onDone()
  }
  return (
    <Card title='新排班' className='js-create-shifts'>
      <DateTimeField label='开始' name='shift-start' value={start} onChange={setStart} />
      <DateTimeField label='结束' name='shift-end' value={end} onChange={setEnd} />
      <Text className='ll-label'>地点</Text>
      <View className='ll-field'>
        <Input className='js-shift-place' value={place} maxLength={40} placeholder='如 小区东门岗亭' onChange={(v: string) => setPlace(v)} />
      </View>
      <Text className='ll-label'>名额</Text>
      <View className='ll-field'>
        <Input className='js-shift-capacity' type='number' value={capacity} maxLength={3} onChange={(v: string) => setCapacity(v)} />
      </View>
      <Text className='ll-label'>连续几周（每周同一时间）</Text>
      <View className='ll-field'>
        <Input className='js-shift-weeks' type='number' value={weeks} maxLength={2} onChange={(v: string) => setWeeks(v)} />
      </View>
      {error ? <Text className='ll-error-text js-shift-error'>{error}</Text> : null}
      <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-shift-submit' onClick={() => void send()}>
        排班
      </Button>
    </Card>
  )
}

export function Rota({ teamId }: { teamId: string }) {
  const shifts = useResource(() => volunteerApi.shifts({ teamId }), [teamId])
  const [open, setOpen] = useState<string | null>(null)
  if (shifts.error && !shifts.data) return <ErrorBlock message={shifts.error} onRetry={() => void shifts.reload()} />
  return (
    <>
      <CreateShifts teamId={teamId} onDone={() => void shifts.reload()} />
      <Card title='班次与名单' className='js-rota'>
        {!shifts.data ? (
          <Loading />
        ) : shifts.data.items.length ? (
          shifts.data.items.map((s: ShiftView) => (
            <ShiftRow key={s.shiftId} shift={s} busy={false}>
              <Text className='ll-block ll-text-2 js-open-roster' {...tappable(() => setOpen(open === s.shiftId ? null : s.shiftId), { expanded: open === s.shiftId })}>
                {open === s.shiftId ? '收起名单' : '名单、签到码与签到 ›'}
              </Text>
              {open === s.shiftId ? <Roster shiftId={s.shiftId} /> : null}
            </ShiftRow>
          ))
        ) : (
          <Empty text='还没有排班' />
        )}
      </Card>
    </>
  )
}
