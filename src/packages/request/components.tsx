// Pieces shared by the 你呼我应 pages: big choice tiles, the role gate, and a paginated list.
import { Text, View } from '@tarojs/components'
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
