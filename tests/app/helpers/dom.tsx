// What every page test does: render a page inside the session, find elements, type into Taro inputs.
import { fireEvent, render, waitFor } from '@testing-library/react'
import { SessionProvider } from '../../../src/store/session'
import { fakePageContainer } from './page'

/** Renders a page inside the SessionProvider, into a container that Taro sees as the current page. */
export function renderPage(Page: () => JSX.Element) {
  return render(
    <SessionProvider>
      <Page />
    </SessionProvider>,
    { container: fakePageContainer() },
  )
}

export const el = (selector: string) => document.querySelector(selector) as HTMLElement
export const all = (selector: string) => Array.from(document.querySelectorAll(selector)) as HTMLElement[]

/** Types into a Taro input once its inner element is there (Taro renders it after the wrapper). */
export async function typeInto(selector: string, value: string) {
  await waitFor(() => expect(document.querySelector(selector)).toBeTruthy())
  fireEvent.input(el(selector), { target: { value } })
}
