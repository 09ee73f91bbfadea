// 通知公告's reconciliation (issue 17). A first read inserts the person's read, then counts it on the
// notice, then records the household's read; a crash between those writes leaves the count short or
// the household unread. This job recomputes both from the person reads and repairs what drifted.
import { countWhere, findMany, isDuplicateKey } from '../runtime/db';
import type { HouseholdDoc, NoticeDoc } from '../runtime/model';
import { compoundsInScope, Repairs, settle } from '../runtime/reconcile';
import type { Job, JobCtx } from '../runtime/serve';

/** Notices whose read figures still move: published in the last 90 days. */
const LOOKBACK_MS = 90 * 24 * 3_600_000;
const PAGE = 1000;

async function householdsOfReads(ctx: JobCtx, noticeId: string): Promise<Set<string>> {
  const out = new Set<string>();
  for (let skip = 0; skip < 50_000; skip += PAGE) {
    const res = (await ctx.db.collection('notice_reads').where({ noticeId, householdId: ctx.db.command.neq(null) }).field({ householdId: true }).skip(skip).limit(PAGE).get()) as unknown as {
      data: Array<{ householdId: string | null }>;
    };
    for (const r of res.data) if (r.householdId) out.add(r.householdId);
    if (res.data.length < PAGE) break;
  }
  return out;
}

async function householdReads(ctx: JobCtx, noticeId: string): Promise<Set<string>> {
  const out = new Set<string>();
  for (let skip = 0; skip < 50_000; skip += PAGE) {
    const res = (await ctx.db.collection('notice_household_reads').where({ noticeId }).field({ householdId: true }).skip(skip).limit(PAGE).get()) as unknown as {
      data: Array<{ householdId: string }>;
    };
    for (const r of res.data) out.add(r.householdId);
    if (res.data.length < PAGE) break;
  }
  return out;
}

interface Observed {
  readCount: number;
  people: number;
  /** Households with a person read but no household read. */
  unread: string[];
}

async function observe(ctx: JobCtx, n: Pick<NoticeDoc, '_id'>): Promise<Observed | null> {
  const res = (await ctx.db.collection('notices').doc(n._id).field({ readCount: true }).get()) as unknown as { data: { readCount?: number } | null };
  if (!res.data) return null;
  const people = await countWhere(ctx.db, 'notice_reads', { noticeId: n._id });
  const [read, recorded] = await Promise.all([householdsOfReads(ctx, n._id), householdReads(ctx, n._id)]);
  return { readCount: res.data.readCount ?? 0, people, unread: [...read].filter((h) => !recorded.has(h)).sort() };
}

const drifted = (o: Observed) => o.readCount !== o.people || o.unread.length > 0;
const fingerprint = (o: Observed) => JSON.stringify(o);

async function repair(ctx: JobCtx, n: NoticeDoc, first: Observed, repairs: Repairs): Promise<void> {
  const { db, now } = ctx;
  const o = await observe(ctx, n);
  if (!o || fingerprint(o) !== fingerprint(first)) return; // still moving: the next run looks again
  if (o.readCount !== o.people) {
    const fixed = (await db.collection('notices').where({ _id: n._id, readCount: o.readCount }).update({ data: { readCount: o.people } })) as unknown as { stats: { updated: number } };
    if (fixed.stats.updated) await repairs.record(n.compoundId, 'notice.readCount', `notices/${n._id}`, { from: o.readCount, to: o.people });
  }
  if (o.unread.length) {
    const homes = await findMany<HouseholdDoc>(db, 'households', { _id: db.command.in(o.unread) }, { limit: o.unread.length });
    for (const h of homes) {
      try {
        await db.collection('notice_household_reads').add({
          data: { _id: `${n._id}:${h._id}`, compoundId: n.compoundId, noticeId: n._id, householdId: h._id, buildingId: h.buildingId, createdAt: now, updatedAt: now },
        });
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        continue;
      }
      await repairs.record(n.compoundId, 'notice.householdRead', `notices/${n._id}`, { householdId: h._id });
    }
  }
}

/** 对账: each notice's read count and household reads recomputed from the person reads. */
export const reconcile: Job = async (ctx) => {
  const { db, now } = ctx;
  const compounds = await compoundsInScope(ctx);
  const repairs = new Repairs(ctx);
  const suspects: Array<[NoticeDoc, Observed]> = [];
  for (const compoundId of compounds) {
    const notices = await findMany<NoticeDoc>(
      db,
      'notices',
      { compoundId, state: 'published', publishAt: db.command.and(db.command.gte(new Date(now.getTime() - LOOKBACK_MS)), db.command.lte(now)) },
      { orderBy: [['publishAt', 'desc']], limit: 1000, fields: { _id: true, compoundId: true } },
    );
    for (const n of notices) {
      const o = await observe(ctx, n);
      if (o && drifted(o)) suspects.push([n, o]);
    }
  }
  if (suspects.length) await settle();
  for (const [n, o] of suspects) await repair(ctx, n, o, repairs);
  return { repaired: repairs.count };
};
