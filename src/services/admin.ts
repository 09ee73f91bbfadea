// 工作台: the typed client of the `admin` cloud function (dashboards, ledgers, audit log, moderation,
// the 三方联席会议). Imported only by the console's subpackage; 举报 and 提议 elsewhere use ./report.
import type { OutputOf } from '@core/contract'
import type { AdminContract } from '@core/admin/contract'
import { createClient } from './client'

export const adminApi = createClient<AdminContract>('admin')
export type { AdminContract, AgendaItem, ExportJob, MeetingView, Overview, QueueItem } from '@core/admin/contract'
export type CompoundRow = OutputOf<AdminContract['compounds']>['items'][number]
export type AuditEntry = OutputOf<AdminContract['auditLog']>['items'][number]
