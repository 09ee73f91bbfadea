// 公约与表决 through the emulator with the real SDK: from draft to adoption in a small compound whose
// register we know by heart, one ballot per voter key under a burst of co-owners, refusals that write
// nothing, choices that never reach anyone but the auditors, and the scheduler closing at the end.
import type { ConventionContract } from '@core/convention/contract';
import { client, control, freshEnv, invoke, sdk } from './helpers/cloud';

async function reconcile(): Promise<number> {
  const r = await invoke<{ repaired: number }>(env, 'convention', { $job: 'reconcile' }, 'branch');
  if (!r.body.ok) throw new Error(`reconcile: ${r.body.code} ${r.body.message}`);
  return r.body.data.repaired;
}

const env = freshEnv('convention');
const conv = client<ConventionContract>(env, 'convention');
const db: any = sdk(env).database();
const H = 3_600_000;
const C = 'c-small';

const stamp = () => ({ createdAt: new Date(), updatedAt: new Date() });
function person(openid: string, name: string, householdId: string | null, relation: 'owner' | 'family' | 'tenant' | null, roles: string[] = ['resident'], compoundId = C, room = '101') {
  return {
    _id: `u-${openid}`, openid, compoundId, compoundName: '小院', displayName: name, phone: `139${String(openid.length * 1234567).padStart(8, '0').slice(0, 8)}`, roles,
    householdId, householdRelation: relation, home: householdId ? { buildingId: 'b1', buildingName: '1栋', unit: '1', room } : null, binding: null, party: null,
    consents: {}, elderMode: false, isMinor: false, points: 0, serviceHours: 0, ...stamp(),
  };
}

// the register: 4 units; one owner (key k-a) holds 101 and 102; 201 is let to a tenant; 202 is the developer's
const HOUSEHOLDS = [
  { room: '101', area: 100, ownerKey: 'k-a', occupancy: 'owner' },
  { room: '102', area: 90.25, ownerKey: 'k-a', occupancy: 'owner' },
  { room: '201', area: 80.5, ownerKey: 'k-b', occupancy: 'tenant' },
  { room: '202', area: 70, ownerKey: 'developer', occupancy: 'vacant' },
  { room: '301', area: 60, ownerKey: 'k-c', occupancy: 'owner' },
];

async function emulatorNow(): Promise<number> {
  return Date.parse((await control<{ now: string }>(env, '/clock')).now);
}

async function everything(): Promise<string> {
  const out: unknown[] = [];
  for (const coll of ['conventions', 'ballots', 'vote_proxies', 'vote_register']) out.push((await db.collection(coll).limit(1000).get()).data);
  return JSON.stringify(out);
}

beforeAll(async () => {
  await db.collection('compounds').add({ data: { _id: C, compoundId: C, name: '小院', address: '', district: '', street: '', community: '', ownersVoteOfficialSystem: false, settings: { slaHours: { emergency: 2, utilities: 24, general: 168, complex: 360 }, voting: { officialSystem: null, objectionDays: 3, nonVotersWithMajority: true } }, ...stamp() } });
  await db.collection('compounds').add({ data: { _id: 'c-other', compoundId: 'c-other', name: '别院', address: '', district: '', street: '', community: '', ownersVoteOfficialSystem: false, settings: { slaHours: { emergency: 2, utilities: 24, general: 168, complex: 360 } }, ...stamp() } });
  await db.collection('buildings').add({ data: { _id: 'b1', compoundId: C, name: '1栋', order: 1, units: ['1'], floors: 3, gridUserIds: ['u-grid'], ...stamp() } });
  await db.collection('households').add({
    data: HOUSEHOLDS.map((h) => ({ _id: `h-${h.room}`, compoundId: C, compoundName: '小院', buildingId: 'b1', buildingName: '1栋', unit: '1', room: h.room, area: h.area, ownerKey: h.ownerKey, occupancy: h.occupancy, verifiedMemberIds: [], ...stamp() })),
  });
  await db.collection('users').add({
    data: [
      person('owner-a', '甲业主', 'h-101', 'owner'),
      person('owner-b', '乙业主', null, null, []),
      person('tenant-b', '丙租户', 'h-201', 'tenant', ['resident'], C, '201'),
      person('owner-c', '丁业主', 'h-301', 'owner', ['resident'], C, '301'),
      person('family-c', '戊家属', 'h-301', 'family', ['resident'], C, '301'),
      person('chair', '主任', 'h-102', 'family', ['resident', 'committee'], C, '102'),
      person('auditor', '监票', 'h-301', 'family', ['resident'], C, '301'),
      person('grid', '楼长', 'h-201', 'family', ['resident', 'grid'], C, '201'),
      person('stranger', '外人', 'h-x', 'owner', ['resident', 'committee'], 'c-other'),
      person('branch', '支书', null, null, ['branch']),
      person('officer', '社工', null, null, ['officer']),
      person('grid2', '二楼长', 'h-201', 'family', ['resident', 'grid'], C, '201'),
      ...Array.from({ length: 200 }, (_, i) => person(`co-${i}`, `共有人${i}`, 'h-301', 'owner', ['resident'], C, '301')),
    ],
  });
});

afterEach(async () => {
  await control(env, '/clock', 'POST', { reset: true });
});

