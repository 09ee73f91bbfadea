// Per warm instance copies of events. On CloudBase's basic quota (~30 database requests/s per
// environment) the requests an action makes are its throughput, and an event is read by every
// registration, cancellation and detail view of it while it changes only when someone registers.
//
// Staleness is bounded: a copy is used for at most CACHE_MS (3 s; LINLI_CACHE_MS overrides, 0 turns
// caching off) after it was read, and a write this instance makes through runtime/db.ts drops (or
// replaces) its copy at once. Another instance's write is seen within CACHE_MS. A copy is never the
// last word on anything a guarded write must decide: seats, waitlist numbers, state and the signup
// deadline are re-checked by the database on every write that uses them (conditional updates,
// unique indexes). What a copy may decide alone: an event's audience and texts, what a detail shows
// (its counters may lag by up to CACHE_MS).
//
// The caller's user record is never kept: identity, roles, consents and erasure decide access, and a
// deleted or demoted account must not act from a stale copy. An action that wants its caller and its
// own document in one request declares a joined read instead (runtime/serve.ts, `reads`).
import type { CollectionName } from './collections';

export const CACHED = ['events'] as const;
export type CachedCollection = (typeof CACHED)[number];

interface Entry {
  at: number;
  value: unknown;
}

const DEFAULT_MS = 3000;
const MAX_ENTRIES = 5000;

export function cacheMs(): number {
  const raw = process.env.LINLI_CACHE_MS;
  const ms = raw === undefined || raw === '' ? DEFAULT_MS : Number(raw);
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

/** The environment an invocation runs in: copies never cross environments. */
function envKey(): string {
  return process.env.TCB_ENV || process.env.SCF_NAMESPACE || '';
}

const entries = new Map<string, Entry>();

function keyOf(coll: CachedCollection, id: string): string {
  return `${envKey()}\u0000${coll}\u0000${id}`;
}

export function isCached(coll: CollectionName): coll is CachedCollection {
  return (CACHED as readonly string[]).includes(coll);
}

/** This instance's copy, if younger than the TTL; undefined when there is none (null: known missing). */
export function cached<T>(coll: CachedCollection, id: string): T | null | undefined {
  const ttl = cacheMs();
  // in-process (createCaller) there is no function environment: nothing is kept between calls
  if (!ttl || !envKey()) return undefined;
  const k = keyOf(coll, id);
  const e = entries.get(k);
  if (!e) return undefined;
  if (Date.now() - e.at > ttl) {
    entries.delete(k);
    return undefined;
  }
  return e.value as T | null;
}

export function remember(coll: CachedCollection, id: string, value: unknown): void {
  if (!cacheMs() || !envKey()) return;
  if (entries.size >= MAX_ENTRIES) {
    // the oldest first (insertion order); a warm instance serves one compound or a few
    const drop = entries.keys().next().value;
    if (drop !== undefined) entries.delete(drop);
  }
  const k = keyOf(coll, id);
  entries.delete(k);
  entries.set(k, { at: Date.now(), value });
}

/**
 * This instance wrote to `coll`: drop the copy of that document, or of the whole collection in this
 * environment when the write named no single _id.
 */
export function forget(coll: CollectionName, id?: string | null): void {
  if (!isCached(coll) || !entries.size) return;
  if (id) {
    entries.delete(keyOf(coll, id));
    return;
  }
  const prefix = `${envKey()}\u0000${coll}\u0000`;
  for (const k of [...entries.keys()]) if (k.startsWith(prefix)) entries.delete(k);
}

/** Tests: start from nothing. */
export function forgetAll(): void {
  entries.clear();
}
