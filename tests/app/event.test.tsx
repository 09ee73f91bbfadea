// 活动报名 as residents and organisers see it: the list's places, registering onto the waitlist,
// checking in, the organiser's form and tools.
import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Current } from '@tarojs/runtime'
import { canRegister, checkinOpen } from '@core/event/rules'
import type { EventSummary, EventView } from '../../src/services/event'
import EventDetail from '../../src/packages/event/detail'
import EventEdit from '../../src/packages/event/edit'
import EventList from '../../src/packages/event/list'
import CheckinCodePage from '../../src/packages/event/checkin-code'
import AttendeesPage from '../../src/packages/event/attendees'
import { failWith, fakeCloud, session, type Calls } from './helpers/fakeCloud'
import { el, renderPage, typeInto } from './helpers/dom'

const globals = globalThis as unknown as { LINLI_LOCAL: boolean }

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
  globals.LINLI_LOCAL = false
  ;(Current as unknown as { router: unknown }).router = null
})

const DAY = 24 * 3_600_000
const inDays = (days: number, hours = 0) => new Date(Date.now() + days * DAY + hours * 3_600_000).toISOString()

const resident = () =>
  session({
    roles: ['resident'],
    compound: { compoundId: 'c1', name: '红湖公园城' },
    household: { householdId: 'h1', buildingId: 'b1', buildingName: '1栋', unit: '1', room: '301', verified: true },
  })
const organiser = () => session({ ...resident(), roles: ['resident', 'committee'] })

function summary(over: Partial<EventSummary> = {}): EventSummary {
  return {
    eventId: 'e1',
    title: '重阳节敬老茶话会',
    startAt: inDays(3),
    endAt: inDays(3, 2),
    place: '党群服务中心二楼',
    capacity: 30,
    confirmedCount: 25,
    placesLeft: 5,
    state: 'published',
    signupDeadline: inDays(2),
    audienceKind: 'all',
    ...over,
  }
}

/** What the function answers: the view fields it decides (registrable, cancellable, check-in) follow the event as the server's rules would. */
function view(over: Partial<EventView> = {}): EventView {
  const base = viewFacts(over)
  const facts = { state: base.state, startAt: new Date(base.startAt), endAt: new Date(base.endAt), signupDeadline: new Date(base.signupDeadline), capacity: base.capacity, audience: base.audience }
  const now = new Date()
  const verdict = canRegister(facts, { roles: ['resident'], buildingId: 'b1' }, now)
  const mine = base.mine
  return {
    registrable: verdict.ok ? { ok: true, message: null } : { ok: false, message: verdict.message },
    cancellable: base.state === 'published' && !!mine && mine.status !== 'cancelled' && now < facts.startAt,
    checkin:
      base.state !== 'published' || mine?.status !== 'confirmed' || mine.checkedIn ? 'none' : checkinOpen(facts, now) ? 'open' : now < facts.startAt ? 'not_yet' : 'over',
    ...base,
  }
}

function viewFacts(over: Partial<EventView>): Omit<EventView, 'registrable' | 'cancellable' | 'checkin'> & Partial<EventView> {
  return {
    eventId: 'e1',
    title: '重阳节敬老茶话会',
    description: '请长辈们喝茶聊天，社区医生现场量血压。',
    startAt: inDays(3),
    endAt: inDays(3, 2),
    place: '党群服务中心二楼',
    capacity: 30,
    signupDeadline: inDays(2),
    audience: { kind: 'all', buildingIds: [] },
    creditsHours: false,
    state: 'published',
    confirmedCount: 30,
    waitlistCount: 2,
    placesLeft: 0,
    organizerName: '赵丽华',
    heldForReview: false,
    mine: null,
    canManage: false,
    ...over,
  }
}

function openPage(path: string, id?: string) {
  ;(Current as unknown as { router: unknown }).router = { params: id ? { id } : {}, path }
}

const calledWith = (calls: Calls, action: string) => calls.filter((c) => c.fn === 'event' && c.action === action)

