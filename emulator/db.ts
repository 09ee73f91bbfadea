// The emulator's document store: one Database per environment, MongoDB semantics from mingo,
// an _id map, declared unique indexes enforced atomically, optimistic transactions and a journal.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { update as mingoUpdate } from 'mingo';
import type { CollectionSpec, IndexSpec } from '../cloudfunctions/runtime/collections';
import { WireError, encodeEjson, parseStored } from './ejson';
import { QueryIndex, describePlan, planQuery, type Plan } from './indexes';
import { aggregate, compileQuery, findIn } from './mingo';

export type Doc = Record<string, unknown> & { _id: string };
type Query = Record<string, unknown>;

/** The codes the real service answers with (see shared/reference/cloudbase-protocol.md §4). */
export const CODES = {
  notExist: 'DATABASE_COLLECTION_NOT_EXIST',
  requestFailed: 'DATABASE_REQUEST_FAILED',
  invalidOperator: 'DATABASE_INVALID_OPERRATOR',
  invalidParam: 'INVALID_PARAM',
  conflict: 'DATABASE_TRANSACTION_CONFLICT',
} as const;

const FORBIDDEN_OPERATORS = new Set(['$where', '$function', '$accumulator', '$out', '$merge']);

/** Random bytes drawn 4 KB at a time: one system call per 256 ids rather than one each. */
let idPool = Buffer.alloc(0);
let idAt = 0;

export function newId(): string {
  // 32 hex characters, like CloudBase's generated ids
  if (idAt + 16 > idPool.length) {
    idPool = randomBytes(4096);
    idAt = 0;
  }
  idAt += 16;
  return idPool.toString('hex', idAt - 16, idAt);
}

function getPath(doc: unknown, dotted: string): unknown {
  let cur: unknown = doc;
  for (const part of dotted.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function assertAllowed(value: unknown): void {
  if (Array.isArray(value)) return value.forEach(assertAllowed);
  if (value && typeof value === 'object' && !(value instanceof Date) && !(value instanceof RegExp)) {
    for (const [k, v] of Object.entries(value)) {
      if (FORBIDDEN_OPERATORS.has(k)) throw new WireError(CODES.invalidOperator, `unsupported operator ${k}`);
      assertAllowed(v);
    }
  }
}

/** Run mingo and turn its complaints about operators into the service's error code. */
function guarded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof WireError) throw e;
    throw new WireError(CODES.invalidOperator, (e as Error).message);
  }
}

/** A stage that only filters or slices: `$match` (a query, as mingo's $match runs it), `$limit`, `$skip`. */
function isSliceStage(stage: Record<string, unknown>): boolean {
  const keys = Object.keys(stage);
  if (keys.length !== 1) return false;
  const [k] = keys;
  const v = stage[k];
  if (k === '$match') return !!v && typeof v === 'object' && !Array.isArray(v);
  return (k === '$limit' || k === '$skip') && Number.isInteger(v) && (v as number) >= 0 && (k === '$skip' || (v as number) > 0);
}

function sliceStage(docs: Record<string, unknown>[], stage: Record<string, unknown>): Record<string, unknown>[] {
  if ('$match' in stage) {
    const q = compileQuery(stage.$match as Query);
    return docs.filter((d) => q.test(d));
  }
  if ('$limit' in stage) return docs.slice(0, stage.$limit as number);
  return docs.slice(stage.$skip as number);
}

interface IndexedJoin {
  from: string;
  as: string;
  let: Record<string, unknown>;
  pipeline: Record<string, unknown>[];
}

/**
 * A $lookup the emulator joins itself: the let/pipeline form whose variables are constants or field
 * paths of the outer document (anything else is left to mingo, which scans the joined collection).
 */
function asIndexedJoin(spec: unknown): IndexedJoin | null {
  if (!spec || typeof spec !== 'object') return null;
  const { from, as, let: lets = {}, pipeline, localField, foreignField } = spec as Record<string, unknown>;
  if (typeof from !== 'string' || typeof as !== 'string' || !Array.isArray(pipeline) || localField !== undefined || foreignField !== undefined) return null;
  if (!lets || typeof lets !== 'object' || Array.isArray(lets)) return null;
  for (const v of Object.values(lets)) if (v && typeof v === 'object' && !(v instanceof Date)) return null;
  return { from, as, let: lets as Record<string, unknown>, pipeline: pipeline as Record<string, unknown>[] };
}

/** The pipeline with each `$$name` of a let variable replaced by its value (as a literal). */
function withVariables(value: unknown, vars: Record<string, unknown>): unknown {
  if (typeof value === 'string' && value.startsWith('$$') && Object.prototype.hasOwnProperty.call(vars, value.slice(2))) return { $literal: vars[value.slice(2)] };
  if (Array.isArray(value)) return value.map((v) => withVariables(v, vars));
  if (value && typeof value === 'object' && !(value instanceof Date) && !(value instanceof RegExp)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withVariables(v, vars)]));
  }
  return value;
}

