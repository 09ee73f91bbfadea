// 公约与表决 as residents, drafters and auditors see it: phases on the list, commenting article by
// article, the ballot that confirms before it is cast, the result against each threshold, the
// drafting form's checks, elder mode.
import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { formDay, formTimeToIso } from '@core/time'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import type { ConventionSummary, ConventionView, TallyView } from '../../src/services/convention'
import ConventionAudit from '../../src/packages/convention/audit'
import ConventionBallot from '../../src/packages/convention/ballot'
import ConventionDetail from '../../src/packages/convention/detail'
import ConventionEdit from '../../src/packages/convention/edit'
import ConventionList from '../../src/packages/convention/list'
import ConventionOpen from '../../src/packages/convention/open'
import ConventionProgress from '../../src/packages/convention/progress'
import ConventionResult from '../../src/packages/convention/result'
import Services from '../../src/pages/services'
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

const DAY = 24 * 3_600_000
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString()

const resident = (elderMode = false) =>
  session({
    roles: ['resident'],
    compound: { compoundId: 'c1', name: '江南小区' },
    household: { householdId: 'h1', buildingId: 'b1', buildingName: '3栋', unit: '1', room: '502', verified: true },
    profile: { displayName: '王秀兰', phoneMasked: null, elderMode, party: null, badge: false },
  })
const committee = () => session({ ...resident(), roles: ['resident', 'committee'] })

function summary(over: Partial<ConventionSummary> = {}): ConventionSummary {
  return {
    conventionId: 'v1',
    title: '江南小区居民文明公约',
    kind: 'residents_convention',
    phase: 'consultation',
    version: 2,
    articleCount: 8,
    commentCount: 12,
    updatedAt: inDays(-1),
    vote: null,
    ...over,
  }
}

const NO_RIGHTS: ConventionView['can'] = {
  edit: false,
  startConsultation: false,
  openVoting: false,
  close: false,
  finalize: false,
  withdraw: false,
  comment: false,
  vote: false,
  proxy: false,
  audit: false,
  progress: false,
  tally: false,
  object: false,
  answer: false,
  sign: false,
  filing: false,
}

function view(over: Partial<ConventionView> = {}, can: Partial<ConventionView['can']> = {}, mine: Partial<ConventionView['mine']> = {}): ConventionView {
  return {
    conventionId: 'v1',
    title: '江南小区居民文明公约',
    kind: 'residents_convention',
    summary: '由全体居民共同商定，共建文明和谐小区。',
    phase: 'consultation',
    version: 1,
    latestVersion: 1,
    articles: [
      { no: 1, title: '文明养犬', body: '出门遛狗须牵绳，及时清理粪便。', commentCount: 2 },
      { no: 2, title: '垃圾分类', body: '按时按类投放生活垃圾。', commentCount: 0 },
    ],
    changelog: [],
    consultationEndsAt: inDays(5),
    vote: null,
    result: null,
    withdrawnReason: null,
    filing: null,
    signatures: 0,
    mine: { ballotBlocked: null, voted: false, votedAt: null, voterLabel: '3栋1单元502', proxiesHeld: [], proxyGiven: null, signed: false, ...mine },
    can: { ...NO_RIGHTS, ...can },
    updatedAt: inDays(-1),
    ...over,
  }
}

const ownersVote = (over: Partial<NonNullable<ConventionView['vote']>> = {}): NonNullable<ConventionView['vote']> => ({
  rule: 'owners_ordinary',
  requestedRule: 'owners_ordinary',
  electorate: 'owners',
  electorateHeads: 120,
  electorateArea: 1089550,
  startsAt: inDays(-1),
  endsAt: inDays(6),
  auditors: [{ userId: 'u7', name: '李建国' }],
  advisory: null,
  open: true,
  votedHeads: 37,
  ...over,
})

function openPage(path: string, id?: string) {
  ;(Current as unknown as { router: unknown }).router = { params: id ? { id } : {}, path }
}

const calledWith = (calls: Calls, action: string) => calls.filter((c) => c.fn === 'convention' && c.action === action)

describe('公约表决 list', () => {
  it('shows each convention with its phase and kind, and when a running vote ends', async () => {
    const calls = fakeCloud({
      'user.login': () => resident(),
      'convention.list': (d) =>
        d.scope === 'all'
          ? { items: [summary({ conventionId: 'v9', title: '旧停车公约', kind: 'parking_rules', phase: 'withdrawn' })], nextCursor: null }
          : {
              items: [
                summary(),
                summary({ conventionId: 'v2', title: '管理规约（修订）', kind: 'management_rules', phase: 'voting', vote: { rule: 'owners_ordinary', startsAt: inDays(-1), endsAt: '2039-10-11T06:00:00.000Z' } }),
                summary({ conventionId: 'v3', title: '楼道堆物公约', phase: 'adopted' }),
              ],
              nextCursor: null,
            },
    })
    renderPage(ConventionList)
    await waitFor(() => expect(screen.getByText('江南小区居民文明公约')).toBeTruthy())
    expect(calledWith(calls, 'list')[0].data).toEqual({ scope: 'active' })
    expect(el('.js-convention-v1 .js-phase').textContent).toBe('征求意见中')
    expect(el('.js-convention-v1 .js-kind').textContent).toBe('居民公约')
    expect(el('.js-convention-v2 .js-phase').textContent).toBe('表决中')
    expect(el('.js-convention-v2 .js-kind').textContent).toBe('管理规约')
    expect(el('.js-convention-v2 .js-vote-ends').textContent).toMatch(/^业主共同决定（一般事项） · .*10月11日 14:00 截止$/)
    expect(el('.js-convention-v3 .js-phase').textContent).toBe('已通过')
    // a resident drafts nothing
    expect(document.querySelector('.js-new-convention')).toBeNull()

    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    fireEvent.click(el('.js-convention-v2'))
    expect(nav).toHaveBeenCalledWith({ url: '/packages/convention/detail/index?id=v2' })

    fireEvent.click(el('.js-tab-all'))
    await waitFor(() => expect(screen.getByText('旧停车公约')).toBeTruthy())
    expect(calledWith(calls, 'list')[1].data).toEqual({ scope: 'all' })
    expect(el('.js-convention-v9 .js-phase').textContent).toBe('已撤回')
  })

  it('tells everyone that owners\' votes here only consult where the city names its system, and lets the committee set the rule', async () => {
    const beijing = { jurisdiction: 'beijing', officialSystem: '「北京业主」App', basis: '《北京市物业管理条例》（2024）第三十五条', objectionDays: 7, nonVotersWithMajority: false }
    let saved: Record<string, unknown> | null = null
    const calls = fakeCloud({
      'user.login': () => committee(),
      'convention.list': () => ({ items: [summary()], nextCursor: null }),
      'convention.votingSettings': () => ({ jurisdiction: 'none', officialSystem: null, basis: null, objectionDays: 7, nonVotersWithMajority: false, canEdit: true }),
      'convention.setVotingSettings': (d) => {
        saved = d
        return { ...beijing, canEdit: true }
      },
    })
    renderPage(ConventionList)
    await waitFor(() => expect(el('.js-open-voting-rules')).toBeTruthy())
    expect(document.querySelector('.js-official-system')).toBeNull()
    fireEvent.click(el('.js-open-voting-rules'))
    fireEvent.click(el('.js-jurisdiction-beijing'))
    expect(el('.js-voting-rules').textContent).toContain('「北京业主」App')
    fireEvent.click(el('.js-save-voting-rules'))
    await waitFor(() => expect(el('.js-official-system').textContent).toMatch(/^本地业主共同决定须通过「北京业主」App进行（《北京市物业管理条例》（2024）第三十五条）。本应用中的业主投票仅作征求意见/))
    expect(saved).toEqual({ jurisdiction: 'beijing', officialSystem: null, objectionDays: 7, nonVotersWithMajority: false })
    expect(calledWith(calls, 'setVotingSettings')).toHaveLength(1)
    // a city the list does not name needs the system's name before anything is sent
    fireEvent.click(el('.js-open-voting-rules'))
    fireEvent.click(el('.js-jurisdiction-other'))
    fireEvent.click(el('.js-save-voting-rules'))
    await waitFor(() => expect(el('.js-voting-rules-error')).toBeTruthy())
    expect(calledWith(calls, 'setVotingSettings')).toHaveLength(1)
  })

  it('says so when the voting-rules notice cannot load, and loads it again on 重试', async () => {
    let fail = true
    fakeCloud({
      'user.login': () => committee(),
      'convention.list': () => ({ items: [summary()], nextCursor: null }),
      'convention.votingSettings': () =>
        fail ? failWith('INTERNAL', '服务暂时不可用') : { jurisdiction: 'none', officialSystem: null, basis: null, objectionDays: 7, nonVotersWithMajority: false, canEdit: true },
    })
    renderPage(ConventionList)
    await waitFor(() => expect(screen.getByText(/表决规则说明未能加载/)).toBeTruthy())
    fail = false
    fireEvent.click(screen.getByText('重试'))
    await waitFor(() => expect(el('.js-open-voting-rules')).toBeTruthy())
    expect(screen.queryByText(/表决规则说明未能加载/)).toBeNull()
  })

  it('tells a visitor to verify a home first and asks nothing of the function', async () => {
    const calls = fakeCloud({ 'user.login': () => session() })
    renderPage(ConventionList)
    await waitFor(() => expect(screen.getByText(/认证房屋后，就能查看本小区的公约/)).toBeTruthy())
    expect(calledWith(calls, 'list')).toEqual([])
  })
})

