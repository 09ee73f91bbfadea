// Faults and reconciliation (issue 17): a failure injected at each database request of the actions
// that write more than one document leaves either a completed action or a state the reconciliation
// job repairs; and a registration burst cut by SIGKILL is repaired after a restart on the same data.
// These run on an emulator of their own (a short settle time for the reconciliation, and a process
// this file may kill).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Envelope } from '@core/errors';
import { sdk } from './helpers/cloud';
import { startEmulatorProcess, type EmulatorProcess } from './helpers/process';
import { addResidents } from './helpers/people';

const H = 3_600_000;
const ENV = 'faults';
let emu: EmulatorProcess;
let dataDir: string;
let db: any;

async function control<T = any>(route: string, method = 'GET', body?: unknown, env = ENV): Promise<T> {
  const res = await fetch(`${emu.url}/__emulator${route}${route.includes('?') ? '&' : '?'}env=${env}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${route} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function call<T = any>(fn: string, openid: string, event: unknown, env = ENV): Promise<Envelope<T>> {
  const res = await fetch(`${emu.url}/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid, 'x-linli-env': env },
    body: JSON.stringify(event),
  });
  return (await res.json()) as Envelope<T>;
}

async function ok<T = any>(fn: string, openid: string, action: string, data: unknown): Promise<T> {
  const r = await call<T>(fn, openid, { action, data });
  if (!r.ok) throw new Error(`${fn}.${action} as ${openid}: ${r.code} ${r.message}`);
  return r.data;
}

/** Runs one domain's reconciliation as the branch (the scheduler's "run now" does the same). */
async function reconcile(fn: string, env = ENV): Promise<number> {
  const r = await call<{ repaired: number }>(fn, 'demo-branch', { $job: 'reconcile' }, env);
  if (!r.ok) throw new Error(`${fn} reconcile: ${r.code} ${r.message}`);
  return r.data.repaired;
}

let residentSeq = 0;
/** Residents made straight in the database (_id = openid, so a registration's userId names its openid). */
const residents = (count: number, database = db) => addResidents(database, count, `r${++residentSeq}`, { idIsOpenid: true });

/** An event two days ahead (organisers take turns: each has a rate limit of their own). */
async function newEvent(capacity: number, organiser = 'demo-committee'): Promise<string> {
  const now = Date.now();
  const { eventId } = await ok<{ eventId: string }>('event', organiser, 'create', {
    title: '阳光下午茶',
    description: '社区活动室，茶点、聊天',
    startAt: new Date(now + 48 * H).toISOString(),
    endAt: new Date(now + 50 * H).toISOString(),
    signupDeadline: new Date(now + 47 * H).toISOString(),
    place: '社区活动室',
    capacity,
    audience: { kind: 'all' },
    creditsHours: false,
  });
  return eventId;
}

interface Reg {
  _id: string;
  userId: string;
  status: string;
  queuedAt: Date;
  waitlistNo?: number | null;
}

/** The queue's order (as the event handlers' QUEUE_ORDER): the waitlist number (none first), arrival, _id. */
const queueOrder = (a: Reg, b: Reg) =>
  (a.waitlistNo ?? -Infinity) - (b.waitlistNo ?? -Infinity) || new Date(a.queuedAt).getTime() - new Date(b.queuedAt).getTime() || (a._id < b._id ? -1 : 1);

/** The invariants of an event's seats and queue, as the reconciliation promises them. */
async function eventState(eventId: string, database = db) {
  const ev = (await database.collection('events').doc(eventId).get()).data;
  const all: Reg[] = [];
  for (let skip = 0; ; skip += 100) {
    const page = (await database.collection('registrations').where({ eventId }).skip(skip).limit(100).get()).data as Reg[];
    all.push(...page);
    if (page.length < 100) break;
  }
  const confirmed = all.filter((r) => r.status === 'confirmed');
  const waiting = all.filter((r) => r.status === 'waitlisted').sort(queueOrder);
  return { ev, confirmed: confirmed.length, waiting, queue: waiting.map((r) => r.userId), all };
}

