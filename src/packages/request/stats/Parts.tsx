// Pieces of 三率统计: the recent months to choose from, hours, and the three rate tiles.
import { Text, View } from '@tarojs/components'
import type { OutputOf } from '@core/contract'
import type { RequestContract } from '@core/request/contract'
import { percent } from '../components'

type Rates = OutputOf<RequestContract['stats']>['overall']

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