describe('活动报名 list', () => {
  it('shows places left, a full event open to the waitlist, an unlimited one and a cancelled one; pages on', async () => {
    const calls = fakeCloud({
      'user.login': resident,
      'event.list': (d) =>
        d.when === 'past'
          ? { items: [summary({ eventId: 'p1', title: '七一主题党日', startAt: inDays(-30), endAt: inDays(-30, 2), signupDeadline: inDays(-31) })], nextCursor: null }
          : d.cursor
            ? { items: [summary({ eventId: 'e4', title: '义诊', placesLeft: 1 })], nextCursor: null }
            : {
                items: [
                  summary(),
                  summary({ eventId: 'e2', title: '亲子故事会', capacity: 20, confirmedCount: 20, placesLeft: 0 }),
                  summary({ eventId: 'e3', title: '广场电影', capacity: 0, confirmedCount: 80, placesLeft: null }),
                  summary({ eventId: 'e5', title: '跳蚤市场', state: 'cancelled' }),
                ],
                nextCursor: 'c2',
              },
    })
    renderPage(EventList)
    await waitFor(() => expect(screen.getByText('重阳节敬老茶话会')).toBeTruthy())
    expect(calledWith(calls, 'list')[0].data).toEqual({ when: 'upcoming' })
    expect(el('.js-event-e1 .js-places').textContent).toBe('剩余 5 个名额')
    expect(el('.js-event-e2 .js-places').textContent).toBe('名额已满，可候补')
    expect(el('.js-event-e3 .js-places').textContent).toBe('不限名额')
    expect(el('.js-event-e5 .js-event-cancelled').textContent).toBe('已取消')
    expect(document.querySelector('.js-event-e5 .js-places')).toBeNull()
    expect(el('.js-event-e1 .js-event-deadline').textContent).toMatch(/^报名截止 \d+月\d+日 \d\d:\d\d$/)
    // a resident does not publish events
    expect(document.querySelector('.js-new-event')).toBeNull()

    fireEvent.click(el('.js-load-more'))
    await waitFor(() => expect(screen.getByText('义诊')).toBeTruthy())
    expect(calledWith(calls, 'list')[1].data).toEqual({ when: 'upcoming', cursor: 'c2' })
    expect(el('.js-event-e4 .js-places').textContent).toBe('剩余 1 个名额')

    fireEvent.click(el('.js-tab-past'))
    await waitFor(() => expect(screen.getByText('七一主题党日')).toBeTruthy())
    expect(calledWith(calls, 'list')[2].data).toEqual({ when: 'past' })
    expect(screen.queryByText('重阳节敬老茶话会')).toBeNull()
    expect(el('.js-event-p1').textContent).toMatch(/已结束 · 25 人报名/)
  })

  it('gives organisers the 发布活动 button', async () => {
    fakeCloud({ 'user.login': organiser, 'event.list': () => ({ items: [], nextCursor: null }) })
    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(EventList)
    await waitFor(() => expect(screen.getByText(/近期还没有活动/)).toBeTruthy())
    fireEvent.click(el('.js-new-event'))
    expect(nav).toHaveBeenCalledWith({ url: '/packages/event/edit/index' })
  })
})

