// The cards of the event form: 活动内容, 时间（北京时间）, 报名.
import { Text, View } from '@tarojs/components'
import { Input, TextArea } from '@nutui/nutui-react-taro'
import { AUDIENCE_KINDS, type AudienceKind } from '@core/event/rules'
import { BuildingChoices } from '../../../components/BuildingChoices'
import { Card } from '../../../components/Card'
import { Field } from '../../../components/FormField'
import { group, tappable } from '../../../components/Tappable'
import { Toggle } from '../../../components/Toggle'
import type { EventView } from '../../../services/event'
import { AUDIENCE_LABELS, DateTimeField } from '../components'
import type { EventFormState } from './useEventForm'

const AUDIENCE_HINTS: Record<AudienceKind, string> = {
  all: '本小区已认证的居民都可报名',
  buildings: '只有所选楼栋的居民可以报名',
  members: '只有党员和志愿者可以报名',
}

export function ContentCard({ f: { form, set, problem } }: { f: EventFormState }) {
  return (
    <Card title='活动内容'>
      <Field name='title' problem={problem}>
        <Text className='ll-label'>活动名称</Text>
        <View className='ll-field'>
          <Input className='js-field-title' placeholder='如：重阳节敬老茶话会' value={form.title} maxLength={40} onChange={(v: string) => set('title', v)} />
        </View>
      </Field>
      <Field name='description' problem={problem}>
        <Text className='ll-label'>活动介绍</Text>
        <View className='ev-textarea'>
          <TextArea
            className='js-field-description'
            placeholder='活动内容、流程、需要携带的物品、注意事项'
            value={form.description}
            maxLength={2000}
            showCount
            autoSize
            onChange={(v: string) => set('description', v)}
          />
        </View>
      </Field>
      <Field name='place' problem={problem}>
        <Text className='ll-label'>地点</Text>
        <View className='ll-field'>
          <Input className='js-field-place' placeholder='如：党群服务中心二楼活动室' value={form.place} maxLength={60} onChange={(v: string) => set('place', v)} />
        </View>
      </Field>
    </Card>
  )
}

export function TimesCard({ f: { form, set, problem } }: { f: EventFormState }) {
  return (
    <Card title='时间（北京时间）'>
      <Field name='times' problem={problem}>
        <DateTimeField label='开始时间' name='start' value={form.start} onChange={(v) => set('start', v)} />
        <DateTimeField label='结束时间' name='end' value={form.end} onChange={(v) => set('end', v)} />
        <DateTimeField label='报名截止' name='deadline' value={form.deadline} onChange={(v) => set('deadline', v)} />
      </Field>
      <Text className='ll-block ll-muted'>报名截止不能晚于活动开始。活动开始前 2 小时会提醒已报名的邻居。</Text>
    </Card>
  )
}

export function SignupCard({ f: { form, set, problem, toggleBuilding }, original }: { f: EventFormState; original: EventView | null }) {
  return (
    <Card title='报名'>
      <Field name='capacity' problem={problem}>
        <Text className='ll-label'>名额（填 0 表示不限）</Text>
        <View className='ll-field'>
          <Input className='js-field-capacity' type='number' placeholder='如：30' value={form.capacity} maxLength={6} onChange={(v: string) => set('capacity', v)} />
        </View>
      </Field>
      {original && original.confirmedCount > 0 ? (
        <Text className='ll-block ll-muted'>已有 {original.confirmedCount} 人报名成功，名额不能少于这个数；增加名额时候补的邻居会按顺序自动递补。</Text>
      ) : null}
      <Field name='audience' problem={problem}>
        <Text className='ll-label'>面向</Text>
        <View className='ll-choice-row' {...group('radiogroup', '面向')}>
          {AUDIENCE_KINDS.map((kind) => (
            <View key={kind} className={`ll-choice js-audience-${kind} ${form.audience === kind ? 'is-selected' : ''}`} {...tappable(() => set('audience', kind), { role: 'radio', checked: form.audience === kind })}>
              <Text className='ll-block'>{AUDIENCE_LABELS[kind]}</Text>
              <Text className='ev-choice-desc'>{AUDIENCE_HINTS[kind]}</Text>
            </View>
          ))}
        </View>
        {form.audience === 'buildings' ? <BuildingChoices selected={form.buildingIds} onToggle={toggleBuilding} /> : null}
      </Field>
      <View className='ev-switch-row'>
        <View>
          <Text className='ll-label'>计入志愿服务时长</Text>
          <Text className='ll-block ll-muted'>签到后按活动时长记录，每天最多 8 小时</Text>
        </View>
        <Toggle checked={form.creditsHours} onChange={(v) => set('creditsHours', v)} label='计入志愿服务时长' className='js-credits-hours' />
      </View>
    </Card>
  )
}
