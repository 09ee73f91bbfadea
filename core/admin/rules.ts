// 工作台: the console's vocabulary and its pure figures — age buckets of open requests, reach and
// participation as fractions, the officer's scope, and CSV cells that a spreadsheet cannot execute.
import type { Role } from '../roles';

/** Who opens the console: the branch, the owners' committee, the property company (its categories), the street office. */
export const CONSOLE_ROLES: readonly Role[] = ['branch', 'committee', 'property', 'officer'];
/** Who keeps the ledgers and reads the audit log. */
export const LEDGER_ROLES: readonly Role[] = ['branch', 'committee', 'officer'];
/** Who moderates what residents post. */
export const MODERATORS: readonly Role[] = ['branch', 'committee', 'officer'];
/** Who may act for a resident without a phone (代办). */
export const PROXY_WORKERS: readonly Role[] = ['grid', 'branch'];
/** The 三方联席会议: branch, committee and property (the officer may join). */
export const MEETING_ROLES: readonly Role[] = ['branch', 'committee', 'property', 'officer'];

export const LEDGERS = ['requests', 'service_records', 'registrations', 'ballots', 'notices', 'audit'] as const;
export type Ledger = (typeof LEDGERS)[number];
export const LEDGER_LABELS: Record<Ledger, string> = {
  requests: '居民反映台账',
  service_records: '志愿服务时长台账',
  registrations: '活动报名台账',
  ballots: '表决情况汇总',
  notices: '通知公告阅读台账',
  audit: '操作日志',
};

export const AGE_BUCKETS = ['lt1d', '1to3d', '3to7d', 'gt7d'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];
export const AGE_LABELS: Record<AgeBucket, string> = { lt1d: '1 天内', '1to3d': '1–3 天', '3to7d': '3–7 天', gt7d: '7 天以上' };

const DAY = 86_400_000;

export function ageBucket(createdAt: Date, now: Date): AgeBucket {
  const age = now.getTime() - createdAt.getTime();
  if (age < DAY) return 'lt1d';
  if (age < 3 * DAY) return '1to3d';
  if (age < 7 * DAY) return '3to7d';
  return 'gt7d';
}

/**
 * The instants the buckets start at, for the database to count into: created after `day1` is under
 * a day old, after `day3` under three days, after `day7` under a week (exactly at one: the older, as ageBucket).
 */
export function ageCutoffs(now: Date): { day1: Date; day3: Date; day7: Date } {
  const t = now.getTime();
  return { day1: new Date(t - DAY), day3: new Date(t - 3 * DAY), day7: new Date(t - 7 * DAY) };
}

/** The database's counts per bucket laid out in every bucket, in order, with labels (an absent bucket is zero). */
export function openByAgeFrom(counts: ReadonlyArray<{ bucket: string; count: number; overdue: number }>): Array<{ bucket: AgeBucket; label: string; count: number; overdue: number }> {
  return AGE_BUCKETS.map((bucket) => {
    const found = counts.filter((c) => c.bucket === bucket);
    return { bucket, label: AGE_LABELS[bucket], count: found.reduce((a, c) => a + c.count, 0), overdue: found.reduce((a, c) => a + c.overdue, 0) };
  });
}

/**
 * Verified volunteer minutes by team: the sums per team (records written before the ledger kept
 * minutes count their hours), less the originals that a verified correction replaced; biggest first.
 */
export function teamMinutes(
  sums: ReadonlyArray<{ team: string; minutes: number; legacyHours: number }>,
  replaced: ReadonlyArray<{ team: string; minutes: number }>,
): { minutes: number; byTeam: Array<{ name: string; minutes: number }> } {
  const byTeam = new Map<string, number>();
  for (const s of sums) byTeam.set(s.team, (byTeam.get(s.team) ?? 0) + s.minutes + Math.round(s.legacyHours * 60));
  for (const r of replaced) byTeam.set(r.team, (byTeam.get(r.team) ?? 0) - r.minutes);
  const list = [...byTeam].map(([name, minutes]) => ({ name, minutes })).sort((a, b) => b.minutes - a.minutes);
  return { minutes: list.reduce((a, t) => a + t.minutes, 0), byTeam: list };
}

/** a/b rounded to three decimals, or null when nothing counts (never 0/0 = 0). */
export function fraction(a: number, b: number): number | null {
  return b > 0 ? Math.round((a * 1000) / b) / 1000 : null;
}

/** Whether a caller may see a compound: their own, or one in an officer's scope. */
export function inScope(caller: { compoundId: string | null; roles: readonly Role[]; officerScope?: readonly string[] | null }, compoundId: string): boolean {
  if (caller.compoundId === compoundId) return true;
  return caller.roles.includes('officer') && (caller.officerScope ?? []).includes(compoundId);
}

/** The compounds a caller's console covers: an officer's scope, anyone else's own. */
export function scopeOf(caller: { compoundId: string | null; roles: readonly Role[]; officerScope?: readonly string[] | null }): string[] {
  const own = caller.compoundId ? [caller.compoundId] : [];
  if (!caller.roles.includes('officer')) return own;
  return [...new Set([...own, ...(caller.officerScope ?? [])])];
}

export const MODERATION_KINDS = ['request', 'comment', 'notice', 'event'] as const;
export type ModerationKind = (typeof MODERATION_KINDS)[number];
export const MODERATION_KIND_LABELS: Record<ModerationKind, string> = { request: '居民反映', comment: '公约意见', notice: '通知公告', event: '活动' };

export const AGENDA_KINDS = ['request', 'article', 'proposal'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];
export const AGENDA_KIND_LABELS: Record<AgendaKind, string> = { request: '居民反映', article: '公约条款', proposal: '居民提议' };
