// 活动报名's reconciliation (issue 17). Registering takes a seat on the event's counter and then
// inserts the registration (and, for a waitlisted one, appends to the queue); cancelling frees the
// registration, then the seat, then promotes from the queue. A crash between those writes leaves the
// counter, the queue or both out of step with the registrations. This job recomputes them from the
// registrations and repairs what drifted, one audit row per repair.
import { isUnlimited } from '@core/event/rules';
import { countWhere, findAll, getById, insertOne, isDuplicateKey, updateWhere } from '../runtime/db';
import type { EventDoc, RegistrationDoc, ServiceRecordDoc } from '../runtime/model';
import { reconcileCounters, Repairs, settle, type CounterCheck } from '../runtime/reconcile';
import type { Job, JobCtx } from '../runtime/serve';
import { eventServiceRecord, promoteFromWaitlist } from './handlers';

type Queued = Pick<RegistrationDoc, '_id' | 'userId' | 'queuedAt'>;

/**
 * The waitlist's order: who queued first, then _id. The one place the job orders the queue (a
 * sequence number taken with the seat decision is to replace queuedAt here).
 */
export function waitlistOrder(a: Queued, b: Queued): number {
  const d = new Date(a.queuedAt).getTime() - new Date(b.queuedAt).getTime();
  if (d) return d;
  return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
}

/** Events whose seats still matter: published, starting no more than a week ago. */
const LOOKBACK_MS = 7 * 24 * 3_600_000;
const ORDER: Array<[string, 'asc' | 'desc']> = [['queuedAt', 'asc'], ['_id', 'asc']];

interface Observed {
  ev: EventDoc;
  confirmed: number;
  /** The waitlisted registrations' people, in waitlist order. */
  queue: string[];
}

