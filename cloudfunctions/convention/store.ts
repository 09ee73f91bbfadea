// 公约与表决: the named reads and guarded writes the actions share.
import { DRAFTERS, LIVE_TALLY_READERS, nextPhase, PROGRESS_READERS, type Phase, type PhaseAction } from '@core/convention/rules';
import { fail } from '@core/errors';
import { hasAnyRole } from '@core/roles';
import type { Db } from '../runtime/cloud';
import { findAll, findMany, getById, updateWhere } from '../runtime/db';
import type { BallotDoc, BuildingDoc, ConventionDoc, UserDoc, VoteRegisterDoc } from '../runtime/model';
import { CALLER_ID, callerField, joined, type Ctx, type JoinedRead, type UserCtx } from '../runtime/serve';


/** The convention: as read with the caller when the action declared it (`convention`), else now. */
export async function loadConvention(ctx: UserCtx, conventionId: string): Promise<ConventionDoc> {
  const c = await joined<ConventionDoc>(ctx, 'convention', () => getById<ConventionDoc>(ctx.db, 'conventions', conventionId));
  if (!c || !ctx.compoundId || c.compoundId !== ctx.compoundId) throw fail.notFound('没有找到这份公约');
  return c;
}

export function isDrafter(ctx: UserCtx, c?: ConventionDoc): boolean {
  return !!ctx.compoundId && (!c || c.compoundId === ctx.compoundId) && hasAnyRole(ctx.roles, DRAFTERS);
}

export function requireDrafter(ctx: UserCtx, c: ConventionDoc): void {
  if (!isDrafter(ctx, c)) throw fail.forbidden('只有业委会、党支部和社区可以管理公约');
}

export function isAuditor(ctx: UserCtx, c: ConventionDoc): boolean {
  return c.auditors.some((a) => a.userId === ctx.user._id);
}

export function requireAuditor(ctx: UserCtx, c: ConventionDoc): void {
  if (!isAuditor(ctx, c)) throw fail.forbidden('只有本次表决的监票人可以查看选票和录入纸质票');
}

/** Grid workers, the committee and the auditors may see which units have not yet voted. */
export function seesNotVoted(ctx: UserCtx, c: ConventionDoc): boolean {
  return isAuditor(ctx, c) || hasAnyRole(ctx.roles, PROGRESS_READERS);
}

/** The running tally, before the vote closes: its auditors, the committee and the branch. */
export function seesLiveTally(ctx: UserCtx, c: ConventionDoc): boolean {
  return isAuditor(ctx, c) || hasAnyRole(ctx.roles, LIVE_TALLY_READERS);
}

/**
 * The buildings whose not-yet-voted units the caller may see and remind: all of them for the auditors
 * and the compound's staff; a grid worker (楼栋长) only the buildings assigned to them; none otherwise.
 */
export async function knockableBuildings(ctx: UserCtx, c: ConventionDoc): Promise<'all' | Set<string>> {
  if (isAuditor(ctx, c) || hasAnyRole(ctx.roles, PROGRESS_READERS.filter((r) => r !== 'grid'))) return 'all';
  if (!ctx.roles.includes('grid')) return new Set();
  const mine = await findMany<BuildingDoc>(ctx.db, 'buildings', { gridUserIds: ctx.user._id }, { limit: 50 });
  return new Set(mine.filter((b) => b.compoundId === c.compoundId).map((b) => b._id));
}

/** Why this person may not object to the posted result: owners object to an owners' vote; the verified residents to a residents' meeting. */
export function objectionBlockedFor(c: ConventionDoc, user: UserDoc): string | null {
  if (!user.householdId || !user.home) return '请先认证房屋再提出异议';
  if (c.vote?.electorate === 'owners' && user.householdRelation !== 'owner') return '业主表决的结果只有业主可以提出异议；租户和家庭成员可以向业委会反映';
  return null;
}

/**
 * Moves a convention to its next phase, guarded on the phase it was read in: two people acting at
 * once cannot both move it. Audited; answers the new phase.
 */