describe('活动详情', () => {
  it('registers onto the waitlist and shows the position from the view that follows', async () => {
    openPage('/packages/event/detail/index', 'e1')
    let registered = false
    const calls = fakeCloud({
      'user.login': resident,
      'event.get': () =>
        registered ? view({ waitlistCount: 3, mine: { registrationId: 'g1', status: 'waitlisted', position: 3, checkedIn: false } }) : view(),
      'event.register': () => {
        registered = true
        return { registrationId: 'g1', status: 'waitlisted' }
      },
    })
    const toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(EventDetail)
    await waitFor(() => expect(screen.getByText('请长辈们喝茶聊天，社区医生现场量血压。')).toBeTruthy())
    expect(el('.js-detail-places').textContent).toMatch(/共 30 个名额，已报名 30 人，候补 2 人/)
    expect(el('.js-register').textContent).toBe('报名候补')
    expect(document.querySelector('.js-manage')).toBeNull()
    // 代办 is for grid workers and the branch only
    expect(document.querySelector('.js-proxy-register')).toBeNull()

    fireEvent.click(el('.js-register'))
    await waitFor(() => expect(el('.js-my-position').textContent).toBe('候补第 3 位'))
    expect(calls.filter((c) => c.fn === 'event').map((c) => c.action)).toEqual(['get', 'register', 'get'])
    expect(calledWith(calls, 'register')[0].data).toEqual({ eventId: 'e1' })
    expect(toast).toHaveBeenCalledWith({ title: '已进入候补第 3 位', icon: 'none' })
    expect(el('.js-my-status').textContent).toBe('候补中')
    expect(document.querySelector('.js-register')).toBeNull()
    expect(el('.js-cancel-registration').textContent).toBe('退出候补')
    // no subscription ask outside WeChat
    expect(calls.some((c) => c.action === 'subscribe')).toBe(false)
  })

  it('lets a grid worker register a resident without a phone (代办), with the consent noted, and shows the refusal', async () => {
    openPage('/packages/event/detail/index', 'e1')
    let attempts = 0
    const calls = fakeCloud({
      'user.login': () => session({ ...resident(), roles: ['resident', 'grid'] }),
      'event.get': () => view({ placesLeft: 5, confirmedCount: 25, waitlistCount: 0 }),
      'user.proxyCandidates': () => ({ items: [{ userId: 'u7', displayName: '张桂兰', home: '1栋2单元502', phoneMasked: '139****0001' }] }),
      'event.register': () => (++attempts === 1 ? failWith('CONFLICT', '张桂兰已经报名了这个活动') : { registrationId: 'g2', status: 'confirmed' }),
    })
    const toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(EventDetail)
    await waitFor(() => expect(el('.js-proxy-register-open')).toBeTruthy())
    fireEvent.click(el('.js-proxy-register-open'))
    await typeInto('.js-proxy-query input', '张桂兰')
    fireEvent.click(el('.js-proxy-search'))
    await waitFor(() => expect(el('.js-proxy-option-u7')).toBeTruthy())
    fireEvent.click(el('.js-proxy-option-u7'))
    // no consent noted: nothing is sent
    fireEvent.click(el('.js-proxy-register-submit'))
    await waitFor(() => expect(el('.js-form-field-proxyConsent').getAttribute('aria-invalid')).toBe('true'))
    expect(calledWith(calls, 'register')).toHaveLength(0)

    await typeInto('.js-proxy-consent textarea', '本人电话中同意，网格员记录')
    fireEvent.click(el('.js-proxy-register-submit'))
    await waitFor(() => expect(screen.getByText('张桂兰已经报名了这个活动')).toBeTruthy())
    fireEvent.click(el('.js-proxy-register-submit'))
    await waitFor(() => expect(el('.js-proxy-register-done').textContent).toBe('已为张桂兰报名'))
    expect(calledWith(calls, 'register')[1].data).toEqual({ eventId: 'e1', onBehalfOf: { userId: 'u7', consentNote: '本人电话中同意，网格员记录' } })
    expect(toast).toHaveBeenCalledWith({ title: '已为张桂兰报名', icon: 'none' })
  })

  it('says 报名成功 when a place is left, and asks before cancelling that the next in line takes it', async () => {
    openPage('/packages/event/detail/index', 'e1')
    let status: 'none' | 'confirmed' | 'cancelled' = 'none'
    const calls = fakeCloud({
      'user.login': resident,
      'event.get': () =>
        view({
          placesLeft: status === 'confirmed' ? 0 : 1,
          confirmedCount: status === 'confirmed' ? 30 : 29,
          mine: status === 'none' ? null : { registrationId: 'g1', status, position: null, checkedIn: false },
        }),
      'event.register': () => {
        status = 'confirmed'
        return { registrationId: 'g1', status: 'confirmed' }
      },
      'event.cancel': () => {
        status = 'cancelled'
        return { registrationId: 'g1', status: 'cancelled' }
      },
    })
    const toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(EventDetail)
    await waitFor(() => expect(el('.js-register').textContent).toBe('我要报名'))
    expect(el('.js-detail-places .js-places').textContent).toBe('剩余 1 个名额')
    fireEvent.click(el('.js-register'))
    await waitFor(() => expect(toast).toHaveBeenCalledWith({ title: '报名成功', icon: 'success' }))
    await waitFor(() => expect(el('.js-my-status').textContent).toBe('已报名'))

    fireEvent.click(el('.js-cancel-registration'))
    await waitFor(() => expect(document.querySelector('.js-dialog-cancel-registration')).toBeTruthy())
    expect(el('.js-dialog-cancel-registration').textContent).toMatch(/自动让给候补第 1 位/)
    expect(calledWith(calls, 'cancel')).toHaveLength(0)
    fireEvent.click(el('.nut-dialog-footer-ok'))
    await waitFor(() => expect(calledWith(calls, 'cancel')).toHaveLength(1))
    await waitFor(() => expect(el('.js-register').textContent).toBe('我要报名'))
  })

  it('tells a resident outside the chosen buildings why there is no 报名 button', async () => {
    openPage('/packages/event/detail/index', 'e1')
    const calls = fakeCloud({
      'user.login': resident,
      'user.directory': () => ({ compounds: [], buildings: [{ buildingId: 'b2', name: '2栋', units: ['1'], floors: 9 }, { buildingId: 'b3', name: '3栋', units: ['1'], floors: 9 }] }),
      'event.get': () => view({ audience: { kind: 'buildings', buildingIds: ['b2', 'b3'] } }),
    })
    renderPage(EventDetail)
    await waitFor(() => expect(el('.js-detail-audience').textContent).toMatch(/指定楼栋：2栋、3栋/))
    expect(el('.js-closed').textContent).toBe('本活动仅限指定楼栋的居民报名')
    expect(document.querySelector('.js-register')).toBeNull()
    expect(calledWith(calls, 'register')).toHaveLength(0)
  })

  it('checks the 6-digit code before sending it, and says how many hours were credited', async () => {
    openPage('/packages/event/detail/index', 'e1')
    let checkedIn = false
    const calls = fakeCloud({
      'user.login': resident,
      // under way: check-in is open
      'event.get': () =>
        view({
          startAt: inDays(0, -1),
          endAt: inDays(0, 1),
          signupDeadline: inDays(-1),
          creditsHours: true,
          mine: { registrationId: 'g1', status: 'confirmed', position: null, checkedIn },
        }),
      'event.checkin': (d) => {
        if (d.code !== '246810') return failWith('CONFLICT', '签到码不正确或已过期')
        checkedIn = true
        return { checkedInAt: new Date().toISOString(), creditedHours: 2 }
      },
    })
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(EventDetail)
    await waitFor(() => expect(document.querySelector('.js-checkin-input input')).toBeTruthy())
    expect(el('.js-credits-tag').textContent).toBe('可计志愿服务时长')
    // the scan button is for WeChat only
    expect(document.querySelector('.js-checkin-scan')).toBeNull()

    await typeInto('.js-checkin-input input', '12345')
    fireEvent.click(el('.js-checkin-submit'))
    expect(screen.getByText('签到码是 6 位数字')).toBeTruthy()
    expect(calledWith(calls, 'checkin')).toHaveLength(0)

    await typeInto('.js-checkin-input input', '111111')
    fireEvent.click(el('.js-checkin-submit'))
    await waitFor(() => expect(screen.getByText('签到码不正确或已过期')).toBeTruthy())

    await typeInto('.js-checkin-input input', '246810')
    fireEvent.click(el('.js-checkin-submit'))
    await waitFor(() => expect(screen.getByText('签到成功，已计入志愿服务时长 2 小时')).toBeTruthy())
    expect(calledWith(calls, 'checkin')[1].data).toEqual({ eventId: 'e1', code: '246810' })
    await waitFor(() => expect(el('.js-my-status').textContent).toBe('已签到'))
    expect(document.querySelector('.js-checkin')).toBeNull()
  })

  it('gives organisers their tools, and cancelling the event needs a reason', async () => {
    openPage('/packages/event/detail/index', 'e1')
    let cancelled = false
    const calls = fakeCloud({
      'user.login': organiser,
      'event.get': () => view({ canManage: true, state: cancelled ? 'cancelled' : 'published' }),
      'event.cancelEvent': () => {
        cancelled = true
        return { eventId: 'e1', notified: 32 }
      },
    })
    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    const toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(EventDetail)
    await waitFor(() => expect(document.querySelector('.js-manage')).toBeTruthy())
    for (const tool of ['js-edit-event', 'js-cancel-event', 'js-attendees', 'js-checkin-code', 'js-export']) {
      expect(document.querySelector(`.${tool}`)).toBeTruthy()
    }
    fireEvent.click(el('.js-attendees'))
    expect(nav).toHaveBeenLastCalledWith({ url: '/packages/event/attendees/index?id=e1' })
    fireEvent.click(el('.js-checkin-code'))
    expect(nav).toHaveBeenLastCalledWith({ url: '/packages/event/checkin-code/index?id=e1' })
    fireEvent.click(el('.js-edit-event'))
    expect(nav).toHaveBeenLastCalledWith({ url: '/packages/event/edit/index?id=e1' })

    fireEvent.click(el('.js-cancel-event'))
    await waitFor(() => expect(document.querySelector('.js-cancel-reason textarea')).toBeTruthy())
    fireEvent.click(el('.nut-dialog-footer-ok'))
    await waitFor(() => expect(screen.getByText('请填写取消原因')).toBeTruthy())
    expect(calledWith(calls, 'cancelEvent')).toHaveLength(0)
    await typeInto('.js-cancel-reason textarea', '天气原因，改期另行通知')
    fireEvent.click(el('.nut-dialog-footer-ok'))
    await waitFor(() => expect(calledWith(calls, 'cancelEvent')[0]?.data).toEqual({ eventId: 'e1', reason: '天气原因，改期另行通知' }))
    await waitFor(() => expect(toast).toHaveBeenCalledWith({ title: '活动已取消，已通知 32 人', icon: 'none' }))
    await waitFor(() => expect(el('.js-closed').textContent).toBe('活动已取消'))
    expect(document.querySelector('.js-edit-event')).toBeNull()
    expect(document.querySelector('.js-cancel-event')).toBeNull()
  })
})

