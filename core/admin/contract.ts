// 工作台: the console's actions (DESIGN §4.6) — dashboards from the functions' aggregates, ledgers
// exported to storage, the audit log, the moderation queue and reports, the 三方联席会议's agenda and
// decisions. Officers see the compounds in their scope; everyone else their own.
import * as z from 'zod/mini';
import { CREATE_LIMIT, cursorInput, defineContract, EXPORT_LIMIT, id, isoTime, optionalText, page, roles, searchText, text, user } from '../contract';
import { AGE_BUCKETS, AGENDA_KINDS, CONSOLE_ROLES, LEDGER_ROLES, LEDGERS, MEETING_ROLES, MODERATION_KINDS, MODERATORS } from './rules';

const month = z.optional(z.string().check(z.regex(/^\d{4}-\d{2}$/, '月份格式为 2026-12')));
const fraction = z.nullable(z.number());
const rates3 = z.object({ response: fraction, resolution: fraction, satisfaction: fraction });
const rateTrend = z.object({ key: z.string(), label: z.string(), months: z.array(z.extend(rates3, { month: z.string(), total: z.number() })) });

export const overview = z.object({
  compoundId: z.string(),
  compoundName: z.string(),
  month: z.string(),
  /** The three rates of the month as fractions 0..1, or null when nothing counts yet. */
  rates: rates3,
  /** How many requests each rate was computed over. */
  counts: z.object({ total: z.number(), rated: z.number() }),
  trend: z.array(z.extend(rates3, { month: z.string(), total: z.number() })),
  byBuilding: z.array(z.extend(rates3, { key: z.string(), label: z.string(), total: z.number() })),
  byCategory: z.array(z.extend(rates3, { key: z.string(), label: z.string(), total: z.number() })),
  /** Each building's and each category's three rates over the six months up to `month`, oldest first. */
  trendByBuilding: z.array(rateTrend),
  trendByCategory: z.array(rateTrend),
  openByAge: z.array(z.object({ bucket: z.enum(AGE_BUCKETS), label: z.string(), count: z.number(), overdue: z.number() })),
  /** The overdue open requests, the longest overdue first. */
  overdue: z.array(z.object({ requestId: z.string(), category: z.string(), excerpt: z.string(), place: z.string(), dueAt: z.string(), escalationLevel: z.number() })),
  volunteerHours: z.object({ minutes: z.number(), hours: z.string(), byTeam: z.array(z.object({ name: z.string(), minutes: z.number() })) }),
  attendance: z.object({ events: z.number(), registered: z.number(), checkedIn: z.number(), rate: fraction }),
  voteParticipation: z.array(
    z.object({
      conventionId: z.string(),
      title: z.string(),
      phase: z.string(),
      electorateHeads: z.number(),
      votedHeads: z.number(),
      rate: fraction,
      byBuilding: z.array(z.object({ buildingName: z.string(), units: z.number(), voted: z.number() })),
    }),
  ),
  noticeReach: z.array(z.object({ noticeId: z.string(), title: z.string(), readHouseholds: z.number(), totalHouseholds: z.number(), reach: fraction })),
  /** Whether the caller sees only property categories (the property company). */
  propertyOnly: z.boolean(),
});
export type Overview = z.infer<typeof overview>;

export const exportJob = z.object({
  exportId: z.string(),
  ledger: z.enum(LEDGERS),
  format: z.enum(['csv', 'xlsx']),
  status: z.enum(['running', 'ready', 'failed']),
  /** While running: the rows to write; once ready: the rows written. */
  rows: z.optional(z.number()),
  /** Rows written so far (a background export's progress). */
  rowsDone: z.optional(z.number()),
  fileUrl: z.optional(z.string()),
  fileId: z.optional(z.string()),
  filename: z.optional(z.string()),
  expiresAt: z.optional(z.string()),
  message: z.optional(z.string()),
});
export type ExportJob = z.infer<typeof exportJob>;

export const auditEntry = z.object({
  entryId: z.string(),
  at: z.string(),
  actorName: z.string(),
  /** The person who acted (null: the system), to filter the log by them. */
  actorId: z.nullable(z.string()),
  roles: z.array(z.string()),
  action: z.string(),
  target: z.string(),
  detail: z.string(),
});

export const queueItem = z.object({
  kind: z.enum(MODERATION_KINDS),
  refId: z.string(),
  title: z.string(),
  excerpt: z.string(),
  authorName: z.string(),
  /** Held by the content check, reported by residents, or both. */
  held: z.boolean(),
  reports: z.number(),
  reasons: z.array(z.string()),
  createdAt: z.string(),
});
export type QueueItem = z.infer<typeof queueItem>;

export const agendaItem = z.object({
  itemId: z.string(),
  kind: z.enum(AGENDA_KINDS),
  refId: z.nullable(z.string()),
  title: z.string(),
  note: z.string(),
  proposedBy: z.string(),
  meetingId: z.nullable(z.string()),
  decision: z.nullable(z.object({ text: z.string(), at: z.string() })),
  createdAt: z.string(),
});
export type AgendaItem = z.infer<typeof agendaItem>;

