// 志愿服务: the compound's teams — what each does, how many serve, the skills sought, and where I
// stand with it; my teams, hours and certificate are one tap away.
import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { PagedRows, usePagedList } from '../../../components/PagedList'
import { SessionPage, useRefreshOnShow } from '../../../components/SessionPage'
import { Empty } from '../../../components/StateView'
import { tappable } from '../../../components/Tappable'
import { ROUTES, go, teamUrl } from '../../../routes'
import { volunteerApi, type TeamSummary } from '../../../services/volunteer'
import { KindTag, MembershipTag } from '../components'

function TeamRow({ team: t }: { team: TeamSummary }) {
  return (
    <View className={`vo-team js-team js-team-${t.teamId}`} {...tappable(() => go(teamUrl(t.teamId)), { role: 'link' })}>
      <View className='ll-row'>
        <Text className='vo-team__name js-team-name'>{t.name}</Text>
        <KindTag kind={t.kind} />
        <MembershipTag status={t.mine} />
        {t.leading ? (
          <Tag background='#c8161d' color='#ffffff' className='js-leading'>
            我是队长
          </Tag>
        ) : null}
      </View>
      <Text className='ll-block ll-text-2 js-team-desc'>{t.description}</Text>
      <Text className='ll-block ll-muted js-team-count'>
        {t.capacity > 0 ? `队员 ${t.memberCount}/${t.capacity} 人` : `队员 ${t.memberCount} 人`}
        {t.needsApproval ? ' · 加入需队长审核' : ' · 报名即加入'}
        {t.risky ? ' · 有风险（未成年人不可参加）' : ''}
      </Text>
      {t.skillsSought.length ? <Text className='ll-block ll-muted js-team-skills'>需要：{t.skillsSought.join('、')}</Text> : null}
    </View>
  )
}

function Teams() {
  const list = usePagedList<TeamSummary>((cursor) => volunteerApi.listTeams(cursor ? { cursor } : {}), [])
  useRefreshOnShow(list.reload)
  return (
    <>
      <View className='vo-buttons'>
        <Button type='primary' size='large' className='js-my-volunteer' onClick={() => go(ROUTES.volunteerMine)}>
          我的志愿服务
        </Button>
        <Button size='large' fill='outline' className='js-rate-leader' onClick={() => go(ROUTES.volunteerRate)}>
          评价楼栋长
        </Button>
      </View>
      <PagedRows list={list} empty={<Empty text='小区还没有志愿服务队。组建后会在这里显示，欢迎报名加入。' />}>
        {(items) => (
          <Card className='js-team-list'>
            {items.map((t) => (
              <TeamRow key={t.teamId} team={t} />
            ))}
          </Card>
        )}
      </PagedRows>
      <Text className='ll-block ll-muted' {...tappable(() => go(ROUTES.volunteerVerify), { role: 'link' })}>
        查验志愿服务证明 ›
      </Text>
    </>
  )
}

export default function VolunteerListPage() {
  return (
    <SessionPage
      title='志愿服务'
      subtitle='加入志愿服务队，排班值守，记录服务时长'
      allow={(s) => !!s.session?.compound}
      denied={
        <Empty
          text='认证房屋后，就能加入本小区的志愿服务队。'
          action={
            <Button type='primary' className='js-volunteer-bind' onClick={() => go(ROUTES.binding)}>
              去认证房屋
            </Button>
          }
        />
      }
    >
      <Teams />
    </SessionPage>
  )
}
