// 公约与表决: conventions drafted with the residents, voted under the rule the law gives, results
// posted (公示), objected to and kept (DESIGN §4.3). Object-level rights (drafter, auditor, voter)
// arrive as view fields: pages never re-run a rule to decide what to show.
import * as z from 'zod/mini';
import { CREATE_LIMIT, cursorInput, defineContract, EXPORT_LIMIT, id, isoTime, page, phone, roles, text, user } from '../contract';
import { CHOICES, CONVENTION_KINDS, DRAFTERS, ELECTORATES, PHASES, PROGRESS_READERS, VOTE_RULES, type Jurisdiction } from './rules';

const article = z.strictObject({ title: text(40, '条款标题'), body: text(1000, '条款内容') });
const articles = z.array(article).check(z.minLength(1, '至少要有一条条款'), z.maxLength(60, '条款不能超过 60 条'));
const byConvention = z.strictObject({ conventionId: id() });
const areaUnits = z.number(); // integer hundredths of m²

export const conventionSummary = z.object({
  conventionId: z.string(),
  title: z.string(),
  kind: z.enum(CONVENTION_KINDS),
  phase: z.enum(PHASES),
  version: z.number(),
  articleCount: z.number(),
  commentCount: z.number(),
  updatedAt: z.string(),
  /** The running or last vote: when it ends and under which rule. */
  vote: z.nullable(z.object({ rule: z.enum(VOTE_RULES), startsAt: z.string(), endsAt: z.string() })),
});
export type ConventionSummary = z.infer<typeof conventionSummary>;

export const voteInfo = z.object({
  /** The rule the vote runs under (a consultation where the city requires its official system). */
  rule: z.enum(VOTE_RULES),
  /** The rule the committee asked for. */
  requestedRule: z.enum(VOTE_RULES),
  /** Who votes: owners (one per owner, areas summed), households, or residents 18+. */
  electorate: z.enum(['owners', 'households', 'residents']),
  electorateHeads: z.number(),
  electorateArea: areaUnits,
  startsAt: z.string(),
  endsAt: z.string(),
  auditors: z.array(z.object({ userId: z.string(), name: z.string() })),
  /** Why this vote binds nothing (the city's official system), shown on every screen; null otherwise. */
  advisory: z.nullable(z.string()),
  open: z.boolean(),
  /** Units (or people) that have voted so far: participation is public, choices are not. */
  votedHeads: z.number(),
});
export type VoteInfo = z.infer<typeof voteInfo>;

export const criterionView = z.object({
  key: z.enum(['quorumArea', 'quorumHeads', 'agreeArea', 'agreeHeads']),
  label: z.string(),
  numerator: z.number(),
  denominator: z.number(),
  threshold: z.object({ num: z.number(), den: z.number(), op: z.enum(['>', '≥']) }),
  met: z.boolean(),
  basis: z.string(),
});

export const totalsView = z.object({
  electorateHeads: z.number(),
  electorateArea: areaUnits,
  partHeads: z.number(),
  partArea: areaUnits,
  agreeHeads: z.number(),
  agreeArea: areaUnits,
  disagreeHeads: z.number(),
  disagreeArea: areaUnits,
  abstainHeads: z.number(),
  abstainArea: areaUnits,
});