async function observe(ctx: JobCtx, eventId: string): Promise<Observed | null> {
  const ev = await getById<EventDoc>(ctx.db, 'events', eventId);
  if (!ev) return null;
  const confirmed = await countWhere(ctx.db, 'registrations', { eventId, status: 'confirmed' });
  const waiting = await findAll<RegistrationDoc>(ctx.db, 'registrations', { eventId, status: 'waitlisted' }, ORDER, 5000);
  return { ev, confirmed, queue: waiting.sort(waitlistOrder).map((r) => r.userId) };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function freeSeats(o: Observed): number {
  if (isUnlimited(o.ev.capacity)) return o.queue.length;
  return Math.max(0, o.ev.capacity - o.confirmed);
}

function drift(o: Observed, now: Date): string[] {
  const found: string[] = [];
  if (!isUnlimited(o.ev.capacity) && o.confirmed > o.ev.capacity) found.push('overbooked');
  if ((o.ev.confirmedCount ?? 0) !== o.confirmed) found.push('seats');
  if (!sameList(o.ev.waitlist ?? [], o.queue)) found.push('waitlist');
  if (o.ev.state === 'published' && o.ev.startAt > now && o.queue.length && freeSeats(o) > 0) found.push('promote');
  return found;
}

/** A fingerprint of what was observed: a mismatch is trusted only if nothing moved while we waited. */
const fingerprint = (o: Observed) => JSON.stringify([o.ev.confirmedCount, o.ev.capacity, o.ev.state, o.ev.waitlist ?? [], o.confirmed, o.queue]);

async function repairEvent(ctx: JobCtx, first: Observed, repairs: Repairs): Promise<void> {
  const { db, now } = ctx;
  let o = await observe(ctx, first.ev._id);
  if (!o || fingerprint(o) !== fingerprint(first)) return; // still moving: the next run looks again
  const ev = o.ev;
  const target = `events/${ev._id}`;

  // 1. nobody confirmed beyond capacity: the last to be confirmed go back to the head of the queue
  if (!isUnlimited(ev.capacity) && o.confirmed > ev.capacity) {
    const confirmed = (await findAll<RegistrationDoc>(db, 'registrations', { eventId: ev._id, status: 'confirmed' }, ORDER, 5000)).sort(waitlistOrder);
    for (const r of confirmed.slice(ev.capacity).reverse()) {
      if (await updateWhere(db, 'registrations', { _id: r._id, status: 'confirmed' }, { status: 'waitlisted', updatedAt: now })) {
        await repairs.record(ev.compoundId, 'event.overbooked', `registrations/${r._id}`, { eventId: ev._id, capacity: ev.capacity });
      }
    }
    o = await observe(ctx, ev._id);
    if (!o) return;
  }

  // 2. the seat counter is the number of confirmed registrations (guarded: a seat taken meanwhile wins)
  if ((o.ev.confirmedCount ?? 0) !== o.confirmed) {
    const fixed = await updateWhere(db, 'events', { _id: ev._id, confirmedCount: o.ev.confirmedCount }, { confirmedCount: o.confirmed });
    if (!fixed) return;
    await repairs.record(ev.compoundId, 'event.seats', target, { from: o.ev.confirmedCount, to: o.confirmed });
    o.ev.confirmedCount = o.confirmed;
  }

  // 3. the queue holds exactly the waitlisted people, in waitlist order
  if (!sameList(o.ev.waitlist ?? [], o.queue)) {
    const before = o.ev.waitlist ?? [];
    await updateWhere(db, 'events', { _id: ev._id }, { waitlist: db.command.set(o.queue) });
    const missing = o.queue.filter((u) => !before.includes(u)).length;
    const stale = before.filter((u) => !o!.queue.includes(u)).length;
    await repairs.record(ev.compoundId, 'event.waitlist', target, { missing, stale, reordered: !missing && !stale, length: o.queue.length });
    o.ev.waitlist = o.queue;
  }

  // 4. seats freed by a crash (or by the repairs above) go to the queue, in order
  if (o.ev.state === 'published' && o.ev.startAt > now && o.queue.length && freeSeats(o) > 0) {
    const promoted = await promoteFromWaitlist(ctx, o.ev, now);
    if (promoted) await repairs.record(ev.compoundId, 'event.promote', target, { promoted });
  }
}

/**
 * A check-in marks the registration, then writes the service record it earns: a stop between them
 * leaves a check-in without its record (and its hours). The record is written now, once (fixed _id).
 */
async function missingServiceRecords(ctx: JobCtx, events: EventDoc[], repairs: Repairs): Promise<void> {
  const { db } = ctx;
  const missing: Array<[EventDoc, RegistrationDoc]> = [];
  for (const ev of events.filter((e) => e.creditsHours)) {
    const checked = await findAll<RegistrationDoc>(db, 'registrations', { eventId: ev._id, status: 'confirmed', checkedInAt: db.command.neq(null) }, ORDER, 5000);
    if (!checked.length) continue;
    const records = await findAll<ServiceRecordDoc>(db, 'service_records', { compoundId: ev.compoundId, startAt: ev.startAt }, [['startAt', 'desc']], 5000);
    const have = new Set(records.filter((r) => r.source === 'event' && r.refId === ev._id).map((r) => r.userId));
    for (const reg of checked) if (!have.has(reg.userId)) missing.push([ev, reg]);
  }
  if (!missing.length) return;
  await settle(); // a check-in in flight writes its own record meanwhile
  for (const [ev, reg] of missing) {
    const record = eventServiceRecord(ev, { userId: reg.userId, name: reg.name }, reg.checkedInAt ?? ctx.now);
    if (await getById(db, 'service_records', record._id)) continue;
    try {
      await insertOne(db, 'service_records', record as unknown as Record<string, unknown>);
    } catch (e) {
      if (isDuplicateKey(e)) continue;
      throw e;
    }
    await repairs.record(ev.compoundId, 'event.serviceRecord', `service_records/${record._id}`, { eventId: ev._id, userId: reg.userId, hours: record.hours });
  }
}

/** Check-ins whose credited hours are checked: in the last two weeks. */
const HOURS_LOOKBACK_MS = 14 * 24 * 3_600_000;

/**
 * A check-in inserts the person's service record, then adds its hours to users.serviceHours: the
 * total is the sum of the hours of their event records (the only writer of that field).
 */
async function serviceHoursChecks(ctx: JobCtx): Promise<CounterCheck[]> {
  const { db, now } = ctx;
  const compounds = ctx.scope
    ? [ctx.scope]
    : ((await db.collection('compounds').field({ _id: true }).limit(100).get()) as unknown as { data: Array<{ _id: string }> }).data.map((c) => c._id);
  const checks: CounterCheck[] = [];
  for (const compoundId of compounds) {
    const recent = await findAll<ServiceRecordDoc>(
      db,
      'service_records',
      { compoundId, startAt: db.command.gte(new Date(now.getTime() - HOURS_LOOKBACK_MS)) },
      [['startAt', 'desc']],
      5000,
    );
    const people = [...new Set(recent.filter((r) => r.source === 'event').map((r) => r.userId))];
    for (const userId of people) {
      checks.push({
        collection: 'users',
        docId: userId,
        compoundId,
        field: 'serviceHours',
        action: 'event.serviceHours',
        count: async () => {
          const mine = await findAll<ServiceRecordDoc>(db, 'service_records', { userId }, [['startAt', 'desc']], 5000);
          return Math.round(mine.filter((r) => r.source === 'event').reduce((sum, r) => sum + (r.hours ?? 0), 0) * 1e6) / 1e6;
        },
      });
    }
  }
  return checks;
}

/** 对账: seat counters and queues recomputed from the registrations, credited hours from the records. */
export const reconcile: Job = async (ctx) => {
  const { db, now } = ctx;
  const where = { ...(ctx.scope ? { compoundId: ctx.scope } : {}), state: 'published', startAt: db.command.gt(new Date(now.getTime() - LOOKBACK_MS)) };
  const events = await findAll<EventDoc>(db, 'events', where, [['startAt', 'asc']], 1000);
  const repairs = new Repairs(ctx);
  const suspects: Observed[] = [];
  for (const ev of events) {
    const o = await observe(ctx, ev._id);
    if (o && drift(o, now).length) suspects.push(o);
  }
  if (suspects.length) await settle();
  for (const o of suspects) await repairEvent(ctx, o, repairs);
  // the records first: the hours are then summed from them
  await missingServiceRecords(ctx, events, repairs);
  await reconcileCounters(ctx, repairs, await serviceHoursChecks(ctx));
  return { repaired: repairs.count };
};
