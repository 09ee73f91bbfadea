// 你呼我应 as residents, volunteers and staff see it: reporting, the detail page's actions, rating, the task hall.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import type { RequestSummary, RequestView } from '../../src/services/request'
import Detail from '../../src/packages/request/detail'
import Hall from '../../src/packages/request/hall'
import Board from '../../src/packages/request/board'
import Work from '../../src/packages/request/work'
import Report from '../../src/packages/request/report'
import { photoEncoding } from '../../src/services/upload'
import { failWith, fakeCloud, session, type Calls } from './helpers/fakeCloud'
import { el, renderPage, typeInto } from './helpers/dom'

beforeEach(() => {
  // NutUI's Dialog animates with react-transition-group, which React 18 warns about (findDOMNode)
  const original = console.error
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('findDOMNode is deprecated')) return
    original(...args)
  })
})

afterEach(() => {
  jest.restoreAllMocks()
  ;(Current as unknown as { router: unknown }).router = null
})

const verified = () =>
  session({
    roles: ['resident'],
    compound: { compoundId: 'c1', name: '红湖公园城' },
    household: { householdId: 'h1', buildingId: 'b1', buildingName: '1栋', unit: '1', room: '301', verified: true },
  })

const directory = () => ({
  compounds: [{ compoundId: 'c1', name: '红湖公园城', address: '' }],
  buildings: [
    { buildingId: 'b1', name: '1栋', units: ['1', '2'], floors: 9 },
    { buildingId: 'b2', name: '2栋', units: ['1'], floors: 9 },
  ],
})

function summary(over: Partial<RequestSummary> = {}): RequestSummary {
  return {
    metooCount: 0,
    mine: false,
    metooed: false,
    canMetoo: false,
    requestId: 'r1',
    category: 'help',
    excerpt: '独居老人需要帮忙买药',
    urgency: 'general',
    state: 'submitted',
    place: '1栋',
    createdAt: '2026-11-20T02:00:00.000Z',
    dueAt: '2026-11-27T02:00:00.000Z',
    overdue: false,
    escalationLevel: 0,
    rating: null,
    ...over,
  }
}

function view(over: Partial<RequestView> = {}): RequestView {
  return {
    requestId: 'r1',
    category: 'repair',
    content: '3单元楼道灯坏了一周了，晚上看不见台阶',
    urgency: 'general',
    visibility: 'private',
    state: 'submitted',
    location: { buildingId: 'b1', buildingName: '1栋', unit: '3', area: null },
    room: '301',
    reporterName: '王**',
    reporterPhone: '138****1234',
    photos: [],
    createdAt: '2026-11-20T02:00:00.000Z',
    dueAt: '2026-11-27T02:00:00.000Z',
    overdue: false,
    escalationLevel: 0,
    assigneeName: null,
    rating: null,
    fixed: null,
    heldForReview: false,
    timeline: [
      { at: '2026-11-20T02:00:00.000Z', action: 'create', actor: '王**', actorRole: 'resident', fromState: null, toState: 'submitted', note: null, photos: [] },
    ],
    can: [],
    photoUrls: {},
    ...over,
  }
}

function openDetail(id: string) {
  ;(Current as unknown as { router: unknown }).router = { params: { id }, path: '/packages/request/detail/index' }
}

const created = (calls: Calls) => calls.filter((c) => c.fn === 'request' && c.action === 'create')

