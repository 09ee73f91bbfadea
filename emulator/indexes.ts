// The emulator's query indexes: for every declared index a sorted run of entries kept in step
// with every write, and a planner that answers equality, `$in` and ranges on an index prefix from
// them (in index order where that is the requested order). The planner only narrows the
// candidates: mingo still decides every match and the final order, so an indexed answer is the
// scan's answer by construction, provided the candidates are a superset and come in scan order.
import type { IndexSpec } from '../cloudfunctions/runtime/collections';

type Doc = Record<string, unknown> & { _id: string };
type Query = Record<string, unknown>;

/**
 * A scalar as an index orders it: mingo's type order (null < number < string < boolean < date),
 * then the value. A missing field is null, as in mingo's $sort (it groups undefined with null)
 * and in `{f: null}`, which matches both.
 */
export interface Key {
  r: number;
  v: number | string;
}

const NULL_KEY: Key = { r: 2, v: 0 };

export function keyOf(value: unknown): Key | null {
  if (value === undefined || value === null) return NULL_KEY;
  if (typeof value === 'number') return Number.isNaN(value) ? null : { r: 3, v: value };
  if (typeof value === 'string') return { r: 4, v: value };
  if (typeof value === 'boolean') return { r: 9, v: value ? 1 : 0 };
  if (value instanceof Date) {
    const t = value.getTime();
    return Number.isNaN(t) ? null : { r: 10, v: t };
  }
  return null;
}

export function cmpKey(a: Key, b: Key): number {
  if (a.r !== b.r) return a.r - b.r;
  return a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
}

/**
 * The keys of one field of a document: one key, one per element when the field holds an array of
 * scalars (multikey, as CloudBase matches an element), or null when the value is not plainly
 * indexable (objects, nested or empty arrays, arrays on the path): such a document is "loose" and
 * is a candidate for every query on the index.
 */
function fieldKeys(doc: Doc, path: string[]): { keys: Key[]; array: boolean } | null {
  let cur: unknown = doc;
  for (const part of path) {
    if (Array.isArray(cur)) return null;
    if (cur === null || cur === undefined || typeof cur !== 'object') return { keys: [NULL_KEY], array: false };
    if (cur instanceof Date) return null;
    cur = Object.prototype.hasOwnProperty.call(cur, part) ? (cur as Record<string, unknown>)[part] : undefined;
  }
  if (Array.isArray(cur)) {
    if (!cur.length) return null;
    const keys: Key[] = [];
    for (const el of cur) {
      if (el === undefined) return null;
      const k = keyOf(el);
      if (!k) return null;
      if (!keys.some((x) => cmpKey(x, k) === 0)) keys.push(k);
    }
    return { keys, array: true };
  }
  const k = keyOf(cur);
  return k ? { keys: [k], array: false } : null;
}

interface Entry {
  k: Key[];
  id: string;
  seq: number;
}

/** Entries per chunk before a chunk splits: inserting shifts one chunk, not the whole index. */
const CHUNK = 128;

/**
 * One declared index: its entries sorted by the index keys (each field in its declared direction),
 * then by insertion sequence, kept in chunks of at most CHUNK (a two-level B-tree, in effect).
 * Positions given out (spans, idAt) are global and valid until the next write.
 */
export class QueryIndex {
  readonly fields: string[];
  private readonly paths: string[][];
  readonly dirs: number[];
  private chunks: Entry[][] = [[]];
  /** Global position of each chunk's first entry; recomputed after a write, on first use. */
  private starts: number[] | null = null;
  private count = 0;
  /** Documents whose keys are not plain scalars: always candidates. */
  readonly loose = new Set<string>();
  /** Per field, how many documents hold an array there (such a field cannot give the sort order). */
  readonly multikey: number[];

  constructor(readonly spec: IndexSpec) {
    this.fields = spec.keys.map(([f]) => f);
    this.paths = this.fields.map((f) => f.split('.'));
    this.dirs = spec.keys.map(([, d]) => d);
    this.multikey = this.fields.map(() => 0);
  }

  get name(): string {
    return this.spec.name;
  }

  get size(): number {
    return this.count;
  }

