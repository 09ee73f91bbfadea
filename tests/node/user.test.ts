// The user function through the emulator with the real SDK: first use, binding and its
// verification, roles, consent, masking, export and deletion — and every refusal changes nothing.
import type { UserContract } from '@core/user/contract';
import { PRIVACY_VERSION } from '@core/user/contract';
import { client, control, freshEnv, invoke, sdk } from './helpers/cloud';

const env = freshEnv('user');
const user = client<UserContract>(env, 'user');
const db: any = sdk(env).database();

async function snapshot(collection: string) {
  return (await db.collection(collection).limit(1000).get()).data;
}

async function newcomer(openid: string) {
  await user.ok(openid, 'login', {});
  await user.ok(openid, 'recordConsent', { kind: 'privacy', granted: true, version: PRIVACY_VERSION });
}

beforeAll(async () => {
  await control(env, '/seed', 'POST', { kind: 'demo' });
});

describe('login', () => {
  it('returns a demo resident with a verified household, roles and a masked phone', async () => {
    const s = await user.ok('demo-resident', 'login', {});
    expect(s).toMatchObject({
      roles: ['resident'],
      compound: { compoundId: 'demo-compound', name: '红湖公园城' },
      household: { buildingId: 'demo-b1', buildingName: '1栋', unit: '1', room: '301', verified: true },
      consents: { privacy: true, party: false },
    });
    expect(s.profile.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
  });

  it('creates a first-time user exactly once, even when the first logins race', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => user.call('racer-1', 'login', {})));
    const ids = new Set(results.map((r) => (r.ok ? r.data.userId : r.code)));
    expect(ids.size).toBe(1);
    expect((await db.collection('users').where({ openid: 'racer-1' }).count()).total).toBe(1);
    const first = results[0];
    expect(first.ok && first.data).toMatchObject({ roles: [], compound: null, household: null, consents: { privacy: false } });
  });

  it('shows the grid user the buildings they serve', async () => {
    const s = await user.ok('demo-grid', 'login', {});
    expect(s.gridBuildingIds.sort()).toEqual(['demo-b1', 'demo-b4']);
  });
});

