// The service-hours ledger's shared reads: every writer of a record (志愿服务 shifts and tasks, 活动 check-ins)
// checks a new period against the person's other records here, so the same hours never count twice.
import { createHash } from 'node:crypto';
import { clashProblem, pointsFor, replacedIds, serviceMinutes, serviceProblem, type Span } from '@core/volunteer/rules';
import { monthOf } from '@core/time';
import type { Db } from './cloud';
import { findMany, insertOne, isDuplicateKey } from './db';
import type { RequestDoc, ServiceRecordDoc, UserDoc } from './model';

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

/**
 * The ledger record's _id for one source: the same source always gives the same id, so a second
 * write is a duplicate key, never a second record (short enough for the contracts' id()).
 */
export function sourceKey(kind: 'task' | 'shift', ...parts: string[]): string {
  return `${kind}-${createHash('sha256').update(parts.join(':')).digest('hex').slice(0, 24)}`;
}

/** Why these hours of a task cannot be recorded: the period itself, or a clash with the person's other records (not the task's own). */
export async function taskHoursProblem(db: Db, taskId: string, userId: string, span: Span, now: Date): Promise<string | null> {
  const own = serviceProblem(span, now);
  return own ?? (await ledgerClash(db, userId, span, { except: sourceKey('task', taskId, userId) }));
}

/**
 * A 你呼我应 task's hours, entered by the volunteer who claimed it (when resolving, or afterwards):
 * one record per task and volunteer (sourceKey), pending until the grid or branch confirms it.
 * Returns the record id and whether this call wrote it (false: it was already on the ledger).
 */
export async function recordTaskHours(
  db: Db,
  task: Pick<RequestDoc, '_id' | 'compoundId' | 'content' | 'buildingName'>,
  volunteer: Pick<UserDoc, '_id' | 'displayName'>,
  span: Span & { content?: string; place?: string; teamId?: string | null; teamName?: string | null },
  now: Date,
): Promise<{ recordId: string; written: boolean }> {
  const minutes = serviceMinutes(span.startAt, span.endAt);
  const doc: ServiceRecordDoc = {
    _id: sourceKey('task', task._id, volunteer._id), compoundId: task.compoundId, userId: volunteer._id, volunteerName: volunteer.displayName,
    teamId: span.teamId ?? null, teamName: span.teamName ?? null, source: 'task', refId: task._id, organizer: span.teamName ?? '你呼我应任务大厅',
    content: span.content || task.content.slice(0, 40), place: span.place ?? task.buildingName ?? '', startAt: span.startAt, endAt: span.endAt,
    hours: Math.round(minutes / 6) / 10, minutes, month: monthOf(span.startAt), verifiedBy: null, verifiedAt: null, rejected: null, corrects: null,
    loggedBy: volunteer._id, points: pointsFor(minutes, 'task'), createdAt: now, updatedAt: now,
  };
  try {
    await insertOne(db, 'service_records', doc as unknown as Record<string, unknown>);
    return { recordId: doc._id, written: true };
  } catch (e) {
    if (isDuplicateKey(e)) return { recordId: doc._id, written: false };
    throw e;
  }
}
