// The frame of every feature page: PageShell, the session's loading and error states, and who may
// open it; plus the refresh when a page shows again.
import { useRef, type PropsWithChildren, type ReactNode } from 'react'
import { useDidShow } from '@tarojs/taro'
import { useSession, type SessionState } from '../../store/session'
import { PageShell } from '../PageShell'
import { ErrorBlock, Loading } from '../StateView'

/**
 * `children` renders only once the session is ready and `allow` says yes, so no page asks the
 * cloud for something the caller cannot see.
 */
export function SessionPage(
  props: PropsWithChildren<{
    title: string
    subtitle?: string
    allow?: (s: SessionState) => boolean
    denied?: ReactNode
  }>,
) {
  const state = useSession()
  const { status, session, error, refresh } = state
  let body: ReactNode
  if (status === 'error') body = <ErrorBlock message={error ?? '加载失败'} onRetry={() => void refresh()} />
  else if (!session) body = <Loading />
  else if (props.allow && !props.allow(state)) body = props.denied ?? null
  else body = props.children
  return (
    <PageShell title={props.title} subtitle={props.subtitle}>
      {body}
    </PageShell>
  )
}

/**
 * Calls `reload` whenever the page shows again. A show right after mounting is skipped: the
 * mount already started the first load (and a component mounted after the page first showed
 * gets no such show at all, so counting shows would skip a real one).
 */
export function useRefreshOnShow(reload: () => unknown, loading = false): void {
  const mountedAt = useRef(Date.now())
  const shown = useRef(false)
  const busy = useRef(loading)
  busy.current = loading
  useDidShow(() => {
    // only the show that comes with the mount is skipped — soon after it, or (on a slow device) while
    // the mount's own load is still on its way; any later one (a quick back included) reloads
    const first = !shown.current
    shown.current = true
    if (first && (busy.current || Date.now() - mountedAt.current < 1000)) return
    void reload()
  })
}
