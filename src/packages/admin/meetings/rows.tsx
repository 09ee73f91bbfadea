// The rows of the 三方联席会议 page: an agenda item to pick for a meeting, and a meeting so far.
import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { AGENDA_KIND_LABELS } from '@core/admin/rules'
import { tappable } from '../../../components/Tappable'
import type { AgendaItem, MeetingView } from '../../../services/admin'
import { adminUrl, go } from '../../../routes'
import { dateTime } from '../../../utils/format'

export function AgendaRow({ item, checked, onToggle }: { item: AgendaItem; checked: boolean; onToggle: () => void }) {
  return (
    <View className={`adm-check js-agenda-item js-agenda-${item.itemId} ${checked ? 'is-checked' : ''}`} {...tappable(onToggle, { role: 'checkbox', checked })}>
      <Text className='adm-check__box'>{checked ? '✓' : ''}</Text>
      <View>
        <View className='ll-row'>
          <Tag type='primary'>{AGENDA_KIND_LABELS[item.kind]}</Tag>
          <Text className='adm-item__title'> {item.title}</Text>
        </View>
        {item.note ? <Text className='ll-block ll-text-2'>{item.note}</Text> : null}
        <Text className='ll-block ll-muted'>
          {item.proposedBy} 提交于 {dateTime(item.createdAt)}
        </Text>
      </View>
    </View>
  )
}

export function MeetingRow({ m }: { m: MeetingView }) {
  const decided = m.items.filter((i) => i.decision).length
  return (
    <View className={`adm-item js-meeting js-meeting-${m.meetingId}`} {...tappable(() => go(adminUrl('adminMeeting', m.meetingId)), { role: 'link' })}>
      <View className='adm-item__head'>
        <Text className='adm-item__title'>{m.title}</Text>
        <Tag type={m.state === 'held' ? 'success' : 'warning'}>{m.state === 'held' ? '已召开' : '待召开'}</Tag>
      </View>
      <Text className='ll-block ll-text-2'>
        {dateTime(m.at)} · {m.place}
      </Text>
      <Text className='ll-block ll-muted'>
        议题 {m.items.length} 个，已决定 {decided} 个 ›
      </Text>
    </View>
  )
}