async function draft(title = '小院管理规约', kind = 'management_rules'): Promise<string> {
  const { conventionId } = await conv.ok('chair', 'create', {
    title, kind, summary: '共同维护小院秩序',
    articles: [{ title: '第一条 公共区域', body: '楼道不得堆放杂物' }, { title: '第二条 宠物', body: '遛狗请牵绳并清理粪便' }],
  });
  return conventionId;
}

async function openOwnersVote(conventionId: string, rule = 'owners_ordinary'): Promise<void> {
  const now = await emulatorNow();
  await conv.ok('chair', 'openVoting', { conventionId, rule, endsAt: new Date(now + 48 * H).toISOString(), auditorIds: ['u-auditor'] });
}

describe('公约与表决: from draft to adoption', () => {
  it('drafts, consults article by article, revises with a changelog, votes, counts exactly, posts, takes an objection, adopts and is signed', async () => {
    const id = await draft();
    // a draft is the drafters' own
    expect((await conv.call('owner-a', 'get', { conventionId: id })).ok).toBe(false);
    await conv.ok('chair', 'startConsultation', { conventionId: id });

    const { commentId } = await conv.ok('owner-a', 'comment', { conventionId: id, articleNo: 2, text: '建议写明每天清理的时间' });
    const { commentId: replyId } = await conv.ok('owner-c', 'comment', { conventionId: id, articleNo: 2, parentId: commentId, text: '同意楼上的意见' });
    expect(await conv.ok('owner-c', 'support', { commentId })).toMatchObject({ supportCount: 1 });
    expect(await conv.call('owner-c', 'support', { commentId })).toMatchObject({ ok: false, code: 'CONFLICT' });
    await conv.ok('chair', 'answerComment', { commentId, text: '已写入第二条', adopted: true });
    const thread = await conv.ok('owner-c', 'comments', { conventionId: id, articleNo: 2 });
    expect(thread.items).toHaveLength(2);
    expect(thread.items[0]).toMatchObject({ authorName: '甲**', supportCount: 1, supported: true, answer: { adopted: true } });
    expect(thread.items[1].parentId).toBe(commentId);

    // the changelog links only comments answered as adopted: the reply was not answered
    expect(await conv.call('chair', 'update', {
      conventionId: id, changelog: '采纳意见', adoptedCommentIds: [commentId, replyId], articles: [{ title: '第一条 公共区域', body: '楼道不得堆放杂物' }],
    })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('采纳') });
    const revised = await conv.ok('chair', 'update', {
      conventionId: id, changelog: '采纳意见：写明清理时间', adoptedCommentIds: [commentId],
      articles: [{ title: '第一条 公共区域', body: '楼道不得堆放杂物' }, { title: '第二条 宠物', body: '遛狗请牵绳，粪便当即清理' }, { title: '第三条 附则', body: '本规约经业主共同决定后生效' }],
    });
    expect(revised).toMatchObject({ version: 2, phase: 'revised' });
    // the changelog line links the comment it adopted, with the article it was made on
    expect((await conv.ok('owner-a', 'get', { conventionId: id })).changelog[0]).toMatchObject({ version: 2, adoptedCommentIds: [commentId], adoptedComments: [{ commentId, articleNo: 2 }] });
    const diff = await conv.ok('owner-a', 'compare', { conventionId: id, from: 1, to: 2 });
    expect(diff.changes.map((c) => c.kind)).toEqual(['same', 'changed', 'added']);
    expect((await conv.ok('owner-a', 'get', { conventionId: id, version: 1 })).articles).toHaveLength(2);

    await openOwnersVote(id);
    const view = await conv.ok('owner-a', 'get', { conventionId: id });
    // register: keys k-a (190.25 m²), k-b (80.5), developer (70), k-c (60) → 4 heads, 400.75 m²
    expect(view.vote).toMatchObject({ rule: 'owners_ordinary', electorate: 'owners', electorateHeads: 4, electorateArea: 40075, open: true, advisory: null });
    expect(view.can.vote).toBe(true);

    await conv.ok('owner-a', 'castBallot', { conventionId: id, choice: 'agree' });
    await conv.ok('owner-c', 'castBallot', { conventionId: id, choice: 'agree' });
    // the developer's unsold units vote once, on paper, entered by the auditor
    expect(await conv.ok('auditor', 'enterPaperBallots', { conventionId: id, ballots: [{ buildingId: 'b1', unit: '1', room: '202', choice: 'disagree' }] })).toEqual({ entered: 1 });

    // the running tally is the auditors' and drafters'
    expect(await conv.call('owner-a', 'tally', { conventionId: id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const live = await conv.ok('auditor', 'tally', { conventionId: id });
    expect(live.closed).toBe(false);

    await control(env, '/clock', 'POST', { advanceMs: 49 * H });
    const closed = await conv.ok('chair', 'closeVoting', { conventionId: id });
    // 3 of 4 heads (≥ 2/3), 320.25 of 400.75 m² (≥ 2/3) took part; agree 2 of 3 heads, 250.25 of 320.25 m² → passes
    expect(closed).toMatchObject({ phase: 'counted', passed: true });
    const t = await conv.ok('owner-b', 'tally', { conventionId: id }).catch(() => null);
    expect(t).toBeNull(); // owner-b has no household: not a member of the compound
    const tally = await conv.ok('tenant-b', 'tally', { conventionId: id });
    expect(tally).toMatchObject({
      rule: 'owners_ordinary', closed: true, quorumMet: true, passed: true, binding: true,
      totals: { electorateHeads: 4, electorateArea: 40075, partHeads: 3, partArea: 32025, agreeHeads: 2, agreeArea: 25025, disagreeHeads: 1, disagreeArea: 7000, abstainHeads: 0, abstainArea: 0 },
      sources: { online: { heads: 2, area: 25025 }, paper: { heads: 1, area: 7000 } },
    });
    expect(tally.criteria.every((c) => c.met)).toBe(true);
    // per building the table counts units (户): k-a's 101 and 102 are two units here and one owner in the totals; areas add up to the totals
    expect(tally.byBuilding).toEqual([{
      buildingId: 'b1', buildingName: '1栋', electorateHeads: 5, partHeads: 4, agreeHeads: 3, disagreeHeads: 1, abstainHeads: 0,
      electorateArea: 40075, partArea: 32025, agreeArea: 25025, disagreeArea: 7000, abstainArea: 0,
    }]);
    // closing answers the count it made, in the tally's shape (issue 12's minimum contract)
    expect(closed).toEqual({ ...tally, conventionId: id, phase: 'counted' });
    expect(tally.basis).toContain('第二百七十八条');
    // 从多 is a separate labelled figure
    expect(tally.nonVoters).toMatchObject({ agreeHeads: 3, label: expect.stringContaining('仅供参考') });

    const after = await conv.ok('owner-a', 'get', { conventionId: id });
    expect(after.result).toMatchObject({ passed: true, noticeId: expect.any(String) });
    const notice = (await db.collection('notices').doc(after.result!.noticeId).get()).data;
    expect(notice.title).toContain('表决结果公示');
    expect(notice.content).toContain('1栋');
    expect(notice.content).toContain('<th>应参加（户）</th>');
    expect(notice.content).toContain('<th>已参加面积（㎡）</th>');
    expect(notice.content).toContain('一位业主有多套房屋的，在合计中只计一人');

    const { objectionId } = await conv.ok('owner-c', 'object', { conventionId: id, text: '纸质票录入时间请公示' });
    expect(await conv.call('chair', 'finalize', { conventionId: id })).toMatchObject({ ok: false, code: 'CONFLICT' });
    await control(env, '/clock', 'POST', { advanceMs: (49 + 73) * H });
    expect(await conv.call('chair', 'finalize', { conventionId: id })).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('异议未答复') });
    await conv.ok('chair', 'answerObjection', { objectionId, text: '已在公告栏公示' });
    expect(await conv.ok('chair', 'finalize', { conventionId: id })).toMatchObject({ phase: 'adopted' });
    expect(await conv.ok('owner-a', 'sign', { conventionId: id })).toEqual({ signatures: 1 });
    expect(await conv.call('owner-a', 'sign', { conventionId: id })).toMatchObject({ ok: false, code: 'CONFLICT' });

    const csv = await conv.ok('auditor', 'exportRecord', { conventionId: id, format: 'csv' });
    expect(csv.rows).toBe(5);
    expect(csv.csv).toContain('纸质票');
    const xlsx = await conv.ok('auditor', 'exportRecord', { conventionId: id, format: 'xlsx' });
    expect(xlsx.fileId).toEqual(expect.any(String));
  });
});