async function expectConsistent(eventId: string, database = db) {
  const s = await eventState(eventId, database);
  expect(s.ev.confirmedCount).toBe(s.confirmed);
  expect(s.confirmed).toBeLessThanOrEqual(s.ev.capacity);
  expect(s.ev.waitlistCount ?? 0).toBe(s.waiting.length);
  // the queue in order: numbers unique, never ahead of the sequence, and handed out in arrival order
  const numbers = s.waiting.map((r) => r.waitlistNo).filter((n): n is number => typeof n === 'number');
  expect(new Set(numbers).size).toBe(numbers.length);
  expect(Math.max(0, ...numbers)).toBeLessThanOrEqual(s.ev.waitlistSeq ?? 0);
  const times = s.waiting.filter((r) => typeof r.waitlistNo === 'number').map((r) => new Date(r.queuedAt).getTime());
  expect(times).toEqual([...times].sort((a, b) => a - b));
  // a free seat and someone waiting for it: the queue was not promoted
  if (s.confirmed < s.ev.capacity) expect(s.queue).toEqual([]);
  return s;
}

async function injectFault(spec: Record<string, unknown>) {
  await control('/faults', 'DELETE');
  return control<{ id: number }>('/faults', 'POST', spec);
}

async function faultState(): Promise<string> {
  const { items } = await control<{ items: Array<{ state: string }> }>('/faults');
  return items[0]?.state ?? 'none';
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-faults-'));
  // the reconciliation trusts a mismatch after this settle time (a write in flight finishes meanwhile)
  process.env.LINLI_RECONCILE_SETTLE_MS = '100';
  // strict, as the shared test emulator: every query the jobs make must be served by an index
  emu = await startEmulatorProcess(dataDir, ['--strict-indexes']);
  db = sdk(ENV, emu.url).database();
  await control('/seed', 'POST', { kind: 'demo' });
}, 60_000);

afterEach(async () => {
  await control('/clock', 'POST', { reset: true });
});

afterAll(async () => {
  await emu?.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the fault switch', () => {
  it('fails the Nth database request of the next matching invocation only, and says when it did not fire', async () => {
    await injectFault({ functionName: 'event', action: 'list', failNth: 2 });
    expect(await call('event', 'demo-resident', { action: 'list', data: { when: 'upcoming' } })).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(await faultState()).toBe('fired');
    // the next call is untouched
    expect(await call('event', 'demo-resident', { action: 'list', data: { when: 'upcoming' } })).toMatchObject({ ok: true });
    // an action with fewer requests than N leaves the rule missed
    await injectFault({ functionName: 'event', action: 'list', failNth: 50 });
    expect(await call('event', 'demo-resident', { action: 'list', data: { when: 'upcoming' } })).toMatchObject({ ok: true });
    expect(await faultState()).toBe('missed');
  });

  it('delays database requests', async () => {
    await injectFault({ functionName: 'event', delayMs: 150 });
    const t0 = Date.now();
    expect(await call('event', 'demo-resident', { action: 'list', data: { when: 'upcoming' } })).toMatchObject({ ok: true });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(2 * 150);
    await control('/faults', 'DELETE');
  });

  it('refuses a rule that does nothing', async () => {
    await expect(control('/faults', 'POST', { functionName: 'event' })).rejects.toThrow(/400/);
  });
});

/**
 * Runs `act` once per database request it makes, failing that request (refused, or applied with its
 * reply lost), then runs `fn`'s reconciliation and `check`s the invariants; a second reconciliation
 * repairs nothing. Stops when the action makes fewer requests than N. Returns the faults injected and
 * the repairs made.
 */
