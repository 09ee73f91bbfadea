// Drafting and reading: create, revise (every version kept), consult, withdraw; the list, one
// convention as its reader may see it, and the comparison of two versions.
import type { ConventionContract, ConventionView } from '@core/convention/contract';
import { diffArticles, nextPhase, type Phase } from '@core/convention/rules';
import { fail } from '@core/errors';
import { countWhere, findMany, getById, insertOne, pageOf, updateWhere } from '../runtime/db';
import type { BallotDoc, ConventionCommentDoc, ConventionDoc, ConventionVersionDoc, SignatureDoc, VoteProxyDoc, VoteRegisterDoc } from '../runtime/model';
import { CALLER_ID, callerField, joined, joinedCount, joinedList, type Handlers, type JoinedRead, type UserCtx } from '../runtime/serve';
import { ballotBlockedFor, callerEntry, callerEntryReads, isAuditor, isDrafter, loadConvention, movePhase, objectionBlockedFor, requireDrafter, seesLiveTally, seesNotVoted } from './store';
import { iso, summaryOf } from './views';

type H = Handlers<ConventionContract>;
const PUBLIC_PHASES: Phase[] = ['consultation', 'revised', 'voting', 'counted', 'adopted', 'rejected', 'withdrawn'];
const ACTIVE_PHASES: Phase[] = ['draft', 'consultation', 'revised', 'voting', 'counted'];
const CONSULTATION_DAYS = 14;

/** A draft is the drafters' own until it goes out for comments. */
async function readable(ctx: UserCtx, id: string): Promise<ConventionDoc> {
  const c = await loadConvention(ctx, id);
  if (c.phase === 'draft' && !isDrafter(ctx, c)) throw fail.notFound('没有找到这份公约');
  return c;
}

async function versionDoc(ctx: UserCtx, c: ConventionDoc, n: number): Promise<ConventionVersionDoc> {
  const v = await joined<ConventionVersionDoc>(ctx, 'shown', () => getById<ConventionVersionDoc>(ctx.db, 'convention_versions', `${c._id}:v${n}`));
  if (!v) throw fail.notFound(`没有第 ${n} 版`);
  return v;
}

const CHANGELOG_FIELDS = { version: true, note: true, adoptedCommentIds: true, adoptedComments: true, createdAt: true } as const;

/**
 * What `get` reads with the caller, in the same request: the convention (and the version asked
 * for), its changelog lines, the caller's register entry (their unit's, or their own in a count of
 * residents), the ballot count, the ballots cast for the caller's unit, the proxies they gave and
 * hold, and their signature. Each where is the one the separate reads used (a unit's entry is
 * `conventionId:householdId`, that is its convention, household and no person).
 */
function conventionReads(input: { conventionId: string; version?: number }): Record<string, JoinedRead> {
  const conventionId = input.conventionId;
  return {
    convention: { from: 'conventions', where: { _id: conventionId } },
    ...(input.version ? { shown: { from: 'convention_versions', where: { _id: `${conventionId}:v${input.version}` } } } : {}),
    versions: { from: 'convention_versions', where: { conventionId }, orderBy: [['version', 'desc']], limit: 50, fields: CHANGELOG_FIELDS },
    ...callerEntryReads(conventionId),
    ballotCount: { from: 'ballots', where: { conventionId }, count: true },
    unitBallots: { from: 'ballots', where: { conventionId, householdId: callerField('householdId') }, limit: 20 },
    proxyGiven: { from: 'vote_proxies', where: { conventionId, grantorId: CALLER_ID } },
    proxiesHeld: { from: 'vote_proxies', where: { proxyUserId: CALLER_ID, conventionId }, limit: 20 },
    signature: { from: 'convention_signatures', where: { conventionId, userId: CALLER_ID } },
  };
}

/** The caller's ballot under their entry's key: among their unit's ballots, else (rarely) asked for. */
async function ballotOf(ctx: UserCtx, c: ConventionDoc, entry: VoteRegisterDoc): Promise<BallotDoc | null> {
  const unit = await joinedList<BallotDoc>(ctx, 'unitBallots', () => findMany<BallotDoc>(ctx.db, 'ballots', { conventionId: c._id, householdId: entry.householdId }, { limit: 20 }));
  const found = unit.find((b) => b.voterKey === entry.voterKey);
  // the unit's ballots answer unless the key reaches beyond the caller's unit as it is now: an owner
  // of several units may have voted from another, and an entry fixed before a move names the old one
  if (found || (entry.keyArea === entry.area && entry.householdId === ctx.user.householdId)) return found ?? null;
  return (await findMany<BallotDoc>(ctx.db, 'ballots', { conventionId: c._id, voterKey: entry.voterKey }, { limit: 1 }))[0] ?? null;
}

