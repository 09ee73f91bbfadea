// 工作台 as the committee uses it: the dashboard's rates and tables (暂无 where nothing counts), the
// building filter, a ledger export and its link, moderation that needs a reason, a meeting's
// decision; residents see none of it, and 举报 answers with the function's message.
import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { Current } from '@tarojs/runtime'
import type { MeetingView, Overview, QueueItem } from '../../src/services/admin'
import { ratesOption } from '../../src/packages/admin/charts'
import Taro from '@tarojs/taro'
import Audit from '../../src/packages/admin/audit'
import Compounds from '../../src/packages/admin/compounds'
import Dashboard from '../../src/packages/admin/dashboard'
import Ledgers from '../../src/packages/admin/ledgers'
import Meeting from '../../src/packages/admin/meeting'
import Moderation from '../../src/packages/admin/moderation'
import NoticeDetail from '../../src/packages/notice/detail'
import RequestDetail from '../../src/packages/request/detail'
import RequestMine from '../../src/packages/request/mine'
import type { RequestView } from '../../src/services/request'
import Services from '../../src/pages/services'
import { failWith, fakeCloud, session, type Calls } from './helpers/fakeCloud'
import { all, el, renderPage, typeInto } from './helpers/dom'

// ECharts draws on a canvas jsdom does not have; the tables beside each chart carry the numbers
jest.mock('../../src/packages/admin/Chart', () => ({ Chart: ({ label }: { label: string }) => <div className='js-chart'>{label}</div> }))

