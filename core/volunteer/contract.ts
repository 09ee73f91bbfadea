// 志愿服务: teams, joining, shifts, the service-hours ledger, certificates anyone can check, and
// recognition (DESIGN §4.2). Object-level rights (leader of this team) arrive as view fields.
import * as z from 'zod/mini';
import { anyone, CHECK_LIMIT, CREATE_LIMIT, cursorInput, defineContract, EXPORT_LIMIT, id, isoTime, optionalText, page, phone, roles, text, user } from '../contract';
import { MEMBERSHIP_STATES, SERVICE_SOURCES, TEAM_KINDS, TEAM_MAKERS } from './rules';

const byTeam = z.strictObject({ teamId: id() });
const byShift = z.strictObject({ shiftId: id() });
const byMembership = z.strictObject({ membershipId: id(), reason: optionalText(200, '理由') });
const skills = z.optional(z.array(text(10, '技能')).check(z.maxLength(10, '技能最多 10 项')));

export const teamSummary = z.object({
  teamId: z.string(),
  name: z.string(),
  kind: z.enum(TEAM_KINDS),
  description: z.string(),
  memberCount: z.number(),
  capacity: z.number(),
  needsApproval: z.boolean(),
  risky: z.boolean(),
  skillsSought: z.array(z.string()),
  /** The caller's membership, if any. */
  mine: z.nullable(z.enum(MEMBERSHIP_STATES)),
  leading: z.boolean(),
});
export type TeamSummary = z.infer<typeof teamSummary>;

export const shiftView = z.object({
  shiftId: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  place: z.string(),
  capacity: z.number(),
  booked: z.number(),
  risky: z.boolean(),
  /** The caller's booking: booked, checked in / out times. */
  mine: z.nullable(z.object({ status: z.enum(['booked', 'cancelled']), checkedInAt: z.nullable(z.string()), checkedOutAt: z.nullable(z.string()) })),
  /** What the caller may do with this shift now, decided by the function. */
  can: z.object({ book: z.boolean(), cancel: z.boolean(), manage: z.boolean() }),
  /** Why the caller may not book (full, a minor on a risky shift, not a member…); null when they may. */
  bookable: z.nullable(z.string()),
});
export type ShiftView = z.infer<typeof shiftView>;

export const teamView = z.extend(teamSummary, {
  contact: z.string(),
  leaders: z.array(z.object({ userId: z.string(), name: z.string() })),
  shifts: z.array(shiftView),
  /** Why the caller may not apply (a minor on a risky team, already a member…); null when they may. */
  joinable: z.nullable(z.string()),
  pendingCount: z.number(),
});
export type TeamView = z.infer<typeof teamView>;

export const memberView = z.object({
  membershipId: z.string(),
  userId: z.string(),
  name: z.string(),
  /** Full: leaders call their members. */
  phone: z.nullable(z.string()),
  status: z.enum(MEMBERSHIP_STATES),
  /** Visible to the team's own leaders only (条例 art. 20): empty for the committee and branch. */
  skills: z.array(z.string()),
  availability: z.string(),
  minor: z.boolean(),
  reason: z.nullable(z.string()),
  appliedAt: z.string(),
});

export const recordView = z.object({
  recordId: z.string(),
  volunteerName: z.string(),
  teamName: z.nullable(z.string()),
  organizer: z.string(),
  source: z.enum(SERVICE_SOURCES),
  content: z.string(),
  place: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  minutes: z.number(),
  /** "1.5" */
  hours: z.string(),
  status: z.enum(['pending', 'verified', 'rejected', 'corrected']),
  /** Who verified it (their name: a leader, the grid, an event's organiser) and when. */
  verifiedBy: z.nullable(z.string()),
  verifiedAt: z.nullable(z.string()),
  rejectReason: z.nullable(z.string()),
  corrects: z.nullable(z.string()),
  /** Why it waits for a person although its source verifies it: it clashes with other records (overlap, a day over 24 h). */
  conflict: z.nullable(z.string()),
  /** The caller may verify or reject it (a leader of its team, or grid/branch for tasks). */
  canVerify: z.boolean(),
});
export type RecordView = z.infer<typeof recordView>;

export const certificateView = z.object({
  number: z.string(),
  name: z.string(),
  /** 志愿者编号 (the volunteer number; no ID card number is kept). */
  volunteerNo: z.string(),
  totalMinutes: z.number(),
  totalHours: z.string(),
  content: z.array(z.string()),
  periodFrom: z.nullable(z.string()),
  periodTo: z.nullable(z.string()),
  issuer: z.string(),
  handler: z.string(),
  contact: z.string(),
  issuedAt: z.string(),
  /** The text of the QR code: the H5 check page's URL with the number (a phone camera opens it). */
  verifyText: z.string(),
});
export type CertificateView = z.infer<typeof certificateView>;

