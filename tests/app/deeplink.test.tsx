import { screen, waitFor } from '@testing-library/react'
import { renderApp } from './helpers/renderApp'

it('opens a subpackage page directly from the hash', async () => {
  await renderApp('packages/user/privacy/index')
  await waitFor(() => expect(screen.getByText('隐私政策', { selector: '.page-title' })).toBeTruthy())
  // not a tab page: the tab bar is hidden
  await waitFor(() => expect(document.querySelector('.taro-tabbar__tabbar-hide')).toBeTruthy())
})
