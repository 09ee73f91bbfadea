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

/** Open requests by age, each bucket with how many are overdue (the overdue ones are listed first). */
export function openByAge(open: ReadonlyArray<{ createdAt: Date; dueAt: Date }>, now: Date): Array<{ bucket: AgeBucket; label: string; count: number; overdue: number }> {
  return AGE_BUCKETS.map((bucket) => {
    const inBucket = open.filter((r) => ageBucket(r.createdAt, now) === bucket);
    return { bucket, label: AGE_LABELS[bucket], count: inBucket.length, overdue: inBucket.filter((r) => r.dueAt.getTime() < now.getTime()).length };
  });
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
