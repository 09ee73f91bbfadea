// 操作日志's filter: the compound (an officer's choice), the person, the action and the record (each
// a prefix), and the period. Quick action chips and the compound apply at once; typing waits for 查询.
import { Picker, Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Card } from '../../../components/Card'
import { tappable } from '../../../components/Tappable'
import { CompoundPicker } from '../CompoundPicker'
import { Chips } from '../components'

export interface AuditFilterValue {
  compoundId: string
  /** The person whose entries are shown (picked from an entry), with their name to show. */
  actor: { id: string; name: string } | null
  action: string
  target: string
  from: string
  to: string
}

export const NO_FILTER: AuditFilterValue = { compoundId: '', actor: null, action: '', target: '', from: '', to: '' }

const QUICK = [
  { value: '', label: '全部操作', className: 'js-action-all' },
  { value: 'request.', label: '反映', className: 'js-action-request' },
  { value: 'admin.', label: '工作台', className: 'js-action-admin' },
  { value: 'notice.', label: '通知', className: 'js-action-notice' },
  { value: 'user.', label: '人员', className: 'js-action-user' },
]

export function AuditFilter({ draft, set, apply, reset }: {
  draft: AuditFilterValue
  set: (patch: Partial<AuditFilterValue>) => void
  /** Applies the draft with a patch on top. */
  apply: (patch?: Partial<AuditFilterValue>) => void
  reset: () => void
}) {
  return (
    <Card title='筛选' className='js-audit-filter'>
      <CompoundPicker value={draft.compoundId} onChange={(compoundId) => apply({ compoundId, actor: null })} />
      {draft.actor ? (
        <View className='adm-field js-actor-filter'>
          <Text className='adm-label'>操作人</Text>
          <Text className='ll-block'>
            只看 {draft.actor.name} 的操作{' '}
            <Text className='adm-link js-actor-clear' {...tappable(() => apply({ actor: null }), { role: 'button', label: '不再按操作人筛选' })}>
              × 取消
            </Text>
          </Text>
        </View>
      ) : (
        <Text className='ll-block ll-muted'>点记录里的操作人，只看这个人的操作。</Text>
      )}
      <Chips label='操作类别' options={QUICK} value={QUICK.some((q) => q.value === draft.action) ? draft.action : '__typed'} onChange={(action) => apply({ action })} />
      <View className='adm-field'>
        <Text className='adm-label'>操作（开头匹配，如 admin.moderate）</Text>
        <View className='adm-input'>
          <Input className='js-filter-action' placeholder='如 request.resolve' value={draft.action} onChange={(v: string) => set({ action: v.trim() })} />
        </View>
      </View>
      <View className='adm-field'>
        <Text className='adm-label'>记录（开头匹配，如 requests/ 或 exports/）</Text>
        <View className='adm-input'>
          <Input className='js-filter-target' placeholder='如 requests/' value={draft.target} onChange={(v: string) => set({ target: v.trim() })} />
        </View>
      </View>
      <Text className='adm-label'>时间段</Text>
      <View className='adm-pickers'>
        <Picker mode='date' className='adm-pickers__one' value={draft.from} onChange={(e) => set({ from: String(e.detail.value) })}>
          <View className='adm-picker js-pick-from'>
            <Text>{draft.from ? `从 ${draft.from}` : '开始日期'}</Text>
          </View>
        </Picker>
        <Picker mode='date' className='adm-pickers__one' value={draft.to} onChange={(e) => set({ to: String(e.detail.value) })}>
          <View className='adm-picker js-pick-to'>
            <Text>{draft.to ? `到 ${draft.to}` : '结束日期'}</Text>
          </View>
        </Picker>
      </View>
      <View className='adm-actions'>
        <Button type='primary' className='js-filter-apply' onClick={() => apply()}>
          查询
        </Button>
        <Button className='js-filter-reset' onClick={reset}>
          清除筛选
        </Button>
      </View>
    </Card>
  )
}
