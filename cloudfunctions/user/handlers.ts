// 用户: login, profile, household binding and its verification, roles, consent, export and deletion.
import { isMinorBy, minorNow, needsGuardianFirst } from '@core/volunteer/rules';
import { china } from '@core/time';
import type { Db } from '../runtime/cloud';
import { audit } from '../runtime/audit';
import { PRIVACY_VERSION, type Session, type UserContract } from '@core/user/contract';
import { countWhere, findMany, findOne, getById, insertOne, isDuplicateKey, pageOf, updateById, updateWhere } from '../runtime/db';
import { fail } from '@core/errors';
import { maskPhone } from '@core/mask';
import { blankUser, type InboxDoc, type BindingDoc, type BindingSummary, type BuildingDoc, type CompoundDoc, type HouseholdDoc, type UserDoc } from '../runtime/model';
import { BRANCH_GRANTABLE, type Role } from '@core/roles';
import { erasePersonalData, exportPersonalData } from '../runtime/privacy';
import { joined, type Handlers, type JoinedRead, type UserCtx } from '../runtime/serve';

const iso = (d: Date | string) => new Date(d).toISOString();

function summaryOf(b: BindingDoc, state: BindingDoc['state'] = b.state, reason = b.reason): BindingSummary {
  return {
    bindingId: b._id,
    compoundId: b.compoundId,
    state,
    householdId: b.householdId,
    buildingId: b.buildingId,
    buildingName: b.buildingName,
    unit: b.unit,
    room: b.room,
    relation: b.relation,
    reason,
    createdAt: b.createdAt,
  };
}

/** The session a page needs. Everything but a grid user's buildings is on the user record. */
async function sessionOf(db: Db, user: UserDoc, now: Date): Promise<Session> {
  const gridBuildings = user.roles.includes('grid')
    ? await findMany<BuildingDoc>(db, 'buildings', { gridUserIds: user._id }, { limit: 50 })
    : [];
  const b = user.binding;
  const household =
    user.householdId && user.home
      ? { householdId: user.householdId, ...user.home, verified: true }
      : b?.state === 'pending'
        ? { householdId: b.householdId, buildingId: b.buildingId, buildingName: b.buildingName, unit: b.unit, room: b.room, verified: false }
        : null;
  const party = user.consents.party?.granted ? user.party : null;
  return {
    userId: user._id,
    roles: user.roles,
    compound: user.compoundId ? { compoundId: user.compoundId, name: user.compoundName ?? '' } : null,
    household,
    binding: b
      ? {
          bindingId: b.bindingId,
          state: b.state,
          buildingName: b.buildingName,
          unit: b.unit,
          room: b.room,
          relation: b.relation,
          reason: b.reason,
          createdAt: iso(b.createdAt),
        }
      : null,
    consents: {
      privacy: !!user.consents.privacy?.granted,
      privacyVersion: user.consents.privacy?.granted ? user.consents.privacy.version : null,
      party: !!user.consents.party?.granted,
      publishName: !!user.consents.publishName?.granted,
    },
    profile: {
      displayName: user.displayName,
      phoneMasked: maskPhone(user.phone),
      elderMode: user.elderMode,
      party,
      badge: !!(party?.member && party.showBadge),
      birthYear: user.birthYear ?? null,
      minor: minorNow(user, now),
      guardianConsent: !!user.guardian,
    },
    gridBuildingIds: gridBuildings.map((g) => g._id),
  };
}

async function updateUser(ctx: UserCtx, patch: Partial<UserDoc>): Promise<UserDoc> {
  const next = { ...patch, updatedAt: ctx.now };
  await updateById(ctx.db, 'users', ctx.user._id, next);
  return { ...ctx.user, ...next };
}

/** A compound's only party-branch administrator may not leave it (by moving or deleting the account). */
async function requireAnotherBranch(db: Db, user: UserDoc, message: string): Promise<void> {
  if (!user.roles.includes('branch') || !user.compoundId) return;
  const others = await countWhere(db, 'users', { compoundId: user.compoundId, roles: 'branch', _id: db.command.neq(user._id) });
  if (!others) throw fail.conflict(message);
}

