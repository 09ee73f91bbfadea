// 操作日志 (党支部、业委会、社区/街道): who did what to which record, when, with which role — filtered
// by action and record (each a prefix, e.g. request. or requests/) and period, newest first, one page
// at a time. Append-only: nothing here changes an entry.
import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { LEDGER_ROLES } from '@core/admin/rules'
import { Card } from '../../../components/Card'
import { PagedRows, usePagedList } from '../../../components/PagedList'
import { Empty } from '../../../components/StateView'
import { adminApi, type AuditEntry } from '../../../services/admin'
import { dateTime } from '../../../utils/format'
import { AdminPage, Chips, dayBound, useRefreshOnShow } from '../components'

interface Filter {
  action: string
  target: string
  from: string
  to: string
}

const EMPTY: Filter = { action: '', target: '', from: '', to: '' }

const QUICK = [
  { value: '', label: '全部操作', className: 'js-action-all' },
  { value: 'request.', label: '反映', className: 'js-action-request' },
  { value: 'admin.', label: '工作台', className: 'js-action-admin' },
  { value: 'notice.', label: '通知', className: 'js-action-notice' },
  { value: 'user.', label: '人员', className: 'js-action-user' },
]

function Entry({ e }: { e: AuditEntry }) {
  return (
    <View className='adm-item js-audit-entry'>
      <View className='adm-item__head'>
        <Text className='adm-item__title js-audit-action'>{e.action}</Text>
        <Text className='ll-muted'>{dateTime(e.at)}</Text>
      </View>
      <Text className='ll-block ll-text-2'>
        {e.actorName}
        {e.roles.length ? `（${e.roles.join('、')}）` : ''} · {e.target}
      </Text>
      {e.detail && e.detail !== '{}' ? <Text className='ll-block ll-muted'>{e.detail}</Text> : null}
    </View>
  )
}

function AuditLog() {
  const [draft, setDraft] = useState<Filter>(EMPTY)
  const [applied, setApplied] = useState<Filter>(EMPTY)
  const list = usePagedList<AuditEntry>(
    (cursor) =>
      adminApi.auditLog({
        ...(applied.action ? { action: applied.action } : {}),
        ...(applied.target ? { target: applied.target } : {}),
        ...(applied.from ? { from: dayBound(applied.from) } : {}),
        ...(applied.to ? { to: dayBound(applied.to, true) } : {}),
        ...(cursor ? { cursor } : {}),
      }),
    [applied],
  )
  useRefreshOnShow(list.reload, list.loading)
  const set = (patch: Partial<Filter>) => setDraft((d) => ({ ...d, ...patch }))
  return (
    <>
      <Card title='筛选' className='js-audit-filter'>
        <Chips
          label='操作类别'
          options={QUICK}
          value={QUICK.some((q) => q.value === draft.action) ? draft.action : '__typed'}
          onChange={(action) => {
            set({ action })
            setApplied({ ...draft, action })
          }}
        />
        <View className='adm-field'>
          <Text className='adm-label'>操作（开头匹配，如 admin.moderate）</Text>
          <View className='adm-input'>
            <Input className='js-filter-action' placeholder='如 request.resolve' value={draft.action} onChange={(v: string) => set({ action: v.trim() })} />
          </View>
        </View>
        <View className='adm-field'>
          <Text className='adm-label'>记录（开头匹配，如 requests/ 或 exports/）</Text>
          <View className='adm-input'>
            <Input className='js-filter-target' placeholder='如 requests/' value={draft.target} onChange={(v: string) => set({ target: v.trim() })} />
          </View>
        </View>
        <Text className='adm-label'>时间段</Text>
        <View className='adm-pickers'>
          <Picker mode='date' className='adm-pickers__one' value={draft.from} onChange={(e) => set({ from: String(e.detail.value) })}>
            <View className='adm-picker js-pick-from'>
              <Text>{draft.from ? `从 ${draft.from}` : '开始日期'}</Text>
            </View>
          </Picker>
          <Picker mode='date' className='adm-pickers__one' value={draft.to} onChange={(e) => set({ to: String(e.detail.value) })}>
            <View className='adm-picker js-pick-to'>
              <Text>{draft.to ? `到 ${draft.to}` : '结束日期'}</Text>
            </View>
          </Picker>
        </View>
        <View className='adm-actions'>
          <Button type='primary' className='js-filter-apply' onClick={() => setApplied(draft)}>
            查询
          </Button>
          <Button
            className='js-filter-reset'
            onClick={() => {
              setDraft(EMPTY)
              setApplied(EMPTY)
            }}
          >
            清除筛选
          </Button>
        </View>
      </Card>
      <PagedRows list={list} empty={<Empty text='没有符合条件的操作记录' />}>
        {(items) => (
          <Card title='操作记录（最新的在前）' className='js-audit-list'>
            {items.map((e) => (
              <Entry key={e.entryId} e={e} />
            ))}
          </Card>
        )}
      </PagedRows>
    </>
  )
}

export default function AuditPage() {
  return (
    <AdminPage title='操作日志' subtitle='谁在什么时候做了什么（只能查看，不能修改）' allow={(s) => s.hasRole(...LEDGER_ROLES)} denied={<Empty text='操作日志供党支部、业委会和社区/街道查看' />}>
      <AuditLog />
    </AdminPage>
  )
}