  private cmp(a: Entry, b: Entry): number {
    for (let i = 0; i < this.fields.length; i++) {
      const c = cmpKey(a.k[i], b.k[i]) * this.dirs[i];
      if (c) return c;
    }
    return a.seq - b.seq;
  }

  private keysOf(doc: Doc): { keys: Key[][]; arrays: boolean[] | null } | null {
    const single: Key[] = [];
    let lists: Array<{ keys: Key[]; array: boolean }> | null = null;
    for (let i = 0; i < this.paths.length; i++) {
      const p = fieldKeys(doc, this.paths[i]);
      if (!p) return null;
      if (p.array && !lists) lists = [];
      single.push(p.keys[0]);
      lists?.push(p);
    }
    if (!lists) return { keys: [single], arrays: null };
    // recompute with every field's list: the fields before the first array were not recorded
    lists = this.paths.map((path) => fieldKeys(doc, path)!);
    // MongoDB refuses a compound key over two arrays; here such a document is simply loose
    if (lists.filter((p) => p.keys.length > 1).length > 1) return null;
    let keys: Key[][] = [[]];
    for (const p of lists) keys = keys.flatMap((prefix) => p.keys.map((k) => [...prefix, k]));
    return { keys, arrays: lists.map((p) => p.array) };
  }

