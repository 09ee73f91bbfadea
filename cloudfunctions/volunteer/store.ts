// 志愿服务: named reads, rights and guarded writes the actions share.
import { randomBytes } from 'node:crypto';
import { TEAM_MAKERS, TASK_VERIFIERS, countingRecords, formatHours } from '@core/volunteer/rules';
import { fail } from '@core/errors';
import { hasAnyRole } from '@core/roles';
import { monthOf } from '@core/time';
import type { Db } from '../runtime/cloud';
import { findMany, findOne, getById } from '../runtime/db';
import { isVerified, replacedSet, sourceKey } from '../runtime/ledger';
import type { MembershipDoc, ServiceRecordDoc, ShiftDoc, TeamDoc } from '../runtime/model';
import type { UserCtx } from '../runtime/serve';

export const iso = (d: Date | string) => new Date(d).toISOString();

export async function loadTeam(ctx: UserCtx, teamId: string): Promise<TeamDoc> {
  const t = await getById<TeamDoc>(ctx.db, 'teams', teamId);
  if (!t || !ctx.compoundId || t.compoundId !== ctx.compoundId) throw fail.notFound('没有找到这支队伍');
  return t;
}

export async function loadShift(ctx: UserCtx, shiftId: string): Promise<ShiftDoc> {
  const s = await getById<ShiftDoc>(ctx.db, 'shifts', shiftId);
  if (!s || s.compoundId !== ctx.compoundId) throw fail.notFound('没有找到这个班次');
  return s;
}

/** The team's leaders, and the committee and branch of its compound, manage it. */
export function leads(ctx: UserCtx, team: Pick<TeamDoc, 'leaders' | 'compoundId'>): boolean {
  return team.leaders.some((l) => l.userId === ctx.user._id) || (team.compoundId === ctx.compoundId && hasAnyRole(ctx.roles, TEAM_MAKERS));
}

export function requireLeader(ctx: UserCtx, team: Pick<TeamDoc, 'leaders' | 'compoundId'>): void {
  if (!leads(ctx, team)) throw fail.forbidden('只有队长（或业委会、党支部）可以管理这支队伍');
}

export const activeKey = (teamId: string, userId: string) => `${teamId}:${userId}`;

/** The person's open (pending or active) membership of a team, through its unique key. */
export function openMembership(db: Db, teamId: string, userId: string): Promise<MembershipDoc | null> {
  return findOne<MembershipDoc>(db, 'team_members', { activeKey: activeKey(teamId, userId) });
}

/** Who may verify a record: a leader of its team, the committee and branch, and the grid for hall tasks — never its volunteer. */
export async function canVerify(ctx: UserCtx, r: ServiceRecordDoc, teams?: Map<string, TeamDoc>): Promise<boolean> {
  if (r.userId === ctx.user._id || r.compoundId !== ctx.compoundId) return false;
  if (hasAnyRole(ctx.roles, TEAM_MAKERS)) return true;
  if (r.teamId) {
    const team = teams?.get(r.teamId) ?? (await getById<TeamDoc>(ctx.db, 'teams', r.teamId));
    if (team && team.leaders.some((l) => l.userId === ctx.user._id)) return true;
  }
  return r.source === 'task' && hasAnyRole(ctx.roles, TASK_VERIFIERS);
}

export function statusOf(r: ServiceRecordDoc, replaced: Set<string>): 'pending' | 'verified' | 'rejected' | 'corrected' {
  if (r.rejected) return 'rejected';
  if (!r.verifiedAt && !(r.verifiedBy && r.source === 'event')) return 'pending';
  return replaced.has(r._id) ? 'corrected' : 'verified';
}

export const minutesOf = (r: ServiceRecordDoc) => r.minutes ?? Math.round(r.hours * 60);
export { isVerified, replacedSet };

/** The records that count for a person: verified, not rejected, not replaced by a verified correction. */
export function counting(records: readonly ServiceRecordDoc[]): ServiceRecordDoc[] {
  const shaped = records.map((r) => ({ recordId: r._id, verified: isVerified(r), corrects: r.corrects ?? null, rejected: !!r.rejected, r }));
  return countingRecords(shaped).map((x) => x.r);
}