describe('公约详情', () => {
  it('shows one article per card with its comments and a box under it, and posts a comment on that article', async () => {
    openPage('/packages/convention/detail/index', 'v1')
    let posted = false
    const calls = fakeCloud({
      'user.login': () => resident(),
      'convention.get': () => view({}, { comment: true }),
      'convention.comments': (d) => ({
        items:
          d.articleNo === 1
            ? [
                {
                  commentId: 'k1',
                  articleNo: 1,
                  parentId: null,
                  authorName: '张*',
                  text: '建议写明牵绳长度不超过 1.5 米',
                  version: 1,
                  supportCount: 3,
                  supported: false,
                  mine: false,
                  held: false,
                  hidden: false,
                  answer: { text: '已写入第 2 稿', adopted: true, reason: null, at: inDays(-1) },
                  createdAt: inDays(-2),
                },
                ...(posted
                  ? [{ commentId: 'k2', articleNo: 1, parentId: null, authorName: '王*', text: '大型犬应戴嘴套', version: 1, supportCount: 0, supported: false, mine: true, held: false, hidden: false, answer: null, createdAt: inDays(0) }]
                  : []),
              ]
            : [],
        nextCursor: null,
      }),
      'convention.support': () => ({ commentId: 'k1', supportCount: 4 }),
      'convention.comment': () => {
        posted = true
        return { commentId: 'k2', held: false }
      },
    })
    renderPage(ConventionDetail)
    await waitFor(() => expect(screen.getByText('出门遛狗须牵绳，及时清理粪便。')).toBeTruthy())
    expect(el('.js-article-1 .ll-card__title').textContent).toBe('第 1 条文明养犬')
    expect(el('.js-article-2 .ll-card__title').textContent).toBe('第 2 条垃圾分类')
    expect(el('.js-article-1 .js-toggle-comments').textContent).toBe('查看意见（2）')
    // a box under each article, and one for the whole convention
    // Taro's textarea renders a moment after its wrapper (later on a busy machine)
    for (const box of ['.js-comment-1-text', '.js-comment-2-text', '.js-comment-all-text']) await waitFor(() => expect(document.querySelector(`${box} textarea`)).toBeTruthy())
    // no vote yet, no tools for a resident
    expect(document.querySelector('.js-vote')).toBeNull()
    expect(document.querySelector('.js-convention-tools')).toBeNull()

    fireEvent.click(el('.js-article-1 .js-toggle-comments'))
    await waitFor(() => expect(screen.getByText('建议写明牵绳长度不超过 1.5 米')).toBeTruthy())
    expect(calledWith(calls, 'comments')[0].data).toEqual({ conventionId: 'v1', articleNo: 1 })
    expect(el('.js-comment-k1 .js-comment-answer').textContent).toBe('起草组答复【采纳】：已写入第 2 稿')
    fireEvent.click(el('.js-comment-k1 .js-support'))
    await waitFor(() => expect(el('.js-comment-k1 .js-support').textContent).toBe('已支持 4'))

    // an empty comment is not sent
    fireEvent.click(el('.js-comment-1-send'))
    await waitFor(() => expect(document.querySelector('.js-article-1 .js-comment-error')).toBeTruthy())
    expect(calledWith(calls, 'comment')).toHaveLength(0)

    await typeInto('.js-comment-1-text textarea', '大型犬应戴嘴套')
    // the box has taken the text (its counter moved) before 发表意见 is tapped
    await waitFor(() => expect(el('.js-comment-1-text').textContent).toMatch(/7\/500/))
    fireEvent.click(el('.js-comment-1-send'))
    await waitFor(() => expect(calledWith(calls, 'comment')).toHaveLength(1))
    expect(calledWith(calls, 'comment')[0].data).toEqual({ conventionId: 'v1', articleNo: 1, text: '大型犬应戴嘴套' })
    await waitFor(() => expect(screen.getByText('大型犬应戴嘴套')).toBeTruthy())
  })

  it('shows the vote with its rule, electorate and auditors, that my household has voted, and the advisory', async () => {
    openPage('/packages/convention/detail/index', 'v1')
    const advisory = '本地业主共同决定须通过「北京业主决策电子投票系统」进行，本次投票仅作征求意见，不作为业主大会决定'
    fakeCloud({
      'user.login': () => resident(),
      'convention.get': () =>
        view(
          { kind: 'management_rules', phase: 'voting', vote: ownersVote({ rule: 'consultation', advisory }) },
          { tally: false },
          { voted: true, votedAt: inDays(0), proxyGiven: { proxyName: '李*', state: 'used' } },
        ),
    })
    renderPage(ConventionDetail)
    await waitFor(() => expect(document.querySelector('.js-vote')).toBeTruthy())
    expect(el('.js-vote .js-advisory').textContent).toBe(advisory)
    expect(el('.js-vote-rule').textContent).toMatch(/征求意见（不具表决效力）.*原定：业主共同决定（一般事项）/)
    expect(el('.js-vote-electorate').textContent).toMatch(/共 120 位业主，10895.50 ㎡/)
    expect(el('.js-vote-auditors').textContent).toMatch(/李建国/)
    expect(el('.js-vote-count').textContent).toMatch(/37 \/ 120/)
    expect(el('.js-voted').textContent).toMatch(/^您家已投票（投票后不可更改）/)
    expect(document.querySelector('.js-go-vote')).toBeNull()
    expect(el('.js-proxy-given').textContent).toMatch(/已委托 李\* 代为投票（已代为投票）/)
  })
})

