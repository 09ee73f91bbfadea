// The way from visitor to verified resident, as the resident sees it.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { HouseholdStatus } from '../../src/components/HouseholdStatus'
import { PageShell } from '../../src/components/PageShell'
import Binding from '../../src/packages/user/binding'
import { SessionProvider, useSession } from '../../src/store/session'
import { fakeCloud, session } from './helpers/fakeCloud'
import { fakePageContainer } from './helpers/page'

afterEach(() => jest.restoreAllMocks())

const pending = {
  bindingId: 'b1',
  state: 'pending' as const,
  buildingName: '1栋',
  unit: '1',
  room: '301',
  relation: 'owner' as const,
  reason: null,
  createdAt: '2026-11-22T02:00:00.000Z',
}

describe('household status on the home page', () => {
  it('asks a first-time user to read the privacy guide first', () => {
    render(<HouseholdStatus session={session({ consents: { privacy: false, privacyVersion: null, party: false, publishName: false } })} />, {
      container: fakePageContainer(),
    })
    expect(screen.getByText('阅读指引并开始')).toBeTruthy()
  })

  it('invites a consenting visitor to bind a household', () => {
    const nav = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    render(<HouseholdStatus session={session()} />, { container: fakePageContainer() })
    fireEvent.click(screen.getByText('去认证房屋'))
    expect(nav).toHaveBeenCalledWith({ url: '/packages/user/binding/index' })
  })

  it('shows a pending binding as waiting for verification', () => {
    render(<HouseholdStatus session={session({ binding: pending })} />, { container: fakePageContainer() })
    expect(screen.getByText('房屋认证审核中')).toBeTruthy()
    expect(screen.getByText('1栋1单元301室')).toBeTruthy()
  })

  it('shows why a binding was rejected and offers to apply again', () => {
    render(<HouseholdStatus session={session({ binding: { ...pending, state: 'rejected', reason: '房号不符' } })} />, { container: fakePageContainer() })
    expect(screen.getByText(/房号不符/)).toBeTruthy()
    expect(screen.getByText('重新申请认证')).toBeTruthy()
  })

  it('shows the verified household', () => {
    const household = { householdId: 'h1', buildingId: 'b1', buildingName: '3栋', unit: '2', room: '701', verified: true }
    render(<HouseholdStatus session={session({ household })} />, { container: fakePageContainer() })
    expect(screen.getByText('已认证')).toBeTruthy()
    expect(screen.getByText('3栋2单元701室')).toBeTruthy()
  })
})

describe('elder-friendly mode', () => {
  it('switches from any page and is saved to the user profile', async () => {
    const calls = fakeCloud({
      'user.login': () => session(),
      'user.updateProfile': (d) => session({ profile: { displayName: '邻居', phoneMasked: null, elderMode: !!d.elderMode, party: null, badge: false } }),
    })
    function Status() {
      return <span>{useSession().status}</span>
    }
    const { container } = render(
      <SessionProvider>
        <PageShell title='测试页'>
          <Status />
        </PageShell>
      </SessionProvider>,
      { container: fakePageContainer() },
    )
    await waitFor(() => expect(screen.getByText('ready')).toBeTruthy())
    expect(container.querySelector('.ll-page')!.className).not.toContain('elder')
    // the switch says where it stands, and is one to a screen reader and a keyboard
    const toggle = container.querySelector('.js-elder-toggle')!
    expect(toggle.textContent).toBe('长辈模式：关')
    expect(toggle.getAttribute('role')).toBe('switch')
    expect(toggle.getAttribute('aria-checked')).toBe('false')
    expect(toggle.getAttribute('tabindex')).toBe('0')
    fireEvent.keyDown(toggle, { key: 'Enter' })
    expect(container.querySelector('.ll-page')!.className).toContain('elder')
    await waitFor(() => expect(calls.find((c) => c.action === 'updateProfile')?.data).toEqual({ elderMode: true }))
    expect(toggle.textContent).toBe('长辈模式：开')
    expect(toggle.getAttribute('aria-checked')).toBe('true')
    fireEvent.click(screen.getByText('长辈模式：开'))
    expect(container.querySelector('.ll-page')!.className).not.toContain('elder')
  })
})

