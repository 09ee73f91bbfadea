// 发布活动 / 编辑活动 (业委会、党支部): name, description, times (Beijing), place, places, audience,
// whether it counts as volunteer service. Checked with the shared contract and the domain's time
// rules before anything is sent; an edit sends only what changed.
import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import type { InputOf } from '@core/contract'
import { AUDIENCE_KINDS, checkTimes, type AudienceKind } from '@core/event/rules'
import { Card } from '../../../components/Card'
import { eventUrl } from '../../../routes'
import { SessionPage } from '../../../components/SessionPage'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { EVENT_ORGANIZER_ROLES, eventApi, eventContract, type EventContract, type EventView } from '../../../services/event'
import { userApi } from '../../../services/user'
import { firstIssue } from '../../../services/validate'
import { Field, FormProblemLine, useFormProblem, type FormProblem } from '../../../components/FormField'
import { useResource } from '../../../hooks/useResource'
import { formDay, formTimeToIso, isoToFormTime } from '../../../utils/formTime'
import { AUDIENCE_LABELS, DateTimeField, useEventId } from '../components'
import { group, tappable } from '../../../components/Tappable'
import { Toggle } from '../../../components/Toggle'

type CreateInput = InputOf<EventContract['create']>
type UpdateInput = InputOf<EventContract['update']>

const AUDIENCE_HINTS: Record<AudienceKind, string> = {
  all: '本小区已认证的居民都可报名',
  buildings: '只有所选楼栋的居民可以报名',
  members: '只有党员和志愿者可以报名',
}

interface Form {
  title: string
  description: string
  place: string
  capacity: string
  start: string
  end: string
  deadline: string
  audience: AudienceKind
  buildingIds: string[]
  creditsHours: boolean
}

function blankForm(): Form {
  return {
    title: '',
    description: '',
    place: '',
    capacity: '',
    start: formDay(1, '14:00'),
    end: formDay(1, '16:00'),
    deadline: formDay(1, '12:00'),
    audience: 'all',
    buildingIds: [],
    creditsHours: false,
  }
}

function formOf(v: EventView): Form {
  return {
    title: v.title,
    description: v.description,
    place: v.place,
    capacity: String(v.capacity),
    start: isoToFormTime(v.startAt),
    end: isoToFormTime(v.endAt),
    deadline: isoToFormTime(v.signupDeadline),
    audience: v.audience.kind,
    buildingIds: v.audience.buildingIds,
    creditsHours: v.creditsHours,
  }
}

/** The form as the contract's create input, or the problem with the form and the field it is about. */
function inputOf(f: Form): CreateInput | FormProblem {
  const capacity = f.capacity.trim()
  if (!capacity) return { message: '请填写名额，不限人数请填 0', field: 'capacity' }
  if (f.audience === 'buildings' && !f.buildingIds.length) return { message: '请选择可以报名的楼栋', field: 'audience' }
  return {
    title: f.title.trim(),
    description: f.description.trim(),
    startAt: formTimeToIso(f.start),
    endAt: formTimeToIso(f.end),
    place: f.place.trim(),
    capacity: Number(capacity),
    signupDeadline: formTimeToIso(f.deadline),
    audience: f.audience === 'buildings' ? { kind: 'buildings', buildingIds: [...f.buildingIds].sort() } : { kind: f.audience },
    creditsHours: f.creditsHours,
  }
}

/** The form's field for a contract field (the three times share one card). */
function fieldOf(key: string | undefined): string | undefined {
  return key === 'startAt' || key === 'endAt' || key === 'signupDeadline' ? 'times' : key
}

/** Only the fields an edit changed. */
function changes(before: CreateInput, after: CreateInput): Partial<CreateInput> {
  const out: Partial<CreateInput> = {}
  for (const key of Object.keys(after) as Array<keyof CreateInput>) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) Object.assign(out, { [key]: after[key] })
  }
  return out
}

