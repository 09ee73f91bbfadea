// The function runtime: `exports.main = serve(contract, handlers, { jobs })`. Reads the WeChat
// context, validates `{ action, data }`, loads the caller, enforces the access the contract declares,
// runs the handler with its context (database, clock, ports), shapes the output through the contract
// and answers with the closed envelope. `createCaller` runs the same path in-process for tests.
import * as z from 'zod/mini';
import { zhCN } from 'zod/locales';
import type { ActionSpec, ContractSpec, OutputOf, ParsedInputOf } from '@core/contract';
import { AppError, failure, ok, type Envelope } from '@core/errors';
import { hasAnyRole, type Role } from '@core/roles';
import { audit } from './audit';
import { cloud, database, type Db } from './cloud';
import type { CollectionName } from './collections';
import { asAppError, findOne, type BaseDoc } from './db';
import { Limiter, tooFrequent } from './limits';
import type { UserDoc } from './model';
import { cloudPorts, type Ports } from './ports';
import { now } from './time';

z.config(zhCN());

export interface Ctx extends Ports {
  openid: string;
  /** The caller's user record; null only for `anyone` actions called before login. */
  user: UserDoc | null;
  roles: Role[];
  /** The compound whose records the caller may read (see `memberCompound`). */
  compoundId: string | null;
  now: Date;
  db: Db;
  /**
   * Appends to the audit log as the caller, under the caller's compound or (an officer acting on a
   * compound in scope) the one named, so that compound's branch sees it.
   */
  audit(action: string, target: string, detail?: Record<string, unknown>, compoundId?: string): Promise<void>;
  /**
   * The documents the action's `reads` declared, read in the caller's request: null when there is
   * none. A name is absent when it was not read with the caller (no caller record): use `joined`.
   */
  joined: Record<string, BaseDoc | null>;
  /** The lists (`limit`) and counts (`count`) the action's `reads` declared, as `joined`: use `joinedList`, `joinedCount`. */
  joinedLists: Record<string, BaseDoc[]>;
  joinedCounts: Record<string, number>;
}

/** A caller known to the system (access `user` or a role list). */
export interface UserCtx extends Ctx {
  user: UserDoc;
}

type Result<A extends ActionSpec> = Promise<z.input<A['output']>>;
type CtxFor<A extends ActionSpec> = A['access'] extends { kind: 'anyone' } ? Ctx : UserCtx;

/** Stands for the caller's _id in a joined read's `where`. */
export const CALLER_ID: unique symbol = Symbol('the caller\'s _id');

const CALLER_FIELD: unique symbol = Symbol('a field of the caller\'s record');
/** A field of the caller's record (their household, their building) in a joined read's `where`. */
export interface CallerField {
  [CALLER_FIELD]: string;
}
/** Stands for a field of the caller's record in a joined read's `where`: `callerField('householdId')`. */
export const callerField = (path: string): CallerField => ({ [CALLER_FIELD]: path });
const isCallerField = (v: unknown): v is CallerField => !!v && typeof v === 'object' && CALLER_FIELD in v;

type Constant = string | number | boolean | null;

/**
 * What an action reads in the same database request as its caller's record: the first document of
 * `from` whose fields equal `where` (constants, CALLER_ID, a callerField, or an array of constants:
 * any of them). With `limit`, up to that many (in `orderBy`, only `fields`: `joinedList`); with
 * `count`, how many match (`joinedCount`). Declare an index that serves `where`, as for any query.
 */
export interface JoinedRead {
  from: CollectionName;
  where: Record<string, Constant | Constant[] | typeof CALLER_ID | CallerField>;
  limit?: number;
  orderBy?: Array<[string, 'asc' | 'desc']>;
  fields?: Record<string, true>;
  count?: true;
}

/** What an action reads with its caller, named; from its validated input. */
export type Reads<I> = (input: I) => Record<string, JoinedRead>;

/**
 * One handler per action; an `anyone` handler may run before the caller has a user record. `reads`
 * names the documents the handler needs first (the request it acts on, the caller's registration for
 * an event): they come with the caller's record in one request (ctx.joined).
 */
export type Handlers<C extends ContractSpec> = {
  [K in keyof C]: { handle: (ctx: CtxFor<C[K]>, input: ParsedInputOf<C[K]>) => Result<C[K]>; reads?: Reads<ParsedInputOf<C[K]>> };
};

/** What a scheduled job sees: no caller, the compound it is limited to (null: every compound). */
export interface JobCtx extends Ports {
  db: Db;
  now: Date;
  scope: string | null;
}

/** A domain's scheduled job; answers counts of what it did (escalated, reminded, …). */
export type Job = (ctx: JobCtx) => Promise<Record<string, number>>;

