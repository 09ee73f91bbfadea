// The 发布通知 / 编辑通知 form as plain data: a blank form, a form from a stored notice, the form as
// the contract's publish input (or the one problem with it), and what an edit changed. The editor's
// plain text ↔ HTML lives here too. No React, no Taro: the time is passed in.
import type { InputOf } from '../contract';
import { formTimeToIso, isFormTime, isoToFormTime } from '../time';
import type { NoticeContract, NoticeView } from './contract';
import type { NOTICE_CATEGORIES } from './rules';

export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number];
export type PublishInput = InputOf<NoticeContract['publish']>;
export type FeeRow = NonNullable<PublishInput['feeTable']>[number];

/** The one problem with a form, and the field it is about (none: the whole form). */
export interface FormIssue {
  message: string;
  field?: string;
}

/** A fee line as typed: the amount is still text. */
export interface FeeDraft {
  item: string;
  amount: string;
  period: string;
}

export interface NoticeForm {
  category: NoticeCategory | null;
  title: string;
  /** The editor's text: a paragraph a line, **bold**. */
  body: string;
  audience: 'compound' | 'buildings';
  buildingIds: string[];
  pinned: boolean;
  important: boolean;
  /** 'YYYY-MM-DD HH:mm' Beijing, '' = now. */
  publishAt: string;
  images: string[];
  attachments: Array<{ name: string; fileId: string }>;
  fees: FeeDraft[];
}

export const blankFee = (period = ''): FeeDraft => ({ item: '', amount: '', period });

/** A new notice; a 物业公示 starts with one empty fee line. */
export function blankNoticeForm(category: NoticeCategory | null): NoticeForm {
  return {
    category,
    title: '',
    body: '',
    audience: 'compound',
    buildingIds: [],
    pinned: false,
    important: false,
    publishAt: '',
    images: [],
    attachments: [],
    fees: category === 'disclosure' ? [blankFee()] : [],
  };
}

/** The form of a stored notice; a publish time still ahead stays scheduled. */
export function noticeFormOf(v: NoticeView, now: Date): NoticeForm {
  return {
    category: v.category,
    title: v.title,
    body: htmlToText(v.content),
    audience: v.audience.kind,
    buildingIds: v.audience.buildingIds,
    pinned: v.pinned,
    important: v.important,
    publishAt: Date.parse(v.publishedAt) > now.getTime() ? isoToFormTime(v.publishedAt) : '',
    images: v.images,
    attachments: v.attachments,
    fees: v.feeTable.map((r) => ({ item: r.item, amount: String(r.amount), period: r.period })),
  };
}

/** Choosing 物业公示 offers a first fee line. */
export function withCategory(f: NoticeForm, category: NoticeCategory): NoticeForm {
  return { ...f, category, fees: category === 'disclosure' && !f.fees.length ? [blankFee()] : f.fees };
}

const AMOUNT = /^-?\d+(\.\d{1,2})?$/;

/** The fee rows as numbers; a string is the problem with them. Blank rows are left out. */
export function feeRowsOf(fees: FeeDraft[]): FeeRow[] | string {
  const out: FeeRow[] = [];
  for (const [i, f] of fees.entries()) {
    const item = f.item.trim();
    const amount = f.amount.trim().replace(/[,，\s]/g, '');
    const period = f.period.trim();
    if (!item && !amount && !period) continue;
    if (!item || !amount || !period) return `费用第 ${i + 1} 行请填写完整（项目、金额、期间）`;
    if (!AMOUNT.test(amount)) return `费用第 ${i + 1} 行的金额请填写数字，最多两位小数，如 1234.50`;
    out.push({ item, amount: Number(amount), period });
  }
  return out;
}

/** The whole form as the contract's publish input, or the problem with the form and the field it is about. */
export function noticeInputOf(f: NoticeForm, isNew: boolean, now: Date): PublishInput | FormIssue {
  if (!f.category) return { message: '请选择通知类别', field: 'category' };
  if (f.audience === 'buildings' && !f.buildingIds.length) return { message: '请选择通知的楼栋', field: 'audience' };
  const feeTable = f.category === 'disclosure' ? feeRowsOf(f.fees) : [];
  if (typeof feeTable === 'string') return { message: feeTable, field: 'feeTable' };
  let publishAt: string | undefined;
  if (f.publishAt) {
    if (!isFormTime(f.publishAt)) return { message: '定时发布时间格式不正确', field: 'publishAt' };
    publishAt = formTimeToIso(f.publishAt);
    if (isNew && Date.parse(publishAt) <= now.getTime()) return { message: '定时发布的时间已经过了，请重新选择，或改为立即发布', field: 'publishAt' };
  }
  return {
    category: f.category,
    title: f.title.trim(),
    content: textToHtml(f.body),
    audience: f.audience === 'buildings' ? { kind: 'buildings', buildingIds: [...f.buildingIds].sort() } : { kind: 'compound' },
    pinned: f.pinned,
    important: f.important,
    ...(publishAt ? { publishAt } : {}),
    images: f.images,
    attachments: f.attachments,
    feeTable,
  };
}

/** What a new notice sends: empty lists are left out. */
export function publishBody(data: PublishInput): PublishInput {
  const out: PublishInput = { ...data };
  if (!out.images?.length) delete out.images;
  if (!out.attachments?.length) delete out.attachments;
  if (!out.feeTable?.length) delete out.feeTable;
  return out;
}

/**
 * Only the fields an edit changed. The body is compared as text, so HTML the server normalised is
 * not resent; a scheduled notice switched to 立即发布 is published `now`.
 */
export function noticeEdits(before: NoticeForm, after: NoticeForm, data: PublishInput, now: Date): Partial<PublishInput> {
  const prev = noticeInputOf(before, false, now);
  const out: Partial<PublishInput> = {};
  for (const key of Object.keys(data) as Array<keyof PublishInput>) {
    if (key === 'content') continue;
    const was = 'message' in prev ? undefined : prev[key];
    if (JSON.stringify(data[key]) !== JSON.stringify(was)) Object.assign(out, { [key]: data[key] });
  }
  if (after.body.trim() !== before.body.trim()) out.content = data.content;
  if (before.publishAt && !after.publishAt) out.publishAt = now.toISOString();
  return out;
}

// ---- the editor's text ↔ HTML ----------------------------------------------------------------

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * What the editor sends: every non-empty line is a paragraph, `**text**` is bold, everything
 * else is escaped text. 「停水通知\n\n**时间**：周六」 → '<p>停水通知</p><p><strong>时间</strong>：周六</p>'.
 */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `<p>${escapeHtml(line).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')}</p>`)
    .join('');
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' ', amp: '&' };

/** The stored HTML back as the editor's text (the inverse of textToHtml for what it produces). */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|h3|h4|li|blockquote|tr|ul|ol|table)>/gi, '\n')
    .replace(/<\/?(strong|b)>/gi, '**')
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|quot|#39|#x27|nbsp|amp);/g, (_, e: string) => ENTITIES[e])
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

/** Does this HTML use more than the editor writes (headings, lists, tables, images, links)? */
export function hasRichFormatting(html: string): boolean {
  return /<(?!\/?(p|br|strong|b)[\s/>])[a-z]/i.test(html);
}
