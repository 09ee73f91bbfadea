// Display helpers: Chinese labels, and times in China time from the one time module (core/time.ts).
import { ROLE_LABELS, type Role } from '@core/roles'

export { china as beijing, dateTime, dateTime as eventTime, fromNow, timeRange as eventTimeRange } from '@core/time'

export const RELATION_LABELS = { owner: '业主', family: '家庭成员', tenant: '租户' } as const

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role]
}

export function homeLabel(h: { buildingName: string; unit: string; room: string }): string {
  return `${h.buildingName}${h.unit}单元${h.room}室`
}
