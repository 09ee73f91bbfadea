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

const H = 3_600_000;
const ENV = 'faults';
let emu: EmulatorProcess;
let dataDir: string;
let db: any;

async function control<T = any>(route: string, method = 'GET', body?: unknown): Promise<T> {
  const res = await fetch(`${emu.url}/__emulator${route}${route.includes('?') ? '&' : '?'}env=${ENV}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${route} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

async function call<T = any>(fn: string, openid: string, event: unknown): Promise<Envelope<T>> {
  const res = await fetch(`${emu.url}/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid, 'x-linli-env': ENV },
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
async function reconcile(fn: string): Promise<number> {
  const r = await call<{ repaired: number }>(fn, 'demo-branch', { $job: 'reconcile' });
  if (!r.ok) throw new Error(`${fn} reconcile: ${r.code} ${r.message}`);
  return r.data.repaired;
}

let residentSeq = 0;
/** Residents made straight in the database: enough distinct people for a burst. */
async function residents(count: number, database = db): Promise<string[]> {
  const now = new Date();
  const batch = ++residentSeq;
  const docs = Array.from({ length: count }, (_x, i) => ({
    // _id = openid, so a registration's userId names its openid
    _id: `r${batch}-${i}`,
    openid: `r${batch}-${i}`,
    compoundId: 'demo-compound',
    compoundName: '红湖公园城',
    displayName: `居民${i}`,
    phone: null,
    roles: ['resident'],
    householdId: `demo-h1-1-${(i % 9) + 1}01`,
    householdRelation: 'family',
    home: { buildingId: 'demo-b1', buildingName: '1栋', unit: '1', room: `${(i % 9) + 1}01` },
    binding: null,
    party: null,
    consents: {},
    elderMode: false,
    isMinor: false,
    points: 0,
    serviceHours: 0,
    createdAt: now,
    updatedAt: now,
  }));
  for (let i = 0; i < docs.length; i += 500) await database.collection('users').add({ data: docs.slice(i, i + 500) });
  return docs.map((d) => d.openid);
}

async function newEvent(capacity: number): Promise<string> {
  const now = Date.now();
  const { eventId } = await ok<{ eventId: string }>('event', 'demo-committee', 'create', {
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
}

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
  const queue = all
    .filter((r) => r.status === 'waitlisted')
    .sort((a, b) => new Date(a.queuedAt).getTime() - new Date(b.queuedAt).getTime() || (a._id < b._id ? -1 : 1))
    .map((r) => r.userId);
  return { ev, confirmed: confirmed.length, queue, all };
}

async function expectConsistent(eventId: string, database = db) {
  const s = await eventState(eventId, database);
  expect(s.ev.confirmedCount).toBe(s.confirmed);
  expect(s.confirmed).toBeLessThanOrEqual(s.ev.capacity);
  expect(s.ev.waitlist).toEqual(s.queue);
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
  emu = await startEmulatorProcess(dataDir);
  db = sdk(ENV, emu.url).database();
  await control('/seed', 'POST', { kind: 'demo' });
}, 60_000);

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
 * reply lost), then reconciles and checks the invariants. Returns how many requests were failed.
 */
async function atEveryStep(
  label: string,
  setup: () => Promise<{ eventId: string; openid: string }>,
  act: (s: { eventId: string; openid: string }) => Promise<Envelope<unknown>>,
  match: { functionName: string; action: string },
): Promise<{ injected: number; repaired: number }> {
  let injected = 0;
  let repaired = 0;
  for (const when of ['before', 'after'] as const) {
    for (let n = 1; n <= 30; n++) {
      const s = await setup();
      await injectFault({ ...match, failNth: n, when });
      const reply = await act(s);
      const state = await faultState();
      await control('/faults', 'DELETE');
      if (state === 'missed') break;
      expect({ label, n, when, state }).toEqual({ label, n, when, state: 'fired' });
      injected++;
      repaired += await reconcile('event');
      const after = await expectConsistent(s.eventId);
      // an acknowledged action holds: the caller's registration is what the reply said
      const mine = after.all.find((r) => r.userId === s.openid);
      if (reply.ok) {
        const said = (reply.data as { status: string }).status;
        expect({ label, n, when, status: mine?.status }).toEqual({ label, n, when, status: said === 'waitlisted' && mine?.status === 'confirmed' ? 'confirmed' : said });
      }
      // a second run finds nothing left to repair
      expect(await reconcile('event')).toBe(0);
      // out of the next runs' way (they look at published events only)
      await db.collection('events').doc(s.eventId).update({ data: { state: 'cancelled' } });
    }
  }
  return { injected, repaired };
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
        const eventId = await newEvent(1);
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
          if (++answered === 60) killed();
          return r;
        }),
      ),
    );
    await killedAt;
    await emu.stop('SIGKILL');
    const replies = await burst;
    const acknowledged = replies.filter((r) => r.status === 'fulfilled' && (r.value as Envelope<unknown>).ok).length;
    emu = await startEmulatorProcess(dataDir);
    db = sdk(ENV, emu.url).database();
    const before = await eventState(eventId);
    const repaired = await reconcile('event');
    const after = await expectConsistent(eventId);
    console.log(
      `SIGKILL after ${acknowledged} acknowledged registrations: ${before.all.length} stored, counter ${before.ev.confirmedCount} vs ${before.confirmed} confirmed, ` +
        `queue ${before.ev.waitlist.length} vs ${before.queue.length} waiting → ${repaired} repairs → counter ${after.ev.confirmedCount}, queue ${after.queue.length}`,
    );
    expect(before.all.length).toBeGreaterThanOrEqual(acknowledged);
    expect(before.all.length).toBeLessThan(300);
    expect(after.confirmed).toBeLessThanOrEqual(100);
    // every acknowledged registration survived the kill
    expect(after.all.length).toBe(before.all.length);
    expect(await reconcile('event')).toBe(0);
    // and the event keeps working: the rest register after the restart, still never beyond capacity
    const rest = people.filter((p) => !after.all.some((r) => r.userId === p));
    await Promise.all(rest.map((p) => ok('event', p, 'register', { eventId })));
    const final = await expectConsistent(eventId);
    expect(final.confirmed).toBe(100);
    expect(final.confirmed + final.queue.length).toBe(300);
  }, 120_000);
});
