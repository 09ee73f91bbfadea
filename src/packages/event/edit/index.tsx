// 发布活动 / 编辑活动 (业委会、党支部): name, description, times (Beijing), place, places, audience,
// whether it counts as volunteer service. The form model is core/event/form; the state, checks and
// submit are useEventForm; an edit sends only what changed.
import { useEffect } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { SessionPage } from '../../../components/SessionPage'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { FormProblemLine } from '../../../components/FormField'
import { EVENT_ORGANIZER_ROLES, eventApi, type EventView } from '../../../services/event'
import { useResource } from '../../../hooks/useResource'
import { useEventId } from '../components'
import { ContentCard, SignupCard, TimesCard } from './Sections'
import { useEventForm } from './useEventForm'

function EventForm({ original }: { original: EventView | null }) {
  const f = useEventForm(original)
  return (
    <View className='js-event-form'>
      <ContentCard f={f} />
      <TimesCard f={f} />
      <SignupCard f={f} original={original} />
      <FormProblemLine problem={f.problem} />
      <Button type='primary' block size='large' loading={f.busy} disabled={f.busy} className='js-save-event' onClick={() => void f.save()}>
        {f.eventId ? '保存修改' : '发布活动'}
      </Button>
      <View className='ll-gap' />
    </View>
  )
}

/** Editing: the event as it stands, if the caller may manage it. */
function EditExisting({ eventId }: { eventId: string }) {
  const event = useResource(() => eventApi.get({ eventId }), [eventId])
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: '编辑活动' }).catch(() => undefined)
  }, [])
  if (event.error) return <ErrorBlock message={event.error} onRetry={() => void event.reload()} />
  if (!event.data) return <Loading />
  if (!event.data.canManage) return <Empty text='只有活动的组织者可以修改活动' />
  if (event.data.state === 'cancelled') return <Empty text='活动已取消，不能再修改' />
  return <EventForm original={event.data} />
}

export default function EventEdit() {
  const eventId = useEventId()
  return (
    <SessionPage
      title={eventId ? '编辑活动' : '发布活动'}
      subtitle='业委会、党支部组织的小区活动'
      allow={(s) => !!eventId || s.hasRole(...EVENT_ORGANIZER_ROLES)}
      denied={<Empty text='发布活动由业委会、党支部负责。有活动建议，可以通过「我要反映」告诉我们。' />}
    >
      {eventId ? <EditExisting eventId={eventId} /> : <EventForm original={null} />}
    </SessionPage>
  )
}
