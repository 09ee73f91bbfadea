// 你呼我应 through the emulator with the real SDK: every role's part of the flow, exclusive claims,
// idempotent reports, refusals that write nothing, privacy, deadlines and the three rates.
import type { RequestContract } from '@core/request/contract';
import type { UserContract } from '@core/user/contract';
import { client, control, freshEnv, invoke, sdk } from './helpers/cloud';

const env = freshEnv('request');
const request = client<RequestContract>(env, 'request');
const user = client<UserContract>(env, 'user');
const db: any = sdk(env).database();
let n = 0;
const key = () => `k-${Date.now().toString(36)}-${++n}`;

const repair = (over: Record<string, unknown> = {}) => ({
  category: 'repair',
  content: '1栋1单元楼道灯坏了，晚上很黑',
  location: { buildingId: 'demo-b1', unit: '1' },
  urgency: 'general',
  visibility: 'private',
  idempotencyKey: key(),
  ...over,
});

async function all(collection: string) {
  return (await db.collection(collection).limit(1000).get()).data;
}

async function trigger(name: string) {
  const res = await fetch(`${process.env.LINLI_TEST_EMULATOR_URL}/triggers/${name}`, { method: 'POST', headers: { 'x-linli-env': env } });
  return (await res.json()) as { ok: boolean; data: { escalated: number; autoClosed: number; notified: number } };
}

beforeAll(async () => {
  await control(env, '/seed', 'POST', { kind: 'demo' });
});

afterEach(async () => {
  await control(env, '/clock', 'POST', { reset: true });
});