/**
 * May this caller review this binding? The branch, and the building's grid users: as stamped on the
 * binding (kept in step while it is pending), or read from the building for a binding made before.
 */
async function canReview(ctx: UserCtx, binding: BindingDoc): Promise<boolean> {
  if (binding.compoundId !== ctx.compoundId) return false;
  if (ctx.roles.includes('branch')) return true;
  if (!ctx.roles.includes('grid')) return false;
  const grid = binding.gridUserIds ?? (await getById<BuildingDoc>(ctx.db, 'buildings', binding.buildingId))?.gridUserIds ?? [];
  return grid.includes(ctx.user._id);
}

/** What a review reads with its caller, in the same request: the binding (see `loadReviewable`). */
const bindingReads = (input: { bindingId: string }): Record<string, JoinedRead> => ({ binding: { from: 'bindings', where: { _id: input.bindingId } } });

async function loadReviewable(ctx: UserCtx, bindingId: string): Promise<BindingDoc> {
  const binding = await joined<BindingDoc>(ctx, 'binding', () => getById<BindingDoc>(ctx.db, 'bindings', bindingId));
  if (!binding) throw fail.notFound('没有找到这条认证申请');
  if (!(await canReview(ctx, binding))) throw fail.forbidden('只有本楼栋的楼栋长/网格员或党支部可以审核');
  if (binding.state !== 'pending') throw fail.conflict('这条申请已经处理过了');
  return binding;
}

/**
 * A building's grid changed (user.assignGrid, user.setRoles): its pending bindings follow, so the
 * new 楼栋长 finds them in their queue and the one who left may no longer review them.
 */
async function restampPending(ctx: UserCtx, buildingId: string, gridUserIds: string[]): Promise<void> {
  await updateWhere(ctx.db, 'bindings', { compoundId: ctx.compoundId, state: 'pending', buildingId }, { gridUserIds: ctx.db.command.set(gridUserIds) });
}

/** The applicant's record becomes the verified member's; answers the roles dropped by a move, if one. */
async function settleApplicant(ctx: UserCtx, binding: BindingDoc, home: Record<string, unknown>): Promise<{ droppedRoles: Role[]; fromCompoundId: string | null } | null> {
  const _ = ctx.db.command;
  // a newcomer (no compound when filing, and still none and no role): a resident of this compound, nothing
  // dropped, no administrator to keep; tried first when the binding says so, guarded on what makes it true
  if (binding.fromCompoundId === null && binding.compoundName) {
    const arrived = await updateWhere(ctx.db, 'users', { _id: binding.userId, compoundId: null, roles: _.size(0) }, { ...home, compoundId: binding.compoundId, compoundName: binding.compoundName, roles: ['resident'] });
    if (arrived) return { droppedRoles: [], fromCompoundId: null };
  }
  // inside the same compound the person keeps the roles they hold there
  const stayed = await updateWhere(ctx.db, 'users', { _id: binding.userId, compoundId: binding.compoundId }, { ...home, roles: _.addToSet('resident') });
  if (stayed) return null;
  // staff roles are per compound: someone who moves here starts as a resident and nothing more
  const applicant = await getById<UserDoc>(ctx.db, 'users', binding.userId);
  if (!applicant) throw fail.notFound('申请人已注销');
  await requireAnotherBranch(ctx.db, applicant, '申请人是其他小区唯一的党支部管理员，需先在原小区移交党支部角色后才能认证');
  const compoundName = binding.compoundName ?? (await getById<CompoundDoc>(ctx.db, 'compounds', binding.compoundId))?.name ?? null;
  await updateById(ctx.db, 'users', binding.userId, { ...home, compoundId: binding.compoundId, compoundName, roles: ['resident'] });
  return { droppedRoles: applicant.roles.filter((r) => r !== 'resident'), fromCompoundId: applicant.compoundId };
}

