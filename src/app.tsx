import type { PropsWithChildren } from 'react'
import '@nutui/nutui-react-taro/dist/styles/themes/default.css'
import { listenForPrivacyAsks } from './services/privacy'
import { SessionProvider } from './store/session'
import './app.scss'

// before any page can call a privacy-scoped API (WeChat asks the app, see services/privacy.ts)
listenForPrivacyAsks()

function App({ children }: PropsWithChildren) {
  // the session (login, roles, elder mode) is shared by every page
  return <SessionProvider>{children}</SessionProvider>
}

export default App