describe('公约详情 for the drafters and for proxies', () => {
  const comment = (over: Record<string, unknown> = {}) => ({
    commentId: 'k1',
    articleNo: 1,
    parentId: null,
    authorName: '张*',
    text: '遛狗时间限制在早晚',
    version: 1,
    supportCount: 0,
    supported: false,
    mine: false,
    held: false,
    hidden: false,
    answer: null,
    createdAt: inDays(-2),
    ...over,
  })

  it('offers a revision only the comments answered as adopted, and sends the chosen ones with the changelog', async () => {
    openPage('/packages/convention/edit/index', 'v1')
    const answer = (adopted: boolean | null) => ({ text: '已答复', adopted, reason: null, at: inDays(-1) })
    const calls = fakeCloud({
      'user.login': committee,
      'convention.get': () => view({ phase: 'consultation' }, { edit: true }),
      'convention.comments': () => ({
        items: [comment({ answer: answer(true) }), comment({ commentId: 'k2', answer: answer(false) }), comment({ commentId: 'k3', answer: null }), comment({ commentId: 'k4', answer: answer(null) })],
        nextCursor: null,
      }),
      'convention.update': () => ({ conventionId: 'v1', version: 2, phase: 'revised' }),
    })
    jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(ConventionEdit)
    await waitFor(() => expect(document.querySelector('.js-adopt-comments')).toBeTruthy())
    expect([...document.querySelectorAll('.js-adopt-comments .ll-choice')].map((n) => n.className.match(/js-adopt-comment-(\w+)/)![1])).toEqual(['k1'])
    fireEvent.click(el('.js-adopt-comment-k1'))
    await typeInto('.js-field-changelog input', '采纳意见：遛狗时间')
    fireEvent.click(el('.js-save-convention'))
    await waitFor(() => expect(calledWith(calls, 'update')).toHaveLength(1))
    expect(calledWith(calls, 'update')[0].data).toMatchObject({ changelog: '采纳意见：遛狗时间', adoptedCommentIds: ['k1'] })
  })

  it('answers a comment as not adopted with a reason, and hides one only with a reason', async () => {
    openPage('/packages/convention/detail/index', 'v1')
    const calls = fakeCloud({
      'user.login': committee,
      'convention.get': () => view({}, { comment: true, answer: true, edit: true }),
      'convention.comments': () => ({ items: [comment()], nextCursor: null }),
      'convention.answerComment': () => ({ commentId: 'k1' }),
      'convention.hideComment': () => ({ commentId: 'k1' }),
    })
    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(ConventionDetail)
    await waitFor(() => expect(document.querySelector('.js-tool-edit')).toBeTruthy())
    fireEvent.click(el('.js-tool-edit'))
    expect(nav).toHaveBeenCalledWith({ url: '/packages/convention/edit/index?id=v1' })
    fireEvent.click(el('.js-article-1 .js-toggle-comments'))
    await waitFor(() => expect(document.querySelector('.js-comment-k1 .js-answer-comment')).toBeTruthy())

    fireEvent.click(el('.js-comment-k1 .js-answer-comment'))
    await waitFor(() => expect(document.querySelector('.js-moderation')).toBeTruthy())
    fireEvent.click(el('.js-adopt-no'))
    await typeInto('.js-answer-text textarea', '与物业管理规定冲突')
    await typeInto('.js-moderation-reason input', '遛狗时间由各户自定')
    fireEvent.click(el('.nut-dialog-footer-ok'))
    await waitFor(() => expect(calledWith(calls, 'answerComment')).toHaveLength(1))
    expect(calledWith(calls, 'answerComment')[0].data).toEqual({ commentId: 'k1', text: '与物业管理规定冲突', adopted: false, reason: '遛狗时间由各户自定' })
    await waitFor(() => expect(document.querySelector('.js-moderation')).toBeNull())

    fireEvent.click(el('.js-comment-k1 .js-hide-comment'))
    await waitFor(() => expect(document.querySelector('.js-moderation')).toBeTruthy())
    fireEvent.click(el('.nut-dialog-footer-ok'))
    await waitFor(() => expect(el('.js-moderation-error').textContent).toBeTruthy())
    expect(calledWith(calls, 'hideComment')).toHaveLength(0)
    await typeInto('.js-moderation-reason input', '含人身攻击')
    fireEvent.click(el('.nut-dialog-footer-ok'))
    await waitFor(() => expect(calledWith(calls, 'hideComment')[0]?.data).toEqual({ commentId: 'k1', reason: '含人身攻击' }))
  })

  it("lets a resident 举报 another's comment, not their own", async () => {
    openPage('/packages/convention/detail/index', 'v1')
    const calls = fakeCloud({
      'user.login': () => resident(),
      'convention.get': () => view({}, { comment: true }),
      'convention.comments': () => ({ items: [comment(), comment({ commentId: 'k2', authorName: '王*', text: '我的意见', mine: true })], nextCursor: null }),
      'admin.report': () => ({ reported: true }),
    })
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(ConventionDetail)
    await waitFor(() => expect(document.querySelector('.js-article-1 .js-toggle-comments')).toBeTruthy())
    // a resident proposes no article to the 三方联席会议
    expect(document.querySelector('.js-propose-article')).toBeNull()
    fireEvent.click(el('.js-article-1 .js-toggle-comments'))
    await waitFor(() => expect(document.querySelector('.js-comment-k1 .js-report')).toBeTruthy())
    expect(document.querySelector('.js-comment-k2 .js-report')).toBeNull()

    fireEvent.click(el('.js-comment-k1 .js-report'))
    await waitFor(() => expect(el('.js-dialog-report')).toBeTruthy())
    fireEvent.click(el('.js-report-reason-1'))
    fireEvent.click(el('.js-dialog-report').closest('.nut-dialog')!.querySelector('.nut-dialog-footer-ok')!)
    await waitFor(() => expect(el('.js-comment-k1 .js-report').textContent).toBe('已举报'))
    expect(calls.filter((c) => c.fn === 'admin' && c.action === 'report')[0].data).toEqual({ kind: 'comment', refId: 'k1', reason: '辱骂、人身攻击' })
  })

  it('lets staff put an article on the 三方联席会议 agenda, its title as the note', async () => {
    openPage('/packages/convention/detail/index', 'v1')
    const calls = fakeCloud({
      'user.login': committee,
      'convention.get': () => view({}, { comment: true, answer: true }),
      'admin.propose': () => ({ itemId: 'a1' }),
    })
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'ok' } as never)
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(ConventionDetail)
    await waitFor(() => expect(document.querySelector('.js-article-2 .js-propose-article')).toBeTruthy())
    // articles only, not the card for the whole convention
    expect(document.querySelector('.js-article-all .js-propose-article')).toBeNull()
    fireEvent.click(el('.js-article-2 .js-propose-article'))
    await waitFor(() => expect(el('.js-article-2 .js-propose-article').textContent).toBe('已提交三方联席会议'))
    expect(modal).toHaveBeenCalledTimes(1)
    expect(calls.filter((c) => c.fn === 'admin' && c.action === 'propose').map((c) => c.data)).toEqual([
      { kind: 'article', refId: 'v1', title: '江南小区居民文明公约 第2条', note: '垃圾分类' },
    ])
  })

  it('grants a written proxy to a verified neighbour by name and phone, checked before sending', async () => {
    openPage('/packages/convention/detail/index', 'v1')
    let granted = false
    const calls = fakeCloud({
      'user.login': () => resident(),
      'convention.get': () =>
        view({ phase: 'voting', vote: ownersVote() }, { vote: !granted, proxy: !granted }, { proxyGiven: granted ? { proxyName: '李*', state: 'active' } : null }),
      'convention.grantProxy': () => {
        granted = true
        return { proxyId: 'p1', proxyName: '李*' }
      },
    })
    renderPage(ConventionDetail)
    await waitFor(() => expect(document.querySelector('.js-grant-proxy')).toBeTruthy())
    await typeInto('.js-proxy-name input', '李建国')
    await typeInto('.js-proxy-phone input', '1390000')
    fireEvent.click(el('.js-grant'))
    await waitFor(() => expect(el('.js-proxy-error').textContent).toBeTruthy())
    expect(calledWith(calls, 'grantProxy')).toHaveLength(0)
    await typeInto('.js-proxy-phone input', '13900000001')
    fireEvent.click(el('.js-grant'))
    await waitFor(() => expect(calledWith(calls, 'grantProxy')[0]?.data).toEqual({ conventionId: 'v1', proxyName: '李建国', proxyPhone: '13900000001' }))
    await waitFor(() => expect(el('.js-proxy-given').textContent).toMatch(/已委托 李\* 代为投票（有效）/))
    expect(document.querySelector('.js-revoke-proxy')).toBeTruthy()
    expect(document.querySelector('.js-grant-proxy')).toBeNull()
  })

  it('lodges an objection to a posted result', async () => {
    openPage('/packages/convention/detail/index', 'v1')
    const calls = fakeCloud({
      'user.login': () => resident(),
      'convention.get': () =>
        view(
          { phase: 'counted', vote: ownersVote({ open: false }), result: { passed: true, binding: true, postedAt: inDays(-1), noticeId: null, objectionEndsAt: inDays(6) } },
          { object: true, tally: true },
        ),
      'convention.object': () => ({ objectionId: 'o1' }),
    })
    renderPage(ConventionDetail)
    await waitFor(() => expect(document.querySelector('.js-outcome')).toBeTruthy())
    expect(el('.js-outcome-verdict').textContent).toBe('表决通过')
    fireEvent.click(el('.js-object'))
    await waitFor(() => expect(document.querySelector('.js-objection-text textarea')).toBeTruthy())
    await typeInto('.js-objection-text textarea', '纸质选票录入时间未公示')
    fireEvent.click(el('.nut-dialog-footer-ok'))
    await waitFor(() => expect(calledWith(calls, 'object')[0]?.data).toEqual({ conventionId: 'v1', text: '纸质选票录入时间未公示' }))
  })
})

