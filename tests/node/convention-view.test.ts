// convention.get reads what it shows with the caller in one request; these are the cases where the
// caller's unit does not answer alone — an owner of several units voting from another one, a proxy
// whose grantor voted in person — and the view must still say the truth.
import type { ConventionContract } from '@core/convention/contract';
import { client, control, freshEnv, invoke, sdk } from './helpers/cloud';

const env = freshEnv('convention-view');
const conv = client<ConventionContract>(env, 'convention');
const db: any = sdk(env).database();
const H = 3_600_000;
const C = 'c-view';

const stamp = () => ({ createdAt: new Date(), updatedAt: new Date() });
function person(openid: string, name: string, householdId: string | null, relation: 'owner' | 'family' | null, roles: string[] = ['resident']) {
  const room = householdId ? householdId.slice(2) : '';
  return {
    _id: `u-${openid}`, openid, compoundId: C, compoundName: '小院', displayName: name, phone: `1390000${String(openid.length).padStart(4, '0')}`, roles,
    householdId, householdRelation: relation, home: householdId ? { buildingId: 'b1', buildingName: '1栋', unit: '1', room } : null, binding: null, party: null,
    consents: {}, elderMode: false, isMinor: false, points: 0, serviceHours: 0, ...stamp(),
  };
}

// key k-a holds 101 and 102 (甲 lives in 101, 乙 — a co-owner — in 102); 丙 owns 201; 丁 lives in 301
const HOUSEHOLDS = [
  { room: '101', area: 100, ownerKey: 'k-a' },
  { room: '102', area: 90, ownerKey: 'k-a' },
  { room: '201', area: 80, ownerKey: 'k-b' },
  { room: '301', area: 70, ownerKey: 'k-c' },
  { room: '401', area: 60, ownerKey: 'k-d' },
];

async function get(openid: string, conventionId: string) {
  const res = await invoke<any>(env, 'convention', { action: 'get', data: { conventionId } }, openid);
  if (!res.body.ok) throw new Error(`get as ${openid}: ${res.body.code} ${res.body.message}`);
  return { view: res.body.data, requests: res.dbRequests };
}

let id: string;

beforeAll(async () => {
  await db.collection('compounds').add({ data: { _id: C, compoundId: C, name: '小院', address: '', district: '', street: '', community: '', ownersVoteOfficialSystem: false, settings: { slaHours: { emergency: 2, utilities: 24, general: 168, complex: 360 }, voting: { officialSystem: null, objectionDays: 3, nonVotersWithMajority: false } }, ...stamp() } });
  await db.collection('buildings').add({ data: { _id: 'b1', compoundId: C, name: '1栋', order: 1, units: ['1'], floors: 3, gridUserIds: [], ...stamp() } });
  await db.collection('households').add({
    data: HOUSEHOLDS.map((h) => ({ _id: `h-${h.room}`, compoundId: C, compoundName: '小院', buildingId: 'b1', buildingName: '1栋', unit: '1', room: h.room, area: h.area, ownerKey: h.ownerKey, occupancy: 'owner', verifiedMemberIds: [], ...stamp() })),
  });
  await db.collection('users').add({
    data: [
      person('jia', '甲业主', 'h-101', 'owner'),
      person('yi', '乙业主', 'h-102', 'owner'),
      person('bing', '丙业主', 'h-201', 'owner'),
      person('ding', '丁住户', 'h-301', 'family'),
      person('geng', '庚业主', 'h-401', 'owner'),
      person('chair', '主任', 'h-301', 'family', ['resident', 'committee']),
      person('vice', '副主任', 'h-201', 'family', ['resident', 'committee']),
    ],
  });
  ({ conventionId: id } = await conv.ok('chair', 'create', { title: '小院管理规约', kind: 'management_rules', articles: [{ title: '第一条', body: '楼道不得堆放杂物' }] }));
  const now = Date.parse((await control<{ now: string }>(env, '/clock')).now);
  await conv.ok('chair', 'openVoting', { conventionId: id, rule: 'owners_ordinary', endsAt: new Date(now + 48 * H).toISOString(), auditorIds: ['u-chair'] });
});

