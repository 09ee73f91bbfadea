// 志愿服务 through the emulator with the real SDK: one membership per person under a burst, shifts
// never overbooked, one ledger record per source, verification only by someone else, unverified
// hours counting nothing, minors kept off risky teams, and certificates anyone can check.
import type { EventContract } from '@core/event/contract';
import type { RequestContract } from '@core/request/contract';
import type { UserContract } from '@core/user/contract';
import type { VolunteerContract } from '@core/volunteer/contract';
import { client, control, emulatorUrl, freshEnv, sdk } from './helpers/cloud';

const env = freshEnv('volunteer');
const vol = client<VolunteerContract>(env, 'volunteer');
const user = client<UserContract>(env, 'user');
const request = client<RequestContract>(env, 'request');
const event = client<EventContract>(env, 'event');
const db: any = sdk(env).database();
const H = 3_600_000;
const LEADER = 'demo-member';

async function emulatorNow(): Promise<number> {
  return Date.parse((await control<{ now: string }>(env, '/clock')).now);
}

async function people(count: number, prefix: string, extra: Record<string, unknown> = {}): Promise<string[]> {
  const now = new Date();
  const docs = Array.from({ length: count }, (_x, i) => ({
    _id: `u-${prefix}-${i}`, openid: `${prefix}-${i}`, compoundId: 'demo-compound', compoundName: '红湖公园城', displayName: `志愿者${i}`, phone: null, roles: ['resident'],
    householdId: `demo-h2-1-${(i % 9) + 1}01`, householdRelation: 'family', home: { buildingId: 'demo-b2', buildingName: '2栋', unit: '1', room: `${(i % 9) + 1}01` },
    binding: null, party: null, consents: {}, elderMode: false, isMinor: false, points: 0, serviceHours: 0, createdAt: now, updatedAt: now, ...extra,
  }));
  for (let i = 0; i < docs.length; i += 500) await db.collection('users').add({ data: docs.slice(i, i + 500) });
  return docs.map((d) => d.openid);
}

async function team(over: Record<string, unknown> = {}): Promise<string> {
  const { teamId } = await vol.ok('demo-committee', 'createTeam', {
    name: '红袖标巡逻队', kind: 'patrol', description: '夜间巡逻，守护小区平安', capacity: 0, needsApproval: false, risky: false, leaderIds: ['u-demo-member'], skillsSought: ['巡逻'], ...over,
  });
  return teamId;
}

beforeAll(async () => {
  await control(env, '/seed', 'POST', { kind: 'demo' });
});

afterEach(async () => {
  await control(env, '/clock', 'POST', { reset: true });
});

