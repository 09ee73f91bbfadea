// 公约与表决: the vocabulary, the phases, and the tally exactly as the law counts (DESIGN §4.3,
// reference/domain-rules.md §1). Areas are integers of 0.01 m² and every threshold is compared by
// integer cross-multiplication, so no float ever decides a vote.
import type { Role } from '../roles';

export const CONVENTION_KINDS = ['residents_convention', 'management_rules', 'parking_rules', 'other'] as const;
export type ConventionKind = (typeof CONVENTION_KINDS)[number];
export const KIND_LABELS: Record<ConventionKind, string> = {
  residents_convention: '居民公约',
  management_rules: '管理规约',
  parking_rules: '停车管理公约',
  other: '其他公约',
};

export const VOTE_RULES = ['residents_meeting', 'owners_ordinary', 'owners_major', 'consultation'] as const;
export type VoteRule = (typeof VOTE_RULES)[number];

export const RULE_LABELS: Record<VoteRule, string> = {
  residents_meeting: '居民会议表决',
  owners_ordinary: '业主共同决定（一般事项）',
  owners_major: '业主共同决定（重大事项）',
  consultation: '征求意见（不具表决效力）',
};

/** What choosing the rule means, in words a committee member reads before opening the vote. */
export const RULE_EXPLAINED: Record<VoteRule, string> = {
  residents_meeting:
    '《城市居民委员会组织法》第九、十条：18 周岁以上居民或每户代表参加，租户也可参加，不按面积计算；过半数选民参加、参加者过半数同意即通过。适用于居民公约。',
  owners_ordinary:
    '《民法典》第二百七十八条：专有部分面积和业主人数均达三分之二以上参与表决，且参与表决面积过半数、参与表决人数过半数同意。适用于管理规约、选聘物业、选举业委会等。',
  owners_major:
    '《民法典》第二百七十八条第六至八项：筹集维修资金、改建重建、改变共有部分用途或利用共有部分经营（如公共道路停车收费），须参与表决面积和人数均达四分之三以上同意。',
  consultation: '征求意见：只统计意见，不作为业主或居民的共同决定，结果仅供参考。',
};

export const ELECTORATES = ['households', 'residents'] as const;
export type Electorate = (typeof ELECTORATES)[number];
export const ELECTORATE_LABELS: Record<Electorate, string> = {
  households: '每户一票（户代表）',
  residents: '18 周岁以上居民每人一票',
};

export const CHOICES = ['agree', 'disagree', 'abstain'] as const;
export type Choice = (typeof CHOICES)[number];
export const CHOICE_LABELS: Record<Choice, string> = { agree: '同意', disagree: '反对', abstain: '弃权' };

export const PHASES = ['draft', 'consultation', 'revised', 'voting', 'counted', 'adopted', 'rejected', 'withdrawn'] as const;
export type Phase = (typeof PHASES)[number];
export const PHASE_LABELS: Record<Phase, string> = {
  draft: '草案',
  consultation: '征求意见中',
  revised: '已修订',
  voting: '表决中',
  counted: '结果公示中',
  adopted: '已通过',
  rejected: '未通过',
  withdrawn: '已撤回',
};

/** Who drafts conventions, opens and closes votes, answers comments and objections. */
export const DRAFTERS: readonly Role[] = ['committee', 'branch', 'officer'];
/** Besides the vote's auditors, who sees the running tally before the vote closes (not officers: they oversee, the compound decides). */
export const LIVE_TALLY_READERS: readonly Role[] = ['committee', 'branch'];
/** Who sees a building's not-yet-voted units to knock on doors (units only, never names or choices). */
export const PROGRESS_READERS: readonly Role[] = ['grid', 'committee', 'branch', 'officer'];

export type PhaseAction = 'startConsultation' | 'revise' | 'openVoting' | 'close' | 'finalize' | 'withdraw';