describe('convention.get tells each caller the truth about their vote, in one request where it can', () => {
  it('before anyone votes, an owner of one unit reads the convention and their place in the register in one request', async () => {
    const { view, requests } = await get('bing', id);
    expect(view.mine).toMatchObject({ voted: false, ballotBlocked: null, voterLabel: expect.stringContaining('201') });
    expect(view.can.vote).toBe(true);
    expect(requests).toBe(1);
    // an owner of several units may have voted from the other one: asked, one request more
    const jia = await get('jia', id);
    expect(jia.view.mine).toMatchObject({ voted: false, voterLabel: expect.stringContaining('101') });
    expect(jia.requests).toBe(2);
  });

  it('an owner of several units votes from 101; the co-owner in 102 sees that the key has voted', async () => {
    await conv.ok('jia', 'castBallot', { conventionId: id, choice: 'agree' });
    const jia = await get('jia', id);
    expect(jia.view.mine.voted).toBe(true);
    expect(jia.requests).toBe(1);
    const yi = await get('yi', id);
    expect(yi.view.mine.voted).toBe(true);
    expect(yi.view.can.vote).toBe(false);
    expect(yi.view.vote.votedHeads).toBe(1);
    // the ballot was cast from another unit of the key: one request more
    expect(yi.requests).toBeLessThanOrEqual(2);
  });

  it('a proxy holder sees that the unit voted when its owner voted in person, the proxy unused', async () => {
    const ding = (await db.collection('users').doc('u-ding').get()).data;
    await conv.ok('bing', 'grantProxy', { conventionId: id, proxyName: ding.displayName, proxyPhone: ding.phone });
    let held = await get('ding', id);
    expect(held.view.mine.proxiesHeld).toEqual([expect.objectContaining({ voted: false })]);
    const given = await get('bing', id);
    expect(given.view.mine.proxyGiven).toMatchObject({ proxyName: '丁住户', state: 'active' });
    const cast = await invoke<any>(env, 'convention', { action: 'castBallot', data: { conventionId: id, choice: 'disagree' } }, 'bing');
    expect(cast.body.ok).toBe(true);
    // the caller with the convention and their register entry, then the ballot
    expect(cast.dbRequests).toBeLessThanOrEqual(2);
    held = await get('ding', id);
    expect(held.view.mine.proxiesHeld).toEqual([expect.objectContaining({ voted: true })]);
    expect(held.requests).toBeLessThanOrEqual(2);
  });

  it('a ballot cast with a proxy: the caller with the convention and the proxy, the grantor\'s entry, the ballot, the proxy used', async () => {
    const ding = (await db.collection('users').doc('u-ding').get()).data;
    const { proxyId } = await conv.ok('geng', 'grantProxy', { conventionId: id, proxyName: ding.displayName, proxyPhone: ding.phone });
    const cast = await invoke<any>(env, 'convention', { action: 'castBallot', data: { conventionId: id, choice: 'agree', proxyId } }, 'ding');
    expect(cast.body.ok).toBe(true);
    expect(cast.dbRequests).toBeLessThanOrEqual(4);
    const held = await get('ding', id);
    expect(held.view.mine.proxiesHeld).toEqual(expect.arrayContaining([expect.objectContaining({ proxyId, voted: true })]));
    expect((await get('geng', id)).view.mine).toMatchObject({ voted: true, proxyGiven: { state: 'used' } });
  });

  it('choices stay out of every view', async () => {
    for (const who of ['jia', 'yi', 'bing', 'ding', 'geng', 'chair']) {
      const { view } = await get(who, id);
      expect(JSON.stringify(view)).not.toMatch(/agree|disagree/);
    }
  });
});

