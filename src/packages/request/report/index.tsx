// 我要反映: what (category, text), where (building/unit or a common area), how urgent, who may see
// it. One idempotency key per form, so a retry or a double tap never files the same thing twice.
import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import type { InputOf } from '@core/contract'
import type { RequestContract } from '@core/request/contract'
import {
  CATEGORIES,
  CATEGORY_LABELS,
  URGENCIES,
  URGENCY_LABELS,
  type Category,
  type Urgency,
} from '@core/request/rules'
import { Card } from '../../../components/Card'
import { PhotoPicker } from '../../../components/PhotoPicker'
import { NO_PROXY, ProxyPicker, onBehalfOfFrom, type ProxyChoice } from '../../../components/ProxyPicker'
import { Toggle } from '../../../components/Toggle'
import { ROUTES, go, requestDetailUrl } from '../../../routes'
import { StateTag } from '../../../components/RequestRow'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { askRequestStatusSubscription, requestApi, requestContract, type RequestSummary } from '../../../services/request'
import { userApi } from '../../../services/user'
import { firstIssue } from '../../../services/validate'
import { Field, FormProblemLine, useFormProblem, type FormProblem } from '../../../components/FormField'
import { useSession } from '../../../store/session'
import { useResource } from '../../../hooks/useResource'
import { MetooButton, RequestPage, Tiles, hoursText } from '../components'

type CreateInput = InputOf<RequestContract['create']>
type Visibility = CreateInput['visibility']

const CONTENT_MAX = 500

const CATEGORY_HINTS: Record<Category, string> = {
  repair: '水管、电梯、门禁、路灯',
  sanitation: '垃圾、楼道、绿化',
  security: '可疑人员、安全隐患',
  dispute: '邻里之间的矛盾',
  property: '物业态度、收费',
  parking: '乱停车、车位',
  noise: '装修、夜间噪音',
  help: '独居老人、行动不便',
  suggestion: '对小区的建议',
  other: '以上都不是',
}

const URGENCY_HINTS: Record<Urgency, string> = {
  emergency: '危及人身财产安全',
  utilities: '停水、停电、燃气、暖气故障',
  general: '日常问题',
  complex: '涉及多方、需要协调',
}

/** 8–64 characters of [A-Za-z0-9_-], made once per form. */
function newIdempotencyKey(): string {
  const random = Math.random().toString(36).slice(2, 12).padEnd(8, '0')
  return `${Date.now().toString(36)}-${random}`
}

function SimilarHint({ buildingId, category }: { buildingId: string; category: Category }) {
  const [items, setItems] = useState<RequestSummary[]>([])
  useEffect(() => {
    let live = true
    setItems([])
    void requestApi.similar({ buildingId, category }).then((res) => {
      // only a hint: a failure here must not get in the way of reporting
      if (live && res.ok) setItems(res.data.items)
    })
    return () => {
      live = false
    }
  }, [buildingId, category])
  if (!items.length) return null
  const onlyMine = items.every((i) => i.mine)
  return (
    <Card title='24小时内同楼栋已有类似反映' className='rq-hint js-similar'>
      <Text className='ll-block ll-muted js-similar-tip'>
        {onlyMine
          ? '您 24 小时内已经反映过同类问题，工作人员正在跟进。如果是另一件事，仍然可以提交。'
          : '可能已经有邻居反映过这件事，工作人员正在跟进。遇到同样的问题点「我也遇到」即可；如果情况不同，仍然可以提交。'}
      </Text>
      {items.map((i) => (
        <View key={i.requestId} className='rq-hint__item js-similar-item'>
          <StateTag state={i.state} />
          <Text className='rq-hint__text'>{i.mine ? `（我反映的）${i.excerpt}` : i.excerpt}</Text>
          {!i.mine && i.excerpt !== '（内容未公开）' ? <MetooButton item={i} /> : null}
        </View>
      ))}
    </Card>
  )
}

/** 代办 (grid workers and the branch): file for a verified resident without a phone, consent noted. */
function ProxyCard({ on, onToggle, choice, onChoice, problem }: { on: boolean; onToggle: (on: boolean) => void; choice: ProxyChoice; onChoice: (c: ProxyChoice) => void; problem: FormProblem | null }) {
  return (
    <Card className='js-proxy-card'>
      <View className='ll-row' style={{ justifyContent: 'space-between' }}>
        <Text>代居民提交（代办）</Text>
        <Toggle checked={on} onChange={onToggle} label='代居民提交（代办）' className='js-proxy-toggle' />
      </View>
      {on ? (
        <>
          <Text className='ll-block ll-muted'>为没有智能手机的已认证居民反映问题。反映记在居民名下，处理进度和结果居民登录后能看到。</Text>
          <ProxyPicker value={choice} onChange={onChoice} problem={problem} />
        </>
      ) : null}
    </Card>
  )
}