  /** The chunk an entry belongs in (the last whose first entry is not after it), and its place there. */
  private place(e: Entry): [number, number] {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.cmp(this.chunks[mid][0], e) <= 0) lo = mid;
      else hi = mid - 1;
    }
    const chunk = this.chunks[lo];
    let a = 0;
    let b = chunk.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (this.cmp(chunk[mid], e) < 0) a = mid + 1;
      else b = mid;
    }
    return [lo, a];
  }

  add(doc: Doc, seq: number): void {
    const k = this.keysOf(doc);
    if (!k) {
      this.loose.add(doc._id);
      return;
    }
    k.arrays?.forEach((a, i) => a && this.multikey[i]++);
    for (const key of k.keys) {
      const e = { k: key, id: doc._id, seq };
      const [c, at] = this.place(e);
      const chunk = this.chunks[c];
      // shifting by hand: Array#splice allocates on every call, which dominated bulk loads
      chunk.push(e);
      for (let j = chunk.length - 1; j > at; j--) chunk[j] = chunk[j - 1];
      chunk[at] = e;
      if (chunk.length > 2 * CHUNK) this.chunks.splice(c, 1, chunk.slice(0, CHUNK), chunk.slice(CHUNK));
      this.count++;
    }
    this.starts = null;
  }

  remove(doc: Doc, seq: number): void {
    if (this.loose.delete(doc._id)) return;
    const k = this.keysOf(doc);
    if (!k) return;
    k.arrays?.forEach((a, i) => a && this.multikey[i]--);
    for (const key of k.keys) {
      const [c, at] = this.place({ k: key, id: doc._id, seq });
      const chunk = this.chunks[c];
      if (chunk[at]?.id !== doc._id) continue;
      for (let j = at; j < chunk.length - 1; j++) chunk[j] = chunk[j + 1];
      chunk.pop();
      this.count--;
      if (!chunk.length && this.chunks.length > 1) this.chunks.splice(c, 1);
    }
    this.starts = null;
  }

  /**
   * Whether an update leaves this index as it was: the same keys for the same document (a counter
   * moving on a field the index does not hold). Then neither remove nor add is needed.
   */
  unchanged(before: Doc, after: Doc): boolean {
    const a = this.keysOf(before);
    const b = this.keysOf(after);
    if (!a || !b) return !a && !b && this.loose.has(before._id);
    if (a.keys.length !== b.keys.length || !!a.arrays !== !!b.arrays) return false;
    if (a.arrays && b.arrays && a.arrays.some((x, i) => x !== b.arrays![i])) return false;
    for (let i = 0; i < a.keys.length; i++) {
      for (let f = 0; f < a.keys[i].length; f++) if (cmpKey(a.keys[i][f], b.keys[i][f]) !== 0) return false;
    }
    return true;
  }

  /** Replace every entry at once (start-up after the journal is read): one sort instead of n inserts. */
  rebuild(docs: Iterable<[Doc, number]>): void {
    const all: Entry[] = [];
    this.loose.clear();
    this.multikey.fill(0);
    for (const [doc, seq] of docs) {
      const k = this.keysOf(doc);
      if (!k) {
        this.loose.add(doc._id);
        continue;
      }
      k.arrays?.forEach((a, i) => a && this.multikey[i]++);
      for (const key of k.keys) all.push({ k: key, id: doc._id, seq });
    }
    all.sort((a, b) => this.cmp(a, b));
    this.chunks = [];
    for (let i = 0; i < all.length; i += CHUNK) this.chunks.push(all.slice(i, i + CHUNK));
    if (!this.chunks.length) this.chunks.push([]);
    this.count = all.length;
    this.starts = null;
  }

  private chunkStarts(): number[] {
    if (!this.starts) {
      this.starts = [];
      let n = 0;
      for (const chunk of this.chunks) {
        this.starts.push(n);
        n += chunk.length;
      }
    }
    return this.starts;
  }

  private at(i: number): Entry {
    const starts = this.chunkStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return this.chunks[lo][i - starts[lo]];
  }

  /** First global position for which `pred` is false, `pred` being true on a prefix. */
  private boundary(pred: (e: Entry) => boolean): number {
    const starts = this.chunkStarts();
    // the first chunk whose last entry fails, then the first failing entry in it
    let lo = 0;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const chunk = this.chunks[mid];
      if (chunk.length && pred(chunk[chunk.length - 1])) lo = mid + 1;
      else hi = mid;
    }
    if (lo === this.chunks.length) return this.count;
    const chunk = this.chunks[lo];
    let a = 0;
    let b = chunk.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (pred(chunk[mid])) a = mid + 1;
      else b = mid;
    }
    return starts[lo] + a;
  }

  /** The contiguous run of entries with these leading keys and, after them, a key within `range`. */
  span(points: Key[], range?: Range): [number, number] {
    const prefix = (e: Entry): number => {
      for (let i = 0; i < points.length; i++) {
        const c = cmpKey(e.k[i], points[i]) * this.dirs[i];
        if (c) return c;
      }
      return 0;
    };
    const m = points.length;
    const d = this.dirs[m];
    // "below" and "above" in value order; storage order flips them on a descending field
    const below = (k: Key): boolean => {
      if (!range) return false;
      if (k.r !== range.r) return k.r < range.r;
      if (!range.lo) return false;
      const c = cmpKey(k, range.lo.k);
      return c < 0 || (c === 0 && !range.lo.inc);
    };
    const above = (k: Key): boolean => {
      if (!range) return false;
      if (k.r !== range.r) return k.r > range.r;
      if (!range.hi) return false;
      const c = cmpKey(k, range.hi.k);
      return c > 0 || (c === 0 && !range.hi.inc);
    };
    const before = (e: Entry): boolean => {
      const c = prefix(e);
      if (c) return c < 0;
      return d === -1 ? above(e.k[m]) : below(e.k[m]);
    };
    const notAfter = (e: Entry): boolean => {
      const c = prefix(e);
      if (c) return c < 0;
      return !(d === -1 ? below(e.k[m]) : above(e.k[m]));
    };
    return [this.boundary(before), this.boundary(notAfter)];
  }

  idAt(i: number): string {
    return this.at(i).id;
  }

  /** Do entries i and j agree on the fields [from, to)? */
  sameKeys(i: number, j: number, from: number, to: number): boolean {
    const a = this.at(i).k;
    const b = this.at(j).k;
    for (let f = from; f < to; f++) if (cmpKey(a[f], b[f]) !== 0) return false;
    return true;
  }
}

// ---- the planner ----------------------------------------------------------------------------------

export interface Range {
  r: number;
  lo?: { k: Key; inc: boolean };
  hi?: { k: Key; inc: boolean };
}

type Constraint = { points: Key[] } | { range: Range };

function isOperatorObject(v: unknown): v is Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v) || v instanceof Date || v instanceof RegExp) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

