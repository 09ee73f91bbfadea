// The months the dashboard offers, and how a month is named.
import { monthOf } from '@core/time'

/** This month and the five before it (China time), newest first: ['2026-12', '2026-11', …]. */
export function recentMonths(now: Date, count = 6): string[] {
  const [y, m] = monthOf(now).split('-').map(Number)
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    const idx = y * 12 + (m - 1) - i
    out.push(`${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`)
  }
  return out
}

export const monthLabel = (m: string) => `${Number(m.slice(0, 4))}年${Number(m.slice(5))}月`