describe('我要反映', () => {
  it('refuses to send without a category or content, then retries a failed send with the same idempotency key', async () => {
    let attempts = 0
    const calls = fakeCloud({
      'user.login': verified,
      'user.directory': directory,
      'request.similar': () => ({ items: [] }),
      'request.create': () => (++attempts === 1 ? failWith('INTERNAL', '系统繁忙，请稍后再试') : { requestId: 'r9', state: 'submitted', dueAt: '2026-11-27T02:00:00.000Z', heldForReview: false }),
    })
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(Report)
    await waitFor(() => expect(screen.getByText('反映什么问题？')).toBeTruthy())
    // 代办 is for grid workers and the branch only
    expect(document.querySelector('.js-proxy-toggle')).toBeNull()

    fireEvent.click(screen.getByText('提交反映'))
    expect(screen.getByText('请选择反映类别')).toBeTruthy()
    fireEvent.click(el('.js-category-repair'))
    fireEvent.click(screen.getByText('提交反映'))
    expect(screen.getByText('请填写反映内容')).toBeTruthy()
    await typeInto('.js-content textarea', '   ')
    fireEvent.click(screen.getByText('提交反映'))
    expect(screen.getByText('请填写反映内容')).toBeTruthy()
    expect(created(calls)).toHaveLength(0)

    await typeInto('.js-content textarea', '楼道灯坏了')
    fireEvent.click(el('.js-unit-2'))
    fireEvent.click(el('.js-urgency-utilities'))
    fireEvent.click(el('.js-visibility-public'))
    fireEvent.click(screen.getByText('提交反映'))
    await waitFor(() => expect(screen.getByText('系统繁忙，请稍后再试')).toBeTruthy())
    expect(redirect).not.toHaveBeenCalled()

    fireEvent.click(screen.getByText('提交反映'))
    await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: '/packages/request/detail/index?id=r9' }))
    const [first, second] = created(calls)
    expect(second.data).toEqual(first.data)
    expect(first.data).toEqual({
      category: 'repair',
      content: '楼道灯坏了',
      location: { buildingId: 'b1', unit: '2' },
      urgency: 'utilities',
      visibility: 'public',
      idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
    })
  })

  it("shows the compound's own response deadlines, as the function will set them", async () => {
    fakeCloud({
      'user.login': verified,
      'user.directory': directory,
      'request.deadlines': () => ({ hours: { emergency: 1, utilities: 12, general: 72, complex: 240 } }),
    })
    renderPage(Report)
    await waitFor(() => expect(document.querySelector('.js-urgency-utilities')?.textContent).toMatch(/12小时内响应/))
    expect(document.querySelector('.js-urgency-general')?.textContent).toMatch(/3天内响应/)
    expect(document.querySelector('.js-urgency-emergency')?.textContent).toMatch(/1小时内响应/)
  })

  it('hints at similar reports in the same building, and still lets the resident send a common-area report', async () => {
    const calls = fakeCloud({
      'user.login': verified,
      'user.directory': directory,
      'request.similar': (d) => ({ items: d.category === 'noise' ? [summary({ category: 'noise', excerpt: '楼上装修噪音太大', state: 'accepted' })] : [] }),
      'request.create': () => ({ requestId: 'r2', state: 'submitted', dueAt: '2026-11-27T02:00:00.000Z', heldForReview: false }),
    })
    jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(Report)
    await waitFor(() => expect(screen.getByText('反映什么问题？')).toBeTruthy())
    fireEvent.click(el('.js-category-noise'))
    await waitFor(() => expect(screen.getByText('24小时内同楼栋已有类似反映')).toBeTruthy())
    expect(screen.getByText('楼上装修噪音太大')).toBeTruthy()
    expect(calls.find((c) => c.action === 'similar')?.data).toEqual({ buildingId: 'b1', category: 'noise' })

    fireEvent.click(el('.js-location-area'))
    await waitFor(() => expect(screen.queryByText('24小时内同楼栋已有类似反映')).toBeNull())
    await typeInto('.js-content textarea', '东门广场舞音响太吵')
    fireEvent.click(screen.getByText('提交反映'))
    expect(screen.getByText('请填写公共区域的具体位置')).toBeTruthy()
    await typeInto('.js-area input', '东门广场')
    fireEvent.click(screen.getByText('提交反映'))
    await waitFor(() => expect(created(calls)).toHaveLength(1))
    expect(created(calls)[0].data).toMatchObject({ category: 'noise', location: { area: '东门广场' }, visibility: 'private', urgency: 'general' })
  })

  it('lets a grid worker file for a resident without a phone (代办), only with the consent noted', async () => {
    const calls = fakeCloud({
      'user.login': () => session({ ...verified(), roles: ['resident', 'grid'], gridBuildingIds: ['b1'] }),
      'user.directory': directory,
      'user.proxyCandidates': () => ({ items: [{ userId: 'u7', displayName: '张桂兰', home: '1栋2单元502', phoneMasked: '139****0001' }] }),
      'request.similar': () => ({ items: [] }),
      'request.create': () => ({ requestId: 'r8', state: 'submitted', dueAt: '2026-11-27T02:00:00.000Z', heldForReview: false }),
    })
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(Report)
    await waitFor(() => expect(screen.getByText('代居民提交（代办）')).toBeTruthy())
    fireEvent.click(el('.js-category-help'))
    await typeInto('.js-content textarea', '独居老人家里水龙头漏水')

    fireEvent.click(el('.js-proxy-toggle'))
    fireEvent.click(screen.getByText('提交反映'))
    expect(screen.getByText('请先查找并选择要代办的居民')).toBeTruthy()

    await typeInto('.js-proxy-query input', '张')
    fireEvent.click(el('.js-proxy-search'))
    await waitFor(() => expect(el('.js-proxy-option-u7').textContent).toBe('张桂兰1栋2单元502 · 139****0001'))
    expect(calls.find((c) => c.action === 'proxyCandidates')?.data).toEqual({ query: '张' })
    fireEvent.click(el('.js-proxy-option-u7'))
    fireEvent.click(screen.getByText('提交反映'))
    expect(screen.getByText(/请填写居民同意情况/)).toBeTruthy()
    expect(el('.js-form-field-proxyConsent').getAttribute('aria-invalid')).toBe('true')
    expect(created(calls)).toHaveLength(0)

    await typeInto('.js-proxy-consent textarea', '本人口头同意，楼栋长当面记录')
    fireEvent.click(screen.getByText('提交反映'))
    await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: '/packages/request/detail/index?id=r8' }))
    expect(created(calls)[0].data).toMatchObject({
      category: 'help',
      content: '独居老人家里水龙头漏水',
      onBehalfOf: { userId: 'u7', consentNote: '本人口头同意，楼栋长当面记录' },
    })
  })

  it('asks a resident without a verified household to verify first', async () => {
    const calls = fakeCloud({ 'user.login': () => session({ roles: ['resident'] }) })
    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(Report)
    await waitFor(() => expect(screen.getByText(/认证房屋后才能反映问题/)).toBeTruthy())
    fireEvent.click(screen.getByText('去认证房屋'))
    expect(nav).toHaveBeenCalledWith({ url: '/packages/user/binding/index' })
    expect(calls.some((c) => c.fn === 'user' && c.action === 'directory')).toBe(false)
  })
})

