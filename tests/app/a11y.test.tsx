// 无障碍 in the app tier: what is tapped is a button, link, radio or switch that a keyboard reaches
// and works (H5), WeChat keeps its own aria-role (weapp), and a form's problem is shown at its field.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Tiles } from '../../src/packages/request/components'
import Report from '../../src/packages/request/report'
import Binding from '../../src/packages/user/binding'
import { RequestRow } from '../../src/components/RequestRow'
import { SessionProvider } from '../../src/store/session'
import { fakeCloud, session } from './helpers/fakeCloud'
import { fakePageContainer } from './helpers/page'
import { el } from './helpers/dom'

const scrolled: Element[] = []

beforeEach(() => {
  scrolled.length = 0
  // jsdom has no layout: record what the form brings into view
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this)
  }
  const original = console.error
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('findDOMNode is deprecated')) return
    original(...args)
  })
})

afterEach(() => {
  jest.restoreAllMocks()
})

describe('tappable things in the browser', () => {
  it('choice tiles are radios in a radio group, reached with Tab and chosen with Enter or Space', () => {
    const onChange = jest.fn()
    render(
      <Tiles
        label='反映类别'
        options={[
          { value: 'repair', label: '维修', className: 'js-category-repair' },
          { value: 'noise', label: '噪音', className: 'js-category-noise' },
        ]}
        value='repair'
        onChange={onChange}
      />,
      { container: fakePageContainer() },
    )
    const group = el('.rq-tiles')
    expect(group.getAttribute('role')).toBe('radiogroup')
    expect(group.getAttribute('aria-label')).toBe('反映类别')
    const repair = el('.js-category-repair')
    const noise = el('.js-category-noise')
    expect(repair.getAttribute('role')).toBe('radio')
    expect(repair.getAttribute('aria-checked')).toBe('true')
    expect(noise.getAttribute('aria-checked')).toBe('false')
    expect(noise.getAttribute('tabindex')).toBe('0')
    // WeChat's attribute name is not HTML: it must not reach the browser
    expect(document.querySelector('[aria-role]')).toBeNull()
    fireEvent.keyDown(noise, { key: 'Enter' })
    fireEvent.keyDown(noise, { key: ' ' })
    fireEvent.keyDown(noise, { key: 'a' })
    expect(onChange).toHaveBeenCalledTimes(2)
    expect(onChange).toHaveBeenLastCalledWith('noise')
  })

  it('a request row is a link that opens the request with Enter, and a button beside it is not inside the link', () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
    render(
      <RequestRow
        item={{
          metooCount: 0,
          mine: false,
          metooed: false,
          canMetoo: false,
          requestId: 'r1',
          category: 'help',
          excerpt: '独居老人需要帮忙买药',
          urgency: 'general',
          state: 'submitted',
          place: '1栋',
          createdAt: '2026-11-20T02:00:00.000Z',
          dueAt: '2026-11-27T02:00:00.000Z',
          overdue: false,
          escalationLevel: 0,
          rating: null,
        }}
        extra={<button className='js-claim'>认领</button>}
      />,
      { container: fakePageContainer() },
    )
    const link = el('.js-request-r1 [role="link"]')
    expect(link.getAttribute('tabindex')).toBe('0')
    expect(link.textContent).toContain('独居老人需要帮忙买药')
    expect(link.querySelector('.js-claim')).toBeNull()
    fireEvent.keyDown(link, { key: 'Enter' })
    expect(navigate).toHaveBeenCalledTimes(1)
    // a tap anywhere on the row still opens it, once
    fireEvent.click(el('.js-request-r1'))
    expect(navigate).toHaveBeenCalledTimes(2)
  })
})