describe('版本', () => {
  it('compares a version with the one before: added, removed and changed articles; and the changelog', async () => {
    openPage('/packages/convention/detail/index', 'v1')
    const calls = fakeCloud({
      'user.login': () => resident(),
      'convention.get': (d) =>
        view({
          version: (d.version as number | undefined) ?? 2,
          latestVersion: 2,
          changelog: [
            { version: 2, note: '采纳居民意见，修改养犬条款', at: inDays(-1), adoptedCommentIds: ['k1', 'k3'], adoptedComments: [{ commentId: 'k1', articleNo: 1 }, { commentId: 'k3', articleNo: null }] },
          ],
        }),
      'convention.compare': () => ({
        from: 1,
        to: 2,
        note: '采纳居民意见，修改养犬条款',
        changes: [
          { kind: 'changed', no: 1, title: '文明养犬', before: '出门遛狗须牵绳。', after: '出门遛狗须牵绳，及时清理粪便。' },
          { kind: 'same', no: 2, title: '垃圾分类', before: null, after: null },
          { kind: 'added', no: 3, title: '高空抛物', after: '严禁高空抛物。', before: null },
          { kind: 'removed', no: 3, title: '晾晒', before: '不得在阳台外晾晒。', after: null },
        ],
      }),
    })
    renderPage(ConventionDetail)
    await waitFor(() => expect(document.querySelector('.js-versions')).toBeTruthy())
    expect(el('.js-changelog').textContent).toMatch(/第 2 稿采纳居民意见，修改养犬条款.*采纳意见 2 条/)
    // each adopted comment links to where it was made: its article's card, or the comments on the whole text
    const scroll = jest.spyOn(Taro, 'pageScrollTo').mockResolvedValue({ errMsg: 'ok' } as never)
    expect(el('.js-changelog-comment-k1').textContent).toBe('第 1 条的意见')
    expect(el('.js-changelog-comment-k3').textContent).toBe('对全文的意见')
    fireEvent.click(el('.js-changelog-comment-k1'))
    expect(scroll).toHaveBeenCalledWith({ selector: '.js-article-1', duration: 300 })
    fireEvent.click(el('.js-changelog-comment-k3'))
    expect(scroll).toHaveBeenCalledWith({ selector: '.js-article-all', duration: 300 })
    fireEvent.click(el('.js-compare'))
    await waitFor(() => expect(document.querySelector('.js-diff')).toBeTruthy())
    expect(calledWith(calls, 'compare')[0].data).toEqual({ conventionId: 'v1', from: 1, to: 2 })
    expect([...document.querySelectorAll('.js-change .ll-label')].map((n) => n.textContent)).toEqual(['【修改】第 1 条 文明养犬', '【新增】第 3 条 高空抛物', '【删除】第 3 条 晾晒'])
    expect(el('.js-change-changed .cv-change__before').textContent).toBe('出门遛狗须牵绳。')

    // an earlier version is read as it was
    fireEvent.click(el('.js-version-1'))
    await waitFor(() => expect(calledWith(calls, 'get').some((c) => c.data.version === 1)).toBe(true))
    await waitFor(() => expect(screen.getByText('第 1 稿（最新为第 2 稿）')).toBeTruthy())
  })
})