describe('志愿服务: joining and shifts under concurrency', () => {
  it('20 simultaneous joins by one person leave one membership', async () => {
    const teamId = await team({ name: '助老服务队', kind: 'elderly', needsApproval: true });
    const calls = await Promise.all(Array.from({ length: 20 }, () => vol.call('demo-resident-2', 'join', { teamId, skills: ['陪聊'], availability: '周末下午' })));
    expect(calls.filter((c) => c.ok)).toHaveLength(1);
    expect(calls.filter((c) => !c.ok).every((c) => !c.ok && c.code === 'CONFLICT')).toBe(true);
    const rows = (await db.collection('team_members').where({ teamId, userId: 'u-demo-resident-2' }).get()).data;
    expect(rows).toHaveLength(1);
    expect((await db.collection('teams').doc(teamId).get()).data.pendingCount).toBe(1);
    // the leader approves; a non-leader cannot
    const { items } = await vol.ok(LEADER, 'members', { teamId, status: 'pending' });
    expect(items[0]).toMatchObject({ name: '李建国', skills: ['陪聊'], availability: '周末下午' });
    // skills and availability are for the team's leaders only (条例 art. 20): the committee manages the team, but does not see them
    const asCommittee = await vol.ok('demo-committee', 'members', { teamId, status: 'pending' });
    expect(asCommittee.items[0]).toMatchObject({ name: '李建国', skills: [], availability: '' });
    expect(await vol.call('demo-resident', 'approve', { membershipId: items[0].membershipId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await vol.call('demo-resident', 'members', { teamId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await vol.ok(LEADER, 'approve', { membershipId: items[0].membershipId })).toMatchObject({ status: 'active' });
    expect(await vol.call(LEADER, 'decline', { membershipId: items[0].membershipId, reason: '重复' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    // leaving frees the person to apply again
    await vol.ok('demo-resident-2', 'leave', { teamId });
    expect(await vol.ok('demo-resident-2', 'join', { teamId })).toMatchObject({ status: 'pending' });
  });

  it('100 simultaneous bookings for 10 places: exactly 10 booked, the rest told it is full', async () => {
    const teamId = await team({ name: '夜巡一队' });
    const openids = await people(100, 'burst');
    for (const o of openids) await vol.ok(o, 'join', { teamId });
    const now = await emulatorNow();
    const { shiftIds } = await vol.ok(LEADER, 'createShifts', { teamId, startAt: new Date(now + 24 * H).toISOString(), endAt: new Date(now + 26 * H).toISOString(), place: '东门岗亭', capacity: 10, repeatWeeks: 2 });
    expect(shiftIds).toHaveLength(2);
    const results = await Promise.all(openids.map((o) => vol.call(o, 'bookShift', { shiftId: shiftIds[0] })));
    const status = results.map((r) => (r.ok ? r.data.status : r.code));
    expect(status.filter((s) => s === 'booked')).toHaveLength(10);
    expect(status.filter((s) => s === 'full')).toHaveLength(90);
    const shift = (await db.collection('shifts').doc(shiftIds[0]).get()).data;
    const booked = (await db.collection('shift_bookings').where({ shiftId: shiftIds[0], status: 'booked' }).get()).data;
    expect([shift.booked, booked.length]).toEqual([10, 10]);
    // a cancellation frees a place for the next
    const winner = openids[status.indexOf('booked')];
    await vol.ok(winner, 'cancelShift', { shiftId: shiftIds[0] });
    const next = openids[status.indexOf('full')];
    expect(await vol.ok(next, 'bookShift', { shiftId: shiftIds[0] })).toEqual({ status: 'booked' });
  }, 120_000);

  it('a minor is kept off risky teams and needs a guardian consent for the others', async () => {
    const [kid] = await people(1, 'kid', { isMinor: true, birthYear: 2012 });
    const risky = await team({ name: '电工维修队', kind: 'repair', risky: true });
    const safe = await team({ name: '环保小队', kind: 'environment' });
    expect(await vol.call(kid, 'join', { teamId: risky })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('未成年人不能参加有风险') });
    expect(await vol.call(kid, 'join', { teamId: safe })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('监护人') });
    await vol.ok(kid, 'recordGuardianConsent', { guardianName: '家长', guardianPhone: '13800001111', relation: '父亲' });
    expect(await vol.ok(kid, 'join', { teamId: safe })).toMatchObject({ status: 'active' });
    expect(await vol.call(kid, 'join', { teamId: risky })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await db.collection('team_members').where({ userId: `u-${kid}`, teamId: risky }).get()).data).toEqual([]);
  });

  it('decides who is a minor from the birth year at every use, never from a flag stored in an earlier year', async () => {
    const chinaYear = new Date((await emulatorNow()) + 8 * H).getUTCFullYear();
    // born this year − 18: may still be 17 until their birthday, whatever was stored when they signed up
    const [maybe17] = await people(1, 'y18', { isMinor: false, birthYear: chinaYear - 18 });
    const [adult] = await people(1, 'y19', { isMinor: true, birthYear: chinaYear - 19 });
    const risky = await team({ name: '高空维修队', kind: 'repair', risky: true });
    expect(await vol.call(maybe17, 'join', { teamId: risky })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('未成年人') });
    expect(await vol.ok(adult, 'join', { teamId: risky })).toMatchObject({ status: 'active' });
    // nor can they lead a team
    expect(await vol.call('demo-committee', 'createTeam', {
      name: '少年队', kind: 'environment', description: '捡拾垃圾', capacity: 0, needsApproval: false, risky: false, leaderIds: [`u-${maybe17}`],
    })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('18') });
  });

  it('keeps a minor off a risky team or shift whatever changes after they apply', async () => {
    const guardian = { name: '家长', phone: '13800001111', relation: '父亲', at: new Date() };
    const [kid, grown] = await people(2, 'late', { birthYear: 2012, isMinor: true, guardian });
    await db.collection('users').doc(`u-${grown}`).update({ data: { birthYear: 1980, isMinor: false } });
    // the team became risky (before this rule held) while the application waited: approving is refused
    const teamId = await team({ name: '楼道清洁队', kind: 'environment', needsApproval: true });
    const { membershipId } = await vol.ok(kid, 'join', { teamId });
    await db.collection('teams').doc(teamId).update({ data: { risky: true } });
    expect(await vol.call(LEADER, 'approve', { membershipId })).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('未成年人') });
    expect((await db.collection('team_members').doc(membershipId).get()).data.status).toBe('pending');
    await db.collection('teams').doc(teamId).update({ data: { risky: false } });
    // a team with a minor applicant or member cannot be made risky
    expect(await vol.call(LEADER, 'updateTeam', { teamId, risky: true })).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('未成年') });
    await vol.ok(LEADER, 'approve', { membershipId });
    expect(await vol.call(LEADER, 'updateTeam', { teamId, risky: true })).toMatchObject({ ok: false, code: 'CONFLICT' });
    await vol.ok(kid, 'leave', { teamId });
    // without minors it can, and the rota still ahead becomes risky with it
    const adultsOnly = await team({ name: '电路检修队', kind: 'repair' });
    await vol.ok(grown, 'join', { teamId: adultsOnly });
    const now = await emulatorNow();
    const { shiftIds } = await vol.ok(LEADER, 'createShifts', { teamId: adultsOnly, startAt: new Date(now + 24 * H).toISOString(), endAt: new Date(now + 26 * H).toISOString(), place: '配电房', capacity: 5, repeatWeeks: 2 });
    await vol.ok(LEADER, 'updateTeam', { teamId: adultsOnly, risky: true });
    for (const id of shiftIds) expect((await db.collection('shifts').doc(id).get()).data.risky).toBe(true);
    // a minor who is on the team anyway (a record from before) is refused the risky shift
    await db.collection('team_members').add({ data: { compoundId: 'demo-compound', teamId: adultsOnly, userId: `u-${kid}`, status: 'active', activeKey: `${adultsOnly}:u-${kid}`, skills: [], availability: '', minor: false, reason: null, decidedBy: null, createdAt: new Date(), updatedAt: new Date() } });
    expect(await vol.call(kid, 'bookShift', { shiftId: shiftIds[0] })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('未成年人') });
    expect(await vol.ok(grown, 'bookShift', { shiftId: shiftIds[0] })).toEqual({ status: 'booked' });
  });

  it('changing the leaders holds them to the same checks as creating the team', async () => {
    const teamId = await team({ name: '调解队', kind: 'mediation' });
    const [unverified] = await people(1, 'nohome', { householdId: null, home: null, roles: [] });
    const [young] = await people(1, 'young', { birthYear: 2012, isMinor: true });
    expect(await vol.call('demo-committee', 'updateTeam', { teamId, leaderIds: [`u-${unverified}`] })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await vol.call('demo-committee', 'updateTeam', { teamId, leaderIds: [`u-${young}`] })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('18') });
    expect(await vol.call(LEADER, 'updateTeam', { teamId, leaderIds: ['u-demo-resident'] })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await vol.ok('demo-committee', 'updateTeam', { teamId, leaderIds: ['u-demo-member', 'u-demo-resident'] });
    const members = await vol.ok('demo-resident', 'members', { teamId });
    expect(members.items.map((m) => m.userId).sort()).toEqual(['u-demo-member', 'u-demo-resident']);
  });

  it('a birth year under 14 is refused until a guardian consents (PIPL art. 31)', async () => {
    const [child] = await people(1, 'child');
    const year = new Date(await emulatorNow()).getUTCFullYear() - 10;
    expect(await user.call(child, 'updateProfile', { birthYear: year })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await db.collection('users').doc(`u-${child}`).get()).data.birthYear).toBeUndefined();
    const s = await user.ok(child, 'updateProfile', { birthYear: year, guardian: { name: '妈妈', phone: '13800002222', relation: '母亲' } });
    expect(s.profile).toMatchObject({ birthYear: year, minor: true, guardianConsent: true });
  });
});

