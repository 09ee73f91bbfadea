// A chart of the console: taro-react-echarts over the custom build in ./echarts (Canvas type 2d in
// WeChat, a canvas in a div in the browser). It is a picture of a table that is always shown beside
// it, so it is hidden from screen readers; tapping or hovering shows the values (the tooltip).
import { View } from '@tarojs/components'
import Echarts from 'taro-react-echarts'
import { echarts } from './echarts'

export function Chart({ option, label, className }: { option: object; label: string; className?: string }) {
  return (
    <View className={`adm-chart ${className ?? ''}`} aria-hidden='true' data-label={label}>
      {/* isPage false: the chart mounts after the figures arrive, when the page's onReady has passed */}
      <Echarts echarts={echarts} option={option} isPage={false} style={{ width: '100%', height: '240px' }} />
    </View>
  )
}
