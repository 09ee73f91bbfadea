// One team as the function shows it to the caller (reloaded when the page shows again), and what the
// caller may do with it: book or cancel a shift, check in and out with the leader's code, leave.
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { useResource } from '../../../hooks/useResource'
import { firstProblem } from '../../../services/validate'
import { volunteerApi } from '../../../services/volunteer'
import { volunteerContract } from '@core/volunteer/contract'
import { toast } from '../components'

export function useTeam(teamId: string) {
  const team = useResource(() => volunteerApi.getTeam({ teamId }), [teamId], { refreshOnShow: true })
  /** The shift being booked or cancelled. */
  const [busy, setBusy] = useState<string | null>(null)
  const reload = () => void team.reload()

  const book = async (shiftId: string, cancel: boolean) => {
    setBusy(shiftId)
    const res = cancel ? await volunteerApi.cancelShift({ shiftId }) : await volunteerApi.bookShift({ shiftId })
    setBusy(null)
    if (!res.ok) return toast(res.message)
    toast(res.data.status === 'full' ? '名额已满' : res.data.status === 'booked' ? '预约成功' : '已取消预约', res.data.status === 'full' ? 'none' : 'success')
    reload()
  }

  const check = async (shiftId: string, kind: 'in' | 'out', code: string): Promise<string | null> => {
    const data = { shiftId, kind, code }
    const problem = firstProblem(volunteerContract.shiftCheck.input, data)
    if (problem) return problem
    const res = await volunteerApi.shiftCheck(data)
    if (!res.ok) return res.message
    toast(kind === 'in' ? '签到成功' : '签退成功，服务时长已登记', 'success')
    reload()
    return null
  }

  const leave = async (name: string) => {
    const answer = await Taro.showModal({ title: '退出队伍', content: `确定退出「${name}」吗？之后如需参加要重新报名。`, confirmText: '退出', cancelText: '再想想' })
    if (!answer.confirm) return
    const res = await volunteerApi.leave({ teamId })
    if (!res.ok) return toast(res.message)
    toast('已退出', 'success')
    reload()
  }

  return { team, busy, reload, book, check, leave }
}
