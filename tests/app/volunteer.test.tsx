// 志愿服务 as residents, leaders and anyone checking a certificate see it: the teams and my standing,
// the server's reasons shown as given, booking, approving, my hours, the certificate and its check.
import { fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import { parseCertificateQr, type CertificateView, type MyRecord, type RecordView, type ShiftView, type TeamSummary, type TeamView } from '../../src/services/volunteer'
import VolunteerCertificate from '../../src/packages/volunteer/certificate'
import VolunteerList from '../../src/packages/volunteer/list'
import VolunteerManage from '../../src/packages/volunteer/manage'
import VolunteerMine from '../../src/packages/volunteer/mine'
import VolunteerTeam from '../../src/packages/volunteer/team'
import VolunteerVerify from '../../src/packages/volunteer/verify'
import VolunteerRate from '../../src/packages/volunteer/rate'
import VolunteerStats from '../../src/packages/volunteer/stats'
import Profile from '../../src/packages/user/profile'
import RequestDetail from '../../src/packages/request/detail'
import type { RequestView } from '../../src/services/request'
import { failWith, fakeCloud, session, type Calls } from './helpers/fakeCloud'
import { el, renderPage, typeInto } from './helpers/dom'

beforeEach(() => {
  // NutUI's Dialog animates with react-transition-group, which React 18 warns about (findDOMNode)
  const original = console.error
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('findDOMNode is deprecated')) return
    original(...args)
  })
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
})

afterEach(() => {
  jest.restoreAllMocks()
  ;(Current as unknown as { router: unknown }).router = null
})

const HOUR = 3_600_000
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString()

const resident = (elderMode = false) =>
  session({
    roles: ['resident'],
    compound: { compoundId: 'c1', name: '红湖公园城' },
    household: { householdId: 'h1', buildingId: 'b1', buildingName: '1栋', unit: '1', room: '301', verified: true },
    profile: { displayName: '王秀兰', phoneMasked: null, elderMode, party: null, badge: false },
  })

function team(over: Partial<TeamSummary> = {}): TeamSummary {
  return {
    teamId: 't1', name: '红袖标巡逻队', kind: 'patrol', description: '每晚 7 点到 9 点小区巡逻', memberCount: 8, capacity: 20, needsApproval: true, risky: false,
    skillsSought: ['急救'], mine: null, leading: false, ...over,
  }
}

function shift(over: Partial<ShiftView> = {}): ShiftView {
  return {
    shiftId: 's1', teamId: 't1', teamName: '红袖标巡逻队', startAt: inHours(24), endAt: inHours(26), place: '东门岗亭', capacity: 4, booked: 1, risky: false, mine: null,
    can: { book: true, cancel: false, manage: false }, bookable: null, ...over,
  }
}

function teamView(over: Partial<TeamView> = {}): TeamView {
  return { ...team(), contact: '党群服务中心', leaders: [{ userId: 'u9', name: '刘芳' }], shifts: [], joinable: null, pendingCount: 0, ...over }
}

function record(over: Partial<RecordView> = {}): RecordView {
  return {
    recordId: 'r1', volunteerName: '王秀兰', teamName: '红袖标巡逻队', organizer: '红袖标巡逻队', source: 'shift', content: '红袖标巡逻队值守', place: '东门',
    startAt: inHours(-50), endAt: inHours(-48), minutes: 120, hours: '2.0', status: 'verified', verifiedBy: '刘芳', verifiedAt: inHours(-47), rejectReason: null, corrects: null, conflict: null, canVerify: false, ...over,
  }
}

function openPage(path: string, params: Record<string, string> = {}) {
  ;(Current as unknown as { router: unknown }).router = { params, path }
}

const called = (calls: Calls, action: string) => calls.filter((c) => c.fn === 'volunteer' && c.action === action)

