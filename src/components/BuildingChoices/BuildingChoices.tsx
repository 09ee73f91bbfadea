// The compound's buildings to choose from, several at once (an audience of 指定楼栋); asked for only
// when shown.
import { Text, View } from '@tarojs/components'
import { useResource } from '../../hooks/useResource'
import { userApi } from '../../services/user'
import { ErrorBlock, Loading } from '../StateView'
import { group, tappable } from '../Tappable'

export interface BuildingChoicesProps {
  selected: string[]
  onToggle: (buildingId: string) => void
}

export function BuildingChoices({ selected, onToggle }: BuildingChoicesProps) {
  const directory = useResource(() => userApi.directory({}))
  if (directory.error) return <ErrorBlock message={directory.error} onRetry={() => void directory.reload()} />
  if (!directory.data) return <Loading />
  return (
    <View className='ll-choice-row js-buildings' {...group('group', '楼栋')}>
      {directory.data.buildings.map((b) => (
        <View
          key={b.buildingId}
          className={`ll-choice js-building-${b.buildingId} ${selected.includes(b.buildingId) ? 'is-selected' : ''}`}
          {...tappable(() => onToggle(b.buildingId), { role: 'checkbox', checked: selected.includes(b.buildingId) })}
        >
          <Text>{b.name}</Text>
        </View>
      ))}
    </View>
  )
}

/** The list with one building added or taken away. */
export function toggled(ids: string[], id: string): string[] {
  return ids.includes(id) ? ids.filter((b) => b !== id) : [...ids, id]
}
