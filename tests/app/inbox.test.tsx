// 消息中心 as a resident meets it: reached from 我的 with the unread count, newest first, an entry
// opens its page and counts as read, 全部标为已读, and plain empty and error states.
import { fireEvent, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { InboxItem } from '@core/user/contract'
import Inbox from '../../src/packages/user/inbox'
import Me from '../../src/pages/me'
import { failWith, fakeCloud, session } from './helpers/fakeCloud'
import { el, renderPage } from './helpers/dom'

afterEach(() => jest.restoreAllMocks())

const resident = () =>
  session({
    roles: ['resident'],
    compound: { compoundId: 'c1', name: '红湖公园城' },
    household: { householdId: 'h1', buildingId: 'b1', buildingName: '1栋', unit: '1', room: '301', verified: true },
  })

const entry = (over: Partial<InboxItem> = {}): InboxItem => ({
  entryId: 'm1',
  kind: 'requestStatus',
  title: '您的反映已受理',
  body: '报修：1栋1单元楼道灯坏了（明天上午来修）',
  page: 'packages/request/detail/index?id=r1',
  createdAt: '2026-12-01T02:00:00.000Z',
  read: false,
  ...over,
})

describe('消息中心', () => {
  it('我的 shows the unread count and opens the inbox', async () => {
    fakeCloud({ 'user.login': resident, 'user.inbox': () => ({ items: [entry()], nextCursor: null, unread: 2 }) })
    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(Me)
    await waitFor(() => expect(document.querySelector('.js-inbox-count')).toBeTruthy())
    expect(el('.js-inbox-count').textContent).toBe('2 条未读')
    fireEvent.click(el('.js-cell-inbox'))
    expect(nav).toHaveBeenLastCalledWith({ url: '/packages/user/inbox/index' })
  })

  it('我的 shows no count when everything is read', async () => {
    fakeCloud({ 'user.login': resident, 'user.inbox': () => ({ items: [], nextCursor: null, unread: 0 }) })
    renderPage(Me)
    await waitFor(() => expect(screen.getByText('消息中心')).toBeTruthy())
    await waitFor(() => expect(screen.getByText('反映进展、活动候补与取消、重要通知')).toBeTruthy())
    expect(document.querySelector('.js-inbox-count')).toBeNull()
  })

  it('lists entries newest first; tapping one marks it read and opens its page', async () => {
    let unread = 2
    const calls = fakeCloud({
      'user.login': resident,
      'user.inbox': () => ({
        items: [entry(), entry({ entryId: 'm2', kind: 'eventReminder', title: '候补成功，您已获得名额', body: '义诊 · 12月3日', page: 'packages/event/detail/index?id=e1' })],
        nextCursor: null,
        unread,
      }),
      'user.markInboxRead': (d) => {
        unread = d.entryId ? unread - 1 : 0
        return { marked: 1, unread }
      },
    })
    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    renderPage(Inbox)
    await waitFor(() => expect(document.querySelectorAll('.js-inbox-item')).toHaveLength(2))
    expect(el('.js-inbox-unread').textContent).toBe('2 条未读')
    expect(Array.from(document.querySelectorAll('.js-inbox-title')).map((e) => e.textContent)).toEqual(['您的反映已受理', '候补成功，您已获得名额'])
    fireEvent.click(document.querySelectorAll('.js-inbox-item')[1])
    expect(nav).toHaveBeenLastCalledWith({ url: '/packages/event/detail/index?id=e1' })
    await waitFor(() => expect(calls.filter((c) => c.action === 'markInboxRead')[0]?.data).toEqual({ entryId: 'm2' }))
    await waitFor(() => expect(el('.js-inbox-unread').textContent).toBe('1 条未读'))
    fireEvent.click(el('.js-inbox-mark-all'))
    await waitFor(() => expect(calls.filter((c) => c.action === 'markInboxRead')[1]?.data).toEqual({}))
    await waitFor(() => expect(el('.js-inbox-unread').textContent).toBe('没有未读消息'))
  })

  it('says plainly when there is nothing yet, and offers a retry on an error', async () => {
    fakeCloud({ 'user.login': resident, 'user.inbox': () => ({ items: [], nextCursor: null, unread: 0 }) })
    renderPage(Inbox)
    await waitFor(() => expect(screen.getByText(/还没有消息/)).toBeTruthy())
    jest.restoreAllMocks()
    fakeCloud({ 'user.login': resident, 'user.inbox': () => failWith('INTERNAL', '服务暂时不可用，请稍后再试') })
    document.body.innerHTML = ''
    renderPage(Inbox)
    await waitFor(() => expect(screen.getByText('服务暂时不可用，请稍后再试')).toBeTruthy())
  })
})
