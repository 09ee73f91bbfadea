// 登记服务时长: the volunteer who claimed and finished a 求助 task enters the hours actually served; the
// record goes to the volunteer ledger (source 'task') for the grid or branch to verify.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Card } from '../../components/Card'
import { DateTimeField } from '../../components/DateTimeField'
import { useSubmit } from '../../hooks/useSubmit'
import { volunteerApi } from '../../services/volunteer'
import { volunteerContract } from '@core/volunteer/contract'
import { formDay, formTimeToIso } from '../../utils/formTime'

export function LogHours({ requestId, logged = false }: { requestId: string; logged?: boolean }) {
  // a start and an end each with its own date: a night's help may end after midnight
  const [start, setStart] = useState(formDay(0, '09:00'))
  const [end, setEnd] = useState(formDay(0, '10:00'))
  const [content, setContent] = useState('')
  const [done, setDone] = useState(false)
  const { busy, error, submit } = useSubmit(volunteerContract.logService.input, volunteerApi.logService)

  const send = async () => {
    const logged = await submit({ source: 'task' as const, sourceId: requestId, startAt: formTimeToIso(start), endAt: formTimeToIso(end), content: content.trim() || '邻里求助任务' })
    if (logged) setDone(true)
  }

  if (done || logged) {
    return (
      <Card title='服务时长' className='js-log-hours'>
        <Text className='ll-block js-log-hours-done'>已登记，待网格员或党支部核实后计入您的志愿服务时长。</Text>
      </Card>
    )
  }
  return (
    <Card title='登记服务时长' className='js-log-hours'>
      <Text className='ll-block ll-muted'>只记实际服务的时间，不含路上时间。</Text>
      <DateTimeField label='开始' name='log-start' value={start} onChange={setStart} />
      <DateTimeField label='结束' name='log-end' value={end} onChange={setEnd} />
      <View className='ll-field'>
        <Input className='js-log-content' value={content} maxLength={100} placeholder='做了什么（选填），如 帮忙扛米上楼' onChange={(v: string) => setContent(v)} />
      </View>
      {error ? <Text className='ll-error-text js-log-hours-error'>{error}</Text> : null}
      <Button type='primary' block loading={busy} disabled={busy} className='js-log-hours-submit' onClick={() => void send()}>
        登记服务时长
      </Button>
    </Card>
  )
}
