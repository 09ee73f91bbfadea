// 活动报名: publish, register against a seat counter, a waitlist promoted in order, rotating
// check-in codes, attendance and export. Seats are taken by a guarded increment of the event's
// confirmedCount, so a thousand taps in one second never confirm more people than there are seats;
// a full event hands out waitlist numbers from its own sequence (waitlistSeq) in the same kind of
// update, so the numbers are unique and follow arrival. A registration costs three database requests:
// the caller's record read together with the event and their registration (serve's `reads`), the
// seat-or-number, the registration; a repeated tap is answered from the first.
import { createHmac, randomBytes } from 'node:crypto';
import { audit } from '../runtime/audit';
import type { Db } from '../runtime/cloud';
import { checkText, recheckText } from '../runtime/content';
import type { EventContract, EventSummary, EventView } from '@core/event/contract';
import { countWhere, findMany, findOne, getById, getCached, insertOne, isDuplicateKey, pageOf, updateAndReturn, updateById, updateWhere } from '../runtime/db';
import { remember } from '../runtime/cache';
import {
  canRegister,
  checkCapacityChange,
  checkTimes,
  checkinOpen,
  checkinWindow,
  CHECKIN_WINDOW_MS,
  EVENT_ORGANISERS,
  creditedHours,
  isUnlimited,
  placesLeft,
  type Audience,
} from '@core/event/rules';
import { fail } from '@core/errors';
import { maskName, maskPhone } from '@core/mask';
import type { EventDoc, RegistrationDoc, ServiceRecordDoc, UserDoc } from '../runtime/model';
import { beijingTime, thing } from '../runtime/notify';
import { toCsv } from '@core/csv';
import { beijingSeconds, monthOf } from '@core/time';
import type { Messages } from '../runtime/ports';
import type { Role } from '@core/roles';
import { CALLER_ID, joined, type Handlers, type JoinedRead, type UserCtx } from '../runtime/serve';
import { residentFor } from '../runtime/acting';
import { ledgerClash } from '../runtime/ledger';

const ORGANISERS: readonly Role[] = EVENT_ORGANISERS;
const iso = (d: Date | string) => new Date(d).toISOString();
const DETAIL_PAGE = 'packages/event/detail/index';

function isOrganiser(ctx: UserCtx, ev: EventDoc): boolean {
  return ev.compoundId === ctx.compoundId && ORGANISERS.some((r) => ctx.roles.includes(r));
}

/**
 * What register, cancel and get read with the caller, in the same request: the event, and the
 * registration of the person concerned (the caller, or the resident a 代办 is for).
 */
function eventReads(eventId: string, userId?: string): Record<'event' | 'mine', JoinedRead> {
  return {
    event: { from: 'events', where: { _id: eventId } },
    mine: { from: 'registrations', where: { eventId, userId: userId ?? CALLER_ID } },
  };
}

/**
 * The event: as read with the caller (eventReads), else this warm instance's copy when fresh
 * (runtime/cache.ts; `fresh` reads it again for an organiser's edit). Its seats, state and deadline
 * are re-checked by the guarded writes that use them.
 */
async function loadEvent(ctx: UserCtx, eventId: string, fresh = false): Promise<EventDoc> {
  const ev = await joined<EventDoc>(ctx, 'event', () => (fresh ? readEvent(ctx.db, eventId) : getCached<EventDoc>(ctx.db, 'events', eventId)));
  if (ev && ctx.joined.event) remember('events', ev._id, ev);
  if (!ev || ev.compoundId !== ctx.compoundId) throw fail.notFound('没有找到这个活动');
  // held by the content check or hidden by a moderator: the organisers' only
  if (ev.moderation !== 'pass' && !isOrganiser(ctx, ev)) throw fail.notFound('没有找到这个活动');
  return ev;
}

/** The 代办 is audited, and the resident finds it in their 消息中心 when they next sign in. */
async function markActing(ctx: UserCtx, who: UserDoc, ev: EventDoc, registrationId: string, consentNote: string): Promise<void> {
  await ctx.audit('event.register', `registrations/${registrationId}`, { eventId: ev._id, actingFor: who._id, consentNote, proxy: '代办' });
  await ctx.messages.send(
    { userId: who._id, openid: who.openid },
    'eventReminder',
    { thing1: { value: thing(ev.title) }, time2: { value: beijingTime(ev.startAt) }, thing3: { value: thing(ev.place) }, thing4: { value: thing(`${ctx.user.displayName}为您代办报名`) } },
    `${DETAIL_PAGE}?id=${ev._id}`,
    { wechat: false, inbox: { title: `${ctx.user.displayName}为您代办了活动报名`, body: `${ev.title} · ${beijingTime(ev.startAt)}` } },
  );
}

