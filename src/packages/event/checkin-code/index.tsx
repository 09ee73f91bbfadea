// 签到码 (organisers, the big screen at the door): the current 6-digit code and its QR code, renewed
// when it expires, and how many have checked in so far. The code on screen is ./CodeView: in WeChat
// the native custom component ../native/checkin-code (WXML views, no canvas), in the browser React.
// Either counts down by itself and asks for the next code (onRotate), so the page does not
// re-render every second.
import { useCallback, useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { CHECKIN_WINDOW_MS } from '@core/event/rules'
import { Card } from '../../../components/Card'
import { SessionPage, useRefreshOnShow } from '../../../components/SessionPage'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { eventApi, type CheckinCode } from '../../../services/event'
import { isWeapp } from '../../../services/platform'
import { useSession } from '../../../store/session'
import { useResource } from '../../../hooks/useResource'
import { useEventId } from '../components'
import { CodeView } from './CodeView'

/** How often the checked-in count is refreshed. */
const COUNT_REFRESH_MS = 10_000
/** Never renew more often than this, even when the device clock disagrees with the server's. */
const MIN_RENEW_MS = 5_000

function qrSize(): number {
  try {
    return Math.min(Taro.getWindowInfo().windowWidth - 96, 360)
  } catch {
    return 260
  }
}

/**
 * When to renew a code, by this device's clock: the server's expiry, kept within one check-in
 * window from now so that a device clock far ahead or behind cannot stall the code or renew it
 * every second.
 */
function renewAt(expiresAt: string, now: number): number {
  const left = Date.parse(expiresAt) - now
  return now + Math.min(Math.max(Number.isFinite(left) ? left : 0, MIN_RENEW_MS), CHECKIN_WINDOW_MS)
}

function CheckinCount({ eventId }: { eventId: string }) {
  const count = useResource(() => eventApi.attendees({ eventId }), [eventId])
  const { reload } = count
  useEffect(() => {
    const timer = setInterval(() => void reload(), COUNT_REFRESH_MS)
    return () => clearInterval(timer)
  }, [reload])
  if (!count.data) return count.error ? <Text className='ll-muted'>{count.error}</Text> : <Loading text='正在统计签到人数…' />
  const confirmed = count.data.confirmed
  return (
    <View className='ev-code js-checkin-count'>
      <Text className='ev-code__count js-checked-in-count'>{confirmed.filter((a) => a.checkedIn).length}</Text>
      <Text className='ll-text-2'>已签到 / 共 {confirmed.length} 人报名</Text>
    </View>
  )
}

function CodeScreen({ eventId }: { eventId: string }) {
  const event = useResource(() => eventApi.get({ eventId }), [eventId])
  const [code, setCode] = useState<CheckinCode | null>(null)
  const [error, setError] = useState<string | null>(null)
  // when to renew, by this device's clock: the ref for the retry timer, the state for CodeView
  const deadline = useRef(0)
  const [renewAtMs, setRenewAtMs] = useState(0)
  const shown = useRef(false)
  const issuing = useRef(false)
  const [size] = useState(qrSize)
  const { elderMode } = useSession()

  const renewBy = useCallback((at: number) => {
    deadline.current = at
    setRenewAtMs(at)
  }, [])

  const issue = useCallback(async () => {
    if (issuing.current) return
    issuing.current = true
    const res = await eventApi.issueCheckinCode({ eventId })
    issuing.current = false
    if (!res.ok) {
      setError(res.message)
      // try again a little later rather than on every tick
      renewBy(Date.now() + MIN_RENEW_MS)
      return
    }
    setError(null)
    setCode(res.data)
    shown.current = true
    renewBy(renewAt(res.data.expiresAt, Date.now()))
  }, [eventId, renewBy])

  useEffect(() => {
    void issue()
    // until a code is on screen (CodeView asks for the next one itself), retry a failed first issue
    const timer = setInterval(() => {
      if (!shown.current && Date.now() >= deadline.current) void issue()
    }, 1000)
    return () => clearInterval(timer)
  }, [issue])
  useRefreshOnShow(issue)

  // the screen stays on while the code is shown (WeChat)
  useEffect(() => {
    if (!isWeapp) return
    void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined)
    return () => void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined)
  }, [])

  const rotate = useCallback(() => void issue(), [issue])
  const copy = useCallback((text: string) => void Taro.setClipboardData({ data: text }).catch(() => undefined), [])

  if (error && !code) return <ErrorBlock message={error} onRetry={() => void issue()} />
  if (!code) return <Loading text='正在生成签到码…' />
  return (
    <>
      <Card className='js-code-card'>
        <View className='ev-code'>
          {event.data ? <Text className='ev-code__title js-code-title'>{event.data.title}</Text> : null}
          <Text className='ll-muted'>请在「活动详情」输入签到码，或用微信扫码签到</Text>
          <CodeView code={code.code} qrText={code.qrText} expiresAt={renewAtMs} size={size} elder={elderMode} onRotate={rotate} onCopy={copy} />
          {error ? <Text className='ll-error-text'>{error}</Text> : null}
        </View>
      </Card>
      <Card title='签到情况'>
        <CheckinCount eventId={eventId} />
      </Card>
    </>
  )
}

export default function CheckinCodePage() {
  const eventId = useEventId()
  return (
    <SessionPage title='签到码' subtitle='签到码每分钟更换，刚过期的一分钟内仍然有效'>
      {eventId ? <CodeScreen eventId={eventId} /> : <Empty text='没有找到这个活动' />}
    </SessionPage>
  )
}
