// 代办's resident picker: found by name, confirmed by home and masked phone, consent required.
import { useState } from 'react'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { NO_PROXY, ProxyPicker, onBehalfOfFrom, type ProxyChoice } from './ProxyPicker'
import { failWith, fakeCloud } from '../../../tests/app/helpers/fakeCloud'
import { fakePageContainer } from '../../../tests/app/helpers/page'

afterEach(() => jest.restoreAllMocks())

const zhang = { userId: 'u7', displayName: '张桂兰', home: '1栋2单元502', phoneMasked: '139****0001' }

let picked: ProxyChoice = NO_PROXY
function Harness() {
  const [value, setValue] = useState<ProxyChoice>(NO_PROXY)
  picked = value
  return <ProxyPicker value={value} onChange={setValue} />
}

const el = (selector: string) => document.querySelector(selector) as HTMLElement

async function typeInto(selector: string, value: string) {
  await waitFor(() => expect(document.querySelector(selector)).toBeTruthy())
  fireEvent.input(el(selector), { target: { value } })
}

describe('代办 · 选择居民', () => {
  it('finds a resident by name, shows the home and the masked phone, and picks them', async () => {
    const calls = fakeCloud({ 'user.proxyCandidates': (d) => ({ items: d.query === '张' ? [zhang, { ...zhang, userId: 'u8', home: '3栋1单元101', phoneMasked: null }] : [] }) })
    render(<Harness />, { container: fakePageContainer() })
    await typeInto('.js-proxy-query input', '张')
    fireEvent.click(el('.js-proxy-search'))
    await waitFor(() => expect(document.querySelectorAll('.js-proxy-option')).toHaveLength(2))
    expect(calls[0].data).toEqual({ query: '张' })
    expect(el('.js-proxy-option-u7').textContent).toBe('张桂兰1栋2单元502 · 139****0001')
    expect(el('.js-proxy-option-u8').textContent).toBe('张桂兰3栋1单元101')

    fireEvent.click(el('.js-proxy-option-u7'))
    expect(el('.js-proxy-option-u7').getAttribute('aria-checked')).toBe('true')
    expect(el('.js-proxy-picked').textContent).toBe('已选：张桂兰 · 1栋2单元502 · 139****0001')
    expect(picked.resident?.userId).toBe('u7')

    await typeInto('.js-proxy-query input', '李')
    fireEvent.click(el('.js-proxy-search'))
    await waitFor(() => expect(el('.js-proxy-none')).toBeTruthy())
  })

  it("shows the function's refusal", async () => {
    fakeCloud({ 'user.proxyCandidates': () => failWith('FORBIDDEN', '只有楼栋长/网格员和党支部可以代办') })
    render(<Harness />, { container: fakePageContainer() })
    fireEvent.click(el('.js-proxy-search'))
    await waitFor(() => expect(screen.getByText('只有楼栋长/网格员和党支部可以代办')).toBeTruthy())
  })

  it('needs a resident and a consent note before anything is sent', () => {
    expect(onBehalfOfFrom(NO_PROXY)).toMatchObject({ ok: false, problem: { field: 'proxyResident' } })
    expect(onBehalfOfFrom({ resident: zhang, consentNote: '   ' })).toMatchObject({ ok: false, problem: { field: 'proxyConsent' } })
    expect(onBehalfOfFrom({ resident: zhang, consentNote: '同'.repeat(101) })).toMatchObject({ ok: false, problem: { field: 'proxyConsent' } })
    expect(onBehalfOfFrom({ resident: zhang, consentNote: ' 本人口头同意 ' })).toEqual({ ok: true, value: { userId: 'u7', consentNote: '本人口头同意' } })
  })
})
