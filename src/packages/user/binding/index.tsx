// 房屋认证: pick the building and unit, type the room, say how you live there; a grid worker verifies.
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input, Tag } from '@nutui/nutui-react-taro'
import { userContract } from '@core/user/contract'
import { ROLE_LABELS, STAFF_ROLES } from '@core/roles'
import { Card } from '../../../components/Card'
import { ROUTES } from '../../../routes'
import { PageShell } from '../../../components/PageShell'
import { Empty, ErrorBlock, Loading } from '../../../components/StateView'
import { userApi } from '../../../services/user'
import { firstIssue } from '../../../services/validate'
import { Field, FormProblemLine, useFormProblem } from '../../../components/FormField'
import { useSession } from '../../../store/session'
import { useResource } from '../../../hooks/useResource'
import { RELATION_LABELS, dateTime, homeLabel } from '../../../utils/format'
import { Choices } from '../components'

type Relation = keyof typeof RELATION_LABELS

function PendingCard() {
  const { session, refresh } = useSession()
  const [busy, setBusy] = useState(false)
  const b = session?.binding
  if (!b || b.state !== 'pending') return null
  const cancel = async () => {
    const ok = await Taro.showModal({ title: '撤回申请', content: '确定撤回这条认证申请吗？', confirmText: '撤回' })
    if (!ok.confirm) return
    setBusy(true)
    const res = await userApi.cancelBinding({ bindingId: b.bindingId })
    setBusy(false)
    if (!res.ok) return void Taro.showToast({ title: res.message, icon: 'none' })
    await refresh()
  }
  return (
    <Card title='审核中' extra={<Tag type='warning'>待审核</Tag>} className='ll-notice ll-notice--warn js-binding-pending'>
      <Text className='ll-block ll-card__title'>{homeLabel(b)}</Text>
      <Text className='ll-block ll-muted'>
        {RELATION_LABELS[b.relation]} · {dateTime(b.createdAt)} 提交
      </Text>
      <Text className='ll-block ll-text-2' style={{ marginTop: '12px' }}>
        楼栋长或网格员会尽快核实（可能会打电话或上门确认）。审核通过后，首页会显示「已认证」。
      </Text>
      <View className='ll-actions'>
        <Button size='small' loading={busy} className='js-cancel-binding' onClick={() => void cancel()}>
          撤回申请
        </Button>
        <Button size='small' type='primary' className='js-back-home' onClick={() => void Taro.switchTab({ url: '/pages/home/index' })}>
          返回首页
        </Button>
      </View>
    </Card>
  )
}

