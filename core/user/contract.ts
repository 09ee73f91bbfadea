// 用户与房屋认证: identity, household binding and verification, roles, consent, personal data.
import * as z from 'zod/mini';
import { ROLES } from '../roles';
import { anyone, CREATE_LIMIT, cursorInput, defineContract, EXPORT_LIMIT, id, optionalText, page, phone, roles, searchText, text, user } from '../contract';

export const PRIVACY_VERSION = '2026-11-v1';
/** Subscription-message templates, by purpose; ids per environment are in cloudfunctions/runtime/notify.ts. */
export const TEMPLATE_KEYS = ['requestStatus', 'eventReminder', 'noticeImportant', 'voteReminder'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];
export const CONSENT_KINDS = ['privacy', 'party', 'publishName'] as const;
export const RELATIONS = ['owner', 'family', 'tenant'] as const;

const role = z.enum(ROLES);

export const compoundRef = z.object({ compoundId: z.string(), name: z.string() });

export const householdView = z.object({
  householdId: z.string(),
  buildingId: z.string(),
  buildingName: z.string(),
  unit: z.string(),
  room: z.string(),
  verified: z.boolean(),
});

export const bindingView = z.object({
  bindingId: z.string(),
  state: z.enum(['pending', 'verified', 'rejected', 'cancelled']),
  buildingName: z.string(),
  unit: z.string(),
  room: z.string(),
  relation: z.enum(RELATIONS),
  reason: z.nullable(z.string()),
  createdAt: z.string(),
});

export const consentsView = z.object({
  privacy: z.boolean(),
  privacyVersion: z.nullable(z.string()),
  party: z.boolean(),
  publishName: z.boolean(),
});

export const profileView = z.object({
  displayName: z.string(),
  phoneMasked: z.nullable(z.string()),
  elderMode: z.boolean(),
  party: z.nullable(z.object({ member: z.boolean(), kind: z.nullable(z.enum(['registered', 'mobile'])), showBadge: z.boolean() })),
  /** 亮身份: shown only when the member opted in. */
  badge: z.boolean(),
  /** Optional birth year (volunteering's age rules); absent on sessions of older servers. */
  birthYear: z.optional(z.nullable(z.number())),
  minor: z.optional(z.boolean()),
  /** A guardian's consent is on record (minors volunteering). */
  guardianConsent: z.optional(z.boolean()),
});

export const session = z.object({
  userId: z.string(),
  roles: z.array(role),
  compound: z.nullable(compoundRef),
  household: z.nullable(householdView),
  binding: z.nullable(bindingView),
  consents: consentsView,
  profile: profileView,
  gridBuildingIds: z.array(z.string()),
});
export type Session = z.infer<typeof session>;

export const pendingBinding = z.object({
  bindingId: z.string(),
  userId: z.string(),
  displayName: z.string(),
  /** Full number: the grid user calls to verify. */
  phone: z.nullable(z.string()),
  buildingId: z.string(),
  buildingName: z.string(),
  unit: z.string(),
  room: z.string(),
  relation: z.enum(RELATIONS),
  area: z.number(),
  createdAt: z.string(),
});

export const userSummary = z.object({
  userId: z.string(),
  displayName: z.string(),
  phoneMasked: z.nullable(z.string()),
  roles: z.array(role),
  household: z.nullable(z.string()),
});

const personRef = z.object({ userId: z.string(), displayName: z.string() });
export const gridMap = z.object({
  households: z.number(),
  buildings: z.array(
    z.object({
      buildingId: z.string(),
      name: z.string(),
      households: z.number(),
      /** 楼栋长/网格员 */
      grid: z.array(personRef),
      units: z.array(z.object({ unit: z.string(), households: z.number(), /** 单元长 */ leaders: z.array(personRef) })),
    }),
  ),
});
export type GridMap = z.infer<typeof gridMap>;