async function faultEveryStep<S>(o: {
  label: string;
  fn: string;
  action: string;
  setup: () => Promise<S>;
  act: (s: S) => Promise<Envelope<unknown>>;
  check: (s: S, reply: Envelope<unknown>, at: string) => Promise<void>;
  /** Tidy up after a step (out of the next steps' reconciliation). */
  done?: (s: S) => Promise<void>;
}): Promise<{ injected: number; repaired: number }> {
  let injected = 0;
  let repaired = 0;
  for (const when of ['before', 'after'] as const) {
    for (let n = 1; n <= 40; n++) {
      const s = await o.setup();
      await injectFault({ functionName: o.fn, action: o.action, failNth: n, when });
      const reply = await o.act(s);
      const state = await faultState();
      await control('/faults', 'DELETE');
      if (state === 'missed') {
        await o.done?.(s);
        break;
      }
      const at = `${o.label}: request ${n} failed ${when}`;
      expect({ at, state }).toEqual({ at, state: 'fired' });
      injected++;
      repaired += await reconcile(o.fn);
      await o.check(s, reply, at);
      expect({ at, again: await reconcile(o.fn) }).toEqual({ at, again: 0 });
      await o.done?.(s);
    }
  }
  return { injected, repaired };
}

/** For register and cancel: the seat and queue invariants, and an acknowledged action holds. */
async function atEveryStep(
  label: string,
  setup: () => Promise<{ eventId: string; openid: string }>,
  act: (s: { eventId: string; openid: string }) => Promise<Envelope<unknown>>,
  match: { functionName: string; action: string },
): Promise<{ injected: number; repaired: number }> {
  return faultEveryStep({
    label,
    fn: match.functionName,
    action: match.action,
    setup,
    act,
    async check(s, reply, at) {
      const after = await expectConsistent(s.eventId);
      // an acknowledged action holds: the caller's registration is what the reply said
      const mine = after.all.find((r) => r.userId === s.openid);
      if (reply.ok) {
        const said = (reply.data as { status: string }).status;
        expect({ at, status: mine?.status }).toEqual({ at, status: said === 'waitlisted' && mine?.status === 'confirmed' ? 'confirmed' : said });
      }
    },
    // out of the next runs' way (they look at published events only)
    done: (s) => db.collection('events').doc(s.eventId).update({ data: { state: 'cancelled' } }),
  });
}

describe('活动报名: a failure at each step, then reconciliation', () => {
  jest.setTimeout(240_000);

  it('register (a seat, then the registration): completes or is repaired', async () => {
    const confirmedRun = await atEveryStep(
      'register for a free seat',
      async () => ({ eventId: await newEvent(2), openid: (await residents(1))[0] }),
      (s) => call('event', s.openid, { action: 'register', data: { eventId: s.eventId } }),
      { functionName: 'event', action: 'register' },
    );
    const waitRun = await atEveryStep(
      'register onto the waitlist',
      async () => {
        const eventId = await newEvent(1);
        const [a, b, c] = await residents(3);
        for (const p of [a, b]) await ok('event', p, 'register', { eventId });
        return { eventId, openid: c };
      },
      (s) => call('event', s.openid, { action: 'register', data: { eventId: s.eventId } }),
      { functionName: 'event', action: 'register' },
    );
    console.log(`register: ${confirmedRun.injected + waitRun.injected} faults injected, ${confirmedRun.repaired + waitRun.repaired} repairs`);
    expect(confirmedRun.injected).toBeGreaterThanOrEqual(4);
    expect(confirmedRun.repaired + waitRun.repaired).toBeGreaterThan(0);
  });

  it('cancel (the registration, the seat, then promotion from the queue): completes or is repaired', async () => {
    const run = await atEveryStep(
      'cancel a confirmed place with two waiting',
      async () => {
        const eventId = await newEvent(1, 'demo-branch');
        const [a, b, c] = await residents(3);
        for (const p of [a, b, c]) await ok('event', p, 'register', { eventId });
        return { eventId, openid: a };
      },
      (s) => call('event', s.openid, { action: 'cancel', data: { eventId: s.eventId } }),
      { functionName: 'event', action: 'cancel' },
    );
    console.log(`cancel: ${run.injected} faults injected, ${run.repaired} repairs`);
    expect(run.injected).toBeGreaterThanOrEqual(8);
    expect(run.repaired).toBeGreaterThan(0);
  });
});

