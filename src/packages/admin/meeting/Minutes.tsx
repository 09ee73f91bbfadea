// 参会人员与会议纪要: who came (the three parties to start with) and what was said and divided up.
import { Text, View } from '@tarojs/components'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { tappable } from '../../../components/Tappable'
import type { MeetingView } from '../../../services/admin'
import { useMinutesForm } from './useMeetingForms'

export function Minutes({ meeting, onSaved }: { meeting: MeetingView; onSaved: () => void }) {
  const { form, editAttendee, addAttendee, setMinutes, problem, busy, submit } = useMinutesForm(meeting, onSaved)
  return (
    <Card title='参会人员与会议纪要' className='js-minutes'>
      {form.attendees.map((a, i) => (
        <View key={i} className='adm-pickers adm-field js-attendee'>
          <View className='adm-input adm-pickers__one'>
            <Input className={`js-attendee-name-${i}`} placeholder='姓名' value={a.name} maxLength={20} onChange={(v: string) => editAttendee(i, { name: v })} />
          </View>
          <View className='adm-input adm-pickers__one'>
            <Input className={`js-attendee-role-${i}`} placeholder='单位，如 物业' value={a.role} maxLength={20} onChange={(v: string) => editAttendee(i, { role: v })} />
          </View>
        </View>
      ))}
      <Text className='ll-block adm-link js-add-attendee' {...tappable(addAttendee)}>
        + 添加参会人员
      </Text>
      <Text className='adm-label'>会议纪要</Text>
      <View className='adm-input'>
        <TextArea className='js-minutes-input' placeholder='记录讨论的主要意见和分工' value={form.minutes} maxLength={5000} showCount autoSize onChange={(t: string) => setMinutes(t)} />
      </View>
      {problem ? <Text className='ll-block ll-error-text js-minutes-error'>{problem}</Text> : null}
      <Button type='primary' block loading={busy} disabled={busy} className='js-save-minutes' onClick={() => void submit()}>
        保存纪要
      </Button>
    </Card>
  )
}