/** The phase an action moves a convention to, or the reason it may not. */
export function nextPhase(from: Phase, action: PhaseAction, outcome?: 'adopted' | 'rejected'): { ok: true; to: Phase } | { ok: false; message: string } {
  const table: Record<PhaseAction, Partial<Record<Phase, Phase>>> = {
    startConsultation: { draft: 'consultation', revised: 'consultation' },
    revise: { draft: 'draft', consultation: 'revised', revised: 'revised' },
    openVoting: { draft: 'voting', consultation: 'voting', revised: 'voting' },
    close: { voting: 'counted' },
    finalize: { counted: outcome ?? 'rejected' },
    withdraw: { draft: 'withdrawn', consultation: 'withdrawn', revised: 'withdrawn', voting: 'withdrawn' },
  };
  const to = table[action][from];
  if (to) return { ok: true, to };
  const why: Record<PhaseAction, string> = {
    startConsultation: '只有草案或修订稿可以征求意见',
    revise: '表决开始后不能再修改条款',
    openVoting: '只有草案、征求意见中或修订后的公约可以发起表决',
    close: '只有表决中的公约可以结束表决',
    finalize: '只有结果公示中的公约可以确定结果',
    withdraw: '表决结束后不能撤回',
  };
  return { ok: false, message: `${why[action]}（当前：${PHASE_LABELS[from]}）` };
}

/** The rule a convention of this kind is voted under unless the committee says otherwise. */
export function defaultRule(kind: ConventionKind): VoteRule {
  if (kind === 'residents_convention') return 'residents_meeting';
  if (kind === 'parking_rules') return 'owners_major';
  if (kind === 'management_rules') return 'owners_ordinary';
  return 'consultation';
}

/** How much a binding rule asks: a residents' meeting is no owners' decision; 278's major items ask most. */
const STRENGTH: Record<Exclude<VoteRule, 'consultation'>, number> = { residents_meeting: 0, owners_ordinary: 1, owners_major: 2 };

/**
 * Why this rule may not decide a convention of this kind (null: it may). 停车管理公约 and 管理规约 are
 * owners' decisions (domain-rules §1: 民法典 art. 278): a binding rule weaker than the kind's default is
 * refused; a consultation stays allowed because it binds nothing and every screen says so.
 */
export function ruleTooWeak(kind: ConventionKind, rule: VoteRule): string | null {
  if (kind !== 'parking_rules' && kind !== 'management_rules') return null;
  const floor = defaultRule(kind) as Exclude<VoteRule, 'consultation'>;
  if (rule === 'consultation' || STRENGTH[rule] >= STRENGTH[floor]) return null;
  const consult = '如只想听取意见，请选择“征求意见”（不具表决效力）';
  return kind === 'parking_rules'
    ? `停车管理公约涉及利用共有道路停车收费，须按业主共同决定（重大事项）表决：参与表决面积和人数四分之三以上同意（《民法典》第二百七十八条）；${consult}`
    : `管理规约须由业主共同决定（《民法典》第二百七十八条），不能以居民会议表决；${consult}`;
}

export function isOwnersRule(rule: VoteRule): boolean {
  return rule === 'owners_ordinary' || rule === 'owners_major';
}

// ---- jurisdiction ------------------------------------------------------------------------------

/**
 * The cities whose rules send owners' decisions through an official e-voting system (domain-rules
 * §1 [地方]); `other` is a place the compound names itself, `none` a city with no such rule. The
 * system is named as the rule names it; a compound can write the exact name its street office uses.
 */
export const JURISDICTIONS = {
  none: { label: '无此要求', system: null, basis: null },
  beijing: { label: '北京市', system: '「北京业主」App', basis: '《北京市物业管理条例》（2024）第三十五条' },
  shenzhen: { label: '深圳市', system: '深圳市规定的业主共同决定电子投票系统', basis: '深建规〔2020〕14号' },
  sichuan: { label: '四川省', system: '四川省规定的业主共同决定电子投票系统', basis: '川建行规〔2022〕9号' },
  other: { label: '其他城市（自填系统名称）', system: null, basis: null },
} as const;
export type Jurisdiction = keyof typeof JURISDICTIONS;
export const JURISDICTION_KEYS = Object.keys(JURISDICTIONS) as Jurisdiction[];

