// One remote read for a page: loading, error and data states, and a reload.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Envelope } from '@core/errors'

export interface Remote<T> {
  loading: boolean
  error: string | null
  data: T | null
  reload: () => Promise<void>
}

export function useRemote<T>(load: () => Promise<Envelope<T>>, deps: unknown[] = []): Remote<T> {
  const [state, setState] = useState<{ loading: boolean; error: string | null; data: T | null }>({ loading: true, error: null, data: null })
  const latest = useRef(0)
  const reload = useCallback(async () => {
    const call = ++latest.current
    setState((s) => ({ ...s, loading: true, error: null }))
    const res = await load()
    if (call !== latest.current) return
    setState(res.ok ? { loading: false, error: null, data: res.data } : { loading: false, error: res.message, data: null })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
  useEffect(() => {
    void reload()
  }, [reload])
  return { ...state, reload }
}
