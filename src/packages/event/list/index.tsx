// 活动报名: coming events (soonest first) and past ones, each with its places left; organisers publish here.
import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { EventRow } from '../../../components/EventRow'
import { ROUTES, go } from '../../../routes'
import { PagedRows, usePagedList } from '../../../components/PagedList'
import { SessionPage, useRefreshOnShow } from '../../../components/SessionPage'
import { Empty } from '../../../components/StateView'
import { EVENT_ORGANIZER_ROLES, eventApi, type EventSummary } from '../../../services/event'
import { useSession } from '../../../store/session'
import '../event.scss'
import { Tabs } from '../../../components/Tabs'

const TABS = [
  { value: 'upcoming', label: '近期活动', empty: '近期还没有活动。有新活动时会在这里显示，欢迎报名参加。' },
  { value: 'past', label: '往期活动', empty: '还没有往期活动' },
] as const
type When = (typeof TABS)[number]['value']

function EventList({ when }: { when: When }) {
  const list = usePagedList<EventSummary>((cursor) => eventApi.list(cursor ? { when, cursor } : { when }), [when])
  useRefreshOnShow(list.reload)
  const tab = TABS.find((t) => t.value === when)!
  const now = Date.now()
  return (
    <PagedRows list={list} empty={<Empty text={tab.empty} />}>
      {(items) => (
        <Card className={`js-event-list js-events-${when}`}>
          {items.map((item) => (
            <EventRow key={item.eventId} item={item} now={now} />
          ))}
        </Card>
      )}
    </PagedRows>
  )
}

function Events() {
  const { hasRole } = useSession()
  const [when, setWhen] = useState<When>('upcoming')
  const organiser = hasRole(...EVENT_ORGANIZER_ROLES)
  return (
    <>
      <View className='ev-buttons'>
        {organiser ? (
          <Button type='primary' size='large' className='js-new-event' onClick={() => go(ROUTES.eventEdit)}>
            发布活动
          </Button>
        ) : null}
        <Button type={organiser ? 'default' : 'primary'} fill='outline' size='large' className='js-my-events' onClick={() => go(ROUTES.eventMine)}>
          我的活动
        </Button>
      </View>
      <Tabs label='活动时间' tabs={TABS} value={when} onChange={setWhen} />
      {/* keyed: a new tab starts from its own loading state instead of showing the other tab's rows */}
      <EventList key={when} when={when} />
    </>
  )
}

/** Events are for the compound's verified households: a visitor is told why the list is not shown. */
function NotYetResident() {
  const { session } = useSession()
  const pending = session?.binding?.state === 'pending'
  return (
    <Empty
      text={pending ? '您的房屋认证正在审核，通过后就能查看和报名本小区的活动。' : '认证房屋后，就能查看和报名本小区的活动。'}
      action={
        pending ? undefined : (
          <Button type='primary' className='js-events-bind' onClick={() => go(ROUTES.binding)}>
            去认证房屋
          </Button>
        )
      }
    />
  )
}

export default function EventListPage() {
  return (
    <SessionPage title='活动报名' subtitle='下午茶、故事会、义诊、主题党日' allow={(s) => !!s.session?.compound} denied={<NotYetResident />}>
      <Events />
    </SessionPage>
  )
}
