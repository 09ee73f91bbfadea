// 活动报名: events with capacity, a self-promoting waitlist and check-in (DESIGN §4.4).
import * as z from 'zod/mini';
import { CREATE_LIMIT, cursorInput, defineContract, EXPORT_LIMIT, id, isoTime, page, roles, text, user } from '../contract';
import { AUDIENCE_KINDS, EVENT_ORGANISERS as ORGANISERS } from './rules';

const audience = z.strictObject({
  kind: z.enum(AUDIENCE_KINDS),
  buildingIds: z.optional(z.array(id()).check(z.maxLength(50))),
});

const eventFields = {
  title: text(40, '活动名称'),
  description: text(2000, '活动介绍'),
  startAt: isoTime(),
  endAt: isoTime(),
  place: text(60, '地点'),
  capacity: z.number().check(z.int('名额要是整数'), z.gte(0, '名额不能为负'), z.lte(100_000, '名额太大')),
  signupDeadline: isoTime(),
  audience,
  creditsHours: z.boolean(),
};
const eventInput = z.strictObject(eventFields);

export const registrationStatus = z.enum(['confirmed', 'waitlisted', 'cancelled']);

export const eventView = z.object({
  eventId: z.string(),
  title: z.string(),
  description: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  place: z.string(),
  capacity: z.number(),
  signupDeadline: z.string(),
  audience: z.object({ kind: z.enum(AUDIENCE_KINDS), buildingIds: z.array(z.string()) }),
  creditsHours: z.boolean(),
  state: z.enum(['published', 'cancelled']),
  confirmedCount: z.number(),
  waitlistCount: z.number(),
  placesLeft: z.nullable(z.number()),
  organizerName: z.string(),
  heldForReview: z.boolean(),
  mine: z.nullable(
    z.object({ registrationId: z.string(), status: registrationStatus, position: z.nullable(z.number()), checkedIn: z.boolean() }),
  ),
  /** What the caller may do: organisers manage, residents register. */
  canManage: z.boolean(),
  /** Whether the caller may register now, and if not why — decided by the function, shown by the page. */
  registrable: z.object({ ok: z.boolean(), message: z.nullable(z.string()) }),
  /** The caller may still cancel their registration (before the start). */
  cancellable: z.boolean(),
  /** Check-in for a confirmed registrant not yet checked in: open now, not yet open, over; none otherwise. */
  checkin: z.enum(['open', 'not_yet', 'over', 'none']),
});
export type EventView = z.infer<typeof eventView>;

export const eventSummary = z.object({
  eventId: z.string(),
  title: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  place: z.string(),
  capacity: z.number(),
  confirmedCount: z.number(),
  placesLeft: z.nullable(z.number()),
  state: z.enum(['published', 'cancelled']),
  signupDeadline: z.string(),
  audienceKind: z.enum(AUDIENCE_KINDS),
});
export type EventSummary = z.infer<typeof eventSummary>;

export const attendee = z.object({
  registrationId: z.string(),
  name: z.string(),
  /** Full for the organisers who must call; masked otherwise. */
  phone: z.nullable(z.string()),
  home: z.nullable(z.string()),
  registeredAt: z.string(),
  checkedIn: z.boolean(),
  position: z.nullable(z.number()),
  /** 代办: the worker who registered the resident (absent: the resident did). */
  actedBy: z.optional(z.string()),
});

const byEvent = z.strictObject({ eventId: id() });

export const eventContract = defineContract({
  create: { limit: CREATE_LIMIT, access: roles(...ORGANISERS), input: eventInput, output: z.object({ eventId: z.string(), heldForReview: z.boolean() }) },
  update: {
    access: roles(...ORGANISERS),
    input: z.extend(z.partial(eventInput), { eventId: id() }),
    output: z.object({ eventId: z.string(), promoted: z.number() }),
  },
  cancelEvent: {
    access: roles(...ORGANISERS),
    input: z.strictObject({ eventId: id(), reason: text(100, '取消原因') }),
    output: z.object({ eventId: z.string(), notified: z.number() }),
  },
  list: { access: user, input: z.strictObject({ when: z._default(z.enum(['upcoming', 'past']), 'upcoming'), ...cursorInput }), output: page(eventSummary) },
  get: { access: user, input: byEvent, output: eventView },
  register: {
    limit: CREATE_LIMIT,
    access: user,
    input: z.strictObject({
      eventId: id(),
      /** 代办: a grid worker or the branch registers a verified resident without a phone, consent noted. */
      onBehalfOf: z.optional(z.strictObject({ userId: id(), consentNote: text(100, '居民同意情况') })),
    }),
    output: z.object({ registrationId: z.string(), status: z.enum(['confirmed', 'waitlisted']), position: z.optional(z.number()) }),
  },
  cancel: { access: user, input: byEvent, output: z.object({ registrationId: z.nullable(z.string()), status: z.literal('cancelled') }) },
  myRegistrations: {
    access: user,
    input: z.strictObject({ ...cursorInput }),
    output: page(
      z.object({
        registrationId: z.string(),
        eventId: z.string(),
        title: z.string(),
        startAt: z.string(),
        place: z.string(),
        status: registrationStatus,
        checkedIn: z.boolean(),
      }),
    ),
  },
  issueCheckinCode: { access: roles(...ORGANISERS), input: byEvent, output: z.object({ code: z.string(), expiresAt: z.string(), qrText: z.string() }) },
  checkin: {
    access: user,
    input: z.strictObject({ eventId: id(), code: z.string().check(z.trim(), z.regex(/^\d{6}$/, '签到码是 6 位数字')) }),
    output: z.object({ checkedInAt: z.string(), creditedHours: z.number() }),
  },
  attendees: { access: roles(...ORGANISERS), input: byEvent, output: z.object({ confirmed: z.array(attendee), waitlisted: z.array(attendee) }) },
  export: {
    limit: EXPORT_LIMIT,
    access: roles(...ORGANISERS),
    input: byEvent,
    output: z.object({ filename: z.string(), csv: z.string(), rows: z.number() }),
  },
});

export type EventContract = typeof eventContract;
