// 消息中心 (issue 11 item 11): what happened to my things reaches my inbox from the same events as
// the subscription messages — with or without subscription credits, in WeChat or in a browser.
import type { EventContract } from '@core/event/contract';
import type { NoticeContract } from '@core/notice/contract';
import type { RequestContract } from '@core/request/contract';
import type { UserContract } from '@core/user/contract';
import { client, control, freshEnv, sdk } from './helpers/cloud';

const env = freshEnv('inbox');
const user = client<UserContract>(env, 'user');
const request = client<RequestContract>(env, 'request');
const event = client<EventContract>(env, 'event');
const notice = client<NoticeContract>(env, 'notice');
const db: any = sdk(env).database();
const H = 3_600_000;
let seq = 0;

const repair = () => ({
  category: 'repair',
  content: '1栋1单元楼道灯坏了，晚上很黑',
  location: { buildingId: 'demo-b1', unit: '1' },
  urgency: 'general',
  visibility: 'private',
  idempotencyKey: `inbox-${Date.now()}-${seq++}`,
});

const outbox = async () => (await control<{ items: unknown[] }>(env, '/outbox?api=subscribeMessage.send')).items;

beforeAll(async () => {
  await control(env, '/seed', 'POST', { kind: 'demo' });
});

describe('消息中心', () => {
  it('a resident without subscription credits learns in the inbox that the report was accepted and resolved; no WeChat message is spent', async () => {
    await control(env, '/outbox', 'DELETE');
    expect((await db.collection('users').where({ openid: 'demo-resident' }).get()).data[0].subscriptions?.requestStatus ?? 0).toBe(0);
    const before = await user.ok('demo-resident', 'inbox', {});
    const { requestId } = await request.ok('demo-resident', 'create', repair());
    await request.ok('demo-grid', 'accept', { requestId, note: '明天上午来修' });
    const inbox = await user.ok('demo-resident', 'inbox', {});
    expect(inbox.unread).toBe(before.unread + 1);
    expect(inbox.items[0]).toMatchObject({
      kind: 'requestStatus',
      title: '您的反映已受理',
      page: `packages/request/detail/index?id=${requestId}`,
      read: false,
    });
    expect(inbox.items[0].body).toContain('楼道灯坏了');
    expect(inbox.items[0].body).toContain('明天上午来修');
    expect(await outbox()).toHaveLength(0);
    // nobody else sees it
    expect((await user.ok('demo-resident-2', 'inbox', {})).items.map((i) => i.entryId)).not.toContain(inbox.items[0].entryId);
    expect(await user.call('demo-resident-2', 'markInboxRead', { entryId: inbox.items[0].entryId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    // one read, then all
    const one = await user.ok('demo-resident', 'markInboxRead', { entryId: inbox.items[0].entryId });
    expect(one).toEqual({ marked: 1, unread: inbox.unread - 1 });
    expect((await user.ok('demo-resident', 'inbox', {})).items[0].read).toBe(true);
    await request.ok('demo-grid', 'start', { requestId }).catch(() => undefined);
    expect((await user.ok('demo-resident', 'markInboxRead', {})).unread).toBe(0);
  });

  it('a subscriber gets both: the WeChat message (one credit) and the inbox entry', async () => {
    await control(env, '/outbox', 'DELETE');
    await user.ok('demo-resident-2', 'subscribe', { templateKeys: ['requestStatus'] });
    const { requestId } = await request.ok('demo-resident-2', 'create', { ...repair(), location: { buildingId: 'demo-b1', unit: '1' } });
    await request.ok('demo-grid', 'accept', { requestId });
    expect(await outbox()).toHaveLength(1);
    const inbox = await user.ok('demo-resident-2', 'inbox', {});
    expect(inbox.items[0]).toMatchObject({ title: '您的反映已受理', page: `packages/request/detail/index?id=${requestId}` });
  });

  it('a cancelled event and an important notice reach the inbox of those without credits', async () => {
    const now = Date.parse((await control<{ now: string }>(env, '/clock')).now);
    const { eventId } = await event.ok('demo-committee', 'create', {
      title: '阳光下午茶',
      description: '社区活动室，茶点、聊天、健康讲座',
      startAt: new Date(now + 48 * H).toISOString(),
      endAt: new Date(now + 50 * H).toISOString(),
      signupDeadline: new Date(now + 47 * H).toISOString(),
      place: '社区活动室',
      capacity: 10,
      audience: { kind: 'all' },
      creditsHours: false,
    });
    await event.ok('demo-member', 'register', { eventId });
    await event.ok('demo-committee', 'cancelEvent', { eventId, reason: '天气原因' });
    const member = await user.ok('demo-member', 'inbox', {});
    expect(member.items[0]).toMatchObject({ kind: 'eventReminder', title: '活动取消：天气原因', page: `packages/event/detail/index?id=${eventId}` });

    const { noticeId } = await notice.ok('demo-branch', 'publish', {
      category: 'outage', title: '明日全小区停水', content: '<p>明日 9:00-17:00 停水。</p>', audience: { kind: 'compound' }, important: true,
    });
    const resident = await user.ok('demo-resident', 'inbox', {});
    expect(resident.items[0]).toMatchObject({ kind: 'noticeImportant', title: '重要通知：明日全小区停水', page: `packages/notice/detail/index?id=${noticeId}`, read: false });
  });

  it('pages newest first, is in the personal-data export and is erased with the account', async () => {
    const who = 'demo-resident-2';
    const first = await user.ok(who, 'inbox', { limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = await user.ok(who, 'inbox', { limit: 1, cursor: first.nextCursor! });
    expect(Date.parse(second.items[0].createdAt)).toBeLessThanOrEqual(Date.parse(first.items[0].createdAt));
    const exported = await user.ok(who, 'exportMyData', {});
    expect(exported.parts.inbox.length).toBeGreaterThanOrEqual(2);
    const userId = (await db.collection('users').where({ openid: who }).get()).data[0]._id;
    await user.ok(who, 'deleteMyAccount', { confirm: true });
    expect((await db.collection('inbox').where({ userId }).count()).total).toBe(0);
  });
});
