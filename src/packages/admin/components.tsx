// Pieces shared by the 工作台 pages: the page frame, ?param=, filter chips, rates as percentages, and
// the table every figure is shown in (a chart beside it is only a picture of the same numbers).
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { group, tappable } from '../../components/Tappable'
import './admin.scss'

export { SessionPage as AdminPage, useRefreshOnShow } from '../../components/SessionPage'

/** Reads `?name=` of this page ('' when there is none). */
export function useParam(name: string): string {
  const v = useRouter()?.params?.[name] ?? ''
  try {
    return decodeURIComponent(v)
  } catch {
    return v
  }
}

export { dayBound } from '@core/admin/form'

/** 0.873 → '87.3%'; null (nothing counts yet) → '暂无'. */
export function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '暂无'
  return `${Math.round(rate * 1000) / 10}%`
}

/** 90 minutes → '1.5 小时'. */
export function hoursOf(minutes: number): string {
  return `${Math.round((minutes / 60) * 10) / 10} 小时`
}

export { Chips, type Chip } from '../../components/Chips'

export interface Column<R> {
  title: string
  cell: (row: R) => ReactNode
  /** The key column (left-aligned, wider); the others are numbers. */
  key?: boolean
}

/**
 * A table of figures, announced as a table to screen readers. `bar` adds a CSS bar under a row (a
 * fraction 0..1), so the table reads as a chart even where no chart is drawn.
 */
export function DataTable<R>({ caption, columns, rows, rowKey, rowClass, bar, onRow, wide }: {
  caption: string
  columns: ReadonlyArray<Column<R>>
  rows: ReadonlyArray<R>
  rowKey: (r: R) => string
  rowClass?: (r: R) => string
  bar?: (r: R) => number | null
  onRow?: (r: R) => void
  /** Many columns: the table keeps its width and scrolls sideways on a phone. */
  wide?: boolean
}) {
  return (
    <View className={`adm-table ${wide ? 'adm-table--wide' : ''}`} {...group('table', caption)}>
      <View className='adm-table__row adm-table__row--head' {...group('row')}>
        {columns.map((c) => (
          <Text key={c.title} className={`adm-table__cell ${c.key ? 'adm-table__cell--key' : ''}`} {...group('columnheader')}>
            {c.title}
          </Text>
        ))}
      </View>
      {rows.map((r) => {
        const fill = bar?.(r)
        return (
          <View key={rowKey(r)} className={`adm-table__group ${rowClass?.(r) ?? ''}`}>
            {/* a row that opens something stays a row: the mouse may click anywhere on it, while the
                key cell holds the link that the keyboard and screen readers reach */}
            <View className={`adm-table__row ${onRow ? 'is-link' : ''}`} {...group('row')} onClick={onRow ? () => onRow(r) : undefined}>
              {columns.map((c, i) => (
                <Text key={c.title} className={`adm-table__cell ${c.key ? 'adm-table__cell--key' : ''}`} {...group('cell')}>
                  {onRow && i === 0 ? (
                    <Text className='adm-row-link' {...tappable(() => onRow(r), { role: 'link', clickFromParent: true })}>
                      {c.cell(r)}
                    </Text>
                  ) : (
                    c.cell(r)
                  )}
                </Text>
              ))}
            </View>
            {fill !== undefined ? <Meter value={fill} /> : null}
          </View>
        )
      })}
    </View>
  )
}

/** A fraction 0..1 as a thin bar (hidden from screen readers: the table beside it says the number). */
export function Meter({ value }: { value: number | null }) {
  const width = value === null ? 0 : Math.max(0, Math.min(100, Math.round(value * 100)))
  return (
    <View className='adm-meter' aria-hidden='true'>
      <View className='adm-meter__fill' style={{ width: `${width}%` }} />
    </View>
  )
}

/** Big figures side by side: `[{ label: '响应率', value: '87.3%' }]`. */
export function Figures({ items, className }: { items: ReadonlyArray<{ label: string; value: string; className: string }>; className?: string }) {
  return (
    <View className={`adm-figures ${className ?? ''}`}>
      {items.map((f) => (
        <View key={f.label} className={`adm-figure ${f.className}`}>
          <Text className='adm-figure__value'>{f.value}</Text>
          <Text className='adm-figure__label'>{f.label}</Text>
        </View>
      ))}
    </View>
  )
}
