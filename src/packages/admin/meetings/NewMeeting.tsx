// 召开会议: name, time and place, with the agenda items picked above.
import { Picker, Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { useMeetingForm } from './useMeetingForm'

export function NewMeeting({ picked, onCreated }: { picked: string[]; onCreated: () => void }) {
  const { form, set, setDay, setTime, problem, busy, submit } = useMeetingForm(picked, onCreated)
  const [date, time] = form.when.split(' ')

  return (
    <Card title='召开会议' className='js-new-meeting'>
      <View className='adm-field'>
        <Text className='adm-label'>会议名称</Text>
        <View className='adm-input'>
          <Input className='js-meeting-title' placeholder='如：12月三方联席会议' value={form.title} maxLength={40} onChange={(v: string) => set('title', v)} />
        </View>
      </View>
      <Text className='adm-label'>时间</Text>
      <View className='adm-pickers'>
        <Picker mode='date' className='adm-pickers__one' value={date} onChange={(e) => setDay(String(e.detail.value))}>
          <View className='adm-picker js-pick-meeting-date'>
            <Text>{date}</Text>
          </View>
        </Picker>
        <Picker mode='time' className='adm-pickers__one' value={time} onChange={(e) => setTime(String(e.detail.value))}>
          <View className='adm-picker js-pick-meeting-time'>
            <Text>{time}</Text>
          </View>
        </Picker>
      </View>
      <View className='adm-field'>
        <Text className='adm-label'>地点</Text>
        <View className='adm-input'>
          <Input className='js-meeting-place' placeholder='如：党群服务中心会议室' value={form.place} maxLength={40} onChange={(v: string) => set('place', v)} />
        </View>
      </View>
      <Text className='ll-block ll-muted js-picked-count'>{picked.length ? `将商议上面选中的 ${picked.length} 个议题` : '可在上面勾选要商议的议题，也可以之后再排入'}</Text>
      {problem ? <Text className='ll-block ll-error-text js-meeting-error'>{problem}</Text> : null}
      <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-create-meeting' onClick={() => void submit()}>
        创建会议
      </Button>
    </Card>
  )
}
