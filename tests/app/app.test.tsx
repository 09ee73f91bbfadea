import Taro from '@tarojs/taro'
import { act, screen, waitFor } from '@testing-library/react'
import { fakeCloud, session } from './helpers/fakeCloud'
import { renderApp } from './helpers/renderApp'

afterEach(() => jest.restoreAllMocks())

describe('whole app (router + tab bar)', () => {
  it('starts on the home tab and switches tabs', async () => {
    fakeCloud({
      'user.login': () =>
        session({
          roles: ['resident'],
          compound: { compoundId: 'c1', name: '红湖公园城' },
          household: { householdId: 'h1', buildingId: 'b1', buildingName: '1栋', unit: '1', room: '301', verified: true },
          profile: { displayName: '王秀兰', phoneMasked: '138****1234', elderMode: false, party: null, badge: false },
        }),
      'request.listMine': () => ({ items: [], nextCursor: null }),
      'event.list': () => ({ items: [], nextCursor: null }),
      'notice.list': () => ({ items: [], nextCursor: null, unread: 0, reader: 'member', compoundName: '红湖公园城' }),
    })
    await renderApp()
    await waitFor(() => expect(document.querySelector('.taro-tabbar__tabbar')).toBeTruthy())
    const labels = Array.from(document.querySelectorAll('.weui-tabbar__label')).map(el => el.textContent)
    expect(labels).toEqual(['首页', '办事', '我的'])
    await waitFor(() => expect(screen.getByText('红湖公园城', { selector: '.ll-title' })).toBeTruthy())
    expect(screen.getByText('王秀兰，您好')).toBeTruthy()
    expect(screen.getByText('1栋1单元301室')).toBeTruthy()
    await waitFor(() => expect(screen.getByText(/还没有反映过问题/)).toBeTruthy())
    expect(document.querySelector('.taro-tabbar__tabbar-hide')).toBeNull()

    await act(async () => {
      await Taro.switchTab({ url: '/pages/me/index' })
    })
    await waitFor(() => expect(screen.getByText('我的', { selector: '.ll-title' })).toBeTruthy())
    expect(screen.getByText('138****1234')).toBeTruthy()
  })
})
