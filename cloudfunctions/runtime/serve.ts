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
import { asAppError, findOne } from './db';
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
  /** Appends to the audit log as the caller. */
  audit(action: string, target: string, detail?: Record<string, unknown>): Promise<void>;
}

/** A caller known to the system (access `user` or a role list). */
export interface UserCtx extends Ctx {
  user: UserDoc;
}

type Result<A extends ActionSpec> = Promise<z.input<A['output']>>;
type CtxFor<A extends ActionSpec> = A['access'] extends { kind: 'anyone' } ? Ctx : UserCtx;

/** One handler per action; an `anyone` handler may run before the caller has a user record. */
export type Handlers<C extends ContractSpec> = {
  [K in keyof C]: { handle: (ctx: CtxFor<C[K]>, input: ParsedInputOf<C[K]>) => Result<C[K]> };
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

export async function loadCaller(db: Db, openid: string): Promise<UserDoc | null> {
  return findOne<UserDoc>(db, 'users', { openid });
}

/** What a context is made from: the caller's openid, the database, and optionally a clock and ports. */
export interface ContextSource {
  openid: string;
  db: Db;
  now?: Date;
  ports?: Partial<Ports>;
}

export async function createContext(src: ContextSource): Promise<Ctx> {
  const user = src.openid ? await loadCaller(src.db, src.openid) : null;
  const ctx: Ctx = {
    ...cloudPorts(src.db),
    ...src.ports,
    openid: src.openid,
    user,
    roles: user?.roles ?? [],
    compoundId: memberCompound(user),
    now: src.now ?? now(),
    db: src.db,
    audit: (action, target, detail = {}) => audit(ctx, action, target, detail),
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
async function dispatch<C extends ContractSpec>(contract: C, handlers: Handlers<C>, event: unknown, caller: Caller, context: () => Promise<Ctx>): Promise<Envelope<unknown>> {
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

    const ctx = await context();
    if (!ctx.openid) return failure('UNAUTHENTICATED', '无法识别您的微信身份，请重新进入小程序');
    if (spec.access.kind !== 'anyone') {
      if (!ctx.user) return failure('UNAUTHENTICATED');
      if (spec.access.kind === 'roles' && !hasAnyRole(ctx.roles, spec.access.roles)) return failure('FORBIDDEN');
    }
    const handler = handlers[action as keyof C];
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
        if (typeof (event as JobEvent).$job === 'string' && options.jobs) {
          return await runJobs(options.jobs, event as JobEvent, String(cloud.getWXContext().OPENID ?? ''), database());
        }
      }
    } catch (e) {
      return asFailure(e);
    }
    const openid = String(cloud.getWXContext().OPENID ?? '');
    const caller = { openid, env: String(process.env.TCB_ENV ?? ''), limiter };
    return dispatch(contract, handlers, event, caller, () => createContext({ openid, db: database() }));
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
      (await dispatch(contract, handlers, { action, data }, { openid: src.openid, env: '', limiter: limiterOf(src.db) }, () => createContext(src))) as Envelope<OutputOf<C[K]>>;
}

export { AppError };