/** The compound's buildings to choose from (asked for only when the audience is 指定楼栋). */
function BuildingChoices({ selected, onToggle }: { selected: string[]; onToggle: (buildingId: string) => void }) {
  const directory = useResource(() => userApi.directory({}))
  if (directory.error) return <ErrorBlock message={directory.error} onRetry={() => void directory.reload()} />
  if (!directory.data) return <Loading />
  return (
    <View className='ll-choice-row js-buildings' {...group('group', '楼栋')}>
      {directory.data.buildings.map((b) => (
        <View
          key={b.buildingId}
          className={`ll-choice js-building-${b.buildingId} ${selected.includes(b.buildingId) ? 'is-selected' : ''}`}
          {...tappable(() => onToggle(b.buildingId), { role: 'checkbox', checked: selected.includes(b.buildingId) })}
        >
          <Text>{b.name}</Text>
        </View>
      ))}
    </View>
  )
}

function EventForm({ original }: { original: EventView | null }) {
  const eventId = original?.eventId ?? null
  const [form, setForm] = useState<Form>(() => (original ? formOf(original) : blankForm()))
  const { problem, show: setProblem, clear: clearProblem } = useFormProblem()
  const [busy, setBusy] = useState(false)
  const sending = useRef(false)
  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    clearProblem()
  }

  const save = async () => {
    if (sending.current) return
    const data = inputOf(form)
    if ('message' in data) return setProblem(data.message, data.field)
    const local = eventId ? firstIssue(eventContract.update.input, { eventId, ...data }) : firstIssue(eventContract.create.input, data)
    if (local) return setProblem(local.message, fieldOf(local.field))
    const times = checkTimes(
      { startAt: new Date(data.startAt), endAt: new Date(data.endAt), signupDeadline: new Date(data.signupDeadline) },
      new Date(),
      !eventId,
    )
    if (times) return setProblem(times, 'times')
    let patch: UpdateInput | null = null
    if (eventId && original) {
      const before = inputOf(formOf(original))
      const changed = 'message' in before ? data : changes(before, data)
      if (!Object.keys(changed).length) return setProblem('没有修改任何内容')
      patch = { eventId, ...changed }
    }
    clearProblem()
    sending.current = true
    setBusy(true)
    if (patch) {
      const res = await eventApi.update(patch)
      sending.current = false
      setBusy(false)
      // e.g. CONFLICT: fewer places than people already confirmed
      if (!res.ok) return setProblem(res.message)
      if (res.data.promoted > 0) {
        await Taro.showModal({
          title: '已保存',
          content: `名额增加后，已有 ${res.data.promoted} 位候补的邻居自动转为报名成功。`,
          showCancel: false,
          confirmText: '知道了',
        }).catch(() => undefined)
      } else {
        void Taro.showToast({ title: '已保存', icon: 'success' })
      }
      void Taro.navigateBack().catch(() => Taro.redirectTo({ url: eventUrl(res.data.eventId) }))
      return
    }
    const res = await eventApi.create(data)
    sending.current = false
    setBusy(false)
    if (!res.ok) return setProblem(res.message)
    void Taro.showToast({ title: res.data.heldForReview ? '已提交，内容审核中' : '已发布', icon: res.data.heldForReview ? 'none' : 'success' })
    void Taro.redirectTo({ url: eventUrl(res.data.eventId) })
  }

  const toggleBuilding = (id: string) =>
    set('buildingIds', form.buildingIds.includes(id) ? form.buildingIds.filter((b) => b !== id) : [...form.buildingIds, id])

  return (
    <View className='js-event-form'>
      <Card title='活动内容'>
        <Field name='title' problem={problem}>
          <Text className='ll-label'>活动名称</Text>
          <View className='ll-field'>
            <Input className='js-field-title' placeholder='如：重阳节敬老茶话会' value={form.title} maxLength={40} onChange={(v: string) => set('title', v)} />
          </View>
        </Field>
        <Field name='description' problem={problem}>
          <Text className='ll-label'>活动介绍</Text>
          <View className='ev-textarea'>
            <TextArea
              className='js-field-description'
              placeholder='活动内容、流程、需要携带的物品、注意事项'
              value={form.description}
              maxLength={2000}
              showCount
              autoSize
              onChange={(v: string) => set('description', v)}
            />
          </View>
        </Field>
        <Field name='place' problem={problem}>
          <Text className='ll-label'>地点</Text>
          <View className='ll-field'>
            <Input className='js-field-place' placeholder='如：党群服务中心二楼活动室' value={form.place} maxLength={60} onChange={(v: string) => set('place', v)} />
          </View>
        </Field>
      </Card>

      <Card title='时间（北京时间）'>
        <Field name='times' problem={problem}>
          <DateTimeField label='开始时间' name='start' value={form.start} onChange={(v) => set('start', v)} />
          <DateTimeField label='结束时间' name='end' value={form.end} onChange={(v) => set('end', v)} />
          <DateTimeField label='报名截止' name='deadline' value={form.deadline} onChange={(v) => set('deadline', v)} />
        </Field>
        <Text className='ll-block ll-muted'>报名截止不能晚于活动开始。活动开始前 2 小时会提醒已报名的邻居。</Text>
      </Card>

      <Card title='报名'>
        <Field name='capacity' problem={problem}>
          <Text className='ll-label'>名额（填 0 表示不限）</Text>
          <View className='ll-field'>
            <Input className='js-field-capacity' type='number' placeholder='如：30' value={form.capacity} maxLength={6} onChange={(v: string) => set('capacity', v)} />
          </View>
        </Field>
        {original && original.confirmedCount > 0 ? (
          <Text className='ll-block ll-muted'>已有 {original.confirmedCount} 人报名成功，名额不能少于这个数；增加名额时候补的邻居会按顺序自动递补。</Text>
        ) : null}
        <Field name='audience' problem={problem}>
          <Text className='ll-label'>面向</Text>
          <View className='ll-choice-row' {...group('radiogroup', '面向')}>
            {AUDIENCE_KINDS.map((kind) => (
              <View key={kind} className={`ll-choice js-audience-${kind} ${form.audience === kind ? 'is-selected' : ''}`} {...tappable(() => set('audience', kind), { role: 'radio', checked: form.audience === kind })}>
                <Text className='ll-block'>{AUDIENCE_LABELS[kind]}</Text>
                <Text className='ev-choice-desc'>{AUDIENCE_HINTS[kind]}</Text>
              </View>
            ))}
          </View>
          {form.audience === 'buildings' ? <BuildingChoices selected={form.buildingIds} onToggle={toggleBuilding} /> : null}
        </Field>
        <View className='ev-switch-row'>
          <View>
            <Text className='ll-label'>计入志愿服务时长</Text>
            <Text className='ll-block ll-muted'>签到后按活动时长记录，每天最多 8 小时</Text>
          </View>
          <Toggle checked={form.creditsHours} onChange={(v) => set('creditsHours', v)} label='计入志愿服务时长' className='js-credits-hours' />
        </View>
      </Card>

      <FormProblemLine problem={problem} />
      <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-save-event' onClick={() => void save()}>
        {eventId ? '保存修改' : '发布活动'}
      </Button>
      <View className='ll-gap' />
    </View>
  )
}

/** Editing: the event as it stands, if the caller may manage it. */
function EditExisting({ eventId }: { eventId: string }) {
  const event = useResource(() => eventApi.get({ eventId }), [eventId])
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: '编辑活动' }).catch(() => undefined)
  }, [])
  if (event.error) return <ErrorBlock message={event.error} onRetry={() => void event.reload()} />
  if (!event.data) return <Loading />
  if (!event.data.canManage) return <Empty text='只有活动的组织者可以修改活动' />
  if (event.data.state === 'cancelled') return <Empty text='活动已取消，不能再修改' />
  return <EventForm original={event.data} />
}

export default function EventEdit() {
  const eventId = useEventId()
  return (
    <SessionPage
      title={eventId ? '编辑活动' : '发布活动'}
      subtitle='业委会、党支部组织的小区活动'
      allow={(s) => !!eventId || s.hasRole(...EVENT_ORGANIZER_ROLES)}
      denied={<Empty text='发布活动由业委会、党支部负责。有活动建议，可以通过「我要反映」告诉我们。' />}
    >
      {eventId ? <EditExisting eventId={eventId} /> : <EventForm original={null} />}
    </SessionPage>
  )
}
