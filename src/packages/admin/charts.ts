// The options of the console's charts, built from the function's figures only (pure: no ECharts
// import here, so they are tested without a canvas).

const COLORS = ['#c8161d', '#1d39c4', '#d48806']
/** Axis and legend text: larger in elder mode (适老化). */
const axis = (big: boolean) => ({ color: big ? '#1f1f1f' : '#595959', fontSize: big ? 15 : 11 })

/** A fraction 0..1 as a percentage with one decimal for the chart; null stays a gap. */
const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10)

export interface RateSeries {
  response: number | null
  resolution: number | null
  satisfaction: number | null
}

const RATE_NAMES = [
  ['response', '响应率'],
  ['resolution', '解决率'],
  ['satisfaction', '满意率'],
] as const

/** The three rates as lines (a trend over months) or grouped bars (by building, by category). */
export function ratesOption(kind: 'line' | 'bar', labels: string[], rows: RateSeries[], big = false) {
  const AXIS = axis(big)
  return {
    color: COLORS,
    animation: false,
    tooltip: { trigger: 'axis', textStyle: { fontSize: big ? 16 : 12 }, valueFormatter: (v: unknown) => (v === null || v === undefined || v === '-' ? '暂无' : `${v}%`) },
    legend: { top: 0, textStyle: AXIS },
    grid: { left: 8, right: 8, top: big ? 40 : 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: labels, axisLabel: AXIS },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { ...AXIS, formatter: '{value}%' } },
    series: RATE_NAMES.map(([key, name]) => ({
      name,
      type: kind,
      connectNulls: false,
      data: rows.map((r) => pct(r[key])),
    })),
  }
}

/** One rate (fractions 0..1) per series over months as lines: a building's or a category's trend. */
export function trendsOption(labels: string[], series: ReadonlyArray<{ name: string; data: Array<number | null> }>, big = false) {
  const AXIS = axis(big)
  return {
    animation: false,
    tooltip: { trigger: 'axis', textStyle: { fontSize: big ? 16 : 12 }, valueFormatter: (v: unknown) => (v === null || v === undefined || v === '-' ? '暂无' : `${v}%`) },
    legend: { top: 0, type: 'scroll', textStyle: AXIS },
    grid: { left: 8, right: 8, top: big ? 40 : 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: labels, axisLabel: AXIS },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { ...AXIS, formatter: '{value}%' } },
    series: series.map((s) => ({ name: s.name, type: 'line', connectNulls: false, data: s.data.map(pct) })),
  }
}

/** One count per label as bars (open requests by age with the overdue part, hours by team). */
export function countsOption(labels: string[], series: ReadonlyArray<{ name: string; data: number[] }>, unit = '', big = false) {
  const AXIS = axis(big)
  return {
    color: COLORS,
    animation: false,
    tooltip: { trigger: 'axis', textStyle: { fontSize: big ? 16 : 12 }, valueFormatter: (v: unknown) => `${v}${unit}` },
    legend: { top: 0, textStyle: AXIS },
    grid: { left: 8, right: 8, top: big ? 40 : 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: labels, axisLabel: AXIS },
    yAxis: { type: 'value', minInterval: 1, axisLabel: AXIS },
    series: series.map((s) => ({ name: s.name, type: 'bar', data: s.data })),
  }
}
