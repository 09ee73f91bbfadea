// Teams and joining: a verified resident applies, a leader approves or declines, a member leaves or is
// removed. One open membership per person per team, by a unique key; capacity by a guarded counter.
import type { TeamSummary, TeamView, VolunteerContract } from '@core/volunteer/contract';
import { isOpenMembership, joinProblem, minorNow, nextMembership, type MembershipAction } from '@core/volunteer/rules';
import { fail } from '@core/errors';
import { findMany, getById, insertOne, isDuplicateKey, pageOf, updateById, updateWhere } from '../runtime/db';
import type { BookingDoc, MembershipDoc, ShiftDoc, TeamDoc, UserDoc } from '../runtime/model';
import { CALLER_ID, joinedList, type Handlers, type UserCtx } from '../runtime/serve';
import { shiftViewOf } from './shifts';
import { activeKey, iso, leads, loadTeam, openMembership, requireLeader } from './store';

type H = Handlers<VolunteerContract>;

/** The memberships that count: pending or active. */
const OPEN = ['pending', 'active'];

function summaryOf(ctx: UserCtx, t: TeamDoc, mine: MembershipDoc | null): TeamSummary {
  return {
    teamId: t._id, name: t.name, kind: t.kind, description: t.description, memberCount: t.memberCount, capacity: t.capacity,
    needsApproval: t.needsApproval, risky: t.risky, skillsSought: t.skillsSought, mine: mine?.status ?? null, leading: leads(ctx, t),
  };
}

function joinableBy(ctx: UserCtx, t: TeamDoc, mine: MembershipDoc | null): string | null {
  if (mine && isOpenMembership(mine.status)) return mine.status === 'pending' ? '您的申请正在等待队长审核' : '您已经是队员';
  if (!ctx.user.householdId && !ctx.roles.includes('member')) return '请先认证房屋再报名志愿服务';
  const problem = joinProblem({ minor: minorNow(ctx.user, ctx.now), guardianConsent: !!ctx.user.guardian }, t);
  if (problem) return problem;
  if (t.capacity > 0 && t.memberCount >= t.capacity) return '队伍人数已满';
  return null;
}

/** Takes one place in the team if it has one (capacity 0: no limit). */
async function takePlace(ctx: UserCtx, t: TeamDoc): Promise<boolean> {
  const _ = ctx.db.command;
  if (t.capacity <= 0) return (await updateById(ctx.db, 'teams', t._id, { memberCount: _.inc(1) })) === 1;
  return (await updateWhere(ctx.db, 'teams', { _id: t._id, memberCount: _.lt(t.capacity) }, { memberCount: _.inc(1) })) === 1;
}

/** Leaders are verified residents or staff of the compound, and adults (the same for createTeam and updateTeam). */
async function leadersFrom(ctx: UserCtx, leaderIds: readonly string[]): Promise<UserDoc[]> {
  const ids = [...new Set(leaderIds)];
  const people = await findMany<UserDoc>(ctx.db, 'users', { _id: ctx.db.command.in(ids) }, { limit: 10 });
  const valid = people.filter((u) => u.compoundId === ctx.compoundId && (u.householdId || u.roles.length));
  if (valid.length !== ids.length) throw fail.invalid('队长须是本小区已认证的居民或工作人员');
  if (valid.some((u) => minorNow(u, ctx.now))) throw fail.invalid('队长须年满 18 周岁');
  return valid;
}

/** The leader joins as an active member of their team unless they already are one. */
async function leaderMembership(ctx: UserCtx, teamId: string, u: UserDoc): Promise<boolean> {
  try {
    await insertOne(ctx.db, 'team_members', {
      compoundId: ctx.compoundId, teamId, userId: u._id, status: 'active', activeKey: activeKey(teamId, u._id), skills: [], availability: '',
      minor: false, reason: null, decidedBy: ctx.user._id, createdAt: ctx.now, updatedAt: ctx.now,
    });
    return true;
  } catch (e) {
    if (isDuplicateKey(e)) return false;
    throw e;
  }
}

/** Open members who may be under 18 now (from their birth year, not the flag stored when they joined). */
async function minorsIn(ctx: UserCtx, teamId: string): Promise<UserDoc[]> {
  const rows = await findMany<MembershipDoc>(ctx.db, 'team_members', { teamId, status: ctx.db.command.in(OPEN) }, { limit: 1000 });
  if (!rows.length) return [];
  const people = await findMany<UserDoc>(ctx.db, 'users', { _id: ctx.db.command.in(rows.map((m) => m.userId)) }, { limit: 1000 });
  return people.filter((u) => minorNow(u, ctx.now));
}

