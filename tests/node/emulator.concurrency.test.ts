// Concurrency and durability of the local cloud: identity isolation under interleaving,
// unique indexes under a burst, and no acknowledged write lost to SIGKILL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { control, countDocs, freshEnv, invoke, sdk } from './helpers/cloud';
import { startEmulatorProcess } from './helpers/process';

const env = freshEnv('concurrency');

describe('function host', () => {
  it('200 simultaneous invocations each see only their own openid, across awaits', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, (_x, i) => invoke<{ before: string; after: string; env: string }>(env, 'echo', { count: true }, `user-${i}`)),
    );
    results.forEach((r, i) => {
      expect({ status: r.status, body: r.body }).toMatchObject({ status: 200 });
      expect(r.body).toMatchObject({ before: `user-${i}`, after: `user-${i}`, env });
    });
  });

  it('a nested callFunction keeps the caller identity and counts its own database requests', async () => {
    const r = await invoke<{ before: string; nested: { before: string; source: string } }>(env, 'echo', { nested: true }, 'nester');
    expect(r.body).toMatchObject({ before: 'nester', nested: { before: 'nester', source: 'wx_client,scf' } });
    expect(r.dbRequests).toBe(0);
    const { items } = await control<{ items: Array<{ parentId?: string; dbRequests: number }> }>(env, '/invocations');
    const child = items.find((i) => i.parentId);
    expect(child?.dbRequests).toBe(1);
  });

  it('a function that throws or outlives its timeout fails cleanly and the host keeps serving', async () => {
    const thrown = await invoke(env, 'echo', { throw: true }, 'x');
    expect(thrown.status).toBe(500);
    expect(thrown.body).toMatchObject({ code: 'FUNCTIONS_EXECUTE_FAIL' });
    const slow = await invoke(env, 'echo', { sleepMs: 3400 }, 'x');
    expect(slow.body).toMatchObject({ code: 'FUNCTIONS_EXECUTE_FAIL', message: expect.stringMatching(/timed out/) });
    expect((await invoke(env, 'echo', {}, 'still-here')).body).toMatchObject({ before: 'still-here' });
  });

  it('gives each function its own wx-server-sdk, so one cloud.init does not leak into another', async () => {
    // a fresh process, so the load order is known: echo (default init) first, then user (throwOnNotFound:false)
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-iso-'));
    const own = await startEmulatorProcess(dataDir);
    try {
      const call = (fn: string, event: unknown, openid: string) =>
        fetch(`${own.url}/functions/${fn}`, { method: 'POST', headers: { 'x-wx-openid': openid }, body: JSON.stringify(event) }).then((r) => r.json());
      await fetch(`${own.url}/__emulator/seed`, { method: 'POST', body: JSON.stringify({ kind: 'demo' }) });
      expect(await call('echo', {}, 'x')).toMatchObject({ before: 'x' });
      const missing = await call('user', { action: 'setRoles', data: { userId: 'nobody', roles: ['resident'] } }, 'demo-branch');
      expect(missing).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    } finally {
      await own.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('an unknown function is a clear 404, and a body that is not JSON a 400', async () => {
    expect((await invoke(env, 'nope', {}, 'x')).status).toBe(404);
    const res = await fetch(`${process.env.LINLI_TEST_EMULATOR_URL}/functions/echo`, { method: 'POST', body: '{oops' });
    expect(res.status).toBe(400);
  });

  it('fires a timer trigger by hand, with no user identity', async () => {
    const res = await fetch(`${process.env.LINLI_TEST_EMULATOR_URL}/triggers/echo`, { method: 'POST', headers: { 'x-linli-env': env } });
    expect(await res.json()).toMatchObject({ before: '', source: 'timer' });
  });

  it('hands the controllable clock to functions', async () => {
    await control(env, '/clock', 'POST', { advanceMs: 3_600_000 });
    try {
      const r = await invoke<{ clockOffsetMs: number }>(env, 'echo', {}, 'clock');
      expect((r.body as unknown as { clockOffsetMs: number }).clockOffsetMs).toBeGreaterThanOrEqual(3_600_000 - 1000);
    } finally {
      await control(env, '/clock', 'POST', { reset: true });
    }
  });
});

describe('unique index under a burst', () => {
  it('200 simultaneous inserts of one key leave exactly one document', async () => {
    const db: any = sdk(env).database();
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_x, i) => db.collection('notice_reads').add({ data: { noticeId: 'n1', userId: 'u1', attempt: i } })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').every((r) => /E11000/.test(String((r as PromiseRejectedResult).reason?.errMsg)))).toBe(true);
    expect((await db.collection('notice_reads').where({ noticeId: 'n1', userId: 'u1' }).count()).total).toBe(1);
  });
});

describe('durability', () => {
  it('keeps all 500 acknowledged inserts through SIGKILL and a restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-durable-'));
    const first = await startEmulatorProcess(dataDir);
    const denv = 'durable';
    try {
      const db: any = sdk(denv, first.url).database();
      await db.createCollection('durable');
      for (let batch = 0; batch < 10; batch++) {
        await Promise.all(Array.from({ length: 50 }, (_x, i) => db.collection('durable').add({ data: { n: batch * 50 + i, at: new Date() } })));
      }
      await first.stop('SIGKILL');
      const second = await startEmulatorProcess(dataDir);
      try {
        const res = await fetch(`${second.url}/__emulator/collections?env=${denv}`);
        const { items } = (await res.json()) as { items: Array<{ name: string; count: number }> };
        expect(items.find((c) => c.name === 'durable')?.count).toBe(500);
        const sample: any = await sdk(denv, second.url).database().collection('durable').where({ n: 499 }).get();
        expect(sample.data[0].at).toBeInstanceOf(Date);
      } finally {
        await second.stop();
      }
    } finally {
      await first.stop('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps every insert acknowledged before a SIGKILL that lands mid-burst (replies wait for the journal)', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-durable-'));
    const first = await startEmulatorProcess(dataDir);
    const denv = 'durable-mid';
    try {
      const db: any = sdk(denv, first.url).database();
      await db.createCollection('durable');
      const acked: string[] = [];
      // 400 inserts at once; the process is killed the moment the 150th acknowledgement arrives
      await Promise.allSettled(
        Array.from({ length: 400 }, (_x, i) =>
          db
            .collection('durable')
            .add({ data: { n: i } })
            .then((r: { _id: string }) => {
              acked.push(r._id);
              if (acked.length === 150) first.process.kill('SIGKILL');
            }),
        ),
      );
      expect(acked.length).toBeGreaterThanOrEqual(150);
      const second = await startEmulatorProcess(dataDir);
      try {
        const found = new Set<string>();
        const coll = sdk(denv, second.url).database().collection('durable');
        for (let skip = 0; ; skip += 100) {
          const page: any = await coll.skip(skip).limit(100).get();
          for (const d of page.data) found.add(d._id);
          if (page.data.length < 100) break;
        }
        expect(acked.filter((id) => !found.has(id))).toEqual([]);
      } finally {
        await second.stop();
      }
    } finally {
      await first.stop('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('a reset env is empty and the control API counts documents', async () => {
    const e = freshEnv('reset');
    await sdk(e).database().collection('users').add({ data: { openid: 'r1' } });
    expect(await countDocs(e, 'users')).toBe(1);
    await control(e, '/reset', 'POST');
    expect(await countDocs(e, 'users')).toBe(0);
  });
});