export const tallyView = z.object({
  rule: z.enum(VOTE_RULES),
  /** Who voted: the per-building table counts units (户) for owners and households, people for residents. */
  electorate: z.enum(['owners', 'households', 'residents']),
  closed: z.boolean(),
  quorumMet: z.boolean(),
  passed: z.boolean(),
  /** A consultation binds nothing. */
  binding: z.boolean(),
  totals: totalsView,
  criteria: z.array(criterionView),
  /** Which rule decided, in words. */
  basis: z.string(),
  advisory: z.nullable(z.string()),
  /** Online and paper ballots, counted separately (heads and area). */
  sources: z.object({ online: z.object({ heads: z.number(), area: areaUnits }), paper: z.object({ heads: z.number(), area: areaUnits }) }),
  /**
   * Per building, counted in units (户; people in a per-resident count), not voter keys: an owner of
   * several units counts once in the totals and once per unit here, so the heads need not add up to
   * the totals. The areas (each unit's own) do.
   */
  byBuilding: z.array(
    z.object({
      buildingId: z.string(),
      buildingName: z.string(),
      electorateHeads: z.number(),
      partHeads: z.number(),
      agreeHeads: z.number(),
      disagreeHeads: z.number(),
      abstainHeads: z.number(),
      electorateArea: areaUnits,
      partArea: areaUnits,
      agreeArea: areaUnits,
      disagreeArea: areaUnits,
      abstainArea: areaUnits,
    }),
  ),
  /** 从多: only where the compound's rules allow it, a separate labelled figure that decides nothing. */
  nonVoters: z.nullable(z.object({ label: z.string(), agreeHeads: z.number(), agreeArea: areaUnits })),
  countedAt: z.nullable(z.string()),
});
export type TallyView = z.infer<typeof tallyView>;

const answerView = z.object({ text: z.string(), adopted: z.nullable(z.boolean()), reason: z.nullable(z.string()), at: z.string() });

export const commentView = z.object({
  commentId: z.string(),
  /** 1-based article number; null for a comment on the whole convention. */
  articleNo: z.nullable(z.number()),
  parentId: z.nullable(z.string()),
  /** Masked unless the author consented to publish their name. */
  authorName: z.string(),
  text: z.string(),
  version: z.number(),
  supportCount: z.number(),
  supported: z.boolean(),
  mine: z.boolean(),
  /** Held by the content check: only its author and the drafters see it. */
  held: z.boolean(),
  hidden: z.boolean(),
  answer: z.nullable(answerView),
  createdAt: z.string(),
});
export type CommentView = z.infer<typeof commentView>;

export const objectionView = z.object({
  objectionId: z.string(),
  authorName: z.string(),
  unit: z.string(),
  text: z.string(),
  mine: z.boolean(),
  answer: z.nullable(z.object({ text: z.string(), at: z.string() })),
  createdAt: z.string(),
});

export const conventionView = z.object({
  conventionId: z.string(),
  title: z.string(),
  kind: z.enum(CONVENTION_KINDS),
  summary: z.string(),
  phase: z.enum(PHASES),
  /** The version shown, and the newest. */
  version: z.number(),
  latestVersion: z.number(),
  articles: z.array(z.object({ no: z.number(), title: z.string(), body: z.string(), commentCount: z.number() })),
  changelog: z.array(
    z.object({
      version: z.number(),
      note: z.string(),
      at: z.string(),
      adoptedCommentIds: z.array(z.string()),
      /** The comments this revision adopted, with the article each was made on (null: the whole text), for the page to link. */
      adoptedComments: z.array(z.object({ commentId: z.string(), articleNo: z.nullable(z.number()) })),
    }),
  ),
  consultationEndsAt: z.nullable(z.string()),
  vote: z.nullable(voteInfo),
  /** The posted result (after the vote closes). */
  result: z.nullable(z.object({ passed: z.boolean(), binding: z.boolean(), postedAt: z.string(), noticeId: z.nullable(z.string()), objectionEndsAt: z.string() })),
  withdrawnReason: z.nullable(z.string()),
  /** 居民公约: filing with the street office (备案). */
  filing: z.nullable(z.object({ state: z.enum(['none', 'submitted', 'filed']), office: z.nullable(z.string()), at: z.nullable(z.string()) })),
  signatures: z.number(),
  mine: z.object({
    /** Why the caller may not vote in this vote (null when they may, or when no vote runs). */
    ballotBlocked: z.nullable(z.string()),
    /** The caller's household (voter key) has voted — by them, a co-owner, a proxy or on paper. */
    voted: z.boolean(),
    votedAt: z.nullable(z.string()),
    /** The caller's unit as the register names it ("3栋1单元502"). */
    voterLabel: z.nullable(z.string()),
    /** Proxies the caller holds for others in this vote. */
    proxiesHeld: z.array(z.object({ proxyId: z.string(), unit: z.string(), voted: z.boolean() })),
    /** The proxy the caller gave (the holder's name is masked). */
    proxyGiven: z.nullable(z.object({ proxyName: z.string(), state: z.enum(['active', 'used', 'revoked']) })),
    signed: z.boolean(),
  }),
  can: z.object({
    edit: z.boolean(),
    startConsultation: z.boolean(),
    openVoting: z.boolean(),
    close: z.boolean(),
    finalize: z.boolean(),
    withdraw: z.boolean(),
    comment: z.boolean(),
    vote: z.boolean(),
    proxy: z.boolean(),
    /** Auditor tools: choices, paper ballots, proxies, live tally, export. */
    audit: z.boolean(),
    /** Per-building progress (units not yet voted). */
    progress: z.boolean(),
    tally: z.boolean(),
    object: z.boolean(),
    answer: z.boolean(),
    sign: z.boolean(),
    filing: z.boolean(),
  }),
  updatedAt: z.string(),
});
export type ConventionView = z.infer<typeof conventionView>;

