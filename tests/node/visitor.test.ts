// Issue 11 item 6: a visitor — who declined consent, or is not yet verified — is promised the
// compound's public notices (DESIGN §2). They get them, without read marks they could never clear;
// where no compound can be known the answer says so instead of looking like an empty, all-read list.
import type { NoticeContract } from '@core/notice/contract';
import { PRIVACY_VERSION, type UserContract } from '@core/user/contract';
import { client, control, freshEnv, sdk } from './helpers/cloud';

const env = freshEnv('visitor');
const notice = client<NoticeContract>(env, 'notice');
const user = client<UserContract>(env, 'user');
const db: any = sdk(env).database();

let everyone = '';
let oneBuilding = '';

beforeAll(async () => {
  await control(env, '/seed', 'POST', { kind: 'demo' });
  everyone = (await notice.ok('demo-committee', 'publish', { category: 'policy', title: '小区垃圾分类新规', content: '<p>下周起执行。</p>', audience: { kind: 'compound' } })).noticeId;
  oneBuilding = (await notice.ok('demo-committee', 'publish', { category: 'outage', title: '4栋明日停水', content: '<p>9:00-17:00</p>', audience: { kind: 'buildings', buildingIds: ['demo-b4'] } })).noticeId;
});

describe('a visitor is shown what was promised, or told why not', () => {
  it('a newcomer who declined consent reads the only compound’s public notices, with no unread count', async () => {
    await user.ok('visitor-declined', 'login', {});
    await user.ok('visitor-declined', 'recordConsent', { kind: 'privacy', granted: false, version: PRIVACY_VERSION });
    const list = await notice.ok('visitor-declined', 'list', {});
    expect(list).toMatchObject({ reader: 'public', compoundName: '红湖公园城', unread: 0 });
    const ids = list.items.map((i) => i.noticeId);
    expect(ids).toContain(everyone);
    expect(ids).not.toContain(oneBuilding);
    expect((await notice.ok('visitor-declined', 'get', { noticeId: everyone })).title).toBe('小区垃圾分类新规');
    expect(await notice.call('visitor-declined', 'get', { noticeId: oneBuilding })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await db.collection('notice_reads').where({ noticeId: everyone }).count()).total).toBe(0);
  });

  it('an applicant reads the public notices of the compound applied to, with no unread count', async () => {
    await user.ok('visitor-applicant', 'login', {});
    await user.ok('visitor-applicant', 'recordConsent', { kind: 'privacy', granted: true, version: PRIVACY_VERSION });
    await user.ok('visitor-applicant', 'requestBinding', { name: '测试住户', buildingId: 'demo-b4', unit: '1', room: '101', relation: 'owner' });
    const list = await notice.ok('visitor-applicant', 'list', {});
    expect(list).toMatchObject({ reader: 'public', compoundName: '红湖公园城', unread: 0 });
    expect(list.items.map((i) => i.noticeId)).toContain(everyone);
  });

  it('a verified resident reads as a member, with read marks and the unread count', async () => {
    const list = await notice.ok('demo-resident', 'list', {});
    expect(list).toMatchObject({ reader: 'member' });
    expect(list.unread).toBeGreaterThanOrEqual(1);
  });

  it('with several compounds deployed and none chosen, the answer says there is no compound yet', async () => {
    const now = new Date();
    await db.collection('compounds').add({
      data: {
        _id: 'second', name: '第二花园', address: '成都市锦江区', district: '锦江区', street: '春熙路街道', community: '锦江社区',
        ownersVoteOfficialSystem: false, settings: { slaHours: { emergency: 2, utilities: 24, general: 168, complex: 360 } }, createdAt: now, updatedAt: now,
      },
    });
    const list = await notice.ok('visitor-declined', 'list', {});
    expect(list).toEqual({ items: [], nextCursor: null, unread: 0, reader: 'none', compoundName: null });
    expect(await notice.call('visitor-declined', 'get', { noticeId: everyone })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // the applicant still has the compound they chose
    expect((await notice.ok('visitor-applicant', 'list', {})).reader).toBe('public');
  });
});
