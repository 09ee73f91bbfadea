// 发布通知 / 编辑通知 (业委会、党支部、物业): category, title, 正文 (plain paragraphs, **bold**; sent as
// HTML and previewed as it will look), audience, 置顶, 重要通知, 定时发布, images and attachments
// (WeChat), and for 物业公示 a fee table. Checked with the shared contract before anything is sent;
// an edit sends only what changed.
import { useEffect, useRef, useState } from 'react'
import { Image, RichText, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { noticeUrl } from '../../../routes'
import { SessionPage } from '../../../components/SessionPage'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { publishableCategories } from '@core/notice/rules'
import {
  NOTICE_CATEGORY_LABELS,
  NOTICE_PUBLISHER_ROLES,
  noticeApi,
  noticeContract,
  type FeeRow,
  type NoticeCategory,
  type NoticeView,
  type PublishInput,
  type UpdateInput,
} from '../../../services/notice'
import { isWeapp } from '../../../services/platform'
import { userApi } from '../../../services/user'
import { firstIssue } from '../../../services/validate'
import { Field, FormProblemLine, useFormProblem, type FormProblem } from '../../../components/FormField'
import { Toggle } from '../../../components/Toggle'
import { useSession } from '../../../store/session'
import { useResource } from '../../../hooks/useResource'
import { eventTime } from '../../../utils/format'
import { formTimeToIso, isFormTime, isoToFormTime } from '../../../utils/formTime'
import { PublishAtField, feeTotal, hasRichFormatting, htmlToText, money, textToHtml, useNoticeId } from '../components'
import { group, tappable } from '../../../components/Tappable'

const CATEGORY_HINTS: Record<NoticeCategory, string> = {
  outage: '停水、停电、停气、电梯检修',
  disclosure: '物业费收支、公共收益公示',
  policy: '政策法规、垃圾分类、防诈骗',
  event: '活动预告、活动回顾',
  other: '其他事项',
}
/** What the property company may publish (the server has the last word). */
const MAX_IMAGES = 9
const MAX_ATTACHMENTS = 5

interface FeeDraft {
  item: string
  amount: string
  period: string
}

interface Form {
  category: NoticeCategory | null
  title: string
  body: string
  audience: 'compound' | 'buildings'
  buildingIds: string[]
  pinned: boolean
  important: boolean
  /** 'YYYY-MM-DD HH:mm' Beijing, '' = now. */
  publishAt: string
  images: string[]
  attachments: Array<{ name: string; fileId: string }>
  fees: FeeDraft[]
}

const blankFee = (period = ''): FeeDraft => ({ item: '', amount: '', period })

function blankForm(category: NoticeCategory | null): Form {
  return {
    category,
    title: '',
    body: '',
    audience: 'compound',
    buildingIds: [],
    pinned: false,
    important: false,
    publishAt: '',
    images: [],
    attachments: [],
    fees: category === 'disclosure' ? [blankFee()] : [],
  }
}

function formOf(v: NoticeView): Form {
  return {
    category: v.category,
    title: v.title,
    body: htmlToText(v.content),
    audience: v.audience.kind,
    buildingIds: v.audience.buildingIds,
    pinned: v.pinned,
    important: v.important,
    publishAt: Date.parse(v.publishedAt) > Date.now() ? isoToFormTime(v.publishedAt) : '',
    images: v.images,
    attachments: v.attachments,
    fees: v.feeTable.map((r) => ({ item: r.item, amount: String(r.amount), period: r.period })),
  }
}

const AMOUNT = /^-?\d+(\.\d{1,2})?$/

/** The fee rows as numbers; a string is the problem with them. Blank rows are left out. */
function feeRowsOf(fees: FeeDraft[]): FeeRow[] | string {
  const out: FeeRow[] = []
  for (const [i, f] of fees.entries()) {
    const item = f.item.trim()
    const amount = f.amount.trim().replace(/[,，\s]/g, '')
    const period = f.period.trim()
    if (!item && !amount && !period) continue
    if (!item || !amount || !period) return `费用第 ${i + 1} 行请填写完整（项目、金额、期间）`
    if (!AMOUNT.test(amount)) return `费用第 ${i + 1} 行的金额请填写数字，最多两位小数，如 1234.50`
    out.push({ item, amount: Number(amount), period })
  }
  return out
}

/** The whole form as the contract's publish input, or the problem with the form and the field it is about. */
function inputOf(f: Form, isNew: boolean): PublishInput | FormProblem {
  if (!f.category) return { message: '请选择通知类别', field: 'category' }
  if (f.audience === 'buildings' && !f.buildingIds.length) return { message: '请选择通知的楼栋', field: 'audience' }
  const feeTable = f.category === 'disclosure' ? feeRowsOf(f.fees) : []
  if (typeof feeTable === 'string') return { message: feeTable, field: 'feeTable' }
  let publishAt: string | undefined
  if (f.publishAt) {
    if (!isFormTime(f.publishAt)) return { message: '定时发布时间格式不正确', field: 'publishAt' }
    publishAt = formTimeToIso(f.publishAt)
    if (isNew && Date.parse(publishAt) <= Date.now()) return { message: '定时发布的时间已经过了，请重新选择，或改为立即发布', field: 'publishAt' }
  }
  return {
    category: f.category,
    title: f.title.trim(),
    content: textToHtml(f.body),
    audience: f.audience === 'buildings' ? { kind: 'buildings', buildingIds: [...f.buildingIds].sort() } : { kind: 'compound' },
    pinned: f.pinned,
    important: f.important,
    ...(publishAt ? { publishAt } : {}),
    images: f.images,
    attachments: f.attachments,
    feeTable,
  }
}

/** What a new notice sends: empty lists are left out. */
function publishBody(data: PublishInput): PublishInput {
  const out: PublishInput = { ...data }
  if (!out.images?.length) delete out.images
  if (!out.attachments?.length) delete out.attachments
  if (!out.feeTable?.length) delete out.feeTable
  return out
}

/** Only the fields an edit changed. The body is compared as text, so HTML the server normalised is not resent. */
function changes(before: Form, after: Form, data: PublishInput): Partial<PublishInput> {
  const prev = inputOf(before, false)
  const out: Partial<PublishInput> = {}
  for (const key of Object.keys(data) as Array<keyof PublishInput>) {
    if (key === 'content') continue
    const was = 'message' in prev ? undefined : prev[key]
    if (JSON.stringify(data[key]) !== JSON.stringify(was)) Object.assign(out, { [key]: data[key] })
  }
  if (after.body.trim() !== before.body.trim()) out.content = data.content
  // a scheduled notice switched to 立即发布
  if (before.publishAt && !after.publishAt) out.publishAt = new Date().toISOString()
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

function FeeEditor({ fees, onChange }: { fees: FeeDraft[]; onChange: (fees: FeeDraft[]) => void }) {
  const setRow = (i: number, patch: Partial<FeeDraft>) => onChange(fees.map((f, j) => (j === i ? { ...f, ...patch } : f)))
  const parsed = feeRowsOf(fees)
  return (
    <Card title='费用明细' className='js-fee-editor'>
      <Text className='ll-block ll-muted'>每行一项：项目、金额（元，支出可填负数）、期间（如 2026年1-6月）。居民看到的表格会自动加上合计。</Text>
      {fees.map((f, i) => (
        <View key={i} className={`ntc-fee-edit js-fee-edit-${i}`}>
          <View className='ntc-fee-edit__fields'>
            <View className='ll-field'>
              <Input className='js-fee-item' placeholder='项目，如 电梯维保' value={f.item} maxLength={40} onChange={(v: string) => setRow(i, { item: v })} />
            </View>
            <View className='ll-field'>
              <Input className='js-fee-amount' type='digit' placeholder='金额' value={f.amount} maxLength={16} onChange={(v: string) => setRow(i, { amount: v })} />
            </View>
          </View>
          <View className='ntc-fee-edit__fields'>
            <View className='ll-field'>
              <Input className='js-fee-period' placeholder='期间，如 2026年1-6月' value={f.period} maxLength={20} onChange={(v: string) => setRow(i, { period: v })} />
            </View>
            <Text className='ntc-link js-fee-remove' {...tappable(() => onChange(fees.filter((_, j) => j !== i)), { label: `删除第 ${i + 1} 行` })}>
              删除
            </Text>
          </View>
        </View>
      ))}
      <View className='ll-gap' />
      <View className='ntc-summary'>
        <Text className='ll-text-2 js-fee-edit-total'>{typeof parsed === 'string' ? '合计：—' : `合计：${money(feeTotal(parsed))} 元`}</Text>
        <Button
          size='small'
          fill='outline'
          type='primary'
          className='js-fee-add'
          disabled={fees.length >= 100}
          onClick={() => onChange([...fees, blankFee(fees[fees.length - 1]?.period ?? '')])}
        >
          添加一行
        </Button>
      </View>
    </Card>
  )
}

function baseName(path: string): string {
  return path.split('/').pop() ?? path
}

/** Images and attachments go to cloud storage, so they are added in WeChat only. */
function MediaEditor({ form, set }: { form: Form; set: <K extends keyof Form>(key: K, value: Form[K]) => void }) {
  const [busy, setBusy] = useState(false)
  const upload = async (filePath: string, name: string) => {
    // not guessable: a long random part beside the time (notices/<time>-<16 random characters>)
    const stamp = `${Date.now()}-${Array.from({ length: 16 }, () => Math.floor(Math.random() * 36).toString(36)).join('')}`
    const ext = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? ''
    const res = await Taro.cloud.uploadFile({ cloudPath: `notices/${stamp}${ext}`, filePath })
    return res.fileID
  }
  const addImages = async () => {
    try {
      const picked = await Taro.chooseMedia({ count: MAX_IMAGES - form.images.length, mediaType: ['image'], sizeType: ['compressed'] })
      setBusy(true)
      const ids: string[] = []
      for (const f of picked.tempFiles) ids.push(await upload(f.tempFilePath, baseName(f.tempFilePath)))
      set('images', [...form.images, ...ids].slice(0, MAX_IMAGES))
    } catch (e) {
      if (!/cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? e))) void Taro.showToast({ title: '图片上传失败，请重试', icon: 'none' })
    } finally {
      setBusy(false)
    }
  }
  const addAttachment = async () => {
    try {
      const picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx'] })
      const file = picked.tempFiles[0]
      if (!file) return
      setBusy(true)
      const fileId = await upload(file.path, file.name)
      set('attachments', [...form.attachments, { name: file.name.slice(0, 60), fileId }])
    } catch (e) {
      if (!/cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? e))) void Taro.showToast({ title: '附件上传失败，请重试', icon: 'none' })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Card title='图片与附件' className='js-media-editor'>
      {form.images.length ? (
        <View className='ntc-images'>
          {form.images.map((src) => (
            <View key={src}>
              {isWeapp ? (
                <Image className='ntc-image' src={src} mode='aspectFill' />
              ) : (
                <View className='ntc-image ntc-image--placeholder'>
                  <Text className='ntc-image__name'>{baseName(src)}</Text>
                </View>
              )}
              <Text
                className='ntc-image__remove js-image-remove'
                {...tappable(() => set('images', form.images.filter((i) => i !== src)), { label: `移除图片 ${baseName(src)}` })}
              >
                移除
              </Text>
            </View>
          ))}
        </View>
      ) : null}
      {form.attachments.map((a) => (
        <View key={a.fileId} className='ntc-file js-attachment'>
          <Text className='ntc-file__name'>{a.name}</Text>
          <Text
            className='ntc-link js-attachment-remove'
            {...tappable(() => set('attachments', form.attachments.filter((x) => x.fileId !== a.fileId)), { label: `移除附件 ${a.name}` })}
          >
            移除
          </Text>
        </View>
      ))}
      {isWeapp ? (
        <View className='ntc-buttons'>
          <Button fill='outline' loading={busy} disabled={busy || form.images.length >= MAX_IMAGES} className='js-add-images' onClick={() => void addImages()}>
            添加图片（{form.images.length}/{MAX_IMAGES}）
          </Button>
          <Button fill='outline' loading={busy} disabled={busy || form.attachments.length >= MAX_ATTACHMENTS} className='js-add-attachment' onClick={() => void addAttachment()}>
            添加附件
          </Button>
        </View>
      ) : (
        <Text className='ll-block ll-muted'>图片和附件请在微信小程序中添加（附件从微信聊天中选择）。</Text>
      )}
    </Card>
  )
}

