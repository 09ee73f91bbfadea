import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Home from '../../src/pages/home'
import { SessionProvider } from '../../src/store/session'
import { fakeCloud, session } from './helpers/fakeCloud'
import { fakePageContainer } from './helpers/page'

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
    fakeCloud({ 'user.login': () => session({ compound: { compoundId: 'c1', name: '红湖公园城' }, profile: { displayName: '王秀兰', phoneMasked: null, elderMode: false, party: null, badge: false } }) })
    renderHome()
    await waitFor(() => expect(screen.getByText('红湖公园城')).toBeTruthy())
    expect(screen.getByText('王秀兰，您好')).toBeTruthy()
    expect(screen.getByText('我要反映')).toBeTruthy()
    expect(screen.queryByText('待办')).toBeNull()
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

  it('shows a clear error with a retry when the session cannot load', async () => {
    fakeCloud({})
    renderHome()
    await waitFor(() => expect(screen.getByText('no fake for user.login')).toBeTruthy())
    expect(screen.getByText('重试')).toBeTruthy()
  })
})
