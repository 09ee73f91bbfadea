import { useState } from 'react'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { Button } from '@nutui/nutui-react-taro'
import Home from '../../src/pages/home'
import { fakePageContainer } from './helpers/page'

describe('home page', () => {
  it('renders its title', async () => {
    const { container } = render(<Home />, { container: fakePageContainer() })
    await waitFor(() => expect(screen.getByText('邻里共治')).toBeTruthy())
    expect(container.querySelector('.page-title')?.textContent).toBe('邻里共治')
  })
})

describe('NutUI in jest', () => {
  function Counter() {
    const [n, setN] = useState(0)
    return (
      <Button type='primary' className='inc' onClick={() => setN(n + 1)}>
        点了{n}次
      </Button>
    )
  }

  it('Button onClick updates state', async () => {
    const { container } = render(<Counter />, { container: fakePageContainer() })
    const button = container.querySelector('.nut-button') as HTMLElement
    expect(button).toBeTruthy()
    expect(button.className).toContain('nut-button-primary')
    await waitFor(() => expect(screen.getByText('点了0次')).toBeTruthy())
    fireEvent.click(button)
    await waitFor(() => expect(screen.getByText('点了1次')).toBeTruthy())
    fireEvent.click(button)
    await waitFor(() => expect(screen.getByText('点了2次')).toBeTruthy())
  })
})