export const handlers: Handlers<UserContract> = {
  login: {
    async handle(ctx) {
      let user = ctx.user;
      if (!user) {
        const draft = blankUser(ctx.openid, ctx.now);
        try {
          user = { ...draft, _id: await insertOne(ctx.db, 'users', draft) };
        } catch (e) {
          // two first logins at once: the unique openid index lets one through; read the winner
          if (!isDuplicateKey(e)) throw e;
          user = await findOne<UserDoc>(ctx.db, 'users', { openid: ctx.openid });
          if (!user) throw e;
        }
      }
      return sessionOf(ctx.db, user, ctx.now);
    },
  },

  updateProfile: {
    async handle(ctx, input) {
      const patch: Partial<UserDoc> = {};
      if (input.displayName !== undefined) patch.displayName = input.displayName;
      if (input.phone !== undefined) patch.phone = input.phone || null;
      if (input.elderMode !== undefined) patch.elderMode = input.elderMode;
      if (input.guardian) patch.guardian = { ...input.guardian, at: ctx.now };
      if (input.birthYear !== undefined) {
        if (input.birthYear !== null && input.birthYear > china(ctx.now).year()) throw fail.invalid('出生年份不能晚于今年');
        // PIPL art. 31: a child under 14 gives nothing before a guardian consents
        if (input.birthYear !== null && needsGuardianFirst(input.birthYear, ctx.now) && !(patch.guardian ?? ctx.user.guardian)) {
          throw fail.forbidden('未满 14 周岁，须先由监护人同意并登记监护人信息');
        }
        patch.birthYear = input.birthYear;
        patch.isMinor = isMinorBy(input.birthYear, ctx.now);
      }
      if (input.party !== undefined) {
        if (input.party && !ctx.user.consents.party?.granted) {
          throw fail.forbidden('填写党员信息前，请先单独同意党员身份信息的收集');
        }
        patch.party = input.party && input.party.member ? input.party : null;
      }
      const user = await updateUser(ctx, patch);
      // a pending application shows the 楼栋长 the name and phone to verify with: as they are now
      const pending = ctx.user.binding?.state === 'pending' ? ctx.user.binding.bindingId : null;
      if (pending && (user.displayName !== ctx.user.displayName || user.phone !== ctx.user.phone)) {
        await updateWhere(ctx.db, 'bindings', { _id: pending, userId: user._id, state: 'pending' }, { applicantName: user.displayName, applicantPhone: user.phone });
      }
      return sessionOf(ctx.db, user, ctx.now);
    },
  },

  directory: {
    async handle(ctx, input) {
      const compounds = await findMany<CompoundDoc>(ctx.db, 'compounds', {}, { limit: 50, orderBy: [['name', 'asc']] });
      const compoundId = input.compoundId ?? ctx.compoundId ?? compounds[0]?._id;
      const buildings = compoundId
        ? await findMany<BuildingDoc>(ctx.db, 'buildings', { compoundId }, { orderBy: [['order', 'asc']], limit: 100 })
        : [];
      return {
        compounds: compounds.map((c) => ({ compoundId: c._id, name: c.name, address: c.address })),
        buildings: buildings.map((b) => ({ buildingId: b._id, name: b.name, units: b.units, floors: b.floors })),
      };
    },
  },

  requestBinding: {
    // the room and its building come with the caller's record: the building's grid is stamped on the binding
    reads: (input) => ({
      household: { from: 'households', where: { buildingId: input.buildingId, unit: input.unit, room: input.room } },
      building: { from: 'buildings', where: { _id: input.buildingId } },
    }),
    async handle(ctx, input) {
      if (!ctx.user.consents.privacy?.granted) throw fail.forbidden('请先阅读并同意隐私保护指引');
      const household = await joined<HouseholdDoc>(ctx, 'household', () => findOne<HouseholdDoc>(ctx.db, 'households', { buildingId: input.buildingId, unit: input.unit, room: input.room }));
      const building = await joined<BuildingDoc>(ctx, 'building', () => getById<BuildingDoc>(ctx.db, 'buildings', input.buildingId));
      if (!household) {
        if (!building) throw fail.notFound('没有找到这栋楼');
        if (!building.units.includes(input.unit)) throw fail.notFound(`${building.name}没有${input.unit}单元`);
        throw fail.notFound(`${building.name}${input.unit}单元没有 ${input.room} 室，请核对房号`);
      }
      if (ctx.user.householdId && household.compoundId !== ctx.user.compoundId) {
        throw fail.forbidden('您已认证在其他小区，请先解除原房屋');
      }
      // moving to another compound leaves every staff role behind; the old compound keeps an administrator
      if (ctx.user.compoundId && household.compoundId !== ctx.user.compoundId) {
        await requireAnotherBranch(ctx.db, ctx.user, `您是${ctx.user.compoundName ?? '原小区'}唯一的党支部管理员，请先在原小区把党支部角色移交他人，再认证其他小区的房屋`);
      }
      if (ctx.user.householdId === household._id) throw fail.conflict('您已经认证了这户房屋');
      const doc: Omit<BindingDoc, '_id'> = {
        compoundId: household.compoundId,
        compoundName: household.compoundName,
        userId: ctx.user._id,
        buildingId: household.buildingId,
        buildingName: household.buildingName,
        area: household.area,
        unit: household.unit,
        room: household.room,
        householdId: household._id,
        relation: input.relation,
        state: 'pending',
        pendingKey: ctx.user._id,
        reviewerId: null,
        reason: null,
        // who reviews it, and what they verify with (listPendingBindings reads nothing else)
        gridUserIds: building?.gridUserIds ?? [],
        applicantName: input.name,
        applicantPhone: input.phone || ctx.user.phone || null,
        fromCompoundId: ctx.user.compoundId ?? null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      let bindingId: string;
      try {
        bindingId = await insertOne(ctx.db, 'bindings', doc);
      } catch (e) {
        if (isDuplicateKey(e)) throw fail.conflict('您已有一条待审核的申请，请等待审核或先撤回');
        throw e;
      }
      // the compound becomes the applicant's only once verified (a visitor reads public notices only);
      // the name and phone are what the 楼栋长 verifies with
      await updateUser(ctx, { binding: summaryOf({ ...doc, _id: bindingId }), displayName: input.name, ...(input.phone ? { phone: input.phone } : {}) });
      return { bindingId, state: 'pending' as const };
    },
  },

  cancelBinding: {
    async handle(ctx, input) {
      const updated = await updateWhere(
        ctx.db,
        'bindings',
        { _id: input.bindingId, userId: ctx.user._id, state: 'pending' },
        { state: 'cancelled', pendingKey: `closed:${input.bindingId}`, updatedAt: ctx.now },
      );
      if (!updated) throw fail.conflict('这条申请已处理或不存在');
      if (ctx.user.binding?.bindingId === input.bindingId) {
        await updateUser(ctx, { binding: { ...ctx.user.binding, state: 'cancelled' } });
      }
      return { bindingId: input.bindingId, state: 'cancelled' as const };
    },
  },

  verifyBinding: {
    reads: bindingReads,
    async handle(ctx, input) {
      const binding = await loadReviewable(ctx, input.bindingId);
      // the state guard in the filter makes two reviewers at once harmless: one update wins
      const updated = await updateWhere(
        ctx.db,
        'bindings',
        { _id: binding._id, state: 'pending' },
        { state: 'verified', pendingKey: `closed:${binding._id}`, reviewerId: ctx.user._id, reason: input.reason ?? null, updatedAt: ctx.now },
      );
      if (!updated) throw fail.conflict('这条申请已经处理过了');
      const home = {
        householdId: binding.householdId,
        householdRelation: binding.relation,
        home: { buildingId: binding.buildingId, buildingName: binding.buildingName, unit: binding.unit, room: binding.room },
        binding: summaryOf(binding, 'verified', input.reason ?? null),
        updatedAt: ctx.now,
      };
      const moved = await settleApplicant(ctx, binding, home);
      await updateById(ctx.db, 'households', binding.householdId, {
        verifiedMemberIds: ctx.db.command.addToSet(binding.userId),
        updatedAt: ctx.now,
      });
      await audit(ctx, 'user.verifyBinding', `bindings/${binding._id}`, { userId: binding.userId, householdId: binding.householdId, ...moved });
      return { bindingId: binding._id, state: 'verified' as const };
    },
  },

  rejectBinding: {
    reads: bindingReads,
    async handle(ctx, input) {
      const binding = await loadReviewable(ctx, input.bindingId);
      const updated = await updateWhere(
        ctx.db,
        'bindings',
        { _id: binding._id, state: 'pending' },
        { state: 'rejected', pendingKey: `closed:${binding._id}`, reviewerId: ctx.user._id, reason: input.reason, updatedAt: ctx.now },
      );
      if (!updated) throw fail.conflict('这条申请已经处理过了');
      await updateById(ctx.db, 'users', binding.userId, { binding: summaryOf(binding, 'rejected', input.reason), updatedAt: ctx.now });
      await audit(ctx, 'user.rejectBinding', `bindings/${binding._id}`, { userId: binding.userId, reason: input.reason });
      return { bindingId: binding._id, state: 'rejected' as const };
    },
  },

  listPendingBindings: {
    async handle(ctx, input) {
      const where: Record<string, unknown> = { compoundId: ctx.compoundId, state: 'pending' };
      // a 楼栋长/网格员: the bindings stamped with them (their buildings' grid, kept in step)
      if (!ctx.roles.includes('branch')) where.gridUserIds = ctx.user._id;
      const pageRes = await pageOf<BindingDoc>(ctx.db, 'bindings', where, [['createdAt', 'asc']], input);
      // the name and phone the applicant filed with (updateProfile keeps them in step while pending);
      // a binding made before they were kept reads its applicants
      const older = [...new Set(pageRes.items.filter((b) => b.applicantName === undefined).map((b) => b.userId))];
      const users = older.length ? await findMany<UserDoc>(ctx.db, 'users', { _id: ctx.db.command.in(older) }) : [];
      const byUser = new Map(users.map((u) => [u._id, u]));
      return {
        items: pageRes.items.map((b) => ({
          bindingId: b._id,
          userId: b.userId,
          displayName: b.applicantName ?? byUser.get(b.userId)?.displayName ?? '已注销用户',
          phone: b.applicantName !== undefined ? (b.applicantPhone ?? null) : (byUser.get(b.userId)?.phone ?? null),
          buildingId: b.buildingId,
          buildingName: b.buildingName,
          unit: b.unit,
          room: b.room,
          relation: b.relation,
          area: b.area,
          createdAt: iso(b.createdAt),
        })),
        nextCursor: pageRes.nextCursor,
      };
    },
  },

  setRoles: {
    async handle(ctx, input) {
      const target = await getById<UserDoc>(ctx.db, 'users', input.userId);
      if (!target || target.compoundId !== ctx.compoundId) throw fail.notFound('本小区没有这位用户');
      const wanted = [...new Set(input.roles)];
      const outside = wanted.filter((r) => !BRANCH_GRANTABLE.includes(r));
      const keptOfficer = target.roles.includes('officer') ? (['officer'] as Role[]) : [];
      if (outside.some((r) => !keptOfficer.includes(r))) throw fail.forbidden('社区/街道角色由上级任命，党支部不能授予');
      if (target._id === ctx.user._id && !wanted.includes('branch')) throw fail.conflict('不能撤销自己的党支部角色，请由其他支部成员操作');
      if (!target.householdId && wanted.includes('resident')) throw fail.conflict('该用户尚未完成房屋认证，不能设为居民');
      const roles = [...new Set([...wanted.filter((r) => r !== 'officer'), ...keptOfficer])];
      await updateById(ctx.db, 'users', target._id, { roles, updatedAt: ctx.now });
      if (target.roles.includes('grid') && !roles.includes('grid')) {
        // no longer a 楼栋长/网格员: requests and bindings stop going to them
        await updateWhere(ctx.db, 'buildings', { compoundId: ctx.compoundId, gridUserIds: target._id }, { gridUserIds: ctx.db.command.pull(target._id), updatedAt: ctx.now });
        await updateWhere(ctx.db, 'bindings', { compoundId: ctx.compoundId, state: 'pending', gridUserIds: target._id }, { gridUserIds: ctx.db.command.pull(target._id) });
      }
      await audit(ctx, 'user.setRoles', `users/${target._id}`, { before: target.roles, after: roles });
      return {
        userId: target._id,
        displayName: target.displayName,
        phoneMasked: maskPhone(target.phone),
        roles,
        household: target.householdId,
      };
    },
  },

  gridMap: {
    async handle(ctx) {
      const buildings = await findMany<BuildingDoc>(ctx.db, 'buildings', { compoundId: ctx.compoundId }, { orderBy: [['order', 'asc']], limit: 100 });
      const $ = ctx.db.command.aggregate;
      const counts = (await ctx.db
        .collection('households')
        .aggregate()
        .match({ compoundId: ctx.compoundId })
        .group({ _id: { b: '$buildingId', u: '$unit' }, n: $.sum(1) })
        .limit(1000)
        .end()) as unknown as { list: Array<{ _id: { b: string; u: string }; n: number }> };
      const households = new Map(counts.list.map((c) => [`${c._id.b}:${c._id.u}`, c.n]));
      const ids = [...new Set(buildings.flatMap((b) => [...b.gridUserIds, ...(b.unitLeaders ?? []).map((l) => l.userId)]))];
      const people = ids.length ? await findMany<UserDoc>(ctx.db, 'users', { _id: ctx.db.command.in(ids) }, { limit: 200 }) : [];
      const nameOf = new Map(people.map((p) => [p._id, p.displayName]));
      const ref = (userId: string) => ({ userId, displayName: nameOf.get(userId) ?? '已注销用户' });
      const out = buildings.map((b) => {
        const units = b.units.map((unit) => ({
          unit,
          households: households.get(`${b._id}:${unit}`) ?? 0,
          leaders: (b.unitLeaders ?? []).filter((l) => l.unit === unit).map((l) => ref(l.userId)),
        }));
        return { buildingId: b._id, name: b.name, households: units.reduce((a, u) => a + u.households, 0), grid: b.gridUserIds.map(ref), units };
      });
      return { households: out.reduce((a, b) => a + b.households, 0), buildings: out };
    },
  },

  assignGrid: {
    async handle(ctx, input) {
      const target = await getById<UserDoc>(ctx.db, 'users', input.userId);
      if (!target || target.compoundId !== ctx.compoundId) throw fail.notFound('本小区没有这位用户');
      if (!target.roles.includes('grid')) throw fail.conflict('请先授予「楼栋长/网格员」角色，再分配楼栋');
      const buildings = await findMany<BuildingDoc>(ctx.db, 'buildings', { compoundId: ctx.compoundId }, { limit: 100 });
      const byId = new Map(buildings.map((b) => [b._id, b]));
      const wanted = new Set(input.buildingIds);
      const unitKeys = new Set(input.units.map((u) => `${u.buildingId}:${u.unit}`));
      for (const id of wanted) if (!byId.has(id)) throw fail.notFound('有楼栋不属于本小区');
      for (const u of input.units) {
        if (!byId.get(u.buildingId)?.units.includes(u.unit)) throw fail.notFound(`${byId.get(u.buildingId)?.name ?? '该楼栋'}没有${u.unit}单元`);
      }
      // one building document per change: a compound has tens of buildings, and this is a rare act
      for (const b of buildings) {
        const grid = b.gridUserIds.filter((id) => id !== target._id);
        if (wanted.has(b._id)) grid.push(target._id);
        const leaders = (b.unitLeaders ?? []).filter((l) => l.userId !== target._id);
        for (const unit of b.units) if (unitKeys.has(`${b._id}:${unit}`)) leaders.push({ unit, userId: target._id });
        const same = grid.join() === b.gridUserIds.join() && JSON.stringify(leaders) === JSON.stringify(b.unitLeaders ?? []);
        if (same) continue;
        await updateById(ctx.db, 'buildings', b._id, { gridUserIds: ctx.db.command.set(grid), unitLeaders: ctx.db.command.set(leaders), updatedAt: ctx.now });
        if (grid.join() !== b.gridUserIds.join()) await restampPending(ctx, b._id, grid);
      }
      const assigned = { userId: target._id, buildingIds: [...wanted], units: input.units };
      await audit(ctx, 'user.assignGrid', `users/${target._id}`, { buildingIds: assigned.buildingIds, units: input.units });
      return assigned;
    },
  },

  searchUsers: {
    async handle(ctx, input) {
      const where: Record<string, unknown> = { compoundId: ctx.compoundId };
      if (input.query) where.displayName = ctx.db.RegExp({ regexp: input.query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), options: 'i' });
      const res = await pageOf<UserDoc>(ctx.db, 'users', where, [['displayName', 'asc']], input);
      return {
        items: res.items.map((u) => ({
          userId: u._id,
          displayName: u.displayName,
          phoneMasked: maskPhone(u.phone),
          roles: u.roles,
          household: u.householdId,
        })),
        nextCursor: res.nextCursor,
      };
    },
  },

  proxyCandidates: {
    async handle(ctx, input) {
      const _ = ctx.db.command;
      const named = (u: UserDoc) => !input.query || u.displayName.toLowerCase().includes(input.query.toLowerCase());
      let people: UserDoc[];
      if (ctx.roles.includes('branch')) {
        const where: Record<string, unknown> = { compoundId: ctx.compoundId };
        if (input.query) where.displayName = ctx.db.RegExp({ regexp: input.query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), options: 'i' });
        people = await findMany<UserDoc>(ctx.db, 'users', where, { orderBy: [['displayName', 'asc']], limit: 100 });
      } else {
        // a grid worker: the households of their own buildings, then the people bound to them
        const buildings = await findMany<BuildingDoc>(ctx.db, 'buildings', { gridUserIds: ctx.user._id }, { limit: 20 });
        const households = buildings.length
          ? await findMany<HouseholdDoc>(ctx.db, 'households', { buildingId: _.in(buildings.map((b) => b._id)) }, { limit: 1000 })
          : [];
        people = [];
        for (let i = 0; i < households.length; i += 100) {
          people.push(...(await findMany<UserDoc>(ctx.db, 'users', { householdId: _.in(households.slice(i, i + 100).map((h) => h._id)) }, { limit: 500 })));
        }
      }
      const items = people
        .filter((u) => u._id !== ctx.user._id && u.compoundId === ctx.compoundId && u.householdId && u.home && named(u))
        .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'))
        .slice(0, 30)
        .map((u) => ({ userId: u._id, displayName: u.displayName, home: `${u.home!.buildingName}${u.home!.unit}单元${u.home!.room}`, phoneMasked: maskPhone(u.phone) }));
      return { items };
    },
  },

  recordConsent: {
    async handle(ctx, input) {
      if (input.kind === 'privacy' && input.granted && input.version !== PRIVACY_VERSION) {
        throw fail.conflict('隐私保护指引已更新，请重新阅读后同意');
      }
      const consents = { ...ctx.user.consents, [input.kind]: { granted: input.granted, version: input.version, at: ctx.now } };
      const patch: Partial<UserDoc> = { consents };
      // withdrawing the party consent erases what it allowed us to hold (PIPL art. 15)
      if (input.kind === 'party' && !input.granted) patch.party = null;
      const user = await updateUser(ctx, patch);
      await audit(ctx, 'user.recordConsent', `users/${ctx.user._id}`, { kind: input.kind, granted: input.granted, version: input.version });
      return sessionOf(ctx.db, user, ctx.now);
    },
  },

  exportMyData: {
    async handle(ctx) {
      const { _id, ...user } = ctx.user;
      const [household, everything] = await Promise.all([
        ctx.user.householdId ? getById<HouseholdDoc>(ctx.db, 'households', ctx.user.householdId) : Promise.resolve(null),
        exportPersonalData(ctx.db, _id),
      ]);
      const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as Record<string, unknown>;
      return {
        exportedAt: ctx.now.toISOString(),
        user: plain({ userId: _id, ...user }),
        household: household
          ? plain({ buildingId: household.buildingId, unit: household.unit, room: household.room, area: household.area })
          : null,
        parts: everything.parts,
        retained: everything.retained,
      };
    },
  },

  subscribe: {
    async handle(ctx, input) {
      const patch: Record<string, unknown> = { updatedAt: ctx.now };
      for (const key of new Set(input.templateKeys)) patch[`subscriptions.${key}`] = ctx.db.command.inc(1);
      await updateById(ctx.db, 'users', ctx.user._id, patch);
      const credits: Record<string, number> = {};
      for (const [k, v] of Object.entries(ctx.user.subscriptions ?? {})) credits[k] = v ?? 0;
      for (const key of new Set(input.templateKeys)) credits[key] = (credits[key] ?? 0) + 1;
      return { credits };
    },
  },

  deleteMyAccount: {
    async handle(ctx) {
      const userId = ctx.user._id;
      await requireAnotherBranch(ctx.db, ctx.user, '您是本小区唯一的党支部管理员，请先将角色移交他人再注销');
      // every domain's records of this person: deleted, or kept for the compound's figures without who
      const erased = await erasePersonalData(ctx.db, userId);
      if (ctx.user.householdId) {
        await updateById(ctx.db, 'households', ctx.user.householdId, { verifiedMemberIds: ctx.db.command.pull(userId), updatedAt: ctx.now });
      }
      // the record stays as an anonymous tombstone so counts and audit references still add up
      await ctx.db.collection('users').doc(userId).set({
        data: {
          ...blankUser(`deleted:${userId}`, ctx.now, {
            compoundId: ctx.user.compoundId,
            compoundName: ctx.user.compoundName,
            displayName: '已注销用户',
            serviceHours: ctx.user.serviceHours,
            createdAt: ctx.user.createdAt,
          }),
          deletedAt: ctx.now,
        },
      });
      await audit(ctx, 'user.deleteMyAccount', `users/${userId}`, { erased });
      return { deleted: true as const };
    },
  },

  inbox: {
    async handle(ctx, input) {
      const mine = { userId: ctx.user._id };
      const [res, unread] = await Promise.all([
        pageOf<InboxDoc>(ctx.db, 'inbox', mine, [['createdAt', 'desc']], input),
        countWhere(ctx.db, 'inbox', { ...mine, readAt: null }),
      ]);
      return {
        items: res.items.map((e) => ({ entryId: e._id, kind: e.kind, title: e.title, body: e.body, page: e.page, createdAt: iso(e.createdAt), read: !!e.readAt })),
        nextCursor: res.nextCursor,
        unread,
      };
    },
  },

  markInboxRead: {
    async handle(ctx, input) {
      const where: Record<string, unknown> = { userId: ctx.user._id, readAt: null };
      if (input.entryId) {
        const entry = await getById<InboxDoc>(ctx.db, 'inbox', input.entryId);
        if (!entry || entry.userId !== ctx.user._id) throw fail.notFound('没有找到这条消息');
        where._id = input.entryId;
      }
      const marked = await updateWhere(ctx.db, 'inbox', where, { readAt: ctx.now, updatedAt: ctx.now });
      return { marked, unread: await countWhere(ctx.db, 'inbox', { userId: ctx.user._id, readAt: null }) };
    },
  },
};
