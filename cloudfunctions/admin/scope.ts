// Whose figures the caller may see: their own compound, or the compounds in an officer's scope.
import { inScope, scopeOf } from '@core/admin/rules';
import { fail } from '@core/errors';
import type { UserCtx } from '../runtime/serve';

export function compoundFor(ctx: UserCtx, asked: string | undefined): string {
  const caller = { compoundId: ctx.compoundId, roles: ctx.roles, officerScope: ctx.user.officerScope ?? [] };
  const compoundId = asked ?? ctx.compoundId ?? scopeOf(caller)[0];
  if (!compoundId) throw fail.forbidden('您还没有所属小区');
  if (!inScope(caller, compoundId)) throw fail.forbidden('这个小区不在您的辖区内');
  return compoundId;
}

export function compoundsOf(ctx: UserCtx): string[] {
  return scopeOf({ compoundId: ctx.compoundId, roles: ctx.roles, officerScope: ctx.user.officerScope ?? [] });
}

/** The property company sees the figures of the categories it answers for. */
export function propertyOnly(ctx: UserCtx): boolean {
  return ctx.roles.includes('property') && !ctx.roles.some((r) => r === 'branch' || r === 'committee' || r === 'officer');
}

export const iso = (d: Date | string) => new Date(d).toISOString();
