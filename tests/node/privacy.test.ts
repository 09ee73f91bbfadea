// Personal data across every domain (PIPL art. 45–47), field by field: a resident who reported,
// volunteered, registered, checked in and read a notice exports all of it, and after deleting the
// account no collection holds their openid, name or phone — only anonymous records the compound keeps.
import type { ConventionContract } from '@core/convention/contract';
import type { EventContract } from '@core/event/contract';
import type { VolunteerContract } from '@core/volunteer/contract';
import type { NoticeContract } from '@core/notice/contract';
import type { RequestContract } from '@core/request/contract';
import { PRIVACY_VERSION, type UserContract } from '@core/user/contract';
import { PERSONAL_DATA } from '../../cloudfunctions/runtime/privacy';
import { client, control, freshEnv, sdk } from './helpers/cloud';

const env = freshEnv('privacy');
const user = client<UserContract>(env, 'user');
const request = client<RequestContract>(env, 'request');
const event = client<EventContract>(env, 'event');
const notice = client<NoticeContract>(env, 'notice');
const convention = client<ConventionContract>(env, 'convention');
const volunteer = client<VolunteerContract>(env, 'volunteer');
const db: any = sdk(env).database();
const H = 3_600_000;

const OPENID = 'pii-person-7f3a';
const NAME = '欧阳晓测';
const PHONE = '13712345678';

async function everyCollection(): Promise<Record<string, Array<Record<string, unknown>>>> {
  const { items } = await control<{ items: Array<{ name: string; count: number }> }>(env, '/collections');
  const out: Record<string, Array<Record<string, unknown>>> = {};
  for (const { name } of items) {
    const rows: Array<Record<string, unknown>> = [];
    for (let skip = 0; ; skip += 1000) {
      const page = (await db.collection(name).skip(skip).limit(1000).get()).data;
      rows.push(...page);
      if (page.length < 1000) break;
    }
    out[name] = rows;
  }
  return out;
}

let userId = '';
let requestId = '';
let taskId = '';
let eventId = '';
let noticeId = '';
let conventionId = '';
let certificate = '';

