// The function runtime: `exports.main = serve(contract, handlers)`. Reads the WeChat context,
// validates `{ action, data }`, loads the caller, checks access, runs the handler, shapes the
// output through its contract and answers with the closed envelope.
import * as z from 'zod/mini';
import { zhCN } from 'zod/locales';
import { cloud, database, type Db } from './cloud';
import type { ContractSpec, OutputOf, ParsedInputOf } from '@core/contract';
import { asAppError, findOne } from './db';
import { AppError, failure, ok, type Envelope } from '@core/errors';
import type { UserDoc } from './model';
import { hasAnyRole, type Role } from '@core/roles';
import { now } from './time';

z.config(zhCN());

export interface Ctx {
  openid: string;
  /** The caller's user record; null only for `access: 'anyone'` actions called before login. */
  user: UserDoc | null;
  roles: Role[];
  compoundId: string | null;
  now: Date;
  db: Db;
}

/** A caller known to the system (access 'user' or a role list). */
export interface UserCtx extends Ctx {
  user: UserDoc;
}

/** anyone: no user record needed (login); user: a known caller; roles: a known caller with one of `roles`. */
export type Access = 'anyone' | 'user' | 'roles';

type Result<A extends ContractSpec[string]> = Promise<z.input<A['output']>>;

/** 'anyone' handlers may run before the caller has a user record; all others get one. */
export type Handlers<C extends ContractSpec> = {
  [K in keyof C]:
    | { access: 'anyone'; handle: (ctx: Ctx, input: ParsedInputOf<C[K]>) => Result<C[K]> }
    | { access: 'user'; handle: (ctx: UserCtx, input: ParsedInputOf<C[K]>) => Result<C[K]> }
    | { access: 'roles'; roles: readonly Role[]; handle: (ctx: UserCtx, input: ParsedInputOf<C[K]>) => Result<C[K]> };
};

export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time: string;
}

export interface ServeOptions {
  onTimer?: (ctx: Omit<Ctx, 'user' | 'openid'>, event: TimerEvent) => Promise<unknown>;
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

export function serve<C extends ContractSpec>(contract: C, handlers: Handlers<C>, options: ServeOptions = {}) {
  return async function main(event: unknown): Promise<Envelope<unknown>> {
    try {
      if (event && typeof event === 'object' && (event as TimerEvent).Type === 'Timer' && options.onTimer) {
        // timers carry no user; only the scheduler declares one
        if (cloud.getWXContext().OPENID) return failure('FORBIDDEN');
        return ok(await options.onTimer({ roles: [], compoundId: null, now: now(), db: database() }, event as TimerEvent));
      }
      if (!event || typeof event !== 'object') return failure('INVALID_INPUT', '请求格式不正确');
      const { action, data } = event as { action?: unknown; data?: unknown };
      if (typeof action !== 'string') return failure('INVALID_INPUT', '缺少操作名称');
      if (!Object.prototype.hasOwnProperty.call(contract, action)) return failure('INVALID_INPUT', `未知的操作：${action.slice(0, 40)}`);
      const spec = contract[action];
      const parsed = spec.input.safeParse(data ?? {});
      if (!parsed.success) return failure('INVALID_INPUT', describeIssues(parsed.error));

      const openid = String(cloud.getWXContext().OPENID ?? '');
      if (!openid) return failure('UNAUTHENTICATED', '无法识别您的微信身份，请重新进入小程序');
      const db = database();
      const user = await loadCaller(db, openid);
      const handler = handlers[action as keyof C];
      const roles = user?.roles ?? [];
      if (handler.access !== 'anyone') {
        if (!user) return failure('UNAUTHENTICATED');
        if (handler.access === 'roles' && !hasAnyRole(roles, handler.roles)) return failure('FORBIDDEN');
      }
      const ctx: Ctx = { openid, user, roles, compoundId: memberCompound(user), now: now(), db };
      const result = await (handler.handle as (c: Ctx, i: unknown) => Promise<unknown>)(ctx, parsed.data);
      const shaped = spec.output.safeParse(result);
      if (!shaped.success) {
        console.error(`[${action}] output breaks its contract: ${describeIssues(shaped.error)}`);
        return failure('INTERNAL');
      }
      return ok(shaped.data as OutputOf<typeof spec>);
    } catch (e) {
      const known = asAppError(e);
      if (known) return failure(known.code, known.message);
      console.error('[linli] unexpected error', e);
      return failure('INTERNAL');
    }
  };
}

export { AppError };
