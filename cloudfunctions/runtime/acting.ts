// 代办: a grid worker or the branch acts for a verified resident without a phone (DESIGN §4.6). The
// check is one for every function that offers it (requests, events).
import { PROXY_WORKERS } from '@core/admin/rules';
import { fail } from '@core/errors';
import { hasAnyRole } from '@core/roles';
import { getById } from './db';
import type { BuildingDoc, UserDoc } from './model';
import type { UserCtx } from './serve';

/**
 * The verified resident the caller may act for — of the caller's own compound, and for a grid worker of
 * a building they look after; `doing` names the act (提交, 报名).
 */
export async function residentFor(ctx: UserCtx, userId: string, doing: string): Promise<UserDoc> {
  if (!hasAnyRole(ctx.roles, PROXY_WORKERS)) throw fail.forbidden('只有楼栋长/网格员和党支部可以代办');
  if (userId === ctx.user._id) throw fail.invalid(`代办是为他人${doing}`);
  const resident = await getById<UserDoc>(ctx.db, 'users', userId);
  if (!resident || resident.compoundId !== ctx.compoundId || !resident.householdId) throw fail.invalid('只能为本小区已认证房屋的居民代办');
  // a grid worker (not the branch) acts for the residents of the buildings they look after
  if (!ctx.roles.includes('branch')) {
    const building = resident.home ? await getById<BuildingDoc>(ctx.db, 'buildings', resident.home.buildingId) : null;
    if (!building || !(building.gridUserIds ?? []).includes(ctx.user._id)) throw fail.forbidden('只能为您负责的楼栋的居民代办');
  }
  return resident;
}
