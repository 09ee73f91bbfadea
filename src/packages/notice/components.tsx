// Pieces shared by the 通知公告 pages: ?id=, filter chips, the fee table and money, the editor's
// plain text ↔ HTML, the scheduled-publish field.
import { useEffect, useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Input } from '@nutui/nutui-react-taro'
import type { FeeRow } from '../../services/notice'
import { beijing } from '../../utils/format'
import { formDay, formTimeToIso, isFormTime } from '../../utils/formTime'
import { group, tappable } from '../../components/Tappable'
import './notice.scss'

/** Reads `?id=` of this page ('' when there is none). */
export function useNoticeId(): string {
  const id = useRouter()?.params?.id ?? ''
  try {
    return decodeURIComponent(id)
  } catch {
    return id
  }
}

export { Chips, type Chip } from '../../components/Chips'

// ---- money ------------------------------------------------------------------------------------

/** Yuan as cents, so that sums do not drift (0.1 + 0.2). */
export function toCents(yuan: number): number {
  return Math.round(yuan * 100)
}

/** 1234567.5 → '1,234,567.50'; -20 → '-20.00'. No toLocaleString: WeChat's JS engine may lack Intl. */
export function money(yuan: number): string {
  const cents = toCents(yuan)
  const abs = Math.abs(cents)
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${cents < 0 ? '-' : ''}${whole}.${String(abs % 100).padStart(2, '0')}`
}

export function feeTotal(rows: ReadonlyArray<Pick<FeeRow, 'amount'>>): number {
  return rows.reduce((sum, r) => sum + toCents(r.amount), 0) / 100
}

/** 物业费收支公示: 项目 / 金额(元) / 期间, with a 合计 row. */
export function FeeTable({ rows }: { rows: ReadonlyArray<FeeRow> }) {
  const total = feeTotal(rows)
  return (
    <View className='ntc-table ntc-fees js-fee-table' {...group('table', '物业费收支公示')}>
      <View className='ntc-table__row ntc-table__row--head' {...group('row')}>
        <Text className='ntc-table__cell ntc-table__cell--key' {...group('columnheader')}>项目</Text>
        <Text className='ntc-table__cell ntc-table__cell--num' {...group('columnheader')}>金额(元)</Text>
        <Text className='ntc-table__cell' {...group('columnheader')}>期间</Text>
      </View>
      {rows.map((r, i) => (
        <View key={`${r.item}-${i}`} className='ntc-table__row js-fee-row' {...group('row')}>
          <Text className='ntc-table__cell ntc-table__cell--key' {...group('cell')}>{r.item}</Text>
          <Text className='ntc-table__cell ntc-table__cell--num js-fee-amount' {...group('cell')}>{money(r.amount)}</Text>
          <Text className='ntc-table__cell' {...group('cell')}>{r.period}</Text>
        </View>
      ))}
      <View className='ntc-table__row ntc-table__row--total js-fee-total' {...group('row')}>
        <Text className='ntc-table__cell ntc-table__cell--key' {...group('cell')}>合计</Text>
        <Text className='ntc-table__cell ntc-table__cell--num js-fee-total-amount' {...group('cell')}>{money(total)}</Text>
        <Text className='ntc-table__cell' {...group('cell')} />
      </View>
    </View>
  )
}

// the editor's text ↔ HTML is part of the form model (core/notice/form)
export { hasRichFormatting, htmlToText, textToHtml } from '@core/notice/form'

// ---- 定时发布 ---------------------------------------------------------------------------------

/**
 * 定时发布: empty means now. A date and a time picker (native in WeChat), plus — in local builds
 * only, for end-to-end tests — a plain text field taking 'YYYY-MM-DD HH:mm'.
 */
export function PublishAtField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const [draft, setDraft] = useState(value)
  useEffect(() => setDraft(value), [value])
  const shown = value || formDay(1, '08:00')
  const [date, time] = shown.split(' ')
  return (
    <View className='ntc-publish-at js-publish-at'>
      {value ? (
        <Text className='ll-block ll-text-2 js-publish-at-text'>将于 {beijing(formTimeToIso(value)).format('YYYY年M月D日 HH:mm')} 发布（北京时间）</Text>
      ) : (
        <Text className='ll-block ll-muted js-publish-at-text'>保存后立即发布。需要定时发布请选择日期和时间。</Text>
      )}
      <View className='ntc-pickers'>
        <Picker mode='date' className='ntc-pickers__date' value={date} onChange={(e) => onChange(`${e.detail.value} ${time}`)}>
          <View className='ntc-picker js-pick-publish-date'>
            <Text>{value ? beijing(formTimeToIso(value)).format('YYYY年M月D日 ddd') : '选择日期'}</Text>
          </View>
        </Picker>
        <Picker mode='time' className='ntc-pickers__time' value={time} onChange={(e) => onChange(`${date} ${e.detail.value}`)}>
          <View className='ntc-picker js-pick-publish-time'>
            <Text>{value ? time : '时间'}</Text>
          </View>
        </Picker>
      </View>
      {value ? (
        <Text className='ll-block ntc-link js-publish-now' {...tappable(() => onChange(''))}>
          改为立即发布
        </Text>
      ) : null}
      {LINLI_LOCAL ? (
        <View className='ll-field ll-dev'>
          <Input
            className='js-field-publish-at'
            placeholder='YYYY-MM-DD HH:mm（留空为立即发布）'
            value={draft}
            onChange={(v: string) => {
              setDraft(v)
              const t = v.trim()
              if (!t) onChange('')
              else if (isFormTime(t)) onChange(t)
            }}
          />
        </View>
      ) : null}
      {LINLI_LOCAL && draft.trim() !== value ? <Text className='ll-error-text'>格式：2026-12-01 08:00</Text> : null}
    </View>
  )
}