/** Taro.chooseImage answers with these temp files; the (canvas) compression answers a tiny JPEG. */
function fakePicking(paths: string[]) {
  const choose = jest.spyOn(Taro, 'chooseImage').mockResolvedValue({ tempFilePaths: paths, tempFiles: paths.map((path) => ({ path, size: 1000 })), errMsg: 'ok' } as never)
  const encode = jest.spyOn(photoEncoding, 'h5').mockResolvedValue({ contentType: 'image/jpeg', data: '/9j/'.padEnd(64, 'A') })
  return { choose, encode }
}

let uploads = 0
const uploaded = () => {
  const n = ++uploads
  return { fileId: `cloud://env-1.abc/requests/u1/p${n}.jpg`, url: `https://tmp.example/p${n}.jpg` }
}

describe('我要反映 · 照片', () => {
  beforeEach(() => {
    uploads = 0
  })

  it('uploads the chosen photos, lets one be removed, and sends the rest with the report', async () => {
    const calls = fakeCloud({
      'user.login': verified,
      'user.directory': directory,
      'request.similar': () => ({ items: [] }),
      'request.uploadPhoto': uploaded,
      'request.create': () => ({ requestId: 'r7', state: 'submitted', dueAt: '2026-11-27T02:00:00.000Z', heldForReview: false }),
    })
    const { choose, encode } = fakePicking(['blob:http://localhost/a', 'blob:http://localhost/b'])
    jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(Report)
    await waitFor(() => expect(screen.getByText('照片（可选，最多 9 张）')).toBeTruthy())

    fireEvent.click(el('.js-add-photo'))
    await waitFor(() => expect(document.querySelectorAll('.js-photo-picker .js-photo')).toHaveLength(2))
    expect(choose).toHaveBeenCalledWith({ count: 9, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    expect(encode.mock.calls.map((c) => c[0])).toEqual(['blob:http://localhost/a', 'blob:http://localhost/b'])
    const sent = calls.filter((c) => c.action === 'uploadPhoto')
    expect(sent).toHaveLength(2)
    expect(sent[0].data).toEqual({ contentType: 'image/jpeg', data: expect.stringMatching(/^\/9j\/A+$/) })
    expect(document.querySelector('.js-photo-uploading')).toBeNull()

    // the first one goes again
    fireEvent.click(el('.js-photo-picker .js-remove-photo'))
    await waitFor(() => expect(document.querySelectorAll('.js-photo-picker .js-photo')).toHaveLength(1))

    fireEvent.click(el('.js-category-repair'))
    await typeInto('.js-content textarea', '楼道灯坏了')
    fireEvent.click(screen.getByText('提交反映'))
    await waitFor(() => expect(created(calls)).toHaveLength(1))
    expect(created(calls)[0].data.photos).toEqual(['cloud://env-1.abc/requests/u1/p2.jpg'])
  })

  it("shows the server's message when an upload is refused, and sends no photos", async () => {
    const calls = fakeCloud({
      'user.login': verified,
      'user.directory': directory,
      'request.similar': () => ({ items: [] }),
      'request.uploadPhoto': () => failWith('INVALID_INPUT', '图片太大，请压缩后再上传'),
      'request.create': () => ({ requestId: 'r8', state: 'submitted', dueAt: '2026-11-27T02:00:00.000Z', heldForReview: false }),
    })
    fakePicking(['blob:http://localhost/big'])
    jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
    const toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(Report)
    await waitFor(() => expect(document.querySelector('.js-add-photo')).toBeTruthy())
    fireEvent.click(el('.js-add-photo'))
    await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '图片太大，请压缩后再上传', icon: 'none' })))
    await waitFor(() => expect(document.querySelector('.js-photo-uploading')).toBeNull())
    expect(document.querySelectorAll('.js-photo-picker .js-photo')).toHaveLength(0)

    fireEvent.click(el('.js-category-repair'))
    await typeInto('.js-content textarea', '楼道灯坏了')
    fireEvent.click(screen.getByText('提交反映'))
    await waitFor(() => expect(created(calls)).toHaveLength(1))
    expect(created(calls)[0].data).not.toHaveProperty('photos')
  })
})