export async function myRecords(db: Db, userId: string): Promise<ServiceRecordDoc[]> {
  return findMany<ServiceRecordDoc>(db, 'service_records', { userId }, { orderBy: [['startAt', 'desc']], limit: 1000 });
}

/** The ledger's source of a record ('patrol' was the shift source's first name). */
export const sourceOf = (r: ServiceRecordDoc) => (r.source === 'patrol' ? 'shift' : r.source);

export const hoursText = formatHours;
export const monthKey = monthOf;

export { sourceKey };

/** A correction's own id: new every time (a correction never overwrites). */
export const correctionId = () => `fix-${randomBytes(12).toString('hex')}`;

/**
 * Counted minutes (verified, not rejected, not replaced by a verified correction) of the records that
 * match, summed by the database per group — exact however many records there are. A verified record
 * is one with a verifier (every writer sets verifiedBy only when it verifies); the originals that a
 * verified correction replaces (corrections are few: found through their own index) are taken out.
 */
export async function countedMinutesBy(
  db: Db,
  compoundId: string,
  match: { month?: string | string[]; teamId?: string },
  groupBy: (r: Pick<ServiceRecordDoc, 'userId' | 'teamId' | 'month'>) => string | null,
  groupId: Record<string, string>,
): Promise<Map<string, number>> {
  const _ = db.command;
  const $ = _.aggregate;
  const where: Record<string, unknown> = { compoundId, rejected: null, verifiedBy: _.neq(null) };
  if (match.month !== undefined) where.month = Array.isArray(match.month) ? _.in(match.month) : match.month;
  if (match.teamId !== undefined) where.teamId = match.teamId;
  const out = new Map<string, number>();
  for (let skip = 0; ; skip += GROUP_PAGE) {
    const res = (await db.collection('service_records').aggregate().match(where)
      .group({ _id: groupId, minutes: $.sum('$minutes'), legacyHours: $.sum($.cond({ if: $.gt(['$minutes', 0]), then: 0, else: '$hours' })) })
      .sort({ _id: 1 }).skip(skip).limit(GROUP_PAGE).end()) as unknown as { list: Array<{ _id: Record<string, string | null>; minutes: number; legacyHours: number }> };
    for (const g of res.list) {
      const key = groupBy({ userId: g._id.userId ?? '', teamId: g._id.teamId ?? null, month: g._id.month ?? undefined });
      if (key !== null) out.set(key, (out.get(key) ?? 0) + g.minutes + Math.round(g.legacyHours * 60));
    }
    if (res.list.length < GROUP_PAGE) break;
  }
  // the originals a verified correction replaces, wherever the correction itself falls
  const corrections = (await findMany<ServiceRecordDoc>(db, 'service_records', { compoundId, corrects: _.neq(null), rejected: null }, { limit: 1000 })).filter(isVerified);
  const known = new Map(corrections.map((r) => [r._id, r]));
  for (let wanted = corrections.map((r) => r.corrects!); wanted.length; ) {
    const ids = [...new Set(wanted)].filter((id) => !known.has(id));
    const found = ids.length ? await findMany<ServiceRecordDoc>(db, 'service_records', { _id: _.in(ids.slice(0, 500)) }, { limit: 500 }) : [];
    for (const r of found) known.set(r._id, r);
    wanted = found.map((r) => r.corrects).filter((id): id is string => !!id);
  }
  const all = [...known.values()];
  const months = match.month === undefined ? null : new Set(Array.isArray(match.month) ? match.month : [match.month]);
  for (const id of replacedSet(all)) {
    const r = known.get(id);
    if (!r || !r.verifiedBy || r.rejected || r.compoundId !== compoundId) continue;
    if (months && !months.has(r.month ?? monthOf(r.startAt))) continue;
    if (match.teamId !== undefined && r.teamId !== match.teamId) continue;
    const key = groupBy(r);
    if (key !== null) out.set(key, (out.get(key) ?? 0) - minutesOf(r));
  }
  return out;
}

/** Groups read per aggregate page. */
const GROUP_PAGE = 1000;
