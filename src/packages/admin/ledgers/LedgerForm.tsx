// 导出台账's form: which ledger (and, an officer, which compound), the format, a period and (ledgers whose rows have one) a building.
import { Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ledgerByBuilding, type LedgerForm as Form } from '@core/admin/form'
import { LEDGER_LABELS, LEDGERS } from '@core/admin/rules'
import { Card } from '../../../components/Card'
import { tappable } from '../../../components/Tappable'
import { CompoundPicker } from '../CompoundPicker'
import { Chips } from '../components'

export function LedgerForm({ form, set, buildings, problem, busy, onSubmit }: {
  form: Form
  set: <K extends keyof Form>(key: K, value: Form[K]) => void
  buildings: ReadonlyArray<{ buildingId: string; name: string }>
  problem: string | null
  busy: boolean
  onSubmit: () => void
}) {
  const clearPeriod = () => {
    set('from', '')
    set('to', '')
  }
  return (
    <Card title='导出台账' className='js-ledger-form'>
      <CompoundPicker value={form.compoundId} onChange={(v) => set('compoundId', v)} />
      <Text className='adm-label'>台账</Text>
      <Chips label='台账' className='js-ledgers' options={LEDGERS.map((l) => ({ value: l, label: LEDGER_LABELS[l], className: `js-ledger-${l}` }))} value={form.ledger} onChange={(v) => set('ledger', v)} />
      <Text className='adm-label'>格式</Text>
      <Chips
        label='格式'
        className='js-formats'
        options={[
          { value: 'xlsx' as const, label: 'Excel（XLSX）', className: 'js-format-xlsx' },
          { value: 'csv' as const, label: 'CSV', className: 'js-format-csv' },
        ]}
        value={form.format}
        onChange={(v) => set('format', v)}
      />
      <Text className='adm-label'>时间段（不选为全部）</Text>
      <View className='adm-pickers'>
        <Picker mode='date' className='adm-pickers__one' value={form.from} onChange={(e) => set('from', String(e.detail.value))}>
          <View className='adm-picker js-pick-from'>
            <Text>{form.from ? `从 ${form.from}` : '开始日期'}</Text>
          </View>
        </Picker>
        <Picker mode='date' className='adm-pickers__one' value={form.to} onChange={(e) => set('to', String(e.detail.value))}>
          <View className='adm-picker js-pick-to'>
            <Text>{form.to ? `到 ${form.to}` : '结束日期'}</Text>
          </View>
        </Picker>
      </View>
      {form.from || form.to ? (
        <Text
          className='ll-block adm-link js-clear-period'
          {...tappable(clearPeriod)}
        >
          清除时间段
        </Text>
      ) : null}
      {ledgerByBuilding(form.ledger) && !form.compoundId && buildings.length > 1 ? (
        <>
          <Text className='adm-label'>楼栋</Text>
          <Chips
            label='楼栋'
            className='js-building-filter'
            options={[{ value: 'all', label: '全部楼栋', className: 'js-building-all' }, ...buildings.map((b) => ({ value: b.buildingId, label: b.name, className: `js-building-${b.buildingId}` }))]}
            value={form.buildingId}
            onChange={(v) => set('buildingId', v)}
          />
        </>
      ) : null}
      <Text className='ll-block ll-muted'>文件生成在云存储中，链接 2 小时内有效；手机号按您的角色脱敏；每次导出都记入操作日志。</Text>
      {problem ? <Text className='ll-block ll-error-text js-ledger-error'>{problem}</Text> : null}
      <Button type='primary' block size='large' loading={busy} disabled={busy} className='js-export-submit' onClick={onSubmit}>
        导出
      </Button>
    </Card>
  )
}
