// 公约与表决's scheduled job: a vote closes at its end — counted, kept and posted without anyone's tap.
import { findMany, getById } from '../runtime/db';
import type { ConventionDoc } from '../runtime/model';
import type { Job } from '../runtime/serve';
import { reconcile } from './reconcile';
import { closeConvention } from './voting';

export const closeDueVotes: Job = async (ctx) => {
  const { db, now } = ctx;
  const due = await findMany<ConventionDoc>(db, 'conventions', { ...(ctx.scope ? { compoundId: ctx.scope } : {}), phase: 'voting', 'vote.endsAt': db.command.lte(now) }, { limit: 20 });
  let closed = 0;
  // votes that could not be counted (their register no longer matches the electorate): left open, said so
  let stuck = 0;
  for (const c of due) {
    try {
      await closeConvention(db, c, now, null, async (action, target, detail) => {
        await db.collection('audit_logs').add({ data: { compoundId: c.compoundId, actorId: null, actorRoles: [], action, target, detail, createdAt: now, updatedAt: now } });
      });
      closed++;
    } catch (e) {
      if ((e as { code?: string }).code !== 'CONFLICT') throw e;
      // closed by a drafter at the same moment: nothing left to do; still voting: the count refused
      const now = await getById<ConventionDoc>(db, 'conventions', c._id);
      if (now?.phase === 'voting') {
        stuck++;
        console.warn(`[convention] vote ${c._id} not closed: ${(e as Error).message}`);
      }
    }
  }
  return { closed, stuck };
};

export const jobs = { closeDueVotes, reconcile };
