// 表决: open a vote with its rule, electorate, window and auditors fixed (and the register it will be
// counted against); ballots, one per voter key by a unique index; written proxies; paper ballots
// entered by the auditors (or for one resident by a grid worker: 代办); per-building progress; closing,
// counting and posting the result.
import { randomBytes } from 'node:crypto';
import type { ConventionContract } from '@core/convention/contract';
import { areaUnits, effectiveRule, isOwnersRule, paperEntryOpen, ruleTooWeak, votingOpen, votingWindowProblem } from '@core/convention/rules';
import { fail } from '@core/errors';
import { residentFor } from '../runtime/acting';
import type { Db } from '../runtime/cloud';
import { findAll, findMany, getById, insertOne, isDuplicateKey, removeWhere, updateById, updateWhere } from '../runtime/db';
import type { BallotDoc, ConventionDoc, HouseholdDoc, UserDoc, VoteProxyDoc, VoteRegisterDoc } from '../runtime/model';
import { beijingTime, thing } from '../runtime/notify';
import { joined, type Handlers, type UserCtx } from '../runtime/serve';
import { countVote, votingSettings } from './count';
import { announceVote, DETAIL_PAGE, postResult, remindVoter } from './messages';
import {
  ballotBlockedFor,
  callerEntry,
  callerEntryReads,
  ballotsOf,
  knockableBuildings,
  loadConvention,
  registerEntry,
  registerIdFor,
  registerOf,
  requireAuditor,
  requireDrafter,
  requireVoting,
  seesLiveTally,
  unitLabel,
} from './store';
import { iso, tallyViewOf } from './views';

type H = Handlers<ConventionContract>;
type Vote = NonNullable<ConventionDoc['vote']>;
const BATCH = 100;

/**
 * The register a vote is counted against, from the property register and the verified residents
 * as they stand when it opens: one entry per unit (owners: keyed by the register's owner key, areas
 * summed; households: per household) or per resident 18+.
 */
async function buildRegister(db: Db, c: ConventionDoc, electorate: Vote['electorate'], now: Date): Promise<VoteRegisterDoc[]> {
  const stamp = { createdAt: now, updatedAt: now };
  const base = (h: Pick<HouseholdDoc, '_id' | 'buildingId' | 'buildingName' | 'unit' | 'room'>) => ({
    compoundId: c.compoundId, conventionId: c._id, householdId: h._id, buildingId: h.buildingId, buildingName: h.buildingName, unit: h.unit, room: h.room, label: unitLabel(h), ...stamp,
  });
  if (electorate === 'residents') {
    const people = await findAll<UserDoc>(db, 'users', { compoundId: c.compoundId, householdId: db.command.neq(null) }, [['displayName', 'asc'], ['_id', 'asc']]);
    return people
      .filter((u) => u.householdId && u.home && !u.isMinor)
      .map((u) => ({
        ...base({ _id: u.householdId!, ...u.home! }),
        _id: `${c._id}:u:${u._id}`, voterKey: `u:${u._id}`, keyArea: 0, area: 0, userId: u._id,
      }));
  }
  const households = await findAll<HouseholdDoc>(db, 'households', { compoundId: c.compoundId }, [['buildingId', 'asc'], ['unit', 'asc'], ['room', 'asc']]);
  if (electorate === 'households') {
    return households
      .filter((h) => h.occupancy !== 'vacant' || h.verifiedMemberIds.length > 0)
      .map((h) => ({ ...base(h), _id: `${c._id}:${h._id}`, voterKey: `h:${h._id}`, keyArea: 0, area: 0, userId: null }));
  }
  // 最高法解释 art. 8–9: one head per owner (units of one owner key summed; the developer's unsold units are one key)
  const keyOf = (h: HouseholdDoc) => `o:${h.ownerKey ?? h._id}`;
  const keyArea = new Map<string, number>();
  for (const h of households) keyArea.set(keyOf(h), (keyArea.get(keyOf(h)) ?? 0) + areaUnits(h.area));
  return households.map((h) => ({ ...base(h), _id: `${c._id}:${h._id}`, voterKey: keyOf(h), keyArea: keyArea.get(keyOf(h))!, area: areaUnits(h.area), userId: null }));
}