describe('志愿服务 teams', () => {
  it('lists teams with what they do, members and capacity, skills sought and my status', async () => {
    fakeCloud({
      'user.login': () => resident(),
      'volunteer.listTeams': () => ({
        items: [team({ mine: 'active' }), team({ teamId: 't2', name: '党员请修队', kind: 'repair', capacity: 0, memberCount: 12, needsApproval: false, skillsSought: [], mine: 'pending', leading: true })],
        nextCursor: null,
      }),
    })
    renderPage(VolunteerList)
    await waitFor(() => expect(screen.getByText('红袖标巡逻队')).toBeTruthy())
    expect(el('.js-team-t1 .js-team-kind').textContent).toBe('治安巡逻')
    expect(el('.js-team-t1 .js-my-status').textContent).toBe('已加入')
    expect(el('.js-team-t1 .js-team-count').textContent).toMatch(/队员 8\/20 人 · 加入需队长审核/)
    expect(el('.js-team-t1 .js-team-skills').textContent).toBe('需要：急救')
    expect(el('.js-team-t2 .js-my-status').textContent).toBe('待审核')
    expect(el('.js-team-t2 .js-team-count').textContent).toMatch(/队员 12 人 · 报名即加入/)
    expect(el('.js-team-t2 .js-leading').textContent).toBe('我是队长')
    expect(el('.js-my-volunteer')).toBeTruthy()
  })

  it('shows the function’s reason instead of the join form, and the server’s refusal when joining', async () => {
    openPage('/packages/volunteer/team/index', { id: 't1' })
    let joinable: string | null = null
    const calls = fakeCloud({
      'user.login': () => resident(),
      'volunteer.getTeam': () => teamView({ joinable }),
      'volunteer.join': () => {
        joinable = '未满 18 周岁参加志愿服务，须先登记监护人同意'
        return failWith('FORBIDDEN', '未满 18 周岁参加志愿服务，须先登记监护人同意')
      },
    })
    renderPage(VolunteerTeam)
    await waitFor(() => expect(el('.js-join-submit')).toBeTruthy())
    expect(el('.js-team-leaders').textContent).toMatch(/刘芳/)
    await waitFor(() => expect(el('.js-join-skills input')).toBeTruthy())
    await typeInto('.js-join-skills input', '急救、电工')
    fireEvent.click(el('.js-join-submit'))
    await waitFor(() => expect(el('.js-join-error').textContent).toBe('未满 18 周岁参加志愿服务，须先登记监护人同意'))
    expect(called(calls, 'join')[0].data).toEqual({ teamId: 't1', skills: ['急救', '电工'] })
  })

  it('a full shift shows 名额已满 from `bookable` and offers no 预约; an open one books', async () => {
    openPage('/packages/volunteer/team/index', { id: 't1' })
    const calls = fakeCloud({
      'user.login': () => resident(),
      'volunteer.getTeam': () =>
        teamView({
          mine: 'active',
          joinable: '您已经是队员',
          shifts: [
            shift({ shiftId: 'full', booked: 4, can: { book: false, cancel: false, manage: false }, bookable: '名额已满' }),
            shift({ shiftId: 'open' }),
          ],
        }),
      'volunteer.bookShift': () => ({ status: 'booked' }),
    })
    renderPage(VolunteerTeam)
    await waitFor(() => expect(el('.js-shift-full')).toBeTruthy())
    expect(el('.js-shift-full .js-bookable').textContent).toBe('名额已满')
    expect(document.querySelector('.js-shift-full .js-book')).toBeNull()
    expect(el('.js-joinable').textContent).toBe('您已经是队员')
    expect(document.querySelector('.js-join')).toBeNull()
    fireEvent.click(el('.js-shift-open .js-book'))
    await waitFor(() => expect(called(calls, 'bookShift')).toHaveLength(1))
    expect(called(calls, 'bookShift')[0].data).toEqual({ shiftId: 'open' })
  })

  it('checks in with the leader’s code on a booked shift', async () => {
    openPage('/packages/volunteer/team/index', { id: 't1' })
    const calls = fakeCloud({
      'user.login': () => resident(),
      'volunteer.getTeam': () =>
        teamView({ mine: 'active', joinable: '您已经是队员', shifts: [shift({ mine: { status: 'booked', checkedInAt: null, checkedOutAt: null }, can: { book: false, cancel: true, manage: false }, bookable: '您已预约这个班次' })] }),
      'volunteer.shiftCheck': () => failWith('INVALID_INPUT', '签到码不正确或已过期，请看队长出示的最新签到码'),
    })
    renderPage(VolunteerTeam)
    await waitFor(() => expect(el('.js-code-check')).toBeTruthy())
    fireEvent.click(el('.js-check-in'))
    await waitFor(() => expect(el('.js-check-error').textContent).toBe('签到码是 6 位数字'))
    expect(called(calls, 'shiftCheck')).toHaveLength(0)
    await waitFor(() => expect(el('.js-code-input input')).toBeTruthy())
    await typeInto('.js-code-input input', '123456')
    fireEvent.click(el('.js-check-in'))
    await waitFor(() => expect(el('.js-check-error').textContent).toMatch(/签到码不正确/))
    expect(called(calls, 'shiftCheck')[0].data).toEqual({ shiftId: 's1', kind: 'in', code: '123456' })
  })
})

