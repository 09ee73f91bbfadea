// 监票人: search people by name or phone and add them (at most 9); tap a chosen one to remove them.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import type { OutputOf } from '@core/contract'
import { addAuditor, type Auditor } from '@core/convention/form'
import type { UserContract } from '@core/user/contract'
import { group, tappable } from '../../../components/Tappable'
import { userApi } from '../../../services/user'

type Person = OutputOf<UserContract['searchUsers']>['items'][number]

/** Search people by name or phone and add them as auditors (at most 9). */
export function AuditorPicker({ chosen, onChange }: { chosen: Auditor[]; onChange: (a: Auditor[]) => void }) {
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<Person[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const search = async () => {
    const q = query.trim()
    const res = await userApi.searchUsers(q ? { query: q, limit: 20 } : { limit: 20 })
    if (!res.ok) return setError(res.message)
    setError(null)
    setFound(res.data.items)
  }
  const has = (id: string) => chosen.some((a) => a.userId === id)
  const add = (person: Auditor) => {
    const next = addAuditor(chosen, person)
    if (next) onChange(next)
  }
  return (
    <View className='js-auditors'>
      {chosen.map((a) => (
        <View key={a.userId} className={`ll-choice is-selected js-auditor-${a.userId}`} {...tappable(() => onChange(chosen.filter((c) => c.userId !== a.userId)), { label: `移除监票人${a.name}` })}>
          <Text>{`${a.name} ✕`}</Text>
        </View>
      ))}
      <View className='cv-inline'>
        <View className='ll-field'>
          <Input className='js-auditor-query' placeholder='姓名或手机号' value={query} maxLength={20} onChange={(v: string) => setQuery(v)} />
        </View>
        <Button size='small' type='primary' className='js-auditor-search' onClick={() => void search()}>
          搜索
        </Button>
      </View>
      {error ? <Text className='ll-error-text'>{error}</Text> : null}
      {found && !found.length ? <Text className='ll-block ll-muted'>没有找到</Text> : null}
      <View className='ll-choice-row' {...group('group', '搜索结果')}>
        {(found ?? []).map((p) => (
          <View
            key={p.userId}
            className={`ll-choice js-person-${p.userId} ${has(p.userId) ? 'is-selected' : ''}`}
            {...tappable(() => add({ userId: p.userId, name: p.displayName }), { role: 'checkbox', checked: has(p.userId) })}
          >
            <Text className='ll-block'>{p.displayName}</Text>
            <Text className='ll-block ll-muted'>{p.household ?? p.phoneMasked ?? ''}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
