// One request in a list (home, 我的反映, 任务大厅, 工作台): category, state, place, age, deadline.
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { CATEGORY_LABELS, ESCALATION_LABELS, STATE_LABELS, URGENCY_TAGS, hasLiveDeadline, type RequestState } from '@core/request/rules'
import type { RequestSummary } from '../../services/request'
import { dateTime, fromNow } from '../../utils/format'
import { go, requestDetailUrl } from '../../routes'
import { tappable } from '../Tappable'
import './RequestRow.scss'

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

/**
 * `forStaff`: the rows of those who answer (工作台, 任务大厅) also show the urgency and the deadline,
 * which decide what to do first, and how far it has been escalated.
 */
export function RequestRow({ item, extra, forStaff }: { item: RequestSummary; extra?: ReactNode; forStaff?: boolean }) {
  const urgency = forStaff ? URGENCY_TAGS[item.urgency] : null
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
          {urgency ? (
            <Tag plain background={item.urgency === 'emergency' ? '#c8161d' : '#ad4e00'} className={`js-urgency js-urgency-${item.urgency}`}>
              {urgency}
            </Tag>
          ) : null}
          {forStaff ? <EscalationTag level={item.escalationLevel} /> : null}
        </View>
        <Text className='ll-req__excerpt'>{item.excerpt}</Text>
        <Text className='ll-block ll-muted'>
          {item.place} · {fromNow(item.createdAt)}
        </Text>
        {forStaff && hasLiveDeadline(item.state) ? (
          <Text className={`ll-block js-row-due ${item.overdue ? 'll-error-text' : 'll-text-2'}`}>{`${item.overdue ? '已超过期限 ' : '期限 '}${dateTime(item.dueAt)}${item.overdue ? '' : ' 前'}`}</Text>
        ) : null}
      </View>
      {extra ? <View className='ll-row-link__extra'>{extra}</View> : null}
    </View>
  )
}
