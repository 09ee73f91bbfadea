// 小区–楼栋–单元–户: who leads each building and unit, and how many households each has.
import { Text, View } from '@tarojs/components'
import type { GridMap } from '@core/user/contract'
import { Card } from '../../../components/Card'

export function GridCard({ grid }: { grid: GridMap }) {
  const names = (people: GridMap['buildings'][number]['grid']) => (people.length ? people.map((p) => p.displayName).join('、') : '未分配')
  return (
    <Card title={`网格 · 全小区 ${grid.households} 户`} className='js-grid-map'>
      {grid.buildings.map((b) => (
        <View key={b.buildingId} className='ll-list-item js-grid-building'>
          <Text className='ll-block'>
            {b.name} · {b.households} 户 · 楼栋长：{names(b.grid)}
          </Text>
          {b.units.map((u) => (
            <Text key={u.unit} className='ll-block ll-muted'>
              {u.unit}单元 · {u.households} 户 · 单元长：{names(u.leaders)}
            </Text>
          ))}
        </View>
      ))}
    </Card>
  )
}
