// One request in a list (home, 我的反映, 任务大厅, 工作台): category, state, place, age, deadline.
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { CATEGORY_LABELS, ESCALATION_LABELS, STATE_LABELS, type RequestState } from '@core/request/rules'
import type { RequestSummary } from '../services/request'
import { fromNow } from '../utils/format'
import { go, requestDetailUrl } from '../routes'
import { tappable } from './Tappable'

/** One colour per state: orange waits, blue is being handled, purple waits for the resident, green is done. */
export const STATE_COLORS: Record<RequestState, string> = {
  submitted: '#ad4e00',
  accepted: '#1d39c4',
  claimed: '#1d39c4',
  in_progress: '#0958d9',
  resolved: '#722ed1',
  closed: '#237804',
  escalated: '#c8161d',
  rejected: '#595959',
  withdrawn: '#595959',
  reopened: '#ad2102',
}

export function StateTag({ state }: { state: RequestState }) {
  return (
    <Tag background={STATE_COLORS[state]} color='#ffffff' className={`js-state js-state-${state}`}>
      {STATE_LABELS[state]}
    </Tag>
  )
}

export function OverdueTag() {
  return (
    <Tag plain background='#c8161d' className='js-overdue'>
      已超时
    </Tag>
  )
}

export function EscalationTag({ level }: { level: number }) {
  if (level <= 0) return null
  return (
    <Tag plain background='#a01016' className='js-escalation'>
      {`已上报${ESCALATION_LABELS[Math.min(level, ESCALATION_LABELS.length - 1)]}`}
    </Tag>
  )
}

export function RequestRow({ item, extra, showEscalation }: { item: RequestSummary; extra?: ReactNode; showEscalation?: boolean }) {
  const open = () => go(requestDetailUrl(item.requestId))
  // the whole row opens the request; its text is the link a keyboard reaches, and `extra` (a 认领
  // button) sits beside it rather than inside it
  return (
    <View className={`ll-list-item ll-req ll-row-link js-request-row js-request-${item.requestId}`} onClick={open}>
      <View className='ll-row-link__main' {...tappable(open, { role: 'link', clickFromParent: true })}>
        <View className='ll-req__head'>
          <Text className='ll-req__category'>{CATEGORY_LABELS[item.category]}</Text>
          <StateTag state={item.state} />
          {item.overdue ? <OverdueTag /> : null}
          {showEscalation ? <EscalationTag level={item.escalationLevel} /> : null}
        </View>
        <Text className='ll-req__excerpt'>{item.excerpt}</Text>
        <Text className='ll-block ll-muted'>
          {item.place} · {fromNow(item.createdAt)}
        </Text>
      </View>
      {extra ? <View className='ll-row-link__extra'>{extra}</View> : null}
    </View>
  )
}
