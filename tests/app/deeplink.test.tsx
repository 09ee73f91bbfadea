import { screen, waitFor } from '@testing-library/react'
import { fakeCloud, session } from './helpers/fakeCloud'
import { renderApp } from './helpers/renderApp'

it('opens a subpackage page directly from the hash', async () => {
  fakeCloud({ 'user.login': () => session() })
  await renderApp('packages/user/privacy/index')
  await waitFor(() => expect(screen.getAllByText('隐私与个人数据', { selector: '.ll-title' }).length).toBeGreaterThan(0))
  await waitFor(() => expect(screen.getAllByText('导出我的数据').length).toBeGreaterThan(0))
  // not a tab page: the tab bar is hidden
  await waitFor(() => expect(document.querySelector('.taro-tabbar__tabbar-hide')).toBeTruthy())
})
