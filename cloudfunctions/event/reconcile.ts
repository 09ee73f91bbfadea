// 活动报名's reconciliation (issue 17). Registering takes a seat (or a waitlist number and a place on
// the waiting count) on the event, then inserts the registration; cancelling frees the registration,
// then hands the seat to the head of the queue or gives it back. A crash between those writes leaves
// the seat counter or the waiting count out of step with the registrations. This job recomputes them
// from the registrations, puts anyone confirmed beyond capacity back at the head of the queue, gives
// free seats to the queue, and writes one audit row per repair.
import { isUnlimited } from '@core/event/rules';
import { countWhere, findAll, getById, insertOne, isDuplicateKey, updateWhere } from '../runtime/db';
import type { EventDoc, RegistrationDoc, ServiceRecordDoc } from '../runtime/model';
import { ledgerClash } from '../runtime/ledger';
import { compoundsInScope, type CounterCheck, reconcileCounters, Repairs, settle } from '../runtime/reconcile';
import type { Job, JobCtx } from '../runtime/serve';
import { eventServiceRecord, promoteFromWaitlist } from './handlers';

type Queued = Pick<RegistrationDoc, '_id' | 'queuedAt' | 'waitlistNo'>;

/**
 * The waitlist's order, as the handlers' QUEUE_ORDER reads it: the number taken from the event's
 * sequence (none first: those put back at the head, and registrations from before the sequence), then
 * arrival, then _id. The one place this job orders the queue.
 */
export function waitlistOrder(a: Queued, b: Queued): number {
  const na = typeof a.waitlistNo === 'number' ? a.waitlistNo : -Infinity;
  const nb = typeof b.waitlistNo === 'number' ? b.waitlistNo : -Infinity;
  if (na !== nb) return na < nb ? -1 : 1;
  const d = new Date(a.queuedAt).getTime() - new Date(b.queuedAt).getTime();
  if (d) return d;
  return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
}

/** Events whose seats still matter: published, starting no more than a week ago. */
const LOOKBACK_MS = 7 * 24 * 3_600_000;
const ORDER: Array<[string, 'asc' | 'desc']> = [['waitlistNo', 'asc'], ['queuedAt', 'asc'], ['_id', 'asc']];

interface Observed {
  ev: EventDoc;
  confirmed: number;
  /** The waitlisted registrations, in waitlist order. */
  waiting: RegistrationDoc[];
}

async function observe(ctx: JobCtx, eventId: string): Promise<Observed | null> {
  const ev = await getById<EventDoc>(ctx.db, 'events', eventId);
  if (!ev) return null;
  const confirmed = await countWhere(ctx.db, 'registrations', { eventId, status: 'confirmed' });
  const waiting = await findAll<RegistrationDoc>(ctx.db, 'registrations', { eventId, status: 'waitlisted' }, ORDER, 5000);
  return { ev, confirmed, waiting: waiting.sort(waitlistOrder) };
}

const maxNumber = (o: Observed) => o.waiting.reduce((m, r) => (typeof r.waitlistNo === 'number' && r.waitlistNo > m ? r.waitlistNo : m), 0);

function freeSeats(o: Observed): number {
  if (isUnlimited(o.ev.capacity)) return o.waiting.length;
  return Math.max(0, o.ev.capacity - o.confirmed);
}

function drift(o: Observed, now: Date): string[] {
  const found: string[] = [];
  if (!isUnlimited(o.ev.capacity) && o.confirmed > o.ev.capacity) found.push('overbooked');
  if ((o.ev.confirmedCount ?? 0) !== o.confirmed) found.push('seats');
  if ((o.ev.waitlistCount ?? 0) !== o.waiting.length) found.push('waiting');
  if ((o.ev.waitlistSeq ?? 0) < maxNumber(o)) found.push('sequence');
  if (o.ev.state === 'published' && o.ev.startAt > now && o.waiting.length && freeSeats(o) > 0) found.push('promote');
  return found;
}

/** A fingerprint of what was observed: a mismatch is trusted only if nothing moved while we waited. */
const fingerprint = (o: Observed) =>
  JSON.stringify([o.ev.confirmedCount, o.ev.waitlistCount, o.ev.waitlistSeq, o.ev.capacity, o.ev.state, o.confirmed, o.waiting.map((r) => r._id)]);

async function repairEvent(ctx: JobCtx, first: Observed, repairs: Repairs): Promise<void> {
  const { db, now } = ctx;
  let o = await observe(ctx, first.ev._id);
  if (!o || fingerprint(o) !== fingerprint(first)) return; // still moving: the next run looks again
  const ev = o.ev;
  const target = `events/${ev._id}`;

  // 1. nobody confirmed beyond capacity: the last to be confirmed go back to the head of the queue
  if (!isUnlimited(ev.capacity) && o.confirmed > ev.capacity) {
    const confirmed = await findAll<RegistrationDoc>(db, 'registrations', { eventId: ev._id, status: 'confirmed' }, [['queuedAt', 'asc'], ['_id', 'asc']], 5000);
    for (const r of confirmed.slice(ev.capacity).reverse()) {
      if (await updateWhere(db, 'registrations', { _id: r._id, status: 'confirmed' }, { status: 'waitlisted', waitlistNo: null, updatedAt: now })) {
        await repairs.record(ev.compoundId, 'event.overbooked', `registrations/${r._id}`, { eventId: ev._id, capacity: ev.capacity });
      }
    }
    o = await observe(ctx, ev._id);
    if (!o) return;
  }

  // 2. the counters are the registrations counted (guarded on the values read: a change meanwhile wins)
  const counters: Array<['confirmedCount' | 'waitlistCount', number]> = [
    ['confirmedCount', o.confirmed],
    ['waitlistCount', o.waiting.length],
  ];
  for (const [field, actual] of counters) {
    const value = o.ev[field];
    if ((value ?? 0) === actual) continue;
    if (!(await updateWhere(db, 'events', { _id: ev._id, [field]: value ?? null }, { [field]: actual }))) return;
    await repairs.record(ev.compoundId, `event.${field}`, target, { from: value ?? null, to: actual });
    o.ev[field] = actual;
  }

  // 3. the sequence never hands out a number already held
  const top = maxNumber(o);
  if ((o.ev.waitlistSeq ?? 0) < top) {
    if (await updateWhere(db, 'events', { _id: ev._id, waitlistSeq: o.ev.waitlistSeq ?? null }, { waitlistSeq: top })) {
      await repairs.record(ev.compoundId, 'event.waitlistSeq', target, { from: o.ev.waitlistSeq ?? null, to: top });
      o.ev.waitlistSeq = top;
    }
  }

  // 4. seats freed by a crash (or by the repairs above) go to the queue, in order
  if (o.ev.state === 'published' && o.ev.startAt > now && o.waiting.length && freeSeats(o) > 0) {
    const promoted = await promoteFromWaitlist(ctx, o.ev, now, freeSeats(o));
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
    const record = eventServiceRecord(ev, { userId: reg.userId, name: reg.name }, reg.checkedInAt ?? ctx.now, await ledgerClash(db, reg.userId, ev));
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
  const compounds = await compoundsInScope(ctx);
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