beforeAll(async () => {
  await control(env, '/seed', 'POST', { kind: 'demo' });
  // a resident who is also a volunteer
  await user.ok(OPENID, 'login', {});
  await user.ok(OPENID, 'recordConsent', { kind: 'privacy', granted: true, version: PRIVACY_VERSION });
  await user.ok(OPENID, 'updateProfile', { displayName: NAME, phone: PHONE });
  await user.ok(OPENID, 'subscribe', { templateKeys: ['eventReminder', 'requestStatus'] });
  const { bindingId } = await user.ok(OPENID, 'requestBinding', { name: NAME, buildingId: 'demo-b1', unit: '2', room: '801', relation: 'owner' });
  await user.ok('demo-grid', 'verifyBinding', { bindingId });
  userId = (await user.ok(OPENID, 'login', {})).userId;
  await user.ok('demo-branch', 'setRoles', { userId, roles: ['resident', 'member'] });

  // 你呼我应: files one request, and takes a neighbour's help task to the end
  requestId = (
    await request.ok(OPENID, 'create', {
      category: 'repair', content: '2单元电梯按钮失灵', location: { buildingId: 'demo-b1', unit: '2' }, urgency: 'general', visibility: 'private', idempotencyKey: 'pii-key-0001',
    })
  ).requestId;
  taskId = (
    await request.ok('demo-resident', 'create', {
      category: 'help', content: '请帮忙把米扛上楼', location: { buildingId: 'demo-b1', unit: '1' }, urgency: 'general', visibility: 'private', idempotencyKey: 'pii-key-0002',
    })
  ).requestId;
  await request.ok(OPENID, 'claim', { requestId: taskId });
  await request.ok(OPENID, 'addNote', { requestId: taskId, note: '下午三点到' });
  await request.ok(OPENID, 'resolve', { requestId: taskId, note: '已送到' });

  // 活动报名: registers for an event that credits hours, and checks in
  const now = Date.parse((await control<{ now: string }>(env, '/clock')).now);
  eventId = (
    await event.ok('demo-committee', 'create', {
      title: '楼道清洁日', description: '一起打扫楼道', startAt: new Date(now + 2 * H).toISOString(), endAt: new Date(now + 4 * H).toISOString(),
      signupDeadline: new Date(now + 1 * H).toISOString(), place: '1栋', capacity: 20, audience: { kind: 'all' }, creditsHours: true,
    })
  ).eventId;
  await event.ok(OPENID, 'register', { eventId });
  await control(env, '/clock', 'POST', { advanceMs: 2 * H });
  const { code } = await event.ok('demo-committee', 'issueCheckinCode', { eventId });
  await event.ok(OPENID, 'checkin', { eventId, code });
  await control(env, '/clock', 'POST', { reset: true });

  // 通知公告: reads a notice
  noticeId = (await notice.ok('demo-committee', 'publish', { category: 'policy', title: '垃圾分类', content: '<p>下周执行</p>', audience: { kind: 'compound' } })).noticeId;
  await notice.ok(OPENID, 'get', { noticeId });

  // 公约与表决: comments on the demo 居民公约, supports a neighbour, audits a vote, votes by a proxy
  // given to them, gives their own proxy to a neighbour, objects to the result, signs the adopted text
  const { commentId } = await convention.ok('demo-resident', 'comment', { conventionId: 'demo-convention-civility', articleNo: 3, text: '建议增加夜间遛狗时间' });
  await convention.ok(OPENID, 'support', { commentId });
  await convention.ok(OPENID, 'comment', { conventionId: 'demo-convention-civility', articleNo: 2, text: '电动车充电桩请尽快安装' });
  const resident = (await user.ok('demo-resident', 'login', {})).userId;
  conventionId = (await convention.ok('demo-committee', 'create', { title: '管理规约', kind: 'management_rules', articles: [{ title: '第一条', body: '共同遵守' }] })).conventionId;
  await convention.ok('demo-committee', 'openVoting', { conventionId, rule: 'owners_ordinary', endsAt: new Date(now + 48 * H).toISOString(), auditorIds: [userId] });
  const { proxyId } = await convention.ok('demo-resident', 'grantProxy', { conventionId, proxyName: NAME, proxyPhone: PHONE });
  await convention.ok(OPENID, 'castBallot', { conventionId, choice: 'agree', proxyId });
  await convention.ok(OPENID, 'castBallot', { conventionId, choice: 'agree' });
  void resident;
  // a consultation that is closed, objected to, adopted and signed
  const consulted = (await convention.ok('demo-committee', 'create', { title: '停车意见征询', kind: 'other', articles: [{ title: '第一条', body: '夜间停车' }] })).conventionId;
  await convention.ok('demo-committee', 'openVoting', { conventionId: consulted, rule: 'consultation', endsAt: new Date(now + 2 * H).toISOString(), auditorIds: [userId] });
  await control(env, '/clock', 'POST', { advanceMs: 3 * H });
  await convention.ok('demo-committee', 'closeVoting', { conventionId: consulted });
  const { objectionId } = await convention.ok(OPENID, 'object', { conventionId: consulted, text: '统计口径请说明' });
  await convention.ok('demo-committee', 'answerObjection', { objectionId, text: '按户统计' });
  await control(env, '/clock', 'POST', { advanceMs: 8 * 24 * H });
  await convention.ok('demo-committee', 'finalize', { conventionId: consulted, outcome: 'adopted' });
  await convention.ok(OPENID, 'sign', { conventionId: consulted });
  await control(env, '/clock', 'POST', { reset: true });

  // 志愿服务: a birth year, a team joined with skills, a 楼栋长 rated, a certificate for the event's hours
  await user.ok(OPENID, 'updateProfile', { birthYear: 1980 });
  const { teamId } = await volunteer.ok('demo-committee', 'createTeam', { name: '助老队', kind: 'elderly', description: '陪伴独居老人', capacity: 0, needsApproval: false, risky: false, leaderIds: ['u-demo-member'] });
  await volunteer.ok(OPENID, 'join', { teamId, skills: ['理发'], availability: '周末' });
  await volunteer.ok(OPENID, 'rateLeader', { score: 5, comment: '很负责' });
  certificate = (await volunteer.ok(OPENID, 'certificate', {})).number;
});

