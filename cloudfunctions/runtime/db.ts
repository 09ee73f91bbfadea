// Small data-access helpers over wx-server-sdk: typed reads, null for a missing document,
// cursor pagination, and the mapping of the database's own errors onto our error codes.
import type { Db } from './cloud';
import type { CollectionName } from './collections';
import type { UserDoc } from './model';
import { AppError, fail } from '@core/errors';
import { cached, forget, isCached, remember, type CachedCollection } from './cache';

export interface BaseDoc {
  _id: string;
  compoundId?: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export async function getById<T extends BaseDoc>(db: Db, coll: CollectionName, id: string): Promise<T | null> {
  const res = (await db.collection(coll).doc(id).get()) as unknown as { data: T | null | T[] };
  const data = Array.isArray(res.data) ? res.data[0] : res.data;
  return (data as T | undefined) ?? null;
}

/**
 * A read-mostly document (an event) from this warm instance's copy when it is
 * younger than the cache's TTL (runtime/cache.ts); read and kept otherwise. Never the last word on a
 * decision a guarded write must re-check.
 */
export async function getCached<T extends BaseDoc>(db: Db, coll: CachedCollection, id: string): Promise<T | null> {
  const copy = cached<T>(coll, id);
  if (copy !== undefined) return copy;
  const doc = await getById<T>(db, coll, id);
  remember(coll, id, doc);
  return doc;
}

/**
 * One guarded update that answers the document as it is after it (findOneAndUpdate), or null when the
 * filter matched nothing. The answer refreshes this instance's copy of a cached document.
 */
export async function updateAndReturn<T extends BaseDoc>(db: Db, coll: CollectionName, where: Record<string, unknown>, data: Record<string, unknown>): Promise<T | null> {
  // wx-server-sdk 4.0.2 wraps @cloudbase/node-sdk's query and passes on update() but not its
  // updateAndReturn (the database's modifyAndReturnDoc, one request): reach the wrapped query
  type Inner = { updateAndReturn?(d: Record<string, unknown>): Promise<{ code?: string; message?: string; updated?: number; doc?: T | null }> };
  const q = db.collection(coll).where(where) as unknown as Inner & { _query?: Inner };
  const inner = q._query?.updateAndReturn ? q._query : q;
  if (!inner.updateAndReturn) throw new Error('wx-server-sdk offers no updateAndReturn (findOneAndUpdate)');
  const res = await inner.updateAndReturn(data);
  if (res.code) throw Object.assign(new Error(`${res.code}: ${res.message ?? ''}`), { errMsg: `${res.code}: ${res.message ?? ''}` });
  const doc = res.updated && res.doc ? res.doc : null;
  if (isCached(coll)) {
    if (doc) remember(coll, doc._id, doc);
    else forget(coll, idOf(where));
  }
  return doc;
}

function idOf(where: Record<string, unknown>): string | null {
  return typeof where._id === 'string' ? where._id : null;
}

export async function findOne<T extends BaseDoc>(db: Db, coll: CollectionName, where: Record<string, unknown>): Promise<T | null> {
  const res = (await db.collection(coll).where(where).limit(1).get()) as unknown as { data: T[] };
  return res.data[0] ?? null;
}

export async function findMany<T extends BaseDoc>(
  db: Db,
  coll: CollectionName,
  where: Record<string, unknown>,
  opts: { orderBy?: Array<[string, 'asc' | 'desc']>; limit?: number; skip?: number; fields?: Record<string, true> } = {},
): Promise<T[]> {
  let q = db.collection(coll).where(where);
  // only these fields come back (a list that needs a line of each document, not the whole of it)
  if (opts.fields) q = q.field(opts.fields);
  for (const [field, dir] of opts.orderBy ?? []) q = q.orderBy(field, dir);
  if (opts.skip) q = q.skip(opts.skip);
  const res = (await q.limit(opts.limit ?? 100).get()) as unknown as { data: T[] };
  return res.data;
}

/**
 * Every row of a query, page by page (the server returns at most 100 a read), up to `max` rows:
 * a vote's register and ballots, a ledger's period.
 */
export async function findAll<T extends BaseDoc>(
  db: Db,
  coll: CollectionName,
  where: Record<string, unknown>,
  orderBy: Array<[string, 'asc' | 'desc']>,
  max = Number.POSITIVE_INFINITY,
): Promise<T[]> {
  const PAGE = 100;
  const out: T[] = [];
  for (let skip = 0; out.length < max; skip += PAGE) {
    const rows = await findMany<T>(db, coll, where, { orderBy, skip, limit: PAGE });
    out.push(...rows);
    if (rows.length < PAGE) break;
  }
  return out;
}

/** People's names by user id, a page of ids a read (a removed account has none: callers say 已注销用户). */
export async function namesOf(db: Db, ids: ReadonlyArray<string | null | undefined>): Promise<Map<string, string>> {
  const PAGE = 100;
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  const out = new Map<string, string>();
  for (let i = 0; i < unique.length; i += PAGE) {
    const people = await findMany<UserDoc>(db, 'users', { _id: db.command.in(unique.slice(i, i + PAGE)) }, { limit: PAGE });
    for (const u of people) out.set(u._id, u.displayName);
  }
  return out;
}

// wx-server-sdk's typings widen every result to `string | void | …`; these pin them down once.

export async function insertOne(db: Db, coll: CollectionName, data: Record<string, unknown>): Promise<string> {
  const res = (await db.collection(coll).add({ data })) as unknown as { _id: string };
  forget(coll, String(res._id));
  return String(res._id);
}

export async function updateWhere(db: Db, coll: CollectionName, where: Record<string, unknown>, data: Record<string, unknown>): Promise<number> {
  const res = (await db.collection(coll).where(where).update({ data })) as unknown as { stats: { updated: number } };
  forget(coll, idOf(where));
  return res.stats.updated;
}

export async function updateById(db: Db, coll: CollectionName, id: string, data: Record<string, unknown>): Promise<number> {
  const res = (await db.collection(coll).doc(id).update({ data })) as unknown as { stats: { updated: number } };
  forget(coll, id);
  return res.stats.updated;
}

export async function countWhere(db: Db, coll: CollectionName, where: Record<string, unknown>): Promise<number> {
  const res = (await db.collection(coll).where(where).count()) as unknown as { total: number };
  return res.total;
}

export async function removeWhere(db: Db, coll: CollectionName, where: Record<string, unknown>): Promise<number> {
  const res = (await db.collection(coll).where(where).remove()) as unknown as { stats: { removed: number } };
  forget(coll, idOf(where));
  return res.stats.removed;
}

/** Offset cursors, opaque to the client. A page asks for one extra row to know if more exist. */
export async function pageOf<T extends BaseDoc>(
  db: Db,
  coll: CollectionName,
  where: Record<string, unknown>,
  orderBy: Array<[string, 'asc' | 'desc']>,
  input: { cursor?: string; limit?: number },
): Promise<{ items: T[]; nextCursor: string | null }> {
  const limit = input.limit ?? 20;
  const skip = input.cursor ? decodeCursor(input.cursor) : 0;
  const rows = await findMany<T>(db, coll, where, { orderBy, skip, limit: limit + 1 });
  const more = rows.length > limit;
  return { items: rows.slice(0, limit), nextCursor: more ? encodeCursor(skip + limit) : null };
}

export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  try {
    const o = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')).o;
    if (Number.isInteger(o) && o >= 0 && o < 100_000) return o;
  } catch {
    /* fall through */
  }
  throw fail.invalid('分页参数无效，请刷新后重试');
}

export function isDuplicateKey(e: unknown): boolean {
  const msg = String((e as { errMsg?: string; message?: string })?.errMsg ?? (e as Error)?.message ?? '');
  return msg.includes('E11000');
}

/** Database errors that mean "someone else got there first" become CONFLICT; the rest stay. */
export function asAppError(e: unknown): AppError | null {
  if (e instanceof AppError) return e;
  if (isDuplicateKey(e)) return fail.conflict('该记录已存在，请勿重复提交');
  const msg = String((e as { errMsg?: string })?.errMsg ?? '');
  if (msg.includes('DATABASE_TRANSACTION_CONFLICT') || msg.includes('conflict')) return fail.conflict();
  return null;
}
