// What the team does, its leaders and contact, its size, the skills it seeks and how to join.
import { Text, View } from '@tarojs/components'
import { Card } from '../../../components/Card'
import type { TeamView } from '../../../services/volunteer'
import { Fact, KindTag, MembershipTag } from '../components'

export function TeamCard({ t }: { t: TeamView }) {
  return (
    <Card
      title={<Text className='js-team-name'>{t.name}</Text>}
      extra={
        <View className='ll-row'>
          <KindTag kind={t.kind} />
          <MembershipTag status={t.mine} />
        </View>
      }
    >
      <Text className='vo-desc js-team-desc'>{t.description}</Text>
      <Fact label='队长' className='js-team-leaders'>
        <Text>{t.leaders.map((l) => l.name).join('、') || '—'}</Text>
      </Fact>
      {t.contact ? (
        <Fact label='联系方式' className='js-team-contact'>
          <Text>{t.contact}</Text>
        </Fact>
      ) : null}
      <Fact label='队员'>
        <Text>{t.capacity > 0 ? `${t.memberCount}/${t.capacity} 人` : `${t.memberCount} 人`}</Text>
      </Fact>
      {t.skillsSought.length ? (
        <Fact label='需要技能'>
          <Text>{t.skillsSought.join('、')}</Text>
        </Fact>
      ) : null}
      <Fact label='加入方式'>
        <Text>{t.needsApproval ? '队长审核后加入' : '报名即加入'}</Text>
      </Fact>
    </Card>
  )
}
