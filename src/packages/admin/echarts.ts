// The console's ECharts: a custom build (line and bar charts, grid, tooltip, legend, canvas) so that
// the subpackage stays small. Imported only by ./Chart, inside the console's subpackage.
import * as echarts from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer])

export { echarts }
