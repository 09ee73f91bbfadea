// 活动详情: what, when, where, for whom, places left or my place on the waitlist. Residents register,
// cancel and check in; organisers (view.canManage) edit, cancel the event, see who comes, show the
// check-in code and export the list.
import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Dialog, Input, Tag, TextArea } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { NO_PROXY, ProxyPicker, onBehalfOfFrom, type ProxyChoice } from '../../../components/ProxyPicker'
import { FormProblemLine, type FormProblem } from '../../../components/FormField'
import { CancelledTag, PlacesTag } from '../../../components/EventRow'
import { eventUrl, go } from '../../../routes'
import { SessionPage, useRefreshOnShow } from '../../../components/SessionPage'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { askEventReminderSubscription, eventApi, eventContract, parseCheckinQr, type EventView } from '../../../services/event'
import { isWeapp, saveCsv } from '../../../services/platform'
import { userApi } from '../../../services/user'
import { firstProblem } from '../../../services/validate'
import { useSession } from '../../../store/session'
import { eventTime, eventTimeRange } from '../../../utils/format'
import { AUDIENCE_LABELS, Fact, RegistrationTag, useEventId } from '../components'

type DialogKind = 'cancelRegistration' | 'cancelEvent'
type Busy = 'register' | 'checkin' | 'export' | null

function toast(title: string, icon: 'success' | 'none' = 'none') {
  void Taro.showToast({ title, icon })
}

/** 全体居民 / 仅党员志愿者 / 指定楼栋：1栋、2栋 (names from the directory, asked only when needed). */
function AudienceText({ audience }: { audience: EventView['audience'] }) {
  const [names, setNames] = useState<string | null>(null)
  const ids = audience.buildingIds.join(',')
  useEffect(() => {
    if (audience.kind !== 'buildings') return
    let live = true
    void userApi.directory({}).then((res) => {
      if (!live || !res.ok) return
      const wanted = new Set(ids.split(','))
      setNames(res.data.buildings.filter((b) => wanted.has(b.buildingId)).map((b) => b.name).join('、') || null)
    })
    return () => {
      live = false
    }
  }, [audience.kind, ids])
  if (audience.kind !== 'buildings') return <Text>{AUDIENCE_LABELS[audience.kind]}</Text>
  return <Text>{`指定楼栋：${names ?? `${audience.buildingIds.length} 栋`}`}</Text>
}

function StateTag({ v, now }: { v: EventView; now: number }) {
  if (v.state === 'cancelled') return <CancelledTag />
  if (now >= Date.parse(v.endAt)) return <Tag background='#595959' color='#ffffff'>已结束</Tag>
  if (now >= Date.parse(v.startAt)) return <Tag background='#0958d9' color='#ffffff'>进行中</Tag>
  if (now > Date.parse(v.signupDeadline)) return <Tag background='#ad4e00' color='#ffffff'>报名已截止</Tag>
  return <Tag background='#237804' color='#ffffff'>报名中</Tag>
}

