// Indexes seen from outside, through the real SDK and the control API: explain names the index
// that serves a query and what it examined, unindexed queries are listed with the function and
// action that sent them, and strict index mode (on for this test tier) refuses them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { control, emulatorUrl, freshEnv, invoke, sdk } from './helpers/cloud';
import { startEmulatorProcess } from './helpers/process';

const env = freshEnv('indexes');
const db: any = sdk(env).database();

interface Explain {
  plan: string;
  indexed: boolean;
  docsExamined: number;
  keysExamined: number;
  orderFromIndex: boolean;
  returned: number;
  total: number;
}

interface Unindexed {
  collection: string;
  op: string;
  shape: string;
  functionName: string | null;
  action: string | null;
  grows: boolean;
  refused: boolean;
  count: number;
}

async function rejection(p: Promise<unknown>): Promise<{ errCode?: number; errMsg?: string }> {
  try {
    await p;
  } catch (e) {
    return e as never;
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  const docs = Array.from({ length: 600 }, (_x, i) => ({
    compoundId: `c${i % 3}`,
    state: ['submitted', 'accepted', 'resolved'][i % 3 === 0 ? (i >> 2) % 3 : 0],
    dueAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
    category: `k${i % 7}`,
    reporterId: `u${i}`,
    idempotencyKey: `key-${i}`,
  }));
  for (let i = 0; i < docs.length; i += 200) await db.collection('requests').add({ data: docs.slice(i, i + 200) });
});

describe('explain', () => {
  it('names the index that serves a filtered, ordered page and shows it examined about a page', async () => {
    const q = encodeURIComponent(JSON.stringify({ compoundId: 'c1', state: 'submitted' }));
    const order = encodeURIComponent(JSON.stringify({ dueAt: -1 }));
    const x = await control<Explain>(env, `/explain?collection=requests&query=${q}&order=${order}&limit=20`);
    expect(x).toMatchObject({ plan: 'by_state', indexed: true, orderFromIndex: true, returned: 20, total: 600 });
    expect(x.docsExamined).toBeLessThanOrEqual(21);
  });

  it('takes a query with dates and ranges by POST, and says scan when no index serves it', async () => {
    const ranged = await control<Explain>(env, '/explain', 'POST', {
      collection: 'requests',
      query: { state: { $in: ['submitted', 'accepted'] }, dueAt: { $lt: { $date: '2026-01-01T01:00:00Z' } } },
      order: { dueAt: 1 },
      limit: 5,
    });
    expect(ranged).toMatchObject({ plan: 'by_state_due', indexed: true, orderFromIndex: true, returned: 5 });
    expect(ranged.docsExamined).toBeLessThanOrEqual(12);
    const scan = await control<Explain>(env, '/explain', 'POST', { collection: 'requests', query: { category: 'k3' } });
    expect(scan).toMatchObject({ plan: 'scan', indexed: false, docsExamined: 600 });
    // explaining is not a query a function sent: it is not logged as unindexed
    const { items } = await control<{ items: Unindexed[] }>(env, '/unindexed');
    expect(items.filter((u) => u.shape.includes('category'))).toEqual([]);
  });

  it('gives the same documents as the scan would', async () => {
    const page = await db.collection('requests').where({ compoundId: 'c0', state: 'resolved' }).orderBy('dueAt', 'desc').skip(3).limit(4).get();
    const all = await db.collection('requests').where({ compoundId: 'c0' }).limit(1000).get();
    const expected = all.data
      .filter((r: any) => r.state === 'resolved')
      .sort((a: any, b: any) => b.dueAt.getTime() - a.dueAt.getTime())
      .slice(3, 7)
      .map((r: any) => r._id);
    expect(page.data.map((r: any) => r._id)).toEqual(expected);
  });
});