describe('a failure at each step of the other multi-document actions, then reconciliation', () => {
  jest.setTimeout(240_000);

  it('活动签到 (the registration, the service record, then the hours): the hours equal the records', async () => {
    const run = await faultEveryStep({
      label: 'check in to a credited event',
      fn: 'event',
      action: 'checkin',
      async setup() {
        await control('/clock', 'POST', { reset: true });
        const now = Date.now();
        const { eventId } = await ok<{ eventId: string }>('event', 'demo-committee', 'create', {
          title: '法律进小区', description: '律师现场答疑', place: '社区活动室', capacity: 5, audience: { kind: 'all' }, creditsHours: true,
          startAt: new Date(now + 48 * H).toISOString(), endAt: new Date(now + 50 * H).toISOString(), signupDeadline: new Date(now + 47 * H).toISOString(),
        });
        const [who] = await residents(1);
        await ok('event', who, 'register', { eventId });
        await control('/clock', 'POST', { advanceMs: 47.8 * H });
        const { code } = await ok<{ code: string }>('event', 'demo-committee', 'issueCheckinCode', { eventId });
        return { eventId, who, code };
      },
      act: (s) => call('event', s.who, { action: 'checkin', data: { eventId: s.eventId, code: s.code } }),
      async check(s, reply, at) {
        const records = (await db.collection('service_records').where({ userId: s.who }).get()).data as Array<{ source: string; hours: number }>;
        const hours = records.filter((r) => r.source === 'event').reduce((a, r) => a + r.hours, 0);
        const person = (await db.collection('users').doc(s.who).get()).data;
        expect({ at, serviceHours: person.serviceHours }).toEqual({ at, serviceHours: hours });
        // checked in (whatever the reply said): the record it earns is there, once
        const reg = (await db.collection('registrations').where({ eventId: s.eventId, userId: s.who }).get()).data[0];
        expect({ at, records: records.length }).toEqual({ at, records: reg.checkedInAt ? 1 : 0 });
        if (reply.ok) expect({ at, records: records.length }).toEqual({ at, records: 1 });
      },
      done: async (s) => {
        await db.collection('events').doc(s.eventId).update({ data: { state: 'cancelled' } });
        await control('/clock', 'POST', { reset: true });
      },
    });
    console.log(`checkin: ${run.injected} faults injected, ${run.repaired} repairs`);
    expect(run.injected).toBeGreaterThanOrEqual(6);
    expect(run.repaired).toBeGreaterThan(0);
  });

  it('通知已读 (the person read, the count, then the household read): counts equal the reads', async () => {
    const run = await faultEveryStep({
      label: 'first read of a notice',
      fn: 'notice',
      action: 'get',
      async setup() {
        const { noticeId } = await ok<{ noticeId: string }>('notice', 'demo-committee', 'publish', {
          category: 'policy', title: '垃圾分类新规', content: '<p>下周起按新规投放。</p>', audience: { kind: 'compound' },
        });
        const [who] = await residents(1);
        return { noticeId, who };
      },
      act: (s) => call('notice', s.who, { action: 'get', data: { noticeId: s.noticeId } }),
      async check(s, reply, at) {
        const n = (await db.collection('notices').doc(s.noticeId).get()).data;
        const reads = (await db.collection('notice_reads').where({ noticeId: s.noticeId }).get()).data as Array<{ householdId: string | null }>;
        const homes = (await db.collection('notice_household_reads').where({ noticeId: s.noticeId }).get()).data as Array<{ householdId: string }>;
        expect({ at, readCount: n.readCount }).toEqual({ at, readCount: reads.length });
        expect({ at, households: homes.map((h) => h.householdId).sort() }).toEqual({ at, households: [...new Set(reads.map((r) => r.householdId).filter(Boolean))].sort() });
        if (reply.ok) expect({ at, reads: reads.length }).toEqual({ at, reads: 1 });
      },
      done: (s) => db.collection('notices').doc(s.noticeId).update({ data: { state: 'archived' } }),
    });
    console.log(`notice read: ${run.injected} faults injected, ${run.repaired} repairs`);
    expect(run.injected).toBeGreaterThanOrEqual(4);
    expect(run.repaired).toBeGreaterThan(0);
  });

  it('加入志愿队 (a place, then the membership): the member count equals the members', async () => {
    const { teamId } = await ok<{ teamId: string }>('volunteer', 'demo-committee', 'createTeam', {
      name: '红袖标巡逻队', kind: 'patrol', description: '夜间巡逻，守护小区平安', capacity: 0, needsApproval: false, risky: false, leaderIds: ['u-demo-member'], skillsSought: ['巡逻'],
    });
    const run = await faultEveryStep({
      label: 'join a team',
      fn: 'volunteer',
      action: 'join',
      setup: async () => ({ who: (await residents(1))[0] }),
      act: (s) => call('volunteer', s.who, { action: 'join', data: { teamId } }),
      async check(s, reply, at) {
        const t = (await db.collection('teams').doc(teamId).get()).data;
        const active = (await db.collection('team_members').where({ teamId, status: 'active' }).count()).total;
        expect({ at, memberCount: t.memberCount }).toEqual({ at, memberCount: active });
        if (reply.ok) expect({ at, mine: (await db.collection('team_members').where({ teamId, userId: s.who }).count()).total }).toEqual({ at, mine: 1 });
      },
    });
    console.log(`volunteer join: ${run.injected} faults injected, ${run.repaired} repairs`);
    expect(run.injected).toBeGreaterThanOrEqual(3);
    expect(run.repaired).toBeGreaterThan(0);
  });
});

