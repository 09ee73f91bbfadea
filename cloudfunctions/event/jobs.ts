// 活动报名's scheduled jobs (run by the scheduler every 10 minutes).
import { REMIND_BEFORE_MS } from '@core/event/rules';
import { findMany, updateWhere } from '../runtime/db';
import type { EventDoc, RegistrationDoc } from '../runtime/model';
import type { Job } from '../runtime/serve';
import { tellRegistrant } from './handlers';
import { reconcile } from './reconcile';

/** 活动提醒: a message shortly before the start to confirmed registrants who asked, once each. */
export const remindRegistrants: Job = async (ctx) => {
  const { db, now } = ctx;
  const _ = db.command;
  const soon = await findMany<EventDoc>(
    db,
    'events',
    { ...(ctx.scope ? { compoundId: ctx.scope } : {}), state: 'published', startAt: _.and(_.gt(now), _.lte(new Date(now.getTime() + REMIND_BEFORE_MS))) },
    { limit: 100 },
  );
  let reminded = 0;
  for (const ev of soon) {
    const regs = await findMany<RegistrationDoc>(db, 'registrations', { eventId: ev._id, status: 'confirmed', remindedAt: null }, { limit: 1000 });
    for (const reg of regs) {
      // claim the reminder first: two sweeps at once remind a person once
      if (!(await updateWhere(db, 'registrations', { _id: reg._id, remindedAt: null }, { remindedAt: now }))) continue;
      if (await tellRegistrant(ctx.messages, reg, ev, '活动即将开始，请准时参加')) reminded++;
    }
  }
  return { reminded };
};

export const jobs = { remindRegistrants, reconcile };
