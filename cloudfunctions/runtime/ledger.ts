// The service-hours ledger's shared reads: every writer of a record (志愿服务 shifts and tasks, 活动 check-ins)
// checks a new period against the person's other records here, so the same hours never count twice.
import { clashProblem, replacedIds, type Span } from '@core/volunteer/rules';
import type { Db } from './cloud';
import { findMany } from './db';
import type { ServiceRecordDoc } from './model';

const DAY_MS = 86_400_000;

/** Verified: confirmed by someone (an event record by its organiser's code) and not rejected. */
export const isVerified = (r: ServiceRecordDoc) => !r.rejected && (!!r.verifiedAt || (r.source === 'event' && !!r.verifiedBy));

/** Every record a verified correction replaces, up its whole chain (core/volunteer/rules.ts replacedIds). */
export function replacedSet(records: readonly ServiceRecordDoc[]): Set<string> {
  return replacedIds(records.map((r) => ({ recordId: r._id, verified: isVerified(r), corrects: r.corrects ?? null, rejected: !!r.rejected })));
}

/** The person's records that start within a day before a period and up to its end (for overlaps and the 24-hour day). */
export function recordsNear(db: Db, userId: string, span: Span): Promise<ServiceRecordDoc[]> {
  const _ = db.command;
  return findMany<ServiceRecordDoc>(db, 'service_records', { userId, startAt: _.and(_.gte(new Date(span.startAt.getTime() - DAY_MS)), _.lte(span.endAt)) }, { limit: 200 });
}

/**
 * Why a record of this period would count hours already counted: against the person's live records
 * (pending or verified, not rejected, not replaced), or with `countedOnly` their verified ones — minus
 * the record itself and those it corrects.
 */
export async function ledgerClash(db: Db, userId: string, span: Span, opts: { except?: string; corrects?: string | null; countedOnly?: boolean } = {}): Promise<string | null> {
  const near = await recordsNear(db, userId, span);
  const replaced = replacedSet(near);
  const byId = new Map(near.map((r) => [r._id, r]));
  const skip = new Set<string>(opts.except ? [opts.except] : []);
  for (let id = opts.corrects ?? null; id && !skip.has(id); id = byId.get(id)?.corrects ?? null) skip.add(id);
  const others = near.filter((r) => !skip.has(r._id) && !r.rejected && !replaced.has(r._id) && (!opts.countedOnly || isVerified(r)));
  return clashProblem(span, others);
}
