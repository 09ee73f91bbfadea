// 通知公告's scheduled jobs (run by the scheduler every 10 minutes).
import { findMany } from '../runtime/db';
import type { NoticeDoc } from '../runtime/model';
import type { Job } from '../runtime/serve';
import { announceImportant } from './handlers';
import { reconcile } from './reconcile';

/** Important notices scheduled for later are announced once they are due. */
export const announceDue: Job = async (ctx) => {
  const { db, now } = ctx;
  const _ = db.command;
  const due = await findMany<NoticeDoc>(
    db,
    'notices',
    { ...(ctx.scope ? { compoundId: ctx.scope } : {}), important: true, notifiedAt: null, state: 'published', publishAt: _.lte(now) },
    { limit: 100 },
  );
  let announced = 0;
  for (const n of due) announced += await announceImportant(ctx, n, now);
  return { announced };
};

export const jobs = { announceDue, reconcile };
