// Limits (issue 17): per-person rate limits on create-type actions, uploads and exports, declared on
// the actions and enforced by serve() from memory (no database request); uploads checked on the
// server, stored under paths nobody can guess, and shown through temporary URLs that expire.
import { DOMAINS } from '@core/domains';
import { CHECK_LIMIT, CREATE_LIMIT, EXPORT_LIMIT, UPLOAD_LIMIT, type ContractSpec } from '@core/contract';
import { adminContract } from '@core/admin/contract';
import { conventionContract } from '@core/convention/contract';
import { eventContract } from '@core/event/contract';
import { noticeContract } from '@core/notice/contract';
import { requestContract } from '@core/request/contract';
import { userContract } from '@core/user/contract';
import { volunteerContract } from '@core/volunteer/contract';
import { Limiter } from '../../cloudfunctions/runtime/limits';
import { control, freshEnv, invoke } from './helpers/cloud';

const env = freshEnv('limits');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]).toString('base64');
const TOO_FREQUENT = /^操作太频繁，请 \d+ 秒后再试$/;

beforeAll(async () => {
  await control(env, '/seed', 'POST', { kind: 'demo' });
});

afterEach(async () => {
  await control(env, '/clock', 'POST', { reset: true });
});

describe('the limits are declared on the actions', () => {
  const contracts: Record<string, ContractSpec> = {
    admin: adminContract,
    convention: conventionContract,
    event: eventContract,
    notice: noticeContract,
    request: requestContract,
    user: userContract,
    volunteer: volunteerContract,
  };

  it('every domain contract is checked here', () => {
    expect(Object.keys(contracts).sort()).toEqual(DOMAINS.map((d) => d.name).sort());
  });

  it('every create-type action, upload and export carries a limit', () => {
    // actions that make a new record or a file, by name
    const creates = /^(create\w*|register|publish|upload\w+|export(?!Status)\w*|comment|report|propose|join|book[A-Z]\w*|log[A-Z]\w*|rate[A-Z]\w*|castBallot|grantProxy|object|requestBinding|metoo|addNote|certificate)$/;
    const missing: string[] = [];
    for (const [domain, contract] of Object.entries(contracts)) {
      for (const [action, spec] of Object.entries(contract)) if (creates.test(action) && !spec.limit) missing.push(`${domain}.${action}`);
    }
    expect(missing).toEqual([]);
    expect(requestContract.uploadPhoto.limit).toBe(UPLOAD_LIMIT);
    expect(eventContract.register.limit).toBe(CREATE_LIMIT);
    expect(userContract.exportMyData.limit).toBe(EXPORT_LIMIT);
    // anyone may check a certificate number: limited, so numbers cannot be tried by the thousand
    expect(volunteerContract.verifyCertificate.limit).toBe(CHECK_LIMIT);
    // reading is not limited
    expect((eventContract.get as { limit?: unknown }).limit).toBeUndefined();
  });
});

describe('the token bucket', () => {
  it('lets a burst through, then one call per refill, and says how long to wait', () => {
    const limiter = new Limiter();
    const limit = { burst: 3, perMinute: 6 }; // one every 10 s
    const t0 = 1_000_000;
    expect([0, 1, 2].map(() => limiter.take('a', limit, t0))).toEqual([0, 0, 0]);
    expect(limiter.take('a', limit, t0)).toBe(10);
    expect(limiter.take('a', limit, t0 + 4_000)).toBe(6);
    // someone else has their own bucket
    expect(limiter.take('b', limit, t0)).toBe(0);
    expect(limiter.take('a', limit, t0 + 10_000)).toBe(0);
    expect(limiter.take('a', limit, t0 + 10_000)).toBe(10);
    // a clock set back refills nothing, and does not leave the bucket stuck either
    expect(limiter.take('a', limit, t0 - 60_000)).toBeGreaterThan(0);
    expect(limiter.take('a', limit, t0 - 50_000)).toBe(0);
  });
});