async function decide(ctx: UserCtx, membershipId: string, action: MembershipAction, reason: string | undefined): Promise<MembershipDoc['status']> {
  const m = await getById<MembershipDoc>(ctx.db, 'team_members', membershipId);
  if (!m || m.compoundId !== ctx.compoundId) throw fail.notFound('没有找到这份申请');
  const team = await loadTeam(ctx, m.teamId);
  if (action === 'leave') {
    if (m.userId !== ctx.user._id) throw fail.forbidden();
  } else requireLeader(ctx, team);
  if ((action === 'decline' || action === 'remove') && !reason) throw fail.invalid(action === 'decline' ? '请说明未通过的理由' : '请说明移出的理由');
  const step = nextMembership(m.status, action);
  if (!step.ok) throw fail.conflict(step.message);
  if (action === 'approve') {
    // the team or the person may have changed since the application (a team made risky, a new year)
    const applicant = await getById<UserDoc>(ctx.db, 'users', m.userId);
    if (!applicant) throw fail.notFound('申请人已注销');
    const problem = joinProblem({ minor: minorNow(applicant, ctx.now), guardianConsent: !!applicant.guardian }, team);
    if (problem) throw fail.conflict(problem);
    if (!(await takePlace(ctx, team))) throw fail.conflict('队伍人数已满，不能再批准');
  }
  const closes = !isOpenMembership(step.to);
  const moved = await updateWhere(ctx.db, 'team_members', { _id: m._id, status: m.status }, {
    status: step.to, reason: reason ?? null, decidedBy: ctx.user._id, updatedAt: ctx.now, ...(closes ? { activeKey: `closed:${m._id}` } : {}),
  });
  if (!moved) {
    if (action === 'approve') await updateById(ctx.db, 'teams', team._id, { memberCount: ctx.db.command.inc(-1) });
    throw fail.conflict('申请状态已变化，请刷新');
  }
  const _ = ctx.db.command;
  const counters: Record<string, unknown> = {};
  if (m.status === 'pending') counters.pendingCount = _.inc(-1);
  if (m.status === 'active' && closes) counters.memberCount = _.inc(-1);
  if (Object.keys(counters).length) await updateById(ctx.db, 'teams', team._id, counters);
  await ctx.audit(`volunteer.${action}`, `team_members/${m._id}`, { teamId: team._id, reason: reason ?? null });
  return step.to;
}