describe('tappable things in WeChat', () => {
  it('keep WeChat’s aria-role and get no HTML role or tabindex', () => {
    const previous = process.env.TARO_ENV
    process.env.TARO_ENV = 'weapp'
    try {
      jest.isolateModules(() => {
        const { tappable, group } = require('../../src/components/Tappable') as typeof import('../../src/components/Tappable')
        const onTap = jest.fn()
        const props = tappable(onTap, { role: 'radio', checked: true })
        expect(props['aria-role']).toBe('radio')
        expect(props['aria-checked']).toBe('true')
        expect(props.role).toBeUndefined()
        expect(props.tabindex).toBeUndefined()
        expect(props.onKeyDown).toBeUndefined()
        ;(props.onClick as () => void)()
        expect(onTap).toHaveBeenCalled()
        expect(group('radiogroup')).toEqual({ 'aria-role': 'radiogroup' })
      })
    } finally {
      process.env.TARO_ENV = previous
    }
  })
})

describe('a form shows its problem at the field', () => {
  const directory = () => ({
    compounds: [{ compoundId: 'c1', name: '红湖公园城', address: '' }],
    buildings: [
      { buildingId: 'b1', name: '1栋', units: ['1', '2'], floors: 9 },
      { buildingId: 'b2', name: '2栋', units: ['1'], floors: 9 },
    ],
  })

  it('我要反映: the field is marked, says what is wrong and is brought into view; the line by the button points to it', async () => {
    fakeCloud({
      'user.login': () =>
        session({
          roles: ['resident'],
          compound: { compoundId: 'c1', name: '红湖公园城' },
          household: { householdId: 'h1', buildingId: 'b1', buildingName: '1栋', unit: '1', room: '301', verified: true },
        }),
      'user.directory': directory,
      'request.deadlines': () => ({ hours: { emergency: 2, utilities: 24, general: 168, complex: 360 } }),
      'request.similar': () => ({ items: [] }),
    })
    render(
      <SessionProvider>
        <Report />
      </SessionProvider>,
      { container: fakePageContainer() },
    )
    await waitFor(() => expect(screen.getByText('反映什么问题？')).toBeTruthy())

    fireEvent.click(screen.getByText('提交反映'))
    const category = el('.js-form-field-category')
    expect(category.className).toContain('is-invalid')
    expect(category.getAttribute('aria-invalid')).toBe('true')
    expect(category.querySelector('.js-field-error')!.textContent).toBe('请选择反映类别')
    expect(el('.js-form-error').textContent).toBe('有一项需要修改，已在上方用红框标出')
    await waitFor(() => expect(scrolled).toContain(category))

    fireEvent.click(el('.js-category-repair'))
    expect(el('.js-form-field-category').className).not.toContain('is-invalid')
    fireEvent.click(screen.getByText('提交反映'))
    const content = el('.js-form-field-content')
    expect(content.className).toContain('is-invalid')
    expect(content.querySelector('.js-field-error')!.textContent).toBe('请填写反映内容')
    await waitFor(() => expect(scrolled).toContain(content))
    // the same problem again still brings the field back into view
    scrolled.length = 0
    fireEvent.click(screen.getByText('提交反映'))
    await waitFor(() => expect(scrolled).toContain(el('.js-form-field-content')))
  })

  it('the binding form marks the building, then the unit', async () => {
    fakeCloud({ 'user.login': () => session(), 'user.directory': directory })
    render(
      <SessionProvider>
        <Binding />
      </SessionProvider>,
      { container: fakePageContainer() },
    )
    await waitFor(() => expect(screen.getByText('1栋')).toBeTruthy())
    fireEvent.click(screen.getByText('提交认证'))
    expect(el('.js-form-field-buildingId').className).toContain('is-invalid')
    await waitFor(() => expect(scrolled).toContain(el('.js-form-field-buildingId')))
    fireEvent.click(screen.getByText('1栋'))
    fireEvent.click(screen.getByText('提交认证'))
    expect(el('.js-form-field-buildingId').className).not.toContain('is-invalid')
    expect(el('.js-form-field-unit').className).toContain('is-invalid')
    expect(el('.js-form-field-unit .js-field-error').textContent).toBe('请选择单元')
  })
})