describe('the binding form', () => {
  const directory = () => ({
    compounds: [{ compoundId: 'c1', name: '红湖公园城', address: '' }],
    buildings: [
      { buildingId: 'demo-b1', name: '1栋', units: ['1', '2'], floors: 9 },
      { buildingId: 'demo-b2', name: '2栋', units: ['1', '2'], floors: 9 },
    ],
  })

  it('checks the form with the shared contract before sending, then submits', async () => {
    let current = session()
    const calls = fakeCloud({
      'user.login': () => current,
      'user.directory': directory,
      'user.requestBinding': () => {
        current = session({ binding: pending })
        return { bindingId: 'b1', state: 'pending' }
      },
    })
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
    render(
      <SessionProvider>
        <Binding />
      </SessionProvider>,
      { container: fakePageContainer() },
    )
    await waitFor(() => expect(screen.getByText('1栋')).toBeTruthy())
    fireEvent.click(screen.getByText('提交认证'))
    expect(screen.getByText('请选择楼栋')).toBeTruthy()
    fireEvent.click(screen.getByText('1栋'))
    fireEvent.click(screen.getByText('提交认证'))
    expect(screen.getByText('请选择单元')).toBeTruthy()
    fireEvent.click(screen.getByText('2单元'))
    await waitFor(() => expect(document.querySelector('.js-room input')).toBeTruthy())
    const room = document.querySelector('.js-room input') as HTMLInputElement
    fireEvent.input(room, { target: { value: '3 01' } })
    fireEvent.click(screen.getByText('提交认证'))
    await waitFor(() => expect(screen.getByText(/房号只能包含数字和字母/)).toBeTruthy())
    expect(calls.some((c) => c.action === 'requestBinding')).toBe(false)
    fireEvent.input(room, { target: { value: '301' } })
    fireEvent.click(screen.getByText('提交认证'))
    // the 楼栋长 needs a name to verify with
    await waitFor(() => expect(screen.getByText(/请填写姓名/)).toBeTruthy())
    fireEvent.input(document.querySelector('.js-name input') as HTMLInputElement, { target: { value: '王秀兰' } })
    fireEvent.click(screen.getByText('提交认证'))
    await waitFor(() => expect(screen.getByText('审核中')).toBeTruthy())
    expect(calls.find((c) => c.action === 'requestBinding')?.data).toEqual({ buildingId: 'demo-b1', unit: '2', room: '301', relation: 'owner', name: '王秀兰' })
  })

  it('tells staff that their roles stay behind when they move to another compound', async () => {
    fakeCloud({ 'user.login': () => session({ roles: ['branch', 'resident'] }), 'user.directory': directory })
    render(
      <SessionProvider>
        <Binding />
      </SessionProvider>,
      { container: fakePageContainer() },
    )
    await waitFor(() => expect(document.querySelector('.js-moving-note')).toBeTruthy())
    expect(document.querySelector('.js-moving-note')?.textContent).toMatch(/党支部角色不会带过去/)
  })

  it('says nothing about roles to a resident', async () => {
    fakeCloud({ 'user.login': () => session({ roles: ['resident'] }), 'user.directory': directory })
    render(
      <SessionProvider>
        <Binding />
      </SessionProvider>,
      { container: fakePageContainer() },
    )
    await waitFor(() => expect(screen.getByText('1栋')).toBeTruthy())
    expect(document.querySelector('.js-moving-note')).toBeNull()
  })

  it('shows the server refusal in Chinese', async () => {
    fakeCloud({
      'user.login': () => session(),
      'user.directory': directory,
    })
    render(
      <SessionProvider>
        <Binding />
      </SessionProvider>,
      { container: fakePageContainer() },
    )
    await waitFor(() => expect(screen.getByText('2栋')).toBeTruthy())
    fireEvent.click(screen.getByText('2栋'))
    fireEvent.click(screen.getByText('1单元'))
    await waitFor(() => expect(document.querySelector('.js-room input')).toBeTruthy())
    fireEvent.input(document.querySelector('.js-room input') as HTMLInputElement, { target: { value: '101' } })
    fireEvent.input(document.querySelector('.js-name input') as HTMLInputElement, { target: { value: '李建国' } })
    fireEvent.click(screen.getByText('提交认证'))
    await waitFor(() => expect(screen.getByText('no fake for user.requestBinding')).toBeTruthy())
  })
})
