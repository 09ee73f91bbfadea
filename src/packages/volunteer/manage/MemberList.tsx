// The team's applications and members, each with what a leader may do.
import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { Empty } from '../../../components/StateView'
import type { Member } from '../../../services/volunteer'
import { eventTime } from '../../../utils/format'

export function MemberRow({ m, children }: { m: Member; children?: ReactNode }) {
  return (
    <View className={`vo-row js-member js-member-${m.membershipId}`}>
      <View className='ll-row'>
        <Text className='vo-team__name'>{m.name}</Text>
        {m.minor ? <Tag background='#ad4e00' color='#ffffff'>未成年</Tag> : null}
      </View>
      {m.phone ? <Text className='ll-block ll-text-2'>{m.phone}</Text> : null}
      <Text className='ll-block ll-muted'>技能：{m.skills.join('、') || '未填'} · 可服务：{m.availability || '未填'}</Text>
      <Text className='ll-block ll-muted'>申请于 {eventTime(m.appliedAt)}</Text>
      {children}
    </View>
  )
}

/** 申请 (approve or decline) or 队员 (remove): one card of people with their actions. */
export function MemberList({ tab, people, onApprove, onAsk }: { tab: 'applications' | 'members'; people: Member[]; onApprove: (membershipId: string) => void; onAsk: (kind: 'decline' | 'remove', m: Member) => void }) {
  return (
    <Card className={`js-${tab}`}>
      {people.length ? null : <Empty text={tab === 'applications' ? '没有待审核的申请' : '还没有队员'} />}
      {people.map((m) => (
        <MemberRow key={m.membershipId} m={m}>
          <View className='vo-actions'>
            {tab === 'applications' ? (
              <>
                <Button size='small' type='primary' className='js-approve' onClick={() => onApprove(m.membershipId)}>
                  批准
                </Button>
                <Button size='small' className='js-decline' onClick={() => onAsk('decline', m)}>
                  不通过
                </Button>
              </>
            ) : (
              <Button size='small' fill='outline' className='js-remove' onClick={() => onAsk('remove', m)}>
                移出
              </Button>
            )}
          </View>
        </MemberRow>
      ))}
    </Card>
  )
}
