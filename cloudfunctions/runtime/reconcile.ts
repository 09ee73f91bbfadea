// Reconciliation (issue 17): an action that writes more than one document can stop between its
// writes (a crash, a timeout, a failed request). Each domain's `reconcile` job recomputes the
// figures it keeps beside its documents (seat counters, read counts, totals) from the documents
// themselves, repairs what drifted with a guarded update and writes one audit row per repair. A
// second run finds nothing to repair.
import { auditJob } from './audit';
import type { JobCtx } from './serve';

/**
 * How long a job waits before it trusts a mismatch: an action in flight between its two writes
 * (seat taken, registration not yet inserted) is not drift, and will have finished by then.
 */
export const SETTLE_MS = Math.max(0, Number(process.env.LINLI_RECONCILE_SETTLE_MS ?? 1000) || 0);

export const settle = (ms = SETTLE_MS): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Counts the repairs of one run and audits each one. */
export class Repairs {
  count = 0;
  constructor(private readonly ctx: JobCtx) {}

  async record(compoundId: string | null, action: string, target: string, detail: Record<string, unknown>): Promise<void> {
    this.count++;
    await auditJob(this.ctx, compoundId, `reconcile.${action}`, target, detail);
  }
}