/** 消息中心: one thing that happened to the person's requests, registrations or notices. */
export const inboxItem = z.object({
  entryId: z.string(),
  /** A template's kind, or 'moderation' (what became of something the person posted). */
  kind: z.enum([...TEMPLATE_KEYS, 'moderation']),
  title: z.string(),
  body: z.string(),
  /** The page to open, as WeChat pages are named: 'packages/request/detail/index?id=…'. */
  page: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type InboxItem = z.infer<typeof inboxItem>;

export const userContract = defineContract({
  login: { access: anyone, input: z.strictObject({}), output: session },
  updateProfile: {
    access: user,
    input: z.strictObject({
      displayName: z.optional(text(20, '称呼')),
      phone: z.optional(z.union([phone(), z.literal('')])),
      elderMode: z.optional(z.boolean()),
      /** Only the year: enough for the age rules of volunteering (an under-14 needs a guardian first). */
      birthYear: z.optional(z.nullable(z.number().check(z.int('请填写出生年份'), z.gte(1900, '出生年份不正确'), z.lte(2100, '出生年份不正确')))),
      guardian: z.optional(z.strictObject({ name: text(20, '监护人姓名'), phone: phone(), relation: text(10, '与本人关系') })),
      party: z.optional(
        z.nullable(
          z.strictObject({ member: z.boolean(), kind: z.nullable(z.enum(['registered', 'mobile'])), showBadge: z.boolean() }),
        ),
      ),
    }),
    output: session,
  },
  directory: {
    access: user,
    input: z.strictObject({ compoundId: z.optional(id()) }),
    output: z.object({
      compounds: z.array(z.object({ compoundId: z.string(), name: z.string(), address: z.string() })),
      buildings: z.array(z.object({ buildingId: z.string(), name: z.string(), units: z.array(z.string()), floors: z.number() })),
    }),
  },
  requestBinding: {
    limit: CREATE_LIMIT,
    access: user,
    input: z.strictObject({
      buildingId: id(),
      unit: text(10, '单元'),
      room: z.string().check(z.trim(), z.regex(/^[0-9A-Za-z-]{1,10}$/, '房号只能包含数字和字母，如 1201')),
      relation: z._default(z.enum(RELATIONS), 'owner'),
      /** Who is applying, so the 楼栋长 can verify by a call or at the door. */
      name: text(20, '姓名'),
      /** Optional: an elder without a phone is verified at the door. */
      phone: z.optional(phone()),
    }),
    output: z.object({ bindingId: z.string(), state: z.literal('pending') }),
  },
  cancelBinding: { access: user, input: z.strictObject({ bindingId: id() }), output: z.object({ bindingId: z.string(), state: z.literal('cancelled') }) },
  verifyBinding: {
    access: roles('grid', 'branch'),
    input: z.strictObject({ bindingId: id(), reason: optionalText(100, '备注') }),
    output: z.object({ bindingId: z.string(), state: z.literal('verified') }),
  },
  rejectBinding: {
    access: roles('grid', 'branch'),
    // the applicant reads why: a rejection always says it
    input: z.strictObject({ bindingId: id(), reason: text(100, '不通过的原因') }),
    output: z.object({ bindingId: z.string(), state: z.literal('rejected') }),
  },
  listPendingBindings: { access: roles('grid', 'branch'), input: z.strictObject({ ...cursorInput }), output: page(pendingBinding) },
  setRoles: {
    access: roles('branch'),
    input: z.strictObject({ userId: id(), roles: z.array(role).check(z.maxLength(ROLES.length)) }),
    output: userSummary,
  },
  /** The four-level grid (小区–楼栋–单元–户): who leads each building and unit, and how many households. */
  gridMap: { access: roles('branch', 'committee'), input: z.strictObject({}), output: gridMap },
  /** The branch puts a 楼栋长/网格员 in charge of buildings, and a 单元长 of units. */
  assignGrid: {
    access: roles('branch'),
    input: z.strictObject({
      userId: id(),
      buildingIds: z.array(id()).check(z.maxLength(50, '一次最多 50 栋')),
      units: z._default(z.array(z.strictObject({ buildingId: id(), unit: text(10, '单元') })).check(z.maxLength(100, '一次最多 100 个单元')), []),
    }),
    output: z.object({ userId: z.string(), buildingIds: z.array(z.string()), units: z.array(z.object({ buildingId: z.string(), unit: z.string() })) }),
  },
  searchUsers: {
    access: roles('branch', 'committee'),
    input: z.strictObject({ query: searchText(20, '关键词'), ...cursorInput }),
    output: page(userSummary),
  },
  /**
   * 代办: the verified residents a grid worker (their own buildings) or the branch (the compound) may
   * act for — a name to pick, the home to confirm it is the right person, never a whole phone.
   */
  proxyCandidates: {
    access: roles('grid', 'branch'),
    input: z.strictObject({ query: searchText(20, '姓名') }),
    output: z.object({ items: z.array(z.object({ userId: z.string(), displayName: z.string(), home: z.string(), phoneMasked: z.nullable(z.string()) })) }),
  },
  recordConsent: {
    access: user,
    input: z.strictObject({ kind: z.enum(CONSENT_KINDS), granted: z.boolean(), version: text(40, '版本') }),
    output: session,
  },
  exportMyData: {
    limit: EXPORT_LIMIT,
    access: user,
    input: z.strictObject({}),
    output: z.object({
      exportedAt: z.string(),
      user: z.record(z.string(), z.unknown()),
      household: z.nullable(z.record(z.string(), z.unknown())),
      /** What every domain holds about the caller, by part (bindings, myRequests, registrations, …). */
      parts: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
      /** Records kept after an account is deleted, and why (anonymised). */
      retained: z.array(z.object({ part: z.string(), why: z.string() })),
    }),
  },
  /** Subscription messages the user accepted (wx.requestSubscribeMessage): one send per acceptance. */
  subscribe: {
    access: user,
    input: z.strictObject({ templateKeys: z.array(z.enum(TEMPLATE_KEYS)).check(z.minLength(1), z.maxLength(3)) }),
    output: z.object({ credits: z.record(z.string(), z.number()) }),
  },
  deleteMyAccount: { access: user, input: z.strictObject({ confirm: z.literal(true) }), output: z.object({ deleted: z.literal(true) }) },
  /** 消息中心: newest first, with how many are unread. */
  inbox: { access: user, input: z.strictObject({ ...cursorInput }), output: z.extend(page(inboxItem), { unread: z.number() }) },
  /** Marks one entry read, or all of them (no entryId). */
  markInboxRead: { access: user, input: z.strictObject({ entryId: z.optional(id()) }), output: z.object({ marked: z.number(), unread: z.number() }) },
});

export type UserContract = typeof userContract;
