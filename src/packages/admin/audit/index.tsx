// 操作日志 (党支部、业委会、社区/街道): who did what to which record, when, with which role — filtered
// by compound (an officer's), person, action and record (each a prefix, e.g. request. or requests/)
// and period, newest first, one page at a time. Append-only: nothing here changes an entry.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { LEDGER_ROLES } from '@core/admin/rules'
import { Card } from '../../../components/Card'
import { PagedRows, usePagedList } from '../../../components/PagedList'
import { Empty } from '../../../components/StateView'
import { tappable } from '../../../components/Tappable'
import { adminApi, type AuditEntry } from '../../../services/admin'
import { dateTime } from '../../../utils/format'
import { AdminPage, dayBound, useRefreshOnShow } from '../components'
import { AuditFilter, NO_FILTER, type AuditFilterValue } from './AuditFilter'

function Entry({ e, onActor }: { e: AuditEntry; onActor: (actor: { id: string; name: string }) => void }) {
  const actorId = e.actorId
  return (
    <View className='adm-item js-audit-entry'>
      <View className='adm-item__head'>
        <Text className='adm-item__title js-audit-action'>{e.action}</Text>
        <Text className='ll-muted'>{dateTime(e.at)}</Text>
      </View>
      <Text className='ll-block ll-text-2'>
        {actorId ? (
          <Text className='adm-link js-audit-actor' {...tappable(() => onActor({ id: actorId, name: e.actorName }), { role: 'button', label: `只看${e.actorName}的操作` })}>
            {e.actorName}
          </Text>
        ) : (
          e.actorName
        )}
        {e.roles.length ? `（${e.roles.join('、')}）` : ''} · {e.target}
      </Text>
      {e.detail && e.detail !== '{}' ? <Text className='ll-block ll-muted'>{e.detail}</Text> : null}
    </View>
  )
}

function AuditLog() {
  const [draft, setDraft] = useState<AuditFilterValue>(NO_FILTER)
  const [applied, setApplied] = useState<AuditFilterValue>(NO_FILTER)
  const list = usePagedList<AuditEntry>(
    (cursor) =>
      adminApi.auditLog({
        ...(applied.compoundId ? { compoundId: applied.compoundId } : {}),
        ...(applied.actor ? { actorId: applied.actor.id } : {}),
        ...(applied.action ? { action: applied.action } : {}),
        ...(applied.target ? { target: applied.target } : {}),
        ...(applied.from ? { from: dayBound(applied.from) } : {}),
        ...(applied.to ? { to: dayBound(applied.to, true) } : {}),
        ...(cursor ? { cursor } : {}),
      }),
    [applied],
  )
  useRefreshOnShow(list.reload, list.loading)
  const set = (patch: Partial<AuditFilterValue>) => setDraft((d) => ({ ...d, ...patch }))
  const apply = (patch: Partial<AuditFilterValue> = {}) => {
    setDraft({ ...draft, ...patch })
    setApplied({ ...draft, ...patch })
  }
  return (
    <>
      <AuditFilter draft={draft} set={set} apply={apply} reset={() => apply({ ...NO_FILTER, compoundId: draft.compoundId })} />
      <PagedRows list={list} empty={<Empty text='没有符合条件的操作记录' />}>
        {(items) => (
          <Card title='操作记录（最新的在前）' className='js-audit-list'>
            {items.map((e) => (
              <Entry key={e.entryId} e={e} onActor={(actor) => apply({ actor })} />
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
