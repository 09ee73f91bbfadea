// Service records waiting for a leader: verify, or send back with a reason.
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { SOURCE_LABELS } from '@core/volunteer/rules'
import { Card } from '../../../components/Card'
import type { RecordView } from '../../../services/volunteer'
import { eventTimeRange } from '../../../utils/format'

export function PendingRecords({ items, onVerify, onReject }: { items: RecordView[]; onVerify: (recordId: string) => void; onReject: (r: RecordView) => void }) {
  return (
    <Card className='js-pending-records'>
      {items.map((r) => (
        <View key={r.recordId} className={`vo-row js-pending-${r.recordId}`}>
          <Text className='ll-block vo-team__name'>
            {r.volunteerName} · {r.hours} 小时
          </Text>
          <Text className='ll-block'>{r.content}</Text>
          <Text className='ll-block ll-muted'>
            {SOURCE_LABELS[r.source]} · {eventTimeRange(r.startAt, r.endAt)}
            {r.corrects ? ' · 更正申请' : ''}
          </Text>
          {r.conflict ? <Text className='ll-block vo-why js-pending-conflict'>{r.conflict}</Text> : null}
          {r.canVerify ? (
            <View className='vo-actions'>
              <Button size='small' type='primary' className='js-verify' onClick={() => onVerify(r.recordId)}>
                核实
              </Button>
              <Button size='small' className='js-reject' onClick={() => onReject(r)}>
                退回
              </Button>
            </View>
          ) : null}
        </View>
      ))}
    </Card>
  )
}
