// 你呼我应: resident requests from report to rating (DESIGN §4.1).
import * as z from 'zod/mini';
import { CREATE_LIMIT, cursorInput, defineContract, id, isoTime, optionalText, page, roles, text, UPLOAD_LIMIT, user } from '../contract';
import { CATEGORIES, HANDLERS, REQUEST_FILERS as FILERS, STATES, URGENCIES } from './rules';

const fileId = z.string().check(z.regex(/^cloud:\/\/[^\s]{1,300}$/, '图片地址无效'));
const photos = z.optional(z.array(fileId).check(z.maxLength(9, '最多 9 张照片')));

export const locationInput = z.union([
  z.strictObject({ buildingId: id(), unit: z.optional(z.string().check(z.trim(), z.maxLength(10))) }),
  z.strictObject({ area: text(40, '地点') }),
]);

export const timelineEntry = z.object({
  at: z.string(),
  action: z.string(),
  actor: z.string(),
  /** The actor's role as a Chinese label (楼栋长/网格员), or null for the system. */
  actorRole: z.nullable(z.string()),
  fromState: z.nullable(z.enum(STATES)),
  toState: z.enum(STATES),
  note: z.nullable(z.string()),
  photos: z.array(z.string()),
});

export const requestView = z.object({
  requestId: z.string(),
  category: z.enum(CATEGORIES),
  content: z.string(),
  urgency: z.enum(URGENCIES),
  visibility: z.enum(['public', 'private']),
  state: z.enum(STATES),
  location: z.object({ buildingId: z.nullable(z.string()), buildingName: z.nullable(z.string()), unit: z.nullable(z.string()), area: z.nullable(z.string()) }),
  /** Shown to the reporter and the staff responsible; null for everyone else. */
  room: z.nullable(z.string()),
  reporterName: z.string(),
  reporterPhone: z.nullable(z.string()),
  photos: z.array(z.string()),
  createdAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  escalationLevel: z.number(),
  assigneeName: z.nullable(z.string()),
  /** The caller is the volunteer who claimed this hall task (they enter its service hours); decided by id, never by name. */
  claimedByMe: z.optional(z.boolean()),
  /** The caller has logged their hours for this task (present where the detail reads them). */
  hoursLogged: z.optional(z.boolean()),
  rating: z.nullable(z.number()),
  fixed: z.nullable(z.boolean()),
  heldForReview: z.boolean(),
  /** 代办: filed by a worker for the resident (who, and the consent noted); null when the resident filed it. */
  actedFor: z.optional(z.nullable(z.object({ by: z.string(), consentNote: z.string() }))),
  timeline: z.array(timelineEntry),
  /** Short-lived download URLs for the photos above and in the timeline, by file id. */
  photoUrls: z.record(z.string(), z.string()),
  /** What the caller may do now (the page shows only these buttons). */
  can: z.array(z.enum(['accept', 'claim', 'release', 'start', 'note', 'resolve', 'confirm', 'reopen', 'escalate', 'transfer', 'reject', 'withdraw'])),
  /** 转派: whom the caller may hand it to (empty unless `can` has transfer). */
  transferTo: z.optional(z.array(z.enum(HANDLERS))),
});
export type RequestView = z.infer<typeof requestView>;

export const requestSummary = z.object({
  requestId: z.string(),
  category: z.enum(CATEGORIES),
  excerpt: z.string(),
  urgency: z.enum(URGENCIES),
  state: z.enum(STATES),
  place: z.string(),
  createdAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  escalationLevel: z.number(),
  rating: z.nullable(z.number()),
  /** Neighbours who said 我也遇到. */
  metooCount: z.number(),
  /** The caller filed it, or said 我也遇到 to it. */
  mine: z.boolean(),
  metooed: z.boolean(),
  /** The caller may still say 我也遇到 (a neighbour, on a public report that is not over). */
  canMetoo: z.boolean(),
});
export type RequestSummary = z.infer<typeof requestSummary>;

const rates = z.object({
  total: z.number(),
  responseRate: z.nullable(z.number()),
  resolutionRate: z.nullable(z.number()),
  satisfactionRate: z.nullable(z.number()),
  avgResponseHours: z.nullable(z.number()),
  avgResolveHours: z.nullable(z.number()),
  rated: z.number(),
});

const byId = z.strictObject({ requestId: id() });