describe('drift planted by hand', () => {
  const SEEDED = 'faults-seeded';
  const DOMAIN_FNS = ['event', 'notice', 'volunteer', 'convention', 'request', 'user'];
  let sdb: any;

  beforeAll(async () => {
    await control('/seed', 'POST', { kind: 'demo', content: true }, SEEDED);
    sdb = sdk(SEEDED, emu.url).database();
  });

  const reconcileAll = async () => Object.fromEntries(await Promise.all(DOMAIN_FNS.map(async (fn) => [fn, await reconcile(fn, SEEDED)] as const)));
  const auditRows = async () => (await sdb.collection('audit_logs').where({ actorId: null }).limit(1000).get()).data.filter((r: { action: string }) => r.action.startsWith('reconcile.'));

  it('the seeded demo compound is consistent: no domain repairs anything', async () => {
    expect(await reconcileAll()).toEqual(Object.fromEntries(DOMAIN_FNS.map((fn) => [fn, 0])));
  });

  it('each domain repairs its own counters and figures, one audit row per repair, and a second run repairs nothing', async () => {
    const first = async (coll: string, where: Record<string, unknown> = {}) => (await sdb.collection(coll).where(where).limit(1).get()).data[0];
    const _ = sdb.command;
    const request = await first('requests', { compoundId: 'demo-compound' });
    await sdb.collection('requests').doc(request._id).update({ data: { 'stats.open': 1 - request.stats.open, 'stats.counted': 0 } });
    const convention = await first('conventions', { compoundId: 'demo-compound' });
    await sdb.collection('conventions').doc(convention._id).update({ data: { commentCount: _.inc(3), 'articleComments.1': _.inc(2) } });
    const team = await first('teams', { compoundId: 'demo-compound' });
    await sdb.collection('teams').doc(team._id).update({ data: { memberCount: _.inc(2), pendingCount: _.inc(1) } });
    const shift = await first('shifts', { compoundId: 'demo-compound' });
    await sdb.collection('shifts').doc(shift._id).update({ data: { booked: _.inc(1) } });
    const notice = await first('notices', { compoundId: 'demo-compound', state: 'published' });
    await sdb.collection('notices').doc(notice._id).update({ data: { readCount: _.inc(5) } });
    // a binding filed before applications were stamped with their building's grid workers
    const binding = await first('bindings', { compoundId: 'demo-compound', state: 'pending' });
    await sdb.collection('bindings').doc(binding._id).update({ data: { gridUserIds: _.remove() } });
    const before = (await auditRows()).length;

    const repaired = await reconcileAll();
    // request: the figures; convention: the total and one article; volunteer: two team counters and a shift; notice: the count
    expect(repaired).toMatchObject({ request: 1, convention: 2, volunteer: 3, notice: 1, user: 1 });
    const total = Object.values(repaired).reduce((a, b) => a + b, 0);
    const rows = await auditRows();
    expect(rows.length - before).toBe(total);
    expect(new Set(rows.map((r: { action: string }) => r.action))).toEqual(
      new Set(['reconcile.request.stats', 'reconcile.convention.commentCount', 'reconcile.convention.articleComments', 'reconcile.volunteer.memberCount', 'reconcile.volunteer.pendingCount', 'reconcile.volunteer.booked', 'reconcile.notice.readCount', 'reconcile.user.bindingGrid']),
    );

    const after = async (coll: string, id: string) => (await sdb.collection(coll).doc(id).get()).data;
    expect((await after('requests', request._id)).stats).toEqual(request.stats);
    expect((await after('conventions', convention._id)).commentCount).toBe((await sdb.collection('convention_comments').where({ conventionId: convention._id }).count()).total);
    expect((await after('teams', team._id)).memberCount).toBe((await sdb.collection('team_members').where({ teamId: team._id, status: 'active' }).count()).total);
    expect((await after('shifts', shift._id)).booked).toBe((await sdb.collection('shift_bookings').where({ shiftId: shift._id, status: 'booked' }).count()).total);
    expect((await after('notices', notice._id)).readCount).toBe((await sdb.collection('notice_reads').where({ noticeId: notice._id }).count()).total);
    expect(binding.gridUserIds.length).toBeGreaterThan(0);
    expect((await after('bindings', binding._id)).gridUserIds).toEqual(binding.gridUserIds);
    expect(await reconcileAll()).toEqual(Object.fromEntries(DOMAIN_FNS.map((fn) => [fn, 0])));
  });
});