/** Closes a vote (by a drafter, or the scheduler at its end): counts it, keeps the count, posts the result. */
export async function closeConvention(db: Db, c: ConventionDoc, now: Date, actorId: string | null, audit: (action: string, target: string, detail: Record<string, unknown>) => Promise<void>): Promise<NonNullable<ConventionDoc['result']>> {
  const settings = await votingSettings(db, c.compoundId);
  const count = await countVote(db, c, now, settings.nonVotersWithMajority);
  const objectionEndsAt = new Date(now.getTime() + settings.objectionDays * 86_400_000);
  const result: NonNullable<ConventionDoc['result']> = { ...count, postedAt: now, noticeId: null, objectionEndsAt };
  // the phase is the guard: two closers (a drafter and the scheduler) count and post once
  const moved = await updateWhere(db, 'conventions', { _id: c._id, phase: 'voting' }, { phase: 'counted', result, 'vote.closedAt': now, updatedAt: now });
  if (!moved) throw fail.conflict('表决已经结束');
  const noticeId = await postResult(db, c, count, objectionEndsAt, now, actorId);
  await updateById(db, 'conventions', c._id, { 'result.noticeId': noticeId });
  await db.collection('vote_proxies').where({ conventionId: c._id, state: 'active' }).update({ data: { state: 'revoked', updatedAt: now } });
  await audit('convention.close', `conventions/${c._id}`, { passed: count.passed, rule: count.rule, partHeads: count.totals.partHeads, noticeId });
  return { ...result, noticeId };
}

async function findPerson(ctx: UserCtx, name: string, phone: string): Promise<UserDoc | null> {
  const people = await findMany<UserDoc>(ctx.db, 'users', { compoundId: ctx.compoundId, displayName: name }, { limit: 20 });
  return people.find((p) => p.phone === phone && (p.householdId || p.roles.length)) ?? null;
}

/**
 * 代办: a grid worker or the branch enters the paper ballot of one verified owner (or voter) without a
 * phone, for their own unit, with the consent they noted. The ballot is the resident's (castBy) and
 * marked actedBy; the audit log says 代办; the resident's 消息中心 says it was entered, never the choice.
 */
async function enterForResident(ctx: UserCtx, c: ConventionDoc, ballots: Array<{ buildingId: string; unit: string; room: string; choice: BallotDoc['choice'] }>, on: { userId: string; consentNote: string }): Promise<{ entered: number }> {
  const resident = await residentFor(ctx, on.userId, '录入选票');
  const vote = requireVoting(c);
  const window = paperEntryOpen(vote, ctx.now);
  if (!window.ok) throw fail.conflict(window.message);
  if (ballots.length !== 1) throw fail.invalid('代办一次只录入这位居民本户的一张选票');
  const [x] = ballots;
  const entry = await registerEntry(ctx.db, registerIdFor(c, resident));
  const blocked = ballotBlockedFor(c, resident, entry);
  if (blocked) throw fail.forbidden(blocked);
  const e = entry!;
  if (e.buildingId !== x.buildingId || e.unit !== x.unit || e.room !== x.room) throw fail.invalid(`代办只能录入这位居民本户（${e.label}）的选票`);
  try {
    await insertOne(ctx.db, 'ballots', {
      compoundId: c.compoundId, conventionId: c._id, voterKey: e.voterKey, choice: x.choice, source: 'paper', castBy: resident._id, proxyId: null,
      householdId: e.householdId, buildingId: e.buildingId, buildingName: e.buildingName, unit: e.label,
      actedBy: { userId: ctx.user._id, name: ctx.user.displayName, consentNote: on.consentNote }, createdAt: ctx.now, updatedAt: ctx.now,
    });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    throw fail.conflict(`${e.label} 已经投过票了（网上或纸质），不能再录入`);
  }
  await ctx.audit('convention.paperBallots', `conventions/${c._id}`, { entered: 1, unit: e.label, actingFor: resident._id, consentNote: on.consentNote, proxy: '代办' });
  await ctx.messages.send(
    { userId: resident._id, openid: resident.openid },
    'voteReminder',
    { thing1: { value: thing(c.title) }, time2: { value: beijingTime(vote.endsAt) }, thing3: { value: '已为您代为录入纸质票' } },
    `${DETAIL_PAGE}?id=${c._id}`,
    { wechat: false, inbox: { title: `${ctx.user.displayName}已为您代为录入纸质票`, body: `${c.title}（${e.label}）` } },
  );
  return { entered: 1 };
}

