// One service record with its status; a verified or pending one can be asked to be corrected.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { SOURCE_LABELS } from '@core/volunteer/rules'
import { tappable } from '../../../components/Tappable'
import type { RecordView } from '../../../services/volunteer'
import { beijing, eventTimeRange } from '../../../utils/format'
import { DateTimeField, RecordStatusTag } from '../components'
import { useCorrectionForm } from './useCorrectionForm'

function CorrectionForm({ record, onDone }: { record: RecordView; onDone: () => void }) {
  const { form, set, error, busy, send } = useCorrectionForm(record, onDone)
  return (
    <View className='js-correction-form'>
      <DateTimeField label='实际开始' name='fix-start' value={form.start} onChange={(t) => set('start', t)} />
      <DateTimeField label='实际结束' name='fix-end' value={form.end} onChange={(t) => set('end', t)} />
      <Text className='ll-label'>更正原因</Text>
      <View className='ll-field'>
        <Input className='js-correction-reason' value={form.reason} maxLength={100} placeholder='如 签退时忘记操作，实际 11:30 结束' onChange={(v: string) => set('reason', v)} />
      </View>
      {error ? <Text className='ll-error-text js-correction-error'>{error}</Text> : null}
      <Button type='primary' size='small' loading={busy} disabled={busy} className='js-correction-submit' onClick={() => void send()}>
        提交更正
      </Button>
    </View>
  )
}

export function RecordRow({ record: r, onChanged }: { record: RecordView; onChanged: () => void }) {
  const [fixing, setFixing] = useState(false)
  return (
    <View className={`vo-row js-record js-record-${r.recordId}`}>
      <View className='ll-row'>
        <Text className='vo-shift__time'>{r.content}</Text>
        <RecordStatusTag status={r.status} />
      </View>
      <Text className='ll-block ll-muted'>
        {r.teamName ?? r.organizer} · {SOURCE_LABELS[r.source]} · {eventTimeRange(r.startAt, r.endAt)}
      </Text>
      <Text className='ll-block js-record-hours'>{r.hours} 小时</Text>
      {r.verifiedBy && r.verifiedAt ? <Text className='ll-block ll-muted js-record-verifier'>核实：{r.verifiedBy} · {beijing(r.verifiedAt).format('M月D日 HH:mm')}</Text> : null}
      {r.rejectReason ? <Text className='ll-block vo-why'>退回理由：{r.rejectReason}</Text> : null}
      {r.conflict && r.status === 'pending' ? <Text className='ll-block vo-why js-record-conflict'>待核实：{r.conflict}</Text> : null}
      {r.status === 'verified' || r.status === 'pending' || r.status === 'rejected' ? (
        <Text className='ll-block ll-text-2 js-correct' {...tappable(() => setFixing(!fixing), { expanded: fixing })}>
          {fixing ? '收起' : r.status === 'rejected' ? '按退回理由更正后重新提交 ›' : '时间有误？申请更正 ›'}
        </Text>
      ) : null}
      {fixing ? (
        <CorrectionForm
          record={r}
          onDone={() => {
            setFixing(false)
            onChanged()
          }}
        />
      ) : null}
    </View>
  )
}
