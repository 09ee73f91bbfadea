// Times typed into forms: 'YYYY-MM-DD HH:mm', Beijing wall-clock time (the compound's time,
// whatever the device's zone), and the ISO instants the contracts take.
import { beijing } from './format'

const FORM_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/

/** Is this a real 'YYYY-MM-DD HH:mm' (no 2月30日, no 24:00)? */
export function isFormTime(text: string): boolean {
  const m = FORM_TIME.exec(text)
  if (!m) return false
  const [y, mo, d, h, mi] = m.slice(1).map(Number)
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi))
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && h < 24 && mi < 60
}

/** '2026-11-28 14:00' → '2026-11-28T14:00:00+08:00'. */
export function formTimeToIso(text: string): string {
  return `${text.replace(' ', 'T')}:00+08:00`
}

/** An instant as a form shows it (Beijing). */
export function isoToFormTime(iso: string): string {
  return beijing(iso).format('YYYY-MM-DD HH:mm')
}

/** The day `days` after `from` (Beijing) at `hhmm`. */
export function formDay(days: number, hhmm: string, from = new Date()): string {
  return `${beijing(from.toISOString()).add(days, 'day').format('YYYY-MM-DD')} ${hhmm}`
}
