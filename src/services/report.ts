// 举报 and 提议 from the resident-facing pages: two actions of the `admin` function, called without
// loading its contract (only types are imported), so the pages outside the console stay small.
import type { InputOf, OutputOf } from '@core/contract'
import type { AdminContract } from '@core/admin/contract'
import type { Envelope } from '@core/errors'
import { callFunction } from './platform'

type Report = AdminContract['report']
type Propose = AdminContract['propose']

/** 举报 one item (one report per person per item: a second one answers CONFLICT with its message). */
export function reportContent(data: InputOf<Report>): Promise<Envelope<OutputOf<Report>>> {
  return callFunction('admin', 'report', data)
}

/** Puts a request (staff) or a resident's proposal on the next 三方联席会议's agenda. */
export function proposeTopic(data: InputOf<Propose>): Promise<Envelope<OutputOf<Propose>>> {
  return callFunction('admin', 'propose', data)
}

/** Reasons offered in the 举报 sheet (the person may also write their own). */
export const REPORT_REASONS = ['广告或垃圾信息', '辱骂、人身攻击', '泄露他人隐私', '虚假或不实信息', '违法违规内容'] as const
