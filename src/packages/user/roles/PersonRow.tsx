// One person in the roster: their roles (the branch sets them) and, for a 网格员, their buildings.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import type { OutputOf } from '@core/contract'
import type { GridMap, UserContract } from '@core/user/contract'
import { toggled } from '@core/user/form'
import { BRANCH_GRANTABLE, type Role } from '@core/roles'
import { userApi } from '../../../services/user'
import { roleLabel } from '../../../utils/format'
import { group, tappable } from '../../../components/Tappable'
import { AssignGrid } from './AssignGrid'

export type Person = OutputOf<UserContract['searchUsers']>['items'][number]

export function PersonRow({ person, editable, grid, onGridChanged }: { person: Person; editable: boolean; grid: GridMap | null; onGridChanged: () => void }) {
  const [roles, setRoles] = useState<Role[]>(person.roles)
  const [editing, setEditing] = useState(false)
  const [assigning, setAssigning] = useState(false)
  const [busy, setBusy] = useState(false)
  const toggle = (r: Role) => setRoles((cur) => toggled(cur, r))
  const save = async () => {
    setBusy(true)
    const res = await userApi.setRoles({ userId: person.userId, roles })
    setBusy(false)
    if (!res.ok) return void Taro.showModal({ title: '未能保存', content: res.message, showCancel: false })
    setRoles(res.data.roles)
    setEditing(false)
    void Taro.showToast({ title: '已保存', icon: 'success' })
  }
  return (
    <View className='ll-list-item js-person'>
      <View className='ll-row' style={{ justifyContent: 'space-between' }}>
        <View>
          <Text className='ll-block'>{person.displayName}</Text>
          <Text className='ll-muted'>{person.phoneMasked ?? '未留电话'}</Text>
        </View>
        {editable && !editing ? (
          <View className='ll-row'>
            {roles.includes('grid') && grid ? (
              <Button size='small' className='js-assign' onClick={() => setAssigning((v) => !v)}>
                分配楼栋
              </Button>
            ) : null}
            <Button size='small' className='js-edit-roles' onClick={() => setEditing(true)}>
              设置角色
            </Button>
          </View>
        ) : null}
      </View>
      {assigning && grid ? (
        <AssignGrid
          userId={person.userId}
          grid={grid}
          onDone={() => {
            setAssigning(false)
            onGridChanged()
          }}
        />
      ) : null}
      {editing ? (
        <>
          <View className='ll-choice-row' {...group('group', '角色')}>
            {BRANCH_GRANTABLE.map((r) => (
              <View key={r} className={`ll-choice ${roles.includes(r) ? 'is-selected' : ''}`} {...tappable(() => toggle(r), { role: 'checkbox', checked: roles.includes(r) })}>
                <Text>{roleLabel(r)}</Text>
              </View>
            ))}
          </View>
          <View className='ll-actions'>
            <Button size='small' onClick={() => (setRoles(person.roles), setEditing(false))}>
              取消
            </Button>
            <Button size='small' type='primary' loading={busy} className='js-save-roles' onClick={() => void save()}>
              保存
            </Button>
          </View>
        </>
      ) : (
        <View className='ll-row' style={{ marginTop: '8px' }}>
          {roles.length ? roles.map((r) => <Tag key={r} plain background='#c8161d'>{roleLabel(r)}</Tag>) : <Tag>访客</Tag>}
        </View>
      )}
    </View>
  )
}
