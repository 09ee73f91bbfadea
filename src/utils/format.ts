// Display helpers: Chinese labels and times (dayjs, zh-cn).
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import relativeTime from 'dayjs/plugin/relativeTime'
import { ROLE_LABELS, type Role } from '@core/roles'

dayjs.extend(relativeTime)
dayjs.locale('zh-cn')

export const RELATION_LABELS = { owner: '业主', family: '家庭成员', tenant: '租户' } as const

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role]
}

export function fromNow(iso: string): string {
  return dayjs(iso).fromNow()
}

export function dateTime(iso: string): string {
  return dayjs(iso).format('M月D日 HH:mm')
}

export function homeLabel(h: { buildingName: string; unit: string; room: string }): string {
  return `${h.buildingName}${h.unit}单元${h.room}室`
}

const BEIJING_OFFSET_MIN = 8 * 60

/**
 * An instant as Beijing wall-clock time. Events are held in the compound, so their times read the
 * same on every device, whatever its time zone (the form sends them with +08:00).
 */
export function beijing(iso: string): dayjs.Dayjs {
  const ms = Date.parse(iso)
  // a local Date whose local fields are Beijing's
  return dayjs(ms + (BEIJING_OFFSET_MIN + new Date(ms).getTimezoneOffset()) * 60_000)
}

/** 'M月D日', with the year when it is not this year's. */
function dayPattern(d: dayjs.Dayjs): string {
  return d.year() === beijing(new Date().toISOString()).year() ? 'M月D日' : 'YYYY年M月D日'
}

/** 11月28日 14:00 (Beijing time). */
export function eventTime(iso: string): string {
  const t = beijing(iso)
  return t.format(`${dayPattern(t)} HH:mm`)
}

/** 11月28日 14:00–16:00, or 11月28日 14:00 – 11月29日 12:00 across days (Beijing time). */
export function eventTimeRange(startIso: string, endIso: string): string {
  const start = beijing(startIso)
  const end = beijing(endIso)
  const from = start.format(`${dayPattern(start)} HH:mm`)
  if (start.format('YYYY-MM-DD') === end.format('YYYY-MM-DD')) return `${from}–${end.format('HH:mm')}`
  return `${from} – ${end.format(`${dayPattern(end)} HH:mm`)}`
}
