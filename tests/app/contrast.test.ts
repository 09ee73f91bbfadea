// 适老化 as numbers: every colour that carries words reads at 4.5:1 (WCAG 2.1 AA) on white, the
// tab bar included, and the browser build lets a person pinch to zoom.
import fs from 'node:fs'
import path from 'node:path'
import appConfig from '../../src/app.config'
import { STATE_COLORS } from '../../src/components/RequestRow'
import { NOTICE_CATEGORY_COLORS } from '../../src/components/NoticeRow'

const root = path.resolve(__dirname, '../..')
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8')

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

/** `--name: #xxxxxx` from the first (normal mode) block of app.scss. */
function cssVar(scss: string, name: string): string {
  const m = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`).exec(scss)
  if (!m) throw new Error(`--${name} is not set in app.scss`)
  return m[1]
}

describe('contrast and size', () => {
  const scss = read('src/app.scss')

  it('greys, tags and the tab bar read at 4.5:1 on white', () => {
    const colours: Record<string, string> = {
      '--ll-text-3 (muted text)': cssVar(scss, 'll-text-3'),
      '--ll-text-2': cssVar(scss, 'll-text-2'),
      'NutUI help text': cssVar(scss, 'nutui-color-text-help'),
      'NutUI danger (注销账号)': cssVar(scss, 'nutui-color-danger'),
      'NutUI success tag (已认证)': cssVar(scss, 'nutui-tag-success-background-color'),
      'tab bar words': appConfig.tabBar!.color!,
      ...Object.fromEntries(Object.entries(STATE_COLORS).map(([k, v]) => [`request state ${k}`, v])),
      ...Object.fromEntries(Object.entries(NOTICE_CATEGORY_COLORS).map(([k, v]) => [`notice category ${k}`, v])),
    }
    const weak = Object.entries(colours)
      .map(([what, colour]) => ({ what, colour, ratio: Math.round(contrast(colour, '#ffffff') * 100) / 100 }))
      .filter((c) => c.ratio < 4.5)
    expect(weak).toEqual([])
  })

  it('tags and error messages are at least 13 px on a phone (26 in the 750 design)', () => {
    const size = (re: RegExp) => Number(re.exec(scss)?.[1])
    expect(size(/--nutui-tag-font-size:\s*(\d+)px/)).toBeGreaterThanOrEqual(26)
    expect(size(/\.ll-error-text \{[^}]*font-size:\s*(\d+)px/)).toBeGreaterThanOrEqual(26)
    // and nothing a person reads is set below that anywhere: the global look, the shared components'
    // own stylesheets (src/components/<Name>/<Name>.scss) and the packages'
    const components = fs
      .readdirSync(path.join(root, 'src/components'))
      .map((name) => `src/components/${name}/${name}.scss`)
      .filter((file) => fs.existsSync(path.join(root, file)))
    expect(components).toEqual(expect.arrayContaining(['src/components/Card/Card.scss', 'src/components/RequestRow/RequestRow.scss', 'src/components/Toggle/Toggle.scss']))
    for (const file of ['src/app.scss', ...components, 'src/packages/request/request.scss', 'src/packages/event/event.scss', 'src/packages/notice/notice.scss']) {
      const small = [...read(file).matchAll(/font-size:\s*(\d+)px/g)].map((m) => Number(m[1])).filter((n) => n < 26)
      expect({ file, small }).toEqual({ file, small: [] })
    }
  })

  it('the browser build allows pinch zoom', () => {
    expect(read('src/index.html')).not.toMatch(/user-scalable\s*=\s*no|maximum-scale\s*=\s*1(?!\d)/)
  })
})