describe('the envelope', () => {
  it('answers an unknown action, extra fields and a missing identity with closed codes', async () => {
    expect((await invoke(env, 'user', { action: 'fly', data: {} }, 'demo-resident')).body).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await user.call('demo-resident', 'login', { sneaky: 1 })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect((await invoke(env, 'user', 'not an object', 'demo-resident')).body).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await user.call('', 'login', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await user.call('never-logged-in', 'updateProfile', { displayName: 'x' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});

describe('first use: consent, binding, verification', () => {
  it('refuses a binding before the privacy consent, and a consent to an outdated guide', async () => {
    await user.ok('first-1', 'login', {});
    const before = await snapshot('bindings');
    expect(await user.call('first-1', 'requestBinding', { name: '测试住户', buildingId: 'demo-b1', unit: '1', room: '101' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await user.call('first-1', 'recordConsent', { kind: 'privacy', granted: true, version: 'old' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await snapshot('bindings')).toEqual(before);
  });

  it('refuses rooms that do not exist and malformed input, writing nothing', async () => {
    await newcomer('first-2');
    const before = await snapshot('bindings');
    const bad = [
      [{ name: '测试住户', buildingId: 'demo-b1', unit: '1', room: '9999' }, 'NOT_FOUND'],
      [{ name: '测试住户', buildingId: 'demo-b1', unit: '7', room: '101' }, 'NOT_FOUND'],
      [{ name: '测试住户', buildingId: 'no-such-building', unit: '1', room: '101' }, 'NOT_FOUND'],
      [{ name: '测试住户', buildingId: 'demo-b1', unit: '1', room: '1 0 1' }, 'INVALID_INPUT'],
      [{ name: '测试住户', buildingId: 'demo-b1', unit: '1', room: '101', relation: 'landlord' }, 'INVALID_INPUT'],
      [{ name: '测试住户', buildingId: 'demo-b1', unit: '1' }, 'INVALID_INPUT'],
    ] as const;
    for (const [data, code] of bad) {
      expect(await user.call('first-2', 'requestBinding', data as never)).toMatchObject({ ok: false, code });
    }
    expect(await snapshot('bindings')).toEqual(before);
  });

  it('takes a binding as pending, allows only one pending at a time, and the grid verifies it', async () => {
    await newcomer('first-3');
    const req = await user.ok('first-3', 'requestBinding', { name: '测试住户', buildingId: 'demo-b1', unit: '2', room: '501', relation: 'tenant' });
    expect(req.state).toBe('pending');
    expect(await user.call('first-3', 'requestBinding', { name: '测试住户', buildingId: 'demo-b1', unit: '2', room: '502' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    let s = await user.ok('first-3', 'login', {});
    expect(s.household).toMatchObject({ room: '501', verified: false });
    expect(s.binding).toMatchObject({ state: 'pending', relation: 'tenant' });
    expect(s.roles).toEqual([]);

    const queue = await user.ok('demo-grid', 'listPendingBindings', {});
    const mine = queue.items.find((i) => i.bindingId === req.bindingId);
    expect(mine).toMatchObject({ buildingName: '1栋', unit: '2', room: '501' });
    expect(queue.items.every((i) => ['demo-b1', 'demo-b4'].includes(i.buildingId))).toBe(true);

    expect(await user.ok('demo-grid', 'verifyBinding', { bindingId: req.bindingId })).toEqual({ bindingId: req.bindingId, state: 'verified' });
    s = await user.ok('first-3', 'login', {});
    expect(s.roles).toEqual(['resident']);
    expect(s.household).toMatchObject({ householdId: 'demo-h1-2-501', verified: true });
    const household = (await db.collection('households').doc('demo-h1-2-501').get()).data;
    expect(household.verifiedMemberIds).toContain(s.userId);
    const audit = await db.collection('audit_logs').where({ action: 'user.verifyBinding', target: `bindings/${req.bindingId}` }).get();
    expect(audit.data).toHaveLength(1);
    expect(audit.data[0]).toMatchObject({ actorRoles: ['resident', 'grid'] });
    expect(await user.call('demo-grid', 'verifyBinding', { bindingId: req.bindingId })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('gives the 楼栋长 the name and phone to verify with, and a rejection must say why', async () => {
    await newcomer('first-5');
    const req = await user.ok('first-5', 'requestBinding', { name: '马晓燕', phone: '13811112222', buildingId: 'demo-b1', unit: '1', room: '702', relation: 'owner' });
    const item = (await user.ok('demo-grid', 'listPendingBindings', { limit: 50 })).items.find((i) => i.bindingId === req.bindingId);
    expect(item).toMatchObject({ displayName: '马晓燕', phone: '13811112222', room: '702' });
    // the applicant's own session shows the name, the phone masked
    expect((await user.ok('first-5', 'login', {})).profile).toMatchObject({ displayName: '马晓燕', phoneMasked: '138****2222' });
    const before = await snapshot('bindings');
    for (const reason of [undefined, '', '   ']) {
      const data = reason === undefined ? { bindingId: req.bindingId } : { bindingId: req.bindingId, reason };
      expect(await user.call('demo-grid', 'rejectBinding', data)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    }
    expect(await snapshot('bindings')).toEqual(before);
    expect(await user.call('first-5', 'requestBinding', { buildingId: 'demo-b1', unit: '1', room: '702' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('lets only the grid of that building or the branch review, and nobody outside', async () => {
    await newcomer('first-4');
    const req = await user.ok('first-4', 'requestBinding', { name: '测试住户', buildingId: 'demo-b2', unit: '1', room: '101' });
    const before = await snapshot('bindings');
    expect(await user.call('demo-grid', 'verifyBinding', { bindingId: req.bindingId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await user.call('demo-resident', 'verifyBinding', { bindingId: req.bindingId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await user.call('demo-committee', 'rejectBinding', { bindingId: req.bindingId, reason: '不是本楼住户' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await user.call('demo-grid', 'verifyBinding', { bindingId: 'nope' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await snapshot('bindings')).toEqual(before);
    expect((await user.ok('demo-grid', 'listPendingBindings', {})).items.find((i) => i.bindingId === req.bindingId)).toBeUndefined();
    const branchView = await user.ok('demo-branch', 'listPendingBindings', { limit: 50 });
    expect(branchView.items.find((i) => i.bindingId === req.bindingId)).toBeTruthy();

    await user.ok('demo-branch', 'rejectBinding', { bindingId: req.bindingId, reason: '房号与登记不符' });
    const s = await user.ok('first-4', 'login', {});
    expect(s.binding).toMatchObject({ state: 'rejected', reason: '房号与登记不符' });
    expect(s.household).toBeNull();
    // a rejected applicant may apply again
    expect((await user.ok('first-4', 'requestBinding', { name: '测试住户', buildingId: 'demo-b2', unit: '1', room: '102' })).state).toBe('pending');
  });

  it('lets the applicant withdraw a pending binding', async () => {
    await newcomer('first-withdraw');
    const req = await user.ok('first-withdraw', 'requestBinding', { name: '测试住户', buildingId: 'demo-b4', unit: '1', room: '101' });
    expect(await user.call('demo-resident', 'cancelBinding', { bindingId: req.bindingId })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await user.ok('first-withdraw', 'cancelBinding', { bindingId: req.bindingId })).toMatchObject({ state: 'cancelled' });
    expect((await user.ok('first-withdraw', 'login', {})).household).toBeNull();
  });

  it('two reviewers at once: one verification wins', async () => {
    await newcomer('first-6');
    const req = await user.ok('first-6', 'requestBinding', { name: '测试住户', buildingId: 'demo-b1', unit: '1', room: '701' });
    const [a, b] = await Promise.all([
      user.call('demo-grid', 'verifyBinding', { bindingId: req.bindingId }),
      user.call('demo-branch', 'rejectBinding', { bindingId: req.bindingId, reason: '并发' }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('roles', () => {
  it('only the branch sets roles; the payload cannot grant the caller anything', async () => {
    const target = (await user.ok('demo-resident-2', 'login', {})).userId;
    const before = await snapshot('users');
    expect(await user.call('demo-resident-2', 'setRoles', { userId: target, roles: ['resident', 'branch'] })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await user.call('demo-committee', 'setRoles', { userId: target, roles: ['resident', 'grid'] })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await user.call('demo-branch', 'setRoles', { userId: target, roles: ['resident', 'officer'] })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await user.call('demo-branch', 'setRoles', { userId: target, roles: ['mayor'] })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await user.call('demo-branch', 'setRoles', { userId: 'nobody', roles: ['resident'] })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await snapshot('users')).toEqual(before);
  });

  it('the branch grants a role, the change is audited, and nobody can lock the branch out by accident', async () => {
    const target = (await user.ok('demo-resident-2', 'login', {})).userId;
    const res = await user.ok('demo-branch', 'setRoles', { userId: target, roles: ['resident', 'member'] });
    expect(res).toMatchObject({ userId: target, roles: ['resident', 'member'], displayName: '李建国' });
    expect(res.phoneMasked).toMatch(/\*{4}/);
    expect((await user.ok('demo-resident-2', 'login', {})).roles).toEqual(['resident', 'member']);
    const audit = (await db.collection('audit_logs').where({ action: 'user.setRoles', target: `users/${target}` }).get()).data;
    expect(audit[0].detail).toEqual({ before: ['resident'], after: ['resident', 'member'] });
    const self = (await user.ok('demo-branch', 'login', {})).userId;
    expect(await user.call('demo-branch', 'setRoles', { userId: self, roles: ['resident'] })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('searches people by name with masked phones', async () => {
    const res = await user.ok('demo-branch', 'searchUsers', { query: '王秀' });
    expect(res.items.map((i) => i.displayName)).toContain('王秀兰');
    expect(res.items.every((i) => !i.phoneMasked || /\*{4}/.test(i.phoneMasked))).toBe(true);
    expect(await user.call('demo-resident', 'searchUsers', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('the grid: 小区–楼栋–单元–户', () => {
  it('the branch puts a new 楼栋长 in charge of a building and a unit; requests and bindings then reach them', async () => {
    await newcomer('grid-new');
    const { bindingId } = await user.ok('grid-new', 'requestBinding', { name: '周楼长', buildingId: 'demo-b2', unit: '2', room: '301' });
    await user.ok('demo-branch', 'verifyBinding', { bindingId });
    const { userId } = await user.ok('grid-new', 'login', {});
    // only someone holding the grid role can be given buildings
    expect(await user.call('demo-branch', 'assignGrid', { userId, buildingIds: ['demo-b2'] })).toMatchObject({ ok: false, code: 'CONFLICT' });
    await user.ok('demo-branch', 'setRoles', { userId, roles: ['resident', 'grid'] });
    expect(await user.call('demo-committee', 'assignGrid', { userId, buildingIds: ['demo-b2'] })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await user.call('demo-branch', 'assignGrid', { userId, buildingIds: ['c-elsewhere-b1'] })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await user.call('demo-branch', 'assignGrid', { userId, buildingIds: ['demo-b2'], units: [{ buildingId: 'demo-b2', unit: '9' }] })).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    await user.ok('demo-branch', 'assignGrid', { userId, buildingIds: ['demo-b2'], units: [{ buildingId: 'demo-b2', unit: '2' }] });
    expect((await user.ok('grid-new', 'login', {})).gridBuildingIds).toEqual(['demo-b2']);
    const map = await user.ok('demo-branch', 'gridMap', {});
    const b2 = map.buildings.find((b) => b.buildingId === 'demo-b2')!;
    expect(b2.grid.map((g) => g.displayName)).toContain('周楼长');
    expect(b2.units.find((u) => u.unit === '2')?.leaders.map((l) => l.displayName)).toEqual(['周楼长']);
    expect(b2.households).toBe(36);
    expect(map.households).toBe(216);
    // a newcomer in building 2 now reaches them
    await newcomer('grid-applicant');
    const applied = await user.ok('grid-applicant', 'requestBinding', { name: '新邻居', buildingId: 'demo-b2', unit: '1', room: '601' });
    expect((await user.ok('grid-new', 'listPendingBindings', {})).items.map((i) => i.bindingId)).toContain(applied.bindingId);
    const audit = (await db.collection('audit_logs').where({ action: 'user.assignGrid', target: `users/${userId}` }).get()).data;
    expect(audit).toHaveLength(1);

    // taking the role away takes the buildings away
    await user.ok('demo-branch', 'setRoles', { userId, roles: ['resident'] });
    expect((await db.collection('buildings').doc('demo-b2').get()).data.gridUserIds).not.toContain(userId);
  });
});

describe('the grid: pending bindings follow their building', () => {
  it('a binding filed before the building changes hands reaches the new 楼栋长, and leaves one who loses the role', async () => {
    await newcomer('follow-grid');
    const { bindingId } = await user.ok('follow-grid', 'requestBinding', { name: '赵楼长', buildingId: 'demo-b3', unit: '1', room: '301' });
    await user.ok('demo-branch', 'verifyBinding', { bindingId });
    const { userId } = await user.ok('follow-grid', 'login', {});
    await user.ok('demo-branch', 'setRoles', { userId, roles: ['resident', 'grid'] });
    // filed while building 5 has another 楼栋长
    await newcomer('follow-applicant');
    const applied = await user.ok('follow-applicant', 'requestBinding', { name: '孙邻居', phone: '13900001111', buildingId: 'demo-b5', unit: '2', room: '401' });
    expect((await user.ok('follow-grid', 'listPendingBindings', {})).items.map((i) => i.bindingId)).not.toContain(applied.bindingId);
    expect(await user.call('follow-grid', 'rejectBinding', { bindingId: applied.bindingId, reason: '测试' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    await user.ok('demo-branch', 'assignGrid', { userId, buildingIds: ['demo-b5'] });
    const queue = (await user.ok('follow-grid', 'listPendingBindings', {})).items;
    expect(queue.find((i) => i.bindingId === applied.bindingId)).toMatchObject({ displayName: '孙邻居', phone: '13900001111', buildingId: 'demo-b5', room: '401' });
    // the applicant corrects their name and phone while waiting: the 楼栋长 sees them as they are now
    await user.ok('follow-applicant', 'updateProfile', { displayName: '孙新邻', phone: '13900002222' });
    expect((await user.ok('follow-grid', 'listPendingBindings', {})).items.find((i) => i.bindingId === applied.bindingId)).toMatchObject({ displayName: '孙新邻', phone: '13900002222' });

    // the role taken away: the binding is no longer theirs to see or review
    await user.ok('demo-branch', 'setRoles', { userId, roles: ['resident'] });
    await user.ok('demo-branch', 'setRoles', { userId, roles: ['resident', 'grid'] });
    expect((await user.ok('follow-grid', 'listPendingBindings', {})).items.map((i) => i.bindingId)).not.toContain(applied.bindingId);
    expect(await user.call('follow-grid', 'verifyBinding', { bindingId: applied.bindingId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // given the building again, then moved to another: it follows each time
    await user.ok('demo-branch', 'assignGrid', { userId, buildingIds: ['demo-b5'] });
    expect((await user.ok('follow-grid', 'listPendingBindings', {})).items.map((i) => i.bindingId)).toContain(applied.bindingId);
    await user.ok('demo-branch', 'assignGrid', { userId, buildingIds: ['demo-b6'] });
    expect((await user.ok('follow-grid', 'listPendingBindings', {})).items.map((i) => i.bindingId)).not.toContain(applied.bindingId);
    expect(await user.call('follow-grid', 'verifyBinding', { bindingId: applied.bindingId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await user.ok('demo-branch', 'assignGrid', { userId, buildingIds: ['demo-b5'] });
    expect(await user.ok('follow-grid', 'verifyBinding', { bindingId: applied.bindingId })).toMatchObject({ state: 'verified' });
    expect((await user.ok('follow-applicant', 'login', {})).roles).toEqual(['resident']);
  });
});

describe('房屋认证: database requests per action (write ≤ 3, list ≤ 2)', () => {
  type Answer = { bindingId: string; state: string; items: Array<{ bindingId: string; displayName: string; phone: string | null }> };
  const call = async (openid: string, action: string, data: Record<string, unknown>) => {
    const r = await invoke<Answer>(env, 'user', { action, data }, openid);
    if (!r.body.ok) throw new Error(`${action}: ${r.body.code} ${r.body.message}`);
    return { ...r.body.data, db: r.dbRequests };
  };

  it('file 3, list 2 (grid and branch), verify 5 (named exception), reject 4 (named exception)', async () => {
    await newcomer('budget-1');
    await newcomer('budget-2');
    // the caller with the room and its building in one request; the binding; the applicant's record
    const a = await call('budget-1', 'requestBinding', { name: '预算甲', buildingId: 'demo-b1', unit: '2', room: '601' });
    expect(a).toMatchObject({ state: 'pending', db: 3 });
    const b = await call('budget-2', 'requestBinding', { name: '预算乙', phone: '13900003333', buildingId: 'demo-b1', unit: '2', room: '602' });
    expect(b.db).toBe(3);
    // the caller; one page of bindings that carry the name and phone (nothing read per applicant)
    const grid = await call('demo-grid', 'listPendingBindings', { limit: 50 });
    expect(grid.db).toBe(2);
    expect(grid.items.find((i) => i.bindingId === b.bindingId)).toMatchObject({ displayName: '预算乙', phone: '13900003333' });
    expect((await call('demo-branch', 'listPendingBindings', { limit: 50 })).db).toBe(2);
    // the caller with the binding; then the binding, the applicant, the household and the audit row:
    // four documents in four collections (bench: user.verifyBinding)
    expect(await call('demo-grid', 'verifyBinding', { bindingId: a.bindingId })).toMatchObject({ state: 'verified', db: 5 });
    expect((await user.ok('budget-1', 'login', {})).roles).toEqual(['resident']);
    // the binding, the applicant's record and the audit row (bench: user.rejectBinding)
    expect(await call('demo-grid', 'rejectBinding', { bindingId: b.bindingId, reason: '房号不符' })).toMatchObject({ state: 'rejected', db: 4 });
  });

  it('a binding filed before the stamps: the grid is read from the building, the name from the applicant', async () => {
    await newcomer('budget-old');
    const filed = await user.ok('budget-old', 'requestBinding', { name: '旧申请', buildingId: 'demo-b4', unit: '1', room: '601' });
    const _ = db.command;
    await db.collection('bindings').doc(filed.bindingId).update({ data: { gridUserIds: _.remove(), applicantName: _.remove(), applicantPhone: _.remove(), fromCompoundId: _.remove() } });
    const branch = await call('demo-branch', 'listPendingBindings', { limit: 50 });
    expect(branch.db).toBe(3);
    expect(branch.items.find((i) => i.bindingId === filed.bindingId)).toMatchObject({ displayName: '旧申请' });
    expect(await call('demo-grid', 'verifyBinding', { bindingId: filed.bindingId })).toMatchObject({ state: 'verified' });
    expect((await user.ok('budget-old', 'login', {})).roles).toEqual(['resident']);
  });

  it('verifying someone already of this compound (no new compound to join) is 5 as well', async () => {
    // a seeded applicant who holds the compound already: the update that keeps their roles
    expect(await call('demo-grid', 'verifyBinding', { bindingId: 'bind-u-seed-pending-802' })).toMatchObject({ state: 'verified', db: 5 });
    expect((await user.ok('seed-pending-802', 'login', {})).roles).toEqual(['resident']);
  });
});

describe('profile and separate consents', () => {
  it('refuses an over-long name and a malformed phone', async () => {
    expect(await user.call('demo-resident', 'updateProfile', { displayName: '很'.repeat(21) })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await user.call('demo-resident', 'updateProfile', { phone: '12345' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await user.call('demo-resident', 'updateProfile', { displayName: '   ' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('stores a phone but only ever answers with it masked', async () => {
    const s = await user.ok('demo-resident', 'updateProfile', { phone: '13812345678' });
    expect(s.profile.phoneMasked).toBe('138****5678');
    expect(JSON.stringify(s)).not.toContain('13812345678');
  });

  it('party membership needs its own consent; withdrawing the consent erases it', async () => {
    expect(await user.call('demo-resident', 'updateProfile', { party: { member: true, kind: 'registered', showBadge: true } })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    await user.ok('demo-resident', 'recordConsent', { kind: 'party', granted: true, version: PRIVACY_VERSION });
    let s = await user.ok('demo-resident', 'updateProfile', { party: { member: true, kind: 'registered', showBadge: false } });
    expect(s.profile).toMatchObject({ party: { member: true }, badge: false });
    s = await user.ok('demo-resident', 'updateProfile', { party: { member: true, kind: 'registered', showBadge: true } });
    expect(s.profile.badge).toBe(true);
    s = await user.ok('demo-resident', 'recordConsent', { kind: 'party', granted: false, version: PRIVACY_VERSION });
    expect(s.profile).toMatchObject({ party: null, badge: false });
    expect((await db.collection('users').where({ openid: 'demo-resident' }).get()).data[0].party).toBeNull();
  });

  it('remembers the elder-friendly mode per user', async () => {
    expect((await user.ok('demo-resident-2', 'updateProfile', { elderMode: true })).profile.elderMode).toBe(true);
    expect((await user.ok('demo-resident-2', 'login', {})).profile.elderMode).toBe(true);
  });
});

describe('personal data: export and deletion', () => {
  it('exports everything held about the caller', async () => {
    await newcomer('leaver-1');
    await user.ok('leaver-1', 'updateProfile', { displayName: '周末', phone: '13900001111' });
    await user.ok('leaver-1', 'requestBinding', { name: '周末', buildingId: 'demo-b3', unit: '1', room: '201' });
    const data = await user.ok('leaver-1', 'exportMyData', {});
    expect(data.user).toMatchObject({ openid: 'leaver-1', displayName: '周末', phone: '13900001111' });
    expect(data.parts.bindings).toHaveLength(1);
    expect(data.parts.auditTrail.map((a) => a.action)).toContain('user.recordConsent');
  });

  it('deletes personal data, keeps an anonymous tombstone, and a later login starts afresh', async () => {
    const before = await user.ok('leaver-1', 'login', {});
    expect(await user.call('leaver-1', 'deleteMyAccount', {})).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await user.ok('leaver-1', 'deleteMyAccount', { confirm: true })).toEqual({ deleted: true });
    const tomb = (await db.collection('users').doc(before.userId).get()).data;
    expect(tomb).toMatchObject({ displayName: '已注销用户', phone: null, roles: [], consents: {} });
    expect(tomb.openid).not.toBe('leaver-1');
    expect((await db.collection('bindings').where({ userId: before.userId }).count()).total).toBe(0);
    const again = await user.ok('leaver-1', 'login', {});
    expect(again.userId).not.toBe(before.userId);
    expect(again.consents.privacy).toBe(false);
  });

  it('the only branch member cannot delete their account', async () => {
    expect(await user.call('demo-branch', 'deleteMyAccount', { confirm: true })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});