describe('队伍管理', () => {
  it('shows a leader the applications; 批准 calls approve', async () => {
    openPage('/packages/volunteer/manage/index', { id: 't1' })
    let approved = false
    const member = (over: object) => ({
      membershipId: 'm1', userId: 'u2', name: '李建国', phone: '13800001111', status: approved ? 'active' : 'pending', skills: ['急救'], availability: '周末', minor: false, reason: null,
      appliedAt: inHours(-5), ...over,
    })
    const calls = fakeCloud({
      'user.login': () => resident(),
      'volunteer.getTeam': () => teamView({ leading: true }),
      'volunteer.members': () => ({ items: [member({}), member({ membershipId: 'm0', userId: 'u3', name: '张卫东', status: 'active' })] }),
      'volunteer.pendingRecords': () => ({ items: [] }),
      'volunteer.approve': () => {
        approved = true
        return { membershipId: 'm1', status: 'active' }
      },
    })
    renderPage(VolunteerManage)
    await waitFor(() => expect(el('.js-member-m1')).toBeTruthy())
    expect(el('.js-member-m1').textContent).toMatch(/技能：急救 · 可服务：周末/)
    expect(el('.js-tab-applications').textContent).toBe('申请 1')
    expect(document.querySelector('.js-member-m0')).toBeNull()
    fireEvent.click(el('.js-member-m1 .js-approve'))
    await waitFor(() => expect(called(calls, 'approve')).toHaveLength(1))
    expect(called(calls, 'approve')[0].data).toEqual({ membershipId: 'm1' })
    await waitFor(() => expect(screen.getByText('没有待审核的申请')).toBeTruthy())
  })

  it('登记: a leader logs a member\'s service once, however fast the button is tapped again', async () => {
    openPage('/packages/volunteer/manage/index', { id: 't1' })
    const calls = fakeCloud({
      'user.login': () => resident(),
      'volunteer.getTeam': () => teamView({ leading: true }),
      'volunteer.members': () => ({ items: [{ membershipId: 'm0', userId: 'u3', name: '张卫东', phone: '13800002222', status: 'active', skills: [], availability: '', minor: false, reason: null, appliedAt: inHours(-50) }] }),
      'volunteer.pendingRecords': () => ({ items: [] }),
      'volunteer.logService': () => ({ recordId: 'r9' }),
    })
    renderPage(VolunteerManage)
    await waitFor(() => expect(el('.js-tab-log')).toBeTruthy())
    fireEvent.click(el('.js-tab-log'))
    await waitFor(() => expect(el('.js-log-form')).toBeTruthy())
    fireEvent.click(el('.js-log-form .js-choice-u3'))
    await typeInto('.js-log-content input', '帮 3 栋独居老人修水管')
    fireEvent.click(el('.js-log-submit'))
    fireEvent.click(el('.js-log-submit'))
    await waitFor(() => expect(called(calls, 'logService')).toHaveLength(1))
    expect(called(calls, 'logService')[0].data).toMatchObject({ source: 'other', volunteerId: 'u3', content: '帮 3 栋独居老人修水管' })
    await waitFor(() => expect((el('.js-log-content input') as HTMLInputElement).value).toBe(''))
    expect(called(calls, 'logService')).toHaveLength(1)
  })

  it('tells a non-leader the page is not theirs and asks nothing more', async () => {
    openPage('/packages/volunteer/manage/index', { id: 't1' })
    const calls = fakeCloud({ 'user.login': () => resident(), 'volunteer.getTeam': () => teamView() })
    renderPage(VolunteerManage)
    await waitFor(() => expect(screen.getByText('只有本队队长可以管理这支队伍')).toBeTruthy())
    expect(called(calls, 'members')).toHaveLength(0)
  })
})

