// 表决结果's per-building table: units (户) per building — people in a per-resident count — with the
// area that took part in an owners' vote. An owner of several units counts once in the totals and
// once per unit here, which the note under the table says.
import { Text, View } from '@tarojs/components'
import { formatArea } from '@core/convention/rules'
import { Card } from '../../../components/Card'
import { group } from '../../../components/Tappable'
import type { TallyView } from '../../../services/convention'

export function ByBuilding({ t }: { t: TallyView }) {
  if (!t.byBuilding.length) return null
  const unit = t.electorate === 'residents' ? '人' : '户'
  const withArea = t.totals.electorateArea > 0
  const heads = ['楼栋', `应投（${unit}）`, `已投（${unit}）`, '同意', '反对', '弃权', ...(withArea ? ['已投面积'] : [])]
  return (
    <Card title='各楼栋' className='js-by-building'>
      <View className='cv-table' {...group('table', '各楼栋')}>
        <View className='cv-tr cv-th' {...group('row')}>
          {heads.map((h, i) => (
            <Text key={h} className={`cv-td ${i === 0 ? 'cv-td--name' : ''}`} {...group('columnheader')}>
              {h}
            </Text>
          ))}
        </View>
        {t.byBuilding.map((b) => (
          <View key={b.buildingId} className={`cv-tr js-building-${b.buildingId}`} {...group('row')}>
            <Text className='cv-td cv-td--name' {...group('cell')}>{b.buildingName}</Text>
            {[b.electorateHeads, b.partHeads, b.agreeHeads, b.disagreeHeads, b.abstainHeads].map((n, i) => (
              <Text key={i} className='cv-td' {...group('cell')}>
                {n}
              </Text>
            ))}
            {withArea ? <Text className='cv-td' {...group('cell')}>{`${formatArea(b.partArea)} ㎡`}</Text> : null}
          </View>
        ))}
      </View>
      {t.electorate === 'owners' ? (
        <Text className='ll-block ll-muted js-by-building-note'>各楼栋按户（房屋）统计；一位业主有多套房屋的，在上方合计中只计一人，故各楼栋户数之和可能大于合计人数，面积之和与合计一致。</Text>
      ) : null}
    </Card>
  )
}
