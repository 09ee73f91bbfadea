// Handlers called in-process through createCaller (after tRPC's createCallerFactory): no bundle, no
// function host — a context from an openid, the real SDK's database on the emulator, and ports the
// test chooses (here a content check that holds everything for review, and a recording messenger).
import { requestContract } from '@core/request/contract';
import { handlers } from '../../cloudfunctions/request/handlers';
import { createCaller } from '../../cloudfunctions/runtime/serve';
import type { Ports } from '../../cloudfunctions/runtime/ports';
import { control, freshEnv, sdk } from './helpers/cloud';

const env = freshEnv('inproc');
const db: any = sdk(env).database();
const sent: string[] = [];
const ports: Ports = {
  text: { check: async () => 'review' },
  messages: { send: async (to, key) => (sent.push(`${to.userId}:${key}`), true) },
  files: { upload: async (p) => `cloud://test/${p}`, tempUrls: async (ids) => Object.fromEntries(ids.map((i) => [i, `https://files.test/${i}`])), download: async () => Buffer.alloc(0), remove: async () => undefined },
};
const caller = createCaller(requestContract, handlers);

beforeAll(async () => {
  await control(env, '/seed', 'POST', { kind: 'demo' });
});

describe('你呼我应 in-process', () => {
  it('validates, checks access and shapes the output as the deployed function does', async () => {
    const asResident = caller({ openid: 'demo-resident', db, ports });
    expect(await asResident('stats', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await asResident('create', { category: 'repair' } as never)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await caller({ openid: '', db, ports })('listMine', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });

    const created = await asResident('create', {
      category: 'repair', content: '楼道灯坏了', location: { buildingId: 'demo-b1', unit: '1' }, urgency: 'general', visibility: 'public', idempotencyKey: 'inproc-0001',
    });
    // the test's content check held it
    expect(created).toMatchObject({ ok: true, data: { heldForReview: true } });
  });

  it('uses the clock and the messenger it is given', async () => {
    const at = new Date('2026-12-24T02:00:00.000Z');
    await db.collection('users').where({ openid: 'demo-resident' }).update({ data: { 'subscriptions.requestStatus': 3 } });
    const created = await caller({ openid: 'demo-resident', db, ports, now: at })('create', {
      category: 'repair', content: '单元门坏了', location: { buildingId: 'demo-b1', unit: '1' }, urgency: 'general', visibility: 'private', idempotencyKey: 'inproc-0002',
    });
    if (!created.ok) throw new Error(created.message);
    expect(created.data.dueAt).toBe(new Date(at.getTime() + 168 * 3_600_000).toISOString());
    const accepted = await caller({ openid: 'demo-grid', db, ports, now: at })('accept', { requestId: created.data.requestId });
    expect(accepted.ok).toBe(true);
    expect(sent).toContain('u-demo-resident:requestStatus');
  });
});