const teamInput = {
  name: text(20, '队伍名称'),
  kind: z.enum(TEAM_KINDS),
  description: text(500, '队伍介绍'),
  capacity: z.number().check(z.int('人数要是整数'), z.gte(0, '人数不能为负'), z.lte(10_000, '人数太大')),
  needsApproval: z.boolean(),
  risky: z.boolean(),
  leaderIds: z.array(id()).check(z.minLength(1, '至少指定一名队长'), z.maxLength(5, '队长不超过 5 名')),
  skillsSought: skills,
  contact: optionalText(40, '联系方式'),
};

export const volunteerContract = defineContract({
  listTeams: { access: user, input: z.strictObject({ mine: z.optional(z.boolean()), ...cursorInput }), output: page(teamSummary) },
  getTeam: { access: user, input: byTeam, output: teamView },
  createTeam: { limit: CREATE_LIMIT, access: roles(...TEAM_MAKERS), input: z.strictObject(teamInput), output: z.object({ teamId: z.string() }) },
  updateTeam: { access: user, input: z.extend(z.partial(z.strictObject(teamInput)), { teamId: id() }), output: z.object({ teamId: z.string() }) },
  join: {
    limit: CREATE_LIMIT,
    access: user,
    input: z.strictObject({
      teamId: id(),
      skills,
      availability: optionalText(100, '可服务时间'),
    }),
    output: z.object({ membershipId: z.string(), status: z.enum(['pending', 'active']) }),
  },
  /** A guardian's consent for a minor to volunteer (名字、电话、关系), recorded once. */
  recordGuardianConsent: {
    access: user,
    input: z.strictObject({ guardianName: text(20, '监护人姓名'), guardianPhone: phone(), relation: text(10, '关系') }),
    output: z.object({ recorded: z.boolean() }),
  },
  approve: { access: user, input: byMembership, output: z.object({ membershipId: z.string(), status: z.enum(MEMBERSHIP_STATES) }) },
  decline: { access: user, input: byMembership, output: z.object({ membershipId: z.string(), status: z.enum(MEMBERSHIP_STATES) }) },
  leave: { access: user, input: byTeam, output: z.object({ teamId: z.string(), status: z.enum(MEMBERSHIP_STATES) }) },
  remove: { access: user, input: byMembership, output: z.object({ membershipId: z.string(), status: z.enum(MEMBERSHIP_STATES) }) },
  members: {
    access: user,
    input: z.strictObject({ teamId: id(), status: z.optional(z.enum(MEMBERSHIP_STATES)) }),
    output: z.object({ items: z.array(memberView) }),
  },
  createShifts: {
    limit: CREATE_LIMIT,
    access: user,
    input: z.strictObject({
      teamId: id(),
      startAt: isoTime(),
      endAt: isoTime(),
      place: text(40, '地点'),
      capacity: z.number().check(z.int('名额要是整数'), z.gte(1, '至少 1 个名额'), z.lte(200, '名额不超过 200')),
      repeatWeeks: z.optional(z.number().check(z.int(), z.gte(1), z.lte(26, '最多连续排 26 周'))),
    }),
    output: z.object({ shiftIds: z.array(z.string()) }),
  },
  shifts: {
    access: user,
    input: z.strictObject({ teamId: z.optional(id()), mine: z.optional(z.boolean()), ...cursorInput }),
    output: page(shiftView),
  },
  bookShift: { limit: CREATE_LIMIT, access: user, input: byShift, output: z.object({ status: z.enum(['booked', 'full', 'cancelled']) }) },
  cancelShift: { access: user, input: byShift, output: z.object({ status: z.enum(['booked', 'full', 'cancelled']) }) },
  shiftRoster: {
    access: user,
    input: byShift,
    output: z.object({ items: z.array(z.object({ userId: z.string(), name: z.string(), phone: z.nullable(z.string()), checkedInAt: z.nullable(z.string()), checkedOutAt: z.nullable(z.string()) })) }),
  },
  /** The leader's rotating code for members to check themselves in and out. */
  shiftCode: { access: user, input: byShift, output: z.object({ code: z.string(), expiresAt: z.string() }) },
  /** Check in or out: a leader for a member (userId), or a member with the leader's code. */
  shiftCheck: {
    access: user,
    input: z.strictObject({
      shiftId: id(),
      kind: z.enum(['in', 'out']),
      userId: z.optional(id()),
      code: z.optional(z.string().check(z.trim(), z.regex(/^\d{6}$/, '签到码是 6 位数字'))),
    }),
    output: z.object({ at: z.string(), recordId: z.nullable(z.string()) }),
  },
  logService: {
    limit: CREATE_LIMIT,
    access: user,
    input: z.strictObject({
      source: z.enum(SERVICE_SOURCES),
      sourceId: z.optional(id()),
      teamId: z.optional(id()),
      startAt: isoTime(),
      endAt: isoTime(),
      content: text(100, '服务内容'),
      place: optionalText(40, '地点'),
      /** A leader logging for a member of their team; absent: the caller's own service. */
      volunteerId: z.optional(id()),
    }),
    output: z.object({ recordId: z.string(), verified: z.boolean() }),
  },
  verifyService: { access: user, input: z.strictObject({ recordId: id() }), output: z.object({ recordId: z.string(), status: z.enum(['verified']) }) },
  rejectService: { access: user, input: z.strictObject({ recordId: id(), reason: text(100, '理由') }), output: z.object({ recordId: z.string(), status: z.enum(['rejected']) }) },
  /** A correction is a new record that replaces the one it names once verified; nothing is edited in place. */
  correctService: {
    access: user,
    input: z.strictObject({ recordId: id(), startAt: isoTime(), endAt: isoTime(), content: z.optional(text(100, '服务内容')), reason: text(100, '更正原因') }),
    output: z.object({ recordId: z.string() }),
  },
  pendingRecords: { access: user, input: z.strictObject({ teamId: z.optional(id()) }), output: z.object({ items: z.array(recordView) }) },
  myRecord: {
    access: user,
    input: z.strictObject({}),
    output: z.object({
      totalMinutes: z.number(),
      totalHours: z.string(),
      points: z.number(),
      byMonth: z.array(z.object({ month: z.string(), minutes: z.number(), hours: z.string() })),
      byTeam: z.array(z.object({ team: z.string(), minutes: z.number(), hours: z.string() })),
      records: z.array(recordView),
    }),
  },
  exportMyRecord: { limit: EXPORT_LIMIT, access: user, input: z.strictObject({}), output: z.object({ filename: z.string(), csv: z.string(), rows: z.number() }) },
  certificate: { limit: EXPORT_LIMIT, access: user, input: z.strictObject({}), output: certificateView },
  /** Anyone checks a number: the masked name, hours, period and issuer — nothing more (no issue date: the period and issuer are what a school relies on). */
  verifyCertificate: {
    limit: CHECK_LIMIT,
    access: anyone,
    input: z.strictObject({ number: z.string().check(z.trim(), z.maxLength(20, '证明编号不正确')) }),
    output: z.object({
      valid: z.boolean(),
      message: z.nullable(z.string()),
      nameMasked: z.nullable(z.string()),
      totalHours: z.nullable(z.string()),
      periodFrom: z.nullable(z.string()),
      periodTo: z.nullable(z.string()),
      issuer: z.nullable(z.string()),
    }),
  },
  leaderboard: {
    access: user,
    input: z.strictObject({ month: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}$/, '月份格式为 2026-12'))), teamId: z.optional(id()) }),
    output: z.object({
      month: z.string(),
      items: z.array(z.object({ rank: z.number(), name: z.string(), hours: z.string(), minutes: z.number(), me: z.boolean() })),
      /** Volunteers who served but did not opt in to showing their name are counted, never named. */
      unnamed: z.number(),
    }),
  },
  rateLeader: {
    limit: CREATE_LIMIT,
    access: user,
    input: z.strictObject({ score: z.number().check(z.int('评分为 1–5 的整数'), z.gte(1, '评分为 1–5'), z.lte(5, '评分为 1–5')), comment: optionalText(200, '评价') }),
    output: z.object({ month: z.string(), leaderName: z.string() }),
  },
  leaderRatings: {
    access: roles('branch', 'committee', 'officer'),
    input: z.strictObject({ month: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}$/, '月份格式为 2026-12'))) }),
    output: z.object({
      month: z.string(),
      items: z.array(z.object({ leaderId: z.string(), leaderName: z.string(), buildings: z.array(z.string()), count: z.number(), average: z.nullable(z.string()), stars: z.number() })),
    }),
  },
  teamStats: {
    access: roles(...TEAM_MAKERS, 'officer'),
    input: z.strictObject({ months: z.optional(z.number().check(z.int(), z.gte(1), z.lte(12))) }),
    output: z.object({
      months: z.array(z.string()),
      teams: z.array(z.object({ teamId: z.string(), name: z.string(), members: z.number(), minutesByMonth: z.array(z.number()) })),
    }),
  },
});

export type VolunteerContract = typeof volunteerContract;
