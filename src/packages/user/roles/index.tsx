// 人员与角色 (branch; committee reads): find a person, set their roles. Every change is audited.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input, Tag } from '@nutui/nutui-react-taro'
import type { OutputOf } from '@core/contract'
import type { UserContract } from '@core/user/contract'
import { BRANCH_GRANTABLE, type Role } from '@core/roles'
import { Card } from '../../../components/Card'
import { PageShell } from '../../../components/PageShell'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { userApi } from '../../../services/user'
import { useSession } from '../../../store/session'
import { useRemote } from '../../../store/useRemote'
import { roleLabel } from '../../../utils/format'
import { group, tappable } from '../../../components/Tappable'

type Person = OutputOf<UserContract['searchUsers']>['items'][number]

function PersonRow({ person, editable }: { person: Person; editable: boolean }) {
  const [roles, setRoles] = useState<Role[]>(person.roles)
  const [editing, setEditing] = useState(false)
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
          <Button size='small' className='js-edit-roles' onClick={() => setEditing(true)}>
            设置角色
          </Button>
        ) : null}
      </View>
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
  const list = useRemote(() => userApi.searchUsers({ query: submitted || undefined, limit: 30 }), [submitted])

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
      {list.error ? <ErrorBlock message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && !list.data.items.length ? <Empty text='没有找到相关人员' /> : null}
      {list.data?.items.length ? (
        <Card>
          {list.data.items.map((p) => (
            <PersonRow key={p.userId} person={p} editable={hasRole('branch')} />
          ))}
        </Card>
      ) : null}
    </PageShell>
  )
}
