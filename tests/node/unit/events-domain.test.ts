// 活动报名 rules: who may register, capacity changes, times, check-in windows, credited hours.
import {
  canRegister,
  checkCapacityChange,
  checkTimes,
  checkinOpen,
  checkinWindow,
  creditedHours,
  inAudience,
  placesLeft,
  type EventFacts,
} from '@core/event/rules';
import { toCsv } from '@core/csv';
import { checkinCode } from '../../../cloudfunctions/event/handlers';

const H = 3_600_000;
const t0 = new Date('2026-11-22T02:00:00Z');
const at = (h: number) => new Date(t0.getTime() + h * H);
const ev = (over: Partial<EventFacts> = {}): EventFacts => ({
  state: 'published',
  startAt: at(48),
  endAt: at(50),
  signupDeadline: at(47),
  capacity: 10,
  audience: { kind: 'all' },
  ...over,
});
const resident = { roles: ['resident'], buildingId: 'b1' };

describe('活动报名: who may register', () => {
  it('lets anyone in the audience register before the deadline', () => {
    expect(canRegister(ev(), resident, t0)).toEqual({ ok: true });
  });

  it('keeps building events to their buildings and member events to members', () => {
    expect(inAudience({ kind: 'buildings', buildingIds: ['b1', 'b2'] }, resident)).toBe(true);
    expect(inAudience({ kind: 'buildings', buildingIds: ['b2'] }, resident)).toBe(false);
    expect(inAudience({ kind: 'buildings', buildingIds: ['b2'] }, { roles: ['resident'], buildingId: null })).toBe(false);
    expect(inAudience({ kind: 'members' }, resident)).toBe(false);
    expect(inAudience({ kind: 'members' }, { roles: ['member'], buildingId: null })).toBe(true);
    expect(canRegister(ev({ audience: { kind: 'members' } }), resident, t0)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('closes at the deadline (inclusive), after the end, and when cancelled', () => {
    expect(canRegister(ev(), resident, at(47)).ok).toBe(true);
    expect(canRegister(ev(), resident, new Date(at(47).getTime() + 1))).toMatchObject({ ok: false, message: '报名已截止' });
    expect(canRegister(ev({ signupDeadline: at(60) }), resident, at(50))).toMatchObject({ ok: false, message: '活动已结束' });
    expect(canRegister(ev({ state: 'cancelled' }), resident, t0)).toMatchObject({ ok: false, message: '活动已取消' });
  });
});

describe('capacity', () => {
  it('counts places left, with 0 meaning unlimited', () => {
    expect(placesLeft(10, 3)).toBe(7);
    expect(placesLeft(10, 10)).toBe(0);
    expect(placesLeft(10, 12)).toBe(0);
    expect(placesLeft(0, 500)).toBeNull();
  });

  it('refuses to shrink below the confirmed, allows growing and unlimited', () => {
    expect(checkCapacityChange(5, 6)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(checkCapacityChange(6, 6)).toEqual({ ok: true });
    expect(checkCapacityChange(0, 600)).toEqual({ ok: true });
  });
});

describe('times', () => {
  it('wants the end after the start, the deadline before the start, and a future event', () => {
    expect(checkTimes({ startAt: at(2), endAt: at(3), signupDeadline: at(1) }, t0, true)).toBeNull();
    expect(checkTimes({ startAt: at(2), endAt: at(2), signupDeadline: at(1) }, t0, true)).toMatch(/结束时间/);
    expect(checkTimes({ startAt: at(2), endAt: at(3), signupDeadline: at(2.5) }, t0, true)).toMatch(/报名截止/);
    expect(checkTimes({ startAt: at(-3), endAt: at(-2), signupDeadline: at(-4) }, t0, true)).toMatch(/已过/);
    expect(checkTimes({ startAt: at(-3), endAt: at(-2), signupDeadline: at(-4) }, t0, false)).toBeNull();
    expect(checkTimes({ startAt: at(1), endAt: at(1 + 15 * 24), signupDeadline: at(0) }, t0, true)).toMatch(/14 天/);
  });
});

describe('check-in', () => {
  it('opens 30 minutes before the start and closes 30 minutes after the end', () => {
    const e = { startAt: at(10), endAt: at(12) };
    expect(checkinOpen(e, at(9.49))).toBe(false);
    expect(checkinOpen(e, at(9.5))).toBe(true);
    expect(checkinOpen(e, at(12.5))).toBe(true);
    expect(checkinOpen(e, at(12.51))).toBe(false);
  });

  it('rotates a six-digit code every minute, differently per event and secret', () => {
    const w = checkinWindow(t0);
    expect(checkinWindow(new Date(t0.getTime() + 59_999))).toBe(w);
    expect(checkinWindow(new Date(t0.getTime() + 60_000))).toBe(w + 1);
    const code = checkinCode('secret', 'e1', w);
    expect(code).toMatch(/^\d{6}$/);
    expect(checkinCode('secret', 'e1', w)).toBe(code);
    const others = new Set([checkinCode('secret', 'e1', w + 1), checkinCode('secret', 'e2', w), checkinCode('other', 'e1', w)]);
    expect(others.has(code)).toBe(false);
  });

  it('credits the event length in half hours, at most 8', () => {
    expect(creditedHours({ startAt: at(0), endAt: at(2) })).toBe(2);
    expect(creditedHours({ startAt: at(0), endAt: at(1.3) })).toBe(1.5);
    expect(creditedHours({ startAt: at(0), endAt: at(0.2) })).toBe(0);
    expect(creditedHours({ startAt: at(0), endAt: at(30) })).toBe(8);
  });
});

describe('CSV export', () => {
  it('starts with a BOM, quotes what needs it and defuses formulas', () => {
    const csv = toCsv([
      ['姓名', '备注'],
      ['王秀兰', '说"好"'],
      ['=1+1', '-5'],
      ['@SUM(A1)', 'a,b'],
    ]);
    expect(csv).toBe('\uFEFF姓名,备注\r\n王秀兰,"说""好"""\r\n\'=1+1,\'-5\r\n\'@SUM(A1),"a,b"\r\n');
  });
});
