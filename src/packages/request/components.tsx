// Pieces shared by the 你呼我应 pages: big choice tiles, the role gate, and a paginated list.
import { useCallback, useEffect, useRef, useState, type PropsWithChildren, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { Envelope } from '../../../cloudfunctions/common/errors'
import { PageShell } from '../../components/PageShell'
import { ErrorBlock, Loading } from '../../components/StateView'
import { useSession, type SessionState } from '../../store/session'
import './request.scss'

export interface TileOption<T extends string> {
  value: T
  label: string
  desc?: string
  /** The stable e2e hook of this option, e.g. js-category-repair. */
  className: string
}

/** Large tap targets, one per option; `layout='list'` puts one option (with its explanation) per line. */
export function Tiles<T extends string>(props: {
  options: ReadonlyArray<TileOption<T>>
  value: T | null
  onChange: (v: T) => void
  layout?: 'grid' | 'list' | 'chips'
  className?: string
}) {
  const layout = props.layout ?? 'grid'
  return (
    <View className={`rq-tiles rq-tiles--${layout} ${props.className ?? ''}`}>
      {props.options.map((o) => {
        const selected = props.value === o.value
        return (
          <View
            key={o.value}
            className={`rq-tile ${o.className} ${selected ? 'is-selected' : ''}`}
            onClick={() => props.onChange(o.value)}
            aria-role='radio'
            aria-checked={selected}
          >
            <Text className='rq-tile__label'>{o.label}</Text>
            {o.desc ? <Text className='rq-tile__desc'>{o.desc}</Text> : null}
          </View>
        )
      })}
    </View>
  )
}

/**
 * Every request page: PageShell, the session's loading and error states, and who may open it.
 * `children` renders only once the session is ready and `allow` says yes, so no page asks the
 * cloud for something the caller cannot see.
 */
export function RequestPage(
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
export function useRefreshOnShow(reload: () => unknown): void {
  const mountedAt = useRef(Date.now())
  useDidShow(() => {
    if (Date.now() - mountedAt.current < 1000) return
    void reload()
  })
}

export interface PagedList<T> {
  items: T[]
  nextCursor: string | null
  loading: boolean
  loadingMore: boolean
  error: string | null
  /** The problem with the last 加载更多, shown under the list. */
  moreError: string | null
  loaded: boolean
  reload: () => Promise<void>
  loadMore: () => Promise<void>
}

/** One cursor-paginated list: first page on mount and on `reload`, further pages on `loadMore`. */
export function usePagedList<T>(
  fetch: (cursor: string | undefined) => Promise<Envelope<{ items: T[]; nextCursor: string | null }>>,
  deps: unknown[] = [],
): PagedList<T> {
  const [items, setItems] = useState<T[]>([])
  const [nextCursor, setNextCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [moreError, setMoreError] = useState<string | null>(null)
  const [loaded, setLoaded] = useState(false)
  const generation = useRef(0)

  const reload = useCallback(async () => {
    const call = ++generation.current
    setLoading(true)
    setError(null)
    setMoreError(null)
    const res = await fetch(undefined)
    if (call !== generation.current) return
    setLoading(false)
    if (!res.ok) return setError(res.message)
    setItems(res.data.items)
    setNextCursor(res.data.nextCursor)
    setLoaded(true)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)

  const loadMore = useCallback(async () => {
    if (!nextCursor || loadingMore) return
    const call = generation.current
    setLoadingMore(true)
    setMoreError(null)
    const res = await fetch(nextCursor)
    setLoadingMore(false)
    if (call !== generation.current) return
    if (!res.ok) return setMoreError(res.message)
    setItems((cur) => [...cur, ...res.data.items])
    setNextCursor(res.data.nextCursor)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nextCursor, loadingMore, ...deps])

  useEffect(() => {
    void reload()
  }, [reload])

  return { items, nextCursor, loading, loadingMore, error, moreError, loaded, reload, loadMore }
}

/** Loading / error / empty / rows / 加载更多 for a PagedList. */
export function PagedRows<T>(props: { list: PagedList<T>; empty: ReactNode; children: (items: T[]) => ReactNode }) {
  const { list } = props
  if (list.error) return <ErrorBlock message={list.error} onRetry={() => void list.reload()} />
  if (!list.loaded) return <Loading />
  if (!list.items.length) return <>{props.empty}</>
  return (
    <>
      {props.children(list.items)}
      {list.moreError ? <Text className='ll-error-text'>{list.moreError}</Text> : null}
      {list.nextCursor ? (
        <Button block fill='outline' loading={list.loadingMore} disabled={list.loadingMore} className='js-load-more' onClick={() => void list.loadMore()}>
          加载更多
        </Button>
      ) : (
        <Text className='ll-block ll-muted rq-end'>没有更多了</Text>
      )}
    </>
  )
}

/** 0.873 → "87.3%"; null (nothing to count) → "—". */
export function percent(rate: number | null): string {
  if (rate === null) return '—'
  return `${Math.round(rate * 1000) / 10}%`
}

/** 2 → "2小时", 168 → "7天". */
export function hoursText(hours: number): string {
  return hours < 48 ? `${hours}小时` : `${Math.round(hours / 24)}天`
}
