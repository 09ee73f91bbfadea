import Taro from '@tarojs/taro'
import { act, screen, waitFor } from '@testing-library/react'
import { renderApp } from './helpers/renderApp'

describe('whole app (router + tab bar)', () => {
  it('starts on the home tab and switches tabs', async () => {
    await renderApp()
    await waitFor(() => expect(document.querySelector('.taro-tabbar__tabbar')).toBeTruthy())
    const labels = Array.from(document.querySelectorAll('.weui-tabbar__label')).map(el => el.textContent)
    expect(labels).toEqual(['首页', '办事', '我的'])
    await waitFor(() => expect(screen.getByText('邻里共治', { selector: '.page-title' })).toBeTruthy())
    expect(document.querySelector('.taro-tabbar__tabbar-hide')).toBeNull()

    await act(async () => {
      await Taro.switchTab({ url: '/pages/me/index' })
    })
    await waitFor(() => expect(screen.getByText('我的', { selector: '.page-title' })).toBeTruthy())
  })
})
