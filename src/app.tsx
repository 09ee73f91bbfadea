import type { PropsWithChildren } from 'react'
import '@nutui/nutui-react-taro/dist/styles/themes/default.css'
import { listenForPrivacyAsks } from './services/privacy'
import { SessionProvider } from './store/session'
import './app.scss'

// before any page can call a privacy-scoped API (WeChat asks the app, see services/privacy.ts)
listenForPrivacyAsks()
// focus rings, the H5 tab bar and the desktop column; never part of the WeChat build
// eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack drops this branch outside H5
if (process.env.TARO_ENV === 'h5') require('./h5.scss')

function App({ children }: PropsWithChildren) {
  // the session (login, roles, elder mode) is shared by every page
  return <SessionProvider>{children}</SessionProvider>
}

export default App
