import { render, screen, waitFor } from '@testing-library/react'
import Home from '../../src/pages/home'
import { SessionProvider } from '../../src/store/session'
import { fakeCloud, session } from './helpers/fakeCloud'
import { fakePageContainer } from './helpers/page'

afterEach(() => jest.restoreAllMocks())

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
    })
    renderHome()
    await waitFor(() => expect(screen.getByText('2 条')).toBeTruthy())
  })

  it('shows a clear error with a retry when the session cannot load', async () => {
    fakeCloud({})
    renderHome()
    await waitFor(() => expect(screen.getByText('no fake for user.login')).toBeTruthy())
    expect(screen.getByText('重试')).toBeTruthy()
  })
})
