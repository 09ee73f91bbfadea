// The signed-in session for every page: who the caller is, their household, roles and consents,
// and the elder-friendly mode (适老化), which persists per user and works before login too.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import type { Role } from '@core/roles'
import { userApi, type Session } from '../services/user'

const ELDER_KEY = 'linli.elderMode'

export interface SessionState {
  status: 'loading' | 'ready' | 'error'
  session: Session | null
  error: string | null
  elderMode: boolean
  refresh: () => Promise<Session | null>
  setSession: (s: Session) => void
  setElderMode: (on: boolean) => void
  hasRole: (...roles: Role[]) => boolean
}

const SessionContext = createContext<SessionState | null>(null)

function storedElder(): boolean {
  try {
    return Taro.getStorageSync(ELDER_KEY) === '1'
  } catch {
    return false
  }
}

export function SessionProvider({ children }: PropsWithChildren) {
  const [status, setStatus] = useState<SessionState['status']>('loading')
  const [session, setSessionState] = useState<Session | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [elderMode, setElder] = useState<boolean>(storedElder)

  const setSession = useCallback((s: Session) => {
    setSessionState(s)
    setElder(s.profile.elderMode)
    Taro.setStorageSync(ELDER_KEY, s.profile.elderMode ? '1' : '0')
  }, [])

  const refresh = useCallback(async () => {
    setStatus((s) => (s === 'ready' ? 'ready' : 'loading'))
    const res = await userApi.login({})
    if (res.ok) {
      setSession(res.data)
      setError(null)
      setStatus('ready')
      return res.data
    }
    setError(res.message)
    setStatus('error')
    return null
  }, [setSession])

  const setElderMode = useCallback(
    (on: boolean) => {
      setElder(on)
      Taro.setStorageSync(ELDER_KEY, on ? '1' : '0')
      if (session) {
        void userApi.updateProfile({ elderMode: on }).then((res) => res.ok && setSessionState(res.data))
      }
    },
    [session],
  )

  useEffect(() => {
    void refresh()
  }, [refresh])

  const value = useMemo<SessionState>(
    () => ({
      status,
      session,
      error,
      elderMode,
      refresh,
      setSession,
      setElderMode,
      hasRole: (...roles) => !!session && roles.some((r) => session.roles.includes(r)),
    }),
    [status, session, error, elderMode, refresh, setSession, setElderMode],
  )
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession(): SessionState {
  const ctx = useContext(SessionContext)
  if (!ctx) throw new Error('useSession needs <SessionProvider> (src/app.tsx)')
  return ctx
}