describe('签署承诺', () => {
  it('lets a resident sign the adopted 居民公约 once and shows its filing', async () => {
    openPage('/packages/convention/detail/index', 'v1')
    let signed = false
    const calls = fakeCloud({
      'user.login': () => resident(),
      'convention.get': () =>
        view(
          { phase: 'adopted', signatures: signed ? 43 : 42, filing: { state: 'filed', office: '江南街道办事处', at: inDays(-1) } },
          { sign: !signed },
          { signed },
        ),
      'convention.sign': () => {
        signed = true
        return { signatures: 43 }
      },
    })
    renderPage(ConventionDetail)
    await waitFor(() => expect(document.querySelector('.js-sign')).toBeTruthy())
    expect(el('.js-filing').textContent).toMatch(/已备案（江南街道办事处）/)
    expect(el('.js-signatures').textContent).toMatch(/已有 42 户签署$/)
    fireEvent.click(el('.js-sign'))
    await waitFor(() => expect(el('.js-signatures').textContent).toMatch(/已有 43 户签署，您已签署/))
    expect(calledWith(calls, 'sign')[0].data).toEqual({ conventionId: 'v1' })
    expect(document.querySelector('.js-sign')).toBeNull()
  })
})

describe('投票进度', () => {
  it('shows the grid worker the units still to vote per building, and reminds only them', async () => {
    openPage('/packages/convention/progress/index', 'v1')
    const calls = fakeCloud({
      'user.login': () => session({ ...resident(), roles: ['resident', 'grid'] }),
      'convention.progress': () => ({
        votedHeads: 3,
        electorateHeads: 6,
        buildings: [
          { buildingId: 'b1', buildingName: '3栋', units: 4, voted: 1, notVoted: ['1单元101', '1单元102', '2单元201'], votedUnits: [{ unit: '1单元502', area: 8957 }] },
          { buildingId: 'b2', buildingName: '5栋', units: 2, voted: 2, notVoted: [], votedUnits: [] },
          // a building another grid worker looks after: its units to vote are not listed here
          { buildingId: 'b3', buildingName: '7栋', units: 3, voted: 1, notVoted: [], votedUnits: [] },
        ],
        canSeeNotVoted: true,
      }),
      'convention.remind': () => ({ reminded: 3 }),
    })
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'ok' } as never)
    renderPage(ConventionProgress)
    await waitFor(() => expect(document.querySelector('.js-progress-b1')).toBeTruthy())
    expect(el('.js-total-count').textContent).toBe('3 / 6')
    expect(el('.js-progress-b1 .js-building-count').textContent).toBe('1 / 4')
    expect([...document.querySelectorAll('.js-progress-b1 .cv-unit')].map((u) => u.textContent)).toEqual(['1单元101', '1单元102', '2单元201'])
    expect(el('.js-progress-b2 .js-all-voted').textContent).toBe('本栋已全部投票')
    expect(document.querySelector('.js-progress-b3 .js-all-voted')).toBeNull()
    expect(document.querySelector('.js-progress-b3 .js-remind-building')).toBeNull()
    fireEvent.click(el('.js-progress-b1 .js-remind-building'))
    await waitFor(() => expect(calledWith(calls, 'remind')[0]?.data).toEqual({ conventionId: 'v1', buildingId: 'b1' }))
  })

  it('代办: the grid worker taps a unit still to vote and enters the paper ballot of its resident, with the consent noted', async () => {
    openPage('/packages/convention/progress/index', 'v1')
    const calls = fakeCloud({
      'user.login': () => session({ ...resident(), roles: ['resident', 'grid'] }),
      'convention.progress': () => ({
        votedHeads: 1,
        electorateHeads: 4,
        buildings: [{ buildingId: 'b1', buildingName: '3栋', units: 4, voted: 1, notVoted: ['1单元101', '2单元201'], votedUnits: [] }],
        canSeeNotVoted: true,
      }),
      'user.proxyCandidates': () => ({ items: [{ userId: 'u9', displayName: '陈阿婆', home: '3栋1单元101', phoneMasked: null }] }),
      'convention.enterPaperBallots': () => ({ entered: 1 }),
    })
    const confirm = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'ok' } as never)
    renderPage(ConventionProgress)
    await waitFor(() => expect(document.querySelector('.js-act-unit-b1-1单元101')).toBeTruthy())
    fireEvent.click(el('.js-act-unit-b1-1单元101'))
    expect(el('.js-acting-ballot').textContent).toMatch(/3栋1单元101/)
    fireEvent.click(el('.js-acting-submit'))
    await waitFor(() => expect(el('.js-acting-ballot').textContent).toMatch(/请先查找并选择要代办的居民/))
    await typeInto('.js-proxy-query input', '陈')
    fireEvent.click(el('.js-proxy-search'))
    await waitFor(() => expect(document.querySelector('.js-proxy-option-u9')).toBeTruthy())
    fireEvent.click(el('.js-proxy-option-u9'))
    await typeInto('.js-proxy-consent textarea', '本人当面口头同意')
    fireEvent.click(el('.js-acting-choice-disagree'))
    fireEvent.click(el('.js-acting-submit'))
    await waitFor(() => expect(calledWith(calls, 'enterPaperBallots')).toHaveLength(1))
    expect(confirm).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringMatching(/反对.*不可更改/) }))
    expect(calledWith(calls, 'enterPaperBallots')[0].data).toEqual({
      conventionId: 'v1',
      ballots: [{ buildingId: 'b1', unit: '1', room: '101', choice: 'disagree' }],
      onBehalfOf: { userId: 'u9', consentNote: '本人当面口头同意' },
    })
    await waitFor(() => expect(document.querySelector('.js-acting-ballot')).toBeNull())
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已代为录入', icon: 'success' })
  })

  it('代办: tapping another unit starts its paper ballot afresh — no choice or resident carried over from the last unit', async () => {
    openPage('/packages/convention/progress/index', 'v1')
    fakeCloud({
      'user.login': () => session({ ...resident(), roles: ['resident', 'grid'] }),
      'convention.progress': () => ({
        votedHeads: 1,
        electorateHeads: 4,
        buildings: [{ buildingId: 'b1', buildingName: '3栋', units: 4, voted: 1, notVoted: ['1单元101', '2单元201'], votedUnits: [] }],
        canSeeNotVoted: true,
      }),
    })
    renderPage(ConventionProgress)
    await waitFor(() => expect(document.querySelector('.js-act-unit-b1-1单元101')).toBeTruthy())
    fireEvent.click(el('.js-act-unit-b1-1单元101'))
    fireEvent.click(el('.js-acting-choice-agree'))
    expect(el('.js-acting-choice-agree').getAttribute('aria-checked')).toBe('true')
    fireEvent.click(el('.js-act-unit-b1-2单元201'))
    await waitFor(() => expect(el('.js-acting-ballot').textContent).toMatch(/3栋2单元201/))
    expect(el('.js-acting-choice-agree').getAttribute('aria-checked')).toBe('false')
  })

  it('shows a resident participation only', async () => {
    openPage('/packages/convention/progress/index', 'v1')
    fakeCloud({
      'user.login': () => resident(),
      'convention.progress': () => ({
        votedHeads: 3,
        electorateHeads: 6,
        buildings: [{ buildingId: 'b1', buildingName: '3栋', units: 4, voted: 1, notVoted: [], votedUnits: [] }],
        canSeeNotVoted: false,
      }),
    })
    renderPage(ConventionProgress)
    await waitFor(() => expect(document.querySelector('.js-progress-b1')).toBeTruthy())
    expect(document.querySelector('.js-not-voted')).toBeNull()
    expect(document.querySelector('.js-remind')).toBeNull()
  })
})