describe('unindexed queries', () => {
  it('are refused in strict mode when a function sends them, naming the function and action', async () => {
    await invoke(env, 'user', { action: 'login', data: {} }, 'index-prober');
    const { items: invocations } = await control<{ items: Array<{ id: string; functionName: string; action?: string }> }>(env, '/invocations');
    const login = invocations.find((i) => i.functionName === 'user' && i.action === 'login')!;
    // the SDK as that invocation sees it: the emulator attributes its queries to user.login
    const asLogin: any = sdk(env, `${emulatorUrl()}/inv/${login.id}`).database();
    const err = await rejection(asLogin.collection('requests').where({ category: 'k3' }).get());
    expect(err.errMsg).toMatch(/strict index mode: get on requests .*from user\.login.*collections\.ts/);
    const { items } = await control<{ strict: boolean; items: Unindexed[] }>(env, '/unindexed');
    expect(items).toContainEqual(
      expect.objectContaining({ collection: 'requests', op: 'get', shape: '{"category":"?"}', functionName: 'user', action: 'login', grows: true, refused: true }),
    );
  });

  it('name a timer trigger as the action of a timed function', async () => {
    await fetch(`${emulatorUrl()}/triggers/scheduler`, { method: 'POST', headers: { 'x-linli-env': env } });
    const { items } = await control<{ items: Array<{ functionName: string; action?: string; outcome?: string }> }>(env, '/invocations');
    expect(items.find((i) => i.functionName === 'scheduler')).toMatchObject({ action: expect.stringMatching(/^timer:/), outcome: 'ok' });
  });

  it('are logged but answered when a test or tool sends them, or on a collection that stays small', async () => {
    expect((await db.collection('requests').where({ category: 'k4' }).count()).total).toBeGreaterThan(0);
    const { items } = await control<{ items: Unindexed[] }>(env, '/unindexed');
    expect(items).toContainEqual(expect.objectContaining({ op: 'count', shape: '{"category":"?"}', functionName: null, refused: false }));
  });

  it('can be switched between strict and logging through the control API', async () => {
    expect(await control(env, '/strict')).toEqual({ strict: true });
    await invoke(env, 'user', { action: 'login', data: {} }, 'index-prober');
    const { items: invocations } = await control<{ items: Array<{ id: string; functionName: string; action?: string }> }>(env, '/invocations');
    const login = invocations.filter((i) => i.action === 'login').pop()!;
    const asLogin: any = sdk(env, `${emulatorUrl()}/inv/${login.id}`).database();
    try {
      expect(await control(env, '/strict', 'POST', { strict: false })).toEqual({ strict: false });
      expect((await asLogin.collection('requests').where({ category: 'k5' }).get()).data.length).toBeGreaterThan(0);
    } finally {
      await control(env, '/strict', 'POST', { strict: true });
    }
    await expect(asLogin.collection('requests').where({ category: 'k5' }).get()).rejects.toMatchObject({ errMsg: expect.stringMatching(/strict index mode/) });
  });
});

describe('after a restart', () => {
  it('serves from indexes rebuilt from the journal, with the writes, updates and removals before a SIGKILL', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-index-restart-'));
    const renv = 'restart';
    const first = await startEmulatorProcess(dataDir);
    try {
      const rdb: any = sdk(renv, first.url).database();
      const regs = Array.from({ length: 300 }, (_x, i) => ({
        eventId: `e${i % 3}`,
        userId: `u${i}`,
        status: i % 4 === 0 ? 'waitlisted' : 'confirmed',
        queuedAt: new Date(Date.UTC(2026, 5, 1) + i * 1000),
      }));
      await rdb.collection('registrations').add({ data: regs });
      await rdb.collection('registrations').where({ eventId: 'e1', userId: 'u1' }).update({ data: { status: 'cancelled' } });
      await rdb.collection('registrations').where({ eventId: 'e0', userId: 'u0' }).remove();
      await first.stop('SIGKILL');
      const second = await startEmulatorProcess(dataDir);
      try {
        const again: any = sdk(renv, second.url).database();
        const q = { eventId: 'e1', status: 'waitlisted' };
        const page = await again.collection('registrations').where(q).orderBy('queuedAt', 'asc').limit(3).get();
        expect(page.data.map((r: any) => r.userId)).toEqual(['u4', 'u16', 'u28']);
        expect((await again.collection('registrations').where({ eventId: 'e1', status: 'cancelled' }).get()).data.map((r: any) => r.userId)).toEqual(['u1']);
        expect((await again.collection('registrations').where({ eventId: 'e0', userId: 'u0' }).count()).total).toBe(0);
        const res = await fetch(
          `${second.url}/__emulator/explain?env=${renv}&collection=registrations&limit=3&query=${encodeURIComponent(JSON.stringify(q))}&order=${encodeURIComponent('{"queuedAt":1}')}`,
        );
        expect(await res.json()).toMatchObject({ plan: 'by_queue', orderFromIndex: true, docsExamined: 3, total: 299 });
      } finally {
        await second.stop();
      }
    } finally {
      await first.stop('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
