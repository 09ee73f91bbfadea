import type { PropsWithChildren } from 'react'
import '@nutui/nutui-react-taro/dist/styles/themes/default.css'
import { SessionProvider } from './store/session'
import './app.scss'

function App({ children }: PropsWithChildren) {
  // the session (login, roles, elder mode) is shared by every page
  return <SessionProvider>{children}</SessionProvider>
}

export default App
