import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Home from '../../src/pages/home'
import { SessionProvider } from '../../src/store/session'
import { fakeCloud, session } from './helpers/fakeCloud'
import { fakePageContainer } from './helpers/page'
import { el } from './helpers/dom'

afterEach(() => jest.restoreAllMocks())

const myRequest = {
  requestId: 'r1',
  category: 'repair',
  excerpt: '楼道灯坏了',
  urgency: 'general',
  state: 'submitted',
  place: '1栋1单元',
  createdAt: '2026-11-20T02:00:00.000Z',
  dueAt: '2026-11-27T02:00:00.000Z',
  overdue: false,
  escalationLevel: 0,
  rating: null,
}

function renderHome() {
  return render(
    <SessionProvider>
      <Home />
    </SessionProvider>,
    { container: fakePageContainer() },
  )
}

describe('首页', () => {
  it('greets the resident in their compound', async () => {
    fakeCloud({
      'user.login': () => session({ compound: { compoundId: 'c1', name: '红湖公园城' }, profile: { displayName: '王秀兰', phoneMasked: null, elderMode: false, party: null, badge: false } }),
      'event.list': () => ({ items: [], nextCursor: null }),
      'notice.list': () => ({ items: [], nextCursor: null, unread: 0, reader: 'member', compoundName: '红湖公园城' }),
    })
    renderHome()
    await waitFor(() => expect(screen.getByText('红湖公园城')).toBeTruthy())
    expect(screen.getByText('王秀兰，您好')).toBeTruthy()
    expect(screen.getByText('我要反映')).toBeTruthy()
    expect(screen.queryByText('待办')).toBeNull()
    await waitFor(() => expect(screen.getByText(/近期还没有活动/)).toBeTruthy())
  })

  it('shows the next three events with their places left', async () => {
    const event = {
      eventId: 'e1',
      title: '重阳节敬老茶话会',
      startAt: '2039-10-11T06:00:00.000Z',
      endAt: '2039-10-11T08:00:00.000Z',
      place: '党群服务中心二楼',
      capacity: 30,
      confirmedCount: 25,
      placesLeft: 5,
      state: 'published',
      signupDeadline: '2039-10-10T10:00:00.000Z',
      audienceKind: 'all',
    }
    const calls = fakeCloud({
      'user.login': () => session({ roles: ['resident'], compound: { compoundId: 'c1', name: '红湖公园城' } }),
      'event.list': () => ({ items: [event, { ...event, eventId: 'e2', title: '亲子故事会', placesLeft: 0 }, { ...event, eventId: 'e3', title: '广场电影', capacity: 0, placesLeft: null }], nextCursor: 'more' }),
    })
    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    renderHome()
    await waitFor(() => expect(screen.getByText('重阳节敬老茶话会')).toBeTruthy())
    expect(calls.find((c) => c.fn === 'event')?.data).toEqual({ when: 'upcoming', limit: 3 })
    // Beijing time, whatever the machine's zone
    expect(screen.getAllByText('2039年10月11日 14:00–16:00')).toHaveLength(3)
    expect(screen.getByText('剩余 5 个名额')).toBeTruthy()
    expect(screen.getByText('名额已满，可候补')).toBeTruthy()
    expect(screen.getByText('不限名额')).toBeTruthy()
    fireEvent.click(screen.getByText('亲子故事会'))
    expect(nav).toHaveBeenLastCalledWith({ url: '/packages/event/detail/index?id=e2' })
    fireEvent.click(screen.getByText('全部 ›', { selector: '.js-home-events-all' }))
    expect(nav).toHaveBeenLastCalledWith({ url: '/packages/event/list/index' })
  })

  it('shows the grid worker how many households wait for verification', async () => {
    const pendingItem = { bindingId: 'b', userId: 'u', displayName: '马晓燕', phone: null, buildingId: 'b1', buildingName: '1栋', unit: '1', room: '802', relation: 'owner', area: 80, createdAt: '2026-11-22T00:00:00Z' }
    fakeCloud({
      'user.login': () => session({ roles: ['resident', 'grid'] }),
      'user.listPendingBindings': () => ({ items: [pendingItem, { ...pendingItem, bindingId: 'c' }], nextCursor: null }),
      'request.listAssigned': () => ({ items: [myRequest], nextCursor: 'next' }),
    })
    renderHome()
    await waitFor(() => expect(screen.getByText('2 条')).toBeTruthy())
    // open requests the grid worker answers for: one page of them, and more behind it
    await waitFor(() => expect(screen.getByText('1+ 条')).toBeTruthy())
    expect(screen.getByText('待处理反映')).toBeTruthy()
    expect(screen.queryByText('任务大厅')).toBeNull()
  })

  it('does not tell the property company or the street office to verify a home (issue 11 item 9)', async () => {
    for (const roles of [['property'], ['officer']] as const) {
      fakeCloud({
        'user.login': () => session({ roles: [...roles], household: null, binding: null, compound: { compoundId: 'c1', name: '红湖公园城' } }),
        'request.listAssigned': () => ({ items: [], nextCursor: null }),
        'event.list': () => ({ items: [], nextCursor: null }),
        'notice.list': () => ({ items: [], nextCursor: null, unread: 0, reader: 'member', compoundName: '红湖公园城' }),
      })
      const view = renderHome()
      await waitFor(() => expect(el('.js-work-account')).toBeTruthy())
      expect(el('.js-work-account').textContent).toContain('无需认证房屋')
      expect(el('.js-go-binding')).toBeNull()
      view.unmount()
    }
    // a resident without a home is still asked
    fakeCloud({
      'user.login': () => session({ roles: ['resident'], household: null, binding: null, compound: { compoundId: 'c1', name: '红湖公园城' } }),
      'event.list': () => ({ items: [], nextCursor: null }),
      'notice.list': () => ({ items: [], nextCursor: null, unread: 0, reader: 'member', compoundName: '红湖公园城' }),
    })
    renderHome()
    await waitFor(() => expect(el('.js-go-binding')).toBeTruthy())
    expect(el('.js-work-account')).toBeNull()
  })

  it('opens the report form from the hero and lists my latest requests', async () => {
    const calls = fakeCloud({
      'user.login': () =>
        session({ roles: ['resident', 'member'], household: { householdId: 'h1', buildingId: 'b1', buildingName: '1栋', unit: '1', room: '301', verified: true } }),
      'request.listMine': () => ({ items: [myRequest, { ...myRequest, requestId: 'r2', excerpt: '东门路灯不亮', state: 'closed' }], nextCursor: null }),
    })
    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    renderHome()
    await waitFor(() => expect(screen.getByText('楼道灯坏了')).toBeTruthy())
    expect(calls.find((c) => c.action === 'listMine')?.data).toEqual({ limit: 3 })
    // the entry stays where it showed before the session came back: first, above the household card
    const household = document.querySelector('.js-home-label')!
    expect(household).toBeTruthy()
    expect(screen.getByText('我要反映').compareDocumentPosition(household) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(screen.getByText('东门路灯不亮')).toBeTruthy()
    expect(screen.getByText('待受理')).toBeTruthy()
    expect(screen.getByText('已办结')).toBeTruthy()
    fireEvent.click(screen.getByText('我要反映'))
    expect(nav).toHaveBeenLastCalledWith({ url: '/packages/request/report/index' })
    fireEvent.click(screen.getByText('东门路灯不亮'))
    expect(nav).toHaveBeenLastCalledWith({ url: '/packages/request/detail/index?id=r2' })
    // a member sees the task hall among the to-dos, but no staff rows
    fireEvent.click(screen.getByText('任务大厅'))
    expect(nav).toHaveBeenLastCalledWith({ url: '/packages/request/hall/index' })
    expect(screen.queryByText('待处理反映')).toBeNull()
  })

  it('the first load asks each card its question once (the page split into cards changes none of it)', async () => {
    const calls = fakeCloud({
      'user.login': () =>
        session({
          roles: ['resident', 'grid'],
          compound: { compoundId: 'c1', name: '红湖公园城' },
          household: { householdId: 'h1', buildingId: 'b1', buildingName: '1栋', unit: '1', room: '301', verified: true },
        }),
      'user.listPendingBindings': () => ({ items: [], nextCursor: null }),
      'request.listAssigned': () => ({ items: [], nextCursor: null }),
      'request.listMine': () => ({ items: [], nextCursor: null }),
      'event.list': () => ({ items: [], nextCursor: null }),
      'notice.list': () => ({ items: [], nextCursor: null, unread: 0, reader: 'member', compoundName: '红湖公园城' }),
    })
    renderHome()
    await waitFor(() => expect(screen.getByText(/近期还没有活动/)).toBeTruthy())
    await waitFor(() => expect(screen.getByText(/还没有反映过问题/)).toBeTruthy())
    await waitFor(() => expect(screen.getByText(/暂时还没有通知公告/)).toBeTruthy())
    await waitFor(() => expect(screen.getAllByText('0 条')).toHaveLength(2))
    const count = (key: string) => calls.filter((c) => `${c.fn}.${c.action}` === key).length
    for (const key of ['user.listPendingBindings', 'request.listAssigned', 'request.listMine', 'event.list', 'notice.list']) expect([key, count(key)]).toEqual([key, 1])
  })

  it('shows the latest notices, pinned first, with unread dots and the count on the tab', async () => {
    const notice = {
      noticeId: 'n1',
      title: '垃圾分类新规',
      category: 'policy',
      pinned: false,
      important: false,
      read: true,
      publishedAt: '2026-12-01T02:00:00.000Z',
      publisherName: '党支部',
      scheduled: false,
      edited: false,
    }
    const calls = fakeCloud({
      'user.login': () => session({ roles: ['resident'], compound: { compoundId: 'c1', name: '红湖公园城' } }),
      'event.list': () => ({ items: [], nextCursor: null }),
      'notice.list': () => ({
        items: [
          notice,
          { ...notice, noticeId: 'n2', title: '12月5日停水通知', category: 'outage', pinned: true, important: true, read: false },
          { ...notice, noticeId: 'n3', title: '电梯检修', category: 'outage', read: false },
          { ...notice, noticeId: 'n4', title: '物业费公示', category: 'disclosure' },
        ],
        nextCursor: 'more',
        unread: 4,
        reader: 'member',
        compoundName: '红湖公园城',
      }),
    })
    const badge = jest.spyOn(Taro, 'setTabBarBadge').mockResolvedValue({ errMsg: 'ok' } as never)
    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    renderHome()
    await waitFor(() => expect(screen.getByText('12月5日停水通知')).toBeTruthy())
    expect(calls.find((c) => c.fn === 'notice')?.data).toEqual({ limit: 5 })
    const rows = Array.from(document.querySelectorAll('.js-home-notices .js-notice-row'))
    expect(rows.map((r) => r.querySelector('.js-notice-title')?.textContent)).toEqual(['12月5日停水通知', '垃圾分类新规', '电梯检修'])
    expect(document.querySelectorAll('.js-home-notices .js-unread-dot')).toHaveLength(2)
    expect(screen.getByText('4 条未读')).toBeTruthy()
    await waitFor(() => expect(badge).toHaveBeenCalledWith({ index: 0, text: '4' }))
    fireEvent.click(screen.getByText('电梯检修'))
    expect(nav).toHaveBeenLastCalledWith({ url: '/packages/notice/detail/index?id=n3' })
    fireEvent.click(screen.getByText('全部 ›', { selector: '.js-home-notices-all' }))
    expect(nav).toHaveBeenLastCalledWith({ url: '/packages/notice/list/index' })
  })

  it('clears the tab badge when everything is read, even if the tab bar is not ready', async () => {
    fakeCloud({
      'user.login': () => session({ roles: ['resident'], compound: { compoundId: 'c1', name: '红湖公园城' } }),
      'event.list': () => ({ items: [], nextCursor: null }),
      'notice.list': () => ({ items: [], nextCursor: null, unread: 0, reader: 'member', compoundName: '红湖公园城' }),
    })
    const remove = jest.spyOn(Taro, 'removeTabBarBadge').mockImplementation(() => {
      throw new Error('tab bar not ready')
    })
    renderHome()
    await waitFor(() => expect(screen.getByText(/暂时还没有通知公告/)).toBeTruthy())
    expect(remove).toHaveBeenCalledWith({ index: 0 })
  })

  it('a brand-new visitor is told why there are no notices, sees no 全部已读 and keeps no unread badge (issue 11 item 6)', async () => {
    const calls = fakeCloud({
      'user.login': () => session({ userId: 'u-new' }),
      'notice.list': () => ({ items: [], nextCursor: null, unread: 0, reader: 'none', compoundName: null }),
    })
    const badge = jest.spyOn(Taro, 'setTabBarBadge').mockResolvedValue({ errMsg: 'ok' } as never)
    const remove = jest.spyOn(Taro, 'removeTabBarBadge').mockResolvedValue({ errMsg: 'ok' } as never)
    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    renderHome()
    await waitFor(() => expect(document.querySelector('.js-home-notices-none')).toBeTruthy())
    expect(el('.js-home-notices-none').textContent).toContain('您还没有选择小区')
    expect(screen.queryByText(/暂时还没有通知公告/)).toBeNull()
    expect(screen.queryByText(/全部已读|条未读/)).toBeNull()
    // the badge another identity left on the tab goes
    await waitFor(() => expect(remove).toHaveBeenCalledWith({ index: 0 }))
    expect(badge).not.toHaveBeenCalled()
    // no events card pretending there are none
    expect(screen.queryByText(/近期还没有活动/)).toBeNull()
    expect(calls.filter((c) => c.fn === 'event')).toEqual([])
    fireEvent.click(el('.js-home-notices-bind'))
    expect(nav).toHaveBeenLastCalledWith({ url: '/packages/user/binding/index' })
  })

  it('a visitor reads the compound’s public notices without unread dots, count or badge', async () => {
    const row = { noticeId: 'n1', title: '小区垃圾分类新规', category: 'policy', pinned: false, important: false, read: false, publishedAt: '2026-12-01T02:00:00.000Z', publisherName: '党支部', scheduled: false, edited: false }
    fakeCloud({
      'user.login': () => session({ userId: 'u-visitor' }),
      'notice.list': () => ({ items: [row, { ...row, noticeId: 'n2', title: '12月5日停水通知' }], nextCursor: null, unread: 0, reader: 'public', compoundName: '红湖公园城' }),
    })
    const badge = jest.spyOn(Taro, 'setTabBarBadge').mockResolvedValue({ errMsg: 'ok' } as never)
    const remove = jest.spyOn(Taro, 'removeTabBarBadge').mockResolvedValue({ errMsg: 'ok' } as never)
    renderHome()
    await waitFor(() => expect(screen.getByText('12月5日停水通知')).toBeTruthy())
    expect(el('.js-home-notices-public').textContent).toContain('红湖公园城的公开通知')
    expect(document.querySelectorAll('.js-home-notices .js-unread-dot')).toHaveLength(0)
    expect(document.querySelector('.js-home-unread')).toBeNull()
    await waitFor(() => expect(remove).toHaveBeenCalledWith({ index: 0 }))
    expect(badge).not.toHaveBeenCalled()
  })

  it('shows a clear error with a retry when the session cannot load', async () => {
    fakeCloud({})
    renderHome()
    await waitFor(() => expect(screen.getByText('no fake for user.login')).toBeTruthy())
    expect(screen.getByText('重试')).toBeTruthy()
  })
})
