// What a team's leaders see and do: members and pending records, approving, verifying, and the
// three answers that need a reason (decline an application, remove a member, send a record back).
import { useState } from 'react'
import { useResource } from '../../../hooks/useResource'
import { volunteerApi } from '../../../services/volunteer'
import { toast } from '../components'

export type Ask = { kind: 'decline' | 'remove' | 'reject'; id: string; name: string } | null

export const ASKS = {
  decline: { title: '不通过申请', tip: '理由会告诉申请人。', confirmText: '不通过' },
  remove: { title: '移出队伍', tip: '理由会记录在案，并告诉本人。', confirmText: '移出' },
  reject: { title: '退回服务记录', tip: '理由会告诉志愿者，可重新登记或申请更正。', confirmText: '退回' },
} as const

export function useLeading(teamId: string) {
  const members = useResource(() => volunteerApi.members({ teamId }), [teamId])
  const records = useResource(() => volunteerApi.pendingRecords({ teamId }), [teamId])
  const [ask, setAsk] = useState<Ask>(null)

  const approve = async (membershipId: string) => {
    const res = await volunteerApi.approve({ membershipId })
    if (!res.ok) return toast(res.message)
    toast('已批准', 'success')
    void members.reload()
  }
  const verify = async (recordId: string) => {
    const res = await volunteerApi.verifyService({ recordId })
    if (!res.ok) return toast(res.message)
    toast('已核实', 'success')
    void records.reload()
  }
  const answer = async (reason: string): Promise<string | null> => {
    if (!ask) return null
    const res =
      ask.kind === 'reject'
        ? await volunteerApi.rejectService({ recordId: ask.id, reason })
        : ask.kind === 'decline'
          ? await volunteerApi.decline({ membershipId: ask.id, reason })
          : await volunteerApi.remove({ membershipId: ask.id, reason })
    if (!res.ok) return res.message
    toast('已完成', 'success')
    setAsk(null)
    void (ask.kind === 'reject' ? records.reload() : members.reload())
    return null
  }

  const all = members.data?.items ?? []
  return {
    members,
    records,
    pending: all.filter((m) => m.status === 'pending'),
    active: all.filter((m) => m.status === 'active'),
    ask,
    setAsk,
    approve,
    verify,
    answer,
  }
}