export async function movePhase(ctx: Ctx, c: ConventionDoc, action: PhaseAction, patch: Record<string, unknown> = {}, outcome?: 'adopted' | 'rejected'): Promise<Phase> {
  const step = nextPhase(c.phase, action, outcome);
  if (!step.ok) throw fail.conflict(step.message);
  const moved = await updateWhere(ctx.db, 'conventions', { _id: c._id, phase: c.phase }, { ...patch, phase: step.to, updatedAt: ctx.now });
  if (!moved) throw fail.conflict('公约状态已变化，请刷新后重试');
  await ctx.audit(`convention.${action}`, `conventions/${c._id}`, { from: c.phase, to: step.to });
  return step.to;
}



export const registerOf = (db: Db, conventionId: string, buildingId?: string) =>
  findAll<VoteRegisterDoc>(db, 'vote_register', { conventionId, ...(buildingId ? { buildingId } : {}) }, [
    ['buildingId', 'asc'],
    ['unit', 'asc'],
  ]);

export const ballotsOf = (db: Db, conventionId: string) => findAll<BallotDoc>(db, 'ballots', { conventionId }, [['createdAt', 'asc']]);

/** The register entry a person votes under (their unit, or themselves in a residents' count). */
export function registerIdFor(c: ConventionDoc, user: Pick<UserDoc, '_id' | 'householdId'>): string | null {
  if (!c.vote) return null;
  if (c.vote.electorate === 'residents') return `${c._id}:u:${user._id}`;
  return user.householdId ? `${c._id}:${user.householdId}` : null;
}

/**
 * Why this person may not vote in this convention's vote, from the register and their binding —
 * never from their word (null: they may, if their household has not voted yet).
 */
export function ballotBlockedFor(c: ConventionDoc, user: UserDoc, entry: VoteRegisterDoc | null): string | null {
  const v = c.vote;
  if (!v) return '这份公约没有进行表决';
  if (!user.householdId) return '请先认证房屋；表决以住户登记为准';
  if (v.electorate === 'owners') {
    if (user.householdRelation === 'tenant') return '业主表决仅限业主本人，租户可参加居民会议表决';
    if (user.householdRelation !== 'owner') return '业主表决仅限登记为业主的住户；家庭成员可凭业主的书面委托代为投票';
  }
  if (v.electorate !== 'owners' && user.isMinor) return '居民会议表决限 18 周岁以上居民';
  if (!entry) return '您不在本次表决的选民名单中（以发起表决时的住户登记为准）';
  return null;
}

export async function registerEntry(db: Db, id: string | null): Promise<VoteRegisterDoc | null> {
  return id ? getById<VoteRegisterDoc>(db, 'vote_register', id) : null;
}

/**
 * The caller's register entries, to read with the caller (serve `reads`): their unit's entry
 * (`conventionId:householdId` is the entry of that convention and household naming no person) and
 * their own in a count of residents (`conventionId:u:userId`). Declared indexes serve both.
 */
export function callerEntryReads(conventionId: string): Record<'unitEntry' | 'personEntry', JoinedRead> {
  return {
    unitEntry: { from: 'vote_register', where: { conventionId, householdId: callerField('householdId'), userId: null } },
    personEntry: { from: 'vote_register', where: { conventionId, userId: CALLER_ID } },
  };
}

/** The register entry the caller votes under: as read with them (callerEntryReads), else now. */
export async function callerEntry(ctx: UserCtx, c: ConventionDoc): Promise<VoteRegisterDoc | null> {
  const name = c.vote?.electorate === 'residents' ? 'personEntry' : 'unitEntry';
  return joined<VoteRegisterDoc>(ctx, name, () => registerEntry(ctx.db, registerIdFor(c, ctx.user)));
}

export function requireVoting(c: ConventionDoc): NonNullable<ConventionDoc['vote']> {
  if (c.phase !== 'voting' || !c.vote) throw fail.conflict(c.phase === 'counted' || c.phase === 'adopted' || c.phase === 'rejected' ? '表决已结束' : '这份公约当前不在表决期');
  return c.vote;
}

/** "3栋1单元502" */
export const unitLabel = (h: { buildingName: string; unit: string; room: string }) => `${h.buildingName}${h.unit}单元${h.room}`;