describe('活动报名: a burst cut by SIGKILL', () => {
  it('300 registrations for 100 seats, the emulator killed mid-burst and restarted on its data: reconciled, nobody beyond capacity, the queue in order', async () => {
    const eventId = await newEvent(100);
    const people = await residents(300);
    // spread the burst out so the kill lands while registrations are between their writes
    await injectFault({ functionName: 'event', delayMs: 15 });
    let answered = 0;
    let killed!: () => void;
    const killedAt = new Promise<void>((resolve) => (killed = resolve));
    const burst = Promise.allSettled(
      people.map((p) =>
        call('event', p, { action: 'register', data: { eventId } }).then((r) => {
          if (++answered === 95) killed();
          return r;
        }),
      ),
    );
    await killedAt;
    await emu.stop('SIGKILL');
    const replies = await burst;
    const acknowledged = replies.filter((r) => r.status === 'fulfilled' && (r.value as Envelope<unknown>).ok).length;
    emu = await startEmulatorProcess(dataDir, ['--strict-indexes']);
    db = sdk(ENV, emu.url).database();
    const before = await eventState(eventId);
    const repaired = await reconcile('event');
    const after = await expectConsistent(eventId);
    console.log(
      `SIGKILL after ${acknowledged} acknowledged registrations: ${before.all.length} stored, counter ${before.ev.confirmedCount} vs ${before.confirmed} confirmed, ` +
        `waiting count ${before.ev.waitlistCount} vs ${before.queue.length} waiting → ${repaired} repairs → counter ${after.ev.confirmedCount}, waiting ${after.ev.waitlistCount}`,
    );
    expect(acknowledged).toBeGreaterThan(0);
    expect(before.all.length).toBeGreaterThanOrEqual(acknowledged);
    expect(before.all.length).toBeLessThan(300);
    expect(after.confirmed).toBeLessThanOrEqual(100);
    // every acknowledged registration survived the kill
    expect(after.all.length).toBe(before.all.length);
    expect(await reconcile('event')).toBe(0);
    // and the event keeps working: the rest register after the restart, still never beyond capacity
    const rest = people.filter((p) => !after.all.some((r) => r.userId === p));
    await Promise.all(rest.map((p) => ok('event', p, 'register', { eventId })));
    // numbers are taken with the seat decision: the queue is in order without a reconciliation
    const final = await expectConsistent(eventId);
    expect(final.confirmed).toBe(100);
    expect(final.confirmed + final.queue.length).toBe(300);
  }, 120_000);
});
