// 活动报名 through the emulator with the real SDK: never oversold under a burst, one registration
// per person, a waitlist promoted in order, audience and deadline, check-in codes, organisers only.
import type { EventContract } from '@core/event/contract';
import type { UserContract } from '@core/user/contract';
import { client, control, freshEnv, invoke, sdk } from './helpers/cloud';
import { addResidents } from './helpers/people';

const env = freshEnv('event');
const event = client<EventContract>(env, 'event');
const user = client<UserContract>(env, 'user');
const db: any = sdk(env).database();
const H = 3_600_000;

async function emulatorNow(e = env): Promise<number> {
  return Date.parse((await control<{ now: string }>(e, '/clock')).now);
}

async function newEvent(over: Record<string, unknown> = {}, who = 'demo-committee', e = env): Promise<string> {
  const now = await emulatorNow(e);
  const c = client<EventContract>(e, 'event');
  const { eventId } = await c.ok(who, 'create', {
    title: '阳光下午茶',
    description: '社区活动室，茶点、聊天、健康讲座',
    startAt: new Date(now + 48 * H).toISOString(),
    endAt: new Date(now + 50 * H).toISOString(),
    signupDeadline: new Date(now + 47 * H).toISOString(),
    place: '社区活动室',
    capacity: 10,
    audience: { kind: 'all' },
    creditsHours: false,
    ...over,
  });
  return eventId;
}

/** Residents made straight in the database: enough distinct people for a burst. */
const residents = (count: number, prefix: string) => addResidents(db, count, prefix);

async function regs(eventId: string) {
  return (await db.collection('registrations').where({ eventId }).limit(1000).get()).data as Array<{ status: string; userId: string; queuedAt: Date; _id: string }>;
}

beforeAll(async () => {
  await control(env, '/seed', 'POST', { kind: 'demo' });
});

afterEach(async () => {
  await control(env, '/clock', 'POST', { reset: true });
});