export const meetingView = z.object({
  meetingId: z.string(),
  title: z.string(),
  at: z.string(),
  place: z.string(),
  attendees: z.array(z.object({ name: z.string(), role: z.string() })),
  minutes: z.string(),
  state: z.enum(['planned', 'held']),
  items: z.array(agendaItem),
});
export type MeetingView = z.infer<typeof meetingView>;

const ledgerFilter = {
  from: z.optional(isoTime()),
  to: z.optional(isoTime()),
  buildingId: z.optional(id()),
};

export const adminContract = defineContract({
  overview: { access: roles(...CONSOLE_ROLES), input: z.strictObject({ compoundId: z.optional(id()), month, buildingId: z.optional(id()) }), output: overview },
  compounds: {
    access: roles(...CONSOLE_ROLES),
    input: z.strictObject({}),
    output: z.object({
      items: z.array(z.object({ compoundId: z.string(), name: z.string(), rates: rates3, total: z.number(), overdue: z.number(), escalated: z.number(), votesOpen: z.number() })),
    }),
  },
  exportLedger: {
    limit: EXPORT_LIMIT,
    access: roles(...LEDGER_ROLES),
    input: z.strictObject({ ledger: z.enum(LEDGERS), format: z.enum(['csv', 'xlsx']), compoundId: z.optional(id()), ...ledgerFilter }),
    output: exportJob,
  },
  exportStatus: { access: roles(...LEDGER_ROLES), input: z.strictObject({ exportId: id() }), output: exportJob },
  auditLog: {
    access: roles(...LEDGER_ROLES),
    input: z.strictObject({
      compoundId: z.optional(id()),
      actorId: z.optional(id()),
      target: searchText(80, '记录'),
      action: searchText(60, '操作'),
      ...ledgerFilter,
      ...cursorInput,
    }),
    output: page(auditEntry),
  },
  /** 举报: one report per person per item. */
  report: {
    limit: CREATE_LIMIT,
    access: user,
    input: z.strictObject({ kind: z.enum(MODERATION_KINDS), refId: id(), reason: text(100, '举报理由') }),
    output: z.object({ reported: z.boolean() }),
  },
  /** The queue of the caller's compound, or (an officer) of one in scope. */
  moderationQueue: { access: roles(...MODERATORS), input: z.strictObject({ kind: z.optional(z.enum(MODERATION_KINDS)), compoundId: z.optional(id()) }), output: z.object({ items: z.array(queueItem) }) },
  moderate: {
    access: roles(...MODERATORS),
    input: z.strictObject({ kind: z.enum(MODERATION_KINDS), refId: id(), decision: z.enum(['approve', 'hide']), reason: text(100, '理由') }),
    output: z.object({ kind: z.enum(MODERATION_KINDS), refId: z.string(), decision: z.enum(['approve', 'hide']) }),
  },
  /** Puts a request, a convention article or a resident's proposal on the next 三方联席会议's agenda. */
  propose: {
    limit: CREATE_LIMIT,
    access: user,
    input: z.strictObject({ kind: z.enum(AGENDA_KINDS), refId: z.optional(id()), title: text(60, '议题'), note: optionalText(500, '说明') }),
    output: z.object({ itemId: z.string() }),
  },
  agenda: { access: roles(...MEETING_ROLES), input: z.strictObject({ ...cursorInput }), output: page(agendaItem) },
  createMeeting: {
    limit: CREATE_LIMIT,
    access: roles(...MEETING_ROLES),
    input: z.strictObject({ title: text(40, '会议名称'), at: isoTime(), place: text(40, '地点'), itemIds: z.optional(z.array(id()).check(z.maxLength(30))) }),
    output: z.object({ meetingId: z.string() }),
  },
  meetings: { access: roles(...MEETING_ROLES), input: z.strictObject({ ...cursorInput }), output: page(meetingView) },
  meeting: { access: roles(...MEETING_ROLES), input: z.strictObject({ meetingId: id() }), output: meetingView },
  scheduleItem: { access: roles(...MEETING_ROLES), input: z.strictObject({ itemId: id(), meetingId: id() }), output: z.object({ itemId: z.string() }) },
  recordMinutes: {
    access: roles(...MEETING_ROLES),
    input: z.strictObject({ meetingId: id(), minutes: text(5000, '会议纪要'), attendees: z.array(z.strictObject({ name: text(20, '姓名'), role: text(20, '单位') })).check(z.minLength(1, '请登记参会人员'), z.maxLength(30)) }),
    output: z.object({ meetingId: z.string() }),
  },
  /** The decision on one item: written back onto its request's timeline (说 → 商 → 办 → 评) and told to the reporter. */
  decide: {
    access: roles(...MEETING_ROLES),
    input: z.strictObject({ itemId: id(), decision: text(500, '决定') }),
    output: z.object({ itemId: z.string() }),
  },
});

export type AdminContract = typeof adminContract;
