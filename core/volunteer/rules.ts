// 志愿服务: teams, memberships, shifts and the service-hours ledger (DESIGN §4.2, reference/domain-rules.md
// §2: 志愿服务条例, 民政部令第67号). Time is counted in whole minutes; hours are shown, never summed as floats.
import type { Role } from '../roles';
import { CHINA_UTC_OFFSET_MIN } from '../time';

export const TEAM_KINDS = ['patrol', 'repair', 'elderly', 'mediation', 'legal', 'medical', 'tutoring', 'environment', 'other'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];
export const TEAM_KIND_LABELS: Record<TeamKind, string> = {
  patrol: '治安巡逻',
  repair: '义务维修',
  elderly: '助老关爱',
  mediation: '纠纷调解',
  legal: '法律援助',
  medical: '医疗保健',
  tutoring: '家教辅导',
  environment: '环境卫生',
  other: '其他服务',
};

/** Who sets up teams and sees every team's figures. */
export const TEAM_MAKERS: readonly Role[] = ['committee', 'branch'];
/** Who may confirm a hall task's hours besides the team leaders. */
export const TASK_VERIFIERS: readonly Role[] = ['grid', 'branch'];

export const MEMBERSHIP_STATES = ['pending', 'active', 'declined', 'left', 'removed'] as const;
export type MembershipState = (typeof MEMBERSHIP_STATES)[number];
export const MEMBERSHIP_LABELS: Record<MembershipState, string> = { pending: '待审核', active: '已加入', declined: '未通过', left: '已退出', removed: '已移出' };
export type MembershipAction = 'approve' | 'decline' | 'leave' | 'remove';

/** The membership state machine; a closed membership frees the person to apply again. */
export function nextMembership(from: MembershipState, action: MembershipAction): { ok: true; to: MembershipState } | { ok: false; message: string } {
  const table: Record<MembershipAction, Partial<Record<MembershipState, MembershipState>>> = {
    approve: { pending: 'active' },
    decline: { pending: 'declined' },
    leave: { pending: 'left', active: 'left' },
    remove: { active: 'removed' },
  };
  const to = table[action][from];
  if (to) return { ok: true, to };
  const why: Record<MembershipAction, string> = {
    approve: '只能审核待审核的申请',
    decline: '只能审核待审核的申请',
    leave: '您不在这支队伍中',
    remove: '只能移出已加入的队员',
  };
  return { ok: false, message: `${why[action]}（当前：${MEMBERSHIP_LABELS[from]}）` };
}

export const isOpenMembership = (s: MembershipState) => s === 'pending' || s === 'active';

// ---- age and guardians (志愿服务条例 art. 16; PIPL art. 31) ------------------------------------------

/** Age in whole years a person reaches this year, at their birthday (birth year only is kept: the least data that works). */
export function ageIn(birthYear: number, now: Date): number {
  return chinaFace(now).getUTCFullYear() - birthYear;
}

/**
 * With the birth year only, a person is ageIn − 1 until their birthday and ageIn after it, and we do not
 * know which: the protective rules hold for the youngest they may be. So someone born in 2008 is still
 * a minor throughout 2026 (they may turn 18 on 31 December), an adult from 1 January 2027 (China time).
 */
const youngestAge = (birthYear: number, now: Date) => ageIn(birthYear, now) - 1;

/** Under 18 (year − birthYear ≤ 18, see youngestAge): a recorded guardian consent to volunteer, never a risky team or shift. */
export function isMinorBy(birthYear: number | null | undefined, now: Date): boolean {
  return birthYear != null && youngestAge(birthYear, now) < 18;
}

/** Under 14 (year − birthYear ≤ 14): a guardian consents before any of the child's data is collected (PIPL art. 31). */
export function needsGuardianFirst(birthYear: number, now: Date): boolean {
  return youngestAge(birthYear, now) < 14;
}

/**
 * Whether a person is a minor now: from the birth year at every use, so a flag stored last year never
 * goes stale at the new year; the stored flag only when no birth year was given (a declaration, a seed).
 */
export function minorNow(p: { birthYear?: number | null; isMinor?: boolean }, now: Date): boolean {
  return p.birthYear != null ? isMinorBy(p.birthYear, now) : !!p.isMinor;
}

/** Whether a person may join a team, from their age and the team's risk. */
export function joinProblem(p: { minor: boolean; guardianConsent: boolean }, team: { risky: boolean }): string | null {
  if (p.minor && team.risky) return '未成年人不能参加有风险的志愿服务（《志愿服务条例》第十六条）';
  if (p.minor && !p.guardianConsent) return '未满 18 周岁参加志愿服务，须先登记监护人同意';
  return null;
}

