// The branch gives a 楼栋长/网格员 their buildings (and units as 单元长).
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { GridMap } from '@core/user/contract'
import { gridAssignmentInput, gridAssignmentOf, toggled, unitKey, type GridAssignment } from '@core/user/form'
import { userApi } from '../../../services/user'

export function AssignGrid({ userId, grid, onDone }: { userId: string; grid: GridMap; onDone: () => void }) {
  const [chosen, setChosen] = useState<GridAssignment>(() => gridAssignmentOf(grid, userId))
  const [busy, setBusy] = useState(false)
  const flip = (kind: keyof GridAssignment, key: string) => setChosen((c) => ({ ...c, [kind]: toggled(c[kind], key) }))
  const save = async () => {
    setBusy(true)
    const res = await userApi.assignGrid(gridAssignmentInput(userId, chosen))
    setBusy(false)
    if (!res.ok) return void Taro.showModal({ title: '未能保存', content: res.message, showCancel: false })
    void Taro.showToast({ title: '已分配', icon: 'success' })
    onDone()
  }
  return (
    <View className='js-assign-grid'>
      <Text className='ll-label'>负责的楼栋（楼栋长）</Text>
      <View className='ll-choice-row'>
        {grid.buildings.map((b) => (
          <View key={b.buildingId} className={`ll-choice js-assign-building ${chosen.buildings.includes(b.buildingId) ? 'is-selected' : ''}`} onClick={() => flip('buildings', b.buildingId)}>
            <Text>{b.name}</Text>
          </View>
        ))}
      </View>
      <Text className='ll-label'>负责的单元（单元长，可不选）</Text>
      <View className='ll-choice-row'>
        {grid.buildings.flatMap((b) =>
          b.units.map((u) => {
            const key = unitKey(b.buildingId, u.unit)
            return (
              <View key={key} className={`ll-choice js-assign-unit ${chosen.units.includes(key) ? 'is-selected' : ''}`} onClick={() => flip('units', key)}>
                <Text>{`${b.name}${u.unit}单元`}</Text>
              </View>
            )
          }),
        )}
      </View>
      <View className='ll-actions'>
        <Button size='small' type='primary' loading={busy} className='js-save-grid' onClick={() => void save()}>
          保存分配
        </Button>
      </View>
    </View>
  )
}
