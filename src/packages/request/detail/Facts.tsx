// What was reported and where it stands: category, state, text, photos and the facts of the request.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { CATEGORY_LABELS, ESCALATION_LABELS, hasLiveDeadline, ratingWords, URGENCY_LABELS } from '@core/request/rules'
import { ROLE_LABELS } from '@core/roles'
import { Card } from '../../../components/Card'
import { Fact } from '../../../components/Fact'
import { PhotoGrid } from '../../../components/PhotoPicker'
import { OverdueTag, StateTag } from '../../../components/RequestRow'
import { tappable } from '../../../components/Tappable'
import type { RequestView } from '../../../services/request'
import { dateTime } from '../../../utils/format'
import { roleText } from './Timeline'

/** Who handles it: the assignee (a claim), else the last staff member who acted on it. */
function handlerText(v: RequestView): string {
  if (v.assigneeName) return v.assigneeName
  if (v.state === 'withdrawn') return '已撤回，无需办理'
  const staff = [...v.timeline].reverse().find((e) => e.action !== 'create' && e.actorRole && e.actorRole !== 'resident' && e.actorRole !== ROLE_LABELS.resident)
  if (staff) return `${staff.actor}（${roleText(staff.actorRole)}）`
  return '待受理'
}

function placeText(v: RequestView): string {
  const l = v.location
  const where = l.area ?? `${l.buildingName ?? ''}${l.unit ? `${l.unit}单元` : ''}`
  return v.room ? `${where} ${v.room}室` : where
}

export function Facts({ v }: { v: RequestView }) {
  const canCall = !!v.reporterPhone && !v.reporterPhone.includes('*')
  return (
    <Card
      title={<Text className='js-detail-category'>{CATEGORY_LABELS[v.category]}</Text>}
      extra={
        <View className='ll-row'>
          <StateTag state={v.state} />
          {v.overdue ? <OverdueTag /> : null}
        </View>
      }
    >
      {v.heldForReview ? <Text className='ll-block ll-muted js-held'>内容正在审核，通过前仅您和工作人员可见。</Text> : null}
      <Text className='rq-content js-detail-content'>{v.content}</Text>
      <PhotoGrid ids={v.photos} urls={v.photoUrls} className='js-detail-photos' />
      <View className='rq-facts'>
        <Fact label='地点' className='js-detail-place'>
          <Text>{placeText(v)}</Text>
        </Fact>
        <Fact label='紧急程度'>
          <Text>{URGENCY_LABELS[v.urgency]}</Text>
        </Fact>
        {hasLiveDeadline(v.state) ? (
          <Fact label='办理期限' className='js-detail-due'>
            <Text>{dateTime(v.dueAt)} 前</Text>
            {v.overdue ? <OverdueTag /> : null}
          </Fact>
        ) : null}
        {v.escalationLevel > 0 ? (
          <Fact label='上报层级' className='js-detail-escalation'>
            <Text>{ESCALATION_LABELS[Math.min(v.escalationLevel, ESCALATION_LABELS.length - 1)]}</Text>
          </Fact>
        ) : null}
        <Fact label='反映人' className='js-detail-reporter'>
          <Text>{v.reporterName}</Text>
          {v.reporterPhone ? (
            <Text
              className={`js-reporter-phone ${canCall ? 'll-text-2' : 'll-muted'}`}
              {...(canCall ? tappable(() => void Taro.makePhoneCall({ phoneNumber: v.reporterPhone! }).catch(() => undefined), { role: 'link' }) : {})}
            >
              {v.reporterPhone}
              {canCall ? '（点击拨打）' : ''}
            </Text>
          ) : null}
        </Fact>
        {v.actedFor ? (
          <Fact label='代办' className='js-detail-acted-for'>
            <Text>{`由 ${v.actedFor.by} 代办（${v.actedFor.consentNote}）`}</Text>
          </Fact>
        ) : null}
        <Fact label='处理人' className='js-detail-assignee'>
          <Text>{handlerText(v)}</Text>
        </Fact>
        <Fact label='公开范围'>
          <Text>{v.visibility === 'public' ? '公开（邻居看不到姓名和房号）' : '仅工作人员可见'}</Text>
        </Fact>
        <Fact label='提交时间'>
          <Text>{dateTime(v.createdAt)}</Text>
        </Fact>
        {v.rating !== null ? (
          <Fact label={ratingWords(v.state, v.fixed).label} className='js-detail-rating'>
            <Text>
              {'★'.repeat(v.rating)}
              {'☆'.repeat(Math.max(0, 5 - v.rating))} {v.rating} 星
            </Text>
            {ratingWords(v.state, v.fixed).note ? <Text className='ll-muted'>{ratingWords(v.state, v.fixed).note}</Text> : null}
          </Fact>
        ) : null}
      </View>
    </Card>
  )
}
