// mingo, built once. Its public Query, Aggregator and find copy mingo's whole operator table into
// every object they build (tens of microseconds each, and garbage), which was most of the
// emulator's CPU under a burst of calls. Handing the base classes one prepared ComputeOptions
// copies nothing. ComputeOptions is not in mingo's export map, so it is reached by path; should
// a mingo upgrade move it, the public (copying) API is used instead — slower, the same answers.
import { createRequire } from 'node:module';
import path from 'node:path';
import * as mingo from 'mingo';
import { Aggregator as BaseAggregator } from 'mingo/aggregator';
import { Context } from 'mingo/core';
import * as accumulator from 'mingo/operators/accumulator';
import * as expression from 'mingo/operators/expression';
import * as pipeline from 'mingo/operators/pipeline';
import * as projection from 'mingo/operators/projection';
import * as query from 'mingo/operators/query';
import * as window from 'mingo/operators/window';
import { Query as BaseQuery } from 'mingo/query';

type Doc = Record<string, unknown>;
type Options = { collectionResolver?: (name: string) => Doc[] };
interface ComputeOptionsClass {
  new (options: Record<string, unknown>, locals?: Record<string, unknown>): object;
  init(options: Record<string, unknown>): { options: Record<string, unknown> };
}

function computeOptionsClass(): ComputeOptionsClass | null {
  try {
    const require = createRequire(__filename);
    const internal = require(path.join(path.dirname(require.resolve('mingo')), 'core', '_internal.js')) as { ComputeOptions?: ComputeOptionsClass };
    return typeof internal.ComputeOptions?.init === 'function' ? internal.ComputeOptions : null;
  } catch {
    return null;
  }
}

const ComputeOptions = computeOptionsClass();
const context = Context.init({ accumulator, expression, pipeline, projection, query, window } as never);
/** mingo's defaults (as its own init sets them) with every operator, made once. */
const BASE = ComputeOptions ? ComputeOptions.init({ context }).options : null;

function optionsFor(extra?: Options): object | undefined {
  if (!ComputeOptions || !BASE) return undefined;
  return new ComputeOptions(extra?.collectionResolver ? { ...BASE, collectionResolver: extra.collectionResolver } : BASE);
}

const shared = optionsFor();

function mingoQuery(condition: Doc): { test(doc: Doc): boolean } {
  return shared ? new BaseQuery(condition, shared as never) : new mingo.Query(condition);
}

/**
 * A compiled query: the emulator's own test for the shapes functions send most (a field equal to a
 * scalar or a date, compared, in or not in a list), mingo for the rest — and mingo too for any
 * document the own test is not sure of (an array, an object or a missing value where a scalar is
 * asked, types that differ in a comparison), so the answer is always mingo's.
 */
export function compileQuery(condition: Doc): { test(doc: Doc): boolean } {
  const own = simpleTest(condition);
  if (!own) return mingoQuery(condition);
  let slow: { test(doc: Doc): boolean } | null = null;
  return {
    test(doc: Doc) {
      const verdict = own(doc);
      return verdict !== undefined ? verdict : (slow ??= mingoQuery(condition)).test(doc);
    },
  };
}

type Scalar = string | number | boolean | Date;
/** true, false, or undefined: not sure, ask mingo. */
type Verdict = boolean | undefined;

const isScalar = (v: unknown): v is Scalar =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && !Number.isNaN(v)) || (v instanceof Date && !Number.isNaN(v.getTime()));

/** Equality of a stored value with a scalar the query names (undefined for stored arrays and objects). */
function equalsScalar(x: unknown, v: Scalar): Verdict {
  if (x === undefined || x === null) return false;
  if (typeof x === 'object') return x instanceof Date ? v instanceof Date && x.getTime() === v.getTime() : undefined;
  return x === v;
}

function compareScalar(x: unknown, v: Scalar): number | undefined {
  if (typeof x === 'number' && typeof v === 'number') return x - v;
  if (typeof x === 'string' && typeof v === 'string') return x < v ? -1 : x > v ? 1 : 0;
  if (x instanceof Date && v instanceof Date) return x.getTime() - v.getTime();
  return undefined;
}

const COMPARISONS: Record<string, (c: number) => boolean> = { $gt: (c) => c > 0, $gte: (c) => c >= 0, $lt: (c) => c < 0, $lte: (c) => c <= 0 };

/** One field's condition as a test of its stored value, or null when it is not a shape handled here. */
function fieldTest(cond: unknown): ((x: unknown) => Verdict) | null {
  if (isScalar(cond)) return (x) => equalsScalar(x, cond);
  if (cond === null) return (x) => (x === null || x === undefined ? true : typeof x === 'object' && !(x instanceof Date) ? undefined : false);
  if (!cond || typeof cond !== 'object' || Array.isArray(cond) || cond instanceof Date || cond instanceof RegExp) return null;
  const parts: Array<(x: unknown) => Verdict> = [];
  for (const [op, v] of Object.entries(cond as Doc)) {
    if (op === '$eq' || op === '$ne') {
      if (!isScalar(v)) return null;
      parts.push(op === '$eq' ? (x) => equalsScalar(x, v) : (x) => (x === undefined || x === null ? true : negate(equalsScalar(x, v))));
    } else if (op in COMPARISONS) {
      if (!isScalar(v) || typeof v === 'boolean') return null;
      const holds = COMPARISONS[op];
      parts.push((x) => {
        const c = compareScalar(x, v);
        return c === undefined ? undefined : holds(c);
      });
    } else if (op === '$in' || op === '$nin') {
      if (!Array.isArray(v) || !v.every(isScalar)) return null;
      const list = v as Scalar[];
      const inList = (x: unknown): Verdict => {
        if (x === undefined || x === null) return false;
        if (typeof x === 'object' && !(x instanceof Date)) return undefined;
        return list.some((s) => equalsScalar(x, s) === true);
      };
      parts.push(op === '$in' ? inList : (x) => negate(inList(x)));
    } else return null;
  }
  if (!parts.length) return null;
  return (x) => {
    for (const part of parts) {
      const r = part(x);
      if (r !== true) return r;
    }
    return true;
  };
}

const negate = (v: Verdict): Verdict => (v === undefined ? undefined : !v);

/** The own test of a query whose every key is a plain field (no dots, no operators at the top). */
export function simpleTest(condition: Doc): ((doc: Doc) => Verdict) | null {
  const tests: Array<[string, (x: unknown) => Verdict]> = [];
  for (const [field, cond] of Object.entries(condition)) {
    if (field.startsWith('$') || field.includes('.')) return null;
    const t = fieldTest(cond);
    if (!t) return null;
    tests.push([field, t]);
  }
  return (doc) => {
    let unsure = false;
    for (const [field, t] of tests) {
      const r = t(doc[field]);
      if (r === false) return false;
      if (r === undefined) unsure = true;
    }
    return unsure ? undefined : true;
  };
}

/** mingo's find: a cursor over `docs`. */
export function findIn(docs: Doc[], condition: Doc, projectionSpec?: Doc) {
  return shared ? new BaseQuery(condition, shared as never).find(docs, projectionSpec) : mingo.find(docs, condition, projectionSpec);
}

/** Runs aggregation stages over `docs`. */
export function aggregate(stages: Doc[], docs: Doc[], options?: Options): Doc[] {
  const opts = options?.collectionResolver ? optionsFor(options) : shared;
  return (opts ? new BaseAggregator(stages as never, opts as never) : new mingo.Aggregator(stages as never, options as never)).run(docs) as Doc[];
}

/** Whether the fast path is in use (tests). */
export const preparedOptions = !!shared;