describe('投票', () => {
  it('names the rule and asks "投票后不可更改" before casting; shows the CONFLICT the function answers', async () => {
    openPage('/packages/convention/ballot/index', 'v1')
    const calls = fakeCloud({
      'user.login': () => resident(),
      'convention.get': () => view({ kind: 'management_rules', phase: 'voting', vote: ownersVote() }, { vote: true }),
      'convention.castBallot': () => failWith('CONFLICT', '您家已投票（由共有人 3栋1单元502 投出），投票后不可更改'),
    })
    renderPage(ConventionBallot)
    await waitFor(() => expect(document.querySelector('.js-ballot-form')).toBeTruthy())
    expect(el('.js-ballot-rule').textContent).toMatch(/业主共同决定（一般事项）.*《民法典》第二百七十八条/)
    expect(el('.js-ballot-electorate').textContent).toMatch(/业主（每位业主一票.*共 120 位业主/)
    // a tap before choosing says what is missing, and asks nothing
    fireEvent.click(el('.js-cast'))
    expect(el('.js-choose-first').textContent).toBe('请先选择同意、反对或弃权')
    expect(document.querySelector('.js-confirm-ballot')).toBeNull()

    fireEvent.click(el('.js-choice-agree'))
    expect(el('.js-cast').textContent).toBe('投「同意」票')
    fireEvent.click(el('.js-cast'))
    await waitFor(() => expect(document.querySelector('.js-confirm-ballot')).toBeTruthy())
    expect(el('.js-confirm-ballot').textContent).toMatch(/本户（3栋1单元502）：同意投票后不可更改/)
    expect(calledWith(calls, 'castBallot')).toHaveLength(0)

    fireEvent.click(el('.nut-dialog-footer-ok'))
    await waitFor(() => expect(calledWith(calls, 'castBallot')).toHaveLength(1))
    expect(calledWith(calls, 'castBallot')[0].data).toEqual({ conventionId: 'v1', choice: 'agree' })
    await waitFor(() => expect(el('.js-ballot-error').textContent).toBe('您家已投票（由共有人 3栋1单元502 投出），投票后不可更改'))
  })

  it('casts for someone who gave me a written proxy, and says it is done', async () => {
    openPage('/packages/convention/ballot/index', 'v1')
    let voted = false
    const calls = fakeCloud({
      'user.login': () => resident(),
      'convention.get': () =>
        view({ phase: 'voting', vote: ownersVote() }, { vote: true }, { voted: true, proxiesHeld: [{ proxyId: 'p1', unit: '5栋2单元101', voted }] }),
      'convention.castBallot': () => {
        voted = true
        return { ballotId: 'bb1' }
      },
    })
    renderPage(ConventionBallot)
    await waitFor(() => expect(document.querySelector('.js-ballot-form')).toBeTruthy())
    // my own household has voted: only the proxy's ballot is left
    expect(el('.js-voted').textContent).toMatch(/您家已投票/)
    expect(el('.js-ballot-form').textContent).toMatch(/为 受托：5栋2单元101 投票/)
    fireEvent.click(el('.js-choice-disagree'))
    fireEvent.click(el('.js-cast'))
    await waitFor(() => expect(document.querySelector('.js-confirm-ballot')).toBeTruthy())
    fireEvent.click(el('.nut-dialog-footer-ok'))
    await waitFor(() => expect(document.querySelector('.js-ballot-done')).toBeTruthy())
    expect(calledWith(calls, 'castBallot')[0].data).toEqual({ conventionId: 'v1', choice: 'disagree', proxyId: 'p1' })
    expect(el('.js-ballot-done').textContent).toMatch(/受托：5栋2单元101：反对/)
    await waitFor(() => expect(document.querySelector('.js-ballot-form')).toBeNull())
  })
})

function tally(over: Partial<TallyView> = {}): TallyView {
  const basis = '《民法典》第二百七十八条'
  return {
    rule: 'owners_ordinary',
    electorate: 'owners',
    closed: true,
    quorumMet: true,
    passed: false,
    binding: true,
    totals: {
      electorateHeads: 120,
      electorateArea: 1089550,
      partHeads: 81,
      partArea: 740000,
      agreeHeads: 41,
      agreeArea: 360000,
      disagreeHeads: 30,
      disagreeArea: 300000,
      abstainHeads: 10,
      abstainArea: 80000,
    },
    criteria: [
      { key: 'quorumArea', label: '参与表决面积达总面积三分之二以上', numerator: 740000, denominator: 1089550, threshold: { num: 2, den: 3, op: '≥' }, met: true, basis },
      { key: 'quorumHeads', label: '参与表决人数达总人数三分之二以上', numerator: 81, denominator: 120, threshold: { num: 2, den: 3, op: '≥' }, met: true, basis },
      { key: 'agreeArea', label: '同意面积占参与表决面积过半数', numerator: 360000, denominator: 740000, threshold: { num: 1, den: 2, op: '>' }, met: false, basis },
      { key: 'agreeHeads', label: '同意人数占参与表决人数过半数', numerator: 41, denominator: 81, threshold: { num: 1, den: 2, op: '>' }, met: true, basis },
    ],
    basis: `${basis}第二款：专有部分面积和人数均三分之二以上参与表决，并经参与表决面积和人数过半数同意`,
    advisory: null,
    sources: { online: { heads: 70, area: 640000 }, paper: { heads: 11, area: 100000 } },
    byBuilding: [
      {
        buildingId: 'b1', buildingName: '3栋', electorateHeads: 40, partHeads: 30, agreeHeads: 15, disagreeHeads: 12, abstainHeads: 3,
        electorateArea: 360000, partArea: 270000, agreeArea: 135000, disagreeArea: 108000, abstainArea: 27000,
      },
    ],
    nonVoters: { label: '按议事规则“未表决者从多”推算（仅供参考，不作为表决结果）', agreeHeads: 80, agreeArea: 709550 },
    countedAt: inDays(-1),
    ...over,
  }
}