function ReportForm() {
  const { session, hasRole } = useSession()
  const mayActFor = hasRole('grid', 'branch')
  const directory = useResource(() => userApi.directory({}))
  // the compound's own deadlines, as the function will set them (never the defaults)
  const deadlines = useResource(() => requestApi.deadlines({}))
  const [key] = useState(newIdempotencyKey)
  const [category, setCategory] = useState<Category | null>(null)
  const [content, setContent] = useState('')
  const [place, setPlace] = useState<'building' | 'area'>('building')
  const [buildingId, setBuildingId] = useState<string | null>(session?.household?.buildingId ?? null)
  const [unit, setUnit] = useState<string | null>(null)
  const [area, setArea] = useState('')
  // "the problem is in my home": only then does the request carry my room (a help request usually is)
  const [atHomeChoice, setAtHome] = useState<boolean | null>(null)
  const [urgency, setUrgency] = useState<Urgency>('general')
  const [visibility, setVisibility] = useState<Visibility>('private')
  const [photos, setPhotos] = useState<string[]>([])
  const [photoUrls, setPhotoUrls] = useState<Record<string, string>>({})
  const [uploading, setUploading] = useState(false)
  const { problem, show: setProblem, clear: clearProblem } = useFormProblem()
  const [proxyOn, setProxyOn] = useState(false)
  const [proxy, setProxy] = useState<ProxyChoice>(NO_PROXY)
  const [busy, setBusy] = useState(false)
  const sending = useRef(false)
  const askedSubscription = useRef(false)
  // a message about the form goes away as soon as the resident changes the form
  useEffect(() => clearProblem(), [clearProblem, category, content, place, buildingId, unit, area, photos, proxyOn, proxy])

  if (directory.error) return <ErrorBlock message={directory.error} onRetry={() => void directory.reload()} />
  if (!directory.data) return <Loading />
  const { buildings } = directory.data
  const building = buildings.find((b) => b.buildingId === buildingId) ?? null
  const home = session?.household ?? null
  const acting = mayActFor && proxyOn
  // 代办: the home is the resident's (the function puts their room on only when it is in this building)
  const ownPlace = acting ? place === 'building' && !!building : place === 'building' && !!home && home.buildingId === buildingId && (!unit || unit === home.unit)
  const atHome = ownPlace && (atHomeChoice ?? category === 'help')

  const submit = async () => {
    if (sending.current) return
    if (uploading) return setProblem('照片正在上传，请稍候再提交', 'photos')
    const actedFor = acting ? onBehalfOfFrom(proxy) : null
    if (actedFor && !actedFor.ok) return setProblem(actedFor.problem.message, actedFor.problem.field)
    if (!category) return setProblem('请选择反映类别', 'category')
    if (!content.trim()) return setProblem('请填写反映内容', 'content')
    let location: CreateInput['location']
    if (place === 'area') {
      if (!area.trim()) return setProblem('请填写公共区域的具体位置', 'location')
      location = { area: area.trim() }
    } else {
      if (!building) return setProblem('请选择楼栋，或选择「公共区域」', 'location')
      location = unit ? { buildingId: building.buildingId, unit } : { buildingId: building.buildingId }
    }
    const data: CreateInput = { category, content: content.trim(), location, urgency, visibility, idempotencyKey: key }
    if (atHome) data.atHome = true
    if (photos.length) data.photos = photos
    if (actedFor?.ok) data.onBehalfOf = actedFor.value
    const local = firstIssue(requestContract.create.input, data)
    if (local) return setProblem(local.message, local.field)
    clearProblem()
    sending.current = true
    setBusy(true)
    // WeChat only lets a tap ask for subscription messages: ask first, once per form
    if (!askedSubscription.current) {
      askedSubscription.current = true
      await askRequestStatusSubscription()
    }
    const res = await requestApi.create(data)
    sending.current = false
    setBusy(false)
    if (!res.ok) return setProblem(res.message)
    void Taro.showToast({ title: res.data.heldForReview ? '已提交，内容审核中' : actedFor ? '已代居民提交' : '已提交', icon: 'success' })
    void Taro.redirectTo({ url: requestDetailUrl(res.data.requestId) })
  }

  return (
    <View className='js-report-form'>
      {mayActFor ? <ProxyCard on={proxyOn} onToggle={setProxyOn} choice={proxy} onChoice={setProxy} problem={problem} /> : null}

      <Card title='反映什么问题？'>
        <Field name='category' problem={problem}>
          <Tiles
            label='反映类别'
            options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c], desc: CATEGORY_HINTS[c], className: `js-category-${c}` }))}
            value={category}
            onChange={setCategory}
          />
        </Field>
        <Field name='content' problem={problem}>
          <Text className='ll-label'>具体情况</Text>
          <View className='rq-textarea'>
            <TextArea
              className='js-content'
              placeholder='请说明发生了什么、在哪里、持续多久了'
              value={content}
              maxLength={CONTENT_MAX}
              showCount
              autoSize
              onChange={(v: string) => setContent(v)}
            />
          </View>
        </Field>
      </Card>

      <Card title='照片（可选，最多 9 张）' className='js-report-photos'>
        <Text className='ll-block ll-muted'>拍下现场情况，工作人员能更快了解问题。</Text>
        <Field name='photos' problem={problem}>
          <PhotoPicker
            value={photos}
            onChange={setPhotos}
            max={9}
            urls={photoUrls}
            onUrls={(added) => setPhotoUrls((u) => ({ ...u, ...added }))}
            onBusy={setUploading}
          />
        </Field>
      </Card>

      <Card title='在哪里？'>
        <Field name='location' problem={problem}>
          <Tiles
            layout='chips'
            label='楼栋或公共区域'
            options={[
              ...buildings.map((b) => ({ value: b.buildingId, label: b.name, className: `js-building-${b.buildingId}` })),
              { value: '__area', label: '公共区域', className: 'js-location-area' },
            ]}
            value={place === 'area' ? '__area' : buildingId}
            onChange={(v) => {
              if (v === '__area') return setPlace('area')
              setPlace('building')
              if (v !== buildingId) setUnit(null)
              setBuildingId(v)
            }}
          />
          {place === 'building' && building && building.units.length ? (
            <>
              <Text className='ll-label'>单元（可不选）</Text>
              <Tiles
                layout='chips'
                label='单元'
                options={building.units.map((u) => ({ value: u, label: `${u}单元`, className: `js-unit-${u}` }))}
                value={unit}
                onChange={(u) => setUnit(u === unit ? null : u)}
              />
            </>
          ) : null}
          {ownPlace ? (
            <Tiles
              layout='chips'
              label='问题在哪里'
              className='js-at-home'
              options={[
                { value: 'home', label: acting ? '是居民家里的问题' : '是我家里的问题', className: 'js-at-home-yes' },
                { value: 'shared', label: '楼道等公共部位', className: 'js-at-home-no' },
              ]}
              value={atHome ? 'home' : 'shared'}
              onChange={(v) => setAtHome(v === 'home')}
            />
          ) : null}
          {ownPlace && atHome ? (
            <Text className='ll-block ll-muted js-at-home-note'>{acting ? '处理人员会看到居民的房号，方便上门。' : `处理人员会看到您的房号 ${home?.room ?? ''}，方便上门。`}</Text>
          ) : null}
          {place === 'area' ? (
            <>
              <Text className='ll-label'>具体位置</Text>
              <View className='ll-field'>
                <Input className='js-area' placeholder='如：东门、3号楼前停车场、儿童游乐区' value={area} maxLength={40} onChange={(v: string) => setArea(v)} />
              </View>
            </>
          ) : null}
        </Field>
      </Card>

      {place === 'building' && building && category ? <SimilarHint buildingId={building.buildingId} category={category} /> : null}

      <Card title='有多急？'>
        <Tiles
          layout='list'
          label='有多急'
          options={URGENCIES.map((u) => ({
            value: u,
            label: URGENCY_LABELS[u],
            desc: deadlines.data ? `${URGENCY_HINTS[u]}，${hoursText(deadlines.data.hours[u])}内响应` : URGENCY_HINTS[u],
            className: `js-urgency-${u}`,
          }))}
          value={urgency}
          onChange={setUrgency}
        />
        <Text className='ll-block ll-muted'>遇到火灾、急病、犯罪等紧急情况，请先拨打 119 / 120 / 110。</Text>
      </Card>

      <Card title='谁可以看到？'>
        <Tiles
          layout='list'
          label='谁可以看到'
          options={[
            { value: 'private' as const, label: '仅工作人员可见', desc: '只有处理这件事的网格员、物业和党支部能看到；求助任务还有认领的志愿者', className: 'js-visibility-private' },
            { value: 'public' as const, label: '公开', desc: '公开时邻居只看到内容和楼栋，看不到姓名和房号', className: 'js-visibility-public' },
          ]}
          value={visibility}
          onChange={setVisibility}
        />
      </Card>

      <FormProblemLine problem={problem} />
      <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-submit-request' onClick={() => void submit()}>
        提交反映
      </Button>
      <View className='ll-gap' />
    </View>
  )
}

export default function Report() {
  return (
    <RequestPage
      title='我要反映'
      subtitle='你呼我应 · 网格员限时响应'
      // grid workers and the branch may file for a resident (代办) without a verified home of their own
      allow={(s) => !!s.session?.household?.verified || (!!s.session?.compound && s.hasRole('grid', 'branch'))}
      denied={
        <Empty
          text='认证房屋后才能反映问题。认证后，网格员能找到您、及时回复您。'
          action={
            <Button type='primary' className='js-report-binding' onClick={() => go(ROUTES.binding)}>
              去认证房屋
            </Button>
          }
        />
      }
    >
      <ReportForm />
    </RequestPage>
  )
}