/** My registration: confirmed, checked in, or my place on the waitlist. */
function MineCard({ v }: { v: EventView }) {
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
function ProxyRegistration({ eventId, onDone }: { eventId: string; onDone: () => void }) {
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

function Detail({ eventId }: { eventId: string }) {
  const { hasRole } = useSession()
  const [view, setView] = useState<EventView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<Busy>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  const [code, setCode] = useState('')
  const [checkinError, setCheckinError] = useState<string | null>(null)
  const [checkinNote, setCheckinNote] = useState<string | null>(null)
  const [dialog, setDialog] = useState<DialogKind | null>(null)
  const [reason, setReason] = useState('')
  const [dialogError, setDialogError] = useState<string | null>(null)

  const load = useCallback(async () => {
    const res = await eventApi.get({ eventId })
    if (res.ok) {
      setView(res.data)
      setError(null)
    } else setError(res.message)
  }, [eventId])
  useEffect(() => {
    void load()
  }, [load])
  useRefreshOnShow(load)

  if (error && !view) return <ErrorBlock message={error} onRetry={() => void load()} />
  if (!view) return <Loading />

  const v = view
  const now = Date.now()
  const endAt = Date.parse(v.endAt)
  const published = v.state === 'published'
  const active = !!v.mine && v.mine.status !== 'cancelled'
  // what the caller may do here is decided by the function (view fields), never re-run in the page
  const closed = v.registrable.ok ? null : v.registrable.message
  const canCancelRegistration = v.cancellable
  const mayCheckIn = v.checkin === 'open' || v.checkin === 'not_yet'
  const checkinIsOpen = v.checkin === 'open'

  const register = async () => {
    if (busy) return
    setBusy('register')
    setActionError(null)
    // WeChat only lets a tap ask for subscription messages: ask before anything else is awaited
    await askEventReminderSubscription()
    const res = await eventApi.register({ eventId })
    if (!res.ok) {
      setBusy(null)
      setActionError(res.message)
      toast(res.message)
      return
    }
    // the view after registering carries my place on the waitlist and the places left
    const fresh = await eventApi.get({ eventId })
    setBusy(null)
    if (fresh.ok) setView(fresh.data)
    if (res.data.status === 'confirmed') return toast('报名成功', 'success')
    const mine = fresh.ok ? fresh.data.mine : null
    const position = (mine?.status === 'waitlisted' ? mine.position : null) ?? res.data.position ?? null
    toast(position ? `已进入候补第 ${position} 位` : '已进入候补')
  }

  const checkin = async (value: string) => {
    const data = { eventId, code: value.trim() }
    const problem = firstProblem(eventContract.checkin.input, data)
    if (problem) return setCheckinError(problem)
    setCheckinError(null)
    setBusy('checkin')
    const res = await eventApi.checkin(data)
    setBusy(null)
    if (!res.ok) {
      setCheckinError(res.message)
      return
    }
    setCode('')
    setCheckinNote(res.data.creditedHours > 0 ? `签到成功，已计入志愿服务时长 ${res.data.creditedHours} 小时` : '签到成功')
    toast('签到成功', 'success')
    void load()
  }

  const scan = async () => {
    let text: string
    try {
      text = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
    } catch {
      return // closed the scanner
    }
    const parsed = parseCheckinQr(text)
    if (!parsed) return setCheckinError('这不是活动签到二维码')
    if (parsed.eventId !== eventId) return setCheckinError('这是其他活动的签到码，请扫描本活动的签到码')
    setCode(parsed.code)
    await checkin(parsed.code)
  }

  const exportList = async () => {
    if (busy) return
    setBusy('export')
    const res = await eventApi.export({ eventId })
    if (!res.ok) {
      setBusy(null)
      return toast(res.message)
    }
    try {
      const how = await saveCsv(res.data.filename, res.data.csv)
      if (how === 'downloaded') toast(`已导出 ${res.data.rows} 条`, 'success')
      else
        void Taro.showModal({
          title: '报名名单已复制',
          content: `共 ${res.data.rows} 条报名记录（CSV 格式）已复制到剪贴板。可以粘贴发送到电脑，保存为 .csv 文件后用 Excel 打开。`,
          showCancel: false,
          confirmText: '知道了',
        })
    } catch {
      toast('导出失败，请重试')
    }
    setBusy(null)
  }

  const open = (kind: DialogKind) => {
    setReason('')
    setDialogError(null)
    setDialog(kind)
  }

  // NutUI closes the dialog when this resolves and keeps it open (with the error) when it throws.
  const confirmDialog = async () => {
    if (dialog === 'cancelRegistration') {
      const res = await eventApi.cancel({ eventId })
      if (!res.ok) {
        setDialogError(res.message)
        throw new Error(res.message)
      }
      toast('已取消报名', 'success')
      void load()
      return
    }
    const data = { eventId, reason: reason.trim() }
    const problem = firstProblem(eventContract.cancelEvent.input, data)
    if (problem) {
      setDialogError(problem)
      throw new Error(problem)
    }
    const res = await eventApi.cancelEvent(data)
    if (!res.ok) {
      setDialogError(res.message)
      throw new Error(res.message)
    }
    toast(res.data.notified ? `活动已取消，已通知 ${res.data.notified} 人` : '活动已取消')
    void load()
  }

  const places =
    v.capacity === 0 ? `不限名额，已报名 ${v.confirmedCount} 人` : `共 ${v.capacity} 个名额，已报名 ${v.confirmedCount} 人${v.waitlistCount ? `，候补 ${v.waitlistCount} 人` : ''}`
  const releaseNote =
    v.mine?.status === 'waitlisted'
      ? '取消后您将退出候补，之后如需参加要重新报名。'
      : v.waitlistCount > 0
        ? '取消后您的名额会自动让给候补第 1 位的邻居，之后如需参加要重新报名。'
        : '取消后名额会空出来给其他邻居，之后如需参加要重新报名。'

  // nothing to register for while I hold a place; otherwise the button, or why there is none
  const registerBlock = active ? null : closed ? (
    <Text className='ll-block ll-muted js-closed'>{closed}</Text>
  ) : (
    <>
      {v.placesLeft === 0 ? <Text className='ll-block ll-muted ev-note'>名额已满，报名后进入候补；有人取消时按顺序自动递补。</Text> : null}
      <Button type='primary' block size='large' loading={busy === 'register'} disabled={!!busy} className='js-register' onClick={() => void register()}>
        {v.placesLeft === 0 ? '报名候补' : '我要报名'}
      </Button>
    </>
  )

  return (
    <View className='js-event-detail'>
      <Card title={<Text className='js-detail-title'>{v.title}</Text>} extra={<StateTag v={v} now={now} />}>
        {v.heldForReview ? <Text className='ll-block ll-muted js-held'>内容正在审核，通过前仅组织者可见。</Text> : null}
        {v.creditsHours ? (
          <View className='ll-row'>
            <Tag plain background='#237804' className='js-credits-tag'>
              可计志愿服务时长
            </Tag>
          </View>
        ) : null}
        <Text className='ev-content js-detail-description'>{v.description}</Text>
        <View>
          <Fact label='时间' className='js-detail-time'>
            <Text>{eventTimeRange(v.startAt, v.endAt)}</Text>
          </Fact>
          <Fact label='地点' className='js-detail-place'>
            <Text>{v.place}</Text>
          </Fact>
          <Fact label='面向' className='js-detail-audience'>
            <AudienceText audience={v.audience} />
          </Fact>
          <Fact label='名额' className='js-detail-places'>
            <Text>{places}</Text>
            {published && v.capacity > 0 ? <PlacesTag placesLeft={v.placesLeft} /> : null}
          </Fact>
          <Fact label='报名截止' className='js-detail-deadline'>
            <Text>{eventTime(v.signupDeadline)}</Text>
          </Fact>
          <Fact label='组织者'>
            <Text>{v.organizerName}</Text>
          </Fact>
        </View>
      </Card>

      <MineCard v={v} />

      {mayCheckIn ? (
        <Card title='活动签到' className='js-checkin'>
          {checkinIsOpen ? (
            <>
              <Text className='ll-block ll-muted'>请输入组织者现场出示的 6 位签到码{isWeapp ? '，或扫描签到二维码' : ''}。</Text>
              <View className='ev-checkin'>
                <View className='ll-field ev-checkin__field'>
                  <Input className='js-checkin-input' type='number' placeholder='6 位签到码' maxLength={6} value={code} onChange={(t: string) => setCode(t)} />
                </View>
                <Button type='primary' loading={busy === 'checkin'} disabled={!!busy} className='js-checkin-submit' onClick={() => void checkin(code)}>
                  签到
                </Button>
              </View>
              {isWeapp ? (
                <>
                  <View className='ll-gap' />
                  <Button block fill='outline' type='primary' disabled={!!busy} className='js-checkin-scan' onClick={() => void scan()}>
                    扫码签到
                  </Button>
                </>
              ) : null}
              {checkinError ? <Text className='ll-error-text js-checkin-error'>{checkinError}</Text> : null}
            </>
          ) : (
            <Text className='ll-block ll-muted js-checkin-later'>签到将在活动开始前 30 分钟开放，请到场后再签到。</Text>
          )}
        </Card>
      ) : null}
      {checkinNote ? <Text className='ll-block ll-text-2 js-checkin-done'>{checkinNote}</Text> : null}

      {registerBlock || canCancelRegistration || actionError ? (
        <Card className='js-resident-actions'>
          {registerBlock}
          {canCancelRegistration ? (
            <Button block size='large' fill='outline' disabled={!!busy} className='js-cancel-registration' onClick={() => open('cancelRegistration')}>
              {v.mine?.status === 'waitlisted' ? '退出候补' : '取消报名'}
            </Button>
          ) : null}
          {actionError ? <Text className='ll-error-text js-action-error'>{actionError}</Text> : null}
        </Card>
      ) : null}

      {published && hasRole('grid', 'branch') ? <ProxyRegistration eventId={eventId} onDone={() => void load()} /> : null}

      {v.canManage ? (
        <Card title='活动管理' className='js-manage'>
          <View className='ev-actions'>
            {published ? (
              <Button size='large' className='js-edit-event' onClick={() => go(eventUrl(eventId, 'eventEdit'))}>
                编辑
              </Button>
            ) : null}
            <Button size='large' className='js-attendees' onClick={() => go(eventUrl(eventId, 'eventAttendees'))}>
              报名名单
            </Button>
            {published ? (
              <Button size='large' type='primary' className='js-checkin-code' onClick={() => go(eventUrl(eventId, 'eventCheckinCode'))}>
                签到码
              </Button>
            ) : null}
            <Button size='large' loading={busy === 'export'} disabled={!!busy} className='js-export' onClick={() => void exportList()}>
              导出
            </Button>
            {published && now < endAt ? (
              <Button size='large' fill='outline' type='primary' className='js-cancel-event' onClick={() => open('cancelEvent')}>
                取消活动
              </Button>
            ) : null}
          </View>
          <Text className='ll-block ll-muted'>{isWeapp ? '导出会把报名名单（CSV）复制到剪贴板。' : '导出会下载报名名单（CSV，可用 Excel 打开）。'}</Text>
        </Card>
      ) : null}

      <Dialog
        visible={!!dialog}
        title={dialog === 'cancelEvent' ? '取消活动' : v.mine?.status === 'waitlisted' ? '退出候补' : '取消报名'}
        confirmText={dialog === 'cancelEvent' ? '取消活动' : '确定取消'}
        cancelText='再想想'
        onConfirm={confirmDialog}
        onCancel={() => setDialog(null)}
        onClose={() => setDialog(null)}
      >
        {dialog === 'cancelRegistration' ? (
          <View className='js-dialog-cancel-registration'>
            <Text className='ll-block ll-text-2'>{releaseNote}</Text>
            {dialogError ? <Text className='ll-error-text js-dialog-error'>{dialogError}</Text> : null}
          </View>
        ) : null}
        {dialog === 'cancelEvent' ? (
          <View className='js-dialog-cancel-event'>
            <Text className='ll-block ll-muted'>取消后已报名和候补的邻居都会收到通知，活动不能恢复。请写明原因。</Text>
            <View className='ev-textarea'>
              <TextArea
                className='js-cancel-reason'
                placeholder='如：天气原因，改期另行通知'
                value={reason}
                maxLength={100}
                showCount
                onChange={(t: string) => setReason(t)}
              />
            </View>
            {dialogError ? <Text className='ll-error-text js-dialog-error'>{dialogError}</Text> : null}
          </View>
        ) : null}
      </Dialog>
    </View>
  )
}

export default function EventDetail() {
  const eventId = useEventId()
  return <SessionPage title='活动详情'>{eventId ? <Detail eventId={eventId} /> : <Empty text='没有找到这个活动' />}</SessionPage>
}
