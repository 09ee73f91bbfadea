// The 房屋认证 form: building and unit from the compound's directory, room, name, phone, relation.
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import type { Relation } from '@core/user/form'
import { ROLE_LABELS, STAFF_ROLES } from '@core/roles'
import { Card } from '../../../components/Card'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { Field, FormProblemLine } from '../../../components/FormField'
import { userApi } from '../../../services/user'
import { useSession } from '../../../store/session'
import { useResource } from '../../../hooks/useResource'
import { RELATION_LABELS } from '../../../utils/format'
import { Choices } from '../components'
import { useBindingForm } from './useBindingForm'

/** Staff roles belong to one compound: what moving to another compound does to them. */
function MovingNote() {
  const { session } = useSession()
  const staffRoles = (session?.roles ?? []).filter((r) => STAFF_ROLES.includes(r))
  if (!staffRoles.length) return null
  return (
    <Text className='ll-block ll-muted js-moving-note'>
      认证本小区的房屋不影响您现有的工作角色。若认证的是其他小区的房屋，审核通过后您将转到新小区：
      您在{session?.compound?.name ?? '原小区'}的{staffRoles.map((r) => ROLE_LABELS[r]).join('、')}角色不会带过去，
      新小区的角色由该小区党支部授予；如您是原小区唯一的党支部管理员，请先移交角色。
    </Text>
  )
}

export function BindingForm() {
  const { session } = useSession()
  const directory = useResource(() => userApi.directory({}))
  const { form, set, chooseBuilding, chooseUnit, problem, busy, submit } = useBindingForm()

  if (directory.error) return <ErrorBlock message={directory.error} onRetry={() => void directory.reload()} />
  if (!directory.data) return <Loading />
  const { buildings, compounds } = directory.data
  if (!buildings.length) return <Empty text='还没有可认证的楼栋，请联系社区工作人员' />
  const building = buildings.find((b) => b.buildingId === form.buildingId) ?? null

  return (
    <Card title={`认证房屋 · ${compounds[0]?.name ?? ''}`} className='js-binding-form'>
      <MovingNote />
      {session?.binding?.state === 'rejected' ? (
        <Text className='ll-error-text'>上次申请未通过：{session.binding.reason ?? '信息不符'}</Text>
      ) : null}
      <Field name='buildingId' problem={problem}>
        <Text className='ll-label'>楼栋</Text>
        <Choices className='js-buildings' label='楼栋' options={buildings.map((b) => ({ value: b.buildingId, label: b.name }))} value={form.buildingId} onChange={chooseBuilding} />
      </Field>
      {building ? (
        <Field name='unit' problem={problem}>
          <Text className='ll-label'>单元</Text>
          <Choices className='js-units' label='单元' options={building.units.map((u) => ({ value: u, label: `${u}单元` }))} value={form.unit} onChange={chooseUnit} />
        </Field>
      ) : null}
      <Field name='room' problem={problem}>
        <Text className='ll-label'>房号</Text>
        <View className='ll-field'>
          <Input className='js-room' type='text' placeholder={`如 ${building ? building.floors : 12}01`} value={form.room} maxLength={10} onChange={(v: string) => set('room', v)} />
        </View>
      </Field>
      <Field name='name' problem={problem}>
        <Text className='ll-label'>您的姓名</Text>
        <View className='ll-field'>
          <Input className='js-name' type='text' placeholder='楼栋长核实时称呼您' value={form.name} maxLength={20} onChange={(v: string) => set('name', v)} />
        </View>
      </Field>
      <Field name='phone' problem={problem}>
        <Text className='ll-label'>手机号（选填）</Text>
        <View className='ll-field'>
          <Input className='js-phone' type='digit' placeholder='没有手机可不填，楼栋长会上门核实' value={form.phone} maxLength={11} onChange={(v: string) => set('phone', v)} />
        </View>
      </Field>
      <Text className='ll-block ll-muted'>姓名和手机号只给负责您楼栋的楼栋长/网格员核实使用，公开时会遮挡。</Text>
      <Field name='relation' problem={problem}>
        <Text className='ll-label'>与房屋的关系</Text>
        <Choices
          className='js-relation'
          label='与房屋的关系'
          options={(Object.keys(RELATION_LABELS) as Relation[]).map((r) => ({ value: r, label: RELATION_LABELS[r] }))}
          value={form.relation}
          onChange={(r) => set('relation', r)}
        />
      </Field>
      <FormProblemLine problem={problem} />
      <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-submit-binding' onClick={() => void submit()}>
        提交认证
      </Button>
    </Card>
  )
}
