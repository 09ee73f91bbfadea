// The timer (every 10 minutes) and the branch's "run now": each domain that registers jobs runs them
// in its own function (cloud.callFunction), so no function carries another's code. A run by hand
// carries the branch member's identity, and each domain then limits its jobs to their compound.
import type { SchedulerContract } from '@core/scheduler/contract';
import { JOB_FUNCTIONS } from '@core/domains';
import { cloud } from '../runtime/cloud';
import { fail } from '@core/errors';
import type { Envelope } from '@core/errors';
import type { Handlers, ServeOptions } from '../runtime/serve';

type Counts = Record<string, number>;

export async function runDomainJobs(): Promise<{ escalated: number; autoClosed: number; notified: number; reminded: number; announced: number; repaired: number }> {
  const totals: Counts = {};
  const replies = await Promise.all(
    JOB_FUNCTIONS.map(async (name) => {
      const res = (await cloud.callFunction({ name, data: { $job: 'all' } })) as unknown as { result: Envelope<Counts> };
      return { name, reply: res.result };
    }),
  );
  for (const { name, reply } of replies) {
    if (!reply?.ok) throw reply && reply.code === 'FORBIDDEN' ? fail.forbidden() : new Error(`jobs of ${name} failed: ${reply?.ok === false ? reply.code : 'no reply'}`);
    for (const [k, v] of Object.entries(reply.data)) totals[k] = (totals[k] ?? 0) + v;
  }
  return { escalated: totals.escalated ?? 0, autoClosed: totals.autoClosed ?? 0, notified: totals.notified ?? 0, reminded: totals.reminded ?? 0, announced: totals.announced ?? 0, repaired: totals.repaired ?? 0 };
}

export const handlers: Handlers<SchedulerContract> = {
  run: { handle: () => runDomainJobs() },
};

export const onTimer: NonNullable<ServeOptions['onTimer']> = () => runDomainJobs();