describe('公约与表决: one ballot per voter key, refusals write nothing', () => {
  let id = '';
  beforeAll(async () => {
    id = await draft('停车管理公约', 'parking_rules');
    await openOwnersVote(id, 'owners_major');
  });

  it('200 co-owners of one unit voting at once leave exactly one ballot; the others learn their household has voted', async () => {
    const calls = await Promise.all(Array.from({ length: 200 }, (_, i) => conv.call(`co-${i}`, 'castBallot', { conventionId: id, choice: i % 2 ? 'agree' : 'disagree' })));
    expect(calls.filter((c) => c.ok)).toHaveLength(1);
    expect(calls.filter((c) => !c.ok).every((c) => !c.ok && c.code === 'CONFLICT')).toBe(true);
    const ballots = (await db.collection('ballots').where({ conventionId: id }).get()).data;
    expect(ballots).toHaveLength(1);
    const view = await conv.ok('owner-c', 'get', { conventionId: id });
    expect(view.mine).toMatchObject({ voted: true, voterLabel: '1栋1单元301' });
    expect(view.can.vote).toBe(false);
  }, 120_000);

  it('a tenant, a family member, someone of another compound, and a ballot outside the window are refused with a reason', async () => {
    const before = await everything();
    expect(await conv.call('tenant-b', 'castBallot', { conventionId: id, choice: 'agree' })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '业主表决仅限业主本人，租户可参加居民会议表决' });
    expect(await conv.call('family-c', 'castBallot', { conventionId: id, choice: 'agree' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await conv.call('stranger', 'castBallot', { conventionId: id, choice: 'agree' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await conv.call('owner-a', 'castBallot', { conventionId: id, choice: 'maybe' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    await control(env, '/clock', 'POST', { advanceMs: 49 * H });
    expect(await conv.call('owner-a', 'castBallot', { conventionId: id, choice: 'agree' })).toMatchObject({ ok: false, code: 'CONFLICT', message: '表决已截止' });
    expect(await everything()).toBe(before);
  });

  it('paper and online for the same owner are refused either way', async () => {
    const other = await draft('绿化管理规约');
    await openOwnersVote(other);
    await conv.ok('owner-a', 'castBallot', { conventionId: other, choice: 'agree' });
    // 102 belongs to the same owner key as 101: already voted online
    expect(await conv.call('auditor', 'enterPaperBallots', { conventionId: other, ballots: [{ buildingId: 'b1', unit: '1', room: '102', choice: 'disagree' }] })).toMatchObject({ ok: false, code: 'CONFLICT' });
    await conv.ok('auditor', 'enterPaperBallots', { conventionId: other, ballots: [{ buildingId: 'b1', unit: '1', room: '301', choice: 'abstain' }] });
    expect(await conv.call('owner-c', 'castBallot', { conventionId: other, choice: 'agree' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    // only auditors enter paper ballots
    expect(await conv.call('chair', 'enterPaperBallots', { conventionId: other, ballots: [{ buildingId: 'b1', unit: '1', room: '201', choice: 'agree' }] })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('paper ballots are entered inside the window only: before the start and after the end they are refused and nothing is written', async () => {
    const other = await draft('晾晒管理公约', 'other');
    const now = await emulatorNow();
    await conv.ok('chair', 'openVoting', { conventionId: other, rule: 'owners_ordinary', startsAt: new Date(now + 2 * H).toISOString(), endsAt: new Date(now + 50 * H).toISOString(), auditorIds: ['u-auditor'] });
    const paper = { conventionId: other, ballots: [{ buildingId: 'b1', unit: '1', room: '202', choice: 'agree' }] };
    expect(await conv.call('auditor', 'enterPaperBallots', paper)).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('尚未开始') });
    await control(env, '/clock', 'POST', { advanceMs: 51 * H });
    expect(await conv.call('auditor', 'enterPaperBallots', paper)).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('已截止') });
    expect((await db.collection('ballots').where({ conventionId: other }).get()).data).toEqual([]);
  });

  it('castBallot makes at most four database requests', async () => {
    const other = await draft('垃圾分类公约', 'other');
    await openOwnersVote(other);
    const r = await invoke(env, 'convention', { action: 'castBallot', data: { conventionId: other, choice: 'agree' } }, 'owner-a');
    expect(r.body.ok).toBe(true);
    expect(r.dbRequests).toBeLessThanOrEqual(4);
  });
});

describe('公约与表决: the register a vote is counted against is whole', () => {
  const registerRows = async (conventionId: string) => (await db.collection('vote_register').where({ conventionId }).limit(1000).get()).data;

  it('openVoting cut at any database request leaves no vote or a whole one, and a retry completes it', async () => {
    for (const when of ['before', 'after'] as const) {
      for (let n = 1; n <= 30; n++) {
        const { conventionId } = await conv.ok('branch', 'create', { title: `规约${when}${n}`, kind: 'other', articles: [{ title: '一', body: '二' }] });
        const endsAt = new Date((await emulatorNow()) + 48 * H).toISOString();
        const input = { conventionId, rule: 'owners_ordinary', endsAt, auditorIds: ['u-auditor'] };
        await control(env, '/faults', 'DELETE');
        await control(env, '/faults', 'POST', { functionName: 'convention', action: 'openVoting', failNth: n, when });
        const reply = await conv.call('branch', 'openVoting', input);
        const { items } = await control<{ items: Array<{ state: string }> }>(env, '/faults');
        await control(env, '/faults', 'DELETE');
        if (items[0]?.state === 'missed') break;
        const at = `request ${n} failed ${when}`;
        const phase = (await db.collection('conventions').doc(conventionId).get()).data.phase;
        // a vote that is open has its whole register: 5 units, 4 owners
        if (phase === 'voting') expect({ at, rows: (await registerRows(conventionId)).length }).toEqual({ at, rows: 5 });
        else {
          expect({ at, ok: reply.ok }).toEqual({ at, ok: false });
          await conv.ok('branch', 'openVoting', input);
        }
        expect({ at, rows: (await registerRows(conventionId)).length }).toEqual({ at, rows: 5 });
        expect(await conv.ok('auditor', 'tally', { conventionId })).toMatchObject({ totals: { electorateHeads: 4, electorateArea: 40075 } });
      }
    }
  }, 120_000);

  it('a register that does not match the electorate fixed at opening is not counted: CONFLICT, and the vote stays open', async () => {
    const id = await draft('消防通道公约', 'other');
    await openOwnersVote(id);
    await db.collection('vote_register').doc(`${id}:h-301`).remove();
    expect(await conv.call('auditor', 'tally', { conventionId: id })).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('选民名单') });
    await control(env, '/clock', 'POST', { advanceMs: 49 * H });
    expect(await conv.call('chair', 'closeVoting', { conventionId: id })).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('选民名单') });
    expect((await db.collection('conventions').doc(id).get()).data.phase).toBe('voting');
    // the scheduler does not close it either, and says it could not (not: someone else closed it)
    // (votes of earlier tests that are due close first, twenty a run)
    let run = { closed: 1, stuck: 0 };
    for (let i = 0; i < 10 && run.closed > 0; i++) {
      const job = await invoke<{ closed: number; stuck: number }>(env, 'convention', { $job: 'closeDueVotes' }, 'branch');
      if (!job.body.ok) throw new Error(job.body.message);
      run = job.body.data;
    }
    expect(run).toEqual({ closed: 0, stuck: 1 });
    expect((await db.collection('conventions').doc(id).get()).data.phase).toBe('voting');
    // put back: the other votes of this file count against whole registers
    await db.collection('conventions').doc(id).update({ data: { phase: 'withdrawn' } });
  });
});

describe('公约与表决: the 公示 is posted even when closing was cut short', () => {
  it('the reconciliation posts the 公示 of a counted vote without one, or links the one already posted, once', async () => {
    for (const posted of [false, true]) {
      const title = `停放规约${posted ? '乙' : '甲'}`;
      const id = await draft(title);
      await openOwnersVote(id);
      await conv.ok('owner-a', 'castBallot', { conventionId: id, choice: 'agree' });
      await control(env, '/clock', 'POST', { advanceMs: 49 * H });
      await conv.ok('chair', 'closeVoting', { conventionId: id });
      const c = (await db.collection('conventions').doc(id).get()).data;
      // the state closing leaves when posting failed (posted: false) or its reply was lost (posted: true)
      await db.collection('conventions').doc(id).update({ data: { 'result.noticeId': null } });
      if (!posted) await db.collection('notices').doc(c.result.noticeId).remove();
      const titled = async () => (await db.collection('notices').where({ compoundId: C, state: 'published' }).limit(1000).get()).data.filter((n: any) => n.title === `【表决结果公示】${title}`);
      expect(await titled()).toHaveLength(posted ? 1 : 0);
      expect(await reconcile()).toBeGreaterThanOrEqual(1);
      const notices = await titled();
      expect(notices).toHaveLength(1);
      expect((await conv.ok('owner-c', 'get', { conventionId: id })).result).toMatchObject({ noticeId: notices[0]._id });
      expect(notices[0].content).toContain('应参加 4');
      await reconcile();
      expect(await titled()).toHaveLength(1);
      await control(env, '/clock', 'POST', { reset: true });
    }
  });
});

describe('公约与表决: secrecy, proxies, progress and the scheduler', () => {
  it('choices reach nobody but the auditors: every action, every viewer (drafters who are not auditors too), before and after closing, and the 公示', async () => {
    const id = await draft('环境卫生公约', 'other');
    await conv.ok('chair', 'startConsultation', { conventionId: id });
    const { commentId } = await conv.ok('owner-c', 'comment', { conventionId: id, articleNo: 1, text: '楼道每周清扫一次' });
    const spare = await draft('备用公约', 'other');
    await openOwnersVote(id);
    await conv.ok('owner-a', 'castBallot', { conventionId: id, choice: 'disagree' });
    const owner = (await db.collection('users').doc('u-owner-a').get()).data;
    const now = await emulatorNow();
    // every action of the contract: the type makes a new action a compile error here until it is probed
    const probes = (objectionId: string): { [K in keyof ConventionContract]: Record<string, unknown> } => ({
      list: {}, get: { conventionId: id }, compare: { conventionId: id, from: 1, to: 1 },
      create: { title: '保密探针', kind: 'other', articles: [{ title: '一', body: '二' }] },
      update: { conventionId: id, articles: [{ title: '一', body: '二' }], changelog: '探针' },
      startConsultation: { conventionId: id }, withdraw: { conventionId: spare, reason: '探针' },
      comment: { conventionId: id, articleNo: 1, text: '探针意见' }, comments: { conventionId: id }, support: { commentId },
      answerComment: { commentId, text: '探针答复', adopted: null }, hideComment: { commentId, reason: '探针' },
      openVoting: { conventionId: id, rule: 'owners_ordinary', endsAt: new Date(now + 48 * H).toISOString(), auditorIds: ['u-auditor'] },
      castBallot: { conventionId: id, choice: 'abstain' }, grantProxy: { conventionId: id, proxyName: owner.displayName, proxyPhone: owner.phone },
      revokeProxy: { conventionId: id }, enterPaperBallots: { conventionId: id, ballots: [{ buildingId: 'b1', unit: '1', room: '202', choice: 'abstain' }] },
      ballots: { conventionId: id }, progress: { conventionId: id }, remind: { conventionId: id }, closeVoting: { conventionId: id }, tally: { conventionId: id },
      object: { conventionId: id, text: '探针异议' }, objections: { conventionId: id }, answerObjection: { objectionId, text: '探针答复' },
      finalize: { conventionId: id }, sign: { conventionId: id }, setFiling: { conventionId: id, state: 'submitted', office: '街道' },
      exportRecord: { conventionId: id, format: 'csv' },
      // the compound's settings as they are (they decide the 从多 figure later tests read)
      votingSettings: {}, setVotingSettings: { jurisdiction: 'none', objectionDays: 3, nonVotersWithMajority: true },
    });
    const viewers = ['owner-a', 'owner-c', 'tenant-b', 'family-c', 'grid', 'chair', 'branch', 'officer', 'stranger'];
    const leak = /"choice"|"disagree"|表决意见|反对/;
    const probeAll = async (objectionId: string) => {
      for (const who of viewers) {
        for (const [action, data] of Object.entries(probes(objectionId))) {
          const r = await conv.call(who, action as keyof ConventionContract, data);
          expect({ who, action, leaked: leak.test(JSON.stringify(r)) }).toEqual({ who, action, leaked: false });
        }
      }
    };
    await probeAll('none');
    // the auditor sees the choice
    expect(JSON.stringify(await conv.ok('auditor', 'ballots', { conventionId: id }))).toContain('disagree');

    await control(env, '/clock', 'POST', { advanceMs: 49 * H });
    const closed = await conv.call('chair', 'closeVoting', { conventionId: id });
    expect(closed.ok).toBe(true);
    expect(leak.test(JSON.stringify(closed))).toBe(false);
    const { objectionId } = await conv.ok('owner-c', 'object', { conventionId: id, text: '请复核' });
    await probeAll(objectionId);
    // the drafters keep the record through the auditors: a drafter who is not an auditor is refused the export
    expect(await conv.call('chair', 'exportRecord', { conventionId: id, format: 'csv' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await conv.ok('auditor', 'exportRecord', { conventionId: id, format: 'csv' })).csv).toContain('反对');
    // the 公示 names no one and no unit's choice
    const { result } = await conv.ok('owner-c', 'get', { conventionId: id });
    const notice = (await db.collection('notices').doc(result!.noticeId).get()).data;
    expect(notice.content).not.toMatch(/甲业主|1单元101|1单元102|"disagree"/);
  });

  it('progress: a grid worker sees the units not yet voted and reminds them; a resident sees participation only', async () => {
    const id = await draft('绿地养护公约', 'other');
    await openOwnersVote(id);
    await conv.ok('owner-a', 'castBallot', { conventionId: id, choice: 'disagree' });
    const grid = await conv.ok('grid', 'progress', { conventionId: id });
    expect(grid.buildings[0].notVoted).toEqual(expect.arrayContaining(['1单元201', '1单元202', '1单元301']));
    const resident = await conv.ok('tenant-b', 'progress', { conventionId: id });
    expect(resident).toMatchObject({ canSeeNotVoted: false, votedHeads: 1 });
    expect(resident.buildings[0].notVoted).toEqual([]);
    expect(resident.buildings[0].votedUnits.map((u) => u.unit)).toEqual(['1单元101', '1单元102']);
    expect(JSON.stringify(resident)).not.toContain('甲业主');
    const reminded = await conv.ok('grid', 'remind', { conventionId: id });
    expect(reminded.reminded).toBeGreaterThan(0);
  });

  it('access: the live tally for the auditors, the committee and the branch (not officers); grid workers knock only in their own buildings', async () => {
    const id = await draft('门禁管理公约', 'other');
    await openOwnersVote(id);
    await conv.ok('owner-a', 'castBallot', { conventionId: id, choice: 'agree' });
    for (const who of ['auditor', 'chair', 'branch']) expect((await conv.call(who, 'tally', { conventionId: id })).ok).toBe(true);
    expect(await conv.call('officer', 'tally', { conventionId: id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await conv.ok('officer', 'get', { conventionId: id })).can.tally).toBe(false);
    expect((await conv.ok('branch', 'get', { conventionId: id })).can.tally).toBe(true);
    // grid2 looks after no building here: participation only, and no reminders
    const other = await conv.ok('grid2', 'progress', { conventionId: id });
    expect(other).toMatchObject({ canSeeNotVoted: false });
    expect(other.buildings[0].notVoted).toEqual([]);
    expect(await conv.call('grid2', 'remind', { conventionId: id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await conv.call('grid2', 'remind', { conventionId: id, buildingId: 'b1' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // the grid worker of building 1 knocks there
    expect((await conv.ok('grid', 'progress', { conventionId: id })).buildings[0].notVoted.length).toBeGreaterThan(0);
    expect((await conv.ok('grid', 'remind', { conventionId: id, buildingId: 'b1' })).reminded).toBeGreaterThan(0);
  });

  it("access: an owners' vote's result is objected to by owners only; a residents' meeting's by its residents", async () => {
    const owners = await draft('公共收益公约', 'other');
    await openOwnersVote(owners);
    await conv.ok('owner-a', 'castBallot', { conventionId: owners, choice: 'agree' });
    const residents = await draft('邻里互助公约', 'residents_convention');
    const now = await emulatorNow();
    await conv.ok('chair', 'openVoting', { conventionId: residents, rule: 'residents_meeting', electorate: 'households', endsAt: new Date(now + 2 * H).toISOString(), auditorIds: ['u-auditor'] });
    await control(env, '/clock', 'POST', { advanceMs: 49 * H });
    await conv.ok('chair', 'closeVoting', { conventionId: owners });
    await conv.ok('chair', 'closeVoting', { conventionId: residents });
    for (const who of ['tenant-b', 'family-c']) {
      expect(await conv.call(who, 'object', { conventionId: owners, text: '有异议' })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('业主') });
      expect((await conv.ok(who, 'get', { conventionId: owners })).can.object).toBe(false);
    }
    expect((await conv.ok('owner-c', 'get', { conventionId: owners })).can.object).toBe(true);
    await conv.ok('owner-c', 'object', { conventionId: owners, text: '有异议' });
    expect((await conv.ok('tenant-b', 'get', { conventionId: residents })).can.object).toBe(true);
    await conv.ok('tenant-b', 'object', { conventionId: residents, text: '有异议' });
  });

  it('a written proxy: the holder votes for the owner once, the auditors see it, and it cannot be passed on', async () => {
    const id = await draft('电梯管理规约');
    await openOwnersVote(id);
    const owner = await db.collection('users').doc('u-owner-a').get();
    const chair = (await db.collection('users').doc('u-chair').get()).data;
    expect(owner.data.householdRelation).toBe('owner');
    const { proxyId } = await conv.ok('owner-a', 'grantProxy', { conventionId: id, proxyName: chair.displayName, proxyPhone: chair.phone });
    const held = await conv.ok('chair', 'get', { conventionId: id });
    expect(held.mine.proxiesHeld).toEqual([{ proxyId, unit: '1栋1单元101', voted: false }]);
    // the holder is not an owner: their own ballot is refused, the proxied one counts
    expect(await conv.call('chair', 'castBallot', { conventionId: id, choice: 'agree' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await conv.ok('chair', 'castBallot', { conventionId: id, choice: 'agree', proxyId });
    expect(await conv.call('chair', 'castBallot', { conventionId: id, choice: 'agree', proxyId })).toMatchObject({ ok: false, code: 'CONFLICT' });
    // someone else cannot use the proxy, and the holder cannot grant the owner's vote onwards
    expect(await conv.call('owner-c', 'castBallot', { conventionId: id, choice: 'agree', proxyId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await conv.call('chair', 'grantProxy', { conventionId: id, proxyName: '丁业主', proxyPhone: '13912345678' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const audit = await conv.ok('auditor', 'ballots', { conventionId: id });
    expect(audit.items[0]).toMatchObject({ proxyName: '主任', unit: '1栋1单元101' });
    expect(audit.proxies[0]).toMatchObject({ grantorName: '甲业主', proxyName: '主任', state: 'used' });
    // the exported record holds every proxy, revoked and unused ones too, and the vote's audit trail
    const tenant = (await db.collection('users').doc('u-tenant-b').get()).data;
    await conv.ok('owner-c', 'grantProxy', { conventionId: id, proxyName: tenant.displayName, proxyPhone: tenant.phone });
    await conv.ok('owner-c', 'revokeProxy', { conventionId: id });
    const record = await conv.ok('auditor', 'exportRecord', { conventionId: id, format: 'csv' });
    expect(record.rows).toBe(5);
    expect(record.csv).toMatch(/委托书[\s\S]*1栋1单元101,甲业主,主任,已使用[\s\S]*1栋1单元301,丁业主,丙租户,已撤销/);
    expect(record.csv).toMatch(/操作记录[\s\S]*发起表决[\s\S]*书面委托[\s\S]*撤销委托/);
  });

  it('代办: a grid worker records the paper ballot of an owner without a phone; marked on the ballot and in the audit log, the owner told without the choice', async () => {
    const id = await draft('楼道照明公约', 'other');
    await openOwnersVote(id);
    const consentNote = '本人当面口头同意，由楼长代为录入';
    const paper = (room: string, userId: string) => ({ conventionId: id, ballots: [{ buildingId: 'b1', unit: '1', room, choice: 'disagree' }], onBehalfOf: { userId, consentNote } });
    const before = await everything();
    // only grid workers and the branch act for a resident; only for an owner in an owners' vote; only for their own unit
    expect(await conv.call('chair', 'enterPaperBallots', paper('301', 'u-owner-c'))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await conv.call('grid', 'enterPaperBallots', paper('201', 'u-tenant-b'))).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '业主表决仅限业主本人，租户可参加居民会议表决' });
    expect(await conv.call('grid', 'enterPaperBallots', paper('202', 'u-owner-c'))).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await everything()).toBe(before);

    expect(await conv.ok('grid', 'enterPaperBallots', paper('301', 'u-owner-c'))).toEqual({ entered: 1 });
    const [ballot] = (await db.collection('ballots').where({ conventionId: id }).get()).data;
    expect(ballot).toMatchObject({ source: 'paper', castBy: 'u-owner-c', unit: '1栋1单元301', actedBy: { userId: 'u-grid', name: '楼长', consentNote } });
    expect((await conv.ok('owner-c', 'get', { conventionId: id })).mine.voted).toBe(true);
    // a second entry for the household is refused
    expect(await conv.call('grid', 'enterPaperBallots', paper('301', 'u-owner-c'))).toMatchObject({ ok: false, code: 'CONFLICT' });

    const logs = (await db.collection('audit_logs').where({ compoundId: C, target: `conventions/${id}` }).get()).data;
    const acted = logs.find((l: any) => l.detail?.proxy === '代办');
    expect(acted).toMatchObject({ actorId: 'u-grid', detail: { actingFor: 'u-owner-c', consentNote } });
    expect(JSON.stringify(acted)).not.toMatch(/disagree|反对/);
    const inbox = (await db.collection('inbox').where({ userId: 'u-owner-c' }).get()).data;
    const note = inbox.find((e: any) => e.title.includes('代为录入纸质票'));
    expect(note).toMatchObject({ title: '楼长已为您代为录入纸质票', page: expect.stringContaining(id) });
    expect(JSON.stringify(note)).not.toMatch(/disagree|反对|同意|弃权/);
    // the auditors see who entered it for whom; the choice stays theirs
    const audit = await conv.ok('auditor', 'ballots', { conventionId: id });
    expect(audit.items[0]).toMatchObject({ choice: 'disagree', source: 'paper', actedBy: { name: '楼长', consentNote } });
    expect(JSON.stringify(await conv.call('grid', 'ballots', { conventionId: id }))).not.toContain('disagree');
  });

  it('a residents meeting counts households, tenants included, no area; the scheduler closes it at its end', async () => {
    const id = await draft('居民公约', 'residents_convention');
    const now = await emulatorNow();
    await conv.ok('chair', 'openVoting', { conventionId: id, rule: 'residents_meeting', electorate: 'households', endsAt: new Date(now + 2 * H).toISOString(), auditorIds: ['u-auditor'] });
    const v = await conv.ok('tenant-b', 'get', { conventionId: id });
    // households lived in: 101, 102, 201, 301 (202 stands empty)
    expect(v.vote).toMatchObject({ electorate: 'households', electorateHeads: 4, electorateArea: 0 });
    await conv.ok('tenant-b', 'castBallot', { conventionId: id, choice: 'agree' });
    await conv.ok('owner-a', 'castBallot', { conventionId: id, choice: 'agree' });
    await conv.ok('chair', 'castBallot', { conventionId: id, choice: 'disagree' });
    await control(env, '/clock', 'POST', { advanceMs: 3 * H });
    await fetch(`${process.env.LINLI_TEST_EMULATOR_URL}/triggers/scheduler`, { method: 'POST', headers: { 'x-linli-env': env } });
    const t = await conv.ok('owner-c', 'tally', { conventionId: id });
    // 3 of 4 households took part (> 1/2), 2 of 3 agree (> 1/2)
    expect(t).toMatchObject({ rule: 'residents_meeting', closed: true, quorumMet: true, passed: true, totals: { electorateHeads: 4, partHeads: 3, agreeHeads: 2, electorateArea: 0 } });
    expect((await conv.ok('owner-c', 'get', { conventionId: id })).phase).toBe('counted');
  });

  it('where the city requires its official system, an owners vote runs as a consultation and says so', async () => {
    await conv.ok('chair', 'setVotingSettings', { jurisdiction: 'beijing', officialSystem: '北京业主', objectionDays: 3, nonVotersWithMajority: true });
    try {
      const id = await draft('物业选聘');
      const now = await emulatorNow();
      const r = await conv.ok('chair', 'openVoting', { conventionId: id, rule: 'owners_ordinary', endsAt: new Date(now + 5 * H).toISOString(), auditorIds: ['u-auditor'] });
      expect(r).toMatchObject({ rule: 'consultation', advisory: expect.stringContaining('北京业主') });
      expect((await conv.ok('owner-a', 'get', { conventionId: id })).vote).toMatchObject({ rule: 'consultation', requestedRule: 'owners_ordinary', advisory: expect.stringContaining('仅作征求意见') });
    } finally {
      await conv.ok('chair', 'setVotingSettings', { jurisdiction: 'none', objectionDays: 3, nonVotersWithMajority: true });
    }
  });

  it('a rule weaker than the kind takes is refused for 停车管理公约 and 管理规约, nothing written; a consultation is allowed', async () => {
    const parking = await draft('地面停车公约', 'parking_rules');
    const rules = await draft('物业管理规约', 'management_rules');
    const endsAt = new Date((await emulatorNow()) + 48 * H).toISOString();
    const before = await everything();
    expect(await conv.call('chair', 'openVoting', { conventionId: parking, rule: 'owners_ordinary', endsAt, auditorIds: ['u-auditor'] })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('四分之三') });
    expect(await conv.call('chair', 'openVoting', { conventionId: rules, rule: 'residents_meeting', electorate: 'households', endsAt, auditorIds: ['u-auditor'] })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('居民会议') });
    expect(await everything()).toBe(before);
    expect(await conv.ok('chair', 'openVoting', { conventionId: parking, rule: 'consultation', endsAt, auditorIds: ['u-auditor'] })).toMatchObject({ rule: 'consultation' });
  });

  it('only drafters draft, and odd input is INVALID_INPUT, never INTERNAL', async () => {
    expect(await conv.call('owner-a', 'create', { title: 'x', kind: 'other', articles: [{ title: 'a', body: 'b' }] })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await conv.call('chair', 'create', { title: 'x', kind: 'other', articles: [] })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await conv.call('chair', 'get', { conventionId: { $ne: 1 } })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await conv.call('chair', 'openVoting', { conventionId: 'nope', rule: 'owners_ordinary', endsAt: 'tomorrow', auditorIds: ['u-auditor'] })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});
