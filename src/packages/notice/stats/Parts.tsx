// Pieces of 阅读统计: the ratio and bar, the table by building, and the unread rooms by building and unit.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Card } from '../../../components/Card'
import { Empty } from '../../../components/StateView'
import { group, tappable } from '../../../components/Tappable'
import type { ReadStats } from '../../../services/notice'

type Building = ReadStats['byBuilding'][number]
type UnreadBuilding = ReadStats['unreadByBuilding'][number]

/** 37 of 120 → '30.8%'; nothing to count → '—'. */
export function ratio(read: number, total: number): string {
  if (total <= 0) return '—'
  return `${Math.round((read / total) * 1000) / 10}%`
}

export function Bar({ read, total }: { read: number; total: number }) {
  const width = total > 0 ? Math.min(100, Math.round((read / total) * 100)) : 0
  return (
    <View className='ntc-bar' {...group('progressbar', `已读 ${width}%`)} aria-valuenow={width} aria-valuemin={0} aria-valuemax={100}>
      <View className='ntc-bar__fill' style={{ width: `${width}%` }} />
    </View>
  )
}

export function ByBuilding({ rows }: { rows: Building[] }) {
  return (
    <Card title='各楼栋阅读情况' className='js-by-building'>
      <View className='ntc-table'>
        <View className='ntc-table__row ntc-table__row--head'>
          <Text className='ntc-table__cell ntc-table__cell--key'>楼栋</Text>
          <Text className='ntc-table__cell ntc-table__cell--num'>已读户</Text>
          <Text className='ntc-table__cell ntc-table__cell--num'>总户数</Text>
          <Text className='ntc-table__cell ntc-table__cell--num'>比例</Text>
        </View>
        {rows.map((b) => (
          <View key={b.buildingId} className={`ntc-table__row js-by-building-${b.buildingId}`}>
            <Text className='ntc-table__cell ntc-table__cell--key'>{b.buildingName}</Text>
            <Text className='ntc-table__cell ntc-table__cell--num'>{b.read}</Text>
            <Text className='ntc-table__cell ntc-table__cell--num'>{b.total}</Text>
            <Text className='ntc-table__cell ntc-table__cell--num'>{ratio(b.read, b.total)}</Text>
          </View>
        ))}
      </View>
    </Card>
  )
}

export function UnreadBuildingBlock({ b, open, onToggle }: { b: UnreadBuilding; open: boolean; onToggle: () => void }) {
  const count = b.units.reduce((n, u) => n + u.households.length, 0)
  return (
    <View className={`ntc-building js-unread-building-${b.buildingId} ${open ? 'is-open' : ''}`}>
      <View className='ntc-building__head js-unread-building-toggle' {...tappable(onToggle, { expanded: open })}>
        <Text className='ntc-building__name'>{b.buildingName}</Text>
        <Text className='ll-muted'>
          未读 {count} 户 {open ? '▾' : '▸'}
        </Text>
      </View>
      {open
        ? b.units.map((u) => (
            <View key={u.unit} className={`ntc-unit js-unread-unit js-unread-unit-${u.unit}`}>
              <Text className='ntc-unit__label'>
                {u.unit}单元 · {u.households.length} 户
              </Text>
              <View className='ntc-rooms'>
                {u.households.map((h) => (
                  <Text key={h.householdId} className='ntc-room js-unread-room'>
                    {h.room}
                  </Text>
                ))}
              </View>
            </View>
          ))
        : null}
    </View>
  )
}

export function Unread({ buildings }: { buildings: UnreadBuilding[] }) {
  // one building (a 楼栋长's, or a filter) opens by itself; several start closed
  const [open, setOpen] = useState<Record<string, boolean>>({})
  const isOpen = (id: string) => open[id] ?? buildings.length === 1
  const total = buildings.reduce((n, b) => n + b.units.reduce((m, u) => m + u.households.length, 0), 0)
  return (
    <Card title='未读住户' className='js-unread-households'>
      {total ? (
        <>
          <Text className='ll-block ll-muted'>点楼栋展开，按单元列出还没有人读过的房号，方便上门告知。</Text>
          {buildings.map((b) => (
            <UnreadBuildingBlock key={b.buildingId} b={b} open={isOpen(b.buildingId)} onToggle={() => setOpen({ ...open, [b.buildingId]: !isOpen(b.buildingId) })} />
          ))}
        </>
      ) : (
        <Empty text='所有住户都已阅读' />
      )}
    </Card>
  )
}