export const teams: Pick<H, 'listTeams' | 'getTeam' | 'createTeam' | 'updateTeam' | 'join' | 'recordGuardianConsent' | 'approve' | 'decline' | 'leave' | 'remove' | 'members'> = {
  listTeams: {
    // the caller's open memberships come with their record (one request fewer)
    reads: () => ({ memberships: { from: 'team_members', where: { userId: CALLER_ID, status: OPEN }, limit: 100 } }),
    async handle(ctx, input) {
      if (!ctx.compoundId) return { items: [], nextCursor: null };
      const mine = await joinedList<MembershipDoc>(ctx, 'memberships', () => findMany<MembershipDoc>(ctx.db, 'team_members', { userId: ctx.user._id, status: ctx.db.command.in(OPEN) }, { limit: 100 }));
      const byTeam = new Map(mine.map((m) => [m.teamId, m]));
      if (input.mine) {
        // the teams they belong to and the ones they lead, in one query
        const _ = ctx.db.command;
        const where = _.and([{ compoundId: ctx.compoundId }, _.or([{ _id: _.in([...byTeam.keys()]) }, { 'leaders.userId': ctx.user._id }])]) as unknown as Record<string, unknown>;
        const list = await findMany<TeamDoc>(ctx.db, 'teams', where, { limit: 100 });
        return { items: list.map((t) => summaryOf(ctx, t, byTeam.get(t._id) ?? null)), nextCursor: null };
      }
      const res = await pageOf<TeamDoc>(ctx.db, 'teams', { compoundId: ctx.compoundId }, [['createdAt', 'desc']], input);
      return { items: res.items.map((t) => summaryOf(ctx, t, byTeam.get(t._id) ?? null)), nextCursor: res.nextCursor };
    },
  },

  getTeam: {
    async handle(ctx, input): Promise<TeamView> {
      const t = await loadTeam(ctx, input.teamId);
      const mine = await openMembership(ctx.db, t._id, ctx.user._id);
      const upcoming = await findMany<ShiftDoc>(ctx.db, 'shifts', { teamId: t._id, endAt: ctx.db.command.gte(ctx.now) }, { orderBy: [['startAt', 'asc']], limit: 30 });
      const bookings = upcoming.length
        ? await findMany<BookingDoc>(ctx.db, 'shift_bookings', { _id: ctx.db.command.in(upcoming.map((s) => `${s._id}:${ctx.user._id}`)) }, { limit: 30 })
        : [];
      const booking = new Map(bookings.map((b) => [b.shiftId, b]));
      return {
        ...summaryOf(ctx, t, mine),
        contact: t.contact,
        leaders: t.leaders,
        shifts: upcoming.map((s) => shiftViewOf(ctx, s, booking.get(s._id) ?? null, mine?.status === 'active', leads(ctx, t))),
        joinable: joinableBy(ctx, t, mine),
        pendingCount: leads(ctx, t) ? t.pendingCount : 0,
      };
    },
  },

  createTeam: {
    async handle(ctx, input) {
      if (!ctx.compoundId) throw fail.forbidden('您还没有所属小区');
      const ids = [...new Set(input.leaderIds)];
      const valid = await leadersFrom(ctx, ids);
      const verdict = await ctx.text.check(`${input.name}\n${input.description}`, 3, ctx.openid);
      if (verdict === 'review') throw fail.rejected('内容需人工审核，请修改后再提交');
      const doc: Omit<TeamDoc, '_id'> = {
        compoundId: ctx.compoundId, name: input.name, kind: input.kind, description: input.description, capacity: input.capacity,
        needsApproval: input.needsApproval, risky: input.risky, skillsSought: input.skillsSought ?? [], contact: input.contact ?? '',
        leaders: valid.map((u) => ({ userId: u._id, name: u.displayName })), memberCount: 0, pendingCount: 0, createdBy: ctx.user._id,
        createdAt: ctx.now, updatedAt: ctx.now,
      };
      const teamId = await insertOne(ctx.db, 'teams', doc);
      // the leaders are members of their own team
      let joined = 0;
      for (const u of valid) if (await leaderMembership(ctx, teamId, u)) joined++;
      await updateById(ctx.db, 'teams', teamId, { memberCount: joined });
      await ctx.audit('volunteer.createTeam', `teams/${teamId}`, { name: input.name, leaders: ids });
      return { teamId };
    },
  },

  updateTeam: {
    async handle(ctx, input) {
      const t = await loadTeam(ctx, input.teamId);
      requireLeader(ctx, t);
      const patch: Partial<TeamDoc> = { updatedAt: ctx.now };
      let newLeaders: UserDoc[] = [];
      if (input.name !== undefined) patch.name = input.name;
      if (input.description !== undefined) patch.description = input.description;
      if (input.kind !== undefined) patch.kind = input.kind;
      if (input.capacity !== undefined) {
        if (input.capacity > 0 && input.capacity < t.memberCount) throw fail.invalid(`已有 ${t.memberCount} 名队员，人数上限不能更少`);
        patch.capacity = input.capacity;
      }
      if (input.needsApproval !== undefined) patch.needsApproval = input.needsApproval;
      if (input.risky !== undefined) {
        // 志愿服务条例 art. 16: a team turning risky may have no minor among its members or applicants
        if (input.risky && !t.risky) {
          const minors = await minorsIn(ctx, t._id);
          if (minors.length) throw fail.conflict(`队中有 ${minors.length} 名未成年队员或申请人，不能改为有风险的队伍；请先妥善安排他们退出`);
        }
        patch.risky = input.risky;
      }
      if (input.skillsSought !== undefined) patch.skillsSought = input.skillsSought;
      if (input.contact !== undefined) patch.contact = input.contact;
      if (input.name !== undefined || input.description !== undefined) {
        const verdict = await ctx.text.check(`${patch.name ?? t.name}\n${patch.description ?? t.description}`, 3, ctx.openid);
        if (verdict === 'review') throw fail.rejected('内容需人工审核，请修改后再提交');
      }
      if (input.leaderIds !== undefined) {
        if (!ctx.roles.some((r) => r === 'committee' || r === 'branch')) throw fail.forbidden('队长由业委会或党支部指定');
        newLeaders = await leadersFrom(ctx, input.leaderIds);
        patch.leaders = newLeaders.map((u) => ({ userId: u._id, name: u.displayName }));
      }
      await updateById(ctx.db, 'teams', t._id, patch);
      let joined = 0;
      for (const u of newLeaders) if (await leaderMembership(ctx, t._id, u)) joined++;
      if (joined) await updateById(ctx.db, 'teams', t._id, { memberCount: ctx.db.command.inc(joined) });
      // bookShift and the shift views read each shift's own copy: the rota still ahead follows the team
      if (patch.risky !== undefined && patch.risky !== t.risky) {
        await updateWhere(ctx.db, 'shifts', { teamId: t._id, startAt: ctx.db.command.gte(ctx.now) }, { risky: patch.risky, updatedAt: ctx.now });
      }
      await ctx.audit('volunteer.updateTeam', `teams/${t._id}`, { fields: Object.keys(patch) });
      return { teamId: t._id };
    },
  },

  join: {
    async handle(ctx, input) {
      const t = await loadTeam(ctx, input.teamId);
      const problem = joinableBy(ctx, t, null);
      if (problem && problem !== '队伍人数已满') throw fail.forbidden(problem);
      const status = t.needsApproval ? 'pending' : 'active';
      if (status === 'active' && !(await takePlace(ctx, t))) throw fail.conflict('队伍人数已满');
      let membershipId: string;
      try {
        membershipId = await insertOne(ctx.db, 'team_members', {
          compoundId: t.compoundId, teamId: t._id, userId: ctx.user._id, status, activeKey: activeKey(t._id, ctx.user._id),
          skills: input.skills ?? [], availability: input.availability ?? '', minor: minorNow(ctx.user, ctx.now), reason: null, decidedBy: null,
          createdAt: ctx.now, updatedAt: ctx.now,
        });
      } catch (e) {
        if (status === 'active') await updateById(ctx.db, 'teams', t._id, { memberCount: ctx.db.command.inc(-1) });
        if (isDuplicateKey(e)) throw fail.conflict('您已经申请或加入了这支队伍');
        throw e;
      }
      if (status === 'pending') await updateById(ctx.db, 'teams', t._id, { pendingCount: ctx.db.command.inc(1) });
      return { membershipId, status };
    },
  },

  recordGuardianConsent: {
    async handle(ctx, input) {
      await updateById(ctx.db, 'users', ctx.user._id, { guardian: { name: input.guardianName, phone: input.guardianPhone, relation: input.relation, at: ctx.now }, updatedAt: ctx.now });
      await ctx.audit('volunteer.guardianConsent', `users/${ctx.user._id}`, { relation: input.relation });
      return { recorded: true };
    },
  },

  approve: { handle: async (ctx, input) => ({ membershipId: input.membershipId, status: await decide(ctx, input.membershipId, 'approve', input.reason) }) },
  decline: { handle: async (ctx, input) => ({ membershipId: input.membershipId, status: await decide(ctx, input.membershipId, 'decline', input.reason) }) },
  remove: { handle: async (ctx, input) => ({ membershipId: input.membershipId, status: await decide(ctx, input.membershipId, 'remove', input.reason) }) },
  leave: {
    async handle(ctx, input) {
      const t = await loadTeam(ctx, input.teamId);
      const m = await openMembership(ctx.db, t._id, ctx.user._id);
      if (!m) throw fail.conflict('您不在这支队伍中');
      return { teamId: t._id, status: await decide(ctx, m._id, 'leave', undefined) };
    },
  },

  members: {
    async handle(ctx, input) {
      const t = await loadTeam(ctx, input.teamId);
      requireLeader(ctx, t);
      const rows = await findMany<MembershipDoc>(ctx.db, 'team_members', { teamId: t._id, ...(input.status ? { status: input.status } : {}) }, { orderBy: [['createdAt', 'asc']], limit: 500 });
      const people = rows.length ? await findMany<UserDoc>(ctx.db, 'users', { _id: ctx.db.command.in([...new Set(rows.map((m) => m.userId))]) }, { limit: 500 }) : [];
      const byId = new Map(people.map((u) => [u._id, u]));
      // skills and availability are for the team's own leaders (条例 art. 20), not the committee or branch who also manage it
      const ownLeader = t.leaders.some((l) => l.userId === ctx.user._id);
      return {
        items: rows.map((m) => ({
          membershipId: m._id, userId: m.userId, name: byId.get(m.userId)?.displayName ?? '已注销用户', phone: byId.get(m.userId)?.phone ?? null,
          status: m.status, skills: ownLeader ? m.skills : [], availability: ownLeader ? m.availability : '', minor: byId.has(m.userId) ? minorNow(byId.get(m.userId)!, ctx.now) : m.minor, reason: m.reason, appliedAt: iso(m.createdAt),
        })),
      };
    },
  },
};
