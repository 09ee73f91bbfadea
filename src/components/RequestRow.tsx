// One request in a list (home, 我的反映, 任务大厅, 工作台): category, state, place, age, deadline.
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { CATEGORY_LABELS, ESCALATION_LABELS, STATE_LABELS, type RequestState } from '@core/request/rules'
import type { RequestSummary } from '../services/request'
import { fromNow } from '../utils/format'
import { go, requestDetailUrl } from '../routes'

/** One colour per state: orange waits, blue is being handled, purple waits for the resident, green is done. */
export const STATE_COLORS: Record<RequestState, string> = {
  submitted: '#d46b08',
  accepted: '#1677ff',
  claimed: '#1677ff',
  in_progress: '#0958d9',
  resolved: '#722ed1',
  closed: '#389e0d',
  escalated: '#c8161d',
  rejected: '#8c8c8c',
  withdrawn: '#8c8c8c',
  reopened: '#d4380d',
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
  return (
    <View className={`ll-list-item ll-req js-request-row js-request-${item.requestId}`} onClick={() => go(requestDetailUrl(item.requestId))}>
      <View className='ll-req__head'>
        <Text className='ll-req__category'>{CATEGORY_LABELS[item.category]}</Text>
        <StateTag state={item.state} />
        {item.overdue ? <OverdueTag /> : null}
        {showEscalation ? <EscalationTag level={item.escalationLevel} /> : null}
      </View>
      <Text className='ll-req__excerpt'>{item.excerpt}</Text>
      <View className='ll-req__foot'>
        <Text className='ll-muted'>
          {item.place} · {fromNow(item.createdAt)}
        </Text>
        {extra}
      </View>
    </View>
  )
}