describe('我的志愿服务', () => {
  it('shows verified totals by month and team and every record with its status', async () => {
    const mine: MyRecord = {
      totalMinutes: 150, totalHours: '2.5', points: 20,
      byMonth: [{ month: '2026-11', minutes: 150, hours: '2.5' }],
      byTeam: [{ team: '红袖标巡逻队', minutes: 150, hours: '2.5' }],
      records: [
        record(),
        record({ recordId: 'r2', status: 'pending', minutes: 30, hours: '0.5', content: '帮邻居扛米', verifiedBy: null, verifiedAt: null }),
        record({ recordId: 'r3', status: 'rejected', rejectReason: '时间重复' }),
        record({ recordId: 'r4', status: 'corrected' }),
      ],
    }
    fakeCloud({
      'user.login': () => resident(),
      'volunteer.myRecord': () => mine,
      'volunteer.listTeams': () => ({ items: [team({ mine: 'active' })], nextCursor: null }),
      'volunteer.shifts': () => ({ items: [], nextCursor: null }),
    })
    renderPage(VolunteerMine)
    await waitFor(() => expect(el('.js-total-hours').textContent).toBe('2.5 小时'))
    expect(el('.js-by-month').textContent).toMatch(/2026-11.*2\.5 小时/)
    expect(el('.js-by-team').textContent).toMatch(/红袖标巡逻队/)
    expect([...document.querySelectorAll('.js-record-status')].map((n) => n.textContent)).toEqual(['已核实', '待核实', '已退回', '已更正'])
    expect(el('.js-record-r3').textContent).toMatch(/退回理由：时间重复/)
    expect(el('.js-record-r1 .js-record-verifier').textContent).toMatch(/^核实：刘芳 · /)
    expect(el('.js-record-r2 .js-record-verifier')).toBeNull()
    await waitFor(() => expect(el('.js-my-team-t1')).toBeTruthy())
    expect(screen.getByText('还没有预约班次')).toBeTruthy()
  })
})

describe('志愿服务证明', () => {
  const cert: CertificateView = {
    number: 'ZY2026120000017', name: '王秀兰', volunteerNo: 'V00000001', totalMinutes: 150, totalHours: '2.5', content: ['红袖标巡逻队'], periodFrom: inHours(-50),
    periodTo: inHours(-48), issuer: '红湖社区居民委员会', handler: '红湖公园城志愿服务站', contact: '成都市新都区红湖路 88 号', issuedAt: new Date().toISOString(),
    verifyText: 'https://linli.example.cn/#/packages/volunteer/verify/index?number=ZY2026120000017',
  }

  it('renders the certificate with its number, hours, issuer and the QR of its check; prints in the browser', async () => {
    const calls = fakeCloud({ 'user.login': () => resident(), 'volunteer.certificate': () => cert })
    const print = jest.fn()
    window.print = print
    renderPage(VolunteerCertificate)
    await waitFor(() => expect(el('.js-cert-number').textContent).toMatch(/ZY2026120000017/))
    expect(el('.js-cert-hours').textContent).toMatch(/2\.5 小时/)
    expect(el('.js-cert-text').textContent).toMatch(/兹证明 王秀兰（志愿者编号 V00000001）.*红袖标巡逻队等志愿服务，累计服务时长 2\.5 小时/)
    expect(el('.js-cert-issuer').textContent).toMatch(/红湖社区居民委员会/)
    expect(document.querySelector('.js-cert-qr svg')).toBeTruthy()
    expect(document.querySelector('.js-save-image')).toBeNull()
    fireEvent.click(el('.js-print'))
    expect(print).toHaveBeenCalled()
    expect(called(calls, 'certificate')).toHaveLength(1)
  })

  it('shows the server’s reason when there are no verified hours yet', async () => {
    fakeCloud({ 'user.login': () => resident(), 'volunteer.certificate': () => failWith('CONFLICT', '还没有已核实的服务时长，暂不能出具证明') })
    renderPage(VolunteerCertificate)
    await waitFor(() => expect(screen.getByText('还没有已核实的服务时长，暂不能出具证明')).toBeTruthy())
  })

  it('verifies a number from ?number= as valid, and another as invalid', async () => {
    openPage('/packages/volunteer/verify/index', { number: 'ZY2026120000017' })
    const calls = fakeCloud({
      'user.login': () => resident(),
      'volunteer.verifyCertificate': (d) =>
        d.number === 'ZY2026120000017'
          ? { valid: true, message: null, nameMasked: '王*兰', totalHours: '2.5', periodFrom: '2026-11-28', periodTo: '2026-11-29', issuer: '红湖社区居民委员会' }
          : { valid: false, message: '证明编号有误（校验位不符），请核对后重新输入', nameMasked: null, totalHours: null, periodFrom: null, periodTo: null, issuer: null },
    })
    renderPage(VolunteerVerify)
    await waitFor(() => expect(el('.js-verify-valid')).toBeTruthy())
    expect(el('.js-verify-name').textContent).toMatch(/王\*兰/)
    expect(el('.js-verify-hours').textContent).toMatch(/2\.5 小时/)
    expect(el('.js-verify-issuer').textContent).toMatch(/红湖社区居民委员会/)

    await waitFor(() => expect(el('.js-verify-number input')).toBeTruthy())

    await typeInto('.js-verify-number input', 'zy2026120000018')
    fireEvent.click(el('.js-verify-submit'))
    await waitFor(() => expect(el('.js-verify-invalid')).toBeTruthy())
    expect(el('.js-verify-message').textContent).toMatch(/校验位不符/)
    expect(called(calls, 'verifyCertificate').map((c) => c.data)).toEqual([{ number: 'ZY2026120000017' }, { number: 'ZY2026120000018' }])
  })
})