beforeEach(() => {
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

const home = { compound: { compoundId: 'c1', name: '红湖公园城' }, household: { householdId: 'h1', buildingId: 'b1', buildingName: '1栋', unit: '1', room: '301', verified: true } }
const resident = () => session({ ...home, roles: ['resident'] })
const committee = () => session({ ...home, roles: ['resident', 'committee'] })

const directory = () => ({
  compounds: [{ compoundId: 'c1', name: '红湖公园城', address: '' }],
  buildings: [
    { buildingId: 'b1', name: '1栋', units: ['1'], floors: 18 },
    { buildingId: 'b2', name: '2栋', units: ['1'], floors: 18 },
  ],
})

function overview(over: Partial<Overview> = {}): Overview {
  return {
    compoundId: 'c1',
    compoundName: '红湖公园城',
    month: '2026-12',
    rates: { response: 0.873, resolution: null, satisfaction: 1 },
    counts: { total: 15, rated: 4 },
    trend: [
      { month: '2026-11', total: 20, response: 0.9, resolution: 0.75, satisfaction: null },
      { month: '2026-12', total: 15, response: 0.873, resolution: null, satisfaction: 1 },
    ],
    byBuilding: [{ key: 'b1', label: '1栋', total: 9, response: 0.5, resolution: 0.25, satisfaction: null }],
    byCategory: [{ key: 'repair', label: '维修', total: 6, response: 1, resolution: 0.5, satisfaction: 0.8 }],
    trendByBuilding: [
      { key: 'b1', label: '1栋', months: [{ month: '2026-11', total: 4, response: 1, resolution: 0.75, satisfaction: null }, { month: '2026-12', total: 9, response: 0.5, resolution: 0.25, satisfaction: null }] },
      { key: 'b2', label: '2栋', months: [{ month: '2026-12', total: 3, response: 1, resolution: 1, satisfaction: 1 }] },
    ],
    trendByCategory: [{ key: 'repair', label: '维修', months: [{ month: '2026-12', total: 6, response: 1, resolution: 0.5, satisfaction: 0.8 }] }],
    openByAge: [
      { bucket: 'lt1d', label: '1 天内', count: 2, overdue: 0 },
      { bucket: '1to3d', label: '1–3 天', count: 1, overdue: 1 },
      { bucket: '3to7d', label: '3–7 天', count: 0, overdue: 0 },
      { bucket: 'gt7d', label: '7 天以上', count: 3, overdue: 3 },
    ],
    overdue: [{ requestId: 'r7', category: '维修', excerpt: '2栋门禁刷卡没反应', place: '2栋1单元', dueAt: '2026-11-20T02:00:00.000Z', escalationLevel: 1 }],
    volunteerHours: { minutes: 150, hours: '2.5', byTeam: [{ name: '红马甲服务队', minutes: 150 }] },
    attendance: { events: 2, registered: 30, checkedIn: 24, rate: 0.8 },
    voteParticipation: [],
    noticeReach: [{ noticeId: 'n1', title: '停水通知', readHouseholds: 60, totalHouseholds: 120, reach: 0.5 }],
    propertyOnly: false,
    ...over,
  }
}

function openPage(path: string, params: Record<string, string> = {}) {
  ;(Current as unknown as { router: unknown }).router = { params, path }
}

const called = (calls: Calls, action: string) => calls.filter((c) => c.fn === 'admin' && c.action === action)

describe('数据看板', () => {
  it('shows the three rates as percentages, 暂无 where nothing counts, and every chart beside a table of its numbers', async () => {
    fakeCloud({ 'user.login': committee, 'user.directory': directory, 'admin.overview': () => overview() })
    openPage('/packages/admin/dashboard/index')
    renderPage(Dashboard)
    await waitFor(() => expect(el('.js-rate-response')?.textContent).toContain('87.3%'))
    expect(el('.js-rate-resolution').textContent).toContain('暂无')
    expect(el('.js-rate-satisfaction').textContent).toContain('100%')
    // the trend table: one row per month, null as 暂无
    expect(all('.js-trend .js-row').map((r) => r.textContent)).toEqual(['2026年11月2090%75%暂无', '2026年12月1587.3%暂无100%'])
    expect(el('.js-by-building .js-row-b1').textContent).toBe('1栋950%25%暂无')
    expect(el('.js-by-category .js-row-repair').textContent).toBe('维修6100%50%80%')
    expect(el('.js-age-gt7d').textContent).toBe('7 天以上33')
    expect(el('.js-overdue-r7').textContent).toContain('2栋门禁刷卡没反应')
    expect(el('.js-volunteer-hours').textContent).toContain('红马甲服务队2.5 小时')
    expect(el('.js-attendance-rate').textContent).toContain('80%')
    expect(el('.js-notice-reach .js-row').textContent).toBe('停水通知6012050%')
    expect(el('.js-votes').textContent).toContain('目前没有进行中或已计票的表决')
    // tables are announced as tables; each chart sits beside one
    expect(all('.js-trend [role="table"]')).toHaveLength(1)
    expect(all('.js-chart').map((c) => c.textContent)).toEqual(['三率趋势', '各楼栋三率', '各类别三率', '各楼栋三率趋势（解决率）', '各类别三率趋势（解决率）', '正在办理'])
  })

  it('shows each building\'s trend month by month for the rate chosen, a month without requests as 暂无', async () => {
    fakeCloud({ 'user.login': committee, 'user.directory': directory, 'admin.overview': () => overview() })
    openPage('/packages/admin/dashboard/index')
    renderPage(Dashboard)
    await waitFor(() => expect(el('.js-trend-by-building .js-trend-row-b1')).toBeTruthy())
    expect(el('.js-trend-by-building .js-trend-row-b1').textContent).toBe('1栋75%25%')
    expect(el('.js-trend-by-building .js-trend-row-b2').textContent).toBe('2栋暂无100%')
    fireEvent.click(el('.js-trend-by-building .js-trend-rate-response'))
    await waitFor(() => expect(el('.js-trend-by-building .js-trend-row-b1').textContent).toBe('1栋100%50%'))
    expect(el('.js-trend-by-category .js-trend-row-repair').textContent).toBe('维修50%')
  })

  it('re-queries with the building and the month chosen', async () => {
    const calls = fakeCloud({ 'user.login': committee, 'user.directory': directory, 'admin.overview': () => overview() })
    openPage('/packages/admin/dashboard/index')
    renderPage(Dashboard)
    await waitFor(() => expect(el('.js-building-b2')).toBeTruthy())
    fireEvent.click(el('.js-building-b2'))
    await waitFor(() => expect(called(calls, 'overview').some((c) => c.data.buildingId === 'b2')).toBe(true))
    const month = all('.js-months [role="radio"]')[1]
    fireEvent.click(month)
    await waitFor(() => expect(called(calls, 'overview').at(-1)?.data).toEqual({ month: expect.stringMatching(/^\d{4}-\d{2}$/), buildingId: 'b2' }))
    expect(called(calls, 'overview').at(-1)?.data.month).not.toBe(called(calls, 'overview')[0].data.month)
  })

  it("opens an officer's compound by ?compoundId=", async () => {
    const calls = fakeCloud({ 'user.login': () => session({ roles: ['officer'] }), 'user.directory': directory, 'admin.overview': () => overview() })
    openPage('/packages/admin/dashboard/index', { compoundId: 'c9' })
    renderPage(Dashboard)
    await waitFor(() => expect(called(calls, 'overview')).toHaveLength(1))
    expect(called(calls, 'overview')[0].data.compoundId).toBe('c9')
  })

  it('builds chart series as percentages with gaps for null', () => {
    const option = ratesOption('line', ['11月', '12月'], overview().trend)
    expect(option.series.map((s) => s.data)).toEqual([
      [90, 87.3],
      [75, null],
      [null, 100],
    ])
  })
})

describe('辖区小区', () => {
  it("puts an officer's compounds side by side and opens one's dashboard", async () => {
    fakeCloud({
      'user.login': () => session({ roles: ['officer'] }),
      'admin.compounds': () => ({
        items: [
          { compoundId: 'c1', name: '红湖公园城', rates: { response: 0.5, resolution: null, satisfaction: 1 }, total: 4, overdue: 2, escalated: 1, votesOpen: 1 },
          { compoundId: 'c2', name: '东湖花园', rates: { response: null, resolution: null, satisfaction: null }, total: 0, overdue: 0, escalated: 0, votesOpen: 0 },
        ],
      }),
    })
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(Compounds)
    await waitFor(() => expect(el('.js-compound-c2')).toBeTruthy())
    expect(el('.js-compound-c1').textContent).toBe('红湖公园城450%暂无100%211')
    expect(el('.js-compound-c2').textContent).toBe('东湖花园0暂无暂无暂无000')
    fireEvent.click(el('.js-compound-c2 [role="link"]'))
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/admin/dashboard/index?compoundId=c2' })
  })
})

describe('操作日志', () => {
  it('filters by action and record, and pages on with the cursor', async () => {
    const entry = (n: number) => ({ entryId: `e${n}`, at: '2026-12-01T02:00:00.000Z', actorId: 'u-zhao', actorName: '赵丽华', roles: ['业委会'], action: 'admin.exportLedger', target: `exports/x${n}`, detail: '{}' })
    const calls = fakeCloud({
      'user.login': committee,
      // the filtered first page (x3) is told apart from the unfiltered one (x1), so the test waits for it
      'admin.auditLog': (d) => (d.cursor ? { items: [entry(2)], nextCursor: null } : { items: [entry(d.action ? 3 : 1)], nextCursor: 'next-1' }),
    })
    renderPage(Audit)
    await waitFor(() => expect(all('.js-audit-entry')).toHaveLength(1))
    await typeInto('.js-filter-action input', 'admin.export')
    await typeInto('.js-filter-target input', 'exports/')
    fireEvent.click(el('.js-filter-apply'))
    await waitFor(() => expect(called(calls, 'auditLog').at(-1)?.data).toEqual({ action: 'admin.export', target: 'exports/' }))
    await waitFor(() => expect(el('.js-audit-list').textContent).toContain('exports/x3'))
    await waitFor(() => expect(el('.js-load-more')).toBeTruthy())
    fireEvent.click(el('.js-load-more'))
    await waitFor(() => expect(all('.js-audit-entry')).toHaveLength(2))
    expect(called(calls, 'auditLog').at(-1)?.data).toEqual({ action: 'admin.export', target: 'exports/', cursor: 'next-1' })
    expect(el('.js-audit-list').textContent).toContain('赵丽华（业委会） · exports/x2')
  })
})

describe('操作日志 by person', () => {
  it('picks a person from an entry, shows only their entries, and lets go of them', async () => {
    const row = (id: string, actorId: string | null, actorName: string) => ({ entryId: id, at: '2026-12-01T02:00:00.000Z', actorId, actorName, roles: [], action: 'request.create', target: `requests/${id}`, detail: '{}' })
    const calls = fakeCloud({
      'user.login': committee,
      'admin.auditLog': (d) => ({ items: d.actorId ? [row('r2', 'u-wang', '王秀兰')] : [row('r1', 'u-zhao', '赵丽华'), row('r2', 'u-wang', '王秀兰'), row('r3', null, '系统')], nextCursor: null }),
    })
    renderPage(Audit)
    await waitFor(() => expect(all('.js-audit-entry')).toHaveLength(3))
    // the system has no person to pick
    expect(all('.js-audit-actor').map((a) => a.textContent)).toEqual(['赵丽华', '王秀兰'])
    fireEvent.click(all('.js-audit-actor')[1])
    await waitFor(() => expect(called(calls, 'auditLog').at(-1)?.data).toEqual({ actorId: 'u-wang' }))
    await waitFor(() => expect(all('.js-audit-entry')).toHaveLength(1))
    expect(el('.js-actor-filter').textContent).toContain('只看 王秀兰 的操作')
    fireEvent.click(el('.js-actor-clear'))
    await waitFor(() => expect(called(calls, 'auditLog').at(-1)?.data).toEqual({}))
    await waitFor(() => expect(all('.js-audit-entry')).toHaveLength(3))
  })
})

describe('台账导出', () => {
  it('exports the requests ledger as XLSX for a building and shows the link', async () => {
    const calls = fakeCloud({
      'user.login': committee,
      'user.directory': directory,
      'admin.exportLedger': () => ({ exportId: 'x1', ledger: 'requests', format: 'xlsx', status: 'ready', rows: 42, fileUrl: 'https://files.example/x1.xlsx', filename: '居民反映台账.xlsx', expiresAt: '2026-12-01T06:00:00.000Z' }),
    })
    const open = jest.spyOn(window, 'open').mockReturnValue(null)
    renderPage(Ledgers)
    await waitFor(() => expect(el('.js-building-b1')).toBeTruthy())
    fireEvent.click(el('.js-building-b1'))
    fireEvent.click(el('.js-export-submit'))
    await waitFor(() => expect(el('.js-export-link')).toBeTruthy())
    expect(called(calls, 'exportLedger')[0].data).toEqual({ ledger: 'requests', format: 'xlsx', buildingId: 'b1' })
    expect(el('.js-export-link').textContent).toBe('居民反映台账.xlsx')
    expect(el('.js-export-rows').textContent).toContain('42')
    fireEvent.click(el('.js-export-link'))
    expect(open).toHaveBeenCalledWith('https://files.example/x1.xlsx', '_blank', 'noopener')
  })

  it('asks again for a running export until it is ready', async () => {
    const calls = fakeCloud({
      'user.login': committee,
      'user.directory': directory,
      'admin.exportLedger': () => ({ exportId: 'x2', ledger: 'audit', format: 'csv', status: 'running' }),
      'admin.exportStatus': () => ({ exportId: 'x2', ledger: 'audit', format: 'csv', status: 'ready', rows: 3, fileUrl: 'https://files.example/x2.csv', filename: '操作日志.csv' }),
    })
    renderPage(Ledgers)
    await waitFor(() => expect(el('.js-ledger-audit')).toBeTruthy())
    fireEvent.click(el('.js-ledger-audit'))
    fireEvent.click(el('.js-format-csv'))
    fireEvent.click(el('.js-export-submit'))
    await waitFor(() => expect(el('.js-export-running')).toBeTruthy())
    fireEvent.click(el('.js-export-refresh'))
    await waitFor(() => expect(el('.js-export-ready .js-export-link').textContent).toBe('操作日志.csv'))
    expect(called(calls, 'exportStatus')[0].data).toEqual({ exportId: 'x2' })
  })
})

describe('台账导出 in the background', () => {
  it('polls a running export by itself, shows its progress, then its link', async () => {
    jest.useFakeTimers()
    try {
      const states = [
        { status: 'running', rows: 3000, rowsDone: 1000 },
        { status: 'running', rows: 3000, rowsDone: 2000 },
        { status: 'ready', rows: 3000, rowsDone: 3000, fileUrl: 'https://files.example/x3.csv', filename: '居民反映台账.csv' },
      ]
      const calls = fakeCloud({
        'user.login': committee,
        'user.directory': directory,
        'admin.exportLedger': () => ({ exportId: 'x3', ledger: 'requests', format: 'csv', status: 'running', rows: 3000, rowsDone: 0 }),
        'admin.exportStatus': () => ({ exportId: 'x3', ledger: 'requests', format: 'csv', ...states.shift()! }),
      })
      renderPage(Ledgers)
      await waitFor(() => expect(el('.js-format-csv')).toBeTruthy())
      fireEvent.click(el('.js-format-csv'))
      fireEvent.click(el('.js-export-submit'))
      await waitFor(() => expect(el('.js-export-progress').textContent).toContain('0 / 3000'))
      await act(async () => void jest.advanceTimersByTime(2000))
      await waitFor(() => expect(el('.js-export-progress').textContent).toContain('1000 / 3000'))
      expect(el('.js-export-progress').getAttribute('aria-label')).toContain('33%')
      await act(async () => void jest.advanceTimersByTime(2000))
      await waitFor(() => expect(el('.js-export-progress').textContent).toContain('2000 / 3000'))
      await act(async () => void jest.advanceTimersByTime(2000))
      await waitFor(() => expect(el('.js-export-ready .js-export-link').textContent).toBe('居民反映台账.csv'))
      expect(called(calls, 'exportStatus')).toHaveLength(3)
      // ready: no more polling
      await act(async () => void jest.advanceTimersByTime(6000))
      expect(called(calls, 'exportStatus')).toHaveLength(3)
    } finally {
      jest.useRealTimers()
    }
  })

  it('shows a failed export with its message and stops polling', async () => {
    jest.useFakeTimers()
    try {
      const calls = fakeCloud({
        'user.login': committee,
        'user.directory': directory,
        'admin.exportLedger': () => ({ exportId: 'x4', ledger: 'audit', format: 'xlsx', status: 'running', rows: 9000, rowsDone: 0 }),
        'admin.exportStatus': () => ({ exportId: 'x4', ledger: 'audit', format: 'xlsx', status: 'failed', rows: 9000, message: '导出超时，请缩短时间段后重试' }),
      })
      renderPage(Ledgers)
      await waitFor(() => expect(el('.js-export-submit')).toBeTruthy())
      fireEvent.click(el('.js-export-submit'))
      await waitFor(() => expect(el('.js-export-running')).toBeTruthy())
      await act(async () => void jest.advanceTimersByTime(2000))
      await waitFor(() => expect(el('.js-export-failed').textContent).toContain('导出超时'))
      expect(el('.js-export-failed .js-export-status').textContent).toBe('生成失败')
      await act(async () => void jest.advanceTimersByTime(6000))
      expect(called(calls, 'exportStatus')).toHaveLength(1)
    } finally {
      jest.useRealTimers()
    }
  })
})

describe('an officer picks the compound', () => {
  const officer = () => session({ roles: ['officer'] })
  const compounds = () => ({
    items: [
      { compoundId: 'c1', name: '红湖公园城', rates: { response: null, resolution: null, satisfaction: null }, total: 0, overdue: 0, escalated: 0, votesOpen: 0 },
      { compoundId: 'c2', name: '辖区乙小区', rates: { response: null, resolution: null, satisfaction: null }, total: 0, overdue: 0, escalated: 0, votesOpen: 0 },
    ],
  })

  it('exports a ledger of the compound chosen', async () => {
    const calls = fakeCloud({
      'user.login': officer,
      'user.directory': directory,
      'admin.compounds': compounds,
      'admin.exportLedger': () => ({ exportId: 'x5', ledger: 'requests', format: 'xlsx', status: 'ready', rows: 1, fileUrl: 'https://files.example/x5.xlsx', filename: '居民反映台账.xlsx' }),
    })
    renderPage(Ledgers)
    await waitFor(() => expect(el('.js-compound-c2')).toBeTruthy())
    fireEvent.click(el('.js-compound-c2'))
    fireEvent.click(el('.js-export-submit'))
    await waitFor(() => expect(el('.js-export-link')).toBeTruthy())
    expect(called(calls, 'exportLedger')[0].data).toEqual({ ledger: 'requests', format: 'xlsx', compoundId: 'c2' })
  })

  it('reads the audit log of the compound chosen', async () => {
    const calls = fakeCloud({ 'user.login': officer, 'admin.compounds': compounds, 'admin.auditLog': () => ({ items: [], nextCursor: null }) })
    renderPage(Audit)
    await waitFor(() => expect(el('.js-compound-c2')).toBeTruthy())
    fireEvent.click(el('.js-compound-c2'))
    await waitFor(() => expect(called(calls, 'auditLog').at(-1)?.data).toEqual({ compoundId: 'c2' }))
  })

  it('reads the moderation queue of the compound chosen', async () => {
    const calls = fakeCloud({ 'user.login': officer, 'admin.compounds': compounds, 'admin.moderationQueue': () => ({ items: [] }) })
    renderPage(Moderation)
    await waitFor(() => expect(el('.js-compound-c2')).toBeTruthy())
    expect(called(calls, 'moderationQueue')[0].data).toEqual({})
    fireEvent.click(el('.js-compound-c2'))
    await waitFor(() => expect(called(calls, 'moderationQueue').at(-1)?.data).toEqual({ compoundId: 'c2' }))
  })

  it('the committee has no compound to pick', async () => {
    const calls = fakeCloud({ 'user.login': committee, 'user.directory': directory, 'admin.compounds': compounds })
    renderPage(Ledgers)
    await waitFor(() => expect(el('.js-export-submit')).toBeTruthy())
    expect(document.querySelector('.js-compound-picker')).toBeNull()
    expect(called(calls, 'compounds')).toEqual([])
  })
})

describe('内容审核', () => {
  const item: QueueItem = { kind: 'request', refId: 'r3', title: '居民反映', excerpt: '某某的电话是 139…', authorName: '王*', held: false, reports: 2, reasons: ['泄露他人隐私', '辱骂、人身攻击'], createdAt: '2026-11-30T02:00:00.000Z' }

  it('needs a reason before hiding, then hides and takes the item off the queue', async () => {
    const calls = fakeCloud({
      'user.login': committee,
      'admin.moderationQueue': () => ({ items: [item] }),
      'admin.moderate': (d) => ({ kind: d.kind, refId: d.refId, decision: d.decision }),
    })
    renderPage(Moderation)
    await waitFor(() => expect(el('.js-queue-request-r3')).toBeTruthy())
    expect(el('.js-queue-reasons').textContent).toContain('泄露他人隐私；辱骂、人身攻击')
    fireEvent.click(el('.js-queue-request-r3 .js-hide'))
    await waitFor(() => expect(el('.js-dialog-hide')).toBeTruthy())
    fireEvent.click(el('.nut-dialog-footer-ok'))
    await waitFor(() => expect(el('.js-reason-error')?.textContent).toContain('请写明隐藏的理由'))
    expect(called(calls, 'moderate')).toHaveLength(0)
    await typeInto('.js-reason-input textarea', '含有他人手机号')
    fireEvent.click(el('.nut-dialog-footer-ok'))
    await waitFor(() => expect(called(calls, 'moderate')).toHaveLength(1))
    expect(called(calls, 'moderate')[0].data).toEqual({ kind: 'request', refId: 'r3', decision: 'hide', reason: '含有他人手机号' })
    await waitFor(() => expect(el('.js-queue-request-r3')).toBeNull())
  })
})

describe('三方联席会议', () => {
  const meeting = (decided: boolean): MeetingView => ({
    meetingId: 'm1',
    title: '12月三方联席会议',
    at: '2026-12-08T11:00:00.000Z',
    place: '党群服务中心会议室',
    attendees: [],
    minutes: '',
    state: 'planned',
    items: [
      {
        itemId: 'a1',
        kind: 'request',
        refId: 'r7',
        title: '维修：2栋门禁刷卡没反应',
        note: '',
        proposedBy: '刘芳',
        meetingId: 'm1',
        decision: decided ? { text: '物业本周更换读卡器', at: '2026-12-08T12:00:00.000Z' } : null,
        createdAt: '2026-12-01T02:00:00.000Z',
      },
    ],
  })

  it('records the decision on an item, which then shows as decided', async () => {
    let decided = false
    const calls = fakeCloud({
      'user.login': committee,
      'admin.meeting': () => meeting(decided),
      'admin.decide': () => {
        decided = true
        return { itemId: 'a1' }
      },
    })
    openPage('/packages/admin/meeting/index', { id: 'm1' })
    renderPage(Meeting)
    await waitFor(() => expect(el('.js-item-a1 .js-decide')).toBeTruthy())
    fireEvent.click(el('.js-item-a1 .js-decide'))
    await waitFor(() => expect(el('.js-decision-error')?.textContent).toContain('请写下会议的决定'))
    await typeInto('.js-decision-input textarea', '物业本周更换读卡器')
    fireEvent.click(el('.js-item-a1 .js-decide'))
    await waitFor(() => expect(el('.js-item-decision')?.textContent).toBe('物业本周更换读卡器'))
    expect(called(calls, 'decide')[0].data).toEqual({ itemId: 'a1', decision: '物业本周更换读卡器' })
  })

  it('needs the attendees and the minutes', async () => {
    const calls = fakeCloud({ 'user.login': committee, 'admin.meeting': () => meeting(false), 'admin.recordMinutes': () => ({ meetingId: 'm1' }) })
    openPage('/packages/admin/meeting/index', { id: 'm1' })
    renderPage(Meeting)
    await waitFor(() => expect(el('.js-save-minutes')).toBeTruthy())
    await typeInto('.js-minutes-input textarea', '讨论了门禁问题')
    fireEvent.click(el('.js-save-minutes'))
    await waitFor(() => expect(el('.js-minutes-error')?.textContent).toContain('请登记参会人员'))
    await typeInto('.js-attendee-name-0 input', '赵丽华')
    fireEvent.click(el('.js-save-minutes'))
    await waitFor(() => expect(called(calls, 'recordMinutes')).toHaveLength(1))
    expect(called(calls, 'recordMinutes')[0].data).toEqual({ meetingId: 'm1', minutes: '讨论了门禁问题', attendees: [{ name: '赵丽华', role: '党支部' }] })
  })
})

describe('who sees the console', () => {
  async function tools(login: () => ReturnType<typeof session>): Promise<string[]> {
    fakeCloud({ 'user.login': login })
    const view = renderPage(Services)
    await waitFor(() => expect(screen.getByText('你呼我应')).toBeTruthy())
    await new Promise((r) => setTimeout(r, 0))
    const names = all('[class*="js-tool-"]').map((n) => n.className.match(/js-tool-(\w+)/)?.[1] ?? '')
    view.unmount()
    return names
  }

  it('a resident sees no console tools; the committee sees them; the dashboard page tells a resident it is not for them', async () => {
    const mine = await tools(resident)
    expect(mine.filter((t) => ['dashboard', 'ledgers', 'moderation', 'meetings', 'compounds'].includes(t))).toEqual([])
    expect(await tools(committee)).toEqual(expect.arrayContaining(['dashboard', 'ledgers', 'moderation', 'meetings', 'compounds']))
    const calls = fakeCloud({ 'user.login': resident })
    renderPage(Dashboard)
    await waitFor(() => expect(screen.getByText('数据看板供党支部、业委会、物业和社区/街道查看')).toBeTruthy())
    expect(called(calls, 'overview')).toHaveLength(0)
  })
})

describe('举报', () => {
  const notice = () => ({
        noticeId: 'n1', category: 'general', title: '停水通知', content: '<p>停水</p>', images: [], attachments: [], feeTable: [], pinned: false, important: false,
        audience: { kind: 'compound', buildingIds: [] }, publishedAt: '2026-11-30T02:00:00.000Z', publisherName: '红湖物业', state: 'published', readCount: 3, canManage: false,
        version: 1, editedAt: null, history: [], historyPublic: true,
      })

  it('sends one report with the chosen reason', async () => {
    const calls = fakeCloud({ 'user.login': resident, 'notice.get': notice, 'admin.report': () => ({ reported: true }) })
    openPage('/packages/notice/detail/index', { id: 'n1' })
    renderPage(NoticeDetail)
    await waitFor(() => expect(el('.js-report')).toBeTruthy())
    fireEvent.click(el('.js-report'))
    await waitFor(() => expect(el('.js-dialog-report')).toBeTruthy())
    fireEvent.click(el('.nut-dialog-footer-ok'))
    await waitFor(() => expect(el('.js-report-error')?.textContent).toBe('请选择举报理由'))
    fireEvent.click(el('.js-report-reason-3'))
    fireEvent.click(el('.nut-dialog-footer-ok'))
    await waitFor(() => expect(el('.js-report')?.textContent).toBe('已举报'))
    expect(called(calls, 'report')[0].data).toEqual({ kind: 'notice', refId: 'n1', reason: '虚假或不实信息' })
  })

  it('shows the message when this person already reported it', async () => {
    fakeCloud({ 'user.login': resident, 'notice.get': notice, 'admin.report': () => failWith('CONFLICT', '您已经举报过这条内容，工作人员会尽快处理') })
    openPage('/packages/notice/detail/index', { id: 'n1' })
    renderPage(NoticeDetail)
    await waitFor(() => expect(el('.js-report')).toBeTruthy())
    fireEvent.click(el('.js-report'))
    await waitFor(() => expect(el('.js-report-reason-0')).toBeTruthy())
    fireEvent.click(el('.js-report-reason-0'))
    fireEvent.click(el('.nut-dialog-footer-ok'))
    await waitFor(() => expect(el('.js-report-error')?.textContent).toBe('您已经举报过这条内容，工作人员会尽快处理'))
  })
})

describe('提交议题 and 提议', () => {
  const lamp = (): RequestView => ({
    requestId: 'r1', category: 'repair', content: '3单元楼道灯坏了一周了，晚上看不见台阶', urgency: 'general', visibility: 'public', state: 'accepted',
    location: { buildingId: 'b1', buildingName: '1栋', unit: '3', area: null }, room: null, reporterName: '王**', reporterPhone: null, photos: [],
    createdAt: '2026-11-20T02:00:00.000Z', dueAt: '2026-11-27T02:00:00.000Z', overdue: false, escalationLevel: 0, assigneeName: null, rating: null, fixed: null,
    heldForReview: false, photoUrls: {}, can: [],
    timeline: [
      { at: '2026-11-20T02:00:00.000Z', action: 'create', actor: '王**', actorRole: 'resident', fromState: null, toState: 'submitted', note: null, photos: [] },
      { at: '2026-12-08T12:00:00.000Z', action: 'deliberate', actor: '三方联席会议', actorRole: 'meeting', fromState: 'accepted', toState: 'accepted', note: '12月三方联席会议：物业本周更换灯具', photos: [] },
    ],
  })

  it('staff put a request on the agenda from its detail page; a resident has no such button but sees the decision', async () => {
    const calls = fakeCloud({ 'user.login': () => session({ ...home, roles: ['resident', 'grid'] }), 'request.get': lamp, 'admin.propose': () => ({ itemId: 'a9' }) })
    openPage('/packages/request/detail/index', { id: 'r1' })
    const view = renderPage(RequestDetail)
    await waitFor(() => expect(el('.js-propose')).toBeTruthy())
    expect(all('.js-step')[1].textContent).toContain('三方联席会议商议')
    expect(all('.js-step')[1].textContent).toContain('12月三方联席会议：物业本周更换灯具')
    fireEvent.click(el('.js-propose'))
    await waitFor(() => expect(el('.js-dialog-propose')).toBeTruthy())
    fireEvent.click(el('.nut-dialog-footer-ok'))
    await waitFor(() => expect(called(calls, 'propose')).toHaveLength(1))
    expect(called(calls, 'propose')[0].data).toEqual({ kind: 'request', refId: 'r1', title: '维修：3单元楼道灯坏了一周了，晚上看不见台阶' })
    await waitFor(() => expect(el('.js-propose').textContent).toBe('已提交议题'))
    view.unmount()

    fakeCloud({ 'user.login': resident, 'request.get': lamp })
    renderPage(RequestDetail)
    await waitFor(() => expect(all('.js-step')).toHaveLength(2))
    expect(el('.js-propose')).toBeNull()
    expect(el('.js-report')).toBeTruthy()
  })

  it("a resident's proposal from 我的反映", async () => {
    const calls = fakeCloud({ 'user.login': resident, 'request.listMine': () => ({ items: [], nextCursor: null }), 'admin.propose': () => ({ itemId: 'a10' }) })
    renderPage(RequestMine)
    await waitFor(() => expect(el('.js-proposal [role="button"]')).toBeTruthy())
    fireEvent.click(el('.js-proposal [role="button"]'))
    fireEvent.click(el('.js-proposal-submit'))
    await waitFor(() => expect(el('.js-proposal-error')?.textContent).toBe('请写下您的提议'))
    await typeInto('.js-proposal-title input', '在3栋旁增设电动车充电棚')
    fireEvent.click(el('.js-proposal-submit'))
    await waitFor(() => expect(called(calls, 'propose')).toHaveLength(1))
    expect(called(calls, 'propose')[0].data).toEqual({ kind: 'proposal', title: '在3栋旁增设电动车充电棚' })
  })
})