// ---- minutes -------------------------------------------------------------------------------------

export const MINUTE = 60_000;
export const DAY_MINUTES = 24 * 60;
const DAY_MS = DAY_MINUTES * MINUTE;
const CHINA_OFFSET_MS = CHINA_UTC_OFFSET_MIN * MINUTE;

/**
 * China wall-clock time read off the UTC fields of a shifted Date, by plain epoch arithmetic (China
 * keeps no DST). Not dayjs's utcOffset: it shifts through the machine's local time, so in a zone with
 * daylight saving time it is an hour off for the hours before each change (TZ=America/New_York:
 * 2026-03-08T06:30Z showed as 15:30, and a China day was cut at 23:00).
 */
function chinaFace(t: Date | number): Date {
  return new Date(new Date(t).getTime() + CHINA_OFFSET_MS);
}
const chinaDayKey = (t: number) => chinaFace(t).toISOString().slice(0, 10);

/** Whole minutes of actual service between two instants (rounded down); across midnight is no special case. */
export function serviceMinutes(startAt: Date, endAt: Date): number {
  return Math.max(0, Math.floor((endAt.getTime() - startAt.getTime()) / MINUTE));
}

/** Minutes per China calendar day ('2026-12-01' → 90): a night patrol from 22:00 to 02:00 is 120 + 120. */
export function minutesByDay(startAt: Date, endAt: Date): Record<string, number> {
  const out: Record<string, number> = {};
  const end = endAt.getTime();
  for (let t = startAt.getTime(); t < end; ) {
    // the next China midnight: China days start at 16:00 UTC
    const stop = Math.min(Math.floor((t + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS + DAY_MS - CHINA_OFFSET_MS, end);
    const day = chinaDayKey(t);
    out[day] = (out[day] ?? 0) + Math.floor((stop - t) / MINUTE);
    t = stop;
  }
  return out;
}

export interface Span {
  startAt: Date;
  endAt: Date;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.startAt.getTime() < b.endAt.getTime() && b.startAt.getTime() < a.endAt.getTime();
}

/**
 * What is wrong with a service period, if anything: the end after the start, not in the future,
 * no day over 24 hours once the person's other records of those days are added, no overlap.
 */
export function serviceProblem(span: Span, now: Date, others: readonly Span[] = []): string | null {
  if (span.endAt.getTime() <= span.startAt.getTime()) return '结束时间要晚于开始时间';
  if (span.endAt.getTime() > now.getTime() + 5 * MINUTE) return '不能登记还没有发生的服务';
  if (serviceMinutes(span.startAt, span.endAt) < 1) return '服务时间不足 1 分钟';
  return clashProblem(span, others);
}

/**
 * Whether a period clashes with the person's other records, whatever their source (a shift, a hall
 * task, an event): an overlap, or a China day over 24 hours once added up — the same hours never count twice.
 */
export function clashProblem(span: Span, others: readonly Span[]): string | null {
  if (others.some((o) => overlaps(o, span))) return '与已登记的服务时间重叠（同一时间只能记一次）';
  const days: Record<string, number> = {};
  for (const s of [span, ...others]) for (const [d, m] of Object.entries(minutesByDay(s.startAt, s.endAt))) days[d] = (days[d] ?? 0) + m;
  const over = Object.entries(days).find(([, m]) => m > DAY_MINUTES);
  if (over) return `${over[0]} 的服务时间超过 24 小时`;
  return null;
}

/** 90 → "1.5", 100 → "1.7" (one decimal, rounded half up, from integer minutes). */
export function formatHours(minutes: number): string {
  const tenths = Math.floor((minutes * 10 + 30) / 60);
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

// ---- points ------------------------------------------------------------------------------------

export const POINTS_PER_HOUR = 10;
export const POINTS_PER_TASK = 5;

/** Points for one verified record: 10 per full hour, 5 more for a finished hall task. */
export function pointsFor(minutes: number, source: ServiceSource): number {
  return Math.floor(minutes / 60) * POINTS_PER_HOUR + (source === 'task' ? POINTS_PER_TASK : 0);
}

/**
 * A person's points, from the records that count (countingRecords) — never a stored counter: a
 * correction's points replace the original's, a rejected record has none, an event earns its own.
 */
export function pointsOf(counted: readonly { minutes: number; source: ServiceSource }[]): number {
  return counted.reduce((sum, r) => sum + pointsFor(r.minutes, r.source), 0);
}

export const SERVICE_SOURCES = ['shift', 'task', 'event', 'other'] as const;
export type ServiceSource = (typeof SERVICE_SOURCES)[number];
export const SOURCE_LABELS: Record<ServiceSource, string> = { shift: '排班值守', task: '邻里求助任务', event: '志愿活动', other: '其他服务' };

interface Correctable {
  recordId: string;
  verified: boolean;
  corrects: string | null;
  rejected?: boolean;
}

/**
 * The records a verified (and not rejected) correction replaces: the one it names and, up the chain,
 * whatever that one was itself correcting — a ← b (pending or rejected) ← c (verified) replaces both a
 * and b, so one period never counts twice.
 */
export function replacedIds(records: readonly Correctable[]): Set<string> {
  const byId = new Map(records.map((r) => [r.recordId, r]));
  const replaced = new Set<string>();
  for (const r of records) {
    if (!r.verified || r.rejected) continue;
    // every ancestor of a record already in the set is in it too, so a walk stops there (and on a cycle)
    for (let id = r.corrects; id && !replaced.has(id); id = byId.get(id)?.corrects ?? null) replaced.add(id);
  }
  return replaced;
}

/** The records that count: verified, not rejected, and not replaced by a correction (corrections are new records). */
export function countingRecords<T extends Correctable>(records: readonly T[]): T[] {
  const replaced = replacedIds(records);
  return records.filter((r) => r.verified && !r.rejected && !replaced.has(r.recordId));
}

// ---- certificates ----------------------------------------------------------------------------------

/**
 * Certificate numbers: 'ZY' + yyyymm + 6 digits + a check digit (ISO 7064 MOD 11-2, as on the
 * resident ID card: 'X' stands for 10), so a mistyped number is caught before anything is looked up.
 */
export function checkDigit(digits: string): string {
  let sum = 0;
  for (const ch of digits) sum = ((sum + Number(ch)) * 2) % 11;
  const c = (12 - sum) % 11;
  return c === 10 ? 'X' : String(c);
}

export function certificateNumber(issuedAt: Date, serial: number): string {
  const body = `${chinaFace(issuedAt).toISOString().slice(0, 7).replace('-', '')}${String(serial % 1_000_000).padStart(6, '0')}`;
  return `ZY${body}${checkDigit(body)}`;
}

/** The H5 page that checks a certificate (core/manifest pageUrl('volunteer', 'verify/index'); the unit test holds them equal). */
export const VERIFY_PAGE = '/packages/volunteer/verify/index';

/** What the certificate's QR code holds: the H5 check page with the number (hash router), so a phone camera opens it. */
export function certificateCheckUrl(origin: string, number: string): string {
  return `${origin.replace(/\/+$/, '')}/#${VERIFY_PAGE}?number=${encodeURIComponent(number)}`;
}

export function isCertificateNumber(text: string): boolean {
  const m = /^ZY(\d{12})([\dX])$/.exec(text.trim().toUpperCase());
  return !!m && checkDigit(m[1]) === m[2];
}

export interface CertificateRecord {
  minutes: number;
  teamName: string | null;
  content: string;
  startAt: Date;
  endAt: Date;
}

export interface CertificateContents {
  totalMinutes: number;
  totalHours: string;
  /** What was done: the teams served in, or the service itself when it had no team (six at most). */
  content: string[];
  periodFrom: Date;
  periodTo: Date;
  issuer: string;
  handler: string;
  contact: string;
}

/**
 * The contents of a 志愿服务证明 from the records that count (countingRecords): total hours, what was
 * done, the period, and the issuing residents' committee (民政部令第67号); null when there is nothing to certify.
 */
export function certificateContents(
  counted: readonly CertificateRecord[],
  compound: { name: string; community: string; address: string } | null,
): CertificateContents | null {
  if (!counted.length) return null;
  const totalMinutes = counted.reduce((a, r) => a + r.minutes, 0);
  return {
    totalMinutes,
    totalHours: formatHours(totalMinutes),
    content: [...new Set(counted.map((r) => r.teamName ?? r.content))].slice(0, 6),
    periodFrom: counted.reduce((a, r) => (r.startAt < a ? r.startAt : a), counted[0].startAt),
    periodTo: counted.reduce((a, r) => (r.endAt > a ? r.endAt : a), counted[0].endAt),
    issuer: compound ? `${compound.community}居民委员会` : '社区居民委员会',
    handler: compound ? `${compound.name}志愿服务站` : '社区志愿服务站',
    contact: compound?.address ?? '',
  };
}

// ---- 楼栋长 ratings ------------------------------------------------------------------------------

/** Averages are shown to one decimal from integer sums; fewer than 3 ratings show no average (privacy). */
export function ratingAverage(sum: number, count: number): string | null {
  if (count < 3) return null;
  const tenths = Math.floor((sum * 10 * 2 + count) / (2 * count));
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}