describe('表决结果', () => {
  it('shows every criterion against its threshold, the rule applied, paper apart, 从多 apart, and the objections', async () => {
    openPage('/packages/convention/result/index', 'v1')
    fakeCloud({
      'user.login': () => resident(),
      'convention.tally': () => tally(),
      'convention.objections': () => ({
        items: [{ objectionId: 'o1', authorName: '陈*', unit: '3栋1单元101', text: '纸质选票录入时间未公示', mine: false, answer: { text: '录入记录已公示于一楼公告栏', at: inDays(0) }, createdAt: inDays(-1) }],
      }),
    })
    renderPage(ConventionResult)
    await waitFor(() => expect(document.querySelector('.js-criteria')).toBeTruthy())
    expect(el('.js-verdict').textContent).toBe('表决未通过')
    expect(el('.js-basis').textContent).toMatch(/第二百七十八条第二款/)
    expect(document.querySelectorAll('.js-criterion')).toHaveLength(4)
    expect(el('.js-criterion-quorumArea .js-criterion-figures').textContent).toBe('7400.00 ㎡ / 10895.50 ㎡（67.9%），须达到 2/3')
    expect(el('.js-criterion-agreeArea .js-criterion-met').textContent).toBe('未达到')
    expect(el('.js-criterion-agreeArea .js-criterion-figures').textContent).toBe('3600.00 ㎡ / 7400.00 ㎡（48.6%），须超过 1/2')
    expect(el('.js-criterion-agreeHeads .js-criterion-met').textContent).toBe('达到')
    expect(el('.js-source-paper').textContent).toMatch(/11（1000.00 ㎡）/)
    expect(el('.js-non-voters').textContent).toMatch(/仅供参考，不作为表决结果.*推算同意：80/)
    // units (户) per building, with the area that took part; owners of several units count once in the totals
    expect([...document.querySelectorAll('.js-by-building .cv-th .cv-td')].map((h) => h.textContent)).toEqual(['楼栋', '应投（户）', '已投（户）', '同意', '反对', '弃权', '已投面积'])
    expect(el('.js-building-b1').textContent).toBe('3栋4030151232700.00 ㎡')
    expect(el('.js-by-building-note').textContent).toMatch(/按户（房屋）统计.*多套房屋.*只计一人/)
    await waitFor(() => expect(document.querySelector('.js-objection-o1')).toBeTruthy())
    expect(el('.js-objection-o1 .js-objection-answer').textContent).toBe('答复：录入记录已公示于一楼公告栏')
  })

  it('says a consultation binds nothing and shows why', async () => {
    openPage('/packages/convention/result/index', 'v1')
    const advisory = '本地业主共同决定须通过「深圳智慧业主」进行，本次投票仅作征求意见，不作为业主大会决定'
    fakeCloud({
      'user.login': () => resident(),
      'convention.tally': () => tally({ rule: 'consultation', binding: false, quorumMet: false, criteria: [], advisory, nonVoters: null }),
      'convention.objections': () => ({ items: [] }),
    })
    renderPage(ConventionResult)
    await waitFor(() => expect(document.querySelector('.js-verdict')).toBeTruthy())
    expect(el('.js-verdict').textContent).toBe('征求意见结果，不作为共同决定')
    expect(el('.js-advisory').textContent).toBe(advisory)
    expect(document.querySelector('.js-criteria')).toBeNull()
    expect(document.querySelector('.js-non-voters')).toBeNull()
  })
})

describe('起草公约', () => {
  it('is a tool of the committee on 办事, and not of a resident', async () => {
    fakeCloud({ 'user.login': committee })
    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    const view1 = renderPage(Services)
    await waitFor(() => expect(document.querySelector('.js-tool-new-convention')).toBeTruthy())
    fireEvent.click(el('.js-tool-new-convention'))
    expect(nav).toHaveBeenCalledWith({ url: '/packages/convention/edit/index' })
    view1.unmount()

    fakeCloud({ 'user.login': () => resident() })
    renderPage(Services)
    await waitFor(() => expect(screen.getByText('公约表决')).toBeTruthy())
    expect(document.querySelector('.js-tool-new-convention')).toBeNull()
  })

  it('refuses a convention without articles before sending, then sends the articles in order', async () => {
    openPage('/packages/convention/edit/index')
    const calls = fakeCloud({ 'user.login': committee, 'convention.create': () => ({ conventionId: 'v5' }) })
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(ConventionEdit)
    await typeInto('.js-field-title input', '江南小区居民文明公约')
    fireEvent.click(el('.js-save-convention'))
    await waitFor(() => expect(screen.getByText('至少要有一条条款')).toBeTruthy())
    expect(el('.js-form-field-articles').getAttribute('aria-invalid')).toBe('true')
    expect(calledWith(calls, 'create')).toHaveLength(0)

    fireEvent.click(el('.js-kind-parking_rules'))
    await typeInto('.js-edit-article-1 .js-article-title input', '停车位置')
    await typeInto('.js-edit-article-1 .js-article-body textarea', '车辆停放在划线车位内。')
    fireEvent.click(el('.js-article-add'))
    await typeInto('.js-edit-article-2 .js-article-title input', '收费')
    await typeInto('.js-edit-article-2 .js-article-body textarea', '公共道路停车收费须经业主共同决定。')
    // the second article moves up (a tap on 上移 takes the focus from the text field first)
    act(() => (document.activeElement as HTMLElement | null)?.blur())
    fireEvent.click(el('.js-edit-article-2 .js-article-up'))
    fireEvent.click(el('.js-save-convention'))
    await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: '/packages/convention/detail/index?id=v5' }))
    expect(calledWith(calls, 'create')[0].data).toEqual({
      title: '江南小区居民文明公约',
      kind: 'parking_rules',
      articles: [
        { title: '收费', body: '公共道路停车收费须经业主共同决定。' },
        { title: '停车位置', body: '车辆停放在划线车位内。' },
      ],
    })
  })

  it('is only for the drafters', async () => {
    openPage('/packages/convention/edit/index')
    const calls = fakeCloud({ 'user.login': () => resident() })
    renderPage(ConventionEdit)
    await waitFor(() => expect(screen.getByText(/起草公约由居委会、党支部、业委会负责/)).toBeTruthy())
    expect(calls.some((c) => c.fn !== 'user')).toBe(false)
  })
})

describe('发起表决', () => {
  it('defaults to the rule the kind takes and explains the one chosen; needs an auditor; sends the rule, electorate, window and auditors', async () => {
    const globals = globalThis as unknown as { LINLI_LOCAL: boolean }
    globals.LINLI_LOCAL = true
    openPage('/packages/convention/open/index', 'v1')
    const calls = fakeCloud({
      'user.login': committee,
      'convention.get': () => view({}, { openVoting: true }),
      'user.searchUsers': () => ({ items: [{ userId: 'u7', displayName: '李建国', phoneMasked: '139****0001', roles: ['resident'], household: '3栋1单元101' }], nextCursor: null }),
      'convention.openVoting': () => ({ conventionId: 'v1', rule: 'residents_meeting', advisory: null, electorateHeads: 96 }),
    })
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
    try {
      renderPage(ConventionOpen)
      await waitFor(() => expect(document.querySelector('.js-open-form')).toBeTruthy())
      // a 居民公约 goes to a residents' meeting
      expect(el('.js-rule-residents_meeting').getAttribute('aria-checked')).toBe('true')
      expect(el('.js-rule-explained').textContent).toMatch(/^《城市居民委员会组织法》第九、十条/)
      fireEvent.click(el('.js-rule-owners_major'))
      expect(el('.js-rule-explained').textContent).toMatch(/四分之三以上同意/)
      expect(document.querySelector('.js-electorate-residents')).toBeNull()
      fireEvent.click(el('.js-rule-residents_meeting'))
      fireEvent.click(el('.js-electorate-residents'))

      await typeInto('.js-field-end input', formDay(120, '20:00'))
      fireEvent.click(el('.js-open-voting'))
      await waitFor(() => expect(screen.getByText('表决时间不能超过 90 天')).toBeTruthy())
      const end = formDay(10, '20:00')
      await typeInto('.js-field-end input', end)
      fireEvent.click(el('.js-open-voting'))
      await waitFor(() => expect(screen.getByText('至少指定一名监票人')).toBeTruthy())
      expect(calledWith(calls, 'openVoting')).toHaveLength(0)

      await typeInto('.js-auditor-query input', '李')
      fireEvent.click(el('.js-auditor-search'))
      await waitFor(() => expect(document.querySelector('.js-person-u7')).toBeTruthy())
      fireEvent.click(el('.js-person-u7'))
      fireEvent.click(el('.js-open-voting'))
      await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: '/packages/convention/detail/index?id=v1' }))
      expect(calledWith(calls, 'openVoting')[0].data).toEqual({ conventionId: 'v1', rule: 'residents_meeting', endsAt: formTimeToIso(end), auditorIds: ['u7'], electorate: 'residents' })
    } finally {
      globals.LINLI_LOCAL = false
    }
  })
})