export const voting: Pick<H, 'openVoting' | 'castBallot' | 'grantProxy' | 'revokeProxy' | 'enterPaperBallots' | 'ballots' | 'progress' | 'remind' | 'closeVoting' | 'tally'> = {
  openVoting: {
    async handle(ctx, input) {
      const c = await loadConvention(ctx, input.conventionId);
      requireDrafter(ctx, c);
      if (!['draft', 'consultation', 'revised'].includes(c.phase)) throw fail.conflict('只有草案、征求意见中或修订后的公约可以发起表决');
      const startsAt = input.startsAt ? new Date(input.startsAt) : ctx.now;
      const endsAt = new Date(input.endsAt);
      const problem = votingWindowProblem(startsAt, endsAt, ctx.now);
      if (problem) throw fail.invalid(problem);
      if (input.electorate && input.rule !== 'residents_meeting' && input.rule !== 'consultation') throw fail.invalid('业主表决按业主计票，不能选择按户或按人');
      const weak = ruleTooWeak(c.kind, input.rule);
      if (weak) throw fail.invalid(weak);
      const auditorIds = [...new Set(input.auditorIds)];
      const auditors = await findMany<UserDoc>(ctx.db, 'users', { _id: ctx.db.command.in(auditorIds) }, { limit: 10 });
      const valid = auditors.filter((u) => u.compoundId === c.compoundId && (u.householdId || u.roles.length));
      if (valid.length !== auditorIds.length) throw fail.invalid('监票人须是本小区已认证的居民或工作人员');
      const settings = await votingSettings(ctx.db, c.compoundId);
      const { rule, advisory } = effectiveRule(input.rule, settings);
      const electorate: Vote['electorate'] = isOwnersRule(input.rule) ? 'owners' : (input.electorate ?? 'households');
      const register = await buildRegister(ctx.db, c, electorate, ctx.now);
      const heads = new Map(register.map((e) => [e.voterKey, e.keyArea]));
      if (!heads.size) throw fail.invalid('选民名单为空：请先导入房屋登记或完成住户认证');
      const vote: Vote = {
        rule, requestedRule: input.rule, electorate, advisory, startsAt, endsAt,
        electorateHeads: heads.size, electorateArea: [...heads.values()].reduce((a, b) => a + b, 0),
        openedBy: ctx.user._id, openedAt: ctx.now, closedAt: null,
      };
      // First a claim on the convention as read (a fresh token where the old one stood): of drafters
      // opening at once one holds it, and nothing below can touch the register of a vote already open
      // (the claim needs the phase read). Then the register, whole: its ids are deterministic and what
      // an earlier, cut attempt left is cleared first. Then the phase, only for the claim's holder.
      const token = randomBytes(12).toString('hex');
      const claimed = await updateWhere(ctx.db, 'conventions', { _id: c._id, phase: c.phase, openingToken: c.openingToken ?? null }, { openingToken: token });
      if (!claimed) throw fail.conflict('公约状态已变化，请刷新后重试');
      await removeWhere(ctx.db, 'vote_register', { conventionId: c._id });
      try {
        for (let i = 0; i < register.length; i += BATCH) {
          await ctx.db.collection('vote_register').add({ data: register.slice(i, i + BATCH) as never });
        }
      } catch (e) {
        // another drafter opening the same vote at this moment: one of the two claims it
        if (isDuplicateKey(e)) throw fail.conflict('公约状态已变化，请刷新后重试');
        throw e;
      }
      const moved = await updateWhere(ctx.db, 'conventions', { _id: c._id, phase: c.phase, openingToken: token }, {
        phase: 'voting', vote, auditors: valid.map((u) => ({ userId: u._id, name: u.displayName })), updatedAt: ctx.now,
      });
      if (!moved) throw fail.conflict('公约状态已变化，请刷新后重试');
      await ctx.audit('convention.openVoting', `conventions/${c._id}`, { rule, requestedRule: input.rule, electorate, heads: vote.electorateHeads, area: vote.electorateArea, endsAt: iso(endsAt), auditors: auditorIds });
      await announceVote(ctx.db, c, vote, ctx.now, ctx.user._id);
      return { conventionId: c._id, rule, advisory, electorateHeads: vote.electorateHeads };
    },
  },

  castBallot: {
    // two requests: the caller with the convention, their register entry (and the proxy named); the
    // ballot (its unique index decides). For a proxy, the grantor's entry and marking the proxy used.
    reads: (input) => ({
      convention: { from: 'conventions', where: { _id: input.conventionId } },
      ...callerEntryReads(input.conventionId),
      ...(input.proxyId ? { proxy: { from: 'vote_proxies', where: { _id: input.proxyId } } } : {}),
    }),
    async handle(ctx, input) {
      const c = await loadConvention(ctx, input.conventionId);
      const vote = requireVoting(c);
      const open = votingOpen(vote, ctx.now);
      if (!open.ok) throw fail.conflict(open.message);
      let entry: VoteRegisterDoc | null;
      let proxy: VoteProxyDoc | null = null;
      if (input.proxyId) {
        const proxyId = input.proxyId;
        proxy = await joined<VoteProxyDoc>(ctx, 'proxy', () => getById<VoteProxyDoc>(ctx.db, 'vote_proxies', proxyId));
        if (!proxy || proxy.conventionId !== c._id || proxy.proxyUserId !== ctx.user._id) throw fail.forbidden('您没有这户业主的委托');
        if (proxy.state !== 'active') throw fail.conflict(proxy.state === 'used' ? '这份委托已经投过票了' : '这份委托已被撤销');
        entry = await registerEntry(ctx.db, `${c._id}:${proxy.householdId}`);
        if (!entry) throw fail.forbidden('委托人不在本次表决的选民名单中');
      } else {
        entry = await callerEntry(ctx, c);
        const blocked = ballotBlockedFor(c, ctx.user, entry);
        if (blocked) throw fail.forbidden(blocked);
      }
      const ballot: Omit<BallotDoc, '_id'> = {
        compoundId: c.compoundId, conventionId: c._id, voterKey: entry!.voterKey, choice: input.choice, source: 'online', castBy: ctx.user._id,
        proxyId: proxy?._id ?? null, householdId: entry!.householdId, buildingId: entry!.buildingId, buildingName: entry!.buildingName, unit: entry!.label,
        createdAt: ctx.now, updatedAt: ctx.now,
      };
      let ballotId: string;
      try {
        ballotId = await insertOne(ctx.db, 'ballots', ballot);
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        throw fail.conflict(vote.electorate === 'residents' ? '您已经投过票了，投票后不可更改' : proxy ? '这户已经投过票了（业主本人、共有人或纸质票）' : '您家已经投过票了，投票后不可更改');
      }
      if (proxy) await updateWhere(ctx.db, 'vote_proxies', { _id: proxy._id, state: 'active' }, { state: 'used', updatedAt: ctx.now });
      return { ballotId };
    },
  },

  grantProxy: {
    async handle(ctx, input) {
      const c = await loadConvention(ctx, input.conventionId);
      const vote = requireVoting(c);
      if (vote.electorate !== 'owners') throw fail.conflict('书面委托用于业主表决');
      const open = votingOpen(vote, ctx.now);
      if (!open.ok) throw fail.conflict(open.message);
      const entry = await registerEntry(ctx.db, registerIdFor(c, ctx.user));
      const blocked = ballotBlockedFor(c, ctx.user, entry);
      if (blocked) throw fail.forbidden(blocked);
      const holder = await findPerson(ctx, input.proxyName, input.proxyPhone);
      if (!holder) throw fail.invalid('没有找到这位受托人：须是本小区已认证的居民，姓名和手机号与登记一致');
      if (holder._id === ctx.user._id) throw fail.invalid('不能委托自己');
      const already = await findMany<BallotDoc>(ctx.db, 'ballots', { conventionId: c._id, voterKey: entry!.voterKey }, { limit: 1 });
      if (already.length) throw fail.conflict('您家已经投过票了，不能再委托');
      const doc: VoteProxyDoc = {
        _id: `${c._id}:${entry!.voterKey}`, compoundId: c.compoundId, conventionId: c._id, voterKey: entry!.voterKey, householdId: entry!.householdId, unit: entry!.label,
        grantorId: ctx.user._id, grantorName: ctx.user.displayName, proxyUserId: holder._id, proxyName: holder.displayName, state: 'active', createdAt: ctx.now, updatedAt: ctx.now,
      };
      try {
        await insertOne(ctx.db, 'vote_proxies', doc as unknown as Record<string, unknown>);
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        // one proxy per voter key: a revoked one may be replaced, a live one may not
        const { _id, ...fresh } = doc;
        const moved = await updateWhere(ctx.db, 'vote_proxies', { _id, state: 'revoked' }, fresh);
        if (!moved) throw fail.conflict('您家已经委托了他人，如需更换请先撤销');
      }
      await ctx.audit('convention.grantProxy', `conventions/${c._id}`, { unit: entry!.label, proxyUserId: holder._id });
      return { proxyId: doc._id, proxyName: holder.displayName };
    },
  },

  revokeProxy: {
    async handle(ctx, input) {
      const c = await loadConvention(ctx, input.conventionId);
      requireVoting(c);
      const entry = await registerEntry(ctx.db, registerIdFor(c, ctx.user));
      if (!entry) throw fail.notFound('您没有委托');
      const revoked = await updateWhere(ctx.db, 'vote_proxies', { _id: `${c._id}:${entry.voterKey}`, grantorId: ctx.user._id, state: 'active' }, { state: 'revoked', updatedAt: ctx.now });
      if (!revoked) throw fail.conflict('没有可撤销的委托（受托人可能已经投票）');
      await ctx.audit('convention.revokeProxy', `conventions/${c._id}`, { unit: entry.label });
      return { revoked: true };
    },
  },

  enterPaperBallots: {
    async handle(ctx, input) {
      const c = await loadConvention(ctx, input.conventionId);
      if (input.onBehalfOf) return enterForResident(ctx, c, input.ballots, input.onBehalfOf);
      requireAuditor(ctx, c);
      const window = paperEntryOpen(requireVoting(c), ctx.now);
      if (!window.ok) throw fail.conflict(window.message);
      const byBuilding = new Map<string, VoteRegisterDoc[]>();
      for (const b of new Set(input.ballots.map((x) => x.buildingId))) byBuilding.set(b, await registerOf(ctx.db, c._id, b));
      const entries = input.ballots.map((x) => {
        const e = (byBuilding.get(x.buildingId) ?? []).find((r) => r.unit === x.unit && r.room === x.room && !r.userId);
        if (!e) throw fail.invalid(`${x.unit}单元${x.room} 不在本次表决的选民名单中${c.vote!.electorate === 'residents' ? '（按人表决不收纸质票）' : ''}`);
        return { e, choice: x.choice };
      });
      const keys = entries.map((x) => x.e.voterKey);
      const twice = keys.find((k, i) => keys.indexOf(k) !== i);
      if (twice) throw fail.invalid(`${entries.find((x) => x.e.voterKey === twice)!.e.label} 在本批中重复（同一业主的多套房只投一票）`);
      const voted = await findMany<BallotDoc>(ctx.db, 'ballots', { conventionId: c._id, voterKey: ctx.db.command.in(keys) }, { limit: 100 });
      if (voted.length) throw fail.conflict(`已投过票（网上或纸质），不能再录入：${voted.map((b) => b.unit).join('、')}`);
      let entered = 0;
      const refused: string[] = [];
      for (const { e, choice } of entries) {
        try {
          await insertOne(ctx.db, 'ballots', {
            compoundId: c.compoundId, conventionId: c._id, voterKey: e.voterKey, choice, source: 'paper', castBy: ctx.user._id, proxyId: null,
            householdId: e.householdId, buildingId: e.buildingId, buildingName: e.buildingName, unit: e.label, createdAt: ctx.now, updatedAt: ctx.now,
          });
          entered++;
        } catch (err) {
          if (!isDuplicateKey(err)) throw err;
          refused.push(e.label);
        }
      }
      await ctx.audit('convention.paperBallots', `conventions/${c._id}`, { entered, refused });
      if (refused.length) throw fail.conflict(`已录入 ${entered} 张；以下住户刚刚在网上投票，纸质票未录入：${refused.join('、')}`);
      return { entered };
    },
  },

  ballots: {
    async handle(ctx, input) {
      const c = await loadConvention(ctx, input.conventionId);
      requireAuditor(ctx, c);
      const limit = input.limit ?? 50;
      const skip = input.cursor ? Number(Buffer.from(input.cursor, 'base64url').toString('utf8')) || 0 : 0;
      const rows = await findMany<BallotDoc>(ctx.db, 'ballots', { conventionId: c._id }, { orderBy: [['createdAt', 'asc']], skip, limit: limit + 1 });
      const proxies = await findAll<VoteProxyDoc>(ctx.db, 'vote_proxies', { conventionId: c._id }, [['createdAt', 'asc']]);
      const register = new Map<string, number>();
      for (const e of await findMany<VoteRegisterDoc>(ctx.db, 'vote_register', { _id: ctx.db.command.in(rows.map((b) => `${c._id}:${b.householdId}`)) }, { limit: 100 })) register.set(e.voterKey, e.keyArea);
      const proxyName = new Map(proxies.map((p) => [p._id, p.proxyName]));
      return {
        items: rows.slice(0, limit).map((b) => ({
          ballotId: b._id, unit: b.unit, buildingName: b.buildingName, area: register.get(b.voterKey) ?? 0, choice: b.choice, source: b.source,
          proxyName: b.proxyId ? (proxyName.get(b.proxyId) ?? null) : null,
          actedBy: b.actedBy ? { name: b.actedBy.name, consentNote: b.actedBy.consentNote } : null, castAt: iso(b.createdAt),
        })),
        nextCursor: rows.length > limit ? Buffer.from(String(skip + limit)).toString('base64url') : null,
        proxies: proxies.map((p) => ({ proxyId: p._id, unit: p.unit, grantorName: p.grantorName, proxyName: p.proxyName, state: p.state, at: iso(p.createdAt) })),
      };
    },
  },

  progress: {
    async handle(ctx, input) {
      const c = await loadConvention(ctx, input.conventionId);
      if (!c.vote) throw fail.conflict('这份公约没有进行表决');
      const knockable = await knockableBuildings(ctx, c);
      const knocks = (buildingId: string) => knockable === 'all' || knockable.has(buildingId);
      const [register, ballots] = await Promise.all([registerOf(ctx.db, c._id, input.buildingId), ballotsOf(ctx.db, c._id)]);
      const voted = new Set(ballots.map((b) => b.voterKey));
      const rows = new Map<string, { buildingId: string; buildingName: string; units: number; voted: number; notVoted: string[]; votedUnits: Array<{ unit: string; area: number }> }>();
      for (const e of register) {
        const row = rows.get(e.buildingId) ?? { buildingId: e.buildingId, buildingName: e.buildingName, units: 0, voted: 0, notVoted: [], votedUnits: [] };
        row.units++;
        const label = `${e.unit}单元${e.room}`;
        if (voted.has(e.voterKey)) {
          row.voted++;
          // participation is public: unit and area, never a name or a choice
          if (c.vote.electorate !== 'residents') row.votedUnits.push({ unit: label, area: e.area });
        } else if (knocks(e.buildingId)) row.notVoted.push(label);
        rows.set(e.buildingId, row);
      }
      return { votedHeads: voted.size, electorateHeads: c.vote.electorateHeads, buildings: [...rows.values()], canSeeNotVoted: knockable === 'all' || knockable.size > 0 };
    },
  },

  remind: {
    async handle(ctx, input) {
      const c = await loadConvention(ctx, input.conventionId);
      const vote = requireVoting(c);
      // a grid worker reminds in the buildings they look after (all of them when no building is named)
      const knockable = await knockableBuildings(ctx, c);
      if (knockable !== 'all' && (input.buildingId ? !knockable.has(input.buildingId) : !knockable.size)) throw fail.forbidden('楼栋长只能提醒自己负责楼栋的住户');
      const [register, ballots] = await Promise.all([registerOf(ctx.db, c._id, input.buildingId), ballotsOf(ctx.db, c._id)]);
      const voted = new Set(ballots.map((b) => b.voterKey));
      const waiting = register.filter((e) => !voted.has(e.voterKey) && (knockable === 'all' || knockable.has(e.buildingId)));
      const households = [...new Set(waiting.map((e) => e.householdId))].slice(0, 300);
      const people = households.length ? await findAll<UserDoc>(ctx.db, 'users', { householdId: ctx.db.command.in(households) }, [['_id', 'asc']]) : [];
      const wantedIds = new Set(waiting.filter((e) => e.userId).map((e) => e.userId));
      let reminded = 0;
      for (const u of people) {
        if (!u.openid) continue;
        // only those who can vote: owners in an owners' vote, the listed residents in a per-person count
        if (vote.electorate === 'owners' && u.householdRelation !== 'owner') continue;
        if (vote.electorate === 'residents' && !wantedIds.has(u._id)) continue;
        await remindVoter(ctx.messages, { userId: u._id, openid: u.openid }, c, (u.subscriptions?.voteReminder ?? 0) > 0);
        reminded++;
      }
      await ctx.audit('convention.remind', `conventions/${c._id}`, { buildingId: input.buildingId ?? null, reminded });
      return { reminded };
    },
  },

  closeVoting: {
    async handle(ctx, input) {
      const c = await loadConvention(ctx, input.conventionId);
      requireDrafter(ctx, c);
      const vote = requireVoting(c);
      if (ctx.now < vote.endsAt) {
        const all = (await ballotsOf(ctx.db, c._id)).length >= vote.electorateHeads;
        if (!all) throw fail.conflict('表决截止时间未到，且还有住户未投票，不能提前结束');
      }
      const result = await closeConvention(ctx.db, c, ctx.now, ctx.user._id, (a, t, d) => ctx.audit(a, t, d));
      return { ...tallyViewOf(c, result, true), conventionId: c._id, phase: 'counted' as const };
    },
  },

  tally: {
    async handle(ctx, input) {
      const c = await loadConvention(ctx, input.conventionId);
      if (!c.vote) throw fail.conflict('这份公约没有进行表决');
      if (c.result) return tallyViewOf(c, c.result, true);
      // the running tally is the auditors' (and the drafters') until the vote closes
      if (!seesLiveTally(ctx, c)) throw fail.forbidden('表决结束前，计票情况只有监票人、业委会和党支部可以查看');
      const settings = await votingSettings(ctx.db, c.compoundId);
      return tallyViewOf(c, await countVote(ctx.db, c, ctx.now, settings.nonVotersWithMajority), false);
    },
  },
};
