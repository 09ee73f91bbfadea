// Display helpers: Chinese labels and times (dayjs, zh-cn).
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import relativeTime from 'dayjs/plugin/relativeTime'
import { ROLE_LABELS, type Role } from '../../cloudfunctions/common/roles'

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
