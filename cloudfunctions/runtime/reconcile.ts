// Reconciliation (issue 17): an action that writes more than one document can stop between its
// writes (a crash, a timeout, a failed request). Each domain's `reconcile` job recomputes the
// figures it keeps beside its documents (seat counters, read counts, totals) from the documents
// themselves, repairs what drifted with a guarded update and writes one audit row per repair. A
// second run finds nothing to repair.
import { auditJob } from './audit';
import type { CollectionName } from './collections';
import type { JobCtx } from './serve';

/**
 * How long a job waits before it trusts a mismatch: an action in flight between its two writes
 * (seat taken, registration not yet inserted) is not drift, and will have finished by then.
 */
export const SETTLE_MS = Math.max(0, Number(process.env.LINLI_RECONCILE_SETTLE_MS ?? 1000) || 0);

export const settle = (ms = SETTLE_MS): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The compounds a run covers: the one it was scoped to, else every compound (at most 100). */
export async function compoundsInScope(ctx: JobCtx): Promise<string[]> {
  if (ctx.scope) return [ctx.scope];
  const res = (await ctx.db.collection('compounds').field({ _id: true }).limit(100).get()) as unknown as { data: Array<{ _id: string }> };
  return res.data.map((c) => c._id);
}

/** Counts the repairs of one run and audits each one. */
export class Repairs {
  count = 0;
  constructor(private readonly ctx: JobCtx) {}

  async record(compoundId: string | null, action: string, target: string, detail: Record<string, unknown>): Promise<void> {
    this.count++;
    await auditJob(this.ctx, compoundId, `reconcile.${action}`, target, detail);
  }
}

/** A counter kept on a document, and how to count what it counts. */
export interface CounterCheck {
  collection: CollectionName;
  docId: string;
  compoundId: string | null;
  field: string;
  /** The number the counter should hold, counted from the documents. */
  count: () => Promise<number>;
  /** The audit action (after `reconcile.`). */
  action: string;
}

async function readCounter(ctx: JobCtx, c: CounterCheck): Promise<number | null> {
  const res = (await ctx.db.collection(c.collection).doc(c.docId).field({ [c.field]: true }).get()) as unknown as { data: Record<string, unknown> | null };
  if (!res.data) return null;
  // a dotted field (articleComments.3) is read down its path; a missing counter counts as 0
  let v: unknown = res.data;
  for (const part of c.field.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return typeof v === 'number' ? v : 0;
}

/**
 * Counters recomputed from what they count: each mismatch is looked at again after the settle time
 * and repaired only if neither side moved meanwhile, by an update guarded on the value read.
 */
export async function reconcileCounters(ctx: JobCtx, repairs: Repairs, checks: readonly CounterCheck[]): Promise<void> {
  const suspects: Array<{ c: CounterCheck; value: number; actual: number }> = [];
  for (const c of checks) {
    const value = await readCounter(ctx, c);
    if (value === null) continue;
    const actual = await c.count();
    if (value !== actual) suspects.push({ c, value, actual });
  }
  if (!suspects.length) return;
  await settle();
  for (const { c, value, actual } of suspects) {
    if ((await readCounter(ctx, c)) !== value || (await c.count()) !== actual) continue; // still moving
    // guarded on the value read (0 also matches a counter never written)
    const guard = value === 0 ? ctx.db.command.in([0, null]) : value;
    const res = (await ctx.db.collection(c.collection).where({ _id: c.docId, [c.field]: guard }).update({ data: { [c.field]: actual } })) as unknown as { stats: { updated: number } };
    if (res.stats.updated) await repairs.record(c.compoundId, c.action, `${c.collection}/${c.docId}`, { field: c.field, from: value, to: actual });
  }
}
