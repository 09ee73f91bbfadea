// What the event is: state, name, description, time, place, audience, places, deadline, organiser.
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { PlacesTag } from '../../../components/EventRow'
import type { EventView } from '../../../services/event'
import { userApi } from '../../../services/user'
import { eventTime, eventTimeRange } from '../../../utils/format'
import { AUDIENCE_LABELS, Fact } from '../components'
import { StateTag } from './Registration'

/** 全体居民 / 仅党员志愿者 / 指定楼栋：1栋、2栋 (names from the directory, asked only when needed). */
function AudienceText({ audience }: { audience: EventView['audience'] }) {
  const [names, setNames] = useState<string | null>(null)
  const ids = audience.buildingIds.join(',')
  useEffect(() => {
    if (audience.kind !== 'buildings') return
    let live = true
    void userApi.directory({}).then((res) => {
      if (!live || !res.ok) return
      const wanted = new Set(ids.split(','))
      setNames(res.data.buildings.filter((b) => wanted.has(b.buildingId)).map((b) => b.name).join('、') || null)
    })
    return () => {
      live = false
    }
  }, [audience.kind, ids])
  if (audience.kind !== 'buildings') return <Text>{AUDIENCE_LABELS[audience.kind]}</Text>
  return <Text>{`指定楼栋：${names ?? `${audience.buildingIds.length} 栋`}`}</Text>
}

export function Summary({ v, now }: { v: EventView; now: number }) {
  const published = v.state === 'published'
  const places =
    v.capacity === 0 ? `不限名额，已报名 ${v.confirmedCount} 人` : `共 ${v.capacity} 个名额，已报名 ${v.confirmedCount} 人${v.waitlistCount ? `，候补 ${v.waitlistCount} 人` : ''}`
  return (
  <Card title={<Text className='js-detail-title'>{v.title}</Text>} extra={<StateTag v={v} now={now} />}>
    {v.heldForReview ? <Text className='ll-block ll-muted js-held'>内容正在审核，通过前仅组织者可见。</Text> : null}
    {v.creditsHours ? (
      <View className='ll-row'>
        <Tag plain background='#237804' className='js-credits-tag'>
          可计志愿服务时长
        </Tag>
      </View>
    ) : null}
    <Text className='ev-content js-detail-description'>{v.description}</Text>
    <View>
      <Fact label='时间' className='js-detail-time'>
        <Text>{eventTimeRange(v.startAt, v.endAt)}</Text>
      </Fact>
      <Fact label='地点' className='js-detail-place'>
        <Text>{v.place}</Text>
      </Fact>
      <Fact label='面向' className='js-detail-audience'>
        <AudienceText audience={v.audience} />
      </Fact>
      <Fact label='名额' className='js-detail-places'>
        <Text>{places}</Text>
        {published && v.capacity > 0 ? <PlacesTag placesLeft={v.placesLeft} /> : null}
      </Fact>
      <Fact label='报名截止' className='js-detail-deadline'>
        <Text>{eventTime(v.signupDeadline)}</Text>
      </Fact>
      <Fact label='组织者'>
        <Text>{v.organizerName}</Text>
      </Fact>
    </View>
  </Card>
  )
}
