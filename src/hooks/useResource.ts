// One remote read for a page or a part of one: loading, error and data states, a reload, a way to
// put what an action returned in place of the data, and (optionally) a reload when the page shows
// again. Every detail page and card loads through it; lists use components/PagedList.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Envelope } from '@core/errors'
import { useRefreshOnShow } from '../components/SessionPage'

export interface Resource<T> {
  loading: boolean
  error: string | null
  data: T | null
  reload: () => Promise<void>
  /** Puts `data` in place (e.g. the view an action answered with) without a read. */
  setData: (data: T) => void
}

export interface ResourceOptions {
  /** Reload when the page shows again (back from a page that may have changed it). */
  refreshOnShow?: boolean
}

export function useResource<T>(load: () => Promise<Envelope<T>>, deps: unknown[] = [], options: ResourceOptions = {}): Resource<T> {
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
  const setData = useCallback((data: T) => {
    // an answer that arrives after this replaces nothing
    latest.current++
    setState({ loading: false, error: null, data })
  }, [])
  useEffect(() => {
    void reload()
  }, [reload])
  useRefreshOnShow(options.refreshOnShow ? reload : noop, state.loading)
  return { ...state, reload, setData }
}

const noop = () => undefined