/** Whether this caller may register for this event now — the rule `register` applies. */
function registrableBy(ctx: UserCtx, ev: EventDoc): { ok: boolean; message: string | null } {
  if (!ctx.user.householdId && !ctx.roles.includes('member')) return { ok: false, message: '请先认证房屋再报名' };
  const verdict = canRegister(ev, { roles: ctx.roles, buildingId: ctx.user.home?.buildingId ?? null }, ctx.now);
  return verdict.ok ? { ok: true, message: null } : { ok: false, message: verdict.message };
}

function requireOrganiser(ctx: UserCtx, ev: EventDoc): void {
  if (!isOrganiser(ctx, ev)) throw fail.forbidden('只有业委会和党支部可以管理活动');
}

function summaryOf(ev: EventDoc): EventSummary {
  return {
    eventId: ev._id,
    title: ev.title,
    startAt: iso(ev.startAt),
    endAt: iso(ev.endAt),
    place: ev.place,
    capacity: ev.capacity,
    confirmedCount: ev.confirmedCount,
    placesLeft: placesLeft(ev.capacity, ev.confirmedCount),
    state: ev.state,
    signupDeadline: iso(ev.signupDeadline),
    audienceKind: ev.audience.kind,
  };
}

async function readEvent(db: Db, eventId: string): Promise<EventDoc | null> {
  const ev = await getById<EventDoc>(db, 'events', eventId);
  remember('events', eventId, ev);
  return ev;
}

/** The waitlist order: the number taken from the event's sequence, then (events before it) arrival. */
const QUEUE_ORDER: Array<[string, 'asc' | 'desc']> = [['waitlistNo', 'asc'], ['queuedAt', 'asc'], ['_id', 'asc']];

/**
 * Takes one seat if one is free at the capacity this caller saw; false when full (or capacity moved).
 * A seat taken for someone from the waitlist (`fromQueue`) also takes them off the waiting count.
 */
async function takeSeat(db: Db, ev: EventDoc, fromQueue = false): Promise<boolean> {
  const _ = db.command;
  const data: Record<string, unknown> = { confirmedCount: _.inc(1), ...(fromQueue ? { waitlistCount: _.inc(-1) } : {}) };
  const where: Record<string, unknown> = { _id: ev._id, state: 'published', capacity: ev.capacity };
  if (!isUnlimited(ev.capacity)) where.confirmedCount = _.lt(ev.capacity);
  return !!(await updateAndReturn<EventDoc>(db, 'events', where, data));
}

/** Gives a seat back; answers the event as it is after (null when there was none to give back). */
async function releaseSeat(db: Db, eventId: string): Promise<EventDoc | null> {
  return updateAndReturn<EventDoc>(db, 'events', { _id: eventId, confirmedCount: db.command.gt(0) }, { confirmedCount: db.command.inc(-1) });
}

async function leaveQueue(db: Db, eventId: string): Promise<void> {
  await updateWhere(db, 'events', { _id: eventId, waitlistCount: db.command.gt(0) }, { waitlistCount: db.command.inc(-1) });
}

/** What one registration attempt took on the event: a seat, or a number in its waitlist. */
type Place = { seat: true } | { seat: false; number: number; position: number; at: Date };

/**
 * The seat-or-number decision, in one guarded update of the event in the usual case: a seat while the
 * event (as last seen) has one free, else the next waitlist number — taken only while the event is
 * full, published and open for signups, and stamped with the database's clock (waitlistAt) so that the
 * queue's arrival times follow its numbers. When the copy seen was stale (a seat freed, the capacity
 * moved) the other update is tried; if neither matches, the event is read again and checked.
 */
