// 费用明细 of a 物业公示: one editable line per item, with the running total.
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { blankFee, feeRowsOf, type FeeDraft } from '@core/notice/form'
import { Card } from '../../../components/Card'
import { tappable } from '../../../components/Tappable'
import { feeTotal, money } from '../components'

export function FeeEditor({ fees, onChange }: { fees: FeeDraft[]; onChange: (fees: FeeDraft[]) => void }) {
  const setRow = (i: number, patch: Partial<FeeDraft>) => onChange(fees.map((f, j) => (j === i ? { ...f, ...patch } : f)))
  const parsed = feeRowsOf(fees)
  return (
    <Card title='费用明细' className='js-fee-editor'>
      <Text className='ll-block ll-muted'>每行一项：项目、金额（元，支出可填负数）、期间（如 2026年1-6月）。居民看到的表格会自动加上合计。</Text>
      {fees.map((f, i) => (
        <View key={i} className={`ntc-fee-edit js-fee-edit-${i}`}>
          <View className='ntc-fee-edit__fields'>
            <View className='ll-field'>
              <Input className='js-fee-item' placeholder='项目，如 电梯维保' value={f.item} maxLength={40} onChange={(v: string) => setRow(i, { item: v })} />
            </View>
            <View className='ll-field'>
              <Input className='js-fee-amount' type='digit' placeholder='金额' value={f.amount} maxLength={16} onChange={(v: string) => setRow(i, { amount: v })} />
            </View>
          </View>
          <View className='ntc-fee-edit__fields'>
            <View className='ll-field'>
              <Input className='js-fee-period' placeholder='期间，如 2026年1-6月' value={f.period} maxLength={20} onChange={(v: string) => setRow(i, { period: v })} />
            </View>
            <Text className='ntc-link js-fee-remove' {...tappable(() => onChange(fees.filter((_, j) => j !== i)), { label: `删除第 ${i + 1} 行` })}>
              删除
            </Text>
          </View>
        </View>
      ))}
      <View className='ll-gap' />
      <View className='ntc-summary'>
        <Text className='ll-text-2 js-fee-edit-total'>{typeof parsed === 'string' ? '合计：—' : `合计：${money(feeTotal(parsed))} 元`}</Text>
        <Button
          size='small'
          fill='outline'
          type='primary'
          className='js-fee-add'
          disabled={fees.length >= 100}
          onClick={() => onChange([...fees, blankFee(fees[fees.length - 1]?.period ?? '')])}
        >
          添加一行
        </Button>
      </View>
    </Card>
  )
}