export interface ServeOptions {
  /** The domain's scheduled jobs, run on `{ $job }` events from the scheduler (or its timer). */
  jobs?: Record<string, Job>;
  /** A timer trigger of this function itself (the scheduler's). */
  onTimer?: (ctx: JobCtx, event: TimerEvent) => Promise<unknown>;
  /**
   * Work the function hands to a fresh invocation of itself (`startTask`), run on `{ $task, args }`
   * events: a long export built chunk by chunk, each chunk within the platform's timeout.
   */
  tasks?: Record<string, Task>;
}

/** One step of background work; its args come from the function that started it, never from a client. */
export type Task = (ctx: JobCtx, args: Record<string, unknown>) => Promise<unknown>;

export interface TaskEvent {
  $task: string;
  args?: Record<string, unknown>;
}

export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time: string;
}

export interface JobEvent {
  /** A job name, or 'all'. */
  $job: string;
}

function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}：${i.message}` : i.message))
    .join('；');
}

/**
 * The compound whose records the caller may read: a verified household's or the one where they hold
 * a role. An applicant (pending or rejected) has none yet, whatever an old record may say (DESIGN §2).
 */
export function memberCompound(user: Pick<UserDoc, 'compoundId' | 'householdId' | 'roles'> | null): string | null {
  if (!user?.compoundId) return null;
  return user.householdId || user.roles.length ? user.compoundId : null;
}

/** The caller's user record, read on every call: identity, roles, consents and erasure decide access. */
export async function loadCaller(db: Db, openid: string): Promise<UserDoc | null> {
  return findOne<UserDoc>(db, 'users', { openid });
}

const JOINED = '__linli_joined_';

/** A constant is compared as it is: never an object (an operator) from somebody's input. */
const isConstant = (v: unknown): v is Constant => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/**
 * A joined read as a $lookup's let and pipeline: constants as equality (an array as $in), the
 * caller's _id and fields by $expr on let variables.
 */
function joinedLookup(read: JoinedRead): { let: Record<string, string>; pipeline: Record<string, unknown>[] } {
  const match: Record<string, unknown> = {};
  const onCaller: unknown[] = [];
  const lets: Record<string, string> = { caller: '$_id' };
  for (const [field, value] of Object.entries(read.where)) {
    if (value === CALLER_ID) onCaller.push({ $eq: [`$${field}`, '$$caller'] });
    else if (isCallerField(value)) {
      const name = `c${Object.keys(lets).length}`;
      lets[name] = `$${value[CALLER_FIELD]}`;
      onCaller.push({ $eq: [`$${field}`, `$$${name}`] });
    } else if (Array.isArray(value) && value.every(isConstant)) match[field] = { $in: value };
    else if (isConstant(value)) match[field] = value;
    else throw new Error(`joined read on ${read.from}: ${field} is not a constant`);
  }
  if (onCaller.length) match.$expr = onCaller.length === 1 ? onCaller[0] : { $and: onCaller };
  const pipeline: Record<string, unknown>[] = [{ $match: match }];
  if (read.count) return { let: lets, pipeline: [...pipeline, { $count: 'n' }] };
  if (read.orderBy?.length) pipeline.push({ $sort: Object.fromEntries(read.orderBy.map(([f, d]) => [f, d === 'asc' ? 1 : -1])) });
  pipeline.push({ $limit: read.limit ?? 1 });
  if (read.fields) pipeline.push({ $project: read.fields });
  return { let: lets, pipeline };
}

interface Joined {
  joined: Record<string, BaseDoc | null>;
  joinedLists: Record<string, BaseDoc[]>;
  joinedCounts: Record<string, number>;
}

const nothingJoined = (): Joined => ({ joined: {}, joinedLists: {}, joinedCounts: {} });

/**
 * The caller's user record and the documents an action reads with it, in one request: an aggregate on
 * `users` matching the openid, with one $lookup (let/pipeline form) per read. Without a caller record
 * nothing is joined (the handler reads for itself, see `joined`).
 */
export async function loadCallerWith(db: Db, openid: string, reads: Record<string, JoinedRead>): Promise<{ user: UserDoc | null } & Joined> {
  const names = Object.keys(reads);
  if (!names.length) return { user: await loadCaller(db, openid), ...nothingJoined() };
  let agg = db.collection('users').aggregate().match({ openid }).limit(1);
  for (const name of names) agg = agg.lookup({ from: reads[name].from, ...joinedLookup(reads[name]), as: JOINED + name });
  const res = (await agg.end()) as unknown as { list: Array<Record<string, unknown>> };
  const row = res.list[0];
  if (!row) return { user: null, ...nothingJoined() };
  const out = nothingJoined();
  for (const name of names) {
    const rows = (row[JOINED + name] as BaseDoc[] | undefined) ?? [];
    delete row[JOINED + name];
    if (reads[name].count) out.joinedCounts[name] = Number((rows[0] as unknown as { n?: number } | undefined)?.n ?? 0);
    else if (reads[name].limit !== undefined) out.joinedLists[name] = rows;
    else out.joined[name] = rows[0] ?? null;
  }
  return { user: row as unknown as UserDoc, ...out };
}

/**
 * A document the action declared in `reads`: as read with the caller, or (not read with it) read now
 * by `read` — the same answer either way.
 */
export async function joined<T extends BaseDoc>(ctx: Ctx, name: string, read: () => Promise<T | null>): Promise<T | null> {
  return Object.prototype.hasOwnProperty.call(ctx.joined, name) ? (ctx.joined[name] as T | null) : read();
}

/** The documents a `limit` read declared in `reads`: as read with the caller, or read now by `read`. */
export async function joinedList<T extends BaseDoc>(ctx: Ctx, name: string, read: () => Promise<T[]>): Promise<T[]> {
  return Object.prototype.hasOwnProperty.call(ctx.joinedLists, name) ? (ctx.joinedLists[name] as T[]) : read();
}

/** How many documents a `count` read declared in `reads` matched: as counted with the caller, or counted now by `count`. */
export async function joinedCount(ctx: Ctx, name: string, count: () => Promise<number>): Promise<number> {
  return Object.prototype.hasOwnProperty.call(ctx.joinedCounts, name) ? ctx.joinedCounts[name] : count();
}

/** What a context is made from: the caller's openid, the database, and optionally a clock and ports. */
export interface ContextSource {
  openid: string;
  db: Db;
  now?: Date;
  ports?: Partial<Ports>;
}

export async function createContext(src: ContextSource, reads: Record<string, JoinedRead> = {}): Promise<Ctx> {
  const { user, ...joined } = src.openid ? await loadCallerWith(src.db, src.openid, reads) : { user: null, ...nothingJoined() };
  const ctx: Ctx = {
    ...cloudPorts(src.db),
    ...src.ports,
    openid: src.openid,
    user,
    roles: user?.roles ?? [],
    compoundId: memberCompound(user),
    now: src.now ?? now(),
    db: src.db,
    audit: (action, target, detail = {}, compoundId) => audit(ctx, action, target, detail, compoundId),
    ...joined,
  };
  return ctx;
}

function asFailure(e: unknown): Envelope<never> {
  const known = asAppError(e);
  if (known) return failure(known.code, known.message);
  console.error('[linli] unexpected error', e);
  return failure('INTERNAL');
}

/** Who is calling, before anything is read: the rate limit is checked on this, with no database request. */
interface Caller {
  openid: string;
  /** The environment: one instance serves one, but the emulator's host serves many. */
  env: string;
  limiter: Limiter;
}

/** Validate, rate-limit, check access, run, shape: the one path every call takes, over HTTP or in-process. */
async function dispatch<C extends ContractSpec>(
  contract: C,
  handlers: Handlers<C>,
  event: unknown,
  caller: Caller,
  context: (reads: Record<string, JoinedRead>) => Promise<Ctx>,
): Promise<Envelope<unknown>> {
  try {
    if (!event || typeof event !== 'object') return failure('INVALID_INPUT', '请求格式不正确');
    const { action, data } = event as { action?: unknown; data?: unknown };
    if (typeof action !== 'string') return failure('INVALID_INPUT', '缺少操作名称');
    if (!Object.prototype.hasOwnProperty.call(contract, action)) return failure('INVALID_INPUT', `未知的操作：${action.slice(0, 40)}`);
    const spec = contract[action];
    const parsed = spec.input.safeParse(data ?? {});
    if (!parsed.success) return failure('INVALID_INPUT', describeIssues(parsed.error));
    if (spec.limit && caller.openid) {
      const wait = caller.limiter.take(`${caller.env}\u0000${action}\u0000${caller.openid}`, spec.limit, now().getTime());
      if (wait) return failure('RATE_LIMITED', tooFrequent(wait));
    }

    const handler = handlers[action as keyof C];
    const reads = (handler.reads as Reads<unknown> | undefined)?.(parsed.data) ?? {};
    const ctx = await context(reads);
    if (!ctx.openid) return failure('UNAUTHENTICATED', '无法识别您的微信身份，请重新进入小程序');
    if (spec.access.kind !== 'anyone') {
      if (!ctx.user) return failure('UNAUTHENTICATED');
      if (spec.access.kind === 'roles' && !hasAnyRole(ctx.roles, spec.access.roles)) return failure('FORBIDDEN');
    }
    const result = await (handler.handle as (c: Ctx, i: unknown) => Promise<unknown>)(ctx, parsed.data);
    const shaped = spec.output.safeParse(result);
    if (!shaped.success) {
      console.error(`[${action}] output breaks its contract: ${describeIssues(shaped.error)}`);
      return failure('INTERNAL');
    }
    return ok(shaped.data as OutputOf<typeof spec>);
  } catch (e) {
    return asFailure(e);
  }
}

/**
 * Runs the domain's jobs. Without a caller (the scheduler's timer) they cover every compound; a caller
 * (the branch running the sweep by hand through the scheduler) limits them to their own compound.
 */
async function runJobs(jobs: Record<string, Job>, event: JobEvent, openid: string, db: Db): Promise<Envelope<unknown>> {
  const names = event.$job === 'all' ? Object.keys(jobs) : [event.$job];
  if (!names.every((n) => Object.prototype.hasOwnProperty.call(jobs, n))) return failure('INVALID_INPUT', '未知的任务');
  let scope: string | null = null;
  if (openid) {
    const caller = await loadCaller(db, openid);
    scope = memberCompound(caller);
    if (!caller || !scope || !caller.roles.includes('branch')) return failure('FORBIDDEN');
  }
  const counts: Record<string, number> = {};
  const ctx: JobCtx = { ...cloudPorts(db), db, now: now(), scope };
  for (const name of names) {
    for (const [k, v] of Object.entries(await jobs[name](ctx))) counts[k] = (counts[k] ?? 0) + v;
  }
  return ok(counts);
}

export function serve<C extends ContractSpec>(contract: C, handlers: Handlers<C>, options: ServeOptions = {}) {
  // this warm instance's rate-limit buckets
  const limiter = new Limiter();
  return async function main(event: unknown): Promise<Envelope<unknown>> {
    try {
      if (event && typeof event === 'object') {
        if ((event as TimerEvent).Type === 'Timer' && options.onTimer) {
          // timers carry no user
          if (cloud.getWXContext().OPENID) return failure('FORBIDDEN');
          const db = database();
          return ok(await options.onTimer({ ...cloudPorts(db), db, now: now(), scope: null }, event as TimerEvent));
        }
        if (typeof (event as TaskEvent).$task === 'string' && options.tasks) {
          // only a function (this one) starts a task: its call arrives with `scf` last in the source chain
          const source = String((cloud.getWXContext() as { SOURCE?: unknown }).SOURCE ?? '');
          if (source.split(',').pop() !== 'scf') return failure('FORBIDDEN');
          const { $task, args } = event as TaskEvent;
          if (!Object.prototype.hasOwnProperty.call(options.tasks, $task)) return failure('INVALID_INPUT', '未知的任务');
          const db = database();
          return ok(await options.tasks[$task]({ ...cloudPorts(db), db, now: now(), scope: null }, args && typeof args === 'object' ? args : {}));
        }
        if (typeof (event as JobEvent).$job === 'string' && options.jobs) {
          return await runJobs(options.jobs, event as JobEvent, String(cloud.getWXContext().OPENID ?? ''), database());
        }
      }
    } catch (e) {
      return asFailure(e);
    }
    const openid = String(cloud.getWXContext().OPENID ?? '');
    const caller = { openid, env: String(process.env.TCB_ENV ?? ''), limiter };
    return dispatch(contract, handlers, event, caller, (reads) => createContext({ openid, db: database() }, reads));
  };
}

/**
 * The same path as `serve`, in-process (after tRPC's createCallerFactory): a handler test builds a
 * context from an openid and a database, with its own clock or ports, and calls actions directly.
 */
export function createCaller<C extends ContractSpec>(contract: C, handlers: Handlers<C>) {
  // rate-limit buckets per database handle (in-process, a handle stands for an environment)
  const limiters = new WeakMap<object, Limiter>();
  const limiterOf = (db: Db) => {
    let limiter = limiters.get(db);
    if (!limiter) limiters.set(db, (limiter = new Limiter()));
    return limiter;
  };
  return (src: ContextSource) =>
    async <K extends keyof C & string>(action: K, data: z.input<C[K]['input']>): Promise<Envelope<OutputOf<C[K]>>> =>
      (await dispatch(contract, handlers, { action, data }, { openid: src.openid, env: '', limiter: limiterOf(src.db) }, (reads) => createContext(src, reads))) as Envelope<OutputOf<C[K]>>;
}

export { AppError };