async function takePlace(ctx: UserCtx, ev: EventDoc, check: (ev: EventDoc) => void): Promise<Place> {
  const db = ctx.db;
  const _ = db.command;
  let seen = ev;
  for (let round = 0; round < 3; round++) {
    const open = { _id: seen._id, state: 'published', capacity: seen.capacity, signupDeadline: _.gte(ctx.now) };
    const full = !isUnlimited(seen.capacity) && seen.confirmedCount >= seen.capacity;
    for (const seat of full ? [false, true] : [true, false]) {
      if (seat) {
        const where = isUnlimited(seen.capacity) ? open : { ...open, confirmedCount: _.lt(seen.capacity) };
        // a seat needs only the yes or no (the event came with the caller): no document back
        if (await updateWhere(db, 'events', where, { confirmedCount: _.inc(1) })) return { seat: true };
      } else if (!isUnlimited(seen.capacity)) {
        const got = await updateAndReturn<EventDoc>(
          db,
          'events',
          { ...open, confirmedCount: _.gte(seen.capacity) },
          { waitlistSeq: _.inc(1), waitlistCount: _.inc(1), waitlistAt: db.serverDate() },
        );
        if (got) return { seat: false, number: got.waitlistSeq ?? 1, position: got.waitlistCount ?? 1, at: got.waitlistAt ? new Date(got.waitlistAt) : ctx.now };
      }
    }
    const now = await readEvent(db, seen._id);
    if (!now) throw fail.notFound('没有找到这个活动');
    check(now);
    seen = now;
  }
  throw fail.conflict('报名人数刚刚变化，请重试');
}

/** A place taken for a registration that did not happen (a second tap got in first) goes back. */
async function givePlaceBack(io: { db: Db; messages: Messages }, ev: EventDoc, place: Place, now: Date): Promise<void> {
  if (!place.seat) return leaveQueue(io.db, ev._id);
  const after = await releaseSeat(io.db, ev._id);
  if (after && after.state === 'published' && (after.waitlistCount ?? 1) > 0) await promoteFromWaitlist(io, after, now, 1);
}

/** A waitlisted registration's place in the queue: those ahead of it, plus one. */
async function positionOf(db: Db, reg: RegistrationDoc): Promise<number> {
  const _ = db.command;
  const ahead =
    typeof reg.waitlistNo === 'number'
      ? _.or([{ waitlistNo: _.lt(reg.waitlistNo) }, { waitlistNo: null }])
      : _.and([{ waitlistNo: null }, _.or([{ queuedAt: _.lt(reg.queuedAt) }, { queuedAt: reg.queuedAt, _id: _.lt(reg._id) }])]);
  return (await countWhere(db, 'registrations', _.and([{ eventId: reg.eventId, status: 'waitlisted' }, ahead]) as unknown as Record<string, unknown>)) + 1;
}

/** One message about an event to one registrant (promotion, cancellation, reminder): in the 消息中心, by WeChat if they subscribed. */
export async function tellRegistrant(messages: Messages, reg: RegistrationDoc, ev: Pick<EventDoc, 'title' | 'startAt' | 'place'>, what: string): Promise<boolean> {
  if (!reg.openid) return false;
  return messages.send(
    { userId: reg.userId, openid: reg.openid },
    'eventReminder',
    {
      thing1: { value: thing(ev.title) },
      time2: { value: beijingTime(ev.startAt) },
      thing3: { value: thing(ev.place) },
      thing4: { value: thing(what) },
    },
    `${DETAIL_PAGE}?id=${reg.eventId}`,
    { wechat: reg.notify },
  );
}

/**
 * Moves people from the head of the queue (the lowest waitlist number) into free seats, at most `max`.
 * Each seat is taken on the counter before it is given; the head's registration moves only if still
 * waitlisted (a guarded update, so two promoters never promote one person twice); a head that left
 * meanwhile gives the seat back and the next is tried.
 */
export async function promoteFromWaitlist(io: { db: Db; messages: Messages }, ev: EventDoc, now: Date, max = 200): Promise<number> {
  const db = io.db;
  let promoted = 0;
  for (let tries = 0; promoted < max && tries < max + 50; tries++) {
    const [head] = await findMany<RegistrationDoc>(db, 'registrations', { eventId: ev._id, status: 'waitlisted' }, { orderBy: QUEUE_ORDER, limit: 1 });
    if (!head) break;
    if (!(await takeSeat(db, ev, true))) break;
    const moved = await updateWhere(db, 'registrations', { _id: head._id, status: 'waitlisted' }, { status: 'confirmed', updatedAt: now });
    if (!moved) {
      // they left the queue meanwhile (and took themselves off the count): the seat goes back
      await updateById(db, 'events', ev._id, { confirmedCount: db.command.inc(-1), waitlistCount: db.command.inc(1) });
      continue;
    }
    promoted++;
    await tellRegistrant(io.messages, { ...head, status: 'confirmed' }, ev, '候补成功，您已获得名额');
  }
  return promoted;
}

/**
 * A seat given up while people wait goes to the head of the queue as it is: one place is taken off
 * the waiting count (guarded: someone still waits, the event is published), the head's registration
 * moves if still waitlisted — a head that left meanwhile took itself off the count, so the next one
 * is tried on the same decrement. False (nothing changed) when no one was waiting after all.
 */
