// Pieces of 三率统计: the recent months to choose from, hours, and the three rate tiles.
import { Text, View } from '@tarojs/components'
import type { OutputOf } from '@core/contract'
import type { RequestContract } from '@core/request/contract'
import { monthOf } from '@core/request/rules'
import { percent } from '../components'

type Rates = OutputOf<RequestContract['stats']>['overall']

/** This month and the five before it (China time), newest first: ['2026-11', '2026-10', …]. */
export function recentMonths(now: Date, count = 6): string[] {
  const [y, m] = monthOf(now).split('-').map(Number)
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    const idx = y * 12 + (m - 1) - i
    out.push(`${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`)
  }
  return out
}

export function hours(h: number | null): string {
  return h === null ? '—' : `${h} 小时`
}

export function RateTiles({ rates }: { rates: Rates }) {
  return (
    <View className='rq-rates js-rates'>
      <View className='rq-rate js-rate-response'>
        <Text className='rq-rate__value'>{percent(rates.responseRate)}</Text>
        <Text className='rq-rate__label'>响应率</Text>
      </View>
      <View className='rq-rate js-rate-resolution'>
        <Text className='rq-rate__value'>{percent(rates.resolutionRate)}</Text>
        <Text className='rq-rate__label'>解决率</Text>
      </View>
      <View className='rq-rate js-rate-satisfaction'>
        <Text className='rq-rate__value'>{percent(rates.satisfactionRate)}</Text>
        <Text className='rq-rate__label'>满意率</Text>
      </View>
    </View>
  )
}

