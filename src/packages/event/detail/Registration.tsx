// The caller's own registration (我的报名), the event's state tag, and 为居民代办报名.
import { useState } from 'react'
import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { CancelledTag } from '../../../components/EventRow'
import { FormProblemLine, type FormProblem } from '../../../components/FormField'
import { NO_PROXY, ProxyPicker, onBehalfOfFrom, type ProxyChoice } from '../../../components/ProxyPicker'
import { eventApi, type EventView } from '../../../services/event'
import { RegistrationTag } from '../components'

export function toast(title: string, icon: 'success' | 'none' = 'none') {
  void Taro.showToast({ title, icon })
}

export function StateTag({ v, now }: { v: EventView; now: number }) {
  if (v.state === 'cancelled') return <CancelledTag />
  if (now >= Date.parse(v.endAt)) return <Tag background='#595959' color='#ffffff'>已结束</Tag>
  if (now >= Date.parse(v.startAt)) return <Tag background='#0958d9' color='#ffffff'>进行中</Tag>
  if (now > Date.parse(v.signupDeadline)) return <Tag background='#ad4e00' color='#ffffff'>报名已截止</Tag>
  return <Tag background='#237804' color='#ffffff'>报名中</Tag>
}

/** My registration: confirmed, checked in, or my place on the waitlist. */
export function MineCard({ v }: { v: EventView }) {
  const mine = v.mine
  if (!mine || mine.status === 'cancelled') return null
  if (mine.status === 'waitlisted') {
    return (
      <Card title='我的报名' extra={<RegistrationTag status={mine.status} checkedIn={false} />} className='ev-mine ev-mine--waitlisted js-my-registration'>
        <Text className='ev-position js-my-position'>候补第 {mine.position ?? '—'} 位</Text>
        <Text className='ll-block ll-muted'>名额已满。有人取消报名时，会按候补顺序自动递补为报名成功。</Text>
      </Card>
    )
  }
  return (
    <Card
      title='我的报名'
      extra={<RegistrationTag status={mine.status} checkedIn={mine.checkedIn} />}
      className={`ev-mine ${mine.checkedIn ? 'ev-mine--done' : ''} js-my-registration`}
    >
      <Text className='ll-block'>{mine.checkedIn ? '您已签到，欢迎参加！' : '报名成功，请按时参加。到场后向组织者索取签到码签到。'}</Text>
    </Card>
  )
}

/** 为居民代办报名 (grid workers and the branch): registers a verified resident without a phone, consent noted. */
export function ProxyRegistration({ eventId, onDone }: { eventId: string; onDone: () => void }) {
  const [open, setOpen] = useState(false)
  const [choice, setChoice] = useState<ProxyChoice>(NO_PROXY)
  const [problem, setProblem] = useState<FormProblem | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string | null>(null)

  const submit = async () => {
    if (busy) return
    const actedFor = onBehalfOfFrom(choice)
    if (!actedFor.ok) return setProblem(actedFor.problem)
    const name = choice.resident?.displayName ?? ''
    setProblem(null)
    setBusy(true)
    const res = await eventApi.register({ eventId, onBehalfOf: actedFor.value })
    setBusy(false)
    if (!res.ok) {
      setProblem({ message: res.message })
      toast(res.message)
      return
    }
    const text = res.data.status === 'confirmed' ? `已为${name}报名` : `已为${name}报名候补${res.data.position ? `（第 ${res.data.position} 位）` : ''}`
    setDone(text)
    setChoice(NO_PROXY)
    setOpen(false)
    // a name does not fit the 7 characters of WeChat's success toast
    toast(text)
    onDone()
  }

  return (
    <Card title='为居民代办报名' className='js-proxy-register'>
      <Text className='ll-block ll-muted'>为没有智能手机的已认证居民报名。报名记在居民名下，并标注代办。</Text>
      {done ? <Text className='ll-block ll-text-2 js-proxy-register-done'>{done}</Text> : null}
      {open ? (
        <>
          <ProxyPicker value={choice} onChange={setChoice} problem={problem} />
          <FormProblemLine problem={problem} />
          <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-proxy-register-submit' onClick={() => void submit()}>
            代为报名
          </Button>
        </>
      ) : (
        <Button block size='large' fill='outline' type='primary' className='js-proxy-register-open' onClick={() => setOpen(true)}>
          {done ? '再为一位居民报名' : '为居民代办报名'}
        </Button>
      )}
    </Card>
  )
}