describe('发布活动', () => {
  it('refuses an end before the start before sending, then sends Beijing times', async () => {
    globals.LINLI_LOCAL = true
    openPage('/packages/event/edit/index')
    const calls = fakeCloud({
      'user.login': organiser,
      'user.directory': () => ({ compounds: [], buildings: [{ buildingId: 'b1', name: '1栋', units: ['1'], floors: 9 }, { buildingId: 'b2', name: '2栋', units: ['1'], floors: 9 }] }),
      'event.create': () => ({ eventId: 'e9', heldForReview: false }),
    })
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(EventEdit)
    await typeInto('.js-field-title input', '重阳节敬老茶话会')
    await typeInto('.js-field-description textarea', '请长辈们喝茶聊天。')
    await typeInto('.js-field-place input', '党群服务中心二楼')
    fireEvent.click(el('.js-save-event'))
    expect(screen.getByText('请填写名额，不限人数请填 0')).toBeTruthy()
    await typeInto('.js-field-capacity input', '30')

    await typeInto('.js-field-start input', '2039-10-11 14:00')
    await typeInto('.js-field-end input', '2039-10-11 13:30')
    await typeInto('.js-field-deadline input', '2039-10-10 18:00')
    // the pickers follow the text fields
    await waitFor(() => expect(el('.js-pick-start-date').textContent).toMatch(/2039年10月11日/))
    expect(el('.js-pick-end-time').textContent).toBe('13:30')
    fireEvent.click(el('.js-save-event'))
    expect(screen.getByText('结束时间要晚于开始时间')).toBeTruthy()
    expect(calledWith(calls, 'create')).toHaveLength(0)

    await typeInto('.js-field-end input', '2039-10-11 16:00')
    fireEvent.click(el('.js-audience-buildings'))
    await waitFor(() => expect(document.querySelector('.js-building-b2')).toBeTruthy())
    fireEvent.click(el('.js-save-event'))
    expect(screen.getByText('请选择可以报名的楼栋')).toBeTruthy()
    fireEvent.click(el('.js-building-b2'))
    fireEvent.click(el('.js-save-event'))
    await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: '/packages/event/detail/index?id=e9' }))
    expect(calledWith(calls, 'create')[0].data).toEqual({
      title: '重阳节敬老茶话会',
      description: '请长辈们喝茶聊天。',
      startAt: '2039-10-11T14:00:00+08:00',
      endAt: '2039-10-11T16:00:00+08:00',
      place: '党群服务中心二楼',
      capacity: 30,
      signupDeadline: '2039-10-10T18:00:00+08:00',
      audience: { kind: 'buildings', buildingIds: ['b2'] },
      creditsHours: false,
    })
  })

  it('sends only what an edit changed and shows a refusal to shrink below the confirmed', async () => {
    openPage('/packages/event/edit/index', 'e1')
    let attempts = 0
    const calls = fakeCloud({
      'user.login': organiser,
      'event.get': () => view({ canManage: true, confirmedCount: 30, startAt: '2039-10-11T06:00:00.000Z', endAt: '2039-10-11T08:00:00.000Z', signupDeadline: '2039-10-10T10:00:00.000Z' }),
      'event.update': () => (++attempts === 1 ? failWith('CONFLICT', '已有 30 人报名成功，名额不能少于 30') : { eventId: 'e1', promoted: 2 }),
    })
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'ok' } as never)
    const back = jest.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(EventEdit)
    await waitFor(() => expect((el('.js-field-title input') as HTMLInputElement).value).toBe('重阳节敬老茶话会'))
    // stored in UTC, shown in Beijing time
    expect(el('.js-pick-start-time').textContent).toBe('14:00')
    fireEvent.click(el('.js-save-event'))
    expect(screen.getByText('没有修改任何内容')).toBeTruthy()

    await typeInto('.js-field-capacity input', '20')
    fireEvent.click(el('.js-save-event'))
    await waitFor(() => expect(screen.getByText('已有 30 人报名成功，名额不能少于 30')).toBeTruthy())
    expect(calledWith(calls, 'update')[0].data).toEqual({ eventId: 'e1', capacity: 20 })

    await typeInto('.js-field-capacity input', '32')
    fireEvent.click(el('.js-save-event'))
    await waitFor(() => expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('已有 2 位候补的邻居自动转为报名成功') })))
    await waitFor(() => expect(back).toHaveBeenCalled())
  })

  it('is only for organisers', async () => {
    openPage('/packages/event/edit/index')
    const calls = fakeCloud({ 'user.login': resident })
    renderPage(EventEdit)
    await waitFor(() => expect(screen.getByText(/发布活动由业委会、党支部负责/)).toBeTruthy())
    expect(calls.some((c) => c.fn !== 'user')).toBe(false)
  })
})

