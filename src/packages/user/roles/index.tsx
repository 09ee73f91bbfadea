// 人员与角色 (branch; committee reads): the grid (小区–楼栋–单元–户) with its 楼栋长 and 单元长; find a
// person, set their roles, give a 楼栋长/网格员 their buildings. Every change is audited.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input, Tag } from '@nutui/nutui-react-taro'
import type { OutputOf } from '@core/contract'
import type { GridMap, UserContract } from '@core/user/contract'
import { BRANCH_GRANTABLE, type Role } from '@core/roles'
import { Card } from '../../../components/Card'
import { PageShell } from '../../../components/PageShell'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { userApi } from '../../../services/user'
import { useSession } from '../../../store/session'
import { useResource } from '../../../hooks/useResource'
import { roleLabel } from '../../../utils/format'
import { group, tappable } from '../../../components/Tappable'

type Person = OutputOf<UserContract['searchUsers']>['items'][number]

/** 小区–楼栋–单元–户: who leads each building and unit, and how many households each has. */
function GridCard({ grid }: { grid: GridMap }) {
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

/** The branch gives a 楼栋长/网格员 their buildings (and units as 单元长). */
function AssignGrid({ person, grid, onDone }: { person: Person; grid: GridMap; onDone: () => void }) {
  const mine = (b: GridMap['buildings'][number]) => b.grid.some((g) => g.userId === person.userId)
  const [buildings, setBuildings] = useState<string[]>(grid.buildings.filter(mine).map((b) => b.buildingId))
  const [units, setUnits] = useState<string[]>(
    grid.buildings.flatMap((b) => b.units.filter((u) => u.leaders.some((l) => l.userId === person.userId)).map((u) => `${b.buildingId}:${u.unit}`)),
  )
  const [busy, setBusy] = useState(false)
  const flip = (list: string[], set: (v: string[]) => void, key: string) => set(list.includes(key) ? list.filter((k) => k !== key) : [...list, key])
  const save = async () => {
    setBusy(true)
    const res = await userApi.assignGrid({
      userId: person.userId,
      buildingIds: buildings,
      units: units.map((k) => ({ buildingId: k.split(':')[0], unit: k.split(':')[1] })),
    })
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
          <View key={b.buildingId} className={`ll-choice js-assign-building ${buildings.includes(b.buildingId) ? 'is-selected' : ''}`} onClick={() => flip(buildings, setBuildings, b.buildingId)}>
            <Text>{b.name}</Text>
          </View>
        ))}
      </View>
      <Text className='ll-label'>负责的单元（单元长，可不选）</Text>
      <View className='ll-choice-row'>
        {grid.buildings.flatMap((b) =>
          b.units.map((u) => {
            const key = `${b.buildingId}:${u.unit}`
            return (
              <View key={key} className={`ll-choice js-assign-unit ${units.includes(key) ? 'is-selected' : ''}`} onClick={() => flip(units, setUnits, key)}>
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

function PersonRow({ person, editable, grid, onGridChanged }: { person: Person; editable: boolean; grid: GridMap | null; onGridChanged: () => void }) {
  const [roles, setRoles] = useState<Role[]>(person.roles)
  const [editing, setEditing] = useState(false)
  const [assigning, setAssigning] = useState(false)
  const [busy, setBusy] = useState(false)
  const toggle = (r: Role) => setRoles((cur) => (cur.includes(r) ? cur.filter((x) => x !== r) : [...cur, r]))
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
          person={person}
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

export default function Roles() {
  const { hasRole, status } = useSession()
  const [query, setQuery] = useState('')
  const [submitted, setSubmitted] = useState('')
  const list = useResource(() => userApi.searchUsers({ query: submitted || undefined, limit: 30 }), [submitted])
  const grid = useResource(() => userApi.gridMap({}))

  if (status === 'ready' && !hasRole('branch', 'committee')) {
    return (
      <PageShell title='人员与角色'>
        <Empty text='只有党支部和业委会可以查看人员名册' />
      </PageShell>
    )
  }
  return (
    <PageShell title='人员与角色' subtitle='角色变更会记入审计日志'>
      <View className='ll-row'>
        <View className='ll-field' style={{ flex: 1 }}>
          <Input className='js-search' placeholder='按称呼搜索' value={query} onChange={(v: string) => setQuery(v)} />
        </View>
        <Button type='primary' size='small' className='js-search-go' onClick={() => setSubmitted(query.trim())}>
          搜索
        </Button>
      </View>
      {grid.data ? <GridCard grid={grid.data} /> : null}
      {list.error ? <ErrorBlock message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && !list.data.items.length ? <Empty text='没有找到相关人员' /> : null}
      {list.data?.items.length ? (
        <Card>
          {list.data.items.map((p) => (
            <PersonRow key={p.userId} person={p} editable={hasRole('branch')} grid={grid.data} onGridChanged={() => void grid.reload()} />
          ))}
        </Card>
      ) : null}
    </PageShell>
  )
}