/** What one field's condition says about its index keys (null: nothing usable). */
function constraintOf(cond: unknown): Constraint | null {
  if (!isOperatorObject(cond)) {
    const k = cond === undefined ? null : keyOf(cond);
    return k ? { points: [k] } : null;
  }
  if ('$eq' in cond) {
    const k = cond.$eq === undefined ? null : keyOf(cond.$eq);
    if (k) return { points: [k] };
  }
  if (Array.isArray(cond.$in) && cond.$in.length) {
    const keys: Key[] = [];
    for (const v of cond.$in) {
      const k = v === undefined ? null : keyOf(v);
      if (!k) return null;
      if (!keys.some((x) => cmpKey(x, k) === 0)) keys.push(k);
    }
    return { points: keys };
  }
  const bound = (op: string) => {
    if (!(op in cond)) return null;
    const k = keyOf(cond[op]);
    // mingo's comparisons only match values of the bound's own type; null bounds are left to it
    return k && k.r !== NULL_KEY.r ? k : null;
  };
  const gt = bound('$gt') ?? bound('$gte');
  const lt = bound('$lt') ?? bound('$lte');
  const lo = gt ? { k: gt, inc: !bound('$gt') } : undefined;
  const hi = lt ? { k: lt, inc: !bound('$lt') } : undefined;
  if (lo && hi && lo.k.r !== hi.k.r) return { range: { r: lo.k.r, lo } };
  if (lo || hi) return { range: { r: (lo ?? hi)!.k.r, lo, hi } };
  return null;
}

interface Extracted {
  fields: Map<string, Constraint>;
  ors: Query[][];
}

function merge(into: Map<string, Constraint>, field: string, c: Constraint): void {
  const had = into.get(field);
  // any one condition narrows the candidates; a point narrows most
  if (!had || ('range' in had && 'points' in c)) into.set(field, c);
  else if ('range' in had && 'range' in c && had.range.r === c.range.r) {
    // `_.and(_.gt(a), _.lte(b))` arrives as two conditions on one field: one range
    const lo = had.range.lo ?? c.range.lo;
    const hi = had.range.hi ?? c.range.hi;
    into.set(field, { range: { r: had.range.r, lo, hi } });
  }
}

function extract(query: Query, out: Extracted = { fields: new Map(), ors: [] }): Extracted {
  for (const [k, v] of Object.entries(query)) {
    if (k === '$and' && Array.isArray(v)) {
      for (const sub of v) if (sub && typeof sub === 'object') extract(sub as Query, out);
    } else if (k === '$or' && Array.isArray(v)) {
      out.ors.push(v.filter((b) => b && typeof b === 'object') as Query[]);
    } else if (!k.startsWith('$')) {
      const c = constraintOf(v);
      if (c) merge(out.fields, k, c);
    }
  }
  return out;
}

export type Scan =
  | { kind: 'ids'; ids: string[] }
  | {
      kind: 'index';
      index: QueryIndex;
      spans: Array<[number, number]>;
      /** How many index fields are fixed by points: the order within a span starts after them (or at the range field). */
      fixed: number;
      /** Leading orderBy fields the index order gives within each span, walked forward or backward. */
      served: number;
      reverse: boolean;
      fieldsUsed: number;
    };

export interface Plan {
  scans: Scan[];
  /** Estimated documents to examine. */
  cost: number;
}

const MAX_SPANS = 256;