function NoticeForm({ original }: { original: NoticeView | null }) {
  const { hasRole, session } = useSession()
  const noticeId = original?.noticeId ?? null
  // only the categories the server lets this publisher use are offered (the same rule decides there)
  const categories = publishableCategories(session?.roles ?? [])
  // the property company publishes mostly fee disclosures: preselect 物业公示 for it
  const propertyOnly = hasRole('property') && !hasRole('committee', 'branch')
  const [form, setForm] = useState<Form>(() => (original ? formOf(original) : blankForm(propertyOnly ? 'disclosure' : null)))
  const initial = useRef(form)
  const [preview, setPreview] = useState(false)
  const { problem, show: setProblem, clear: clearProblem } = useFormProblem()
  const [busy, setBusy] = useState(false)
  const sending = useRef(false)
  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    clearProblem()
  }
  const richOriginal = !!original && hasRichFormatting(original.content)
  // a notice already out cannot be scheduled again
  const [alreadyOut] = useState(() => !!original && Date.parse(original.publishedAt) <= Date.now())

  const chooseCategory = (c: NoticeCategory) => {
    setForm((f) => ({ ...f, category: c, fees: c === 'disclosure' && !f.fees.length ? [blankFee()] : f.fees }))
    clearProblem()
  }

  const save = async () => {
    if (sending.current) return
    const data = inputOf(form, !noticeId)
    if ('message' in data) return setProblem(data.message, data.field)
    const local = firstIssue(noticeContract.publish.input, publishBody(data))
    if (local) return setProblem(local.message, local.field)
    let patch: UpdateInput | null = null
    if (noticeId) {
      if (data.publishAt && form.publishAt !== initial.current.publishAt && Date.parse(data.publishAt) <= Date.now()) {
        return setProblem('定时发布的时间已经过了，请重新选择，或改为立即发布', 'publishAt')
      }
      const changed = changes(initial.current, form, data)
      if (!Object.keys(changed).length) return setProblem('没有修改任何内容')
      patch = { noticeId, ...changed }
      const patchProblem = firstIssue(noticeContract.update.input, patch)
      if (patchProblem) return setProblem(patchProblem.message, patchProblem.field)
    }
    clearProblem()
    sending.current = true
    setBusy(true)
    if (patch) {
      const res = await noticeApi.update(patch)
      sending.current = false
      setBusy(false)
      if (!res.ok) return setProblem(res.message)
      void Taro.showToast({ title: '已保存', icon: 'success' })
      void Taro.navigateBack().catch(() => Taro.redirectTo({ url: noticeUrl(res.data.noticeId) }))
      return
    }
    const res = await noticeApi.publish(publishBody(data))
    sending.current = false
    setBusy(false)
    if (!res.ok) return setProblem(res.message)
    const title = res.data.heldForReview ? '已提交，内容审核中' : form.publishAt ? '已设置定时发布' : '已发布'
    void Taro.showToast({ title, icon: res.data.heldForReview ? 'none' : 'success' })
    void Taro.redirectTo({ url: noticeUrl(res.data.noticeId) })
  }

  const toggleBuilding = (id: string) =>
    set('buildingIds', form.buildingIds.includes(id) ? form.buildingIds.filter((b) => b !== id) : [...form.buildingIds, id])

  const html = textToHtml(form.body)
  return (
    <View className='js-notice-form'>
      <Card title='通知类别'>
        <Field name='category' problem={problem}>
          <View className='ll-choice-row ntc-categories js-categories' {...group('radiogroup', '通知类别')}>
            {categories.map((c) => (
              <View
                key={c}
                className={`ll-choice js-category-${c} ${form.category === c ? 'is-selected' : ''}`}
                {...tappable(() => chooseCategory(c), { role: 'radio', checked: form.category === c })}
              >
                <Text className='ll-block'>{NOTICE_CATEGORY_LABELS[c]}</Text>
                <Text className='ntc-choice-desc'>{CATEGORY_HINTS[c]}</Text>
              </View>
            ))}
          </View>
        </Field>
        {propertyOnly ? (
          <Text className='ll-block ll-muted js-property-hint'>
            物业可发布：{categories.map((c) => NOTICE_CATEGORY_LABELS[c]).join('、')}。政策宣传、活动类通知由业委会、党支部发布。
          </Text>
        ) : null}
      </Card>

      <Card title='通知内容'>
        <Field name='title' problem={problem}>
          <Text className='ll-label'>标题</Text>
          <View className='ll-field'>
            <Input className='js-field-title' placeholder='如：12月5日（周六）8:00-12:00 停水通知' value={form.title} maxLength={60} onChange={(v: string) => set('title', v)} />
          </View>
        </Field>
        <Field name='content' problem={problem}>
          <View className='ntc-summary'>
            <Text className='ll-label'>正文</Text>
            <Text className='ntc-link js-preview' {...tappable(() => setPreview(!preview))}>
              {preview ? '返回编辑' : '预览'}
            </Text>
          </View>
          {preview ? (
            <View className='ntc-preview js-preview-content'>
              {html ? <RichText className='ntc-content' nodes={html} /> : <Text className='ll-block ll-muted'>还没有填写正文</Text>}
            </View>
          ) : (
            <View className='ntc-textarea'>
              <TextArea
                className='js-field-content'
                placeholder={'每行一段。用 **两个星号** 把要强调的字括起来，会显示为粗体。\n如：因市政管网维修，**12月5日 8:00-12:00** 小区停水，请提前储水。'}
                value={form.body}
                maxLength={10000}
                showCount
                autoSize
                onChange={(v: string) => set('body', v)}
              />
            </View>
          )}
        </Field>
        <Text className='ll-block ll-muted'>每行一段；**文字** 显示为粗体。发布前可点「预览」查看居民看到的样子。</Text>
        {richOriginal ? (
          <Text className='ll-block ll-error-text js-rich-warning'>这条通知的正文含有标题、列表、表格或图片等格式；修改正文后这些格式会变成普通段落。</Text>
        ) : null}
      </Card>

      {form.category === 'disclosure' ? (
        <Field name='feeTable' problem={problem}>
          <FeeEditor fees={form.fees} onChange={(fees) => set('fees', fees)} />
        </Field>
      ) : null}

      <MediaEditor form={form} set={set} />

      <Card title='发给谁'>
        <Field name='audience' problem={problem}>
          <View className='ll-choice-row' {...group('radiogroup', '发给谁')}>
            <View
              className={`ll-choice js-audience-compound ${form.audience === 'compound' ? 'is-selected' : ''}`}
              {...tappable(() => set('audience', 'compound'), { role: 'radio', checked: form.audience === 'compound' })}
            >
              <Text>全小区</Text>
            </View>
            <View
              className={`ll-choice js-audience-buildings ${form.audience === 'buildings' ? 'is-selected' : ''}`}
              {...tappable(() => set('audience', 'buildings'), { role: 'radio', checked: form.audience === 'buildings' })}
            >
              <Text>指定楼栋</Text>
            </View>
          </View>
          {form.audience === 'buildings' ? <BuildingChoices selected={form.buildingIds} onToggle={toggleBuilding} /> : null}
        </Field>
        <Text className='ll-block ll-muted'>
          {form.audience === 'buildings' ? '只有所选楼栋的住户能看到，阅读统计也只算这些楼栋。' : '小区所有居民都能看到。'}
        </Text>
      </Card>

      <Card title='发布设置'>
        <View className='ntc-switch-row'>
          <View>
            <Text className='ll-label'>置顶</Text>
            <Text className='ll-block ll-muted'>显示在通知列表最上面</Text>
          </View>
          <Toggle checked={form.pinned} onChange={(v) => set('pinned', v)} label='置顶' className='js-pinned' />
        </View>
        <View className='ntc-switch-row'>
          <View>
            <Text className='ll-label'>重要通知</Text>
            <Text className='ll-block ll-muted'>重要通知会给已订阅的居民发送提醒</Text>
          </View>
          <Toggle checked={form.important} onChange={(v) => set('important', v)} label='重要通知' className='js-important' />
        </View>
        <Text className='ll-label'>{alreadyOut ? '发布时间' : '定时发布'}</Text>
        {alreadyOut && original ? (
          <Text className='ll-block ll-muted js-published-at'>已于 {eventTime(original.publishedAt)} 发布</Text>
        ) : (
          <Field name='publishAt' problem={problem}>
            <PublishAtField value={form.publishAt} onChange={(v) => set('publishAt', v)} />
          </Field>
        )}
      </Card>

      {alreadyOut ? (
        <Text className='ll-block ll-muted js-edit-published-note'>
          {form.category === 'disclosure'
            ? '这条公示已经发布：修改后会注明修改时间，每次修改的内容（含金额的前后变化）向所有居民公开，已读的居民会重新看到未读提示。'
            : '这条通知已经发布：修改后会注明修改时间和改了什么，已读的居民会重新看到未读提示。'}
        </Text>
      ) : null}
      <FormProblemLine problem={problem} />
      <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-save-notice' onClick={() => void save()}>
        {noticeId ? '保存修改' : form.publishAt ? '定时发布' : '发布通知'}
      </Button>
      <View className='ll-gap' />
    </View>
  )
}

/** Editing: the notice as it stands, if the caller may manage it. */
function EditExisting({ noticeId }: { noticeId: string }) {
  const notice = useResource(() => noticeApi.get({ noticeId }), [noticeId])
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: '编辑通知' }).catch(() => undefined)
  }, [])
  if (notice.error) return <ErrorBlock message={notice.error} onRetry={() => void notice.reload()} />
  if (!notice.data) return <Loading />
  if (!notice.data.canManage) return <Empty text='只有通知的发布者可以修改通知' />
  if (notice.data.state === 'archived') return <Empty text='通知已下架，不能再修改' />
  return <NoticeForm original={notice.data} />
}

export default function NoticeEditPage() {
  const noticeId = useNoticeId()
  return (
    <SessionPage
      title={noticeId ? '编辑通知' : '发布通知'}
      subtitle='业委会、党支部、物业发布的小区通知'
      allow={(s) => s.hasRole(...NOTICE_PUBLISHER_ROLES)}
      denied={<Empty text='通知由业委会、党支部和物业发布。有事情需要告知邻居，可以通过「我要反映」联系我们。' />}
    >
      {noticeId ? <EditExisting noticeId={noticeId} /> : <NoticeForm original={null} />}
    </SessionPage>
  )
}
