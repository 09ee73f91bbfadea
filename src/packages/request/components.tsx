// Pieces shared by the 你呼我应 pages: big choice tiles, the role gate, a paginated list, 我也遇到.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { requestApi, type RequestSummary } from '../../services/request'
import { group, tappable } from '../../components/Tappable'
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
  /** What is being chosen, for a screen reader (e.g. 反映类别). */
  label?: string
}) {
  const layout = props.layout ?? 'grid'
  return (
    <View className={`rq-tiles rq-tiles--${layout} ${props.className ?? ''}`} {...group('radiogroup', props.label)}>
      {props.options.map((o) => {
        const selected = props.value === o.value
        return (
          <View
            key={o.value}
            className={`rq-tile ${o.className} ${selected ? 'is-selected' : ''}`}
            {...tappable(() => props.onChange(o.value), { role: 'radio', checked: selected })}
          >
            <Text className='rq-tile__label'>{o.label}</Text>
            {o.desc ? <Text className='rq-tile__desc'>{o.desc}</Text> : null}
          </View>
        )
      })}
    </View>
  )
}

// The page frame and the paginated list are shared with the other features' subpackages.
export { SessionPage as RequestPage, useRefreshOnShow } from '../../components/SessionPage'
export { PagedRows, usePagedList, type PagedList } from '../../components/PagedList'

/** 0.873 → "87.3%"; null (nothing to count) → "—". */
export function percent(rate: number | null): string {
  if (rate === null) return '—'
  return `${Math.round(rate * 1000) / 10}%`
}

/** 2 → "2小时", 168 → "7天". */
export function hoursText(hours: number): string {
  return hours < 48 ? `${hours}小时` : `${Math.round(hours / 24)}天`
}

/** The 我也遇到 button: the count, and whether I already joined (my own reports show no button). */
export function MetooButton({ item }: { item: RequestSummary }) {
  const [count, setCount] = useState(item.metooCount)
  const [joined, setJoined] = useState(item.metooed)
  const [busy, setBusy] = useState(false)
  // whether the button applies is the function's call (canMetoo); the page only shows it
  if (!item.canMetoo && !joined) return <Text className='ll-muted js-metoo-count'>{count ? `${count} 位邻居也遇到` : item.mine ? '我反映的' : ''}</Text>
  const join = async () => {
    setBusy(true)
    const res = await requestApi.metoo({ requestId: item.requestId })
    setBusy(false)
    if (!res.ok) return void Taro.showToast({ title: res.message, icon: 'none' })
    setCount(res.data.metooCount)
    setJoined(true)
  }
  return (
    <Button
      size='small'
      type={joined ? 'default' : 'primary'}
      disabled={joined || busy}
      loading={busy}
      className='js-metoo'
      onClick={(e) => {
        e.stopPropagation()
        void join()
      }}
    >
      {joined ? `已表示也遇到 · ${count}` : `我也遇到${count ? ` · ${count}` : ''}`}
    </Button>
  )
}
