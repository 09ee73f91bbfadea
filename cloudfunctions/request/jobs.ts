// 你呼我应's scheduled jobs (run by the scheduler every 10 minutes). Idempotent: every write is guarded
// by the state, level and deadline it was decided on, and an escalation moves the deadline forward,
// so running a job twice (or two at once) escalates a request once.
import { AUTO_CLOSE_AFTER_MS, DEFAULT_SLA_HOURS, MAX_ESCALATION, OPEN_STATES, decide, dueAt, requestStats, type SlaHours } from '@core/request/rules';
import { findMany, getById, insertOne, updateWhere } from '../runtime/db';
import type { CompoundDoc, RequestDoc, TimelineDoc } from '../runtime/model';
import type { Job, JobCtx } from '../runtime/serve';
import { factsOf, tellReporter } from './handlers';
import { reconcile } from './reconcile';

const BATCH = 100;
const MAX_BATCHES = 10;

function systemStep(doc: RequestDoc, action: string, to: RequestDoc['state'], note: string, at: Date): TimelineDoc {
  return { at, action, actorId: null, actorName: '系统', actorRole: null, fromState: doc.state, toState: to, note, photos: [] };
}

const scopeOf = (ctx: JobCtx) => (ctx.scope ? { compoundId: ctx.scope } : {});

/** Overdue requests go up one level (grid → branch → officer), with a new deadline and a message. */
export const escalateOverdue: Job = async (ctx) => {
  const { db, now } = ctx;
  const _ = db.command;
  let escalated = 0;
  let notified = 0;
  const slaCache = new Map<string, SlaHours>();
  const sla = async (id: string) => {
    if (!slaCache.has(id)) slaCache.set(id, (await getById<CompoundDoc>(db, 'compounds', id))?.settings?.slaHours ?? DEFAULT_SLA_HOURS);
    return slaCache.get(id)!;
  };
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const overdue = await findMany<RequestDoc>(
      db,
      'requests',
      { ...scopeOf(ctx), state: _.in([...OPEN_STATES]), dueAt: _.lt(now), escalationLevel: _.lt(MAX_ESCALATION) },
      { orderBy: [['dueAt', 'asc']], limit: BATCH },
    );
    for (const doc of overdue) {
      if (!decide(factsOf(doc), 'escalate', 'system').ok) continue;
      const level = doc.escalationLevel + 1;
      const step = systemStep(doc, 'escalate', 'escalated', `超过办理期限，自动上报${level === 1 ? '小区党支部' : '社区/街道'}`, now);
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
          stats: _.set(requestStats({ ...doc, state: 'escalated', escalationLevel: level })),
          updatedAt: now,
          timeline: _.push([step]),
        },
      );
      if (!changed) continue;
      escalated++;
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
      if (await tellReporter(ctx.messages, { ...doc, state: 'escalated', escalationLevel: level }, '已上报', step.note, now)) notified++;
    }
    if (overdue.length < BATCH) break;
  }
  return { escalated, notified };
};

/** Resolved requests left unrated for 7 days close by themselves, counted as not rated. */
export const autoCloseUnrated: Job = async (ctx) => {
  const { db, now } = ctx;
  const _ = db.command;
  let autoClosed = 0;
  const staleBefore = new Date(now.getTime() - AUTO_CLOSE_AFTER_MS);
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const unrated = await findMany<RequestDoc>(db, 'requests', { ...scopeOf(ctx), state: 'resolved', resolvedAt: _.lt(staleBefore) }, { limit: BATCH });
    for (const doc of unrated) {
      const step = systemStep(doc, 'autoClose', 'closed', '7 天未评价，自动办结（记为未评价）', now);
      const changed = await updateWhere(
        db,
        'requests',
        { _id: doc._id, state: 'resolved' },
        { state: 'closed', closedAt: now, closedUnrated: true, stats: _.set(requestStats({ ...doc, state: 'closed' })), updatedAt: now, timeline: _.push([step]) },
      );
      if (changed) autoClosed++;
    }
    if (unrated.length < BATCH) break;
  }
  return { autoClosed };
};

export const jobs = { escalateOverdue, autoCloseUnrated, reconcile };