/**
 * What a joined pipeline's leading $match asks as a plain query an index can serve: its field
 * equalities, and each `$eq` of a field with a value inside its $expr (alone or under $and). The
 * $match itself still runs on what this selects — unless the query says all it says (`exact`, with
 * `exprFields` the fields whose $expr equality differs from a query's only on arrays).
 */
function candidatesQuery(match: unknown): { query: Query | undefined; exact: boolean; exprFields: string[] } {
  const none = { query: undefined, exact: false, exprFields: [] };
  if (!match || typeof match !== 'object' || Array.isArray(match)) return none;
  const query: Query = {};
  let exact = true;
  const exprFields: string[] = [];
  for (const [k, v] of Object.entries(match)) {
    if (!k.startsWith('$')) query[k] = v;
    else if (k !== '$expr') exact = false;
  }
  const expr = (match as Query).$expr as Query | undefined;
  const terms = expr && Array.isArray(expr.$and) ? (expr.$and as Query[]) : expr ? [expr] : [];
  if (expr && Object.keys(expr).length !== 1) exact = false;
  for (const term of terms) {
    const eq = term && typeof term === 'object' ? term.$eq : undefined;
    if (!Array.isArray(eq) || eq.length !== 2 || Object.keys(term).length !== 1) {
      exact = false;
      continue;
    }
    const [a, b] = eq;
    const field = typeof a === 'string' && a.startsWith('$') && !a.startsWith('$$') ? a.slice(1) : null;
    const lit = b && typeof b === 'object' && '$literal' in b ? (b as Query).$literal : typeof b === 'string' && b.startsWith('$') ? undefined : b;
    // objects compare differently in $expr than in a query (left to the $match); a query's null also
    // matches a missing field, more than $expr's: candidates only, the $match decides
    if (field && lit !== undefined && (lit === null || typeof lit !== 'object' || lit instanceof Date) && !(field in query)) {
      query[field] = lit;
      if (lit === null || field.includes('.')) exact = false;
      else exprFields.push(field);
    } else exact = false;
  }
  return Object.keys(query).length ? { query, exact, exprFields } : none;
}

class UniqueIndex {
  readonly map = new Map<string, string>();
  constructor(readonly spec: IndexSpec) {}

  keyOf(doc: Doc): string {
    const values = this.spec.keys.map(([field]) => getPath(doc, field));
    return JSON.stringify(values.map((v) => (v === undefined ? null : v instanceof Date ? { $date: v.getTime() } : v)));
  }
}

export interface Change {
  id: string;
  before: Doc | null;
  after: Doc | null;
}

export class Collection {
  readonly docs = new Map<string, Doc>();
  readonly versions = new Map<string, number>();
  /** Insertion sequence: the order a scan meets documents in (a Map keeps first-insertion order). */
  readonly seqs = new Map<string, number>();
  private nextSeq = 1;
  readonly uniques: UniqueIndex[];
  /** Every declared index, unique or not, as a sorted structure the planner reads. */
  readonly indexes: QueryIndex[];

  constructor(
    readonly name: string,
    indexes: IndexSpec[],
  ) {
    this.uniques = indexes.filter((i) => i.unique).map((i) => new UniqueIndex(i));
    this.indexes = indexes.map((i) => new QueryIndex(i));
  }

  /** While the journal is read, index upkeep waits; rebuildIndexes() then sorts each index once. */
  deferIndexes = false;

  rebuildIndexes(): void {
    this.deferIndexes = false;
    const docs = () => [...this.docs.values()].map((d) => [d, this.seqs.get(d._id)!] as [Doc, number]);
    for (const index of this.indexes) index.rebuild(docs());
  }

  version(id: string): number {
    return this.versions.get(id) ?? 0;
  }

  /** Throws the duplicate-key error if applying these changes would break a unique index. */
  checkUnique(changes: Change[]): void {
    for (const index of this.uniques) {
      const freed = new Map<string, string>();
      for (const c of changes) {
        const k = c.before ? index.keyOf(c.before) : null;
        if (k !== null && index.map.get(k) === c.id) freed.set(k, c.id);
      }
      const taken = new Map<string, string>();
      for (const c of changes) {
        const k = c.after ? index.keyOf(c.after) : null;
        if (k === null) continue;
        const owner = index.map.get(k);
        const clash =
          (taken.has(k) && taken.get(k) !== c.id) ||
          (owner !== undefined && owner !== c.id && freed.get(k) !== owner);
        if (clash) {
          throw new WireError(
            CODES.requestFailed,
            `E11000 duplicate key error collection: ${this.name} index: ${index.spec.name} dup key: ${k}`,
          );
        }
        taken.set(k, c.id);
      }
    }
  }

