// One sweep of the compound's deadlines. Idempotent: every write is guarded by the state, level
// and deadline it was decided on, and an escalation moves the deadline forward, so running the
// sweep twice (or two sweeps at once) escalates a request once.
import type { Db } from '../runtime/cloud';
import { findMany, getById, insertOne, updateWhere } from '../runtime/db';
import { AUTO_CLOSE_AFTER_MS, DEFAULT_SLA_HOURS, MAX_ESCALATION, OPEN_STATES, decide, dueAt, requestStats, type SlaHours } from '@core/request/rules';
import { REMIND_BEFORE_MS } from '@core/event/rules';
import type { CompoundDoc, EventDoc, NoticeDoc, RegistrationDoc, RequestDoc, TimelineDoc } from '../runtime/model';
import { tellRegistrant } from '../event/handlers';
import { announceImportant } from '../notice/handlers';
import { factsOf, tellReporter } from '../request/handlers';

const BATCH = 100;
const MAX_BATCHES = 10;

export interface SweepResult {
  escalated: number;
  autoClosed: number;
  notified: number;
  reminded: number;
  announced: number;
}

function systemStep(doc: RequestDoc, action: string, to: RequestDoc['state'], note: string, at: Date): TimelineDoc {
  return { at, action, actorId: null, actorName: '系统', actorRole: null, fromState: doc.state, toState: to, note, photos: [] };
}

export async function sweep(db: Db, now: Date, compoundId: string | null = null): Promise<SweepResult> {
  const _ = db.command;
  const result: SweepResult = { escalated: 0, autoClosed: 0, notified: 0, reminded: 0, announced: 0 };
  const slaCache = new Map<string, SlaHours>();
  const sla = async (id: string) => {
    if (!slaCache.has(id)) slaCache.set(id, (await getById<CompoundDoc>(db, 'compounds', id))?.settings?.slaHours ?? DEFAULT_SLA_HOURS);
    return slaCache.get(id)!;
  };
  const scope = compoundId ? { compoundId } : {};

  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const overdue = await findMany<RequestDoc>(
      db,
      'requests',
      { ...scope, state: _.in([...OPEN_STATES]), dueAt: _.lt(now), escalationLevel: _.lt(MAX_ESCALATION) },
      { orderBy: [['dueAt', 'asc']], limit: BATCH },
    );
    for (const doc of overdue) {
      const verdict = decide(factsOf(doc), 'escalate', 'system');
      if (!verdict.ok) continue;
      const level = doc.escalationLevel + 1;
      const step = systemStep(doc, 'escalate', 'escalated', `超过办理期限，自动上报${level === 1 ? '小区党支部' : '社区/街道'}`, now);
      const stats = requestStats({ ...doc, state: 'escalated', escalationLevel: level });
      const changed = await updateWhere(
        db,
        'requests',
        { _id: doc._id, state: doc.state, escalationLevel: doc.escalationLevel, dueAt: doc.dueAt },
        {
          state: 'escalated',
          escalationLevel: level,
          assigneeId: null,
          assigneeName: null,
          dueAt: dueAt(now, doc.urgency, await sla(doc.compoundId)),
          stats: _.set(stats),
          updatedAt: now,
          timeline: _.push([step]),
        },
      );
      if (!changed) continue;
      result.escalated++;
      await insertOne(db, 'audit_logs', {
        compoundId: doc.compoundId,
        actorId: null,
        actorRoles: [],
        action: 'request.escalate',
        target: `requests/${doc._id}`,
        detail: { from: doc.state, to: 'escalated', level, reason: 'overdue' },
        createdAt: now,
        updatedAt: now,
      });
      if (await tellReporter(db, { ...doc, state: 'escalated', escalationLevel: level }, '已上报', step.note, now)) result.notified++;
    }
    if (overdue.length < BATCH) break;
  }

  const staleBefore = new Date(now.getTime() - AUTO_CLOSE_AFTER_MS);
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const unrated = await findMany<RequestDoc>(db, 'requests', { ...scope, state: 'resolved', resolvedAt: _.lt(staleBefore) }, { limit: BATCH });
    for (const doc of unrated) {
      const step = systemStep(doc, 'autoClose', 'closed', '7 天未评价，自动办结（记为未评价）', now);
      const changed = await updateWhere(
        db,
        'requests',
        { _id: doc._id, state: 'resolved' },
        { state: 'closed', closedAt: now, closedUnrated: true, stats: _.set(requestStats({ ...doc, state: 'closed' })), updatedAt: now, timeline: _.push([step]) },
      );
      if (changed) result.autoClosed++;
    }
    if (unrated.length < BATCH) break;
  }
  result.reminded = await remindEvents(db, now, scope);
  // scheduled important notices: announce once they are due
  const due = await findMany<NoticeDoc>(db, 'notices', { ...scope, important: true, notifiedAt: null, state: 'published', publishAt: _.lte(now) }, { limit: BATCH });
  for (const n of due) result.announced += await announceImportant(db, n, now);
  return result;
}

/** 活动提醒: a message shortly before the start to confirmed registrants who asked, once each. */
async function remindEvents(db: Db, now: Date, scope: Record<string, unknown>): Promise<number> {
  const _ = db.command;
  const soon = await findMany<EventDoc>(
    db,
    'events',
    { ...scope, state: 'published', startAt: _.and(_.gt(now), _.lte(new Date(now.getTime() + REMIND_BEFORE_MS))) },
    { limit: BATCH },
  );
  let reminded = 0;
  for (const ev of soon) {
    const regs = await findMany<RegistrationDoc>(db, 'registrations', { eventId: ev._id, status: 'confirmed', remindedAt: null, notify: true }, { limit: 1000 });
    for (const reg of regs) {
      // claim the reminder first: two sweeps at once remind a person once
      if (!(await updateWhere(db, 'registrations', { _id: reg._id, remindedAt: null }, { remindedAt: now }))) continue;
      const sent = await tellRegistrant(db, reg, ev, '活动即将开始，请准时参加');
      if (sent) reminded++;
    }
  }
  return reminded;
}
