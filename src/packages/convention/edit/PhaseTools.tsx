// 开始征求意见 (with an optional closing time) and 撤回 (with a reason): what the drafters may do with
// an existing draft.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { consultationEndProblem, startConsultationInput } from '@core/convention/form'
import { Card } from '../../../components/Card'
import { Toggle } from '../../../components/Toggle'
import { conventionUrl } from '../../../routes'
import { conventionApi, type ConventionView } from '../../../services/convention'
import { conventionContract } from '@core/convention/contract'
import { firstIssue } from '../../../services/validate'
import { formDay } from '../../../utils/formTime'
import { DateTimeField, TextDialog, toast } from '../components'

/** Consultation and withdrawal: what the drafters may do with an existing draft. */
export function PhaseTools({ v }: { v: ConventionView }) {
  const [withdrawing, setWithdrawing] = useState(false)
  const [busy, setBusy] = useState(false)
  const [until, setUntil] = useState<string | null>(null)
  if (!v.can.startConsultation && !v.can.withdraw) return null
  const consult = async () => {
    const late = consultationEndProblem(until, new Date())
    if (late) return toast(late)
    setBusy(true)
    const res = await conventionApi.startConsultation(startConsultationInput(v.conventionId, until))
    setBusy(false)
    if (!res.ok) return toast(res.message)
    toast('已开始征求意见', 'success')
    void Taro.redirectTo({ url: conventionUrl(v.conventionId) })
  }
  const withdraw = async (reason: string) => {
    const data = { conventionId: v.conventionId, reason }
    const problem = firstIssue(conventionContract.withdraw.input, data)
    if (problem) return problem.message
    const res = await conventionApi.withdraw(data)
    if (!res.ok) return res.message
    setWithdrawing(false)
    toast('已撤回')
    void Taro.redirectTo({ url: conventionUrl(v.conventionId) })
    return null
  }
  return (
    <Card title='征求意见与撤回' className='js-phase-tools'>
      {v.can.startConsultation ? (
        <>
          <View className='cv-inline'>
            <Text className='ll-label'>设置征求意见截止时间</Text>
            <Toggle checked={!!until} onChange={(on) => setUntil(on ? formDay(14, '20:00') : null)} label='设置征求意见截止时间' className='js-consultation-until' />
          </View>
          {until ? <DateTimeField label='截止时间' name='consultation-end' value={until} onChange={setUntil} /> : null}
        </>
      ) : null}
      <View className='cv-buttons'>
        {v.can.startConsultation ? (
          <Button size='large' type='primary' loading={busy} disabled={busy} className='js-start-consultation' onClick={() => void consult()}>
            开始征求意见
          </Button>
        ) : null}
        {v.can.withdraw ? (
          <Button size='large' fill='outline' className='js-withdraw' onClick={() => setWithdrawing(true)}>
            撤回公约
          </Button>
        ) : null}
      </View>
      <TextDialog visible={withdrawing} title='撤回公约' name='withdraw' hint='撤回后不能恢复，居民会看到撤回原因。' placeholder='撤回原因' confirmText='撤回' maxLength={200} submit={withdraw} onClose={() => setWithdrawing(false)} />
    </Card>
  )
}
