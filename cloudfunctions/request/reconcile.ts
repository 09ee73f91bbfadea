// 你呼我应's reconciliation (issue 17). Each request keeps the figures the 三率 are summed from
// (stats.*), written whole with every transition; this job recomputes them from the request's own
// fields and repairs any that disagree (a transition written by older code, a hand edit), one audit
// row each. Guarded on updatedAt: a transition meanwhile wins, and the next run looks again.
import { requestStats } from '@core/request/rules';
import { findAll, updateWhere } from '../runtime/db';
import type { RequestDoc } from '../runtime/model';
import { compoundsInScope, Repairs } from '../runtime/reconcile';
import type { Job } from '../runtime/serve';

const FIELDS = ['counted', 'responded', 'respondedOnTime', 'respondMs', 'resolved', 'resolveMs', 'rated', 'satisfied', 'open', 'escalatedOpen'] as const;

export const reconcile: Job = async (ctx) => {
  const { db } = ctx;
  const compounds = await compoundsInScope(ctx);
  const repairs = new Repairs(ctx);
  for (const compoundId of compounds) {
    const requests = await findAll<RequestDoc>(db, 'requests', { compoundId }, [['state', 'asc'], ['dueAt', 'asc']], 20_000);
    for (const r of requests) {
      const want = requestStats(r);
      const have = (r.stats ?? {}) as Partial<Record<(typeof FIELDS)[number], number>>;
      const wrong = FIELDS.filter((f) => have[f] !== want[f]);
      if (!wrong.length) continue;
      if (await updateWhere(db, 'requests', { _id: r._id, updatedAt: r.updatedAt }, { stats: db.command.set(want) })) {
        await repairs.record(compoundId, 'request.stats', `requests/${r._id}`, { fields: wrong });
      }
    }
  }
  return { repaired: repairs.count };
};