describe('活动报名 for a visitor (issue 11 item 6)', () => {
  it('says why there are no events instead of 近期还没有活动, and asks nothing of the cloud', async () => {
    const calls = fakeCloud({ 'user.login': () => session() })
    renderPage(EventList)
    await waitFor(() => expect(screen.getByText('认证房屋后，就能查看和报名本小区的活动。')).toBeTruthy())
    expect(screen.queryByText(/近期还没有活动/)).toBeNull()
    expect(calls.filter((c) => c.fn === 'event')).toEqual([])
  })

  it('tells an applicant the review is under way', async () => {
    fakeCloud({
      'user.login': () =>
        session({ binding: { bindingId: 'b1', state: 'pending', buildingName: '1栋', unit: '1', room: '802', relation: 'owner', reason: null, createdAt: '2026-12-01T02:00:00.000Z' } }),
    })
    renderPage(EventList)
    await waitFor(() => expect(screen.getByText(/房屋认证正在审核/)).toBeTruthy())
  })
})

describe('签到码 (H5: rendered by React, WeChat has the native component)', () => {
  afterEach(() => jest.useRealTimers())

  it('shows the digits, the QR and the seconds left; asks for the next code when they run out', async () => {
    jest.useFakeTimers()
    const codes = ['482915', '730146']
    const calls = fakeCloud({
      'user.login': organiser,
      'event.get': () => view({ canManage: true }),
      'event.attendees': () => ({ confirmed: [], waitlisted: [] }),
      'event.issueCheckinCode': () => {
        const code = codes.shift() ?? '000000'
        return { code, expiresAt: new Date(Date.now() + 60_000).toISOString(), qrText: `linli:checkin:e1:${code}` }
      },
    })
    openPage('/packages/event/checkin-code/index', 'e1')
    renderPage(CheckinCodePage)
    await waitFor(() => expect(el('.js-code-digits').textContent).toBe('482915'))
    expect(el('.js-code-countdown').textContent).toMatch(/^(60|59) 秒后自动更换$/)
    expect(el('.js-qr svg path').getAttribute('d')).toMatch(/^M\d/)
    expect(calledWith(calls, 'issueCheckinCode')).toHaveLength(1)

    act(() => jest.advanceTimersByTime(30_000))
    expect(el('.js-code-countdown').textContent).toMatch(/^(30|29) 秒后自动更换$/)
    expect(calledWith(calls, 'issueCheckinCode')).toHaveLength(1)

    act(() => jest.advanceTimersByTime(30_000))
    await waitFor(() => expect(el('.js-code-digits').textContent).toBe('730146'))
    expect(calledWith(calls, 'issueCheckinCode')).toHaveLength(2)
    expect(el('.js-code-countdown').textContent).toMatch(/秒后自动更换$/)
  })
})

describe('报名名单', () => {
  it('marks a registration a worker made for a resident as 代办', async () => {
    const person = (id: string, name: string, actedBy?: string) => ({ registrationId: id, name, phone: '13800001111', home: '1栋1单元301', registeredAt: '2026-12-01T02:00:00.000Z', checkedIn: false, position: null, ...(actedBy ? { actedBy } : {}) })
    fakeCloud({ 'user.login': organiser, 'event.attendees': () => ({ confirmed: [person('g1', '王秀兰', '刘芳'), person('g2', '李建国')], waitlisted: [] }) })
    openPage('/packages/event/attendees/index', 'e1')
    renderPage(AttendeesPage)
    await waitFor(() => expect(el('.js-attendee-g1 .js-acted-by').textContent).toContain('刘芳代办'))
    expect(document.querySelector('.js-attendee-g2 .js-acted-by')).toBeNull()
  })
})