describe('反映详情', () => {
  it('marks a request filed by a worker for the resident: 由…代办 and the consent', async () => {
    openDetail('r1')
    fakeCloud({
      'user.login': verified,
      'request.get': () => view({ actedFor: { by: '刘芳', consentNote: '本人口头同意，楼栋长当面记录' } }),
    })
    renderPage(Detail)
    await waitFor(() => expect(el('.js-detail-acted-for')).toBeTruthy())
    expect(el('.js-detail-acted-for').textContent).toMatch(/由 刘芳 代办（本人口头同意，楼栋长当面记录）/)
  })

  it('a low rating that sent the request back reads as the last rating, not as 已解决 beside 重新办理 (issue 11 item 9)', async () => {
    openDetail('r1')
    fakeCloud({ 'user.login': verified, 'request.get': () => view({ state: 'reopened', rating: 2, fixed: true, assigneeName: '刘芳' }) })
    renderPage(Detail)
    await waitFor(() => expect(el('.js-detail-rating')).toBeTruthy())
    const rating = el('.js-detail-rating').textContent ?? ''
    expect(rating).toContain('上次评价')
    expect(rating).toContain('评价不满意，已退回重新办理')
    expect(rating).not.toMatch(/(^|[^时])已解决/)
    cleanup()
    // a closed request keeps its rating as given
    fakeCloud({ 'user.login': verified, 'request.get': () => view({ state: 'closed', rating: 5, fixed: true, assigneeName: '刘芳' }) })
    renderPage(Detail)
    await waitFor(() => expect(el('.js-detail-rating')).toBeTruthy())
    expect(el('.js-detail-rating').textContent).toContain('反映人认为问题已解决')
    expect(el('.js-detail-rating').textContent).not.toContain('上次评价')
  })

  it('工作台 rows show the urgency and the deadline, red once passed (issue 11 item 9)', async () => {
    fakeCloud({
      'user.login': () => session({ roles: ['resident', 'grid'] }),
      'request.listAssigned': () => ({
        items: [
          summary({ requestId: 'a', urgency: 'emergency', dueAt: '2026-11-20T04:00:00.000Z', overdue: true }),
          summary({ requestId: 'b', urgency: 'general', dueAt: '2026-11-27T02:00:00.000Z' }),
        ],
        nextCursor: null,
      }),
      'request.stats': () => ({}),
    })
    renderPage(Work)
    await waitFor(() => expect(el('.js-request-a .js-row-due')).toBeTruthy())
    expect(el('.js-request-a .js-urgency-emergency').textContent).toBe('紧急')
    expect(el('.js-request-a .js-row-due').textContent).toMatch(/^已超过期限 (2026年)?11月20日 12:00$/)
    expect(el('.js-request-b .js-urgency')).toBeNull()
    expect(el('.js-request-b .js-row-due').textContent).toMatch(/^期限 (2026年)?11月27日 10:00 前$/)
  })

  it('a withdrawn report shows no deadline and no 待受理 (issue 11 item 9)', async () => {
    openDetail('r1')
    fakeCloud({
      'user.login': verified,
      'request.get': () =>
        view({
          state: 'withdrawn',
          timeline: [
            { at: '2026-11-20T02:00:00.000Z', action: 'create', actor: '王**', actorRole: 'resident', fromState: null, toState: 'submitted', note: null, photos: [] },
            { at: '2026-11-20T03:00:00.000Z', action: 'withdraw', actor: '王**', actorRole: 'resident', fromState: 'submitted', toState: 'withdrawn', note: '已经修好了', photos: [] },
          ],
        }),
    })
    renderPage(Detail)
    await waitFor(() => expect(el('.js-request-detail')).toBeTruthy())
    expect(el('.js-detail-due')).toBeNull()
    expect(el('.js-detail-assignee').textContent).not.toContain('待受理')
    expect(el('.js-detail-assignee').textContent).toContain('已撤回，无需办理')
  })

  const buttons = () => Array.from(document.querySelectorAll('[class*="js-action-"]')).map((b) => (b.className.match(/js-action-(\w+)/) ?? [])[1])

  it('shows only the actions in `can`, and replaces the view with what an action returns', async () => {
    openDetail('r1')
    const calls = fakeCloud({
      'user.login': () => session({ roles: ['resident', 'grid'] }),
      'request.get': () => view({ can: ['accept', 'reject', 'note'] }),
      'request.accept': () =>
        view({
          state: 'accepted',
          assigneeName: '李网格',
          can: ['start', 'resolve', 'note', 'escalate'],
          timeline: [...view().timeline, { at: '2026-11-20T03:00:00.000Z', action: 'accept', actor: '李网格', actorRole: 'grid', fromState: 'submitted', toState: 'accepted', note: null, photos: [] }],
        }),
    })
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(Detail)
    await waitFor(() => expect(screen.getByText('3单元楼道灯坏了一周了，晚上看不见台阶')).toBeTruthy())
    expect(calls.find((c) => c.action === 'get')?.data).toEqual({ requestId: 'r1' })
    expect(screen.getByText('1栋3单元 301室')).toBeTruthy()
    expect(buttons().sort()).toEqual(['accept', 'note', 'reject'])
    expect(document.querySelector('.js-rate-card')).toBeNull()
    // filed by the resident: no 代办 line
    expect(document.querySelector('.js-detail-acted-for')).toBeNull()

    fireEvent.click(el('.js-action-accept'))
    await waitFor(() => expect(screen.getByText('李网格')).toBeTruthy())
    expect(calls.find((c) => c.action === 'accept')?.data).toEqual({ requestId: 'r1' })
    expect(buttons().sort()).toEqual(['escalate', 'note', 'resolve', 'start'])
    expect(screen.getByText('楼栋长/网格员', { exact: false })).toBeTruthy()
  })

  it('will not resolve without a result, and sends the result written in the dialog', async () => {
    openDetail('r1')
    const calls = fakeCloud({
      'user.login': () => session({ roles: ['resident', 'property'] }),
      'request.get': () => view({ state: 'in_progress', can: ['resolve', 'note'] }),
      'request.resolve': (d) => view({ state: 'resolved', can: ['note'], timeline: [...view().timeline, { at: '2026-11-21T03:00:00.000Z', action: 'resolve', actor: '物业张师傅', actorRole: 'property', fromState: 'in_progress', toState: 'resolved', note: String(d.note), photos: [] }] }),
    })
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(Detail)
    await waitFor(() => expect(document.querySelector('.js-action-resolve')).toBeTruthy())
    fireEvent.click(el('.js-action-resolve'))
    await waitFor(() => expect(document.querySelector('.js-resolve-input textarea')).toBeTruthy())
    fireEvent.click(el('.nut-dialog-footer-ok'))
    await waitFor(() => expect(screen.getByText('请填写处理结果')).toBeTruthy())
    expect(calls.some((c) => c.action === 'resolve')).toBe(false)

    await typeInto('.js-resolve-input textarea', '已更换灯泡')
    fireEvent.click(el('.nut-dialog-footer-ok'))
    await waitFor(() => expect(calls.find((c) => c.action === 'resolve')?.data).toEqual({ requestId: 'r1', note: '已更换灯泡' }))
    await waitFor(() => expect(screen.getAllByText('已更换灯泡').length).toBeGreaterThan(0))
    await waitFor(() => expect(document.querySelector('.js-action-resolve')).toBeNull())
  })

  it('转派: the branch picks whom to hand it to from what the server offers, and writes why (issue 11 item 9)', async () => {
    openDetail('r1')
    const calls = fakeCloud({
      'user.login': () => session({ roles: ['resident', 'branch'] }),
      'request.get': () => view({ state: 'escalated', escalationLevel: 1, can: ['accept', 'transfer', 'note'], transferTo: ['grid', 'property', 'committee'] }),
      'request.transfer': (d) =>
        view({ state: 'submitted', can: ['note'], timeline: [...view().timeline, { at: '2026-11-21T03:00:00.000Z', action: 'transfer', actor: '孙红梅', actorRole: 'branch', fromState: 'escalated', toState: 'submitted', note: `转派给物业：${String(d.reason)}`, photos: [] }] }),
    })
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(Detail)
    await waitFor(() => expect(document.querySelector('.js-action-transfer')).toBeTruthy())
    fireEvent.click(el('.js-action-transfer'))
    await waitFor(() => expect(document.querySelector('.js-transfer-targets')).toBeTruthy())
    expect([...document.querySelectorAll('.js-transfer-targets .ll-chip')].map((c) => c.textContent)).toEqual(['楼栋长/网格员', '物业', '业委会'])
    await waitFor(() => expect(document.querySelector('.js-transfer-input textarea')).toBeTruthy())
    await typeInto('.js-transfer-input textarea', '装修管理归物业')
    fireEvent.click(el('.nut-dialog-footer-ok'))
    await waitFor(() => expect(screen.getByText('请选择转派给谁')).toBeTruthy())
    expect(calls.some((c) => c.action === 'transfer')).toBe(false)

    fireEvent.click(el('.js-transfer-property'))
    fireEvent.click(el('.nut-dialog-footer-ok'))
    await waitFor(() => expect(calls.find((c) => c.action === 'transfer')?.data).toEqual({ requestId: 'r1', to: 'property', reason: '装修管理归物业' }))
    await waitFor(() => expect(screen.getAllByText('转派给物业：装修管理归物业').length).toBeGreaterThan(0))
    expect(screen.getAllByText('转派').length).toBeGreaterThan(0)
  })

  it('shows the photos of the request and of each step from photoUrls, and previews them', async () => {
    openDetail('r1')
    const a = 'cloud://env-1.abc/requests/u1/a.jpg'
    const b = 'cloud://env-1.abc/requests/u1/b.jpg'
    const c = 'cloud://env-1.abc/requests/u2/c.jpg'
    fakeCloud({
      'user.login': verified,
      'request.get': () =>
        view({
          state: 'resolved',
          photos: [a, b],
          photoUrls: { [a]: 'https://tmp.example/a.jpg', [b]: 'https://tmp.example/b.jpg', [c]: 'https://tmp.example/c.jpg' },
          timeline: [
            ...view().timeline,
            { at: '2026-11-21T03:00:00.000Z', action: 'resolve', actor: '物业张师傅', actorRole: 'property', fromState: 'in_progress', toState: 'resolved', note: '已更换灯泡', photos: [c] },
          ],
        }),
    })
    const previewImage = jest.spyOn(Taro, 'previewImage').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(Detail)
    await waitFor(() => expect(document.querySelectorAll('.js-detail-photos .js-photo')).toHaveLength(2))
    const srcs = (sel: string) => Array.from(document.querySelectorAll(sel)).map((i) => i.getAttribute('src'))
    expect(srcs('.js-detail-photos .js-photo-img')).toEqual(['https://tmp.example/a.jpg', 'https://tmp.example/b.jpg'])
    expect(srcs('.js-step-photos .js-photo-img')).toEqual(['https://tmp.example/c.jpg'])

    fireEvent.click(document.querySelectorAll('.js-detail-photos .js-photo')[1])
    expect(previewImage).toHaveBeenCalledWith({ urls: ['https://tmp.example/a.jpg', 'https://tmp.example/b.jpg'], current: 'https://tmp.example/b.jpg' })
  })

  it('sends the photos added in the resolve dialog with the result', async () => {
    openDetail('r1')
    uploads = 0
    const calls = fakeCloud({
      'user.login': () => session({ roles: ['resident', 'property'] }),
      'request.get': () => view({ state: 'in_progress', can: ['resolve', 'note'] }),
      'request.uploadPhoto': uploaded,
      'request.resolve': () => view({ state: 'resolved', can: ['note'] }),
    })
    const { choose } = fakePicking(['blob:http://localhost/x'])
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(Detail)
    await waitFor(() => expect(document.querySelector('.js-action-resolve')).toBeTruthy())
    fireEvent.click(el('.js-action-resolve'))
    await waitFor(() => expect(document.querySelector('.js-resolve-photos .js-add-photo')).toBeTruthy())
    fireEvent.click(el('.js-resolve-photos .js-add-photo'))
    await waitFor(() => expect(document.querySelectorAll('.js-resolve-photos .js-photo')).toHaveLength(1))
    expect(choose).toHaveBeenCalledWith(expect.objectContaining({ count: 3 }))

    await typeInto('.js-resolve-input textarea', '已更换灯泡')
    fireEvent.click(el('.nut-dialog-footer-ok'))
    await waitFor(() =>
      expect(calls.find((c) => c.action === 'resolve')?.data).toEqual({ requestId: 'r1', note: '已更换灯泡', photos: ['cloud://env-1.abc/requests/u1/p1.jpg'] }),
    )
  })

  it('explains that a rating of 2 sends the request back, before anything is sent', async () => {
    openDetail('r1')
    const calls = fakeCloud({
      'user.login': verified,
      'request.get': () => view({ state: 'resolved', can: ['confirm', 'note'] }),
      'request.confirm': () => view({ state: 'reopened', rating: 2, fixed: true, can: ['withdraw', 'note'] }),
    })
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(Detail)
    await waitFor(() => expect(document.querySelector('.js-rate-card')).toBeTruthy())
    expect(document.querySelector('.js-sent-back')).toBeNull()

    fireEvent.click(el('.js-rating-2'))
    await waitFor(() => expect(document.querySelector('.js-sent-back')).toBeTruthy())
    expect(el('.js-sent-back').textContent).toMatch(/您打了 2 星.*退回重新办理/)
    expect(calls.some((c) => c.action === 'confirm')).toBe(false)

    fireEvent.click(el('.js-submit-rating'))
    expect(screen.getByText('请选择问题是否解决了')).toBeTruthy()
    fireEvent.click(el('.js-fixed-yes'))
    fireEvent.click(el('.js-submit-rating'))
    await waitFor(() => expect(calls.find((c) => c.action === 'confirm')?.data).toEqual({ requestId: 'r1', rating: 2, fixed: true }))
    await waitFor(() => expect(document.querySelector('.js-rate-card')).toBeNull())
    expect(screen.getAllByText('重新办理').length).toBeGreaterThan(0)
  })

  it('also sends it back when the resident says it is not fixed, however many stars', async () => {
    openDetail('r1')
    fakeCloud({ 'user.login': verified, 'request.get': () => view({ state: 'resolved', can: ['confirm'] }) })
    renderPage(Detail)
    await waitFor(() => expect(document.querySelector('.js-rate-card')).toBeTruthy())
    fireEvent.click(el('.js-rating-5'))
    expect(document.querySelector('.js-sent-back')).toBeNull()
    fireEvent.click(el('.js-fixed-no'))
    await waitFor(() => expect(el('.js-sent-back').textContent).toMatch(/没解决/))
  })
})