describe('elder mode', () => {
  it('renders the volunteer pages larger for a resident who chose it', async () => {
    fakeCloud({ 'user.login': () => resident(true), 'volunteer.listTeams': () => ({ items: [team()], nextCursor: null }) })
    const { container } = renderPage(VolunteerList)
    await waitFor(() => expect(screen.getByText('红袖标巡逻队')).toBeTruthy())
    expect(container.querySelector('.ll-page')!.className).toContain('elder')
    expect(el('.js-elder-toggle').textContent).toBe('长辈模式：开')
  })
})

describe('队伍管理: settings', () => {
  it('a leader changes the team; only the changes are sent, and the server’s refusal is shown', async () => {
    openPage('/packages/volunteer/manage/index', { id: 't1' })
    const calls = fakeCloud({
      'user.login': () => resident(),
      'volunteer.getTeam': () => teamView({ leading: true }),
      'volunteer.members': () => ({ items: [] }),
      'volunteer.pendingRecords': () => ({ items: [] }),
      'volunteer.updateTeam': () => failWith('CONFLICT', '队中有 1 名未成年队员或申请人，不能改为有风险的队伍；请先妥善安排他们退出'),
    })
    renderPage(VolunteerManage)
    await waitFor(() => expect(el('.js-tab-settings')).toBeTruthy())
    fireEvent.click(el('.js-tab-settings'))
    await waitFor(() => expect(el('.js-settings-save')).toBeTruthy())
    fireEvent.click(el('.js-settings-save'))
    expect(el('.js-settings-error').textContent).toBe('没有改动')
    await typeInto('.js-settings-name input', '红袖标夜巡队')
    fireEvent.click(el('.js-settings-risky'))
    fireEvent.click(el('.js-settings-save'))
    await waitFor(() => expect(el('.js-settings-error').textContent).toMatch(/未成年/))
    expect(called(calls, 'updateTeam')[0].data).toEqual({ teamId: 't1', name: '红袖标夜巡队', risky: true })
  })
})

