// 我要反映's form: what, where, how urgent, who may see it, photos, 代办; checked with the shared
// contract and sent once (one idempotency key per form, so a retry or a double tap files it once).
import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { InputOf } from '@core/contract'
import type { RequestContract } from '@core/request/contract'
import type { Category, Urgency } from '@core/request/rules'
import { useFormProblem } from '../../../components/FormField'
import { NO_PROXY, onBehalfOfFrom, type ProxyChoice } from '../../../components/ProxyPicker'
import { useResource } from '../../../hooks/useResource'
import { requestDetailUrl } from '../../../routes'
import { askRequestStatusSubscription, requestApi } from '../../../services/request'
import { requestContract } from '@core/request/contract'
import { userApi } from '../../../services/user'
import { firstIssue } from '../../../services/validate'
import { useSession } from '../../../store/session'

type CreateInput = InputOf<RequestContract['create']>
export type Visibility = CreateInput['visibility']
export type ReportFormState = ReturnType<typeof useReportForm>

/** 8–64 characters of [A-Za-z0-9_-], made once per form. */
function newIdempotencyKey(): string {
  const random = Math.random().toString(36).slice(2, 12).padEnd(8, '0')
  return `${Date.now().toString(36)}-${random}`
}

export function useReportForm() {
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

  const buildings = directory.data?.buildings ?? []
  const building = buildings.find((b) => b.buildingId === buildingId) ?? null
  const home = session?.household ?? null
  const acting = mayActFor && proxyOn
  // 代办: the home is the resident's (the function puts their room on only when it is in this building)
  const ownPlace = acting ? place === 'building' && !!building : place === 'building' && !!home && home.buildingId === buildingId && (!unit || unit === home.unit)
  const atHome = ownPlace && (atHomeChoice ?? category === 'help')

  /** A building tile or 公共区域 ('__area'). */
  const choosePlace = (v: string) => {
    if (v === '__area') return setPlace('area')
    setPlace('building')
    if (v !== buildingId) setUnit(null)
    setBuildingId(v)
  }

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


  return {
    directory, deadlines, mayActFor, acting, buildings, building, home, ownPlace, atHome,
    category, setCategory, content, setContent, place, choosePlace, buildingId, unit, setUnit, area, setArea, setAtHome,
    urgency, setUrgency, visibility, setVisibility, photos, setPhotos, photoUrls, setPhotoUrls, setUploading,
    proxyOn, setProxyOn, proxy, setProxy, problem, busy, submit,
  }
}
