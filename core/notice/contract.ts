// 通知公告: notices and fee disclosures with per-household read receipts (DESIGN §4.5).
import * as z from 'zod/mini';
import { CREATE_LIMIT, cursorInput, defineContract, id, isoTime, page, roles, text, UPLOAD_LIMIT, user } from '../contract';
// the lists and limits a screen shows without loading any schema live in rules.ts (no zod)
import { NOTICE_CATEGORIES, NOTICE_MEDIA_MAX_KB, NOTICE_MEDIA_TYPES, NOTICE_PUBLISHERS, NOTICE_STATS_ROLES } from './rules';

const fileId = z.string().check(z.regex(/^cloud:\/\/[^\s]{1,300}$/, '文件地址无效'));
const audience = z.strictObject({ kind: z.enum(['compound', 'buildings']), buildingIds: z.optional(z.array(id()).check(z.maxLength(50))) });
/** 物业费收支公示: one row per item. */
const feeRow = z.strictObject({ item: text(40, '项目'), amount: z.number().check(z.gte(-1e10), z.lte(1e10)), period: text(20, '期间') });

const noticeFields = {
  category: z.enum(NOTICE_CATEGORIES),
  title: text(60, '标题'),
  content: text(20_000, '正文'),
  audience,
  pinned: z.optional(z.boolean()),
  important: z.optional(z.boolean()),
  publishAt: z.optional(isoTime()),
  images: z.optional(z.array(fileId).check(z.maxLength(9))),
  attachments: z.optional(z.array(z.strictObject({ name: text(60, '附件名'), fileId })).check(z.maxLength(5))),
  feeTable: z.optional(z.array(feeRow).check(z.maxLength(100))),
};
const noticeInput = z.strictObject(noticeFields);


export const noticeItem = z.object({
  noticeId: z.string(),
  title: z.string(),
  category: z.enum(NOTICE_CATEGORIES),
  pinned: z.boolean(),
  important: z.boolean(),
  read: z.boolean(),
  publishedAt: z.string(),
  publisherName: z.string(),
  scheduled: z.boolean(),
  /** Changed since publication (已修改); a reader of an earlier version sees it unread again. */
  edited: z.boolean(),
});

/** What one edit of a published notice changed: the title, the text, or one fee line (with both amounts). */
export const noticeChange = z.object({
  field: z.enum(['title', 'content', 'fee', 'images', 'attachments']),
  label: z.string(),
  before: z.nullable(z.string()),
  after: z.nullable(z.string()),
  beforeAmount: z.nullable(z.number()),
  afterAmount: z.nullable(z.number()),
});
export type NoticeChange = z.infer<typeof noticeChange>;
export const noticeRevision = z.object({ version: z.number(), editedAt: z.string(), changes: z.array(noticeChange) });

export const noticeView = z.object({
  noticeId: z.string(),
  category: z.enum(NOTICE_CATEGORIES),
  title: z.string(),
  /** Sanitised HTML (safe subset; images only from cloud storage). */
  content: z.string(),
  images: z.array(z.string()),
  attachments: z.array(z.object({ name: z.string(), fileId: z.string() })),
  feeTable: z.array(z.object({ item: z.string(), amount: z.number(), period: z.string() })),
  pinned: z.boolean(),
  important: z.boolean(),
  audience: z.object({ kind: z.enum(['compound', 'buildings']), buildingIds: z.array(z.string()) }),
  publishedAt: z.string(),
  publisherName: z.string(),
  state: z.enum(['published', 'archived']),
  readCount: z.number(),
  canManage: z.boolean(),
  /** 1 at publication, +1 for every edit of what a reader sees. */
  version: z.number(),
  /** When it was last changed after publication (已于…修改); publishedAt stays the original. */
  editedAt: z.nullable(z.string()),
  /** Newest first. Every edit for a 物业公示 (public to every reader) and for its managers; otherwise the latest. */
  history: z.array(noticeRevision),
  historyPublic: z.boolean(),
});
export type NoticeView = z.infer<typeof noticeView>;

export const noticeContract = defineContract({
  publish: { limit: CREATE_LIMIT, access: roles(...NOTICE_PUBLISHERS), input: noticeInput, output: z.object({ noticeId: z.string(), heldForReview: z.boolean() }) },
  update: { access: roles(...NOTICE_PUBLISHERS), input: z.extend(z.partial(noticeInput), { noticeId: id() }), output: z.object({ noticeId: z.string() }) },
  archive: { access: roles(...NOTICE_PUBLISHERS), input: z.strictObject({ noticeId: id() }), output: z.object({ noticeId: z.string(), state: z.literal('archived') }) },
  list: {
    access: user,
    input: z.strictObject({ category: z.optional(z.enum(NOTICE_CATEGORIES)), ...cursorInput }),
    output: z.extend(page(noticeItem), {
      /** Unread notices of the newest 100; always 0 when `reader` is not 'member'. */
      unread: z.number(),
      /**
       * Who is reading (DESIGN §2): 'member' (verified or staff: their audience, with read marks),
       * 'public' (a visitor or an applicant: the compound-wide notices of `compoundName`, nothing is
       * marked read or unread), 'none' (no compound yet — several are deployed and none was chosen).
       */
      reader: z.enum(['member', 'public', 'none']),
      compoundName: z.nullable(z.string()),
    }),
  },
  get: { access: user, input: z.strictObject({ noticeId: id() }), output: noticeView },
  markRead: { access: user, input: z.strictObject({ noticeId: id() }), output: z.object({ noticeId: z.string(), firstRead: z.boolean() }) },
  readStats: {
    access: roles(...NOTICE_STATS_ROLES),
    input: z.strictObject({ noticeId: id(), buildingId: z.optional(id()) }),
    output: z.object({
      readUsers: z.number(),
      readHouseholds: z.number(),
      totalHouseholds: z.number(),
      byBuilding: z.array(z.object({ buildingId: z.string(), buildingName: z.string(), read: z.number(), total: z.number() })),
      unreadByBuilding: z.array(
        z.object({
          buildingId: z.string(),
          buildingName: z.string(),
          units: z.array(z.object({ unit: z.string(), households: z.array(z.object({ householdId: z.string(), room: z.string() })) })),
        }),
      ),
    }),
  },
  /** An image or a PDF for a notice: stored under notices/<userId>/ and answered with its file id and a URL to show it. */
  uploadMedia: {
    access: roles(...NOTICE_PUBLISHERS),
    limit: UPLOAD_LIMIT,
    input: z.strictObject({
      contentType: z.enum(NOTICE_MEDIA_TYPES),
      /** base64 of at most NOTICE_MEDIA_MAX_KB (the server counts the bytes) */
      data: z.string().check(z.minLength(40, '文件为空'), z.maxLength(960_000, `文件太大，每个不能超过 ${NOTICE_MEDIA_MAX_KB} KB`), z.regex(/^[A-Za-z0-9+/=]+$/, '文件数据无效')),
    }),
    output: z.object({ fileId: z.string(), url: z.string() }),
  },
  listManaged: { access: roles(...NOTICE_PUBLISHERS), input: z.strictObject({ ...cursorInput }), output: page(z.extend(noticeItem, { readCount: z.number(), archived: z.boolean() })) },
});

export type NoticeContract = typeof noticeContract;
