// Defects found by trying the landed product as an attacker and a newcomer (issue 9), each kept as
// the test that showed it: roles crossing compounds, held text leaking through the duplicate hint,
// applicants reading a compound before verification, crashes on odd input, repeated waitlist places.
import type { EventContract } from '@core/event/contract';
import type { NoticeContract } from '@core/notice/contract';
import type { RequestContract } from '@core/request/contract';
import type { UserContract } from '@core/user/contract';
import { PRIVACY_VERSION } from '@core/user/contract';
import { client, control, freshEnv, invoke, sdk } from './helpers/cloud';

const env = freshEnv('regress');
const user = client<UserContract>(env, 'user');
const request = client<RequestContract>(env, 'request');
const event = client<EventContract>(env, 'event');
const notice = client<NoticeContract>(env, 'notice');
const db: any = sdk(env).database();
const H = 3_600_000;

async function all(collection: string, where: Record<string, unknown> = {}) {
  return (await db.collection(collection).where(where).limit(1000).get()).data;
}

/** Another compound with one building and `admins` branch administrators (no homes). */
async function otherCompound(id: string, admins: string[]) {
  const now = new Date();
  const stamp = { createdAt: now, updatedAt: now };
  await db.collection('compounds').add({
    data: {
      _id: id, compoundId: id, name: `${id}花园`, address: '成都市锦江区', district: '锦江区', street: '春熙路街道', community: '锦江社区',
      ownersVoteOfficialSystem: false, settings: { slaHours: { emergency: 2, utilities: 24, general: 168, complex: 360 } }, ...stamp,
    },
  });
  await db.collection('buildings').add({ data: { _id: `${id}-b1`, compoundId: id, name: '1栋', order: 1, units: ['1'], floors: 6, gridUserIds: [], ...stamp } });
  for (const openid of admins) {
    await db.collection('users').add({
      data: {
        _id: `u-${openid}`, openid, compoundId: id, compoundName: `${id}花园`, displayName: `${openid}书记`, phone: '13900001111',
        roles: ['branch'], householdId: null, householdRelation: null, home: null, binding: null, party: null,
        consents: { privacy: { granted: true, version: PRIVACY_VERSION, at: now } }, elderMode: false, isMinor: false, points: 0, serviceHours: 0, ...stamp,
      },
    });
  }
}

async function newEvent(over: Record<string, unknown> = {}): Promise<string> {
  const now = Date.parse((await control<{ now: string }>(env, '/clock')).now);
  const { eventId } = await event.ok('demo-committee', 'create', {
    title: '冬季义诊', description: '社区医院专家坐诊', startAt: new Date(now + 48 * H).toISOString(), endAt: new Date(now + 50 * H).toISOString(),
    signupDeadline: new Date(now + 47 * H).toISOString(), place: '党群服务中心', capacity: 25, audience: { kind: 'all' }, creditsHours: false, ...over,
  });
  return eventId;
}

beforeAll(async () => {
  await control(env, '/seed', 'POST', { kind: 'demo' });
  await otherCompound('c-b', ['b-admin-1', 'b-admin-2']);
  await otherCompound('c-c', ['c-admin-only']);
});

afterEach(async () => {
  await control(env, '/clock', 'POST', { reset: true });
});