export const ballotRow = z.object({
  ballotId: z.string(),
  /** The unit as the register names it, building included ("3栋1单元502"). */
  unit: z.string(),
  buildingName: z.string(),
  area: areaUnits,
  choice: z.enum(CHOICES),
  source: z.enum(['online', 'paper']),
  /** Set when a proxy cast it: the holder's name (auditors see proxies). */
  proxyName: z.nullable(z.string()),
  /** 代办: the worker who entered it for the owner, and the consent they noted. */
  actedBy: z.nullable(z.object({ name: z.string(), consentNote: z.string() })),
  castAt: z.string(),
});

const JURISDICTION_ENUM = ['none', 'beijing', 'shenzhen', 'sichuan', 'other'] as const satisfies readonly Jurisdiction[];

const votingSettingsView = z.object({
  jurisdiction: z.enum(JURISDICTION_ENUM),
  /** The system owners' decisions must use here (null: none): owners' votes in Linli are then consultations. */
  officialSystem: z.nullable(z.string()),
  /** The rule that says so (北京市物业管理条例 art. 35 …), or null. */
  basis: z.nullable(z.string()),
  objectionDays: z.number(),
  nonVotersWithMajority: z.boolean(),
  canEdit: z.boolean(),
});

export const conventionContract = defineContract({
  list: {
    access: user,
    input: z.strictObject({ scope: z.optional(z.enum(['active', 'all'])), ...cursorInput }),
    output: page(conventionSummary),
  },
  get: { access: user, input: z.strictObject({ conventionId: id(), version: z.optional(z.number().check(z.int(), z.gte(1))) }), output: conventionView },
  compare: {
    access: user,
    input: z.strictObject({ conventionId: id(), from: z.number().check(z.int(), z.gte(1)), to: z.number().check(z.int(), z.gte(1)) }),
    output: z.object({
      from: z.number(),
      to: z.number(),
      note: z.string(),
      changes: z.array(
        z.object({ kind: z.enum(['added', 'removed', 'changed', 'same']), no: z.number(), title: z.string(), before: z.nullable(z.string()), after: z.nullable(z.string()) }),
      ),
    }),
  },
  create: {
    limit: CREATE_LIMIT,
    access: roles(...DRAFTERS),
    input: z.strictObject({ title: text(40, '标题'), kind: z.enum(CONVENTION_KINDS), summary: z.optional(z.string().check(z.trim(), z.maxLength(500, '说明不能超过 500 个字'))), articles }),
    output: z.object({ conventionId: z.string() }),
  },
  update: {
    access: roles(...DRAFTERS),
    input: z.strictObject({
      conventionId: id(),
      title: z.optional(text(40, '标题')),
      summary: z.optional(z.string().check(z.trim(), z.maxLength(500, '说明不能超过 500 个字'))),
      articles,
      changelog: text(200, '修改说明'),
      /** Comments this revision takes up (the changelog links them). */
      adoptedCommentIds: z.optional(z.array(id()).check(z.maxLength(100))),
    }),
    output: z.object({ conventionId: z.string(), version: z.number(), phase: z.enum(PHASES) }),
  },
  startConsultation: {
    access: roles(...DRAFTERS),
    input: z.strictObject({ conventionId: id(), endsAt: z.optional(isoTime()) }),
    output: z.object({ conventionId: z.string(), phase: z.enum(PHASES) }),
  },
  withdraw: { access: roles(...DRAFTERS), input: z.strictObject({ conventionId: id(), reason: text(200, '撤回原因') }), output: z.object({ conventionId: z.string(), phase: z.enum(PHASES) }) },
  comment: {
    limit: CREATE_LIMIT,
    access: user,
    input: z.strictObject({
      conventionId: id(),
      articleNo: z.nullable(z.number().check(z.int(), z.gte(1), z.lte(60))),
      parentId: z.optional(id()),
      text: text(500, '意见'),
    }),
    output: z.object({ commentId: z.string(), held: z.boolean() }),
  },
  comments: {
    access: user,
    input: z.strictObject({ conventionId: id(), articleNo: z.optional(z.nullable(z.number().check(z.int(), z.gte(1), z.lte(60)))), ...cursorInput }),
    output: page(commentView),
  },
  support: { access: user, input: z.strictObject({ commentId: id() }), output: z.object({ commentId: z.string(), supportCount: z.number() }) },
  answerComment: {
    access: roles(...DRAFTERS),
    input: z.strictObject({ commentId: id(), text: text(500, '答复'), adopted: z.nullable(z.boolean()), reason: z.optional(z.string().check(z.trim(), z.maxLength(200, '理由不能超过 200 个字'))) }),
    output: z.object({ commentId: z.string() }),
  },
  hideComment: { access: roles(...DRAFTERS), input: z.strictObject({ commentId: id(), reason: text(100, '隐藏原因') }), output: z.object({ commentId: z.string() }) },
  openVoting: {
    access: roles(...DRAFTERS),
    input: z.strictObject({
      conventionId: id(),
      rule: z.enum(VOTE_RULES),
      startsAt: z.optional(isoTime()),
      endsAt: isoTime(),
      auditorIds: z.array(id()).check(z.minLength(1, '至少指定一名监票人'), z.maxLength(9, '监票人不超过 9 名')),
      electorate: z.optional(z.enum(ELECTORATES)),
    }),
    output: z.object({ conventionId: z.string(), rule: z.enum(VOTE_RULES), advisory: z.nullable(z.string()), electorateHeads: z.number() }),
  },
  castBallot: {
    limit: CREATE_LIMIT,
    access: user,
    input: z.strictObject({ conventionId: id(), choice: z.enum(CHOICES), /** Vote for another owner under their written proxy. */ proxyId: z.optional(id()) }),
    output: z.object({ ballotId: z.string() }),
  },
  grantProxy: {
    limit: CREATE_LIMIT,
    access: user,
    input: z.strictObject({ conventionId: id(), proxyName: text(20, '受托人姓名'), proxyPhone: phone() }),
    output: z.object({ proxyId: z.string(), proxyName: z.string() }),
  },
  revokeProxy: { access: user, input: byConvention, output: z.object({ revoked: z.boolean() }) },
  enterPaperBallots: {
    access: user,
    input: z.strictObject({
      conventionId: id(),
      ballots: z
        .array(z.strictObject({ buildingId: id(), unit: text(8, '单元'), room: text(8, '房号'), choice: z.enum(CHOICES) }))
        .check(z.minLength(1, '请至少录入一张选票'), z.maxLength(100, '一次最多录入 100 张')),
      /** 代办: a grid worker or the branch enters one owner's paper ballot for them, with their consent noted. */
      onBehalfOf: z.optional(z.strictObject({ userId: id(), consentNote: text(100, '居民同意情况') })),
    }),
    output: z.object({ entered: z.number() }),
  },
  ballots: {
    access: user,
    input: z.strictObject({ conventionId: id(), ...cursorInput }),
    output: z.extend(page(ballotRow), {
      proxies: z.array(z.object({ proxyId: z.string(), unit: z.string(), grantorName: z.string(), proxyName: z.string(), state: z.enum(['active', 'used', 'revoked']), at: z.string() })),
    }),
  },
  progress: {
    access: user,
    input: z.strictObject({ conventionId: id(), buildingId: z.optional(id()) }),
    output: z.object({
      votedHeads: z.number(),
      electorateHeads: z.number(),
      buildings: z.array(
        z.object({
          buildingId: z.string(),
          buildingName: z.string(),
          units: z.number(),
          voted: z.number(),
          /** Units still to vote ("1单元302"): only for grid workers, the committee and auditors; [] for others. */
          notVoted: z.array(z.string()),
          /** Units that voted, with their area (public participation; never names or choices). */
          votedUnits: z.array(z.object({ unit: z.string(), area: areaUnits })),
        }),
      ),
      /** Whether the caller sees the not-yet-voted units (may knock on doors). */
      canSeeNotVoted: z.boolean(),
    }),
  },
  remind: {
    access: roles(...PROGRESS_READERS),
    input: z.strictObject({ conventionId: id(), buildingId: z.optional(id()) }),
    output: z.object({ reminded: z.number() }),
  },
  /** Answers the count it made, in the tally's shape (issue 12), with the convention and its new phase. */
  closeVoting: { access: roles(...DRAFTERS), input: byConvention, output: z.extend(tallyView, { conventionId: z.string(), phase: z.enum(PHASES) }) },
  tally: { access: user, input: byConvention, output: tallyView },
  object: { limit: CREATE_LIMIT, access: user, input: z.strictObject({ conventionId: id(), text: text(500, '异议') }), output: z.object({ objectionId: z.string() }) },
  objections: { access: user, input: byConvention, output: z.object({ items: z.array(objectionView) }) },
  answerObjection: { access: roles(...DRAFTERS), input: z.strictObject({ objectionId: id(), text: text(500, '答复') }), output: z.object({ objectionId: z.string() }) },
  finalize: {
    access: roles(...DRAFTERS),
    input: z.strictObject({ conventionId: id(), /** Only for a consultation, which decides nothing itself. */ outcome: z.optional(z.enum(['adopted', 'rejected'])) }),
    output: z.object({ conventionId: z.string(), phase: z.enum(PHASES) }),
  },
  sign: { access: user, input: byConvention, output: z.object({ signatures: z.number() }) },
  /** The compound's voting rules: the city's rule on owners' e-votes, the objection window, 从多. */
  votingSettings: { access: user, input: z.strictObject({}), output: votingSettingsView },
  /** Set by the branch or the committee; votes already open keep the rule they opened under. */
  setVotingSettings: {
    access: roles('branch', 'committee'),
    input: z.strictObject({
      jurisdiction: z.enum(JURISDICTION_ENUM),
      /** The system's exact name where the street office uses one (required for `other`). */
      officialSystem: z.optional(z.nullable(text(60, '电子投票系统名称'))),
      objectionDays: z.number().check(z.int(), z.gte(1), z.lte(30)),
      nonVotersWithMajority: z.boolean(),
    }),
    output: votingSettingsView,
  },
  setFiling: {
    access: roles(...DRAFTERS),
    input: z.strictObject({ conventionId: id(), state: z.enum(['submitted', 'filed']), office: text(40, '备案机关') }),
    output: z.object({ conventionId: z.string() }),
  },
  exportRecord: {
    limit: EXPORT_LIMIT,
    access: user,
    input: z.strictObject({ conventionId: id(), format: z.enum(['csv', 'xlsx']) }),
    output: z.object({ filename: z.string(), rows: z.number(), csv: z.nullable(z.string()), fileId: z.nullable(z.string()), url: z.nullable(z.string()) }),
  },
});

export type ConventionContract = typeof conventionContract;