/**
 * The official system owners' votes must use here (null: none): the compound's own wording when it
 * gave one, else the name the city's rule gives; `none` has none whatever was written.
 */
export function officialSystemFor(jurisdiction: Jurisdiction, named: string | null | undefined): string | null {
  if (jurisdiction === 'none') return null;
  const own = named?.trim();
  return own || JURISDICTIONS[jurisdiction].system;
}

/**
 * The rule a vote actually runs under: where the city requires its official e-voting system for
 * owners' decisions (Beijing, Shenzhen, Sichuan), an owners' vote here is a consultation.
 */
export function effectiveRule(requested: VoteRule, jurisdiction: { officialSystem: string | null }): { rule: VoteRule; advisory: string | null } {
  if (isOwnersRule(requested) && jurisdiction.officialSystem) {
    return {
      rule: 'consultation',
      advisory: `本地业主共同决定须通过「${jurisdiction.officialSystem}」进行，本次投票仅作征求意见，不作为业主大会决定`,
    };
  }
  return { rule: requested, advisory: null };
}

// ---- area --------------------------------------------------------------------------------------

/** Square metres from the register (two decimals) as integer hundredths: 89.57 → 8957. */
export function areaUnits(m2: number): number {
  return Math.round(m2 * 100);
}

/** 8957 → "89.57"; integers only, no float formatting. */
export function formatArea(units: number): string {
  const whole = Math.floor(units / 100);
  const frac = units % 100;
  return `${whole}.${String(frac).padStart(2, '0')}`;
}

// ---- the tally ---------------------------------------------------------------------------------

/** One voter of the register snapshot: an owner key (units summed) or a household or a resident. */
export interface RegisterEntry {
  key: string;
  /** Integer hundredths of m² (0 for a residents' meeting). */
  area: number;
}

export interface TallyBallot {
  key: string;
  choice: Choice;
}

export interface Totals {
  electorateHeads: number;
  electorateArea: number;
  partHeads: number;
  partArea: number;
  agreeHeads: number;
  agreeArea: number;
  disagreeHeads: number;
  disagreeArea: number;
  abstainHeads: number;
  abstainArea: number;
}

export interface Criterion {
  key: 'quorumArea' | 'quorumHeads' | 'agreeArea' | 'agreeHeads';
  label: string;
  /** numerator / denominator compared with the threshold num/den using `op`. */
  numerator: number;
  denominator: number;
  threshold: { num: number; den: number; op: '>' | '≥' };
  met: boolean;
  /** Which part of the law this criterion comes from. */
  basis: string;
}

export interface TallyResult {
  rule: VoteRule;
  binding: boolean;
  quorumMet: boolean;
  passed: boolean;
  totals: Totals;
  criteria: Criterion[];
  /** The rule that decided, in words ("民法典第二百七十八条：…"). */
  basis: string;
  /** Ballots whose key is not in the register (never counted; should be 0). */
  ignored: number;
}

/** n/d compared with num/den by cross-multiplication (all non-negative integers). */
export function meets(n: number, d: number, t: { num: number; den: number; op: '>' | '≥' }): boolean {
  if (d === 0) return false;
  // areas are hundredths of m²: even a million units of 10,000 m² stay far below 2^53 here
  const lhs = n * t.den;
  const rhs = d * t.num;
  if (!Number.isSafeInteger(lhs) || !Number.isSafeInteger(rhs)) throw new RangeError('tally figures out of range');
  return t.op === '>' ? lhs > rhs : lhs >= rhs;
}

const TWO_THIRDS = { num: 2, den: 3, op: '≥' } as const;
const HALF_MORE = { num: 1, den: 2, op: '>' } as const;
const THREE_QUARTERS = { num: 3, den: 4, op: '≥' } as const;
const BASIS_278 = '《民法典》第二百七十八条';
const BASIS_RESIDENTS = '《城市居民委员会组织法》第九条';