describe('志愿服务统计: the leaderboard by team', () => {
  it('shows the whole compound’s board, and one team’s when it is picked', async () => {
    openPage('/packages/volunteer/stats/index')
    const calls = fakeCloud({
      'user.login': () => session({ roles: ['resident', 'branch'], compound: { compoundId: 'c1', name: '红湖公园城' }, profile: { displayName: '刘芳', phoneMasked: null, elderMode: false, party: null, badge: false } }),
      'volunteer.listTeams': () => ({ items: [team(), team({ teamId: 't2', name: '党员请修队', kind: 'repair' })], nextCursor: null }),
      'volunteer.teamStats': () => ({ months: ['2026-12'], teams: [] }),
      'volunteer.leaderRatings': () => ({ month: '2026-12', items: [] }),
      'volunteer.leaderboard': (d: { teamId?: string }) => ({
        month: '2026-12',
        items: [{ rank: 1, name: d.teamId === 't2' ? '张卫东' : '王秀兰', hours: '2.0', minutes: 120, me: false }],
        unnamed: 0,
      }),
    })
    renderPage(VolunteerStats)
    await waitFor(() => expect(el('.js-tab-board')).toBeTruthy())
    fireEvent.click(el('.js-tab-board'))
    await waitFor(() => expect(el('.js-rank-1').textContent).toMatch(/王秀兰/))
    await waitFor(() => expect(el('.js-board-team .js-choice-t2')).toBeTruthy())
    fireEvent.click(el('.js-board-team .js-choice-t2'))
    await waitFor(() => expect(el('.js-rank-1').textContent).toMatch(/张卫东/))
    expect(el('.js-leaderboard').textContent).toMatch(/党员请修队/)
    expect(called(calls, 'leaderboard').map((c) => c.data)).toEqual([{}, { teamId: 't2' }])
  })
})

describe('队伍管理: the rota', () => {
  it('shows a shift’s roster and rotating code, and checks a member in for them', async () => {
    openPage('/packages/volunteer/manage/index', { id: 't1' })
    let checkedInAt: string | null = null
    const calls = fakeCloud({
      'user.login': () => resident(),
      'volunteer.getTeam': () => teamView({ leading: true }),
      'volunteer.members': () => ({ items: [] }),
      'volunteer.pendingRecords': () => ({ items: [] }),
      'volunteer.shifts': () => ({ items: [shift({ can: { book: false, cancel: false, manage: true }, bookable: '您已预约这个班次' })], nextCursor: null }),
      'volunteer.shiftCode': () => ({ code: '493817', expiresAt: inHours(0.01) }),
      'volunteer.shiftRoster': () => ({ items: [{ userId: 'u2', name: '李建国', phone: '13800001111', checkedInAt, checkedOutAt: null }] }),
      'volunteer.shiftCheck': () => {
        checkedInAt = new Date().toISOString()
        return { at: checkedInAt, recordId: null }
      },
    })
    renderPage(VolunteerManage)
    await waitFor(() => expect(el('.js-tab-rota')).toBeTruthy())
    fireEvent.click(el('.js-tab-rota'))
    await waitFor(() => expect(el('.js-shift-s1 .js-open-roster')).toBeTruthy())
    fireEvent.click(el('.js-shift-s1 .js-open-roster'))
    await waitFor(() => expect(el('.js-shift-code-digits').textContent).toBe('493817'))
    await waitFor(() => expect(el('.js-roster-u2 .js-roster-in')).toBeTruthy())
    fireEvent.click(el('.js-roster-u2 .js-roster-in'))
    await waitFor(() => expect(called(calls, 'shiftCheck')).toHaveLength(1))
    expect(called(calls, 'shiftCheck')[0].data).toEqual({ shiftId: 's1', kind: 'in', userId: 'u2' })
    await waitFor(() => expect(el('.js-roster-u2 .js-roster-out')).toBeTruthy())
  })
})

describe('五星楼栋长', () => {
  it('rates once a month; a second rating shows 本月已评 with the server’s message', async () => {
    const calls = fakeCloud({ 'user.login': () => resident(), 'volunteer.rateLeader': () => failWith('CONFLICT', '本月已经评过分了，下个月再来') })
    renderPage(VolunteerRate)
    await waitFor(() => expect(el('.js-rate-submit')).toBeTruthy())
    fireEvent.click(el('.js-rate-submit'))
    await waitFor(() => expect(el('.js-rate-error').textContent).toBe('请点选 1–5 颗星'))
    fireEvent.click(el('.js-star-4'))
    fireEvent.click(el('.js-rate-submit'))
    await waitFor(() => expect(el('.js-rate-error').textContent).toBe('本月已评：本月已经评过分了，下个月再来'))
    expect(called(calls, 'rateLeader')[0].data).toEqual({ score: 4 })
  })
})