async function viewOf(ctx: UserCtx, c: ConventionDoc, shown: { version: number; title: string; summary: string; articles: ConventionDoc['articles'] }): Promise<ConventionView> {
  const { db, now, user } = ctx;
  const drafter = isDrafter(ctx, c);
  const auditor = isAuditor(ctx, c);
  const vote = c.vote;
  // the changelog needs each version's line, not its articles
  const versions = await joinedList<ConventionVersionDoc>(ctx, 'versions', () =>
    findMany<ConventionVersionDoc>(db, 'convention_versions', { conventionId: c._id }, { orderBy: [['version', 'desc']], limit: 50, fields: CHANGELOG_FIELDS }),
  );

  let ballotBlocked: string | null = null;
  let voted = false;
  let votedAt: string | null = null;
  let voterLabel: string | null = null;
  let votedHeads = 0;
  let proxiesHeld: ConventionView['mine']['proxiesHeld'] = [];
  let proxyGiven: ConventionView['mine']['proxyGiven'] = null;
  if (vote) {
    const entry = await callerEntry(ctx, c);
    ballotBlocked = c.phase === 'voting' ? ballotBlockedFor(c, user, entry) : null;
    voterLabel = entry?.label ?? null;
    votedHeads = await joinedCount(ctx, 'ballotCount', () => countWhere(db, 'ballots', { conventionId: c._id }));
    if (entry) {
      const mine = await ballotOf(ctx, c, entry);
      voted = !!mine;
      votedAt = mine ? iso(mine.createdAt) : null;
      const given = await joined<VoteProxyDoc>(ctx, 'proxyGiven', () => getById<VoteProxyDoc>(db, 'vote_proxies', `${c._id}:${entry.voterKey}`));
      if (given && given.grantorId === user._id && given.voterKey === entry.voterKey) proxyGiven = { proxyName: given.proxyName, state: given.state };
    }
    const held = await joinedList<VoteProxyDoc>(ctx, 'proxiesHeld', () => findMany<VoteProxyDoc>(db, 'vote_proxies', { proxyUserId: user._id, conventionId: c._id }, { limit: 20 }));
    const live = held.filter((p) => p.state !== 'revoked');
    // a used proxy has voted; an active one's unit may have voted without it (the owner in person, on paper)
    const active = live.filter((p) => p.state === 'active');
    const cast = active.length
      ? await findMany<BallotDoc>(db, 'ballots', { conventionId: c._id, voterKey: db.command.in(active.map((p) => p.voterKey)) }, { limit: 20 })
      : [];
    proxiesHeld = live.map((p) => ({ proxyId: p._id, unit: p.unit, voted: p.state === 'used' || cast.some((b) => b.voterKey === p.voterKey) }));
  }
  const signed = c.phase === 'adopted' ? !!(await joined<SignatureDoc>(ctx, 'signature', () => getById<SignatureDoc>(db, 'convention_signatures', `${c._id}:${user._id}`))) : false;
  const open = !!vote && c.phase === 'voting' && now >= vote.startsAt && now < vote.endsAt;
  const resident = !!user.householdId;
  const objectionOpen = c.phase === 'counted' && !!c.result && now < c.result.objectionEndsAt;
  const everyone = !!vote && votedHeads >= vote.electorateHeads;
  return {
    conventionId: c._id,
    title: shown.title,
    kind: c.kind,
    summary: shown.summary,
    phase: c.phase,
    version: shown.version,
    latestVersion: c.version,
    articles: shown.articles.map((a, i) => ({ no: i + 1, title: a.title, body: a.body, commentCount: c.articleComments[String(i + 1)] ?? 0 })),
    changelog: versions.map((v) => ({
      version: v.version, note: v.note, at: iso(v.createdAt), adoptedCommentIds: v.adoptedCommentIds,
      adoptedComments: v.adoptedComments ?? v.adoptedCommentIds.map((commentId) => ({ commentId, articleNo: null })),
    })),
    consultationEndsAt: c.consultationEndsAt ? iso(c.consultationEndsAt) : null,
    vote: vote
      ? {
          rule: vote.rule,
          requestedRule: vote.requestedRule,
          electorate: vote.electorate,
          electorateHeads: vote.electorateHeads,
          electorateArea: vote.electorateArea,
          startsAt: iso(vote.startsAt),
          endsAt: iso(vote.endsAt),
          auditors: c.auditors,
          advisory: vote.advisory,
          open,
          votedHeads,
        }
      : null,
    result: c.result ? { passed: c.result.passed, binding: c.result.binding, postedAt: iso(c.result.postedAt), noticeId: c.result.noticeId, objectionEndsAt: iso(c.result.objectionEndsAt) } : null,
    withdrawnReason: c.withdrawnReason,
    filing: c.kind === 'residents_convention' ? (c.filing ? { state: c.filing.state, office: c.filing.office, at: c.filing.at ? iso(c.filing.at) : null } : { state: 'none', office: null, at: null }) : null,
    signatures: c.signatures,
    mine: { ballotBlocked, voted, votedAt, voterLabel, proxiesHeld, proxyGiven, signed },
    can: {
      edit: drafter && ['draft', 'consultation', 'revised'].includes(c.phase),
      startConsultation: drafter && (c.phase === 'draft' || c.phase === 'revised'),
      openVoting: drafter && ['draft', 'consultation', 'revised'].includes(c.phase),
      close: drafter && c.phase === 'voting' && !!vote && (now >= vote.endsAt || everyone),
      finalize: drafter && c.phase === 'counted' && !!c.result && now >= c.result.objectionEndsAt,
      withdraw: drafter && ['draft', 'consultation', 'revised', 'voting'].includes(c.phase),
      comment: c.phase === 'consultation' && (resident || drafter),
      vote: open && !voted && ballotBlocked === null,
      proxy: open && !voted && ballotBlocked === null && vote?.electorate === 'owners' && !proxyGiven,
      audit: auditor,
      progress: !!vote && seesNotVoted(ctx, c),
      tally: !!vote && (c.phase !== 'voting' || seesLiveTally(ctx, c)),
      object: objectionOpen && !objectionBlockedFor(c, user),
      answer: drafter && c.phase === 'counted',
      sign: c.phase === 'adopted' && resident && !signed,
      filing: drafter && c.kind === 'residents_convention' && c.phase === 'adopted',
    },
    updatedAt: iso(c.updatedAt),
  };
}