function criterion(key: Criterion['key'], label: string, n: number, d: number, threshold: Criterion['threshold'], basis: string): Criterion {
  return { key, label, numerator: n, denominator: d, threshold, met: meets(n, d, threshold), basis };
}

/**
 * Counts real ballots against the register snapshot the vote was opened with. One entry per voter
 * key; a second ballot for the same key (impossible with the unique index) counts once, the first.
 */
export function tally(rule: VoteRule, register: readonly RegisterEntry[], ballots: readonly TallyBallot[]): TallyResult {
  const area = new Map<string, number>();
  for (const e of register) if (!area.has(e.key)) area.set(e.key, e.area);
  const t: Totals = {
    electorateHeads: area.size,
    electorateArea: 0,
    partHeads: 0,
    partArea: 0,
    agreeHeads: 0,
    agreeArea: 0,
    disagreeHeads: 0,
    disagreeArea: 0,
    abstainHeads: 0,
    abstainArea: 0,
  };
  for (const a of area.values()) t.electorateArea += a;
  const seen = new Set<string>();
  let ignored = 0;
  for (const b of ballots) {
    const a = area.get(b.key);
    if (a === undefined || seen.has(b.key)) {
      ignored++;
      continue;
    }
    seen.add(b.key);
    t.partHeads++;
    t.partArea += a;
    t[`${b.choice}Heads`]++;
    t[`${b.choice}Area`] += a;
  }

  let criteria: Criterion[];
  let basis: string;
  if (rule === 'residents_meeting') {
    basis = `${BASIS_RESIDENTS}：过半数选民参加，且参加者过半数同意`;
    criteria = [
      criterion('quorumHeads', '参加人数过选民半数', t.partHeads, t.electorateHeads, HALF_MORE, BASIS_RESIDENTS),
      criterion('agreeHeads', '同意人数过参加者半数', t.agreeHeads, t.partHeads, HALF_MORE, BASIS_RESIDENTS),
    ];
  } else if (rule === 'consultation') {
    basis = '征求意见：不作为共同决定，只报告结果';
    criteria = [];
  } else {
    const pass = rule === 'owners_major' ? THREE_QUARTERS : HALF_MORE;
    const word = rule === 'owners_major' ? '四分之三以上' : '过半数';
    basis =
      rule === 'owners_major'
        ? `${BASIS_278}第二款：专有部分面积和人数均三分之二以上参与表决，并经参与表决面积和人数四分之三以上同意`
        : `${BASIS_278}第二款：专有部分面积和人数均三分之二以上参与表决，并经参与表决面积和人数过半数同意`;
    criteria = [
      criterion('quorumArea', '参与表决面积达总面积三分之二以上', t.partArea, t.electorateArea, TWO_THIRDS, BASIS_278),
      criterion('quorumHeads', '参与表决人数达总人数三分之二以上', t.partHeads, t.electorateHeads, TWO_THIRDS, BASIS_278),
      criterion('agreeArea', `同意面积占参与表决面积${word}`, t.agreeArea, t.partArea, pass, BASIS_278),
      criterion('agreeHeads', `同意人数占参与表决人数${word}`, t.agreeHeads, t.partHeads, pass, BASIS_278),
    ];
  }
  const quorum = criteria.filter((c) => c.key.startsWith('quorum'));
  const quorumMet = rule === 'consultation' ? false : quorum.every((c) => c.met);
  const passed = rule === 'consultation' ? false : criteria.every((c) => c.met);
  return { rule, binding: rule !== 'consultation', quorumMet, passed, totals: t, criteria, basis, ignored };
}

/**
 * 从多: the figure some 议事规则 allow — non-voters counted with the majority of those who voted.
 * Courts are split on it (Art. 278 requires actual participation), so it is only ever shown as a
 * separate, labelled figure; the result is decided by `tally` alone.
 */