describe('staff roles belong to one compound', () => {
  it("a branch administrator of compound B verified into a flat of compound A holds no staff role in A", async () => {
    const { bindingId } = await user.ok('b-admin-1', 'requestBinding', { name: '测试住户', buildingId: 'demo-b1', unit: '1', room: '502', relation: 'tenant' });
    // while the application waits, B's administrator still works in B
    expect((await user.ok('b-admin-1', 'login', {})).compound?.compoundId).toBe('c-b');
    await user.ok('demo-grid', 'verifyBinding', { bindingId });

    const s = await user.ok('b-admin-1', 'login', {});
    expect(s.compound?.compoundId).toBe('demo-compound');
    expect(s.roles).toEqual(['resident']);
    expect(await user.call('b-admin-1', 'searchUsers', { query: '王' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await user.call('b-admin-1', 'setRoles', { userId: 'u-demo-resident', roles: ['resident', 'grid'] })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await all('users', { _id: 'u-demo-resident' }))[0].roles).toEqual(['resident']);
    // the move is audited with the roles that were left behind
    const trail = await all('audit_logs', { action: 'user.verifyBinding', target: `bindings/${bindingId}` });
    expect(trail[0].detail).toMatchObject({ droppedRoles: ['branch'], fromCompoundId: 'c-b' });
  });

  it("a compound's only administrator cannot move away and leave it without one", async () => {
    const before = await all('bindings', { userId: 'u-c-admin-only' });
    const res = await user.call('c-admin-only', 'requestBinding', { name: '测试住户', buildingId: 'demo-b1', unit: '1', room: '602', relation: 'tenant' });
    expect(res).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(res.ok ? '' : res.message).toContain('唯一');
    expect(await all('bindings', { userId: 'u-c-admin-only' })).toEqual(before);
  });

  it('verification inside the same compound keeps the roles a person already has there', async () => {
    await user.ok('demo-property', 'recordConsent', { kind: 'privacy', granted: true, version: PRIVACY_VERSION });
    const { bindingId } = await user.ok('demo-property', 'requestBinding', { name: '测试住户', buildingId: 'demo-b1', unit: '2', room: '701', relation: 'owner' });
    await user.ok('demo-grid', 'verifyBinding', { bindingId });
    expect((await user.ok('demo-property', 'login', {})).roles.sort()).toEqual(['property', 'resident']);
  });
});

describe('one visibility rule for every read of a request', () => {
  it('a public report held by the content check shows its text to nobody but its reporter through the duplicate hint', async () => {
    const held = await request.ok('demo-resident', 'create', {
      category: 'repair', content: '待审核 3楼的张某天天偷电瓶车', location: { buildingId: 'demo-b1', unit: '1' },
      urgency: 'general', visibility: 'public', idempotencyKey: `held-${Date.now()}`,
    });
    expect(held.heldForReview).toBe(true);
    // neighbours, volunteers and staff who do not answer for it
    for (const who of ['demo-resident-2', 'demo-member', 'demo-committee']) {
      const hint = await request.ok(who, 'similar', { buildingId: 'demo-b1', category: 'repair' });
      const row = hint.items.find((i) => i.requestId === held.requestId);
      expect(JSON.stringify(row ?? {})).not.toContain('电瓶车');
    }
    // its reporter and the staff answering for it (the building's grid, the property for repairs) read it whole
    for (const who of ['demo-resident', 'demo-grid', 'demo-property']) {
      const hint = await request.ok(who, 'similar', { buildingId: 'demo-b1', category: 'repair' });
      expect(hint.items.find((i) => i.requestId === held.requestId)?.excerpt).toContain('电瓶车');
    }
    expect((await request.ok('demo-resident-2', 'listPublic', {})).items.map((i) => i.requestId)).not.toContain(held.requestId);
    expect(await request.call('demo-resident-2', 'get', { requestId: held.requestId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('an applicant sees the public notices of the compound and nothing else until verified', () => {
  it('pending and rejected applicants cannot read events; they read compound-wide notices only', async () => {
    const eventId = await newEvent();
    const everyone = await notice.ok('demo-committee', 'publish', { category: 'policy', title: '小区垃圾分类新规', content: '<p>下周起执行。</p>', audience: { kind: 'compound' } });
    const oneBuilding = await notice.ok('demo-committee', 'publish', { category: 'outage', title: '4栋明日停水', content: '<p>9:00-17:00</p>', audience: { kind: 'buildings', buildingIds: ['demo-b4'] } });
    await user.ok('applicant-1', 'login', {});
    await user.ok('applicant-1', 'recordConsent', { kind: 'privacy', granted: true, version: PRIVACY_VERSION });
    const { bindingId } = await user.ok('applicant-1', 'requestBinding', { name: '测试住户', buildingId: 'demo-b4', unit: '1', room: '101', relation: 'owner' });

    const check = async () => {
      expect((await event.ok('applicant-1', 'list', { when: 'upcoming' })).items).toEqual([]);
      expect(await event.call('applicant-1', 'get', { eventId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect(await event.call('applicant-1', 'register', { eventId })).toMatchObject({ ok: false });
      const ids = (await notice.ok('applicant-1', 'list', {})).items.map((n) => n.noticeId);
      expect(ids).toContain(everyone.noticeId);
      expect(ids).not.toContain(oneBuilding.noticeId);
      expect(await notice.call('applicant-1', 'get', { noticeId: oneBuilding.noticeId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect((await notice.ok('applicant-1', 'get', { noticeId: everyone.noticeId })).title).toBe('小区垃圾分类新规');
    };
    // the residents of the compound see the event
    expect((await event.ok('demo-resident', 'list', { when: 'upcoming' })).items.map((e) => e.eventId)).toContain(eventId);
    await check();
    expect((await user.ok('applicant-1', 'login', {})).compound).toBeNull();
    await user.ok('demo-grid', 'rejectBinding', { bindingId, reason: '房号与登记不符' });
    await check();
    expect((await all('users', { openid: 'applicant-1' }))[0].compoundId).toBeNull();
    // a visitor's reading is not counted as a resident's read
    expect(await all('notice_reads', { noticeId: everyone.noticeId })).toEqual([]);
  });

  it('an applicant whose record still carries the compound (stored before the fix) reads no events either', async () => {
    await user.ok('applicant-2', 'login', {});
    await db.collection('users').where({ openid: 'applicant-2' }).update({ data: { compoundId: 'demo-compound', compoundName: '红湖公园城' } });
    const eventId = await newEvent();
    expect((await event.ok('applicant-2', 'list', { when: 'upcoming' })).items).toEqual([]);
    expect(await event.call('applicant-2', 'get', { eventId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('odd input gets INVALID_INPUT, never INTERNAL', () => {
  it.each(['user', 'request', 'event', 'notice', 'scheduler'])('%s: an action that is an object', async (fn) => {
    for (const action of [{ toString: 1 }, { toString: null, valueOf: null }, ['login'], 12, null]) {
      const res = await invoke(env, fn, { action, data: {} }, 'demo-resident');
      expect(res.body).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    }
  });

  it('a NUL or other control character in a people search is refused with a clear message', async () => {
    for (const query of ['王\u0000', '\u0000', 'a\u0007b', '\u202e王']) {
      const res = await user.call('demo-branch', 'searchUsers', { query });
      expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    }
    // regular expression characters are searched for literally
    expect((await user.ok('demo-branch', 'searchUsers', { query: '.*' })).items).toEqual([]);
    expect((await user.ok('demo-branch', 'searchUsers', { query: '王秀' })).items.map((i) => i.displayName)).toContain('王秀兰');
  });
});

describe('the waitlist has one order', () => {
  async function people(count: number, prefix: string): Promise<string[]> {
    const now = new Date();
    const docs = Array.from({ length: count }, (_x, i) => ({
      openid: `${prefix}-${i}`, compoundId: 'demo-compound', compoundName: '红湖公园城', displayName: `居民${i}`, phone: null, roles: ['resident'],
      householdId: `demo-h2-1-${(i % 9) + 1}01`, householdRelation: 'family', home: { buildingId: 'demo-b2', buildingName: '2栋', unit: '1', room: `${(i % 9) + 1}01` },
      binding: null, party: null, consents: {}, elderMode: false, isMinor: false, points: 0, serviceHours: 0, createdAt: now, updatedAt: now,
    }));
    await db.collection('users').add({ data: docs });
    return docs.map((d) => d.openid);
  }

  it('120 registrations at once for 25 places: the waitlisted are told 1..95 without repeats, and promoted in that order', async () => {
    const eventId = await newEvent({ capacity: 25 });
    const crowd = await people(120, 'wl');
    // everyone taps in the same instant: arrival times tie, so only a real queue can order them
    await control(env, '/clock', 'POST', { freeze: true });
    const results = await Promise.all(crowd.map((p) => event.ok(p, 'register', { eventId })));
    await control(env, '/clock', 'POST', { freeze: false });
    expect(results.filter((r) => r.status === 'confirmed')).toHaveLength(25);
    const told = results.flatMap((r, i) => (r.status === 'waitlisted' ? [{ who: crowd[i], position: r.position! }] : []));
    expect(told.map((t) => t.position).sort((a, b) => a - b)).toEqual(Array.from({ length: 95 }, (_x, i) => i + 1));

    // asking again gives the same place
    const sample = told.filter((_t, i) => i % 10 === 0);
    for (const t of sample) expect((await event.ok(t.who, 'get', { eventId })).mine?.position).toBe(t.position);

    // three confirmed people cancel: the three at the head of the queue move up, in order
    const confirmed = crowd.filter((_p, i) => results[i].status === 'confirmed');
    for (const p of confirmed.slice(0, 3)) await event.ok(p, 'cancel', { eventId });
    const byPlace = [...told].sort((a, b) => a.position - b.position);
    for (const t of byPlace.slice(0, 3)) expect((await event.ok(t.who, 'get', { eventId })).mine?.status).toBe('confirmed');
    expect((await event.ok(byPlace[3].who, 'get', { eventId })).mine).toMatchObject({ status: 'waitlisted', position: 1 });
    const list = await event.ok('demo-committee', 'attendees', { eventId });
    expect(list.waitlisted.map((w) => w.position)).toEqual(Array.from({ length: 92 }, (_x, i) => i + 1));
  }, 120_000);
});