  apply(changes: Change[]): void {
    for (const c of changes) {
      for (const index of this.uniques) {
        const k = c.before ? index.keyOf(c.before) : null;
        if (k !== null && index.map.get(k) === c.id) index.map.delete(k);
      }
    }
    for (const c of changes) {
      const stored = this.docs.get(c.id);
      let seq = this.seqs.get(c.id);
      // an index whose keys this write does not move is left alone (an update of a counter, a state)
      const moved = this.deferIndexes ? [] : stored && c.after ? this.indexes.filter((index) => !index.unchanged(stored, c.after!)) : this.indexes;
      if (stored && seq !== undefined) for (const index of moved) index.remove(stored, seq);
      if (c.after) {
        if (seq === undefined) this.seqs.set(c.id, (seq = this.nextSeq++));
        this.docs.set(c.id, c.after);
        for (const index of moved) index.add(c.after, seq);
      } else {
        this.docs.delete(c.id);
        this.seqs.delete(c.id);
      }
      this.versions.set(c.id, this.version(c.id) + 1);
      for (const index of this.uniques) {
        const k = c.after ? index.keyOf(c.after) : null;
        if (k !== null) index.map.set(k, c.id);
      }
    }
  }
}

interface JournalWrite {
  c: string;
  p?: Doc[];
  d?: string[];
}
type JournalEntry = { t: 'c'; c: string } | { t: 'w'; w: JournalWrite[] };

/**
 * Journals with lines not yet in their file. Writes are applied in memory at once and their lines
 * written in one batch per turn of the event loop (group commit: one system call for every request
 * that turn, where each request made its own); `afterDurable` holds a reply until then, so every
 * acknowledged write — and every state a reply shows — is in the file before the reply is sent.
 */
const unflushed = new Set<Journal>();
let waiting: Array<() => void> = [];
let flushScheduled = false;

function flushAll(): void {
  flushScheduled = false;
  for (const j of unflushed) {
    try {
      j.flush();
    } catch (e) {
      // the writes are applied in memory and their replies wait: a database that cannot write its
      // log stops rather than acknowledge what a restart would not have (fail-stop)
      console.error(`[emulator] could not write the journal ${j.file}; stopping so that nothing unwritten is acknowledged`, e);
      process.exit(70);
    }
  }
  const run = waiting;
  waiting = [];
  for (const fn of run) {
    try {
      fn();
    } catch (e) {
      console.error('[emulator] a reply after the journal flush failed', e);
    }
  }
}

/** Runs `fn` once every journal line written so far is in its file (at once when none waits). */
export function afterDurable(fn: () => void): void {
  if (!unflushed.size) return fn();
  waiting.push(fn);
  if (!flushScheduled) {
    flushScheduled = true;
    setImmediate(flushAll);
  }
}

/** Append-only log; every acknowledged write is in the file before the reply is sent (afterDurable). */
class Journal {
  private fd: number;
  private pending: string[] = [];
  lines = 0;