export const drafting: Pick<H, 'list' | 'get' | 'compare' | 'create' | 'update' | 'startConsultation' | 'withdraw'> = {
  list: {
    async handle(ctx, input) {
      if (!ctx.compoundId) return { items: [], nextCursor: null };
      const phases = (input.scope === 'all' ? PUBLIC_PHASES.concat('draft') : ACTIVE_PHASES).filter((p) => p !== 'draft' || isDrafter(ctx));
      const res = await pageOf<ConventionDoc>(ctx.db, 'conventions', { compoundId: ctx.compoundId, phase: ctx.db.command.in(phases) }, [['updatedAt', 'desc']], input);
      return { items: res.items.map(summaryOf), nextCursor: res.nextCursor };
    },
  },

  get: {
    reads: conventionReads,
    async handle(ctx, input) {
      const c = await readable(ctx, input.conventionId);
      if (input.version && input.version !== c.version) {
        if (input.version > c.version) throw fail.notFound(`没有第 ${input.version} 版`);
        const v = await versionDoc(ctx, c, input.version);
        return viewOf(ctx, c, v);
      }
      return viewOf(ctx, c, c);
    },
  },

  compare: {
    async handle(ctx, input) {
      const c = await readable(ctx, input.conventionId);
      if (input.from === input.to) throw fail.invalid('请选择两个不同的版本');
      const [a, b] = await Promise.all([versionDoc(ctx, c, input.from), versionDoc(ctx, c, input.to)]);
      return { from: a.version, to: b.version, note: b.note, changes: diffArticles(a.articles, b.articles) };
    },
  },

  create: {
    async handle(ctx, input) {
      if (!ctx.compoundId) throw fail.forbidden('您还没有所属小区');
      const verdict = await ctx.text.check([input.title, input.summary ?? '', ...input.articles.map((a) => `${a.title}\n${a.body}`)].join('\n'), 3, ctx.openid);
      if (verdict === 'review') throw fail.rejected('内容需人工审核，请修改敏感表述后再保存');
      const base = { compoundId: ctx.compoundId, title: input.title, summary: input.summary ?? '', articles: input.articles, createdAt: ctx.now, updatedAt: ctx.now };
      const doc: Omit<ConventionDoc, '_id'> = {
        ...base,
        kind: input.kind,
        version: 1,
        phase: 'draft',
        createdBy: ctx.user._id,
        consultationEndsAt: null,
        commentCount: 0,
        articleComments: {},
        auditors: [],
        vote: null,
        result: null,
        withdrawnReason: null,
        filing: null,
        signatures: 0,
      };
      const conventionId = await insertOne(ctx.db, 'conventions', doc);
      const first: ConventionVersionDoc = { ...base, _id: `${conventionId}:v1`, conventionId, version: 1, note: '初稿', adoptedCommentIds: [], editorId: ctx.user._id };
      await insertOne(ctx.db, 'convention_versions', first as unknown as Record<string, unknown>);
      await ctx.audit('convention.create', `conventions/${conventionId}`, { title: input.title, kind: input.kind });
      return { conventionId };
    },
  },

  update: {
    async handle(ctx, input) {
      const c = await loadConvention(ctx, input.conventionId);
      requireDrafter(ctx, c);
      const step = nextPhase(c.phase, 'revise');
      if (!step.ok) throw fail.conflict(step.message);
      const adopted = [...new Set(input.adoptedCommentIds ?? [])];
      let adoptedComments: Array<{ commentId: string; articleNo: number | null }> = [];
      if (adopted.length) {
        const found = await findMany<ConventionCommentDoc>(ctx.db, 'convention_comments', { _id: ctx.db.command.in(adopted) }, { limit: 100 });
        if (found.length !== adopted.length || found.some((d) => d.conventionId !== c._id)) throw fail.invalid('采纳的意见不属于这份公约');
        // the changelog links what the drafters answered as adopted, and nothing else
        const notAdopted = found.filter((d) => d.answer?.adopted !== true);
        if (notAdopted.length) throw fail.invalid(`只能关联已答复为“采纳”的意见：有 ${notAdopted.length} 条意见尚未答复采纳`);
        const byId = new Map(found.map((d) => [d._id, d]));
        adoptedComments = adopted.map((commentId) => ({ commentId, articleNo: byId.get(commentId)!.articleNo || null }));
      }
      const title = input.title ?? c.title;
      const summary = input.summary ?? c.summary;
      const verdict = await ctx.text.check([title, summary, ...input.articles.map((a) => `${a.title}\n${a.body}`)].join('\n'), 3, ctx.openid);
      if (verdict === 'review') throw fail.rejected('内容需人工审核，请修改敏感表述后再保存');
      const version = c.version + 1;
      // the version number is the guard: two drafters saving at once cannot both write version n+1
      await insertOne(ctx.db, 'convention_versions', {
        _id: `${c._id}:v${version}`, compoundId: c.compoundId, conventionId: c._id, version, title, summary, articles: input.articles,
        note: input.changelog, adoptedCommentIds: adopted, adoptedComments, editorId: ctx.user._id, createdAt: ctx.now, updatedAt: ctx.now,
      }).catch((e) => {
        throw fail.conflict(String(e).includes('E11000') ? '另一位起草人刚刚保存了新版本，请刷新后再修改' : String(e));
      });
      const phase = await movePhase(ctx, c, 'revise', { title, summary, articles: input.articles, version });
      return { conventionId: c._id, version, phase };
    },
  },

  startConsultation: {
    async handle(ctx, input) {
      const c = await loadConvention(ctx, input.conventionId);
      requireDrafter(ctx, c);
      const endsAt = input.endsAt ? new Date(input.endsAt) : new Date(ctx.now.getTime() + CONSULTATION_DAYS * 86_400_000);
      if (endsAt <= ctx.now) throw fail.invalid('征求意见截止时间必须晚于现在');
      const phase = await movePhase(ctx, c, 'startConsultation', { consultationEndsAt: endsAt });
      return { conventionId: c._id, phase };
    },
  },

  withdraw: {
    async handle(ctx, input) {
      const c = await loadConvention(ctx, input.conventionId);
      requireDrafter(ctx, c);
      const phase = await movePhase(ctx, c, 'withdraw', { withdrawnReason: input.reason });
      // a withdrawn vote's ballots stay with the record; nobody can cast more (the phase guards castBallot)
      await updateWhere(ctx.db, 'vote_proxies', { conventionId: c._id, state: 'active' }, { state: 'revoked', updatedAt: ctx.now });
      return { conventionId: c._id, phase };
    },
  },
};
