// A cursor-paginated list (first page on mount, 加载更多 for the rest) and its loading / error /
// empty / rows rendering.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Envelope } from '@core/errors'
import { ErrorBlock, Loading } from '../StateView'
import './PagedList.scss'

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
        <Text className='ll-block ll-muted ll-list-end'>没有更多了</Text>
      )}
    </>
  )
}