describe('opening a vote: drafters at once', () => {
  it('ten opening calls by two drafters at once open it once, with its whole register; a late one touches nothing', async () => {
    const { conventionId } = await conv.ok('chair', 'create', { title: '小院停车公约', kind: 'management_rules', articles: [{ title: '第一条', body: '车辆停入车位' }] });
    const now = Date.parse((await control<{ now: string }>(env, '/clock')).now);
    const input = { conventionId, rule: 'owners_ordinary', endsAt: new Date(now + 48 * H).toISOString(), auditorIds: ['u-chair'] };
    const replies = await Promise.all(Array.from({ length: 10 }, (_x, i) => conv.call(i % 2 ? 'vice' : 'chair', 'openVoting', input)));
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    for (const r of replies.filter((x) => !x.ok)) expect(r).toMatchObject({ code: 'CONFLICT' });
    const opened = (await db.collection('conventions').doc(conventionId).get()).data;
    const register = async () => (await db.collection('vote_register').where({ conventionId }).count()).total;
    expect(opened.phase).toBe('voting');
    expect(await register()).toBe(opened.vote.electorateHeads + 1); // key k-a's two units are two entries, one head
    const late = await conv.call('vice', 'openVoting', input);
    expect(late).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await register()).toBe(opened.vote.electorateHeads + 1);
  });
});

describe('表决规则: the city rule on owners\' e-votes, set by the branch or the committee', () => {
  const settings = (who: string) => conv.ok(who, 'votingSettings', {});

  it('everyone reads it; a resident cannot set it; bad settings are refused and change nothing', async () => {
    expect(await settings('bing')).toEqual({ jurisdiction: 'none', officialSystem: null, basis: null, objectionDays: 3, nonVotersWithMajority: false, canEdit: false });
    expect((await settings('chair')).canEdit).toBe(true);
    expect(await conv.call('bing', 'setVotingSettings', { jurisdiction: 'beijing', objectionDays: 7, nonVotersWithMajority: false })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await conv.call('chair', 'setVotingSettings', { jurisdiction: 'other', objectionDays: 7, nonVotersWithMajority: false })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('系统名称') });
    expect(await conv.call('chair', 'setVotingSettings', { jurisdiction: 'beijing', objectionDays: 0, nonVotersWithMajority: false })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await settings('bing')).toMatchObject({ jurisdiction: 'none', officialSystem: null, objectionDays: 3 });
  });

  it('in Beijing an owners\' vote opened afterwards is a consultation naming 「北京业主」App; a vote already open keeps its rule', async () => {
    const before = (await db.collection('conventions').doc(id).get()).data.vote.rule;
    const set = await conv.ok('chair', 'setVotingSettings', { jurisdiction: 'beijing', objectionDays: 5, nonVotersWithMajority: true });
    expect(set).toMatchObject({ jurisdiction: 'beijing', officialSystem: '「北京业主」App', basis: expect.stringContaining('第三十五条'), objectionDays: 5, nonVotersWithMajority: true });
    expect(await settings('bing')).toMatchObject({ officialSystem: '「北京业主」App', canEdit: false });
    const audit = (await db.collection('audit_logs').where({ action: 'convention.setVotingSettings' }).get()).data;
    expect(audit).toHaveLength(1);
    expect((await db.collection('conventions').doc(id).get()).data.vote.rule).toBe(before);

    const { conventionId } = await conv.ok('chair', 'create', { title: '小院绿化管理规约', kind: 'management_rules', articles: [{ title: '第一条', body: '不得毁坏绿地' }] });
    const now = Date.parse((await control<{ now: string }>(env, '/clock')).now);
    const opened = await conv.ok('chair', 'openVoting', { conventionId, rule: 'owners_ordinary', endsAt: new Date(now + 48 * H).toISOString(), auditorIds: ['u-chair'] });
    expect(opened).toMatchObject({ rule: 'consultation', advisory: expect.stringContaining('「北京业主」App') });
    expect((await get('bing', conventionId)).view.vote).toMatchObject({ rule: 'consultation', requestedRule: 'owners_ordinary', advisory: expect.stringContaining('「北京业主」App') });

    // a city the list does not name: the compound writes the system's name; back to none, no system
    expect(await conv.ok('chair', 'setVotingSettings', { jurisdiction: 'other', officialSystem: '某市业主决策平台', objectionDays: 5, nonVotersWithMajority: true })).toMatchObject({ officialSystem: '某市业主决策平台', basis: null });
    expect(await conv.ok('vice', 'setVotingSettings', { jurisdiction: 'none', objectionDays: 7, nonVotersWithMajority: false })).toMatchObject({ officialSystem: null });
  });
});