  constructor(
    readonly file: string,
    private readonly fsync: boolean,
  ) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.fd = fs.openSync(file, 'a');
  }

  static read(file: string): JournalEntry[] {
    if (!fs.existsSync(file)) return [];
    const text = fs.readFileSync(file, 'utf8');
    const entries: JournalEntry[] = [];
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]) continue;
      try {
        entries.push(parseStored(lines[i]) as JournalEntry);
      } catch (e) {
        // a torn final line is a write that was never acknowledged; anything earlier is corruption
        if (i === lines.length - 1 || (i === lines.length - 2 && lines[lines.length - 1] === '')) break;
        throw new Error(`corrupt journal ${file} at line ${i + 1}: ${(e as Error).message}`);
      }
    }
    return entries;
  }

  append(entry: JournalEntry): void {
    this.pending.push(encodeEjson(entry) + '\n');
    this.lines++;
    unflushed.add(this);
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flushAll);
    }
  }

  /** The lines appended since the last flush, in one write. */
  flush(): void {
    unflushed.delete(this);
    if (!this.pending.length) return;
    const text = this.pending.length === 1 ? this.pending[0] : this.pending.join('');
    this.pending = [];
    fs.writeSync(this.fd, text);
    if (this.fsync) fs.fdatasyncSync(this.fd);
  }

  /** Rewrite the log as one line per live document (write aside, then rename over). */
  compact(collections: Iterable<Collection>): void {
    const tmp = `${this.file}.tmp`;
    const fd = fs.openSync(tmp, 'w');
    let lines = 0;
    for (const coll of collections) {
      fs.writeSync(fd, encodeEjson({ t: 'c', c: coll.name }) + '\n');
      lines++;
      const docs = [...coll.docs.values()];
      for (let i = 0; i < docs.length; i += 200) {
        fs.writeSync(fd, encodeEjson({ t: 'w', w: [{ c: coll.name, p: docs.slice(i, i + 200) }] }) + '\n');
        lines++;
      }
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.closeSync(this.fd);
    fs.renameSync(tmp, this.file);
    // what was pending is in the documents just written; dropped only now that they are in place
    this.pending = [];
    unflushed.delete(this);
    this.fd = fs.openSync(this.file, 'a');
    this.lines = lines;
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

export interface FindOptions {
  order?: Record<string, 1 | -1>;
  offset?: number;
  limit?: number;
  projection?: Record<string, 0 | 1>;
}

interface Transaction {
  id: string;
  startedAt: number;
  reads: Map<string, { coll: string; id: string; version: number }>;
  writes: Map<string, { coll: string; id: string; after: Doc | null }>;
}

const TX_TTL_MS = 30_000;

function txKey(coll: string, id: string): string {
  return `${coll}\u0000${id}`;
}

function hasOperators(data: Record<string, unknown>): boolean {
  const keys = Object.keys(data);
  const ops = keys.filter((k) => k.startsWith('$'));
  if (ops.length && ops.length !== keys.length) {
    throw new WireError(CODES.invalidParam, 'update mixes operators and plain fields');
  }
  return ops.length > 0;
}

/** Apply an update document (operators, or plain fields meaning $set) to a copy of `doc`. */
function applyModifier(doc: Doc, data: Record<string, unknown>): Doc {
  const next = structuredClone(doc);
  const modifier = hasOperators(data) ? data : { $set: data };
  assertAllowed(modifier);
  if (!applySimple(next, modifier)) guarded(() => mingoUpdate(next, modifier as never, undefined, undefined, { cloneMode: 'deep' }));
  if (next._id !== doc._id) throw new WireError(CODES.invalidParam, 'the _id field cannot be changed');
  return next;
}

const isPlainObject = (v: unknown): v is Doc => !!v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

/**
 * The common updates — $set of fields and $inc of numbers, on paths through plain objects — done
 * here; mingo's updater builds a fresh operator table for every call. Anything else (another
 * operator, a path through an array or a non-object, a non-number to add) answers false before
 * touching `doc`, and mingo applies the whole modifier as before.
 */
export function applySimple(doc: Doc, modifier: Record<string, unknown>): boolean {
  const steps: Array<() => void> = [];
  const paths: string[] = [];
  for (const [op, fields] of Object.entries(modifier)) {
    if ((op !== '$set' && op !== '$inc') || !isPlainObject(fields)) return false;
    for (const [pathKey, value] of Object.entries(fields)) {
      // one path twice, or one inside another, is a conflict the database reports: mingo's to say
      if (paths.some((p) => p === pathKey || p.startsWith(`${pathKey}.`) || pathKey.startsWith(`${p}.`))) return false;
      paths.push(pathKey);
      const parts = pathKey.split('.');
      if (parts.some((p) => !p || p.startsWith('$') || /^\d+$/.test(p))) return false;
      let parent: Doc = doc;
      for (const part of parts.slice(0, -1)) {
        const child = parent[part];
        if (child === undefined) break;
        if (!isPlainObject(child)) return false;
        parent = child;
      }
      const leaf = parts.reduce<unknown>((at, part) => (isPlainObject(at) ? at[part] : undefined), doc);
      if (op === '$inc' && (typeof value !== 'number' || (leaf !== undefined && typeof leaf !== 'number'))) return false;
      if (op === '$set' && value !== null && typeof value === 'object' && !isPlainObject(value) && !Array.isArray(value) && !(value instanceof Date)) return false;
      steps.push(() => {
        let at: Doc = doc;
        for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Doc;
        const last = parts[parts.length - 1];
        at[last] = op === '$inc' ? ((at[last] as number | undefined) ?? 0) + (value as number) : structuredClone(value);
      });
    }
  }
  for (const step of steps) step();
  return true;
}

/** Deep equality of stored documents (plain objects, arrays, dates, scalars); anything else by its EJSON. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameValue(a[k], b[k]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') return encodeEjson(a) === encodeEjson(b);
  return false;
}

function isSameDoc(a: Doc | null, b: Doc | null): boolean {
  return sameValue(a, b);
}

export type QueryOp = 'get' | 'count' | 'update' | 'remove' | 'aggregate' | 'explain';

/** Who sent a query: the function host knows the function, the event body the action. */
export interface QueryOrigin {
  functionName?: string;
  action?: string;
  invocationId?: string;
}

export interface UnindexedQuery {
  env: string;
  collection: string;
  op: QueryOp;
  query: Query;
  order?: Record<string, 1 | -1>;
  origin?: QueryOrigin;
  /** Declared as a collection that grows with use. */
  grows: boolean;
  /** Strict mode refused it: a function's query on a growing collection. */
  refused: boolean;
}

export interface QueryStats {
  /** The index (or `_id_`, or several joined by ∪ for an $or) that served the query, or 'scan'. */
  plan: string;
  indexed: boolean;
  docsExamined: number;
  keysExamined: number;
  /** The index walk gave the requested order, so it stopped after offset + limit (and ties). */
  orderFromIndex: boolean;
}

export class Database {
  readonly collections = new Map<string, Collection>();
  private readonly transactions = new Map<string, Transaction>();
  private journal: Journal | null = null;
  /** Refuse queries no declared index serves on collections declared to grow. */
  strictIndexes = false;
  onUnindexed?: (q: UnindexedQuery) => void;

  constructor(
    readonly env: string,
    private readonly declared: Record<string, CollectionSpec>,
    file: string | null,
    fsync = false,
  ) {
    for (const name of Object.keys(declared)) this.createCollection(name, false);
    if (file) {
      for (const entry of Journal.read(file)) this.replay(entry);
      for (const coll of this.collections.values()) if (coll.deferIndexes) coll.rebuildIndexes();
      this.journal = new Journal(file, fsync);
      this.journal.compact(this.collections.values());
    }
  }

  private replay(entry: JournalEntry): void {
    if (entry.t === 'c') {
      this.createCollection(entry.c, false).deferIndexes = true;
      return;
    }
    for (const w of entry.w) {
      const coll = this.createCollection(w.c, false);
      coll.deferIndexes = true;
      const changes: Change[] = [];
      for (const doc of w.p ?? []) changes.push({ id: doc._id, before: coll.docs.get(doc._id) ?? null, after: doc });
      for (const id of w.d ?? []) changes.push({ id, before: coll.docs.get(id) ?? null, after: null });
      coll.apply(changes);
    }
  }

  close(): void {
    this.journal?.close();
    this.journal = null;
  }

  createCollection(name: string, log = true): Collection {
    let coll = this.collections.get(name);
    if (!coll) {
      coll = new Collection(name, this.declared[name]?.indexes ?? []);
      this.collections.set(name, coll);
      if (log) this.journal?.append({ t: 'c', c: name });
    }
    return coll;
  }

  collection(name: string): Collection {
    const coll = this.collections.get(name);
    if (!coll) throw new WireError(CODES.notExist, `collection ${name} does not exist in env ${this.env}`);
    return coll;
  }

  /** Validate every change against unique indexes, write the journal, then apply: all or nothing. */
  private commit(batch: Map<Collection, Change[]>): void {
    const effective = new Map<Collection, Change[]>();
    for (const [coll, changes] of batch) {
      const real = changes.filter((c) => !isSameDoc(c.before, c.after));
      if (real.length) effective.set(coll, real);
    }
    for (const [coll, changes] of effective) coll.checkUnique(changes);
    if (!effective.size) return;
    const w: JournalWrite[] = [];
    for (const [coll, changes] of effective) {
      const p = changes.filter((c) => c.after).map((c) => c.after as Doc);
      const d = changes.filter((c) => !c.after).map((c) => c.id);
      w.push({ c: coll.name, ...(p.length ? { p } : {}), ...(d.length ? { d } : {}) });
    }
    this.journal?.append({ t: 'w', w });
    for (const [coll, changes] of effective) coll.apply(changes);
    this.maybeCompact();
  }

  private maybeCompact(): void {
    if (!this.journal) return;
    let docs = 0;
    if (this.journal.lines < 20_000) return;
    for (const c of this.collections.values()) docs += c.docs.size;
    if (this.journal.lines > 4 * (docs / 200 + this.collections.size) + 20_000) {
      this.journal.compact(this.collections.values());
    }
  }

  // ---- transactions -------------------------------------------------------------------------

  startTransaction(): string {
    this.expireTransactions();
    const id = `tx-${newId()}`;
    this.transactions.set(id, { id, startedAt: Date.now(), reads: new Map(), writes: new Map() });
    return id;
  }

  private tx(id: string | undefined): Transaction | undefined {
    if (!id) return undefined;
    const tx = this.transactions.get(id);
    if (!tx) throw new WireError(CODES.invalidParam, `transaction ${id} does not exist or has ended`);
    return tx;
  }

  private expireTransactions(): void {
    const now = Date.now();
    for (const [id, tx] of this.transactions) if (now - tx.startedAt > TX_TTL_MS) this.transactions.delete(id);
  }

  commitTransaction(id: string): void {
    const tx = this.tx(id)!;
    this.transactions.delete(id);
    for (const read of tx.reads.values()) {
      if (this.collection(read.coll).version(read.id) !== read.version) {
        throw new WireError(CODES.conflict, `transaction ${id} conflicts with a concurrent write to ${read.coll}/${read.id}`);
      }
    }
    const batch = new Map<Collection, Change[]>();
    for (const w of tx.writes.values()) {
      const coll = this.collection(w.coll);
      const list = batch.get(coll) ?? [];
      list.push({ id: w.id, before: coll.docs.get(w.id) ?? null, after: w.after });
      batch.set(coll, list);
    }
    this.commit(batch);
  }

  abortTransaction(id: string): void {
    this.tx(id);
    this.transactions.delete(id);
  }

  /** A document as the transaction (or the committed state) sees it; records the read. */
  private view(coll: Collection, id: string, tx?: Transaction): Doc | null {
    if (!tx) return coll.docs.get(id) ?? null;
    const key = txKey(coll.name, id);
    const written = tx.writes.get(key);
    if (written) return written.after;
    if (!tx.reads.has(key)) tx.reads.set(key, { coll: coll.name, id, version: coll.version(id) });
    return coll.docs.get(id) ?? null;
  }

  /**
   * The documents a query has to look at, in the order a full scan meets them: from the cheapest
   * declared index when one serves the query, from the whole collection otherwise. `need` (offset
   * + limit) lets an index walked in the requested order stop early. mingo decides the rest.
   */
  private select(
    coll: Collection,
    op: QueryOp,
    query: Query | undefined,
    order: Record<string, 1 | -1> | undefined,
    need: number | undefined,
    tx: Transaction | undefined,
    origin: QueryOrigin | undefined,
  ): { docs: Doc[]; stats: QueryStats; tested: boolean } {
    assertAllowed(query);
    const unfiltered = !query || !Object.keys(query).length;
    if (unfiltered && !order && !tx && need !== undefined && (op === 'get' || op === 'explain')) {
      // no filter, no order: the first documents in stored order, as any database reads them
      const docs: Doc[] = [];
      for (const doc of coll.docs.values()) {
        if (docs.length >= need) break;
        docs.push(doc);
      }
      return { docs, tested: false, stats: { plan: 'natural order', indexed: true, docsExamined: docs.length, keysExamined: 0, orderFromIndex: false } };
    }
    const plan = planQuery(coll.indexes, query, Object.entries(order ?? {}), need);
    if (!plan) {
      // on _id alone (a range, an order: how a backup pages through a collection) CloudBase uses the
      // _id index every collection has; the emulator scans, but that is no missing index to report
      const onIdOnly = Object.keys(query ?? {}).every((k) => k === '_id') && Object.keys(order ?? {}).every((k) => k === '_id');
      if (!onIdOnly) this.reportUnindexed(coll, op, query, order, origin);
      const docs: Doc[] = [];
      for (const docId of coll.docs.keys()) {
        const doc = this.view(coll, docId, tx);
        if (doc) docs.push(doc);
      }
      if (tx) for (const w of tx.writes.values()) if (w.coll === coll.name && w.after && !coll.docs.has(w.id)) docs.push(w.after);
      return { docs, tested: false, stats: { plan: 'scan', indexed: false, docsExamined: docs.length, keysExamined: 0, orderFromIndex: false } };
    }
    return this.fromIndex(coll, plan, query, need, tx);
  }

  private fromIndex(coll: Collection, plan: Plan, query: Query | undefined, need: number | undefined, tx?: Transaction) {
    const test = query && Object.keys(query).length ? guarded(() => compileQuery(query)) : null;
    const written = new Set<string>();
    if (tx) for (const w of tx.writes.values()) if (w.coll === coll.name) written.add(w.id);
    const picked = new Set<string>();
    const verdict = new Map<string, boolean>();
    let examined = 0;
    let keys = 0;
    let orderFromIndex = plan.scans.length > 0;
    for (const scan of plan.scans) {
      if (scan.kind === 'ids') {
        for (const id of scan.ids) picked.add(id);
        orderFromIndex = false;
        continue;
      }
      const { index } = scan;
      for (const id of index.loose) picked.add(id);
      const early = need !== undefined && scan.served > 0;
      if (!early) orderFromIndex = false;
      for (const [start, end] of scan.spans) {
        let found = 0;
        let last = -1;
        for (let n = 0, i = scan.reverse ? end - 1 : start; n < end - start; n++, i += scan.reverse ? -1 : 1) {
          // enough in index order, and past every tie of the last one on the ordered fields
          if (early && found >= need && !index.sameKeys(i, last, scan.fixed, scan.fixed + scan.served)) break;
          keys++;
          const id = index.idAt(i);
          if (written.has(id) || verdict.has(id)) continue;
          examined++;
          const doc = this.view(coll, id, tx);
          const ok = !!doc && (!test || guarded(() => test.test(doc)));
          verdict.set(id, ok);
          if (!ok) continue;
          picked.add(id);
          found++;
          last = i;
        }
      }
    }
    const committed = [...picked].filter((id) => coll.docs.has(id) && !written.has(id));
    committed.push(...[...written].filter((id) => coll.docs.has(id)));
    committed.sort((a, b) => coll.seqs.get(a)! - coll.seqs.get(b)!);
    const docs: Doc[] = [];
    // whether every document here has passed the query already (then it need not run again)
    let tested = true;
    for (const id of committed) {
      const doc = this.view(coll, id, tx);
      if (doc) docs.push(doc);
      // _id lookups, loose documents and this transaction's writes are examined by mingo alone
      if (doc && !verdict.has(id)) examined++;
      // a loose document picked by one scan may have failed the test in another: passed, or not tested
      if (doc && verdict.get(id) !== true) tested = false;
    }
    // documents this transaction inserted come last, as in a scan
    if (tx) {
      for (const w of tx.writes.values()) {
        if (w.coll === coll.name && w.after && !coll.docs.has(w.id)) {
          docs.push(w.after);
          examined++;
          tested = false;
        }
      }
    }
    return {
      docs,
      tested: tested || !test,
      stats: { plan: describePlan(plan), indexed: true, docsExamined: examined, keysExamined: keys, orderFromIndex },
    };
  }

  private reportUnindexed(
    coll: Collection,
    op: QueryOp,
    query: Query | undefined,
    order: Record<string, 1 | -1> | undefined,
    origin: QueryOrigin | undefined,
  ): void {
    if (op === 'explain') return;
    const grows = !!this.declared[coll.name]?.grows;
    // strict mode is about what the functions ask; a test's or a tool's own SDK reads are only logged
    const refused = this.strictIndexes && grows && !!origin?.functionName;
    this.onUnindexed?.({ env: this.env, collection: coll.name, op, query: query ?? {}, order, origin, grows, refused });
    if (refused) {
      const who = origin?.functionName ? ` from ${origin.functionName}${origin.action ? `.${origin.action}` : ''}` : '';
      throw new WireError(
        CODES.requestFailed,
        `strict index mode: ${op} on ${coll.name} ${encodeEjson(query ?? {})}${order ? ` order ${JSON.stringify(order)}` : ''}${who} ` +
          'is served by no declared index; declare one in cloudfunctions/runtime/collections.ts',
      );
    }
  }

  private match(coll: Collection, op: QueryOp, query: Query | undefined, tx?: Transaction, origin?: QueryOrigin): Doc[] {
    const { docs, tested } = this.select(coll, op, query, undefined, undefined, tx, origin);
    if (!query || !Object.keys(query).length || tested) return docs;
    const q = guarded(() => compileQuery(query));
    return guarded(() => docs.filter((d) => q.test(d)));
  }

  // ---- operations ----------------------------------------------------------------------------

  find(name: string, query: Query | undefined, opts: FindOptions, txId?: string, origin?: QueryOrigin): Doc[] {
    return this.run(name, 'get', query, opts, txId, origin).list;
  }

  /** What `find` would do: the plan, documents examined, whether the index gave the order. */
  explain(name: string, query: Query | undefined, opts: FindOptions): QueryStats & { returned: number } {
    const { list, stats } = this.run(name, 'explain', query, opts, undefined, undefined);
    return { ...stats, returned: list.length };
  }

  private run(name: string, op: QueryOp, query: Query | undefined, opts: FindOptions, txId: string | undefined, origin: QueryOrigin | undefined) {
    const coll = this.collection(name);
    const tx = this.tx(txId);
    const order = opts.order && Object.keys(opts.order).length ? opts.order : undefined;
    const need = opts.limit ? (opts.offset ?? 0) + opts.limit : undefined;
    const { docs, stats, tested } = this.select(coll, op, query, order, need, tx, origin);
    const list = guarded(() => {
      let cursor = findIn(docs, tested ? {} : (query ?? {}), opts.projection && Object.keys(opts.projection).length ? opts.projection : undefined);
      if (order) cursor = cursor.sort(order);
      if (opts.offset) cursor = cursor.skip(opts.offset);
      if (opts.limit) cursor = cursor.limit(opts.limit);
      return cursor.all() as Doc[];
    });
    return { list, stats };
  }

  count(name: string, query: Query | undefined, origin?: QueryOrigin): number {
    const coll = this.collection(name);
    // counting a whole collection reads its size, not its documents
    if (!query || !Object.keys(query).length) return coll.docs.size;
    return this.match(coll, 'count', query, undefined, origin).length;
  }

  insert(name: string, docs: object[], txId?: string): string[] {
    const coll = this.collection(name);
    const tx = this.tx(txId);
    const changes: Change[] = [];
    const seen = new Set<string>();
    for (const raw of docs as Array<Record<string, unknown>>) {
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new WireError(CODES.invalidParam, 'document must be an object');
      assertAllowed(raw);
      const id = raw._id === undefined ? newId() : raw._id;
      if (typeof id !== 'string' || !id) throw new WireError(CODES.invalidParam, '_id must be a non-empty string');
      if (seen.has(id) || this.view(coll, id, tx)) {
        throw new WireError(CODES.requestFailed, `E11000 duplicate key error collection: ${name} index: _id_ dup key: { _id: "${id}" }`);
      }
      seen.add(id);
      changes.push({ id, before: null, after: { ...structuredClone(raw), _id: id } as Doc });
    }
    if (tx) {
      const staged = new Map<Collection, Change[]>([[coll, changes]]);
      coll.checkUnique(changes);
      for (const c of staged.get(coll)!) tx.writes.set(txKey(name, c.id), { coll: name, id: c.id, after: c.after });
    } else {
      this.commit(new Map([[coll, changes]]));
    }
    return changes.map((c) => c.id);
  }

  /** update (merge) or set (replace, upsert) by _id or by a filter. */
  modify(
    name: string,
    query: Query | undefined,
    data: Record<string, unknown>,
    opts: { multi: boolean; merge: boolean; upsert: boolean },
    txId?: string,
    origin?: QueryOrigin,
  ): { updated: number; upsertId?: string; ids: string[] } {
    const coll = this.collection(name);
    const tx = this.tx(txId);
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new WireError(CODES.invalidParam, 'update data must be an object');
    let targets = this.match(coll, 'update', query, tx, origin);
    if (!opts.multi) targets = targets.slice(0, 1);
    const changes: Change[] = [];
    for (const doc of targets) {
      let after: Doc;
      if (opts.merge) after = applyModifier(doc, data);
      else {
        if (hasOperators(data)) throw new WireError(CODES.invalidParam, 'set() takes a plain document');
        assertAllowed(data);
        after = { ...structuredClone(data), _id: doc._id } as Doc;
      }
      changes.push({ id: doc._id, before: doc, after });
    }
    let upsertId: string | undefined;
    if (!targets.length && opts.upsert) {
      const id = typeof query?._id === 'string' ? query._id : newId();
      const base = { _id: id } as Doc;
      const after = opts.merge ? applyModifier(base, data) : ({ ...structuredClone(data), _id: id } as Doc);
      changes.push({ id, before: null, after });
      upsertId = id;
    }
    const updated = changes.filter((c) => c.before && !isSameDoc(c.before, c.after)).length;
    this.write(coll, changes, tx);
    return { updated, upsertId, ids: changes.map((c) => c.id) };
  }

  remove(name: string, query: Query | undefined, multi: boolean, txId?: string, origin?: QueryOrigin): number {
    const coll = this.collection(name);
    const tx = this.tx(txId);
    let targets = this.match(coll, 'remove', query, tx, origin);
    if (!multi) targets = targets.slice(0, 1);
    this.write(coll, targets.map((doc) => ({ id: doc._id, before: doc, after: null })), tx);
    return targets.length;
  }

  private write(coll: Collection, changes: Change[], tx?: Transaction): void {
    if (!tx) return this.commit(new Map([[coll, changes]]));
    for (const c of changes) tx.writes.set(txKey(coll.name, c.id), { coll: coll.name, id: c.id, after: c.after });
  }

  aggregate(name: string, pipeline: Record<string, unknown>[], origin?: QueryOrigin): Record<string, unknown>[] {
    const coll = this.collection(name);
    assertAllowed(pipeline);
    // a leading $match is answered like a query (from an index where one serves it); the stage still runs
    const first = pipeline[0]?.$match;
    const match = first && typeof first === 'object' && !Array.isArray(first) ? (first as Query) : undefined;
    const { docs, tested } = this.select(coll, 'aggregate', match, undefined, undefined, undefined, origin);
    // every document already passed that $match (the index path tested it): it need not run again
    return this.runPipeline(docs, match && tested ? pipeline.slice(1) : pipeline, origin);
  }

  /** Stages over documents: mingo in runs, each let/pipeline $lookup joined here (nested ones too). */
  private runPipeline(input: Record<string, unknown>[], pipeline: Record<string, unknown>[], origin?: QueryOrigin): Record<string, unknown>[] {
    let docs = input;
    // stages run in mingo in runs; a $lookup in its let/pipeline form is joined here, per document,
    // through the joined collection's indexes (as MongoDB does for equality on a `let` variable)
    let run: Record<string, unknown>[] = [];
    const flush = () => {
      if (!run.length) return;
      const stages = run;
      run = [];
      // the stages a joined read is made of ($match, $limit, $skip) are filters and slices: no pipeline
      if (stages.every(isSliceStage)) {
        docs = guarded(() => stages.reduce(sliceStage, docs));
        return;
      }
      // any stage may read another collection ($lookup, $graphLookup, $unionWith, inside $facet)
      const resolve = (other: string) => [...(this.collections.get(other)?.docs.values() ?? [])];
      docs = guarded(() => aggregate(stages, docs, { collectionResolver: resolve }));
    };
    for (const stage of pipeline) {
      const join = asIndexedJoin(stage.$lookup);
      if (!join) {
        run.push(stage);
        continue;
      }
      flush();
      docs = docs.map((doc) => ({ ...doc, [join.as]: this.joinOne(doc, join, origin) }));
    }
    flush();
    return docs;
  }

  /** One document's side of a let/pipeline $lookup: the candidates an index gives, then the pipeline. */
  private joinOne(doc: Record<string, unknown>, join: IndexedJoin, origin?: QueryOrigin): Record<string, unknown>[] {
    const other = this.collections.get(join.from);
    if (!other) return [];
    const vars: Record<string, unknown> = {};
    for (const [name, expr] of Object.entries(join.let)) vars[name] = typeof expr === 'string' && expr.startsWith('$') ? (getPath(doc, expr.slice(1)) ?? null) : expr;
    const pipeline = withVariables(join.pipeline, vars) as Record<string, unknown>[];
    const candidates = candidatesQuery(pipeline[0]?.$match);
    const { docs, tested } = this.select(other, 'aggregate', candidates.query, undefined, undefined, undefined, origin);
    // every document passed a query that says all the $match says, and none holds an array where
    // $expr compares (the one place the two differ): the $match has nothing left to do
    const settled = candidates.exact && tested && docs.every((d) => candidates.exprFields.every((f) => !Array.isArray(d[f])));
    return this.runPipeline(docs, settled ? pipeline.slice(1) : pipeline, origin);
  }

  /** Drop every document (tests); keeps declared collections. */
  reset(): void {
    this.collections.clear();
    this.transactions.clear();
    for (const name of Object.keys(this.declared)) this.createCollection(name, false);
    this.journal?.compact(this.collections.values());
  }
}
