// What a team is — name, kind, description, capacity, approval, risk, skills sought, contact — as
// 组建服务队 asks it and 队伍设置 changes it: one set of fields over a TeamForm (core/volunteer/form.ts).
import { Text, View } from '@tarojs/components'
import { Input, TextArea } from '@nutui/nutui-react-taro'
import type { TeamForm } from '@core/volunteer/form'
import { TEAM_KINDS, TEAM_KIND_LABELS } from '@core/volunteer/rules'
import { Toggle } from '../../components/Toggle'
import { Choices } from './components'

const KIND_OPTIONS = TEAM_KINDS.map((k) => ({ value: k, label: TEAM_KIND_LABELS[k] }))

/** `cls` prefixes each field's class (`${cls}-name`, `${cls}-desc`, …) for the page's tests. */
export function TeamFields({ form, set, cls }: { form: TeamForm; set: <K extends keyof TeamForm>(k: K, v: TeamForm[K]) => void; cls: string }) {
  return (
    <>
      <Text className='ll-label'>队伍名称</Text>
      <View className='ll-field'>
        <Input className={`${cls}-name`} value={form.name} maxLength={20} placeholder='如 红袖标巡逻队' onChange={(v: string) => set('name', v)} />
      </View>
      <Text className='ll-label'>服务类别</Text>
      <Choices label='服务类别' options={KIND_OPTIONS} value={form.kind} onChange={(k) => set('kind', k)} />
      <Text className='ll-label'>队伍介绍</Text>
      <View className='vo-textarea'>
        <TextArea className={`${cls}-desc`} value={form.description} maxLength={500} showCount placeholder='做什么、什么时候、在哪里' onChange={(v: string) => set('description', v)} />
      </View>
      <Text className='ll-label'>人数上限（0 为不限）</Text>
      <View className='ll-field'>
        <Input className={`${cls}-capacity`} type='number' value={form.capacity} maxLength={5} onChange={(v: string) => set('capacity', v)} />
      </View>
      <View className='ll-row' style={{ justifyContent: 'space-between' }}>
        <Text>加入需队长审核</Text>
        <Toggle checked={form.needsApproval} onChange={(v) => set('needsApproval', v)} label='加入需队长审核' className={`${cls}-approval`} />
      </View>
      <View className='ll-row' style={{ justifyContent: 'space-between' }}>
        <Text>有风险（需保险，未成年人不可参加）</Text>
        <Toggle checked={form.risky} onChange={(v) => set('risky', v)} label='有风险' className={`${cls}-risky`} />
      </View>
      <Text className='ll-label'>需要的技能（选填，顿号分隔）</Text>
      <View className='ll-field'>
        <Input className={`${cls}-skills`} value={form.skills} maxLength={100} placeholder='如 电工、急救' onChange={(v: string) => set('skills', v)} />
      </View>
      <Text className='ll-label'>联系方式（选填）</Text>
      <View className='ll-field'>
        <Input className={`${cls}-contact`} value={form.contact} maxLength={40} placeholder='如 党群服务中心 028-8888xxxx' onChange={(v: string) => set('contact', v)} />
      </View>
    </>
  )
}
