// One agenda item: what it is, where it came from, and the decision taken (or the form to record it).
import { Text, View } from '@tarojs/components'
import { Button, Tag, TextArea } from '@nutui/nutui-react-taro'
import { AGENDA_KIND_LABELS } from '@core/admin/rules'
import { tappable } from '../../../components/Tappable'
import type { AgendaItem } from '../../../services/admin'
import { go, requestDetailUrl } from '../../../routes'
import { dateTime } from '../../../utils/format'
import { useDecisionForm } from './useMeetingForms'

export function ItemDecision({ item, onDecided }: { item: AgendaItem; onDecided: () => void }) {
  const { text, setText, problem, busy, submit } = useDecisionForm(item.itemId, onDecided)
  return (
    <View className={`adm-item js-item js-item-${item.itemId}`}>
      <View className='adm-item__head'>
        <View className='ll-row'>
          <Tag type='primary'>{AGENDA_KIND_LABELS[item.kind]}</Tag>
          <Text className='adm-item__title'> {item.title}</Text>
        </View>
      </View>
      {item.note ? <Text className='ll-block ll-text-2'>{item.note}</Text> : null}
      <Text className='ll-block ll-muted'>{item.proposedBy} 提交</Text>
      {item.kind === 'request' && item.refId ? (
        <Text className='ll-block adm-link js-item-request' {...tappable(() => go(requestDetailUrl(item.refId!)), { role: 'link' })}>
          查看这条反映 ›
        </Text>
      ) : null}
      {item.decision ? (
        <View className='js-item-decided'>
          <Text className='ll-block adm-label'>决定（{dateTime(item.decision.at)}）</Text>
          <Text className='ll-block js-item-decision'>{item.decision.text}</Text>
        </View>
      ) : (
        <View className='js-decision-form'>
          <Text className='adm-label'>会议决定{item.kind === 'request' ? '（会写入这条反映的办理过程，反映人能看到）' : item.kind === 'proposal' ? '（会告知提议人）' : ''}</Text>
          <View className='adm-input'>
            <TextArea className='js-decision-input' placeholder='如：由物业本周内更换门禁读卡器，业委会监督验收' value={text} maxLength={500} showCount onChange={(t: string) => setText(t)} />
          </View>
          {problem ? <Text className='ll-block ll-error-text js-decision-error'>{problem}</Text> : null}
          <Button type='primary' size='small' loading={busy} disabled={busy} className='js-decide' onClick={() => void submit()}>
            记录决定
          </Button>
        </View>
      )}
    </View>
  )
}