describe('活动报名: capacity under concurrency', () => {
  it('500 simultaneous registrations for 50 places: exactly 50 confirmed, 450 waitlisted in order', async () => {
    const eventId = await newEvent({ capacity: 50, title: '义诊' });
    const people = await residents(500, 'burst');
    const results = await Promise.all(people.map((p) => event.call(p, 'register', { eventId })));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const ok = results.map((r) => (r.ok ? r.data : null))!;
    expect(ok.filter((r) => r?.status === 'confirmed')).toHaveLength(50);
    expect(ok.filter((r) => r?.status === 'waitlisted')).toHaveLength(450);
    const rows = await regs(eventId);
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(50);
    expect((await db.collection('events').doc(eventId).get()).data.confirmedCount).toBe(50);
    const list = await event.ok('demo-committee', 'attendees', { eventId });
    expect(list.confirmed).toHaveLength(50);
    expect(list.waitlisted.map((w) => w.position)).toEqual(Array.from({ length: 450 }, (_x, i) => i + 1));
    const times = list.waitlisted.map((w) => Date.parse(w.registeredAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const view = await event.ok(people[0], 'get', { eventId });
    expect(view).toMatchObject({ confirmedCount: 50, waitlistCount: 450, placesLeft: 0 });
  }, 120_000); // a burst through a 20-instance function host on two cores shared with the other test files

  it('the same person tapping 20 times at once holds one registration and one seat', async () => {
    const eventId = await newEvent({ capacity: 3 });
    const results = await Promise.all(Array.from({ length: 20 }, () => event.call('demo-resident', 'register', { eventId })));
    const ids = new Set(results.map((r) => (r.ok ? r.data.registrationId : r.code)));
    expect(ids.size).toBe(1);
    expect(await regs(eventId)).toHaveLength(1);
    expect((await db.collection('events').doc(eventId).get()).data.confirmedCount).toBe(1);
  });

  it('cancellations promote the waitlist in order, and cancelling twice is harmless', async () => {
    const eventId = await newEvent({ capacity: 2 });
    const [a, b, c, d] = await residents(4, 'queue');
    for (const p of [a, b, c, d]) await event.ok(p, 'register', { eventId });
    expect((await event.ok(d, 'get', { eventId })).mine).toMatchObject({ status: 'waitlisted', position: 2 });
    await event.ok(a, 'cancel', { eventId });
    expect((await event.ok(c, 'get', { eventId })).mine?.status).toBe('confirmed');
    expect((await event.ok(d, 'get', { eventId })).mine).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(await event.ok(a, 'cancel', { eventId })).toMatchObject({ status: 'cancelled' });
    expect((await db.collection('events').doc(eventId).get()).data.confirmedCount).toBe(2);
    // coming back after cancelling joins the end of the queue
    expect(await event.ok(a, 'register', { eventId })).toMatchObject({ status: 'waitlisted', position: 2 });
  });

  it('unlimited events confirm everyone', async () => {
    const eventId = await newEvent({ capacity: 0 });
    const people = await residents(30, 'open');
    const results = await Promise.all(people.map((p) => event.ok(p, 'register', { eventId })));
    expect(results.every((r) => r.status === 'confirmed')).toBe(true);
    expect((await event.ok(people[0], 'get', { eventId })).placesLeft).toBeNull();
  });
});

describe('活动报名: database requests per outcome (write budget ≤ 3)', () => {
  const call = async (openid: string, action: string, eventId: string) => {
    const r = await invoke<Record<string, unknown>>(env, 'event', { action, data: { eventId } }, openid);
    if (!r.body.ok) throw new Error(`${action}: ${r.body.code} ${r.body.message}`);
    return { ...r.body.data, db: r.dbRequests };
  };

  it('confirmed 3, waitlisted 3, a repeated tap 1 (2 while waiting: the place), back after cancelling 3, cancel 3', async () => {
    const eventId = await newEvent({ capacity: 1 });
    const [a, b] = await residents(2, 'budget');
    // the caller, the event and their registration in one request; the seat; the registration
    expect(await call(a, 'register', eventId)).toMatchObject({ status: 'confirmed', db: 3 });
    expect(await call(a, 'register', eventId)).toMatchObject({ status: 'confirmed', db: 1 });
    expect(await call(b, 'register', eventId)).toMatchObject({ status: 'waitlisted', position: 1, db: 3 });
    expect(await call(b, 'register', eventId)).toMatchObject({ status: 'waitlisted', position: 1, db: 2 });
    expect(await call(b, 'cancel', eventId)).toMatchObject({ status: 'cancelled', db: 3 });
    expect(await call(b, 'register', eventId)).toMatchObject({ status: 'waitlisted', position: 1, db: 3 });
    expect((await call(b, 'get', eventId)).db).toBeLessThanOrEqual(2);
    expect((await call(a, 'get', eventId)).db).toBe(1);
    // the named exception: a cancellation that hands its seat to the head of the queue also moves
    // that person's registration and tells them (bench: event.cancel, promoted)
    const promoted = await call(a, 'cancel', eventId);
    expect(promoted.db).toBeLessThanOrEqual(6);
    expect((await event.ok(b, 'get', { eventId })).mine?.status).toBe('confirmed');
    expect((await db.collection('events').doc(eventId).get()).data).toMatchObject({ confirmedCount: 1, waitlistCount: 0 });
  });

  it('a burst of 300 for 30 places never oversells, and hands out unique waitlist numbers in arrival order', async () => {
    const eventId = await newEvent({ capacity: 30, title: '体检' });
    const people = await residents(300, 'numbers');
    const results = await Promise.all(people.map((p) => invoke<{ status: string; position?: number; registrationId: string }>(env, 'event', { action: 'register', data: { eventId } }, p)));
    expect(results.filter((r) => !r.body.ok)).toEqual([]);
    // three each, but for the race at the moment the event fills: a registration whose read still saw
    // a free seat misses it and takes a number in a fourth request (only those in flight then)
    const costs = results.map((r) => r.dbRequests);
    expect(Math.max(...costs)).toBeLessThanOrEqual(4);
    expect(costs.filter((n) => n > 3).length).toBeLessThanOrEqual(30);
    const rows = (await regs(eventId)) as Array<{ status: string; _id: string; queuedAt: Date; waitlistNo?: number | null }>;
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(30);
    expect((await db.collection('events').doc(eventId).get()).data).toMatchObject({ confirmedCount: 30, waitlistCount: 270, waitlistSeq: 270 });
    const waiting = rows.filter((r) => r.status === 'waitlisted');
    const numbers = waiting.map((r) => r.waitlistNo);
    expect(new Set(numbers).size).toBe(270);
    expect([...numbers].sort((x, y) => x! - y!)).toEqual(Array.from({ length: 270 }, (_x, i) => i + 1));
    // the numbers follow the database's clock when each was taken
    const byTime = [...waiting].sort((x, y) => new Date(x.queuedAt).getTime() - new Date(y.queuedAt).getTime() || x.waitlistNo! - y.waitlistNo!);
    expect(byTime.map((r) => r.waitlistNo)).toEqual(Array.from({ length: 270 }, (_x, i) => i + 1));
    // each was told the place its number gives
    const told = new Map(results.map((r) => (r.body.ok ? [r.body.data.registrationId, r.body.data.position] : ['', 0])));
    for (const r of waiting) expect(told.get(r._id)).toBe(r.waitlistNo);
  }, 120_000);
});

describe('organisers change capacity and cancel', () => {
  it('growing the capacity promotes from the waitlist; shrinking below the confirmed is refused', async () => {
    const eventId = await newEvent({ capacity: 1 });
    const [a, b, c] = await residents(3, 'grow');
    for (const p of [a, b, c]) await event.ok(p, 'register', { eventId });
    expect(await event.ok('demo-committee', 'update', { eventId, capacity: 2 })).toEqual({ eventId, promoted: 1 });
    expect((await event.ok(b, 'get', { eventId })).mine?.status).toBe('confirmed');
    expect(await event.call('demo-committee', 'update', { eventId, capacity: 1 })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect((await db.collection('events').doc(eventId).get()).data.capacity).toBe(2);
  });

  it('cancelling the event tells everyone registered, keeps the registrations and closes signups', async () => {
    await user.ok('demo-resident-2', 'subscribe', { templateKeys: ['eventReminder'] });
    await control(env, '/outbox', 'DELETE');
    const eventId = await newEvent({ capacity: 1 });
    await event.ok('demo-resident-2', 'register', { eventId });
    await event.ok('demo-resident', 'register', { eventId });
    const res = await event.ok('demo-branch', 'cancelEvent', { eventId, reason: '天气原因' });
    expect(res.notified).toBe(1);
    const sent = (await control<{ items: Array<{ params: Record<string, any> }> }>(env, '/outbox?api=subscribeMessage.send')).items;
    expect(sent[0].params).toMatchObject({ touser: 'demo-resident-2', template_id: 'local-eventReminder' });
    expect(await regs(eventId)).toHaveLength(2);
    expect(await event.call('demo-member', 'register', { eventId })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await event.call('demo-branch', 'cancelEvent', { eventId, reason: '再取消' })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

describe('audience and deadline', () => {
  it('a building event is for that building, a members event for members', async () => {
    const b1 = await newEvent({ audience: { kind: 'buildings', buildingIds: ['demo-b1'] } });
    expect(await event.call('demo-resident-2', 'register', { eventId: b1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await event.ok('demo-resident', 'register', { eventId: b1 })).status).toBe('confirmed');
    expect((await event.ok('demo-resident-2', 'list', {})).items.map((i) => i.eventId)).not.toContain(b1);
    expect((await event.ok('demo-resident', 'list', {})).items.map((i) => i.eventId)).toContain(b1);
    const party = await newEvent({ audience: { kind: 'members' }, title: '主题党日' });
    expect(await event.call('demo-resident', 'register', { eventId: party })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await event.ok('demo-member', 'register', { eventId: party })).status).toBe('confirmed');
  });

  it('refuses registrations after the signup deadline', async () => {
    const eventId = await newEvent();
    await control(env, '/clock', 'POST', { advanceMs: 47.5 * H });
    expect(await event.call('demo-resident', 'register', { eventId })).toMatchObject({ ok: false, code: 'CONFLICT', message: '报名已截止' });
  });

  it('a visitor whose household is not verified yet cannot register; a stranger does not see the event', async () => {
    const eventId = await newEvent();
    await user.ok('ev-stranger', 'login', {});
    expect(await event.call('ev-stranger', 'get', { eventId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await user.ok('ev-visitor', 'login', {});
    await user.ok('ev-visitor', 'recordConsent', { kind: 'privacy', granted: true, version: '2026-11-v1' });
    await user.ok('ev-visitor', 'requestBinding', { name: '测试住户', buildingId: 'demo-b3', unit: '1', room: '101' });
    // until verified, the compound's events do not exist for the applicant (DESIGN §2)
    expect(await event.call('ev-visitor', 'register', { eventId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('check-in', () => {
  it('refuses a wrong or expired code and accepts the current one, once; a credited event writes a service record', async () => {
    const eventId = await newEvent({ creditsHours: true, capacity: 5, title: '法律进小区' });
    await event.ok('demo-member', 'register', { eventId });
    await event.ok('demo-resident', 'register', { eventId });
    expect(await event.call('demo-member', 'checkin', { eventId, code: '000000' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    await control(env, '/clock', 'POST', { advanceMs: 47.8 * H });
    const { code } = await event.ok('demo-committee', 'issueCheckinCode', { eventId });
    expect(code).toMatch(/^\d{6}$/);
    const wrong = code === '123456' ? '654321' : '123456';
    expect(await event.call('demo-member', 'checkin', { eventId, code: wrong })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await event.call('demo-member', 'checkin', { eventId, code: 'abc' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const first = await event.ok('demo-member', 'checkin', { eventId, code });
    expect(first.creditedHours).toBe(2);
    const again = await event.ok('demo-member', 'checkin', { eventId, code });
    expect(again.checkedInAt).toBe(first.checkedInAt);
    const records = (await db.collection('service_records').where({ refId: eventId }).get()).data;
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ source: 'event', hours: 2, content: '法律进小区' });
    // two minutes later the code has rotated away
    await control(env, '/clock', 'POST', { advanceMs: 2.5 * 60_000 });
    expect(await event.call('demo-resident', 'checkin', { eventId, code })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const fresh = await event.ok('demo-committee', 'issueCheckinCode', { eventId });
    expect((await event.ok('demo-resident', 'checkin', { eventId, code: fresh.code })).checkedInAt).toBeTruthy();
    const list = await event.ok('demo-committee', 'attendees', { eventId });
    expect(list.confirmed.every((a) => a.checkedIn)).toBe(true);
  });

  it('someone not registered, or only waitlisted, cannot check in', async () => {
    const eventId = await newEvent({ capacity: 1 });
    await event.ok('demo-resident', 'register', { eventId });
    await event.ok('demo-resident-2', 'register', { eventId });
    await control(env, '/clock', 'POST', { advanceMs: 48 * H });
    const { code } = await event.ok('demo-committee', 'issueCheckinCode', { eventId });
    expect(await event.call('demo-resident-2', 'checkin', { eventId, code })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await event.call('demo-grid', 'checkin', { eventId, code })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('bad input and wrong roles change nothing', () => {
  it('refuses invalid events and non-organisers, writing nothing', async () => {
    const before = (await db.collection('events').count()).total;
    const now = await emulatorNow();
    const base = {
      title: '故事会',
      description: '午间故事会',
      startAt: new Date(now + 5 * H).toISOString(),
      endAt: new Date(now + 6 * H).toISOString(),
      signupDeadline: new Date(now + 4 * H).toISOString(),
      place: '活动室',
      capacity: 10,
      audience: { kind: 'all' },
      creditsHours: false,
    };
    const bad: Array<Record<string, unknown>> = [
      { ...base, endAt: base.startAt },
      { ...base, signupDeadline: new Date(now + 7 * H).toISOString() },
      { ...base, capacity: -1 },
      { ...base, capacity: 1.5 },
      { ...base, startAt: 'tomorrow' },
      { ...base, title: '' },
      { ...base, audience: { kind: 'buildings', buildingIds: [] } },
      { ...base, audience: { kind: 'buildings', buildingIds: ['not-ours'] } },
      { ...base, audience: { kind: 'everyone' } },
      { ...base, extra: 1 },
    ];
    for (const data of bad) {
      const res = await event.call('demo-committee', 'create', data);
      expect(res.ok).toBe(false);
      expect(['INVALID_INPUT', 'NOT_FOUND']).toContain(res.ok ? '' : res.code);
    }
    for (const who of ['demo-resident', 'demo-grid', 'demo-property', 'demo-member']) {
      expect(await event.call(who, 'create', base)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect((await db.collection('events').count()).total).toBe(before);
  });

  it('keeps organiser tools from residents', async () => {
    const eventId = await newEvent();
    for (const [action, data] of [
      ['attendees', { eventId }],
      ['export', { eventId }],
      ['issueCheckinCode', { eventId }],
      ['cancelEvent', { eventId, reason: 'x' }],
      ['update', { eventId, capacity: 100 }],
    ] as const) {
      expect({ action, res: await event.call('demo-resident', action, data) }).toMatchObject({ action, res: { ok: false, code: 'FORBIDDEN' } });
    }
    expect((await db.collection('events').doc(eventId).get()).data.capacity).toBe(10);
    expect((await event.ok('demo-resident', 'get', { eventId })).canManage).toBe(false);
    expect((await event.ok('demo-committee', 'get', { eventId })).canManage).toBe(true);
  });
});

describe('export and reminders', () => {
  it('exports registrations as CSV that Excel reads, without formula injection', async () => {
    const eventId = await newEvent();
    await user.ok('demo-resident', 'updateProfile', { displayName: '=HYPERLINK("x")' });
    await event.ok('demo-resident', 'register', { eventId });
    const out = await event.ok('demo-branch', 'export', { eventId });
    expect(out.csv.startsWith('\uFEFF序号,姓名,手机,住址,状态,报名时间,签到时间')).toBe(true);
    expect(out.csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(out.rows).toBe(1);
    await user.ok('demo-resident', 'updateProfile', { displayName: '王秀兰' });
  });

  it("masks the phones of people who cancelled, and writes times in China time as the screens do", async () => {
    const eventId = await newEvent({ capacity: 5 });
    await user.ok('demo-resident-2', 'updateProfile', { phone: '13612345678' });
    await event.ok('demo-resident-2', 'register', { eventId });
    await event.ok('demo-resident-2', 'cancel', { eventId });
    await user.ok('demo-member', 'updateProfile', { phone: '13512345678' });
    await event.ok('demo-member', 'register', { eventId });
    const out = await event.ok('demo-committee', 'export', { eventId });
    const lines = out.csv.replace('\uFEFF', '').trim().split('\r\n');
    const cancelled = lines.find((l) => l.includes('已取消'))!;
    const confirmed = lines.find((l) => l.includes('已报名'))!;
    expect(cancelled).toContain('136****5678');
    expect(cancelled).not.toContain('13612345678');
    expect(confirmed).toContain('13512345678');
    // 2026-12-01 20:05:09, never 2026-12-01T12:05:09.000Z
    expect(out.csv).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    expect(confirmed).toMatch(/,\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},/);
  });

  it('the scheduler reminds confirmed registrants who asked, once, two hours before the start', async () => {
    const e = freshEnv('remind');
    await control(e, '/seed', 'POST', { kind: 'demo' });
    const u = client<UserContract>(e, 'user');
    const ev = client<EventContract>(e, 'event');
    await u.ok('demo-resident', 'subscribe', { templateKeys: ['eventReminder'] });
    const eventId = await newEvent({}, 'demo-committee', e);
    await ev.ok('demo-resident', 'register', { eventId });
    await ev.ok('demo-resident-2', 'register', { eventId });
    const fire = () => fetch(`${process.env.LINLI_TEST_EMULATOR_URL}/triggers/scheduler`, { method: 'POST', headers: { 'x-linli-env': e } }).then((r) => r.json());
    expect(((await fire()) as { data: { reminded: number } }).data.reminded).toBe(0);
    await control(e, '/clock', 'POST', { advanceMs: 46.5 * H });
    expect(((await fire()) as { data: { reminded: number } }).data.reminded).toBe(1);
    expect(((await fire()) as { data: { reminded: number } }).data.reminded).toBe(0);
    const sent = (await control<{ items: Array<{ params: Record<string, any> }> }>(e, '/outbox?api=subscribeMessage.send')).items;
    expect(sent).toHaveLength(1);
    expect(sent[0].params.data.thing1.value).toBe('阳光下午茶');
  });
});
