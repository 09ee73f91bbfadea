// 排班: a leader's rota (weekly repeats), bookings against a guarded seat counter, check-in and
// check-out by the leader or with the leader's rotating code; the check-out writes the ledger record.
import { createHmac, randomBytes } from 'node:crypto';
import type { ShiftView, VolunteerContract } from '@core/volunteer/contract';
import { minorNow, pointsFor, serviceMinutes } from '@core/volunteer/rules';
import { fail } from '@core/errors';
import { findMany, getById, insertOne, isDuplicateKey, pageOf, updateById, updateWhere } from '../runtime/db';
import type { BookingDoc, ServiceRecordDoc, ShiftDoc, TeamDoc, UserDoc } from '../runtime/model';
import { ledgerClash } from '../runtime/ledger';
import type { Handlers, UserCtx } from '../runtime/serve';
import { sourceKey, iso, leads, loadShift, loadTeam, monthKey, openMembership, requireLeader } from './store';

type H = Handlers<VolunteerContract>;
const DAY = 86_400_000;
const CODE_WINDOW_MS = 60_000;
/** Check-in opens 30 minutes before a shift and check-out closes 2 hours after it. */
const EARLY_MS = 30 * 60_000;
const LATE_MS = 2 * 3_600_000;

function codeFor(s: ShiftDoc, window: number): string {
  const h = createHmac('sha256', s.codeSecret).update(`${s._id}:${window}`).digest();
  return String(h.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

export function shiftViewOf(ctx: UserCtx, s: ShiftDoc, b: BookingDoc | null, member: boolean, manage: boolean): ShiftView {
  const booked = b?.status === 'booked';
  let bookable: string | null = null;
  if (booked) bookable = '您已预约这个班次';
  else if (!member) bookable = '加入队伍后才能预约班次';
  else if (s.risky && minorNow(ctx.user, ctx.now)) bookable = '未成年人不能参加有风险的班次';
  else if (ctx.now >= s.startAt) bookable = '班次已开始';
  else if (s.booked >= s.capacity) bookable = '名额已满';
  return {
    shiftId: s._id, teamId: s.teamId, teamName: s.teamName, startAt: iso(s.startAt), endAt: iso(s.endAt), place: s.place, capacity: s.capacity, booked: s.booked, risky: s.risky,
    mine: b ? { status: b.status, checkedInAt: b.checkedInAt ? iso(b.checkedInAt) : null, checkedOutAt: b.checkedOutAt ? iso(b.checkedOutAt) : null } : null,
    can: { book: bookable === null, cancel: booked && !b?.checkedInAt && ctx.now < s.startAt, manage },
    bookable,
  };
}

/** Writes the ledger record of a finished shift, once (a fixed _id); verified when the leader checked out. */
async function recordShift(ctx: UserCtx, s: ShiftDoc, b: BookingDoc, out: Date, byLeader: boolean): Promise<string | null> {
  // arriving early is not service: the record starts at the check-in or the shift's start, whichever is later
  const start = b.checkedInAt! > s.startAt ? b.checkedInAt! : s.startAt;
  const minutes = serviceMinutes(start, out);
  if (minutes < 1) return null;
  const volunteer = b.userId === ctx.user._id ? ctx.user : await getById<UserDoc>(ctx.db, 'users', b.userId);
  // hours already on record for the same time (a task, an event): written, but pending with the reason
  const conflict = await ledgerClash(ctx.db, b.userId, { startAt: start, endAt: out });
  const verified = byLeader && !conflict;
  const record: ServiceRecordDoc = {
    _id: sourceKey('shift', s._id, b.userId), compoundId: s.compoundId, userId: b.userId, volunteerName: volunteer?.displayName ?? '', teamId: s.teamId, teamName: s.teamName,
    source: 'shift', refId: s._id, organizer: s.teamName, content: `${s.teamName}值守`, place: s.place, startAt: start, endAt: out, hours: Math.round(minutes / 6) / 10, minutes,
    month: monthKey(start), verifiedBy: verified ? ctx.user._id : null, verifiedAt: verified ? ctx.now : null, rejected: null, corrects: null, loggedBy: ctx.user._id,
    points: pointsFor(minutes, 'shift'), conflict, createdAt: ctx.now, updatedAt: ctx.now,
  };
  try {
    await insertOne(ctx.db, 'service_records', record as unknown as Record<string, unknown>);
  } catch (e) {
    if (isDuplicateKey(e)) return record._id;
    throw e;
  }
  return record._id;
}

export const shifts: Pick<H, 'createShifts' | 'shifts' | 'bookShift' | 'cancelShift' | 'shiftRoster' | 'shiftCode' | 'shiftCheck'> = {
  createShifts: {
    async handle(ctx, input) {
      const t = await loadTeam(ctx, input.teamId);
      requireLeader(ctx, t);
      const startAt = new Date(input.startAt);
      const endAt = new Date(input.endAt);
      if (endAt <= startAt) throw fail.invalid('结束时间要晚于开始时间');
      if (endAt.getTime() - startAt.getTime() > DAY) throw fail.invalid('一个班次不超过 24 小时');
      if (startAt <= ctx.now) throw fail.invalid('开始时间要晚于现在');
      const weeks = input.repeatWeeks ?? 1;
      const docs = Array.from({ length: weeks }, (_x, w) => ({
        compoundId: t.compoundId, teamId: t._id, teamName: t.name, risky: t.risky, startAt: new Date(startAt.getTime() + w * 7 * DAY), endAt: new Date(endAt.getTime() + w * 7 * DAY),
        place: input.place, capacity: input.capacity, booked: 0, codeSecret: randomBytes(16).toString('hex'), createdBy: ctx.user._id, createdAt: ctx.now, updatedAt: ctx.now,
      }));
      const res = (await ctx.db.collection('shifts').add({ data: docs as never })) as unknown as { _ids?: string[]; _id?: string };
      const shiftIds = res._ids ?? (res._id ? [res._id] : []);
      await ctx.audit('volunteer.createShifts', `teams/${t._id}`, { count: shiftIds.length, place: input.place });
      return { shiftIds: shiftIds.map(String) };
    },
  },

  shifts: {
    async handle(ctx, input) {
      const _ = ctx.db.command;
      if (input.mine) {
        const mine = await findMany<BookingDoc>(ctx.db, 'shift_bookings', { userId: ctx.user._id, status: 'booked' }, { orderBy: [['startAt', 'desc']], limit: 50 });
        const list = mine.length ? await findMany<ShiftDoc>(ctx.db, 'shifts', { _id: _.in(mine.map((b) => b.shiftId)) }, { limit: 50 }) : [];
        const byId = new Map(list.map((s) => [s._id, s]));
        return { items: mine.filter((b) => byId.has(b.shiftId)).map((b) => shiftViewOf(ctx, byId.get(b.shiftId)!, b, true, false)), nextCursor: null };
      }
      if (!input.teamId) throw fail.invalid('请选择队伍');
      const t = await loadTeam(ctx, input.teamId);
      const res = await pageOf<ShiftDoc>(ctx.db, 'shifts', { teamId: t._id, endAt: _.gte(new Date(ctx.now.getTime() - 7 * DAY)) }, [['startAt', 'asc']], input);
      const bookings = res.items.length ? await findMany<BookingDoc>(ctx.db, 'shift_bookings', { _id: _.in(res.items.map((s) => `${s._id}:${ctx.user._id}`)) }, { limit: 50 }) : [];
      const byShift = new Map(bookings.map((b) => [b.shiftId, b]));
      const member = (await openMembership(ctx.db, t._id, ctx.user._id))?.status === 'active';
      return { items: res.items.map((s) => shiftViewOf(ctx, s, byShift.get(s._id) ?? null, member, leads(ctx, t))), nextCursor: res.nextCursor };
    },
  },

  bookShift: {
    async handle(ctx, input) {
      const s = await loadShift(ctx, input.shiftId);
      const m = await openMembership(ctx.db, s.teamId, ctx.user._id);
      if (m?.status !== 'active') throw fail.forbidden('加入队伍后才能预约班次');
      if (s.risky && minorNow(ctx.user, ctx.now)) throw fail.forbidden('未成年人不能参加有风险的班次');
      if (ctx.now >= s.startAt) throw fail.conflict('班次已开始');
      const _ = ctx.db.command;
      const id = `${s._id}:${ctx.user._id}`;
      const existing = await getById<BookingDoc>(ctx.db, 'shift_bookings', id);
      if (existing?.status === 'booked') return { status: 'booked' as const };
      // the seat first, by a guarded increment: a burst never books more than the capacity
      const seat = await updateWhere(ctx.db, 'shifts', { _id: s._id, booked: _.lt(s.capacity) }, { booked: _.inc(1) });
      if (!seat) return { status: 'full' as const };
      const release = () => updateWhere(ctx.db, 'shifts', { _id: s._id, booked: _.gt(0) }, { booked: _.inc(-1) });
      if (existing) {
        const back = await updateWhere(ctx.db, 'shift_bookings', { _id: id, status: 'cancelled' }, { status: 'booked', updatedAt: ctx.now });
        if (!back) await release();
        return { status: 'booked' as const };
      }
      try {
        await insertOne(ctx.db, 'shift_bookings', { _id: id, compoundId: s.compoundId, shiftId: s._id, teamId: s.teamId, userId: ctx.user._id, status: 'booked', startAt: s.startAt, checkedInAt: null, checkedOutAt: null, createdAt: ctx.now, updatedAt: ctx.now });
      } catch (e) {
        await release();
        if (!isDuplicateKey(e)) throw e;
      }
      return { status: 'booked' as const };
    },
  },

  cancelShift: {
    async handle(ctx, input) {
      const s = await loadShift(ctx, input.shiftId);
      if (ctx.now >= s.startAt) throw fail.conflict('班次已开始，不能取消');
      const done = await updateWhere(ctx.db, 'shift_bookings', { _id: `${s._id}:${ctx.user._id}`, status: 'booked', checkedInAt: null }, { status: 'cancelled', updatedAt: ctx.now });
      if (!done) throw fail.conflict('您没有预约这个班次');
      await updateWhere(ctx.db, 'shifts', { _id: s._id, booked: ctx.db.command.gt(0) }, { booked: ctx.db.command.inc(-1) });
      return { status: 'cancelled' as const };
    },
  },

  shiftRoster: {
    async handle(ctx, input) {
      const s = await loadShift(ctx, input.shiftId);
      requireLeader(ctx, (await getById<TeamDoc>(ctx.db, 'teams', s.teamId))!);
      const rows = await findMany<BookingDoc>(ctx.db, 'shift_bookings', { shiftId: s._id, status: 'booked' }, { limit: 200 });
      const people = rows.length ? await findMany<UserDoc>(ctx.db, 'users', { _id: ctx.db.command.in(rows.map((b) => b.userId)) }, { limit: 200 }) : [];
      const byId = new Map(people.map((u) => [u._id, u]));
      return {
        items: rows.map((b) => ({
          userId: b.userId, name: byId.get(b.userId)?.displayName ?? '已注销用户', phone: byId.get(b.userId)?.phone ?? null,
          checkedInAt: b.checkedInAt ? iso(b.checkedInAt) : null, checkedOutAt: b.checkedOutAt ? iso(b.checkedOutAt) : null,
        })),
      };
    },
  },

  shiftCode: {
    async handle(ctx, input) {
      const s = await loadShift(ctx, input.shiftId);
      requireLeader(ctx, (await getById<TeamDoc>(ctx.db, 'teams', s.teamId))!);
      const w = Math.floor(ctx.now.getTime() / CODE_WINDOW_MS);
      return { code: codeFor(s, w), expiresAt: new Date((w + 1) * CODE_WINDOW_MS).toISOString() };
    },
  },

  shiftCheck: {
    async handle(ctx, input) {
      const s = await loadShift(ctx, input.shiftId);
      const team = (await getById<TeamDoc>(ctx.db, 'teams', s.teamId))!;
      const byLeader = leads(ctx, team) && !!input.userId;
      const userId = input.userId ?? ctx.user._id;
      if (input.userId && !byLeader) throw fail.forbidden('只有队长可以为队员签到签退');
      if (!byLeader) {
        if (!input.code) throw fail.invalid('请输入队长出示的签到码');
        const w = Math.floor(ctx.now.getTime() / CODE_WINDOW_MS);
        if (![w, w - 1].some((x) => codeFor(s, x) === input.code)) throw fail.invalid('签到码不正确或已过期，请看队长出示的最新签到码');
      }
      if (ctx.now.getTime() < s.startAt.getTime() - EARLY_MS) throw fail.conflict('班次开始前 30 分钟才能签到');
      if (ctx.now.getTime() > s.endAt.getTime() + LATE_MS) throw fail.conflict('班次结束已超过 2 小时，请队长登记服务时长');
      const id = `${s._id}:${userId}`;
      const b = await getById<BookingDoc>(ctx.db, 'shift_bookings', id);
      if (!b || b.status !== 'booked') throw fail.forbidden('没有预约这个班次');
      if (input.kind === 'in') {
        if (b.checkedInAt) return { at: iso(b.checkedInAt), recordId: null };
        await updateWhere(ctx.db, 'shift_bookings', { _id: id, checkedInAt: null }, { checkedInAt: ctx.now, updatedAt: ctx.now });
        return { at: iso(ctx.now), recordId: null };
      }
      if (!b.checkedInAt) throw fail.conflict('还没有签到，不能签退');
      if (b.checkedOutAt) return { at: iso(b.checkedOutAt), recordId: sourceKey('shift', s._id, userId) };
      // the check-out is claimed first: two check-outs at once write one record
      const first = await updateWhere(ctx.db, 'shift_bookings', { _id: id, checkedOutAt: null }, { checkedOutAt: ctx.now, updatedAt: ctx.now });
      if (!first) return { at: iso(ctx.now), recordId: sourceKey('shift', s._id, userId) };
      const recordId = await recordShift(ctx, s, b, ctx.now, byLeader);
      await updateById(ctx.db, 'shift_bookings', id, { updatedAt: ctx.now });
      return { at: iso(ctx.now), recordId };
    },
  },
};