describe('rate limits through the function host', () => {
  // a stopped clock: no token comes back while a burst runs on a slow machine
  beforeEach(async () => {
    await control(env, '/clock', 'POST', { freeze: true });
  });

  it('a create-type action: the call after the burst is refused with RATE_LIMITED, without a database request', async () => {
    const calls = [];
    for (let i = 0; i < CREATE_LIMIT.burst; i++) calls.push(await invoke(env, 'event', { action: 'register', data: { eventId: 'no-such-event' } }, 'demo-resident'));
    expect(calls.every((c) => c.body.ok === false && c.body.code === 'NOT_FOUND')).toBe(true);
    const limited = await invoke(env, 'event', { action: 'register', data: { eventId: 'no-such-event' } }, 'demo-resident');
    expect(limited.body).toMatchObject({ ok: false, code: 'RATE_LIMITED', message: expect.stringMatching(TOO_FREQUENT) });
    expect(limited.dbRequests).toBe(0);
    // per person: another resident is not held up, and reading is never limited
    expect((await invoke(env, 'event', { action: 'register', data: { eventId: 'no-such-event' } }, 'demo-resident-2')).body).toMatchObject({ code: 'NOT_FOUND' });
    expect((await invoke(env, 'event', { action: 'list', data: {} }, 'demo-resident')).body).toMatchObject({ ok: true });
    // the bucket refills with time: 5 s later one more call goes through
    await control(env, '/clock', 'POST', { freeze: false });
    await control(env, '/clock', 'POST', { advanceMs: 60_000 / CREATE_LIMIT.perMinute + 100 });
    expect((await invoke(env, 'event', { action: 'register', data: { eventId: 'no-such-event' } }, 'demo-resident')).body).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('uploads: a burst of 12, then RATE_LIMITED with when to retry', async () => {
    for (let i = 0; i < UPLOAD_LIMIT.burst; i++) {
      const r = await invoke<{ fileId: string }>(env, 'request', { action: 'uploadPhoto', data: { contentType: 'image/png', data: PNG } }, 'demo-grid');
      expect(r.body).toMatchObject({ ok: true });
    }
    const limited = await invoke(env, 'request', { action: 'uploadPhoto', data: { contentType: 'image/png', data: PNG } }, 'demo-grid');
    expect(limited.body).toMatchObject({ ok: false, code: 'RATE_LIMITED', message: `操作太频繁，请 ${60 / UPLOAD_LIMIT.perMinute} 秒后再试` });
    expect(limited.dbRequests).toBe(0);
  });

  it('exports: a burst, then RATE_LIMITED', async () => {
    const results = [];
    for (let i = 0; i <= EXPORT_LIMIT.burst; i++) results.push((await invoke(env, 'volunteer', { action: 'exportMyRecord', data: {} }, 'demo-resident-2')).body);
    expect(results.slice(0, EXPORT_LIMIT.burst).every((r) => r.ok)).toBe(true);
    expect(results[EXPORT_LIMIT.burst]).toMatchObject({ ok: false, code: 'RATE_LIMITED', message: `操作太频繁，请 ${60 / EXPORT_LIMIT.perMinute} 秒后再试` });
  });
});

describe('certificate checks', () => {
  it('a visitor with no account: a burst, then RATE_LIMITED', async () => {
    const results = [];
    for (let i = 0; i <= CHECK_LIMIT.burst; i++) results.push((await invoke(env, 'volunteer', { action: 'verifyCertificate', data: { number: `ZY20261200000${String(i).padStart(2, '0')}` } }, 'cert-guesser')).body);
    expect(results.slice(0, CHECK_LIMIT.burst).every((r) => r.ok)).toBe(true);
    expect(results[CHECK_LIMIT.burst]).toMatchObject({ ok: false, code: 'RATE_LIMITED', message: `操作太频繁，请 ${60 / CHECK_LIMIT.perMinute} 秒后再试` });
  });
});

describe('uploads', () => {
  it('are checked for size and type on the server', async () => {
    const big = Buffer.concat([Buffer.from(PNG, 'base64'), Buffer.alloc(701 * 1024)]).toString('base64');
    expect((await invoke(env, 'request', { action: 'uploadPhoto', data: { contentType: 'image/png', data: big } }, 'demo-resident')).body).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    const notPng = Buffer.alloc(200, 1).toString('base64');
    expect((await invoke(env, 'request', { action: 'uploadPhoto', data: { contentType: 'image/png', data: notPng } }, 'demo-resident')).body).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
  });

  it('are stored under a path with a random part, and shown through a URL that expires within 10 minutes', async () => {
    const now = Date.parse((await control<{ now: string }>(env, '/clock')).now);
    const up = await invoke<{ fileId: string; url: string }>(env, 'request', { action: 'uploadPhoto', data: { contentType: 'image/png', data: PNG } }, 'demo-resident');
    if (!up.body.ok) throw new Error(up.body.message);
    const { fileId, url } = up.body.data;
    expect(fileId).toMatch(/\/requests\/[^/]+\/\d+-[A-Za-z0-9_-]{22}\.png$/);
    const expires = Number(new URL(url).searchParams.get('expires'));
    expect(expires * 1000).toBeGreaterThan(now);
    expect(expires * 1000).toBeLessThanOrEqual(now + 600_000 + 5_000);
    expect((await fetch(url)).status).toBe(200);
    await control(env, '/clock', 'POST', { advanceMs: 601_000 });
    expect((await fetch(url)).status).toBe(403);
  });
});
