// 志愿服务's reconciliation (issue 17). Joining takes a place on the team's counter, then inserts the
// membership; a decision moves the membership, then the counters; booking a shift takes a seat, then
// inserts the booking. A crash between those writes leaves a counter off; this job recomputes
// memberCount, pendingCount and a shift's booked from the memberships and bookings.
import { countWhere, findAll } from '../runtime/db';
import type { ShiftDoc, TeamDoc } from '../runtime/model';
import { compoundsInScope, type CounterCheck, reconcileCounters, Repairs } from '../runtime/reconcile';
import type { Job } from '../runtime/serve';

/** Shifts whose bookings still matter: starting no more than a day ago. */
const LOOKBACK_MS = 24 * 3_600_000;

export const reconcile: Job = async (ctx) => {
  const { db, now } = ctx;
  const compounds = await compoundsInScope(ctx);
  const checks: CounterCheck[] = [];
  for (const compoundId of compounds) {
    const teams = await findAll<TeamDoc>(db, 'teams', { compoundId }, [['createdAt', 'desc']], 1000);
    for (const t of teams) {
      for (const [field, status] of [['memberCount', 'active'], ['pendingCount', 'pending']] as const) {
        checks.push({ collection: 'teams', docId: t._id, compoundId, field, action: `volunteer.${field}`, count: () => countWhere(db, 'team_members', { teamId: t._id, status }) });
      }
    }
    const shifts = await findAll<ShiftDoc>(db, 'shifts', { compoundId, startAt: db.command.gt(new Date(now.getTime() - LOOKBACK_MS)) }, [['startAt', 'asc']], 1000);
    for (const s of shifts) {
      checks.push({ collection: 'shifts', docId: s._id, compoundId, field: 'booked', action: 'volunteer.booked', count: () => countWhere(db, 'shift_bookings', { shiftId: s._id, status: 'booked' }) });
    }
  }
  const repairs = new Repairs(ctx);
  await reconcileCounters(ctx, repairs, checks);
  return { repaired: repairs.count };
};

export const jobs = { reconcile };