describe('志愿服务: the service-hours ledger', () => {
  it('a shift checked in and out by the leader becomes one verified record; a member checks in with the code', async () => {
    const teamId = await team({ name: '夜巡二队' });
    await vol.ok('demo-resident', 'join', { teamId });
    await vol.ok('demo-grid', 'join', { teamId });
    const now = await emulatorNow();
    const { shiftIds } = await vol.ok(LEADER, 'createShifts', { teamId, startAt: new Date(now + 1 * H).toISOString(), endAt: new Date(now + 3 * H).toISOString(), place: '北门', capacity: 5 });
    const shiftId = shiftIds[0];
    await vol.ok('demo-resident', 'bookShift', { shiftId });
    await vol.ok('demo-grid', 'bookShift', { shiftId });
    await control(env, '/clock', 'POST', { advanceMs: 1 * H });
    await vol.ok(LEADER, 'shiftCheck', { shiftId, kind: 'in', userId: 'u-demo-resident' });
    const { code } = await vol.ok(LEADER, 'shiftCode', { shiftId });
    expect(await vol.call('demo-grid', 'shiftCheck', { shiftId, kind: 'in', code: code === '000000' ? '111111' : '000000' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    await vol.ok('demo-grid', 'shiftCheck', { shiftId, kind: 'in', code });
    // a member cannot check someone else in
    expect(await vol.call('demo-grid', 'shiftCheck', { shiftId, kind: 'out', userId: 'u-demo-resident' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // two hours after the check-in, at the end of the shift
    await control(env, '/clock', 'POST', { advanceMs: 2 * H });
    const outs = await Promise.all([1, 2, 3].map(() => vol.call(LEADER, 'shiftCheck', { shiftId, kind: 'out', userId: 'u-demo-resident' })));
    expect(outs.every((o) => o.ok)).toBe(true);
    const { code: code2 } = await vol.ok(LEADER, 'shiftCode', { shiftId });
    await vol.ok('demo-grid', 'shiftCheck', { shiftId, kind: 'out', code: code2 });
    const records = (await db.collection('service_records').where({ refId: shiftId }).get()).data;
    expect(records).toHaveLength(2);
    const mine = await vol.ok('demo-resident', 'myRecord', {});
    expect(mine).toMatchObject({ totalMinutes: 120, totalHours: '2.0' });
    // self check-out with the code is pending until the leader verifies: counts nothing yet
    const grid = await vol.ok('demo-grid', 'myRecord', {});
    expect(grid.totalMinutes).toBe(0);
    expect(grid.records[0]).toMatchObject({ status: 'pending', minutes: 120 });
    expect(await vol.call('demo-grid', 'verifyService', { recordId: grid.records[0].recordId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await vol.call('demo-resident', 'verifyService', { recordId: grid.records[0].recordId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const pending = await vol.ok(LEADER, 'pendingRecords', {});
    expect(pending.items.map((r) => r.recordId)).toContain(grid.records[0].recordId);
    await vol.ok(LEADER, 'verifyService', { recordId: grid.records[0].recordId });
    const verified = await vol.ok('demo-grid', 'myRecord', {});
    expect(verified.totalMinutes).toBe(120);
    // who verified it and when, in the record and its export (民政部令第67号)
    expect(verified.records[0]).toMatchObject({ status: 'verified', verifiedBy: '张卫东', verifiedAt: expect.stringMatching(/^\d{4}-/) });
    const { csv } = await vol.ok('demo-grid', 'exportMyRecord', {});
    const [header, row] = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(header).toContain('记录编号');
    expect(header).toContain('核实人,核实时间,更正的记录');
    expect(row).toContain(grid.records[0].recordId);
    expect(row).toContain('张卫东');
  });

  it('a hall task logs once however often it is sent; the grid verifies; a correction replaces without editing', async () => {
    const { requestId } = await request.ok('demo-resident', 'create', {
      category: 'help', content: '请帮忙把米扛上楼', location: { buildingId: 'demo-b1', unit: '1' }, urgency: 'general', visibility: 'private', idempotencyKey: 'vol-task-0001',
    });
    await request.ok('demo-member', 'claim', { requestId });
    const now = await emulatorNow();
    const span = { startAt: new Date(now - 2 * H).toISOString(), endAt: new Date(now - 1 * H).toISOString() };
    expect(await vol.call('demo-member', 'logService', { source: 'task', sourceId: requestId, content: '扛米上楼', ...span })).toMatchObject({ ok: false, code: 'CONFLICT' });
    await request.ok('demo-member', 'resolve', { requestId, note: '已送到' });
    const tries = await Promise.all([1, 2, 3, 4, 5].map(() => vol.call('demo-member', 'logService', { source: 'task', sourceId: requestId, content: '扛米上楼', ...span })));
    expect(tries.filter((t) => t.ok)).toHaveLength(1);
    expect((await db.collection('service_records').where({ refId: requestId }).get()).data).toHaveLength(1);
    // someone who did not do it cannot log it
    expect(await vol.call('demo-resident-2', 'logService', { source: 'task', sourceId: requestId, content: 'x', ...span })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const recordId = tries.find((t) => t.ok)!.ok ? (tries.find((t) => t.ok) as { ok: true; data: { recordId: string } }).data.recordId : '';
    expect((await vol.ok('demo-member', 'myRecord', {})).totalMinutes).toBe(0);
    await vol.ok('demo-grid', 'verifyService', { recordId });
    expect((await vol.ok('demo-member', 'myRecord', {})).totalMinutes).toBe(60);
    // the volunteer corrects the end: a new record, pending; the original still counts until it is verified
    const { recordId: fix } = await vol.ok('demo-member', 'correctService', { recordId, startAt: span.startAt, endAt: new Date(now - 0.5 * H).toISOString(), reason: '实际多干了半小时' });
    expect((await vol.ok('demo-member', 'myRecord', {})).totalMinutes).toBe(60);
    await vol.ok('demo-grid', 'verifyService', { recordId: fix });
    const after = await vol.ok('demo-member', 'myRecord', {});
    expect(after.totalMinutes).toBe(90);
    expect(after.records.find((r) => r.recordId === recordId)).toMatchObject({ status: 'corrected', minutes: 60 });
    // overlapping service is refused
    const teamId = await team({ name: '维修队' });
    expect(await vol.call('demo-member', 'logService', { source: 'other', teamId, content: '修灯', ...span })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('重叠') });
  });

  it('hours entered when resolving a hall task: one pending record per task, whether resolved twice or resolved, reopened and resolved', async () => {
    const { requestId } = await request.ok('demo-resident', 'create', {
      category: 'help', content: '请帮忙修一下晾衣架', location: { buildingId: 'demo-b1', unit: '1' }, urgency: 'general', visibility: 'private', idempotencyKey: 'vol-task-0002',
    });
    const now = await emulatorNow();
    // across midnight, days ago (China time 23:30 → 00:30 is any hour in UTC: only the length matters)
    const hours = { startAt: new Date(now - 72 * H).toISOString(), endAt: new Date(now - 71 * H).toISOString() };
    await request.ok('demo-member', 'claim', { requestId });
    const view = await request.ok('demo-member', 'get', { requestId });
    expect(view.claimedByMe).toBe(true);
    expect(view.hoursLogged).toBe(false);
    expect((await request.ok('demo-resident', 'get', { requestId })).claimedByMe).toBe(false);
    // someone who did not claim it cannot put hours on it; a bad period resolves nothing
    expect(await request.call('demo-member', 'resolve', { requestId, note: '修好了', hours: { startAt: hours.endAt, endAt: hours.startAt } })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect((await request.ok('demo-member', 'get', { requestId })).state).toBe('claimed');
    const both = await Promise.all([1, 2].map(() => request.call('demo-member', 'resolve', { requestId, note: '修好了', hours })));
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    const rows = async () => (await db.collection('service_records').where({ refId: requestId }).get()).data;
    expect(await rows()).toHaveLength(1);
    expect((await rows())[0]).toMatchObject({ source: 'task', userId: 'u-demo-member', minutes: 60, verifiedAt: null });
    // the detail knows: it stops asking the volunteer for the hours
    expect((await request.ok('demo-member', 'get', { requestId })).hoursLogged).toBe(true);
    expect(both.find((r) => r.ok)!.data).toMatchObject({ hoursLogged: true });
    // reopened by the branch, claimed and resolved again with other hours: still the one record
    await request.ok('demo-branch', 'reopen', { requestId, reason: '晾衣架又松了' });
    await request.ok('demo-member', 'claim', { requestId });
    await request.ok('demo-member', 'resolve', { requestId, note: '加固了', hours: { startAt: new Date(now - 48 * H).toISOString(), endAt: new Date(now - 46 * H).toISOString() } });
    const after = await rows();
    expect(after).toHaveLength(1);
    expect(after[0].minutes).toBe(60);
    // and logging it afterwards from the ledger is the same record too
    expect(await vol.call('demo-member', 'logService', { source: 'task', sourceId: requestId, content: '修晾衣架', startAt: new Date(now - 30 * H).toISOString(), endAt: new Date(now - 29 * H).toISOString() })).toMatchObject({ ok: false, code: 'CONFLICT' });
    // pending until the grid confirms it
    const pending = await vol.ok('demo-grid', 'pendingRecords', {});
    expect(pending.items.map((r) => r.recordId)).toContain(after[0]._id);
  });

  it('a rejected task record is replaced by a correction that names it (its fixed id cannot be written again)', async () => {
    const { requestId } = await request.ok('demo-resident', 'create', {
      category: 'help', content: '请帮忙取一下快递', location: { buildingId: 'demo-b1', unit: '1' }, urgency: 'general', visibility: 'private', idempotencyKey: 'vol-task-0003',
    });
    await request.ok('demo-member', 'claim', { requestId });
    const now = await emulatorNow();
    await request.ok('demo-member', 'resolve', { requestId, note: '已取回', hours: { startAt: new Date(now - 100 * H).toISOString(), endAt: new Date(now - 97 * H).toISOString() } });
    const [rec] = (await db.collection('service_records').where({ refId: requestId }).get()).data;
    await vol.ok('demo-grid', 'rejectService', { recordId: rec._id, reason: '取快递不需要 3 小时' });
    const before = (await vol.ok('demo-member', 'myRecord', {})).totalMinutes;
    const span = { startAt: new Date(now - 100 * H).toISOString(), endAt: new Date(now - 99.5 * H).toISOString() };
    expect(await vol.call('demo-member', 'logService', { source: 'task', sourceId: requestId, content: '取快递', ...span })).toMatchObject({ ok: false, code: 'CONFLICT' });
    const { recordId: fix } = await vol.ok('demo-member', 'correctService', { recordId: rec._id, ...span, reason: '实际半小时' });
    // one live correction per record, rejected or not
    expect(await vol.call('demo-member', 'correctService', { recordId: rec._id, ...span, reason: '再改' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    await vol.ok('demo-grid', 'verifyService', { recordId: fix });
    const after = await vol.ok('demo-member', 'myRecord', {});
    expect(after.totalMinutes).toBe(before + 30);
    expect(after.records.find((r) => r.recordId === rec._id)).toMatchObject({ status: 'rejected' });
    expect(after.records.find((r) => r.recordId === fix)).toMatchObject({ status: 'verified', corrects: rec._id, minutes: 30 });
  });

  it('points come from the records that count: a correction replaces the original’s points, an attended event earns its own', async () => {
    const teamId = await team({ name: '助老二队', kind: 'elderly' });
    const [v] = await people(1, 'points');
    const uid = `u-${v}`;
    await vol.ok(v, 'join', { teamId });
    const now = await emulatorNow();
    const { recordId } = await vol.ok(LEADER, 'logService', { source: 'other', teamId, volunteerId: uid, content: '陪老人聊天', startAt: new Date(now - 30 * H).toISOString(), endAt: new Date(now - 28 * H).toISOString() });
    expect((await vol.ok(v, 'myRecord', {})).points).toBe(20);
    // the leader corrects it to one hour (verified at once): the original's 20 points go, the correction's 10 count
    await vol.ok(LEADER, 'correctService', { recordId, startAt: new Date(now - 30 * H).toISOString(), endAt: new Date(now - 29 * H).toISOString(), reason: '实际一小时' });
    expect(await vol.ok(v, 'myRecord', {})).toMatchObject({ totalMinutes: 60, points: 10 });
    // a credited event attended: 2 hours, 20 points
    const { eventId } = await event.ok('demo-committee', 'create', {
      title: '敬老茶话会', description: '陪社区老人喝茶聊天', startAt: new Date(now + 2 * H).toISOString(), endAt: new Date(now + 4 * H).toISOString(),
      signupDeadline: new Date(now + 1 * H).toISOString(), place: '活动室', capacity: 10, audience: { kind: 'all' }, creditsHours: true,
    });
    await event.ok(v, 'register', { eventId });
    await control(env, '/clock', 'POST', { advanceMs: 2 * H });
    const { code } = await event.ok('demo-committee', 'issueCheckinCode', { eventId });
    await event.ok(v, 'checkin', { eventId, code });
    expect(await vol.ok(v, 'myRecord', {})).toMatchObject({ totalMinutes: 180, points: 30 });
  });

  it('the same hours never count twice across sources: a clashing shift or event record waits, and cannot be verified over the other', async () => {
    const teamId = await team({ name: '夜巡三队' });
    const [v] = await people(1, 'twice');
    const uid = `u-${v}`;
    await vol.ok(v, 'join', { teamId });
    const now = await emulatorNow();
    const { shiftIds } = await vol.ok(LEADER, 'createShifts', { teamId, startAt: new Date(now + 1 * H).toISOString(), endAt: new Date(now + 3 * H).toISOString(), place: '西门', capacity: 5 });
    const shiftId = shiftIds[0];
    await vol.ok(v, 'bookShift', { shiftId });
    await control(env, '/clock', 'POST', { advanceMs: 1 * H });
    await vol.ok(LEADER, 'shiftCheck', { shiftId, kind: 'in', userId: uid });
    await control(env, '/clock', 'POST', { advanceMs: 2 * H });
    // meanwhile the leader logged an hour of the same evening for them (verified at once)
    await vol.ok(LEADER, 'logService', { source: 'other', teamId, volunteerId: uid, content: '清点物资', startAt: new Date(now + 1.5 * H).toISOString(), endAt: new Date(now + 2.5 * H).toISOString() });
    const { recordId } = await vol.ok(LEADER, 'shiftCheck', { shiftId, kind: 'out', userId: uid });
    const rec = (await vol.ok(v, 'myRecord', {})).records.find((r) => r.recordId === recordId);
    expect(rec).toMatchObject({ status: 'pending', minutes: 120, conflict: expect.stringContaining('重叠') });
    expect((await vol.ok(v, 'myRecord', {})).totalMinutes).toBe(60);
    expect(await vol.call(LEADER, 'verifyService', { recordId: recordId! })).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('重叠') });
    expect((await vol.ok(v, 'myRecord', {})).totalMinutes).toBe(60);

    // an event check-in over hours already counted: the record is written pending, with the reason
    const evNow = await emulatorNow();
    const { eventId } = await event.ok('demo-committee', 'create', {
      title: '义诊帮手', description: '社区卫生站义诊，帮忙维持秩序', startAt: new Date(evNow + 2 * H).toISOString(), endAt: new Date(evNow + 4 * H).toISOString(),
      signupDeadline: new Date(evNow + 1 * H).toISOString(), place: '卫生站', capacity: 10, audience: { kind: 'all' }, creditsHours: true,
    });
    await event.ok(v, 'register', { eventId });
    await db.collection('service_records').add({ data: {
      _id: `fix-seed-${v}`, compoundId: 'demo-compound', userId: uid, volunteerName: '志愿者0', teamId, teamName: '夜巡三队', source: 'other', refId: teamId, organizer: '夜巡三队',
      content: '白天值守', place: '', startAt: new Date(evNow + 2 * H), endAt: new Date(evNow + 3 * H), hours: 1, minutes: 60, month: new Date(evNow).toISOString().slice(0, 7),
      verifiedBy: 'u-demo-member', verifiedAt: new Date(evNow), rejected: null, corrects: null, points: 10, createdAt: new Date(evNow), updatedAt: new Date(evNow),
    } });
    await control(env, '/clock', 'POST', { advanceMs: 2 * H });
    const { code } = await event.ok('demo-committee', 'issueCheckinCode', { eventId });
    await event.ok(v, 'checkin', { eventId, code });
    const evRec = (await vol.ok(v, 'myRecord', {})).records.find((r) => r.source === 'event');
    expect(evRec).toMatchObject({ status: 'pending', conflict: expect.stringContaining('重叠') });
    expect((await vol.ok(v, 'myRecord', {})).totalMinutes).toBe(120);
    // the committee sees it to verify, and cannot count it over the other
    expect((await vol.ok('demo-committee', 'pendingRecords', {})).items.map((r) => r.recordId)).toContain(evRec!.recordId);
    expect(await vol.call('demo-committee', 'verifyService', { recordId: evRec!.recordId })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('the certificate lists verified hours only, and anyone can check its number; a mistyped number is caught', async () => {
    const cert = await vol.ok('demo-member', 'certificate', {});
    expect(cert.number).toMatch(/^ZY\d{12}[\dX]$/);
    // 90 minutes of the task above and 30 of the corrected rejected one
    expect(cert).toMatchObject({ name: '张卫东', totalMinutes: 120, totalHours: '2.0', issuer: '红湖社区居民委员会' });
    // a school's teacher who scans the QR code: no account, no user record
    const check = await vol.ok('cert-visitor', 'verifyCertificate', { number: cert.number });
    expect((await db.collection('users').where({ openid: 'cert-visitor' }).get()).data).toEqual([]);
    expect(check).toMatchObject({ valid: true, nameMasked: '张**', totalHours: '2.0', issuer: '红湖社区居民委员会' });
    expect(JSON.stringify(check)).not.toContain('张卫东');
    // the masked name, hours, period and issuer — nothing more
    expect(Object.keys(check).sort()).toEqual(['issuer', 'message', 'nameMasked', 'periodFrom', 'periodTo', 'totalHours', 'valid']);
    // the QR code is the H5 check page (a phone camera opens it), with the number
    expect(cert.verifyText).toBe(`${emulatorUrl()}/#/packages/volunteer/verify/index?number=${cert.number}`);
    const last = cert.number.slice(-2, -1);
    const typo = `${cert.number.slice(0, -2)}${last === '9' ? '8' : String(Number(last) + 1)}${cert.number.slice(-1)}`;
    expect(await vol.ok('demo-resident-2', 'verifyCertificate', { number: typo })).toMatchObject({ valid: false, message: expect.stringContaining('校验位') });
    expect(await vol.call('demo-resident-2', 'certificate', {})).toMatchObject({ ok: false, code: 'CONFLICT' });
    // asking again with nothing changed gives the same certificate, not a new number
    expect((await vol.ok('demo-member', 'certificate', {})).number).toBe(cert.number);
  });

  it('the leaderboard and hours by team are summed by the database: exact beyond 1,000 records, corrections replacing originals', async () => {
    const teamId = await team({ name: '环境整治队', kind: 'environment' });
    const [named, quiet] = await people(2, 'scale');
    await db.collection('users').doc(`u-${named}`).update({ data: { consents: { publishName: { granted: true, version: 'v1', at: new Date() } } } });
    const now = await emulatorNow();
    const month = new Date(now + 8 * H).toISOString().slice(0, 7);
    const docs: Array<Record<string, unknown>> = Array.from({ length: 1200 }, (_x, i) => ({
      _id: `scale-${i}`, compoundId: 'demo-compound', userId: i % 2 ? `u-${quiet}` : `u-${named}`, volunteerName: '志愿者', teamId, teamName: '环境整治队', source: 'other', refId: teamId,
      organizer: '环境整治队', content: '捡拾垃圾', place: '', startAt: new Date(now - (i + 1) * 60_000), endAt: new Date(now - i * 60_000), hours: 0.2, minutes: 10, month,
      verifiedBy: 'u-demo-member', verifiedAt: new Date(now), rejected: null, corrects: null, points: 0, createdAt: new Date(now), updatedAt: new Date(now),
    }));
    // a verified correction of one of them (10 → 30 minutes), and a pending one that changes nothing yet
    docs.push({ ...docs[0], _id: 'scale-fix', minutes: 30, hours: 0.5, corrects: 'scale-0' });
    docs.push({ ...docs[2], _id: 'scale-fix-pending', minutes: 50, hours: 0.8, corrects: 'scale-2', verifiedBy: null, verifiedAt: null });
    for (let i = 0; i < docs.length; i += 500) await db.collection('service_records').add({ data: docs.slice(i, i + 500) });
    const stats = await vol.ok('demo-branch', 'teamStats', {});
    const row = stats.teams.find((t) => t.teamId === teamId)!;
    expect(row.minutesByMonth[stats.months.indexOf(month)]).toBe(1200 * 10 - 10 + 30);
    const board = await vol.ok('demo-resident', 'leaderboard', { teamId });
    expect(board.items).toEqual([expect.objectContaining({ rank: 1, name: '志愿者0', minutes: 600 * 10 - 10 + 30 })]);
    expect(board.unnamed).toBe(1);
  }, 60_000);

  it('the leaderboard names only those who opted in; 楼栋长 ratings once a month, averages only', async () => {
    // 王秀兰 (demo-resident, two verified hours on a shift this month) opts in to showing her name
    const resident = (await db.collection('users').doc('u-demo-resident').get()).data;
    await db.collection('users').doc('u-demo-resident').update({ data: { consents: { ...resident.consents, publishName: { granted: true, version: 'v1', at: new Date() } } } });
    const board = await vol.ok('demo-resident', 'leaderboard', {});
    expect(board.items).toContainEqual(expect.objectContaining({ name: '王秀兰', minutes: 120, hours: '2.0', me: true }));
    expect(board.items.every((i) => i.name !== '张卫东')).toBe(true);
    expect(board.unnamed).toBeGreaterThan(0);
    const raters = await people(3, 'rater');
    for (const [i, r] of raters.entries()) {
      await db.collection('users').doc(`u-${r}`).update({ data: { home: { buildingId: 'demo-b1', buildingName: '1栋', unit: '1', room: '101' } } });
      await vol.ok(r, 'rateLeader', { score: 4 + (i % 2) });
    }
    expect(await vol.call(raters[0], 'rateLeader', { score: 5 })).toMatchObject({ ok: false, code: 'CONFLICT' });
    const ratings = await vol.ok('demo-branch', 'leaderRatings', {});
    expect(ratings.items[0]).toMatchObject({ leaderName: '刘芳', count: 3, average: '4.3', stars: 4 });
    expect(JSON.stringify(ratings)).not.toMatch(/rater|志愿者/);
    expect(await vol.call('demo-resident', 'leaderRatings', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const stats = await vol.ok('demo-branch', 'teamStats', {});
    expect(stats.months).toHaveLength(6);
  });
});