export function withNonVoters(t: Totals): { side: 'agree' | 'disagree' | null; agreeHeads: number; agreeArea: number; label: string } {
  const restHeads = t.electorateHeads - t.partHeads;
  const restArea = t.electorateArea - t.partArea;
  const side = t.agreeHeads > t.disagreeHeads ? 'agree' : t.disagreeHeads > t.agreeHeads ? 'disagree' : null;
  return {
    side,
    agreeHeads: t.agreeHeads + (side === 'agree' ? restHeads : 0),
    agreeArea: t.agreeArea + (side === 'agree' ? restArea : 0),
    label: '按议事规则“未表决者从多”推算（仅供参考，不作为表决结果）',
  };
}

// ---- versions ----------------------------------------------------------------------------------

export interface Article {
  title: string;
  body: string;
}

export interface ArticleChange {
  kind: 'added' | 'removed' | 'changed' | 'same';
  /** 1-based number in the newer version (removed: in the older one). */
  no: number;
  title: string;
  before: string | null;
  after: string | null;
}

/**
 * Which articles changed between two versions. Articles are matched by title first (an article
 * moved keeps its identity), then by position; what is left over was added or removed.
 */
export function diffArticles(before: readonly Article[], after: readonly Article[]): ArticleChange[] {
  const used = new Set<number>();
  const match: Array<number | null> = after.map((a) => {
    const i = before.findIndex((b, k) => !used.has(k) && b.title === a.title);
    if (i >= 0) used.add(i);
    return i >= 0 ? i : null;
  });
  after.forEach((_, k) => {
    if (match[k] === null && k < before.length && !used.has(k)) {
      match[k] = k;
      used.add(k);
    }
  });
  const out: ArticleChange[] = after.map((a, k) => {
    const i = match[k];
    if (i === null) return { kind: 'added', no: k + 1, title: a.title, before: null, after: a.body };
    const b = before[i];
    const same = b.title === a.title && b.body === a.body;
    return { kind: same ? 'same' : 'changed', no: k + 1, title: a.title, before: same ? null : b.body, after: same ? null : a.body };
  });
  before.forEach((b, i) => {
    if (!used.has(i)) out.push({ kind: 'removed', no: i + 1, title: b.title, before: b.body, after: null });
  });
  return out;
}

// ---- windows -----------------------------------------------------------------------------------

/** Days the result stays open to objections after it is posted (configurable per compound). */
export const DEFAULT_OBJECTION_DAYS = 7;
/** The law gives 1 year to challenge a decision in court: the full record is kept at least that long. */
export const RECORD_KEPT_DAYS = 365;
/** The shortest and longest voting window one may open. */
export const MIN_VOTING_MS = 60 * 60 * 1000;
export const MAX_VOTING_MS = 90 * 24 * 60 * 60 * 1000;

export function votingWindowProblem(startsAt: Date, endsAt: Date, now: Date): string | null {
  if (endsAt.getTime() <= now.getTime()) return '截止时间必须晚于现在';
  if (startsAt.getTime() < now.getTime() - 5 * 60 * 1000) return '开始时间不能早于现在';
  const span = endsAt.getTime() - startsAt.getTime();
  if (span < MIN_VOTING_MS) return '表决时间至少 1 小时';
  if (span > MAX_VOTING_MS) return '表决时间不能超过 90 天';
  return null;
}

/** Whether a ballot may be cast at `now`. */
export function votingOpen(v: { startsAt: Date; endsAt: Date }, now: Date): { ok: true } | { ok: false; message: string } {
  if (now.getTime() < new Date(v.startsAt).getTime()) return { ok: false, message: '表决尚未开始' };
  if (now.getTime() >= new Date(v.endsAt).getTime()) return { ok: false, message: '表决已截止' };
  return { ok: true };
}

/**
 * Whether the auditors may enter paper ballots at `now`: inside the window only, like an online
 * ballot. Closing counts what stood at the end, so paper collected in the window is entered before it.
 */
export function paperEntryOpen(v: { startsAt: Date; endsAt: Date }, now: Date): { ok: true } | { ok: false; message: string } {
  const open = votingOpen(v, now);
  if (open.ok) return open;
  return { ok: false, message: open.message === '表决尚未开始' ? '表决尚未开始，纸质票须在表决期间录入' : '表决已截止，纸质票须在截止前录入' };
}