function planOnIndex(
  index: QueryIndex,
  fields: Map<string, Constraint>,
  order: Array<[string, number]>,
  need: number | undefined,
  emptyFilter: boolean,
): { scan: Scan; cost: number } | null {
  let combos: Key[][] = [[]];
  let range: Range | undefined;
  let used = 0;
  for (let i = 0; i < index.fields.length; i++) {
    const c = fields.get(index.fields[i]);
    if (!c) break;
    if ('points' in c) {
      if (combos.length * c.points.length > MAX_SPANS) break;
      combos = combos.flatMap((p) => c.points.map((k) => [...p, k]));
      used++;
      continue;
    }
    range = c.range;
    // on an array field each bound may be met by a different element: keep one bound
    if (index.multikey[i] > 0 && range.lo && range.hi) range = { r: range.r, lo: range.lo };
    used++;
    break;
  }
  const fixed = range ? used - 1 : used;
  // fields fixed to one point are constant in a span (unless a document holds an array there)
  const constant = new Set<string>();
  for (let i = 0; i < fixed; i++) {
    const c = fields.get(index.fields[i]);
    if (c && 'points' in c && c.points.length === 1 && index.multikey[i] === 0) constant.add(index.fields[i]);
  }
  const rest = order.filter(([f]) => !constant.has(f));
  let served = 0;
  let dir = 0;
  for (let t = 0; t < rest.length && fixed + t < index.fields.length; t++) {
    const [f, d] = rest[t];
    if (f !== index.fields[fixed + t] || index.multikey[fixed + t] > 0) break;
    const rel = d * index.dirs[fixed + t];
    if (dir && rel !== dir) break;
    dir = rel;
    served++;
  }
  if (!used && !(emptyFilter && served > 0)) return null;
  const spans = combos.map((p) => index.span(p, range));
  const whole = served === rest.length && need !== undefined;
  let cost = index.loose.size;
  for (const [s, e] of spans) cost += whole ? Math.min(e - s, need) : e - s;
  return {
    scan: { kind: 'index', index, spans, fixed, served, reverse: dir === -1, fieldsUsed: used },
    cost,
  };
}

function planFields(
  indexes: QueryIndex[],
  fields: Map<string, Constraint>,
  order: Array<[string, number]>,
  need: number | undefined,
  emptyFilter: boolean,
): Plan | null {
  const id = fields.get('_id');
  if (id && 'points' in id && id.points.every((k) => k.r === 4)) {
    const ids = id.points.map((k) => k.v as string);
    return { scans: [{ kind: 'ids', ids }], cost: ids.length };
  }
  // a unique index with every field fixed to one value holds at most one match: nothing beats it
  for (const index of indexes) {
    // (not on a field holding arrays: a unique key is the whole array, many documents hold one element)
    if (!index.spec.unique || index.loose.size || index.multikey.some((m) => m > 0)) continue;
    if (!index.fields.every((f) => {
      const c = fields.get(f);
      return !!c && 'points' in c && c.points.length === 1;
    })) continue;
    const p = planOnIndex(index, fields, order, need, emptyFilter);
    if (p) return { scans: [p.scan], cost: p.cost };
  }
  let best: { scan: Scan; cost: number } | null = null;
  for (const index of indexes) {
    const p = planOnIndex(index, fields, order, need, emptyFilter);
    if (!p) continue;
    const better =
      !best ||
      p.cost < best.cost ||
      (p.cost === best.cost && p.scan.kind === 'index' && best.scan.kind === 'index' && p.scan.fieldsUsed > best.scan.fieldsUsed);
    if (better) best = p;
  }
  return best ? { scans: [best.scan], cost: best.cost } : null;
}

/** The cheapest way the declared indexes answer this query, or null when only a scan does. */
export function planQuery(
  indexes: QueryIndex[],
  query: Query | undefined,
  order: Array<[string, number]>,
  need: number | undefined,
): Plan | null {
  const q = query ?? {};
  const ex = extract(q);
  const emptyFilter = !Object.keys(q).length;
  const base = planFields(indexes, ex.fields, order, need, emptyFilter);
  if (!ex.ors.length) return base;
  // $or: every branch from an index, or the conditions beside the $or on their own
  if (!ex.ors[0].length) return base;
  const scans: Scan[] = [];
  let cost = 0;
  for (const branch of ex.ors[0]) {
    const fields = new Map(ex.fields);
    const sub = extract(branch);
    for (const [f, c] of sub.fields) merge(fields, f, c);
    const p = planFields(indexes, fields, order, need, false);
    if (!p) return base;
    scans.push(...p.scans);
    cost += p.cost;
  }
  return base && base.cost <= cost ? base : { scans, cost };
}

/** Plain words for explain and the unindexed log. */
export function describePlan(plan: Plan | null): string {
  if (!plan) return 'scan';
  const names = plan.scans.map((s) => (s.kind === 'ids' ? '_id_' : s.index.name));
  return [...new Set(names)].join(' ∪ ');
}
