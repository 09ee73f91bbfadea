// A chart of the console: taro-react-echarts over the custom build in ./echarts (Canvas type 2d in
// WeChat, a canvas in a div in the browser). It is a picture of a table that is always shown beside
// it, so it is hidden from screen readers; tapping or hovering shows the values (the tooltip).
import { View } from '@tarojs/components'
import Echarts from 'taro-react-echarts'
import { echarts } from './echarts'

const HEIGHT = 240
const STYLE = { height: `${HEIGHT}px` }
const OPTS = { height: HEIGHT }

export function Chart({ option, label, className }: { option: object; label: string; className?: string }) {
  return (
    <View className={`adm-chart ${className ?? ''}`} aria-hidden='true' data-label={label}>
      {/* isPage false: the chart mounts after the figures arrive, when the page's onReady has passed.
          No width in style: the library would hand '100%' to ECharts as pixels; it measures the box instead. */}
      <Echarts echarts={echarts} option={option} isPage={false} style={STYLE} opts={OPTS} />
    </View>
  )
}