describe('个人资料: birth year and guardian', () => {
  it('asks for a guardian when the year makes a minor, and shows the server’s refusal', async () => {
    const calls = fakeCloud({
      'user.login': () => resident(),
      'user.updateProfile': () => failWith('FORBIDDEN', '未满 14 周岁，须先由监护人同意并登记监护人信息'),
    })
    renderPage(Profile)
    // the input inside Taro's component renders a moment after its wrapper (later on a busy machine)
    await waitFor(() => expect(el('.js-birth-year input')).toBeTruthy())
    expect(document.querySelector('.js-guardian')).toBeNull()
    const year = String(new Date().getFullYear() - 12)
    await typeInto('.js-birth-year input', year)
    await waitFor(() => expect(el('.js-guardian')).toBeTruthy())
    fireEvent.click(el('.js-save-profile'))
    await waitFor(() => expect(el('.js-form-error').textContent).toBe('未满 14 周岁，须先由监护人同意并登记监护人信息'))
    const sent = calls.filter((c) => c.action === 'updateProfile')[0].data
    expect(sent.birthYear).toBe(Number(year))
    expect(sent.guardian).toBeUndefined()
  })
})

describe('反映详情: hours for a finished 求助 task', () => {
  const help = (over: Partial<RequestView> = {}): RequestView => ({
    requestId: 'q1', category: 'help', content: '两袋米扛上 6 楼', urgency: 'general', visibility: 'private', state: 'resolved',
    location: { buildingId: 'b1', buildingName: '1栋', unit: '1', area: null }, room: null, reporterName: '王**', reporterPhone: null, photos: [],
    createdAt: inHours(-30), dueAt: inHours(100), overdue: false, escalationLevel: 0, assigneeName: '刘芳', claimedByMe: true, rating: null, fixed: null, heldForReview: false,
    timeline: [], can: [], photoUrls: {}, ...over,
  })

  it('offers 登记服务时长 to the volunteer who did it and shows the server’s CONFLICT when already logged', async () => {
    ;(Current as unknown as { router: unknown }).router = { params: { id: 'q1' }, path: '/packages/request/detail/index' }
    const calls = fakeCloud({
      'user.login': () => resident(),
      'request.get': () => help(),
      'volunteer.logService': () => failWith('CONFLICT', '这项任务的服务时长已经登记过了'),
    })
    renderPage(RequestDetail)
    await waitFor(() => expect(el('.js-log-hours-submit')).toBeTruthy())
    fireEvent.click(el('.js-log-hours-submit'))
    await waitFor(() => expect(el('.js-log-hours-error').textContent).toBe('这项任务的服务时长已经登记过了'))
    const sent = called(calls, 'logService')[0].data
    expect(sent).toMatchObject({ source: 'task', sourceId: 'q1', content: '邻里求助任务' })
  })

  it('once the hours are logged the detail says so and asks no more', async () => {
    ;(Current as unknown as { router: unknown }).router = { params: { id: 'q1' }, path: '/packages/request/detail/index' }
    const calls = fakeCloud({ 'user.login': () => resident(), 'request.get': () => help({ hoursLogged: true }) })
    renderPage(RequestDetail)
    await waitFor(() => expect(el('.js-log-hours-done')).toBeTruthy())
    expect(document.querySelector('.js-log-hours-submit')).toBeNull()
    expect(called(calls, 'logService')).toEqual([])
  })

  it('the volunteer who claimed it enters the hours when resolving (across midnight); nobody else is asked', async () => {
    ;(Current as unknown as { router: unknown }).router = { params: { id: 'q1' }, path: '/packages/request/detail/index' }
    const globals = globalThis as unknown as { LINLI_LOCAL: boolean }
    globals.LINLI_LOCAL = true
    try {
      const calls = fakeCloud({
        'user.login': () => resident(),
        'request.get': () => help({ state: 'claimed', can: ['resolve'] }),
        'request.resolve': () => help({ state: 'resolved', can: [] }),
      })
      jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
      renderPage(RequestDetail)
      await waitFor(() => expect(el('.js-action-resolve')).toBeTruthy())
      fireEvent.click(el('.js-action-resolve'))
      await waitFor(() => expect(el('.js-resolve-hours')).toBeTruthy())
      await typeInto('.js-resolve-input textarea', '米已扛上楼')
      fireEvent.click(el('.js-resolve-hours'))
      await typeInto('.js-field-resolve-start input', '2026-11-30 23:30')
      await typeInto('.js-field-resolve-end input', '2026-12-01 00:30')
      fireEvent.click(el('.nut-dialog-footer-ok'))
      await waitFor(() => expect(calls.find((c) => c.action === 'resolve')).toBeTruthy())
      expect(calls.find((c) => c.action === 'resolve')!.data).toEqual({ requestId: 'q1', note: '米已扛上楼', hours: { startAt: '2026-11-30T23:30:00+08:00', endAt: '2026-12-01T00:30:00+08:00' } })
    } finally {
      globals.LINLI_LOCAL = false
    }
  })

  it('does not ask staff resolving someone else’s task for hours', async () => {
    ;(Current as unknown as { router: unknown }).router = { params: { id: 'q1' }, path: '/packages/request/detail/index' }
    fakeCloud({ 'user.login': () => resident(), 'request.get': () => help({ state: 'claimed', can: ['resolve'], claimedByMe: false }) })
    renderPage(RequestDetail)
    await waitFor(() => expect(el('.js-action-resolve')).toBeTruthy())
    fireEvent.click(el('.js-action-resolve'))
    await waitFor(() => expect(el('.js-resolve-input')).toBeTruthy())
    expect(document.querySelector('.js-resolve-hours')).toBeNull()
  })

  it('offers nothing on someone else’s task, even a namesake’s (decided by id, not by name)', async () => {
    ;(Current as unknown as { router: unknown }).router = { params: { id: 'q1' }, path: '/packages/request/detail/index' }
    fakeCloud({ 'user.login': () => resident(), 'request.get': () => help({ assigneeName: '王秀兰', claimedByMe: false }) })
    renderPage(RequestDetail)
    await waitFor(() => expect(screen.getByText('两袋米扛上 6 楼')).toBeTruthy())
    expect(document.querySelector('.js-log-hours')).toBeNull()
  })

  it('offers nothing on a task not finished yet', async () => {
    ;(Current as unknown as { router: unknown }).router = { params: { id: 'q1' }, path: '/packages/request/detail/index' }
    fakeCloud({ 'user.login': () => resident(), 'request.get': () => help({ state: 'claimed' }) })
    renderPage(RequestDetail)
    await waitFor(() => expect(screen.getByText('两袋米扛上 6 楼')).toBeTruthy())
    expect(document.querySelector('.js-log-hours')).toBeNull()
  })

  it('takes an end on the next day (service across midnight)', async () => {
    ;(Current as unknown as { router: unknown }).router = { params: { id: 'q1' }, path: '/packages/request/detail/index' }
    const globals = globalThis as unknown as { LINLI_LOCAL: boolean }
    globals.LINLI_LOCAL = true // the text fields that mirror the date and time pickers
    try {
      const calls = fakeCloud({ 'user.login': () => resident(), 'request.get': () => help(), 'volunteer.logService': () => ({ recordId: 'r9', verified: false }) })
      renderPage(RequestDetail)
      await waitFor(() => expect(el('.js-log-hours-submit')).toBeTruthy())
      await typeInto('.js-field-log-start input', '2026-11-30 23:30')
      await typeInto('.js-field-log-end input', '2026-12-01 00:45')
      await waitFor(() => expect(el('.js-pick-log-end-date').textContent).toMatch(/2026年12月1日/))
      fireEvent.click(el('.js-log-hours-submit'))
      await waitFor(() => expect(el('.js-log-hours-done')).toBeTruthy())
      expect(called(calls, 'logService')[0].data).toMatchObject({ startAt: '2026-11-30T23:30:00+08:00', endAt: '2026-12-01T00:45:00+08:00' })
    } finally {
      globals.LINLI_LOCAL = false
    }
  })
})

describe('证明查验: the QR code', () => {
  it('reads the number from the check page’s URL (what a phone camera opens) or the bare form', () => {
    expect(parseCertificateQr('https://linli.example.cn/#/packages/volunteer/verify/index?number=zy202612000001x')).toBe('ZY202612000001X')
    expect(parseCertificateQr('linli-cert:ZY2026120000017')).toBe('ZY2026120000017')
    expect(parseCertificateQr('https://example.com/?number=ZY2026120000017')).toBeNull()
  })
})
