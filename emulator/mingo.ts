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

/** A compiled query (mingo's Query). */
export function compileQuery(condition: Doc): { test(doc: Doc): boolean } {
  return shared ? new BaseQuery(condition, shared as never) : new mingo.Query(condition);
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