describe('你呼我应: report → accept → resolve → rate', () => {
  it('routes a repair to the property and the building grid, and the grid answers it to a 5-star close', async () => {
    const created = await request.ok('demo-resident', 'create', repair());
    expect(created).toMatchObject({ state: 'submitted', heldForReview: false });
    const stored = (await db.collection('requests').doc(created.requestId).get()).data;
    // a corridor lamp is not the reporter's flat: their room is not stamped on it
    expect(stored).toMatchObject({ handlers: ['property', 'grid'], gridUserIds: ['u-demo-grid'], room: null, buildingName: '1栋', month: expect.stringMatching(/^\d{4}-\d{2}$/) });
    expect(new Date(stored.dueAt).getTime() - new Date(stored.createdAt).getTime()).toBe(168 * 3_600_000);

    const assigned = await request.ok('demo-grid', 'listAssigned', { filter: 'open' });
    expect(assigned.items.map((i) => i.requestId)).toContain(created.requestId);
    expect((await request.ok('demo-property', 'listAssigned', {})).items.map((i) => i.requestId)).toContain(created.requestId);

    let view = await request.ok('demo-grid', 'accept', { requestId: created.requestId, note: '明天上午来修' });
    expect(view).toMatchObject({ state: 'accepted', assigneeName: '刘芳', room: null });
    expect(view.can).toEqual(expect.arrayContaining(['start', 'resolve', 'note', 'escalate']));
    view = await request.ok('demo-grid', 'start', { requestId: created.requestId });
    view = await request.ok('demo-grid', 'addNote', { requestId: created.requestId, note: '已联系物业电工' });
    view = await request.ok('demo-grid', 'resolve', { requestId: created.requestId, note: '已更换灯泡' });
    expect(view.state).toBe('resolved');

    const mine = await request.ok('demo-resident', 'get', { requestId: created.requestId });
    expect(mine.can).toEqual(expect.arrayContaining(['confirm', 'reopen']));
    view = await request.ok('demo-resident', 'confirm', { requestId: created.requestId, rating: 5, fixed: true, comment: '谢谢刘姐' });
    expect(view).toMatchObject({ state: 'closed', rating: 5, fixed: true });
    expect(view.timeline.map((t) => t.toState)).toEqual(['submitted', 'accepted', 'in_progress', 'in_progress', 'resolved', 'closed']);
    expect(view.timeline[1]).toMatchObject({ actor: '刘芳', actorRole: '楼栋长/网格员', note: '明天上午来修' });
    const audits = (await db.collection('audit_logs').where({ target: `requests/${created.requestId}` }).get()).data;
    expect(audits.map((a: { action: string }) => a.action).sort()).toEqual(
      // every step is audited, the report itself included
      ['request.accept', 'request.confirm', 'request.create', 'request.note', 'request.resolve', 'request.start'].sort(),
    );
  });

  it('a rating of 2 reopens the request and sends it to the party branch', async () => {
    const { requestId } = await request.ok('demo-resident', 'create', repair({ content: '楼下垃圾没人清' , category: 'sanitation' }));
    await request.ok('demo-property', 'accept', { requestId });
    await request.ok('demo-property', 'resolve', { requestId, note: '已清理' });
    const view = await request.ok('demo-resident', 'confirm', { requestId, rating: 2, fixed: true });
    expect(view).toMatchObject({ state: 'reopened', escalationLevel: 1, rating: 2 });
    const branch = await request.ok('demo-branch', 'listAssigned', { filter: 'escalated' });
    expect(branch.items.map((i) => i.requestId)).toContain(requestId);
    // the property no longer answers for it at branch level
    expect(await request.call('demo-property', 'accept', { requestId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await request.ok('demo-branch', 'accept', { requestId })).state).toBe('accepted');
  });

  it('"not fixed" reopens even with five stars', async () => {
    const { requestId } = await request.ok('demo-resident', 'create', repair());
    await request.ok('demo-grid', 'accept', { requestId });
    await request.ok('demo-grid', 'resolve', { requestId, note: '看过了' });
    expect((await request.ok('demo-resident', 'confirm', { requestId, rating: 5, fixed: false })).state).toBe('reopened');
  });

  it('lets the reporter withdraw, and the grid reject with a reason', async () => {
    const a = await request.ok('demo-resident', 'create', repair());
    expect((await request.ok('demo-resident', 'withdraw', { requestId: a.requestId })).state).toBe('withdrawn');
    expect(await request.call('demo-grid', 'accept', { requestId: a.requestId })).toMatchObject({ ok: false, code: 'CONFLICT' });
    const b = await request.ok('demo-resident', 'create', repair({ category: 'noise', content: '楼上晚上装修' }));
    const rejected = await request.ok('demo-grid', 'reject', { requestId: b.requestId, reason: '已协调，属正常装修时段' });
    expect(rejected.state).toBe('rejected');
    expect(rejected.timeline.at(-1)).toMatchObject({ note: '已协调，属正常装修时段' });
  });
});

describe('what a report says', () => {
  it('refuses a report too short to act on, and stamps the room only when the problem is at home', async () => {
    const before = await all('requests');
    for (const content of ['灯', '灯坏了', '  灯  ']) {
      expect(await request.call('demo-resident', 'create', repair({ content }))).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    }
    expect(await all('requests')).toEqual(before);
    const home = await request.ok('demo-resident', 'create', repair({ content: '我家卫生间的水管漏水', atHome: true }));
    expect((await db.collection('requests').doc(home.requestId).get()).data.room).toBe('301');
    // at home means in one's own building and unit
    const away = await request.ok('demo-resident', 'create', repair({ content: '4栋门口的井盖松了', location: { buildingId: 'demo-b4', unit: '1' }, atHome: true }));
    expect((await db.collection('requests').doc(away.requestId).get()).data.room).toBeNull();
  });
});

describe('任务大厅: help requests and exclusive claims', () => {
  it('shows a help request to members and lets exactly one of many simultaneous claims win', async () => {
    const { requestId } = await request.ok('demo-resident', 'create', repair({ category: 'help', content: '想请人帮忙把米扛上楼', urgency: 'utilities' }));
    const hall = await request.ok('demo-member', 'listHall', {});
    expect(hall.items.map((i) => i.requestId)).toContain(requestId);
    expect(await request.call('demo-resident', 'listHall', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const members = (await db.collection('users').where({ roles: 'member', openid: db.command.neq('demo-resident') }).limit(100).get()).data as Array<{ openid: string }>;
    expect(members.length).toBeGreaterThanOrEqual(10);
    const results = await Promise.all(members.map((m) => request.call(m.openid, 'claim', { requestId })));
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, code: 'CONFLICT' });
    const stored = (await db.collection('requests').doc(requestId).get()).data;
    expect(stored.state).toBe('claimed');
    expect(stored.timeline.filter((t: { action: string }) => t.action === 'claim')).toHaveLength(1);
    expect((await request.ok('demo-member', 'listHall', {})).items.map((i) => i.requestId)).not.toContain(requestId);
  });

  it('the claimer sees the room and phone, starts and resolves', async () => {
    const { requestId } = await request.ok('demo-resident', 'create', repair({ category: 'help', content: '帮忙取药送到家', urgency: 'utilities', atHome: true }));
    const before = await request.ok('demo-member', 'get', { requestId });
    expect(before.room).toBeNull();
    expect(before.reporterName).toBe('王**');
    const claimed = await request.ok('demo-member', 'claim', { requestId });
    expect(claimed).toMatchObject({ state: 'claimed', room: '301', reporterName: '王秀兰' });
    expect(claimed.reporterPhone).toMatch(/^1\d{10}$/);
    await request.ok('demo-member', 'start', { requestId });
    const done = await request.ok('demo-member', 'resolve', { requestId, note: '药已送到' });
    expect(done.state).toBe('resolved');
    // once the task is done the volunteer no longer holds the neighbour's number
    expect(done.reporterPhone).toMatch(/^1\d{2}\*{4}\d{4}$/);
  });

  it('a claimed task stays in 我认领的 until done, and 放弃认领 returns it to the hall, on the record', async () => {
    const { requestId } = await request.ok('demo-resident', 'create', repair({ category: 'help', content: '帮忙换个灯泡', urgency: 'general' }));
    await request.ok('demo-member', 'claim', { requestId });
    expect((await request.ok('demo-member', 'listClaimed', {})).items.map((i) => i.requestId)).toContain(requestId);
    expect((await request.ok('demo-member', 'listHall', {})).items.map((i) => i.requestId)).not.toContain(requestId);
    const view = await request.ok('demo-member', 'get', { requestId });
    expect(view.can).toContain('release');
    // nobody else can give it back
    const other = (await db.collection('users').where({ roles: 'member', openid: db.command.nin(['demo-member', 'demo-resident']) }).limit(1).get()).data[0].openid;
    expect(await request.call(other, 'release', { requestId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await request.call('demo-grid', 'release', { requestId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const back = await request.ok('demo-member', 'release', { requestId, reason: '临时出差，来不及' });
    expect(back).toMatchObject({ state: 'submitted', assigneeName: null });
    expect(back.timeline.at(-1)).toMatchObject({ action: 'release', note: '临时出差，来不及' });
    expect((await request.ok('demo-member', 'listClaimed', {})).items.map((i) => i.requestId)).not.toContain(requestId);
    expect((await request.ok('demo-member', 'listHall', {})).items.map((i) => i.requestId)).toContain(requestId);
    const audits = (await db.collection('audit_logs').where({ target: `requests/${requestId}`, action: 'request.release' }).get()).data;
    expect(audits).toHaveLength(1);
    // and someone else can take it
    expect((await request.ok(other, 'claim', { requestId })).state).toBe('claimed');
  });

  it('members cannot claim anything but help requests', async () => {
    const { requestId } = await request.ok('demo-resident', 'create', repair());
    expect(await request.call('demo-member', 'claim', { requestId })).toMatchObject({ ok: false });
  });
});

describe('idempotent reports', () => {
  it('a retried submit with the same key returns the same request, even when the retries race', async () => {
    const input = repair({ idempotencyKey: key() });
    const results = await Promise.all(Array.from({ length: 10 }, () => request.call('demo-resident-2', 'create', { ...input, location: { buildingId: 'demo-b2' } })));
    const ids = new Set(results.map((r) => (r.ok ? r.data.requestId : r.code)));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^[0-9a-f]{32}$/);
    expect((await db.collection('requests').where({ idempotencyKey: input.idempotencyKey }).count()).total).toBe(1);
  });
});

describe('bad input and wrong roles change nothing', () => {
  let requestId: string;
  beforeAll(async () => {
    requestId = (await request.ok('demo-resident', 'create', repair())).requestId;
  });

  it('refuses invalid data for every action with INVALID_INPUT', async () => {
    const before = await all('requests');
    const bad: Array<[keyof RequestContract, Record<string, unknown>]> = [
      ['create', repair({ category: 'weather' })],
      ['create', repair({ content: '' })],
      ['create', repair({ content: '长'.repeat(501) })],
      ['create', repair({ urgency: 'someday' })],
      ['create', repair({ idempotencyKey: 'short' })],
      ['create', repair({ photos: Array.from({ length: 10 }, (_x, i) => `cloud://e.b/requests/u/${i}.jpg`) })],
      ['create', repair({ location: { buildingId: 'demo-b1', area: '小区门口' } })],
      ['get', {}],
      ['accept', { requestId: 42 }],
      ['resolve', { requestId }],
      ['confirm', { requestId, rating: 6, fixed: true }],
      ['confirm', { requestId, rating: 3 }],
      ['reject', { requestId, reason: '' }],
      ['escalate', { requestId }],
      ['listAssigned', { filter: 'mine' }],
      ['listMine', { limit: 500 }],
      ['stats', { month: '2026/11' }],
    ];
    for (const [action, data] of bad) {
      expect({ action, res: await request.call('demo-branch', action, data) }).toMatchObject({ action, res: { ok: false, code: 'INVALID_INPUT' } });
    }
    expect(await all('requests')).toEqual(before);
  });

  it('refuses the wrong roles with FORBIDDEN', async () => {
    const before = await all('requests');
    const cases: Array<[string, keyof RequestContract, Record<string, unknown>]> = [
      ['demo-resident-2', 'accept', { requestId }],
      ['demo-resident-2', 'resolve', { requestId, note: '好了' }],
      ['demo-resident-2', 'withdraw', { requestId }],
      ['demo-committee', 'accept', { requestId }],
      ['demo-member', 'reject', { requestId, reason: '不管' }],
      ['demo-grid', 'confirm', { requestId, rating: 5, fixed: true }],
      ['demo-resident', 'stats', {}],
      ['demo-resident', 'listAssigned', {}],
      ['demo-officer', 'accept', { requestId }],
    ];
    for (const [who, action, data] of cases) {
      expect({ who, action, res: await request.call(who, action, data) }).toMatchObject({ who, action, res: { ok: false, code: 'FORBIDDEN' } });
    }
    expect(await all('requests')).toEqual(before);
  });

  it('a visitor without a verified household cannot report', async () => {
    await user.ok('visitor-1', 'login', {});
    expect(await request.call('visitor-1', 'create', repair())).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('unknown buildings and units are NOT_FOUND', async () => {
    expect(await request.call('demo-resident', 'create', repair({ location: { buildingId: 'nope' } }))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await request.call('demo-resident', 'create', repair({ location: { buildingId: 'demo-b1', unit: '9' } }))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('refuses photos that are not the caller’s own uploads', async () => {
    const res = await request.call('demo-resident', 'create', repair({ photos: ['cloud://linli.b/requests/u-someone-else/a.jpg'] }));
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});

describe('privacy', () => {
  it('a private request is invisible to other residents; a public one shows no name or room', async () => {
    const priv = await request.ok('demo-resident', 'create', repair());
    expect(await request.call('demo-resident-2', 'get', { requestId: priv.requestId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const pub = await request.ok('demo-resident', 'create', repair({ visibility: 'public', content: '小区东门路灯不亮' }));
    const seen = await request.ok('demo-resident-2', 'get', { requestId: pub.requestId });
    expect(seen).toMatchObject({ reporterName: '王**', room: null, reporterPhone: null, can: [] });
    expect(JSON.stringify(seen)).not.toContain('王秀兰');
    const board = await request.ok('demo-resident-2', 'listPublic', {});
    expect(board.items.map((i) => i.requestId)).toContain(pub.requestId);
    expect(board.items.map((i) => i.requestId)).not.toContain(priv.requestId);
  });

  it('staff of the building see the reporter’s full phone; the reporter sees it masked', async () => {
    await user.ok('demo-resident', 'updateProfile', { phone: '13812345678' });
    const { requestId } = await request.ok('demo-resident', 'create', repair());
    expect((await request.ok('demo-grid', 'get', { requestId })).reporterPhone).toBe('13812345678');
    expect((await request.ok('demo-resident', 'get', { requestId })).reporterPhone).toBe('138****5678');
  });
});

describe('photos', () => {
  const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

  it('uploads a photo to the caller’s folder, attaches it to a report and serves it back', async () => {
    const up = await request.ok('demo-resident', 'uploadPhoto', { contentType: 'image/png', data: PNG });
    expect(up.fileId).toMatch(/^cloud:\/\/.+\/requests\/u-demo-resident\/.+\.png$/);
    const { requestId } = await request.ok('demo-resident', 'create', repair({ photos: [up.fileId] }));
    const view = await request.ok('demo-grid', 'get', { requestId });
    expect(view.photos).toEqual([up.fileId]);
    const res = await fetch(view.photoUrls[up.fileId]);
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(PNG, 'base64'))).toBe(true);
    // the grid worker's own result photo goes into the timeline
    const mine = await request.ok('demo-grid', 'uploadPhoto', { contentType: 'image/png', data: PNG });
    await request.ok('demo-grid', 'accept', { requestId });
    const done = await request.ok('demo-grid', 'resolve', { requestId, note: '修好了，见照片', photos: [mine.fileId] });
    expect(done.timeline.at(-1)?.photos).toEqual([mine.fileId]);
    expect(Object.keys(done.photoUrls).sort()).toEqual([up.fileId, mine.fileId].sort());
  });

  it('refuses what is not an image, and other people’s photos', async () => {
    const text = Buffer.from('this is not an image at all, just some text pretending').toString('base64');
    expect(await request.call('demo-resident', 'uploadPhoto', { contentType: 'image/jpeg', data: text })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const theirs = await request.ok('demo-resident-2', 'uploadPhoto', { contentType: 'image/png', data: PNG });
    expect(await request.call('demo-resident', 'create', repair({ photos: [theirs.fileId] }))).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await request.call('visitor-photo', 'uploadPhoto', { contentType: 'image/png', data: PNG })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});

describe('personal data', () => {
  it('exports my requests, and deleting my account strips my name from them but keeps the record', async () => {
    await user.ok('leaver-r', 'login', {});
    await user.ok('leaver-r', 'recordConsent', { kind: 'privacy', granted: true, version: '2026-11-v1' });
    const { bindingId } = await user.ok('leaver-r', 'requestBinding', { name: '测试住户', buildingId: 'demo-b1', unit: '1', room: '101' });
    await user.ok('demo-grid', 'verifyBinding', { bindingId });
    await user.ok('leaver-r', 'updateProfile', { displayName: '钱多多', phone: '13700001111' });
    const { requestId } = await request.ok('leaver-r', 'create', repair());
    expect((await user.ok('leaver-r', 'exportMyData', {})).parts.myRequests.map((r) => r._id)).toEqual([requestId]);
    await user.ok('leaver-r', 'deleteMyAccount', { confirm: true });
    const stored = (await db.collection('requests').doc(requestId).get()).data;
    expect(stored).toMatchObject({ reporterName: '已注销用户', reporterPhone: null, reporterOpenid: '', room: null, content: expect.any(String) });
  });
});

describe('content check', () => {
  it('rejects risky text and writes nothing', async () => {
    const before = await all('requests');
    expect(await request.call('demo-resident', 'create', repair({ content: '有人在小区里组织赌博' }))).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' });
    expect(await all('requests')).toEqual(before);
  });

  it('holds text for review: stored, queued for moderation, hidden from the public board and the hall', async () => {
    const res = await request.ok('demo-resident', 'create', repair({ visibility: 'public', category: 'help', content: '这条内容待审核一下' }));
    expect(res.heldForReview).toBe(true);
    expect((await db.collection('moderation').where({ refId: res.requestId }).get()).data).toHaveLength(1);
    expect((await request.ok('demo-resident-2', 'listPublic', {})).items.map((i) => i.requestId)).not.toContain(res.requestId);
    expect((await request.ok('demo-member', 'listHall', {})).items.map((i) => i.requestId)).not.toContain(res.requestId);
  });
});

describe('deadlines, escalation and notifications', () => {
  it('escalates an unanswered emergency after 2 hours, once, then to the street after another 2', async () => {
    await user.ok('demo-resident-2', 'subscribe', { templateKeys: ['requestStatus'] });
    await control(env, '/outbox', 'DELETE');
    const { requestId } = await request.ok('demo-resident-2', 'create', repair({ category: 'security', content: '2栋楼道有煤气味', urgency: 'emergency', location: { buildingId: 'demo-b2' } }));

    await control(env, '/clock', 'POST', { advanceMs: 1.5 * 3_600_000 });
    expect((await trigger('scheduler')).data.escalated).toBe(0);

    await control(env, '/clock', 'POST', { advanceMs: 1 * 3_600_000 });
    const first = await trigger('scheduler');
    expect(first.ok).toBe(true);
    let stored = (await db.collection('requests').doc(requestId).get()).data;
    expect(stored).toMatchObject({ state: 'escalated', escalationLevel: 1 });
    expect((await trigger('scheduler')).data.escalated).toBe(0);
    expect((await db.collection('requests').doc(requestId).get()).data.escalationLevel).toBe(1);

    const sent = (await control<{ items: Array<{ params: Record<string, any> }> }>(env, '/outbox?api=subscribeMessage.send')).items;
    expect(sent).toHaveLength(1);
    expect(sent[0].params).toMatchObject({ touser: 'demo-resident-2', template_id: 'local-requestStatus', data: { phrase2: { value: '已上报' } } });

    expect((await request.ok('demo-branch', 'listAssigned', { filter: 'escalated' })).items.map((i) => i.requestId)).toContain(requestId);
    await control(env, '/clock', 'POST', { advanceMs: 2.5 * 3_600_000 });
    await trigger('scheduler');
    stored = (await db.collection('requests').doc(requestId).get()).data;
    expect(stored.escalationLevel).toBe(2);
    expect((await request.ok('demo-officer', 'listAssigned', { filter: 'escalated' })).items.map((i) => i.requestId)).toContain(requestId);
    expect((await request.ok('demo-officer', 'accept', { requestId })).state).toBe('accepted');
    // the one subscription credit was spent on the first escalation: no second message
    expect((await control<{ items: unknown[] }>(env, '/outbox?api=subscribeMessage.send')).items).toHaveLength(1);
  });

  it('closes a resolved request left unrated for 7 days as "not rated", never as satisfied', async () => {
    const { requestId } = await request.ok('demo-resident', 'create', repair());
    await request.ok('demo-grid', 'accept', { requestId });
    await request.ok('demo-grid', 'resolve', { requestId, note: '已处理' });
    await control(env, '/clock', 'POST', { advanceMs: 6 * 24 * 3_600_000 });
    await trigger('scheduler');
    expect((await db.collection('requests').doc(requestId).get()).data.state).toBe('resolved');
    await control(env, '/clock', 'POST', { advanceMs: 1.1 * 24 * 3_600_000 });
    expect((await trigger('scheduler')).data.autoClosed).toBeGreaterThanOrEqual(1);
    const stored = (await db.collection('requests').doc(requestId).get()).data;
    expect(stored).toMatchObject({ state: 'closed', closedUnrated: true, rating: null, satisfied: null });
  });

  it('only the timer, or the branch by hand, runs the sweep', async () => {
    expect((await invoke(env, 'scheduler', { action: 'run', data: {} }, 'demo-resident')).body).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await invoke(env, 'scheduler', { action: 'run', data: {} }, 'demo-branch')).body).toMatchObject({ ok: true });
    expect((await invoke(env, 'scheduler', { Type: 'Timer', TriggerName: 'sweep', Time: '' }, 'demo-resident')).body).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('those who handled a request keep reading it', () => {
  it('a 2-star complaint reopened at the branch is still open to the grid and the property that handled it', async () => {
    const { requestId } = await request.ok('demo-resident', 'create', repair({ content: '家里的门禁对讲机又坏了', atHome: true }));
    await request.ok('demo-grid', 'accept', { requestId });
    await request.ok('demo-grid', 'resolve', { requestId, note: '已联系物业修好' });
    await request.ok('demo-resident', 'confirm', { requestId, rating: 2, fixed: false, comment: '没修好' });
    // listed in the grid's workbench, and it opens
    expect((await request.ok('demo-grid', 'listAssigned', { filter: 'all' })).items.map((i) => i.requestId)).toContain(requestId);
    const seen = await request.ok('demo-grid', 'get', { requestId });
    expect(seen).toMatchObject({ state: 'reopened', escalationLevel: 1, rating: 2, room: '301' });
    // reading is not acting: the branch answers for it now
    expect(seen.can).not.toContain('resolve');
    expect((await request.ok('demo-property', 'get', { requestId })).rating).toBe(2);
    // a neighbour still cannot
    expect(await request.call('demo-resident-2', 'get', { requestId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('转派: handing a request to another party (issue 11 item 9)', () => {
  it('the branch hands an escalated complaint to the property company, which answers it at the first level', async () => {
    const { requestId } = await request.ok('demo-resident', 'create', repair({ category: 'noise', content: '楼上装修天天到晚上十点还在打钻' }));
    // noise goes to the grid only; the grid passes it up to the branch
    expect((await db.collection('requests').doc(requestId).get()).data.handlers).toEqual(['grid']);
    const up = await request.ok('demo-grid', 'escalate', { requestId, reason: '装修噪音要物业管装修许可' });
    expect(up).toMatchObject({ state: 'escalated', escalationLevel: 1 });
    // the property company neither sees nor may act on it yet
    expect(await request.call('demo-property', 'transfer', { requestId, to: 'committee', reason: '试试' })).toMatchObject({ ok: false, code: expect.stringMatching(/FORBIDDEN|NOT_FOUND/) });

    const atBranch = await request.ok('demo-branch', 'get', { requestId });
    expect(atBranch.can).toContain('transfer');
    expect(atBranch.transferTo).toEqual(['grid', 'property', 'committee']);
    // a target it cannot take changes nothing
    const before = (await db.collection('requests').doc(requestId).get()).data;
    expect(await request.call('demo-branch', 'transfer', { requestId, to: 'hall', reason: '志愿者帮忙' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await request.call('demo-branch', 'transfer', { requestId, to: 'property', reason: '' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect((await db.collection('requests').doc(requestId).get()).data).toEqual(before);

    const moved = await request.ok('demo-branch', 'transfer', { requestId, to: 'property', reason: '装修管理归物业，请今天联系业主' });
    expect(moved).toMatchObject({ state: 'submitted', escalationLevel: 0 });
    expect(moved.timeline.at(-1)).toMatchObject({ action: 'transfer', note: '转派给物业：装修管理归物业，请今天联系业主' });
    const stored = (await db.collection('requests').doc(requestId).get()).data;
    expect(stored).toMatchObject({ handlers: ['property'], assigneeId: null });
    // the property company has it in its 工作台 and answers it
    expect((await request.ok('demo-property', 'listAssigned', { filter: 'open' })).items.map((i) => i.requestId)).toContain(requestId);
    expect((await request.ok('demo-property', 'accept', { requestId, note: '已联系业主，十点后停工' })).state).toBe('accepted');
    // the grid who handled it keeps reading it; the reporter is told, and the step is audited
    expect((await request.ok('demo-grid', 'get', { requestId })).state).toBe('accepted');
    const told = (await all('inbox')).filter((e: { userId: string; title: string }) => e.userId === 'u-demo-resident' && e.title === '您的反映已转派');
    expect(told).toHaveLength(1);
    expect((await all('audit_logs')).filter((a: { action: string; target: string }) => a.action === 'request.transfer' && a.target === `requests/${requestId}`)).toHaveLength(1);
  });

  it('is not for residents, nor for staff who do not answer for the request', async () => {
    const { requestId } = await request.ok('demo-resident', 'create', repair());
    expect(await request.call('demo-resident', 'transfer', { requestId, to: 'committee', reason: '转给业委会' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await request.call('demo-committee', 'transfer', { requestId, to: 'committee', reason: '转给业委会' })).toMatchObject({ ok: false, code: expect.stringMatching(/FORBIDDEN|NOT_FOUND/) });
    expect((await db.collection('requests').doc(requestId).get()).data.handlers).toEqual(['property', 'grid']);
  });
});

describe('the neighbours\' board: public reports and 我也遇到', () => {
  it('lists public reports, lets a neighbour join one once (even tapping many times), and never their own', async () => {
    const { requestId } = await request.ok('demo-resident', 'create', repair({ content: '小区东门路灯不亮，晚上很黑', visibility: 'public' }));
    const { requestId: hidden } = await request.ok('demo-resident', 'create', repair({ content: '我家水管漏水', visibility: 'private' }));
    const board = await request.ok('demo-resident-2', 'listPublic', {});
    expect(board.items.map((i) => i.requestId)).toContain(requestId);
    expect(board.items.map((i) => i.requestId)).not.toContain(hidden);
    // the board shows no names (the summary carries none)
    expect(JSON.stringify(board.items)).not.toMatch(/王秀兰/);

    const taps = await Promise.all(Array.from({ length: 8 }, () => request.call('demo-resident-2', 'metoo', { requestId })));
    expect(taps.every((t) => t.ok)).toBe(true);
    await request.ok('demo-member', 'metoo', { requestId });
    const after = (await request.ok('demo-resident-2', 'listPublic', {})).items.find((i) => i.requestId === requestId)!;
    expect(after).toMatchObject({ metooCount: 2, metooed: true, mine: false });
    expect(await request.call('demo-resident', 'metoo', { requestId })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await request.call('demo-resident-2', 'metoo', { requestId: hidden })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // the duplicate hint tells the reporter it is their own
    const hint = await request.ok('demo-resident', 'similar', { buildingId: 'demo-b1', category: 'repair' });
    expect(hint.items.find((i) => i.requestId === requestId)).toMatchObject({ mine: true, metooCount: 2 });
  });
});

describe('the three rates', () => {
  it('computes response, resolution and satisfaction from a hand-made month', async () => {
    const e = freshEnv('rates');
    await control(e, '/seed', 'POST', { kind: 'demo' });
    const r = client<RequestContract>(e, 'request');
    const mk = (content: string, urgency = 'general') =>
      r.ok('demo-resident', 'create', { ...repair({ content, urgency }), idempotencyKey: key() }).then((x) => x.requestId);
    // A: answered in time, fixed, 5 stars   B: answered in time, rated 1 (reopened)
    // C: answered late (after the 2 h tier), resolved, unrated   D: never answered   E: withdrawn (not counted)
    const [a, b, c, d, eId] = [await mk('A 楼道灯坏了'), await mk('B 楼道灯坏了'), await mk('C 楼道灯坏了', 'emergency'), await mk('D 楼道灯坏了'), await mk('E 楼道灯坏了')];
    await r.ok('demo-grid', 'accept', { requestId: a });
    await r.ok('demo-grid', 'resolve', { requestId: a, note: 'ok' });
    await r.ok('demo-resident', 'confirm', { requestId: a, rating: 5, fixed: true });
    await r.ok('demo-grid', 'accept', { requestId: b });
    await r.ok('demo-grid', 'resolve', { requestId: b, note: 'ok' });
    await r.ok('demo-resident', 'confirm', { requestId: b, rating: 1, fixed: true });
    await control(e, '/clock', 'POST', { advanceMs: 3 * 3_600_000 });
    await r.ok('demo-grid', 'accept', { requestId: c });
    await r.ok('demo-grid', 'resolve', { requestId: c, note: 'late' });
    await r.ok('demo-resident', 'withdraw', { requestId: eId });
    void d;
    const stats = await r.ok('demo-branch', 'stats', { groupBy: 'category' });
    // D is not due yet (7 days), so it counts for neither rate: 2 of A B C answered in time, A and C resolved
    expect(stats.overall).toMatchObject({ total: 4, responseRate: 0.667, resolutionRate: 0.667, satisfactionRate: 0.5, rated: 2 });
    expect(stats.groups).toEqual([expect.objectContaining({ key: 'repair', label: '维修' })]);
    expect(stats.openByAge).toEqual({ withinDeadline: 2, overdue: 0, escalated: 1 });
    const month = (await r.ok('demo-branch', 'stats', { groupBy: 'month' })).groups[0].key;
    expect((await r.ok('demo-committee', 'stats', { month, groupBy: 'building' })).groups[0]).toMatchObject({ label: '1栋' });
    expect((await r.ok('demo-branch', 'stats', { month: '1999-01' })).overall).toMatchObject({ total: 0, responseRate: null });
  });

  it('a request that is not yet due counts against neither rate until its deadline passes unanswered', async () => {
    const e = freshEnv('rates-due');
    await control(e, '/seed', 'POST', { kind: 'demo' });
    const r = client<RequestContract>(e, 'request');
    const { requestId: a } = await r.ok('demo-resident', 'create', { ...repair({ content: '楼道灯坏了' }), idempotencyKey: key() });
    await r.ok('demo-grid', 'accept', { requestId: a });
    await r.ok('demo-grid', 'resolve', { requestId: a, note: '已修好' });
    await r.ok('demo-resident', 'confirm', { requestId: a, rating: 5, fixed: true });
    expect((await r.ok('demo-branch', 'stats', {})).overall).toMatchObject({ total: 1, responseRate: 1, resolutionRate: 1 });
    // a suggestion filed seconds ago: due in 7 days
    await r.ok('demo-resident', 'create', { ...repair({ category: 'suggestion', content: '建议在小区门口增设快递柜' }), idempotencyKey: key() });
    expect((await r.ok('demo-branch', 'stats', {})).overall).toMatchObject({ total: 2, responseRate: 1, resolutionRate: 1 });
    // eight days later it is overdue and unanswered: now it counts against both
    await control(e, '/clock', 'POST', { advanceMs: 8 * 24 * 3_600_000 });
    expect((await r.ok('demo-branch', 'stats', {})).overall).toMatchObject({ total: 2, responseRate: 0.5, resolutionRate: 0.5 });
  });
});
