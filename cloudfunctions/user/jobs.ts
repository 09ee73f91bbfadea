// 用户与房屋认证's scheduled job: pending bindings filed before applications were stamped with the
// building's 楼栋长/网格员 (gridUserIds) reach no grid worker's queue (listPendingBindings asks by
// that stamp). The job stamps them from their building, once; assignGrid keeps later ones in step.
import { findMany, getById, updateWhere } from '../runtime/db';
import type { BindingDoc, BuildingDoc } from '../runtime/model';
import { compoundsInScope, Repairs } from '../runtime/reconcile';
import type { Job } from '../runtime/serve';

const PAGE = 200;

export const reconcile: Job = async (ctx) => {
  const repairs = new Repairs(ctx);
  const _ = ctx.db.command;
  for (const compoundId of await compoundsInScope(ctx)) {
    const unstamped = await findMany<BindingDoc>(ctx.db, 'bindings', { compoundId, state: 'pending', gridUserIds: _.exists(false) }, { limit: PAGE });
    const buildings = new Map<string, BuildingDoc | null>();
    for (const b of unstamped) {
      if (!buildings.has(b.buildingId)) buildings.set(b.buildingId, await getById<BuildingDoc>(ctx.db, 'buildings', b.buildingId));
      const grid = buildings.get(b.buildingId)?.gridUserIds ?? [];
      // guarded: only while it is still pending and still unstamped
      if (await updateWhere(ctx.db, 'bindings', { _id: b._id, state: 'pending', gridUserIds: _.exists(false) }, { gridUserIds: _.set(grid) })) {
        await repairs.record(compoundId, 'user.bindingGrid', `bindings/${b._id}`, { buildingId: b.buildingId, gridUserIds: grid });
      }
    }
  }
  return { repaired: repairs.count };
};

export const jobs = { reconcile };