describe('发起表决: the rule the kind takes', () => {
  it('says why a weaker rule may not be chosen for a 停车管理公约 and sends nothing', async () => {
    openPage('/packages/convention/open/index', 'v1')
    const calls = fakeCloud({
      'user.login': committee,
      'convention.get': () => view({ kind: 'parking_rules', title: '地面停车管理公约' }, { openVoting: true }),
    })
    renderPage(ConventionOpen)
    await waitFor(() => expect(document.querySelector('.js-open-form')).toBeTruthy())
    expect(el('.js-rule-owners_major').getAttribute('aria-checked')).toBe('true')
    expect(document.querySelector('.js-rule-too-weak')).toBeNull()
    fireEvent.click(el('.js-rule-owners_ordinary'))
    expect(el('.js-rule-too-weak').textContent).toMatch(/^停车管理公约.*四分之三以上同意/)
    fireEvent.click(el('.js-open-voting'))
    await waitFor(() => expect(el('.js-open-form').textContent).toMatch(/四分之三以上同意/))
    expect(calledWith(calls, 'openVoting')).toHaveLength(0)
    // a consultation binds nothing: allowed
    fireEvent.click(el('.js-rule-consultation'))
    expect(document.querySelector('.js-rule-too-weak')).toBeNull()
  })
})

describe('监票', () => {
  it('shows the auditors every ballot with its proxy, and enters a batch of paper ballots', async () => {
    openPage('/packages/convention/audit/index', 'v1')
    let entered = 0
    const calls = fakeCloud({
      'user.login': committee,
      'user.directory': () => ({ compounds: [], buildings: [{ buildingId: 'b1', name: '3栋', units: ['1'], floors: 9 }] }),
      'convention.get': () => view({ phase: 'voting', vote: ownersVote() }, { audit: true, tally: true }),
      'convention.ballots': () => ({
        items: [
          { ballotId: 'bb1', unit: '3栋1单元502', buildingName: '3栋', area: 8957, choice: 'agree', source: 'online', proxyName: null, actedBy: null, castAt: inDays(0) },
          { ballotId: 'bb2', unit: '3栋1单元101', buildingName: '3栋', area: 10012, choice: 'disagree', source: 'online', proxyName: '李建国', actedBy: null, castAt: inDays(0) },
          { ballotId: 'bb4', unit: '3栋1单元202', buildingName: '3栋', area: 7000, choice: 'agree', source: 'paper', proxyName: null, actedBy: { name: '张楼长', consentNote: '本人当面口头同意' }, castAt: inDays(0) },
          ...(entered ? [{ ballotId: 'bb3', unit: '3栋2单元301', buildingName: '3栋', area: 9000, choice: 'abstain', source: 'paper', proxyName: null, actedBy: null, castAt: inDays(0) }] : []),
        ],
        nextCursor: null,
        proxies: [{ proxyId: 'p1', unit: '3栋1单元101', grantorName: '陈*', proxyName: '李建国', state: 'used', at: inDays(-1) }],
      }),
      'convention.enterPaperBallots': (d) => {
        entered = (d.ballots as unknown[]).length
        return { entered }
      },
    })
    renderPage(ConventionAudit)
    await waitFor(() => expect(document.querySelector('.js-ballot-bb2')).toBeTruthy())
    expect(el('.js-ballot-bb1').textContent).toMatch(/同意 · 线上 · 89.57 ㎡/)
    // the unit as the register names it, building included, once
    expect(el('.js-ballot-bb1 .ll-fact__label').textContent).toBe('3栋1单元502')
    expect(el('.js-ballot-bb2').textContent).toMatch(/受托人 李建国 代投/)
    // 代办: who entered it for the owner, and the consent noted
    expect(el('.js-ballot-bb4').textContent).toMatch(/张楼长 代办（本人当面口头同意）/)
    expect(el('.js-proxy-p1').textContent).toMatch(/陈\* 委托 李建国（已使用）/)
    // no close button without can.close
    expect(document.querySelector('.js-close-voting')).toBeNull()

    await waitFor(() => expect(document.querySelector('.js-paper-building-b1')).toBeTruthy())
    fireEvent.click(el('.js-paper-enter'))
    expect(el('.js-paper-error').textContent).toBe('第 1 张：请选择楼栋和表决意见')
    fireEvent.click(el('.js-paper-row-1 .js-paper-building-b1'))
    await typeInto('.js-paper-row-1 .js-paper-unit input', '2')
    await typeInto('.js-paper-row-1 .js-paper-room input', '301')
    fireEvent.click(el('.js-paper-row-1 .js-paper-choice-abstain'))
    fireEvent.click(el('.js-paper-enter'))
    await waitFor(() => expect(calledWith(calls, 'enterPaperBallots')).toHaveLength(1))
    expect(calledWith(calls, 'enterPaperBallots')[0].data).toEqual({ conventionId: 'v1', ballots: [{ buildingId: 'b1', unit: '2', room: '301', choice: 'abstain' }] })
    await waitFor(() => expect(el('.js-ballot-bb3').textContent).toMatch(/弃权 · 纸质/))
  })
})

describe('结束表决', () => {
  it('asks before closing, then says the verdict with the participation the count it answers shows', async () => {
    openPage('/packages/convention/audit/index', 'v1')
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false } as never)
    const calls = fakeCloud({
      'user.login': committee,
      'convention.get': () => view({ phase: 'voting', vote: ownersVote({ endsAt: inDays(-1), open: false }) }, { close: true }),
      'convention.closeVoting': () => ({ ...tally(), conventionId: 'v1', phase: 'counted' }),
    })
    renderPage(ConventionAudit)
    await waitFor(() => expect(document.querySelector('.js-close-voting')).toBeTruthy())
    fireEvent.click(el('.js-close-voting'))
    await waitFor(() => expect(calledWith(calls, 'closeVoting')).toHaveLength(1))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '表决已结束：未通过（参加 81/120）', icon: 'none' }))
  })
})

describe('长辈模式', () => {
  it('renders the ballot large, with the three choices', async () => {
    openPage('/packages/convention/ballot/index', 'v1')
    fakeCloud({
      'user.login': () => resident(true),
      'convention.get': () => view({ phase: 'voting', vote: ownersVote() }, { vote: true }),
    })
    renderPage(ConventionBallot)
    await waitFor(() => expect(document.querySelector('.js-ballot-form')).toBeTruthy())
    expect(document.querySelector('.ll-page.elder')).toBeTruthy()
    expect(el('.js-elder-toggle').textContent).toBe('长辈模式：开')
    expect([...document.querySelectorAll('.cv-choice')].map((c) => c.textContent)).toEqual(['同意', '反对', '弃权'])
  })
})