export const requestContract = defineContract({
  create: {
    limit: CREATE_LIMIT,
    access: roles(...FILERS),
    input: z.strictObject({
      category: z.enum(CATEGORIES),
      content: z.string().check(
        z.trim(),
        z.minLength(5, '请多写几个字：在哪里、什么问题（至少 5 个字）'),
        z.maxLength(500, '反映内容不能超过 500 个字'),
      ),
      location: locationInput,
      urgency: z.enum(URGENCIES),
      visibility: z.enum(['public', 'private']),
      /** The problem is in the reporter's own home: only then is their room on the request (so staff can come). */
      atHome: z._default(z.boolean(), false),
      photos,
      idempotencyKey: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, '提交编号无效')),
      /**
       * 代办: a grid worker or the branch files for a verified resident without a phone, with the
       * resident's spoken consent noted; the request is the resident's and is marked 代办 everywhere.
       */
      onBehalfOf: z.optional(z.strictObject({ userId: id(), consentNote: text(100, '居民同意情况') })),
    }),
    output: z.object({ requestId: z.string(), state: z.enum(STATES), dueAt: z.string(), heldForReview: z.boolean() }),
  },
  /** A photo for a report or a result: stored under requests/<userId>/ and answered with its file id. */
  uploadPhoto: {
    limit: UPLOAD_LIMIT,
    access: roles(...FILERS, 'officer'),
    input: z.strictObject({
      contentType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
      /** base64, at most ~700 KB of image (the function's request body is limited to 1 MB) */
      data: z.string().check(z.minLength(40, '图片为空'), z.maxLength(960_000, '图片太大，请压缩后再上传'), z.regex(/^[A-Za-z0-9+/=]+$/, '图片数据无效')),
    }),
    output: z.object({ fileId: z.string(), url: z.string() }),
  },
  similar: {
    access: roles(...FILERS),
    input: z.strictObject({ buildingId: id(), category: z.enum(CATEGORIES) }),
    output: z.object({ items: z.array(requestSummary) }),
  },
  get: { access: user, input: byId, output: requestView },
  listMine: { access: user, input: z.strictObject({ ...cursorInput }), output: page(requestSummary) },
  listHall: { access: roles('member'), input: z.strictObject({ ...cursorInput }), output: page(requestSummary) },
  /** 我认领的: the tasks a volunteer took from the hall, open ones first. */
  listClaimed: { access: roles('member'), input: z.strictObject({ ...cursorInput }), output: page(requestSummary) },
  listAssigned: {
    access: roles('grid', 'property', 'committee', 'branch', 'officer'),
    input: z.strictObject({ filter: z._default(z.enum(['open', 'overdue', 'escalated', 'done', 'all']), 'open'), ...cursorInput }),
    output: page(requestSummary),
  },
  /** 我也遇到: a neighbour joins a report instead of filing it again (once per person). */
  metoo: { limit: CREATE_LIMIT, access: roles(...FILERS), input: byId, output: z.object({ requestId: z.string(), metooCount: z.number(), metooed: z.literal(true) }) },
  listPublic: { access: roles(...FILERS), input: z.strictObject({ ...cursorInput }), output: page(requestSummary) },
  accept: { access: user, input: z.strictObject({ requestId: id(), note: optionalText(200, '备注') }), output: requestView },
  claim: { access: roles('member'), input: byId, output: requestView },
  /** 放弃认领: the volunteer gives a claimed task back to the hall (recorded, with an optional reason). */
  release: { access: roles('member'), input: z.strictObject({ requestId: id(), reason: optionalText(200, '原因') }), output: requestView },
  start: { access: user, input: z.strictObject({ requestId: id(), note: optionalText(200, '备注') }), output: requestView },
  addNote: { limit: CREATE_LIMIT, access: user, input: z.strictObject({ requestId: id(), note: text(500, '记录'), photos }), output: requestView },
  resolve: {
    access: user,
    input: z.strictObject({
      requestId: id(),
      note: text(500, '处理结果'),
      photos,
      /** The claiming volunteer's actual service (no travel), for the 志愿服务 ledger: pending until the grid or branch confirms it. */
      hours: z.optional(z.strictObject({ startAt: isoTime(), endAt: isoTime(), content: optionalText(100, '服务内容') })),
    }),
    output: requestView,
  },
  confirm: {
    access: user,
    input: z.strictObject({
      requestId: id(),
      rating: z.number().check(z.int(), z.gte(1, '请打 1-5 星'), z.lte(5, '请打 1-5 星')),
      comment: optionalText(200, '评价'),
      fixed: z.boolean(),
    }),
    output: requestView,
  },
  reopen: { access: user, input: z.strictObject({ requestId: id(), reason: text(200, '原因') }), output: requestView },
  escalate: { access: user, input: z.strictObject({ requestId: id(), reason: text(200, '上报原因') }), output: requestView },
  /** 转派: hand the request to another party (the branch gives a repair to the property company …). */
  transfer: {
    access: roles('grid', 'property', 'committee', 'branch', 'officer'),
    input: z.strictObject({ requestId: id(), to: z.enum(HANDLERS), reason: text(200, '转派原因') }),
    output: requestView,
  },
  reject: { access: user, input: z.strictObject({ requestId: id(), reason: text(200, '原因') }), output: requestView },
  withdraw: { access: user, input: z.strictObject({ requestId: id(), reason: optionalText(200, '原因') }), output: requestView },
  /** The compound's response deadlines by urgency (its own settings), shown on the report form. */
  deadlines: {
    access: roles(...FILERS),
    input: z.strictObject({}),
    output: z.object({ hours: z.object({ emergency: z.number(), utilities: z.number(), general: z.number(), complex: z.number() }) }),
  },
  stats: {
    access: roles('branch', 'committee', 'officer'),
    input: z.strictObject({
      month: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}$/, '月份格式为 2026-11'))),
      groupBy: z._default(z.enum(['none', 'building', 'category', 'month']), 'none'),
    }),
    output: z.object({
      overall: rates,
      groups: z.array(z.object({ key: z.string(), label: z.string(), rates })),
      openByAge: z.object({ withinDeadline: z.number(), overdue: z.number(), escalated: z.number() }),
    }),
  },
});

export type RequestContract = typeof requestContract;