describe('任务大厅', () => {
  it('tells the volunteer when someone else claimed first, and refreshes the list', async () => {
    let hall = [summary({ requestId: 'r1', excerpt: '帮独居老人买药' }), summary({ requestId: 'r2', excerpt: '陪老人去医院复查' })]
    const calls = fakeCloud({
      'user.login': () => session({ roles: ['resident', 'member'] }),
      'request.listHall': () => ({ items: hall, nextCursor: null }),
      'request.claim': () => {
        hall = hall.filter((i) => i.requestId !== 'r1')
        return failWith('CONFLICT', '已经有人认领了这个任务')
      },
    })
    const toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(Hall)
    await waitFor(() => expect(screen.getByText('帮独居老人买药')).toBeTruthy())

    fireEvent.click(el('.js-request-r1 .js-claim'))
    await waitFor(() => expect(screen.getByText(/已经有人认领了/, { selector: '.js-hall-notice' })).toBeTruthy())
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已经有人认领了' }))
    expect(calls.find((c) => c.action === 'claim')?.data).toEqual({ requestId: 'r1' })
    await waitFor(() => expect(screen.queryByText('帮独居老人买药')).toBeNull())
    expect(screen.getByText('陪老人去医院复查')).toBeTruthy()
    expect(calls.filter((c) => c.action === 'listHall')).toHaveLength(2)
    // the claim button does not also open the row
    expect(nav).not.toHaveBeenCalled()
  })

  it('keeps the tasks I claimed under 我认领的, where I open them to finish or give back', async () => {
    fakeCloud({
      'user.login': () => session({ roles: ['resident', 'member'] }),
      'request.listHall': () => ({ items: [], nextCursor: null }),
      'request.listClaimed': () => ({ items: [summary({ requestId: 'r7', excerpt: '帮忙换灯泡', state: 'claimed' })], nextCursor: null }),
    })
    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(Hall)
    await waitFor(() => expect(screen.getByText(/大厅里暂时没有待认领的任务/)).toBeTruthy())
    fireEvent.click(el('.js-tab-mine'))
    await waitFor(() => expect(screen.getByText('帮忙换灯泡')).toBeTruthy())
    fireEvent.click(screen.getByText('帮忙换灯泡'))
    expect(nav).toHaveBeenCalledWith({ url: '/packages/request/detail/index?id=r7' })
  })

  it('is only for party members and volunteers', async () => {
    const calls = fakeCloud({ 'user.login': verified })
    renderPage(Hall)
    await waitFor(() => expect(screen.getByText(/任务大厅面向党员和志愿者/)).toBeTruthy())
    expect(calls.some((c) => c.fn === 'request')).toBe(false)
  })
})

