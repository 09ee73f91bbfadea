// One valid payload per action of every function, aimed at real records of the demo seed (or at the
// records helpers/world.ts makes), with who should get through beyond the declared access. A new
// action without a fixture fails the matrix.
import type { Refs, Who } from './world';

export type Phase = 'read' | 'write' | 'last' | 'final';

export interface Fixture {
  data: (r: Refs) => unknown;
  /** Reads first, then writes, then what ends a record or an account. */
  phase: Phase;
  /**
   * The identities that should succeed among those the declared access admits (object-level rules:
   * the reporter, the team's leader, the auditor, the grid worker of the building…). Absent: any of
   * them may (shown as "either"), except outsiders when `target` is set.
   */
  allow?: readonly Who[];
  /** Aimed at a record of the demo compound: outsiders (applicant, another compound) are refused. */
  target?: boolean;
  /** A success that shows or changes nothing (an empty list): not counted as getting through. */
  harmless?: (data: any) => boolean;
  /** Why nobody gets through with the seeded state (the payload is still a valid shape). */
  none?: string;
}

const emptyItems = (d: any) => Array.isArray(d?.items) && d.items.length === 0;
const soon = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

export const FIXTURES: Record<string, Record<string, Fixture>> = {
  user: {
    login: { phase: 'read', data: () => ({}) },
    updateProfile: { phase: 'write', data: () => ({ elderMode: true }) },
    directory: { phase: 'read', data: () => ({}) },
    requestBinding: { phase: 'write', data: () => ({ buildingId: 'demo-b2', unit: '1', room: '101', name: '测试住户', relation: 'tenant' }) },
    cancelBinding: { phase: 'last', target: true, allow: ['applicant'], data: () => ({ bindingId: 'bind-u-seed-pending-802' }) },
    verifyBinding: { phase: 'write', target: true, allow: ['grid', 'branch'], data: () => ({ bindingId: 'bind-u-seed-pending-802', reason: '已电话核实' }) },
    rejectBinding: { phase: 'write', target: true, allow: [], none: 'verified by the fixture before it', data: () => ({ bindingId: 'bind-u-seed-pending-802', reason: '房号不符' }) },
    listPendingBindings: { phase: 'read', harmless: emptyItems, data: () => ({}) },
    setRoles: { phase: 'write', target: true, allow: ['branch'], data: () => ({ userId: 'u-demo-resident-2', roles: ['resident', 'member'] }) },
    gridMap: { phase: 'read', data: () => ({}) },
    assignGrid: { phase: 'write', target: true, allow: ['branch'], data: () => ({ userId: 'u-demo-grid', buildingIds: ['demo-b1', 'demo-b4'] }) },
    searchUsers: { phase: 'read', harmless: emptyItems, data: () => ({ query: '王' }) },
    proxyCandidates: { phase: 'read', harmless: emptyItems, data: () => ({ query: '王' }) },
    recordConsent: { phase: 'write', data: () => ({ kind: 'publishName', granted: true, version: '2026-11-v1' }) },
    exportMyData: { phase: 'read', data: () => ({}) },
    subscribe: { phase: 'write', data: () => ({ templateKeys: ['requestStatus'] }) },
    deleteMyAccount: { phase: 'final', data: () => ({ confirm: true }) },
    inbox: { phase: 'read', data: () => ({}) },
    markInboxRead: { phase: 'write', target: true, allow: ['resident'], harmless: (d) => d?.marked === 0, data: () => ({ entryId: 'demo-inbox-lamp-accepted' }) },
  },
  request: {
    create: {
      phase: 'write', target: true,
      data: () => ({ category: 'repair', content: '1栋1单元 5 楼楼道灯不亮', location: { buildingId: 'demo-b1', unit: '1' }, urgency: 'general', visibility: 'private', idempotencyKey: 'authz-create-01' }),
    },
    uploadPhoto: { phase: 'write', data: () => ({ contentType: 'image/png', data: PNG }) },
    similar: { phase: 'read', target: true, harmless: emptyItems, data: () => ({ buildingId: 'demo-b2', category: 'property' }) },
    // the lamp: private, demo-resident's, assigned to the grid worker of building 1
    get: { phase: 'read', target: true, allow: ['resident', 'grid', 'property', 'branch'], data: () => ({ requestId: 'demo-request-lamp' }) },
    listMine: { phase: 'read', data: () => ({}) },
    listHall: { phase: 'read', data: () => ({}) },
    listClaimed: { phase: 'read', data: () => ({}) },
    listAssigned: { phase: 'read', data: () => ({ filter: 'all' }) },
    // the gate: public, closed — a neighbour's 我也遇到 on a closed report is refused
    metoo: { phase: 'write', target: true, allow: [], data: () => ({ requestId: 'demo-request-gate' }), none: 'the public report is closed' },
    listPublic: { phase: 'read', data: () => ({}) },
    // the help request: submitted, routed to the hall and the grid of building 1
    accept: { phase: 'write', target: true, allow: ['grid', 'branch'], data: () => ({ requestId: 'demo-request-help', note: '马上安排' }) },
    claim: { phase: 'write', target: true, allow: ['member', 'branch'], data: () => ({ requestId: 'demo-request-help' }) },
    // the volunteer who claimed it (the claim fixture runs first) gives it back
    release: { phase: 'write', target: true, allow: ['member'], data: () => ({ requestId: 'demo-request-help', reason: '临时有事' }) },
    start: { phase: 'write', target: true, allow: [], data: () => ({ requestId: 'demo-request-lamp', note: '开始处理' }), none: 'the lamp is already in progress' },
    addNote: { phase: 'write', target: true, allow: ['resident', 'grid', 'branch', 'property'], data: () => ({ requestId: 'demo-request-lamp', note: '电工已到场' }) },
    resolve: { phase: 'write', target: true, allow: ['grid', 'branch', 'property'], data: () => ({ requestId: 'demo-request-lamp', note: '已更换灯泡' }) },
    confirm: { phase: 'write', target: true, allow: ['resident'], data: (r) => ({ requestId: r.resolvedId, rating: 5, fixed: true, comment: '谢谢' }) },
    // the reporter, or the branch (core/request/rules.ts decide)
    reopen: { phase: 'write', target: true, allow: ['resident', 'branch'], data: (r) => ({ requestId: r.resolvedId, reason: '又坏了' }) },
    escalate: { phase: 'write', target: true, allow: [], data: () => ({ requestId: 'demo-request-lamp', reason: '迟迟没有修好' }), none: 'resolved by the fixture before it' },
    reject: { phase: 'write', target: true, allow: [], data: () => ({ requestId: 'demo-request-help', reason: '不属于受理范围' }), none: 'accepted by the fixture before it' },
    // 转派 of the help request (accepted by the grid or the branch before it) to the committee
    transfer: { phase: 'last', target: true, allow: ['grid', 'branch'], data: () => ({ requestId: 'demo-request-help', to: 'committee', reason: '需要业委会协调' }) },
    withdraw: { phase: 'last', target: true, allow: ['resident'], data: () => ({ requestId: 'demo-request-lamp', reason: '自己修好了' }) },
    deadlines: { phase: 'read', data: () => ({}) },
    stats: { phase: 'read', data: () => ({}) },
  },
  volunteer: {
    listTeams: { phase: 'read', data: () => ({}) },
    getTeam: { phase: 'read', target: true, data: () => ({ teamId: 'demo-team-patrol' }) },
    createTeam: {
      phase: 'write',
      data: () => ({ name: '环境守护队', kind: 'environment', description: '每周末捡拾垃圾', capacity: 10, needsApproval: false, risky: false, leaderIds: ['u-demo-member'] }),
    },
    // the patrol team is led by the grid worker; the branch runs every team of the compound
    updateTeam: { phase: 'write', target: true, allow: ['grid', 'branch', 'committee'], data: () => ({ teamId: 'demo-team-patrol', description: '每晚 19:00–21:30 巡逻' }) },
    join: { phase: 'write', target: true, data: () => ({ teamId: 'demo-team-repair', availability: '周末' }) },
    recordGuardianConsent: { phase: 'write', data: () => ({ guardianName: '王大伟', guardianPhone: '13912345678', relation: '父亲' }) },
    approve: { phase: 'write', target: true, allow: ['grid', 'branch', 'committee'], data: () => ({ membershipId: 'demo-m-patrol-resident-2' }) },
    decline: { phase: 'write', target: true, allow: [], none: 'approved by the fixture before it', data: () => ({ membershipId: 'demo-m-patrol-resident-2', reason: '名额已满' }) },
    leave: { phase: 'last', target: true, allow: ['member', 'grid'], data: () => ({ teamId: 'demo-team-patrol' }) },
    remove: { phase: 'last', target: true, allow: ['grid', 'branch', 'committee'], data: () => ({ membershipId: 'demo-m-patrol-member', reason: '长期未参加' }) },
    members: { phase: 'read', target: true, allow: ['grid', 'branch', 'committee'], data: () => ({ teamId: 'demo-team-patrol' }) },
    createShifts: { phase: 'write', target: true, allow: ['grid', 'branch', 'committee'], data: () => ({ teamId: 'demo-team-patrol', startAt: soon(50), endAt: soon(52), place: '小区西门', capacity: 3 }) },
    shifts: { phase: 'read', data: () => ({ teamId: 'demo-team-patrol' }), harmless: emptyItems, target: true },
    bookShift: { phase: 'write', target: true, allow: ['member', 'grid'], data: () => ({ shiftId: 'demo-shift-patrol' }) },
    cancelShift: { phase: 'last', target: true, allow: ['member', 'grid'], data: () => ({ shiftId: 'demo-shift-patrol' }) },
    shiftRoster: { phase: 'read', target: true, allow: ['grid', 'branch', 'committee'], data: () => ({ shiftId: 'demo-shift-patrol' }) },
    shiftCode: { phase: 'read', target: true, allow: ['grid', 'branch', 'committee'], data: () => ({ shiftId: 'demo-shift-patrol' }) },
    shiftCheck: { phase: 'write', target: true, allow: [], data: () => ({ shiftId: 'demo-shift-patrol', kind: 'in', userId: 'u-demo-member' }), none: 'the shift starts tomorrow' },
    logService: { phase: 'write', target: true, data: () => ({ source: 'other', teamId: 'demo-team-repair', startAt: soon(-30), endAt: soon(-28), content: '帮邻居搬家' }) },
    // the repair team's pending record: its leader (the branch) verifies
    verifyService: { phase: 'write', target: true, allow: ['branch', 'committee'], data: () => ({ recordId: 'demo-record-repair' }) },
    rejectService: { phase: 'write', target: true, allow: [], none: 'verified by the fixture before it', data: () => ({ recordId: 'demo-record-repair', reason: '时长有误' }) },
    // the volunteer, the team's leader (grid), or those who run every team (committee, branch)
    correctService: { phase: 'write', target: true, allow: ['member', 'grid', 'committee', 'branch'], data: () => ({ recordId: 'demo-record-patrol', startAt: soon(-125), endAt: soon(-122), reason: '少记了一小时' }) },
    pendingRecords: { phase: 'read', harmless: emptyItems, data: () => ({}) },
    myRecord: { phase: 'read', data: () => ({}) },
    exportMyRecord: { phase: 'read', data: () => ({}) },
    certificate: { phase: 'read', data: () => ({}) },
    verifyCertificate: { phase: 'read', data: () => ({ number: 'LL-000000' }) },
    leaderboard: { phase: 'read', data: () => ({}) },
    rateLeader: { phase: 'write', data: () => ({ score: 5, comment: '很负责' }) },
    leaderRatings: { phase: 'read', data: () => ({}) },
    teamStats: { phase: 'read', data: () => ({}) },
  },
  event: {
    create: {
      phase: 'write',
      data: () => ({ title: '冬季义剪', description: '为老人免费理发', startAt: soon(96), endAt: soon(98), place: '活动室', capacity: 20, signupDeadline: soon(90), audience: { kind: 'all' }, creditsHours: false }),
    },
    // the tea party is organised by the committee; the branch manages every event of the compound
    update: { phase: 'write', target: true, allow: ['committee', 'branch'], data: () => ({ eventId: 'demo-event-tea', place: '党群服务中心二楼' }) },
    cancelEvent: { phase: 'last', target: true, allow: ['committee', 'branch'], data: () => ({ eventId: 'demo-event-tea', reason: '天气原因' }) },
    list: { phase: 'read', data: () => ({}) },
    get: { phase: 'read', target: true, data: () => ({ eventId: 'demo-event-tea' }) },
    register: { phase: 'write', target: true, data: () => ({ eventId: 'demo-event-tea' }) },
    cancel: { phase: 'last', target: true, harmless: (d) => d?.registrationId === null, data: () => ({ eventId: 'demo-event-clinic' }) },
    myRegistrations: { phase: 'read', data: () => ({}) },
    issueCheckinCode: { phase: 'read', target: true, allow: ['committee', 'branch'], data: () => ({ eventId: 'demo-event-tea' }) },
    checkin: { phase: 'write', target: true, allow: [], data: () => ({ eventId: 'demo-event-tea', code: '123456' }), none: 'the code is not the event\'s' },
    attendees: { phase: 'read', target: true, allow: ['committee', 'branch'], data: () => ({ eventId: 'demo-event-clinic' }) },
    export: { phase: 'read', target: true, allow: ['committee', 'branch'], data: () => ({ eventId: 'demo-event-clinic' }) },
  },
  notice: {
    publish: { phase: 'write', data: () => ({ category: 'other', title: '测试通知', content: '<p>通知内容</p>', audience: { kind: 'compound' } }) },
    // the outage notice is the property company's; the committee and the branch may manage any
    update: { phase: 'write', target: true, allow: ['property', 'committee', 'branch'], data: () => ({ noticeId: 'demo-notice-outage', title: '12月1日全小区停电检修通知（更新）' }) },
    archive: { phase: 'last', target: true, allow: ['property', 'committee', 'branch'], data: () => ({ noticeId: 'demo-notice-outage' }) },
    list: { phase: 'read', data: () => ({}) },
    // a compound-wide notice: visitors and applicants read it too (DESIGN §2)
    get: { phase: 'read', target: true, allow: ['resident', 'member', 'grid', 'property', 'committee', 'branch', 'officer', 'applicant'], data: () => ({ noticeId: 'demo-notice-outage' }) },
    markRead: { phase: 'write', target: true, data: () => ({ noticeId: 'demo-notice-outage' }) },
    readStats: { phase: 'read', target: true, data: () => ({ noticeId: 'demo-notice-outage' }) },
    uploadMedia: { phase: 'write', data: () => ({ contentType: 'image/png', data: PNG }) },
    listManaged: { phase: 'read', data: () => ({}) },
  },
  convention: {
    list: { phase: 'read', data: () => ({}) },
    get: { phase: 'read', target: true, data: () => ({ conventionId: 'demo-convention-parking' }) },
    compare: { phase: 'read', target: true, data: () => ({ conventionId: 'demo-convention-parking', from: 1, to: 2 }) },
    create: { phase: 'write', data: () => ({ title: '文明养宠公约', kind: 'residents_convention', articles: [{ title: '第一条', body: '遛狗牵绳' }] }) },
    update: {
      phase: 'write', target: true,
      data: () => ({ conventionId: 'demo-convention-civility', articles: [{ title: '第一条 邻里和睦', body: '互相尊重' }], changelog: '精简条款' }),
    },
    startConsultation: { phase: 'write', target: true, allow: ['committee', 'branch', 'officer'], data: () => ({ conventionId: 'demo-convention-civility' }) },
    withdraw: { phase: 'last', target: true, data: () => ({ conventionId: 'demo-convention-civility', reason: '重新起草' }) },
    comment: { phase: 'write', target: true, data: () => ({ conventionId: 'demo-convention-civility', articleNo: 2, text: '同意第二条' }) },
    comments: { phase: 'read', target: true, data: () => ({ conventionId: 'demo-convention-civility' }) },
    support: { phase: 'write', target: true, data: (r) => ({ commentId: r.commentId }) },
    answerComment: { phase: 'write', target: true, data: (r) => ({ commentId: r.commentId, text: '已采纳', adopted: true }) },
    hideComment: { phase: 'last', target: true, data: (r) => ({ commentId: r.commentId, reason: '重复' }) },
    openVoting: {
      phase: 'write', target: true,
      data: () => ({ conventionId: 'demo-convention-civility', rule: 'residents_meeting', endsAt: soon(24 * 10), auditorIds: ['u-demo-committee'], electorate: 'households' }),
    },
    // the parking vote: owners only, one ballot per household (after grantProxy/revokeProxy: a household that voted may not delegate)
    castBallot: { phase: 'last', target: true, allow: ['resident', 'member', 'grid', 'committee', 'branch'], data: () => ({ conventionId: 'demo-convention-parking', choice: 'agree' }) },
    grantProxy: { phase: 'write', target: true, allow: ['resident', 'member', 'grid', 'committee', 'branch'], data: () => ({ conventionId: 'demo-convention-parking', proxyName: '李建国', proxyPhone: '13810015838' }) },
    revokeProxy: { phase: 'write', target: true, harmless: (d) => d?.revoked === false, data: () => ({ conventionId: 'demo-convention-parking' }) },
    // only the vote's auditors (the committee here) enter paper ballots and see choices
    enterPaperBallots: {
      phase: 'write', target: true, allow: ['committee'],
      data: () => ({ conventionId: 'demo-convention-parking', ballots: [{ buildingId: 'demo-b4', unit: '1', room: '101', choice: 'agree' }] }),
    },
    ballots: { phase: 'read', target: true, allow: ['committee'], data: () => ({ conventionId: 'demo-convention-parking' }) },
    progress: { phase: 'read', target: true, data: () => ({ conventionId: 'demo-convention-parking' }) },
    remind: { phase: 'write', target: true, harmless: (d) => d?.reminded === 0, data: () => ({ conventionId: 'demo-convention-parking', buildingId: 'demo-b1' }) },
    closeVoting: { phase: 'last', target: true, allow: [], none: 'the vote runs for six more days', data: () => ({ conventionId: 'demo-convention-parking' }) },
    // while the vote runs, only its auditors, the committee and the branch see the live count (voting.ts tally; not officers)
    tally: { phase: 'read', target: true, allow: ['committee', 'branch'], data: () => ({ conventionId: 'demo-convention-parking' }) },
    object: { phase: 'write', target: true, allow: [], data: () => ({ conventionId: 'demo-convention-parking', text: '计票有误' }), none: 'no result is posted yet' },
    objections: { phase: 'read', target: true, harmless: emptyItems, data: () => ({ conventionId: 'demo-convention-parking' }) },
    answerObjection: { phase: 'write', target: true, allow: [], data: () => ({ objectionId: 'demo-objection-none', text: '已复核' }), none: 'the seed has no objection' },
    finalize: { phase: 'last', target: true, allow: [], data: () => ({ conventionId: 'demo-convention-parking' }), none: 'the vote is still open' },
    sign: { phase: 'write', target: true, allow: [], data: () => ({ conventionId: 'demo-convention-civility' }), none: 'not adopted yet' },
    setFiling: { phase: 'write', target: true, allow: [], data: () => ({ conventionId: 'demo-convention-civility', state: 'submitted', office: '大丰街道办事处' }), none: 'not adopted yet' },
    exportRecord: { phase: 'read', target: true, data: () => ({ conventionId: 'demo-convention-parking', format: 'csv' }) },
    votingSettings: { phase: 'read', data: () => ({}) },
    // the demo compound's settings as they are (the defaults): the write changes nothing the later fixtures read
    setVotingSettings: { phase: 'write', data: () => ({ jurisdiction: 'none', objectionDays: 7, nonVotersWithMajority: false }) },
  },
  admin: {
    overview: { phase: 'read', data: () => ({}) },
    compounds: { phase: 'read', data: () => ({}) },
    exportLedger: { phase: 'write', data: () => ({ ledger: 'requests', format: 'csv' }) },
    exportStatus: { phase: 'read', target: true, allow: ['branch', 'committee', 'officer'], data: (r) => ({ exportId: r.exportId }) },
    auditLog: { phase: 'read', data: () => ({}) },
    report: { phase: 'write', target: true, data: () => ({ kind: 'request', refId: 'demo-request-gate', reason: '含有不实信息' }) },
    moderationQueue: { phase: 'read', data: () => ({}) },
    moderate: { phase: 'write', target: true, data: () => ({ kind: 'request', refId: 'demo-request-gate', decision: 'approve', reason: '内容属实' }) },
    propose: { phase: 'write', data: () => ({ kind: 'request', refId: 'demo-request-gate', title: '门禁老化问题', note: '多次报修' }) },
    agenda: { phase: 'read', data: () => ({}) },
    createMeeting: { phase: 'write', data: () => ({ title: '一月联席会议', at: soon(24 * 30), place: '社区会议室' }) },
    meetings: { phase: 'read', data: () => ({}) },
    meeting: { phase: 'read', target: true, data: (r) => ({ meetingId: r.meetingId }) },
    scheduleItem: { phase: 'write', target: true, data: (r) => ({ itemId: r.itemId, meetingId: r.meetingId }) },
    recordMinutes: { phase: 'write', target: true, data: (r) => ({ meetingId: r.meetingId, minutes: '讨论加装电梯', attendees: [{ name: '孙红梅', role: '党支部' }] }) },
    decide: { phase: 'last', target: true, data: (r) => ({ itemId: r.itemId, decision: '下月启动意见征集' }) },
  },
  scheduler: {
    run: { phase: 'last', data: () => ({}) },
  },
};
