// 通知公告's pure rules: what an edit of a published notice changed (the version record).
import type { Role } from '../roles';
import type { NoticeChange } from './contract';

export const NOTICE_CATEGORIES = ['outage', 'disclosure', 'policy', 'event', 'other'] as const;
/** Who publishes notices: the owners' committee, the party branch, the property company (its own kinds). */
export const NOTICE_PUBLISHERS = ['committee', 'branch', 'property'] as const;
/** Who sees read statistics: the publishers, and the grid workers who knock on doors in their buildings. */
export const NOTICE_STATS_ROLES = ['committee', 'branch', 'property', 'grid'] as const;
export const NOTICE_CATEGORY_LABELS = { outage: '停水停电', disclosure: '物业公示', policy: '政策宣传', event: '活动', other: '其他' } as const;

/** What a notice may carry: photos (as on requests) and PDF attachments, each checked by its first bytes on the server. */
export const NOTICE_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const NOTICE_MEDIA_TYPES = [...NOTICE_IMAGE_TYPES, 'application/pdf'] as const;
/**
 * The largest file, in KB. It travels base64 inside the function call (both platforms), whose request
 * body the function host takes up to about 1 MB; base64 adds a third, so 700 KB of file is the most.
 */
export const NOTICE_MEDIA_MAX_KB = 700;

type NoticeCategory = (typeof NOTICE_CATEGORIES)[number];

/** The property company publishes its own kinds of notice: disclosures (公示), outages and other. */
export const PROPERTY_CATEGORIES: readonly NoticeCategory[] = ['disclosure', 'outage', 'other'];

/** The categories someone with these roles may publish (the committee and the branch: all of them). */
export function publishableCategories(roles: readonly Role[]): readonly NoticeCategory[] {
  if (roles.includes('committee') || roles.includes('branch')) return NOTICE_CATEGORIES;
  return roles.includes('property') ? NOTICE_CATEGORIES.filter((c) => PROPERTY_CATEGORIES.includes(c)) : [];
}

export interface FeeLine {
  item: string;
  amount: number;
  period: string;
}

/** What a reader sees of a notice, compared between versions. */
export interface NoticeText {
  title: string;
  /** Plain text of the sanitised content. */
  text: string;
  feeTable: readonly FeeLine[];
  images: readonly string[];
  attachments: ReadonlyArray<{ name: string; fileId: string }>;
}

const TEXT_LIMIT = 2000;
const clip = (s: string) => ([...s].length > TEXT_LIMIT ? `${[...s].slice(0, TEXT_LIMIT - 1).join('')}…` : s);
const feeKey = (l: FeeLine) => `${l.item}\u0000${l.period}`;
const feeLabel = (l: FeeLine) => (l.period ? `${l.item}（${l.period}）` : l.item);
const none = { before: null, after: null, beforeAmount: null, afterAmount: null };

/**
 * The changes between two versions, in reading order: title, text, each fee line whose amount changed
 * (or that was added or removed; lines are matched by item and period), images, attachments.
 */
export function noticeChanges(before: NoticeText, after: NoticeText): NoticeChange[] {
  const changes: NoticeChange[] = [];
  if (before.title !== after.title) changes.push({ ...none, field: 'title', label: '标题', before: before.title, after: after.title });
  if (before.text !== after.text) changes.push({ ...none, field: 'content', label: '正文', before: clip(before.text), after: clip(after.text) });
  const old = new Map(before.feeTable.map((l) => [feeKey(l), l]));
  const next = new Map(after.feeTable.map((l) => [feeKey(l), l]));
  for (const l of after.feeTable) {
    const was = old.get(feeKey(l));
    if (!was || was.amount !== l.amount) changes.push({ ...none, field: 'fee', label: feeLabel(l), beforeAmount: was ? was.amount : null, afterAmount: l.amount });
  }
  for (const l of before.feeTable) {
    if (!next.has(feeKey(l))) changes.push({ ...none, field: 'fee', label: feeLabel(l), beforeAmount: l.amount, afterAmount: null });
  }
  if (before.images.join('\n') !== after.images.join('\n')) changes.push({ ...none, field: 'images', label: '图片' });
  const files = (a: NoticeText['attachments']) => a.map((f) => `${f.name}\u0000${f.fileId}`).join('\n');
  if (files(before.attachments) !== files(after.attachments)) changes.push({ ...none, field: 'attachments', label: '附件' });
  return changes;
}

/** The balance of a fee table (收支结余). */
export function feeBalance(lines: readonly FeeLine[]): number {
  return Math.round(lines.reduce((s, l) => s + l.amount * 100, 0)) / 100;
}