describe('邻里公开反映', () => {
  it('lists public reports and lets a neighbour say 我也遇到 once; my own shows no button', async () => {
    const board = [
      summary({ requestId: 'p1', category: 'repair', excerpt: '东门路灯不亮', metooCount: 2, canMetoo: true }),
      summary({ requestId: 'p2', category: 'sanitation', excerpt: '垃圾桶满了', mine: true, metooCount: 1 }),
    ]
    const calls = fakeCloud({
      'user.login': verified,
      'request.listPublic': () => ({ items: board, nextCursor: null }),
      'request.metoo': () => ({ requestId: 'p1', metooCount: 3, metooed: true }),
    })
    renderPage(Board)
    await waitFor(() => expect(screen.getByText('东门路灯不亮')).toBeTruthy())
    expect(el('.js-request-p1 .js-metoo').textContent).toBe('我也遇到 · 2')
    expect(document.querySelector('.js-request-p2 .js-metoo')).toBeNull()
    expect(el('.js-request-p2 .js-metoo-count').textContent).toBe('1 位邻居也遇到')
    fireEvent.click(el('.js-request-p1 .js-metoo'))
    await waitFor(() => expect(el('.js-request-p1 .js-metoo').textContent).toBe('已表示也遇到 · 3'))
    expect(calls.filter((c) => c.action === 'metoo')).toHaveLength(1)
  })
})
