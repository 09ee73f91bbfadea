// 辖区小区 for an officer: which compound in scope a ledger or the audit log is of (admin.compounds
// lists them). Nobody else has a choice: their own compound, and no picker.
import { Text, View } from '@tarojs/components'
import { adminApi } from '../../services/admin'
import { useResource } from '../../hooks/useResource'
import { useSession } from '../../store/session'
import { Chips } from './components'

function Picker({ value, onChange }: { value: string; onChange: (compoundId: string) => void }) {
  const list = useResource(() => adminApi.compounds({}))
  const items = list.data?.items ?? []
  if (items.length < 2) return null
  return (
    <View className='js-compound-picker'>
      <Text className='adm-label'>小区</Text>
      <Chips
        label='小区'
        options={items.map((c) => ({ value: c.compoundId, label: c.name, className: `js-compound-${c.compoundId}` }))}
        value={value || items[0].compoundId}
        onChange={onChange}
      />
    </View>
  )
}

export function CompoundPicker({ value, onChange }: { value: string; onChange: (compoundId: string) => void }) {
  const { hasRole } = useSession()
  return hasRole('officer') ? <Picker value={value} onChange={onChange} /> : null
}