describe('personal data across every domain', () => {
  it('exports what every domain holds about the person, and only their own part of shared records', async () => {
    const data = await user.ok(OPENID, 'exportMyData', {});
    expect(data.user).toMatchObject({ displayName: NAME, phone: PHONE });
    expect(data.parts.bindings).toHaveLength(1);
    expect(data.parts.myRequests.map((r) => r._id)).toEqual([requestId]);
    expect(data.parts.requestsHandled.map((r) => r._id)).toEqual([taskId]);
    // the neighbour's name and phone on the task are not the volunteer's to export
    expect(JSON.stringify(data.parts.requestsHandled)).not.toMatch(/reporter/);
    const steps = data.parts.requestSteps.find((r) => r._id === taskId)!;
    expect((steps.timeline as Array<{ actorId: string }>).every((t) => t.actorId === userId)).toBe(true);
    expect(data.parts.registrations).toHaveLength(1);
    expect(data.parts.registrations[0]).not.toHaveProperty('openid');
    expect(data.parts.serviceRecords).toHaveLength(1);
    expect(data.parts.noticeReads.map((r) => r.noticeId)).toEqual([noticeId]);
    expect(data.parts.auditTrail.length).toBeGreaterThan(0);
    expect(data.parts.conventionComments).toHaveLength(1);
    expect(data.parts.memberships).toHaveLength(1);
    expect(data.parts.memberships[0]).toMatchObject({ skills: ['理发'], availability: '周末' });
    expect(data.parts.leaderRatingsGiven).toHaveLength(1);
    expect(data.parts.certificates.map((c) => c._id)).toEqual([certificate]);
    expect(data.parts.commentSupports).toHaveLength(1);
    // the ballots they cast (their own and the one by proxy), without the choice
    expect(data.parts.ballots).toHaveLength(2);
    expect(JSON.stringify(data.parts.ballots)).not.toMatch(/agree|choice/);
    expect(data.parts.proxiesHeld).toHaveLength(1);
    expect(data.parts.objections).toHaveLength(1);
    expect(data.parts.conventionSignatures).toHaveLength(1);
    expect(data.parts.conventionAuditing.map((c) => c._id)).toContain(conventionId);
    expect(data.retained.map((r) => r.part)).toEqual(expect.arrayContaining(['myRequests', 'serviceRecords', 'auditTrail']));
  });

  it('after deleting the account no collection holds the openid, name or phone; kept records are anonymous', async () => {
    const before = await everyCollection();
    // every collection that holds the person's data declares where (a new domain cannot forget)
    const declared = new Set(PERSONAL_DATA.map((p) => p.collection));
    for (const [name, rows] of Object.entries(before)) {
      if (name === 'users' || name === 'households') continue; // the account itself, and the register's member list
      const holds = rows.some((r) => {
        const text = JSON.stringify(r);
        return text.includes(OPENID) || text.includes(NAME) || text.includes(PHONE) || text.includes(`"${userId}"`);
      });
      if (holds) expect({ collection: name, declared: declared.has(name) }).toEqual({ collection: name, declared: true });
    }

    expect(await user.ok(OPENID, 'deleteMyAccount', { confirm: true })).toEqual({ deleted: true });
    const after = await everyCollection();
    for (const [name, rows] of Object.entries(after)) {
      for (const r of rows) {
        const text = JSON.stringify(r);
        for (const secret of [OPENID, NAME, PHONE]) {
          if (text.includes(secret)) throw new Error(`${name}/${String(r._id)} still holds ${secret}: ${text.slice(0, 300)}`);
        }
      }
    }
    // what the compound keeps: the request and its figures, the task's record, the service hours, the audit trail
    const req = after.requests.find((r) => r._id === requestId)!;
    expect(req).toMatchObject({ reporterName: '已注销用户', reporterPhone: null, room: null });
    const task = after.requests.find((r) => r._id === taskId)!;
    expect(task.assigneeName).toBe('已注销用户');
    expect(after.service_records.filter((r) => r.userId === userId)).toHaveLength(1);
    expect(after.registrations.find((r) => r.eventId === eventId)).toMatchObject({ name: '已注销用户', phone: null, openid: '', home: null });
    expect(after.notice_reads.filter((r) => r.userId === userId)).toEqual([]);
    expect(after.bindings.filter((r) => r.userId === userId)).toEqual([]);
    // the vote's record stays, anonymous: ballots and the proxy keep their unit, not the person
    expect(after.ballots.filter((b) => b.castBy === userId)).toHaveLength(2);
    expect(after.vote_proxies.find((p) => p.proxyUserId === userId)).toMatchObject({ proxyName: '已注销用户' });
    expect(after.convention_objections.find((o) => o.authorId === userId)).toMatchObject({ authorName: '已注销用户' });
    expect(after.convention_signatures.filter((r) => r.userId === userId)).toEqual([]);
    expect(after.comment_supports.filter((r) => r.userId === userId)).toEqual([]);
    expect(after.team_members.filter((r) => r.userId === userId)).toEqual([]);
    expect(after.leader_ratings.filter((r) => r.raterId === userId)).toEqual([]);
    // a certificate already handed out stays checkable by its number, shown as no longer valid
    expect(after.certificates.find((c) => c._id === certificate)).toMatchObject({ name: '已注销用户', revoked: true });
    expect(await volunteer.ok('demo-resident', 'verifyCertificate', { number: certificate })).toMatchObject({ valid: false });
    expect(after.households.find((h) => h._id === 'demo-h1-2-801')?.verifiedMemberIds).not.toContain(userId);
  });
});