async function handOver(io: { db: Db; messages: Messages }, ev: EventDoc, now: Date): Promise<boolean> {
  const db = io.db;
  const _ = db.command;
  if (!(await updateWhere(db, 'events', { _id: ev._id, state: 'published', waitlistCount: _.gt(0) }, { waitlistCount: _.inc(-1) }))) return false;
  for (let tries = 0; tries < 50; tries++) {
    const [head] = await findMany<RegistrationDoc>(db, 'registrations', { eventId: ev._id, status: 'waitlisted' }, { orderBy: QUEUE_ORDER, limit: 1 });
    if (!head) break;
    if (await updateWhere(db, 'registrations', { _id: head._id, status: 'waitlisted' }, { status: 'confirmed', updatedAt: now })) {
      await tellRegistrant(io.messages, { ...head, status: 'confirmed' }, ev, '候补成功，您已获得名额');
      return true;
    }
  }
  // the queue was empty after all: the seat goes back, and the count we took
  await updateById(db, 'events', ev._id, { confirmedCount: _.inc(-1), waitlistCount: _.inc(1) });
  return true;
}

/** The rotating six-digit code of one minute-long window. */
export function checkinCode(secret: string, eventId: string, window: number): string {
  const digest = createHmac('sha256', secret).update(`${eventId}:${window}`).digest();
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

function parseTimes(input: { startAt?: string; endAt?: string; signupDeadline?: string }, ev?: EventDoc) {
  return {
    startAt: input.startAt ? new Date(input.startAt) : ev!.startAt,
    endAt: input.endAt ? new Date(input.endAt) : ev!.endAt,
    signupDeadline: input.signupDeadline ? new Date(input.signupDeadline) : ev!.signupDeadline,
  };
}

async function checkAudience(ctx: UserCtx, audience: Audience): Promise<Audience> {
  if (audience.kind !== 'buildings') return { kind: audience.kind };
  const ids = [...new Set(audience.buildingIds ?? [])];
  if (!ids.length) throw fail.invalid('请选择面向的楼栋');
  const found = await countWhere(ctx.db, 'buildings', { _id: ctx.db.command.in(ids), compoundId: ctx.compoundId });
  if (found !== ids.length) throw fail.notFound('有楼栋不属于本小区');
  return { kind: 'buildings', buildingIds: ids };
}

/**
 * The 志愿服务记录 a check-in at a credited event earns (a fixed _id: one per person per event), verified
 * by the organiser's code — unless it clashes with the person's other records: then pending, with why.
 */
export function eventServiceRecord(ev: EventDoc, who: { userId: string; name: string }, at: Date, conflict: string | null = null): ServiceRecordDoc {
  const hours = creditedHours(ev);
  return {
    _id: `event-${ev._id}-${who.userId}`,
    compoundId: ev.compoundId,
    userId: who.userId,
    source: 'event',
    refId: ev._id,
    organizer: ev.organizerName,
    content: ev.title,
    startAt: ev.startAt,
    endAt: ev.endAt,
    hours,
    // the ledger's own fields (志愿服务 reads minutes and months; the organiser's code verifies it)
    minutes: Math.round(hours * 60),
    month: monthOf(ev.startAt),
    volunteerName: who.name,
    teamId: null,
    teamName: null,
    place: ev.place,
    verifiedAt: conflict ? null : at,
    rejected: null,
    corrects: null,
    points: Math.floor(hours) * 10,
    verifiedBy: conflict ? null : ev.organizerId,
    conflict,
    createdAt: at,
    updatedAt: at,
  };
}

/** The registration of `userId` for this event: as read with the caller (eventReads), else read now. */
async function mineFor(ctx: UserCtx, ev: EventDoc, userId: string): Promise<RegistrationDoc | null> {
  const reg = await joined<RegistrationDoc>(ctx, 'mine', () => findOne<RegistrationDoc>(ctx.db, 'registrations', { eventId: ev._id, userId }));
  // read with the caller: it is the person's registration only if it is of this event and this person
  return reg && reg.eventId === ev._id && reg.userId === userId ? reg : null;
}

/** What a registration that already exists answers (a repeated tap). */
async function answer(db: Db, reg: RegistrationDoc) {
  return reg.status === 'confirmed'
    ? { registrationId: reg._id, status: 'confirmed' as const }
    : { registrationId: reg._id, status: 'waitlisted' as const, position: await positionOf(db, reg) };
}

export const handlers: Handlers<EventContract> = {
  create: {
    async handle(ctx, input) {
      if (!ctx.compoundId) throw fail.forbidden('您还没有所属小区');
      const times = parseTimes(input);
      const problem = checkTimes(times, ctx.now, true);
      if (problem) throw fail.invalid(problem);
      const audience = await checkAudience(ctx, input.audience);
      const verdict = await checkText(ctx, `${input.title}\n${input.description}\n${input.place}`, 3);
      const doc: Omit<EventDoc, '_id'> = {
        compoundId: ctx.compoundId,
        title: input.title,
        description: input.description,
        ...times,
        place: input.place,
        capacity: input.capacity,
        audience,
        creditsHours: input.creditsHours,
        state: 'published',
        cancelReason: null,
        confirmedCount: 0,
        waitlistSeq: 0,
        waitlistCount: 0,
        organizerId: ctx.user._id,
        organizerName: ctx.user.displayName,
        moderation: verdict,
        checkinSecret: randomBytes(16).toString('hex'),
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      const eventId = await insertOne(ctx.db, 'events', doc);
      await audit(ctx, 'event.create', `events/${eventId}`, { title: input.title, capacity: input.capacity });
      return { eventId, heldForReview: verdict === 'review' };
    },
  },

  update: {
    async handle(ctx, input) {
      const ev = await loadEvent(ctx, input.eventId, true);
      requireOrganiser(ctx, ev);
      if (ev.state === 'cancelled') throw fail.conflict('活动已取消，不能再修改');
      const times = parseTimes(input, ev);
      const problem = checkTimes(times, ctx.now, false);
      if (problem) throw fail.invalid(problem);
      const patch: Partial<EventDoc> = { ...times, updatedAt: ctx.now };
      if (input.title !== undefined) patch.title = input.title;
      if (input.description !== undefined) patch.description = input.description;
      if (input.place !== undefined) patch.place = input.place;
      if (input.creditsHours !== undefined) patch.creditsHours = input.creditsHours;
      if (input.audience !== undefined) patch.audience = await checkAudience(ctx, input.audience);
      if (input.title !== undefined || input.description !== undefined || input.place !== undefined) {
        patch.moderation = await recheckText(ctx, ev.moderation, `${patch.title ?? ev.title}\n${patch.description ?? ev.description}\n${patch.place ?? ev.place}`, 3);
      }
      const where: Record<string, unknown> = { _id: ev._id, state: 'published' };
      if (input.capacity !== undefined && input.capacity !== ev.capacity) {
        const verdict = checkCapacityChange(input.capacity, ev.confirmedCount);
        if (!verdict.ok) throw fail.conflict(verdict.message);
        patch.capacity = input.capacity;
        // guarded: a registration that slipped in since we read the event must still fit
        if (!isUnlimited(input.capacity)) where.confirmedCount = ctx.db.command.lte(input.capacity);
      }
      if (!(await updateWhere(ctx.db, 'events', where, patch))) throw fail.conflict('报名人数刚刚变化，请刷新后再调整名额');
      await audit(ctx, 'event.update', `events/${ev._id}`, { fields: Object.keys(patch).filter((k) => k !== 'updatedAt') });
      const grew = patch.capacity !== undefined && (isUnlimited(patch.capacity) || patch.capacity > ev.capacity);
      const promoted = grew ? await promoteFromWaitlist(ctx, { ...ev, ...patch }, ctx.now) : 0;
      return { eventId: ev._id, promoted };
    },
  },

  cancelEvent: {
    async handle(ctx, input) {
      const ev = await loadEvent(ctx, input.eventId, true);
      requireOrganiser(ctx, ev);
      const changed = await updateWhere(ctx.db, 'events', { _id: ev._id, state: 'published' }, { state: 'cancelled', cancelReason: input.reason, updatedAt: ctx.now });
      if (!changed) throw fail.conflict('活动已经取消了');
      await audit(ctx, 'event.cancelEvent', `events/${ev._id}`, { reason: input.reason });
      // everyone registered hears about it; the registrations stay for the record
      let notified = 0;
      for (let skip = 0; skip < 10_000; skip += 100) {
        const regs = await findMany<RegistrationDoc>(ctx.db, 'registrations', { eventId: ev._id, status: ctx.db.command.neq('cancelled') }, { skip, limit: 100 });
        for (const r of regs) if (await tellRegistrant(ctx.messages, r, ev, `活动取消：${input.reason}`)) notified++;
        if (regs.length < 100) break;
      }
      return { eventId: ev._id, notified };
    },
  },

  list: {
    async handle(ctx, input) {
      const _ = ctx.db.command;
      const audience: Array<Record<string, unknown>> = [{ 'audience.kind': 'all' }];
      if (ctx.user.home) audience.push({ 'audience.kind': 'buildings', 'audience.buildingIds': ctx.user.home.buildingId });
      if (ctx.roles.includes('member')) audience.push({ 'audience.kind': 'members' });
      const organiser = ORGANISERS.some((r) => ctx.roles.includes(r));
      const when = input.when === 'upcoming' ? { endAt: _.gte(ctx.now) } : { endAt: _.lt(ctx.now) };
      // organisers see every event of the compound, including those held for review
      const where = organiser
        ? { compoundId: ctx.compoundId, ...when }
        : _.and([{ compoundId: ctx.compoundId, moderation: 'pass', ...when }, _.or(audience)]);
      const order: Array<[string, 'asc' | 'desc']> = input.when === 'upcoming' ? [['startAt', 'asc']] : [['startAt', 'desc']];
      const res = await pageOf<EventDoc>(ctx.db, 'events', where as unknown as Record<string, unknown>, order, input);
      return { items: res.items.map(summaryOf), nextCursor: res.nextCursor };
    },
  },

  get: {
    reads: (input) => eventReads(input.eventId),
    async handle(ctx, input): Promise<EventView> {
      const ev = await loadEvent(ctx, input.eventId);
      const reg = await mineFor(ctx, ev, ctx.user._id);
      const waitlistCount = ev.waitlistCount ?? (ev.waitlist ?? []).length;
      const position = reg?.status === 'waitlisted' ? await positionOf(ctx.db, reg) : null;
      return {
        eventId: ev._id,
        title: ev.title,
        description: ev.description,
        startAt: iso(ev.startAt),
        endAt: iso(ev.endAt),
        place: ev.place,
        capacity: ev.capacity,
        signupDeadline: iso(ev.signupDeadline),
        audience: { kind: ev.audience.kind, buildingIds: ev.audience.buildingIds ?? [] },
        creditsHours: ev.creditsHours,
        state: ev.state,
        confirmedCount: ev.confirmedCount,
        waitlistCount,
        placesLeft: placesLeft(ev.capacity, ev.confirmedCount),
        organizerName: ev.organizerName,
        heldForReview: ev.moderation === 'review',
        mine: reg ? { registrationId: reg._id, status: reg.status, position, checkedIn: !!reg.checkedInAt } : null,
        canManage: isOrganiser(ctx, ev),
        registrable: registrableBy(ctx, ev),
        cancellable: ev.state === 'published' && !!reg && reg.status !== 'cancelled' && ctx.now < ev.startAt,
        checkin:
          ev.state !== 'published' || reg?.status !== 'confirmed' || reg.checkedInAt
            ? 'none'
            : checkinOpen(ev, ctx.now)
              ? 'open'
              : ctx.now < ev.startAt
                ? 'not_yet'
                : 'over',
      };
    },
  },

  register: {
    reads: (input) => eventReads(input.eventId, input.onBehalfOf?.userId),
    async handle(ctx, input) {
      const ev = await loadEvent(ctx, input.eventId);
      // 代办: a grid worker or the branch registers a resident without a phone (consent noted, marked)
      const who = input.onBehalfOf ? await residentFor(ctx, input.onBehalfOf.userId, '报名') : ctx.user;
      const whoRoles = input.onBehalfOf ? who.roles : ctx.roles;
      if (!who.householdId && !whoRoles.includes('member')) throw fail.forbidden('请先认证房屋再报名');
      const check = (e: EventDoc) => {
        const verdict = canRegister(e, { roles: whoRoles, buildingId: who.home?.buildingId ?? null }, ctx.now);
        if (!verdict.ok) throw verdict.code === 'FORBIDDEN' ? fail.forbidden(verdict.message) : fail.conflict(verdict.message);
      };
      check(ev);
      // one registration per person: a repeated tap is answered from it without touching a seat
      const existing = await mineFor(ctx, ev, who._id);
      if (existing && existing.status !== 'cancelled') return answer(ctx.db, existing);
      const place = await takePlace(ctx, ev, check);
      const status = place.seat ? ('confirmed' as const) : ('waitlisted' as const);
      const queued = { status, queuedAt: place.seat ? ctx.now : place.at, waitlistNo: place.seat ? null : place.number };
      const result = (registrationId: string) =>
        place.seat ? { registrationId, status: 'confirmed' as const } : { registrationId, status: 'waitlisted' as const, position: place.position };
      if (existing) {
        // back after cancelling: the same registration, at the end of the queue (or in a free seat)
        const back = await updateWhere(ctx.db, 'registrations', { _id: existing._id, status: 'cancelled' }, { ...queued, updatedAt: ctx.now });
        if (back) return result(existing._id);
      } else {
        const doc: Omit<RegistrationDoc, '_id'> = {
          compoundId: ev.compoundId,
          eventId: ev._id,
          userId: who._id,
          openid: who.openid,
          name: who.displayName,
          phone: who.phone,
          home: who.home ? `${who.home.buildingName}${who.home.unit}单元${who.home.room}` : null,
          // the registrant's building, for the 台账 kept per building
          buildingId: who.home?.buildingId ?? null,
          ...queued,
          checkedInAt: null,
          remindedAt: null,
          notify: (who.subscriptions?.eventReminder ?? 0) > 0,
          ...(input.onBehalfOf ? { actedBy: { userId: ctx.user._id, name: ctx.user.displayName, consentNote: input.onBehalfOf.consentNote } } : {}),
          eventTitle: ev.title,
          eventStartAt: ev.startAt,
          eventPlace: ev.place,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        };
        try {
          const registrationId = await insertOne(ctx.db, 'registrations', doc);
          if (input.onBehalfOf) await markActing(ctx, who, ev, registrationId, input.onBehalfOf.consentNote);
          return result(registrationId);
        } catch (e) {
          if (!isDuplicateKey(e)) {
            await givePlaceBack(ctx, ev, place, ctx.now);
            throw e;
          }
        }
      }
      // two taps of one person at once: the other one's registration stands, this place goes back
      await givePlaceBack(ctx, ev, place, ctx.now);
      const current = await findOne<RegistrationDoc>(ctx.db, 'registrations', { eventId: ev._id, userId: who._id });
      if (!current || current.status === 'cancelled') throw fail.conflict('报名状态刚刚变化，请重试');
      return answer(ctx.db, current);
    },
  },

  cancel: {
    reads: (input) => eventReads(input.eventId),
    async handle(ctx, input) {
      const ev = await loadEvent(ctx, input.eventId);
      const reg = await mineFor(ctx, ev, ctx.user._id);
      if (!reg || reg.status === 'cancelled') return { registrationId: reg?._id ?? null, status: 'cancelled' as const };
      const changed = await updateWhere(ctx.db, 'registrations', { _id: reg._id, status: reg.status }, { status: 'cancelled', updatedAt: ctx.now });
      if (changed && reg.status === 'waitlisted') await leaveQueue(ctx.db, ev._id);
      if (changed && reg.status === 'confirmed') {
        // someone waiting (the event read with the caller says): the seat passes to the head of the
        // queue without going back to the counter first
        if (ev.state === 'published' && (ev.waitlistCount ?? 0) > 0 && (await handOver(ctx, ev, ctx.now))) return { registrationId: reg._id, status: 'cancelled' as const };
        // the seat goes back; if anyone is waiting after all (the answer says), the head takes it
        const after = await releaseSeat(ctx.db, ev._id);
        if (after && after.state === 'published' && (after.waitlistCount ?? 1) > 0) await promoteFromWaitlist(ctx, after, ctx.now, 1);
      }
      return { registrationId: reg._id, status: 'cancelled' as const };
    },
  },

  myRegistrations: {
    async handle(ctx, input) {
      const res = await pageOf<RegistrationDoc>(ctx.db, 'registrations', { userId: ctx.user._id }, [['eventStartAt', 'desc']], input);
      return {
        items: res.items.map((r) => ({
          registrationId: r._id,
          eventId: r.eventId,
          title: r.eventTitle,
          startAt: iso(r.eventStartAt),
          place: r.eventPlace,
          status: r.status,
          checkedIn: !!r.checkedInAt,
        })),
        nextCursor: res.nextCursor,
      };
    },
  },

  issueCheckinCode: {
    async handle(ctx, input) {
      const ev = await loadEvent(ctx, input.eventId);
      requireOrganiser(ctx, ev);
      if (ev.state === 'cancelled') throw fail.conflict('活动已取消');
      const window = checkinWindow(ctx.now);
      const code = checkinCode(ev.checkinSecret, ev._id, window);
      return { code, expiresAt: new Date((window + 1) * CHECKIN_WINDOW_MS).toISOString(), qrText: `linli-checkin:${ev._id}:${code}` };
    },
  },

  checkin: {
    async handle(ctx, input) {
      const ev = await loadEvent(ctx, input.eventId);
      if (ev.state === 'cancelled') throw fail.conflict('活动已取消');
      if (!checkinOpen(ev, ctx.now)) throw fail.conflict('不在签到时间内（活动开始前 30 分钟至结束后 30 分钟）');
      const window = checkinWindow(ctx.now);
      const valid = [window, window - 1].some((w) => checkinCode(ev.checkinSecret, ev._id, w) === input.code);
      if (!valid) throw fail.invalid('签到码不正确或已过期，请看现场最新的签到码');
      const reg = await findOne<RegistrationDoc>(ctx.db, 'registrations', { eventId: ev._id, userId: ctx.user._id });
      if (!reg || reg.status !== 'confirmed') throw fail.forbidden(reg?.status === 'waitlisted' ? '您还在候补中，不能签到' : '您没有报名这个活动');
      const hours = ev.creditsHours ? creditedHours(ev) : 0;
      if (reg.checkedInAt) return { checkedInAt: iso(reg.checkedInAt), creditedHours: hours };
      const first = await updateWhere(ctx.db, 'registrations', { _id: reg._id, checkedInAt: null }, { checkedInAt: ctx.now, updatedAt: ctx.now });
      if (first && ev.creditsHours) {
        // 志愿服务记录: one per person per event (a fixed _id), verified by the organiser's code
        const conflict = await ledgerClash(ctx.db, ctx.user._id, ev);
        const record = eventServiceRecord(ev, { userId: ctx.user._id, name: ctx.user.displayName }, ctx.now, conflict);
        try {
          await insertOne(ctx.db, 'service_records', record as unknown as Record<string, unknown>);
          await updateById(ctx.db, 'users', ctx.user._id, { serviceHours: ctx.db.command.inc(hours) });
        } catch (e) {
          if (!isDuplicateKey(e)) throw e;
        }
      }
      return { checkedInAt: iso(first ? ctx.now : reg.checkedInAt ?? ctx.now), creditedHours: hours };
    },
  },

  attendees: {
    async handle(ctx, input) {
      const ev = await loadEvent(ctx, input.eventId);
      requireOrganiser(ctx, ev);
      const order: Array<[string, 'asc' | 'desc']> = [['queuedAt', 'asc'], ['_id', 'asc']];
      const [confirmed, waitlisted] = await Promise.all([
        findMany<RegistrationDoc>(ctx.db, 'registrations', { eventId: ev._id, status: 'confirmed' }, { orderBy: order, limit: 1000 }),
        findMany<RegistrationDoc>(ctx.db, 'registrations', { eventId: ev._id, status: 'waitlisted' }, { orderBy: QUEUE_ORDER, limit: 1000 }),
      ]);
      const row = (r: RegistrationDoc, i: number, queue: boolean) => ({
        registrationId: r._id,
        name: r.name,
        phone: r.phone,
        home: r.home,
        registeredAt: iso(r.queuedAt),
        checkedIn: !!r.checkedInAt,
        position: queue ? i + 1 : null,
        ...(r.actedBy ? { actedBy: r.actedBy.name } : {}),
      });
      return { confirmed: confirmed.map((r, i) => row(r, i, false)), waitlisted: waitlisted.map((r, i) => row(r, i, true)) };
    },
  },

  export: {
    async handle(ctx, input) {
      const ev = await loadEvent(ctx, input.eventId);
      requireOrganiser(ctx, ev);
      const regs = await findMany<RegistrationDoc>(ctx.db, 'registrations', { eventId: ev._id }, { orderBy: [['queuedAt', 'asc'], ['_id', 'asc']], limit: 1000 });
      const status = { confirmed: '已报名', waitlisted: '候补', cancelled: '已取消' } as const;
      // organisers call people, so phones are whole; names are shown as registered
      const fullPhones = ctx.roles.includes('branch') || ctx.roles.includes('committee');
      const rows = [
        ['序号', '姓名', '手机', '住址', '状态', '报名时间', '签到时间', '代办'],
        ...regs.map((r, i) => {
          // someone who cancelled is no longer the organiser's to call
          const whole = fullPhones && r.status !== 'cancelled';
          return [
            String(i + 1),
            fullPhones ? r.name : maskName(r.name),
            (whole ? r.phone : maskPhone(r.phone)) ?? '',
            r.home ?? '',
            status[r.status],
            beijingSeconds(r.queuedAt),
            r.checkedInAt ? beijingSeconds(r.checkedInAt) : '',
            r.actedBy ? `${r.actedBy.name}代办` : '',
          ];
        }),
      ];
      await audit(ctx, 'event.export', `events/${ev._id}`, { rows: regs.length });
      return { filename: `${ev.title}-报名名单.csv`, csv: toCsv(rows), rows: regs.length };
    },
  },
};