function BindingForm() {
  const { session, refresh } = useSession()
  const directory = useResource(() => userApi.directory({}))
  const [buildingId, setBuildingId] = useState<string | null>(null)
  const [unit, setUnit] = useState<string | null>(null)
  const [room, setRoom] = useState('')
  const [relation, setRelation] = useState<Relation>('owner')
  const [name, setName] = useState(session?.profile.displayName === '邻居' ? '' : (session?.profile.displayName ?? ''))
  const [phone, setPhone] = useState('')
  const { problem, show: setProblem, clear: clearProblem } = useFormProblem()
  const [busy, setBusy] = useState(false)

  if (directory.error) return <ErrorBlock message={directory.error} onRetry={() => void directory.reload()} />
  if (!directory.data) return <Loading />
  const { buildings, compounds } = directory.data
  if (!buildings.length) return <Empty text='还没有可认证的楼栋，请联系社区工作人员' />
  const building = buildings.find((b) => b.buildingId === buildingId) ?? null
  // staff roles belong to one compound: say what moving to another compound does to them
  const staffRoles = (session?.roles ?? []).filter((r) => STAFF_ROLES.includes(r))

  const submit = async () => {
    const data = { buildingId: buildingId ?? '', unit: unit ?? '', room: room.trim(), relation, name: name.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}) }
    if (!buildingId) return setProblem('请选择楼栋', 'buildingId')
    if (!unit) return setProblem('请选择单元', 'unit')
    const local = firstIssue(userContract.requestBinding.input, data)
    if (local) return setProblem(local.message, local.field)
    clearProblem()
    setBusy(true)
    const res = await userApi.requestBinding(data)
    setBusy(false)
    if (!res.ok) return setProblem(res.message)
    await refresh()
    void Taro.showToast({ title: '已提交，等待审核', icon: 'success' })
  }

  return (
    <Card title={`认证房屋 · ${compounds[0]?.name ?? ''}`} className='js-binding-form'>
      {staffRoles.length ? (
        <Text className='ll-block ll-muted js-moving-note'>
          认证本小区的房屋不影响您现有的工作角色。若认证的是其他小区的房屋，审核通过后您将转到新小区：
          您在{session?.compound?.name ?? '原小区'}的{staffRoles.map((r) => ROLE_LABELS[r]).join('、')}角色不会带过去，
          新小区的角色由该小区党支部授予；如您是原小区唯一的党支部管理员，请先移交角色。
        </Text>
      ) : null}
      {session?.binding?.state === 'rejected' ? (
        <Text className='ll-error-text'>上次申请未通过：{session.binding.reason ?? '信息不符'}</Text>
      ) : null}
      <Field name='buildingId' problem={problem}>
        <Text className='ll-label'>楼栋</Text>
        <Choices
          className='js-buildings'
          label='楼栋'
          options={buildings.map((b) => ({ value: b.buildingId, label: b.name }))}
          value={buildingId}
          onChange={(v) => {
            setBuildingId(v)
            setUnit(null)
            clearProblem()
          }}
        />
      </Field>
      {building ? (
        <Field name='unit' problem={problem}>
          <Text className='ll-label'>单元</Text>
          <Choices
            className='js-units'
            label='单元'
            options={building.units.map((u) => ({ value: u, label: `${u}单元` }))}
            value={unit}
            onChange={(u) => {
              setUnit(u)
              clearProblem()
            }}
          />
        </Field>
      ) : null}
      <Field name='room' problem={problem}>
        <Text className='ll-label'>房号</Text>
        <View className='ll-field'>
          <Input className='js-room' type='text' placeholder={`如 ${building ? building.floors : 12}01`} value={room} maxLength={10} onChange={(v: string) => setRoom(v)} />
        </View>
      </Field>
      <Field name='name' problem={problem}>
        <Text className='ll-label'>您的姓名</Text>
        <View className='ll-field'>
          <Input className='js-name' type='text' placeholder='楼栋长核实时称呼您' value={name} maxLength={20} onChange={(v: string) => setName(v)} />
        </View>
      </Field>
      <Field name='phone' problem={problem}>
        <Text className='ll-label'>手机号（选填）</Text>
        <View className='ll-field'>
          <Input className='js-phone' type='digit' placeholder='没有手机可不填，楼栋长会上门核实' value={phone} maxLength={11} onChange={(v: string) => setPhone(v)} />
        </View>
      </Field>
      <Text className='ll-block ll-muted'>姓名和手机号只给负责您楼栋的楼栋长/网格员核实使用，公开时会遮挡。</Text>
      <Field name='relation' problem={problem}>
        <Text className='ll-label'>与房屋的关系</Text>
        <Choices
          className='js-relation'
          label='与房屋的关系'
          options={(Object.keys(RELATION_LABELS) as Relation[]).map((r) => ({ value: r, label: RELATION_LABELS[r] }))}
          value={relation}
          onChange={setRelation}
        />
      </Field>
      <FormProblemLine problem={problem} />
      <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-submit-binding' onClick={() => void submit()}>
        提交认证
      </Button>
    </Card>
  )
}

export default function Binding() {
  const { session, status, error, refresh } = useSession()
  if (status === 'error') {
    return (
      <PageShell title='房屋认证'>
        <ErrorBlock message={error ?? '加载失败'} onRetry={() => void refresh()} />
      </PageShell>
    )
  }
  if (!session) {
    return (
      <PageShell title='房屋认证'>
        <Loading />
      </PageShell>
    )
  }
  if (!session.consents.privacy) {
    return (
      <PageShell title='房屋认证'>
        <Empty
          text='认证房屋前，请先阅读并同意隐私保护指引'
          action={
            <Button type='primary' onClick={() => void Taro.redirectTo({ url: ROUTES.consent })}>
              去阅读
            </Button>
          }
        />
      </PageShell>
    )
  }
  return (
    <PageShell title='房屋认证' subtitle='认证后才能参与住户事务和表决'>
      {session.household?.verified ? (
        <Card title='已认证' extra={<Tag type='success'>已认证</Tag>} className='ll-notice ll-notice--ok js-binding-verified'>
          <Text className='ll-block ll-card__title'>{homeLabel(session.household)}</Text>
          <Text className='ll-block ll-muted'>如需更换房屋，可在下方重新申请，审核通过后替换。</Text>
        </Card>
      ) : null}
      <PendingCard />
      {session.binding?.state !== 'pending' ? <BindingForm /> : null}
    </PageShell>
  )
}
