// 通知公告 through the emulator with the real SDK: audience, one read per person and per household,
// read statistics a 楼栋长 can act on, safe rich text, scheduling, and refusals that write nothing.
import { noticeContract, type NoticeContract } from '@core/notice/contract';
import type { UserContract } from '@core/user/contract';
import { handlers } from '../../cloudfunctions/notice/handlers';
import type { Ports } from '../../cloudfunctions/runtime/ports';
import { createCaller } from '../../cloudfunctions/runtime/serve';
import { client, control, freshEnv, sdk } from './helpers/cloud';

const env = freshEnv('notice');
const notice = client<NoticeContract>(env, 'notice');
const user = client<UserContract>(env, 'user');
const db: any = sdk(env).database();

const outage = (over: Record<string, unknown> = {}) => ({
  category: 'outage',
  title: '3栋明日停水通知',
  content: '<p>因管道检修，明日 9:00-17:00 停水，请提前储水。</p>',
  audience: { kind: 'buildings', buildingIds: ['demo-b3'] },
  ...over,
});

beforeAll(async () => {
  await control(env, '/seed', 'POST', { kind: 'demo' });
});

afterEach(async () => {
  await control(env, '/clock', 'POST', { reset: true });
});

describe('通知公告: audience', () => {
  it('a notice for building 3 reaches building 3 and not building 5', async () => {
    const { noticeId } = await notice.ok('demo-committee', 'publish', outage());
    const b3 = await notice.ok('demo-member', 'list', {});
    expect(b3.items.find((i) => i.noticeId === noticeId)).toMatchObject({ read: false, category: 'outage' });
    expect(b3.unread).toBeGreaterThanOrEqual(1);
    const b5 = await notice.ok('demo-committee', 'list', {});
    expect(b5.items.map((i) => i.noticeId)).not.toContain(noticeId);
    expect(await notice.call('demo-resident', 'get', { noticeId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('pins first, then newest', async () => {
    const old = await notice.ok('demo-branch', 'publish', outage({ title: '置顶：物业服务热线', pinned: true, audience: { kind: 'compound' }, category: 'other' }));
    const fresh = await notice.ok('demo-branch', 'publish', outage({ title: '最新消息', audience: { kind: 'compound' }, category: 'policy' }));
    const items = (await notice.ok('demo-resident', 'list', {})).items.map((i) => i.noticeId);
    expect(items.indexOf(old.noticeId)).toBeLessThan(items.indexOf(fresh.noticeId));
  });
});

describe('read receipts', () => {
  it('50 concurrent opens by one person count once', async () => {
    const { noticeId } = await notice.ok('demo-committee', 'publish', outage({ audience: { kind: 'compound' } }));
    const opens = await Promise.all(Array.from({ length: 50 }, () => notice.call('demo-resident-2', 'get', { noticeId })));
    expect(opens.every((o) => o.ok)).toBe(true);
    expect((await db.collection('notice_reads').where({ noticeId }).count()).total).toBe(1);
    expect((await db.collection('notices').doc(noticeId).get()).data.readCount).toBe(1);
    expect((await notice.ok('demo-resident-2', 'markRead', { noticeId })).firstRead).toBe(false);
    expect((await notice.ok('demo-resident-2', 'list', {})).items.find((i) => i.noticeId === noticeId)?.read).toBe(true);
  });

  it('a household has read a notice when any member has; the statistics match a count by hand', async () => {
    const { noticeId } = await notice.ok('demo-committee', 'publish', outage({ title: '1栋电梯维保', audience: { kind: 'buildings', buildingIds: ['demo-b1'] } }));
    // two people of one household, and one of another
    const household = (await db.collection('households').doc('demo-h1-1-301').get()).data;
    const [partner] = (await db.collection('users').where({ householdId: 'demo-h1-1-301', openid: db.command.neq('demo-resident') }).get()).data;
    const readers = ['demo-resident', 'demo-grid', ...(partner ? [partner.openid] : [])];
    for (const r of readers) await notice.ok(r, 'get', { noticeId });
    // the publisher (building 5) looking at the notice is not one of its readers
    await notice.ok('demo-committee', 'get', { noticeId });
    const stats = await notice.ok('demo-committee', 'readStats', { noticeId });
    // by hand: the non-vacant households of building 1, and the distinct households that read
    const all = (await db.collection('households').where({ buildingId: 'demo-b1', occupancy: db.command.neq('vacant') }).limit(1000).get()).data;
    const homesRead = new Set(['demo-h1-1-301', 'demo-h1-2-201']);
    expect(stats).toMatchObject({ readUsers: readers.length, readHouseholds: homesRead.size, totalHouseholds: all.length });
    expect(stats.byBuilding).toEqual([{ buildingId: 'demo-b1', buildingName: '1栋', read: 2, total: all.length }]);
    const unread = stats.unreadByBuilding[0].units.flatMap((u) => u.households.map((h) => h.householdId));
    expect(unread).toHaveLength(all.length - 2);
    expect(unread).not.toContain(household._id);
    expect(stats.unreadByBuilding[0].units.map((u) => u.unit)).toEqual(['1', '2']);
  });

  it('a grid worker sees the statistics of the buildings they serve only', async () => {
    const { noticeId } = await notice.ok('demo-branch', 'publish', outage({ audience: { kind: 'compound' }, category: 'policy', title: '垃圾分类新规' }));
    const mine = await notice.ok('demo-grid', 'readStats', { noticeId });
    expect(mine.byBuilding.map((b) => b.buildingId).sort()).toEqual(['demo-b1', 'demo-b4']);
    expect(await notice.call('demo-resident', 'readStats', { noticeId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const b3 = await notice.ok('demo-committee', 'publish', outage());
    expect(await notice.call('demo-grid', 'readStats', { noticeId: b3.noticeId })).toMatchObject({ ok: false });
  });
});

describe('publishing', () => {
  it('neutralises unsafe rich text', async () => {
    const { noticeId } = await notice.ok('demo-branch', 'publish', {
      ...outage({ audience: { kind: 'compound' }, category: 'policy' }),
      content: '<p onclick="steal()">通知<script>alert(1)</script><img src="https://evil.example/x.png"><img src="cloud://linli.b/notices/a.png" onerror="x()"><a href="javascript:x()">链接</a></p>',
    });
    const view = await notice.ok('demo-resident', 'get', { noticeId });
    expect(view.content).toBe('<p>通知<img><img src="cloud://linli.b/notices/a.png"><a>链接</a></p>');
  });

  it('carries a fee table for disclosures, and the property may publish only its kinds', async () => {
    const { noticeId } = await notice.ok('demo-property', 'publish', {
      ...outage({ category: 'disclosure', title: '2026年10月物业费收支公示', audience: { kind: 'compound' } }),
      feeTable: [
        { item: '物业费收入', amount: 125000, period: '2026-10' },
        { item: '保洁支出', amount: -32000.5, period: '2026-10' },
      ],
    });
    const view = await notice.ok('demo-resident', 'get', { noticeId });
    expect(view).toMatchObject({ publisherName: '物业服务中心', feeTable: [{ item: '物业费收入', amount: 125000 }, { amount: -32000.5 }] });
    expect(await notice.call('demo-property', 'publish', outage({ category: 'policy' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('refuses wrong roles and invalid data, writing nothing', async () => {
    const before = (await db.collection('notices').count()).total;
    for (const who of ['demo-resident', 'demo-member', 'demo-grid']) {
      expect(await notice.call(who, 'publish', outage())).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    const bad = [
      outage({ title: '' }),
      outage({ category: 'gossip' }),
      outage({ audience: { kind: 'buildings', buildingIds: [] } }),
      outage({ audience: { kind: 'buildings', buildingIds: ['elsewhere'] } }),
      outage({ publishAt: 'soon' }),
      outage({ content: '<script>only a script</script>' }),
      { ...outage(), feeTable: [{ item: '', amount: 1, period: '10月' }] },
      { ...outage(), extra: true },
    ];
    for (const data of bad) {
      const res = await notice.call('demo-committee', 'publish', data);
      expect(res.ok).toBe(false);
      expect(['INVALID_INPUT', 'NOT_FOUND']).toContain(res.ok ? '' : res.code);
    }
    expect(await notice.call('demo-committee', 'publish', outage({ title: '小区里有人赌博' }))).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' });
    expect((await db.collection('notices').count()).total).toBe(before);
  });

  it('a scheduled important notice appears when due and is announced once to those who asked', async () => {
    await user.ok('demo-resident', 'subscribe', { templateKeys: ['noticeImportant'] });
    await control(env, '/outbox', 'DELETE');
    const now = Date.parse((await control<{ now: string }>(env, '/clock')).now);
    const { noticeId } = await notice.ok('demo-branch', 'publish', outage({
      audience: { kind: 'compound' },
      title: '明晚全小区停电',
      important: true,
      publishAt: new Date(now + 3 * 3_600_000).toISOString(),
    }));
    expect((await notice.ok('demo-resident', 'list', {})).items.map((i) => i.noticeId)).not.toContain(noticeId);
    expect((await notice.ok('demo-branch', 'listManaged', {})).items.find((i) => i.noticeId === noticeId)).toMatchObject({ scheduled: true });
    await control(env, '/clock', 'POST', { advanceMs: 3.1 * 3_600_000 });
    expect((await notice.ok('demo-resident', 'list', {})).items.map((i) => i.noticeId)).toContain(noticeId);
    const fire = () => fetch(`${process.env.LINLI_TEST_EMULATOR_URL}/triggers/scheduler`, { method: 'POST', headers: { 'x-linli-env': env } }).then((r) => r.json());
    expect(((await fire()) as { data: { announced: number } }).data.announced).toBe(1);
    expect(((await fire()) as { data: { announced: number } }).data.announced).toBe(0);
    const sent = (await control<{ items: Array<{ params: Record<string, any> }> }>(env, '/outbox?api=subscribeMessage.send')).items;
    expect(sent.map((s) => s.params.touser)).toEqual(['demo-resident']);
  });

  it('archiving hides a notice from residents and keeps it for its publisher', async () => {
    const { noticeId } = await notice.ok('demo-committee', 'publish', outage({ audience: { kind: 'compound' }, category: 'event', title: '下午茶延期' }));
    expect(await notice.call('demo-property', 'archive', { noticeId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await notice.ok('demo-committee', 'archive', { noticeId });
    expect(await notice.call('demo-resident', 'get', { noticeId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await notice.ok('demo-committee', 'get', { noticeId })).state).toBe('archived');
    expect(await notice.call('demo-committee', 'archive', { noticeId })).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

describe('a published notice keeps every version (issue 11 item 4)', () => {
  const disclosure = (over: Record<string, unknown> = {}) => ({
    category: 'disclosure',
    title: '2026年11月物业费收支公示',
    content: '<p>现将 11 月物业费收支情况公示如下。</p>',
    audience: { kind: 'compound' },
    feeTable: [
      { item: '物业费收入', amount: 10000, period: '2026-11' },
      { item: '保洁支出', amount: -1920.5, period: '2026-11' },
    ],
    ...over,
  });

  it('changing one fee line is recorded with old and new amounts, shown as 已修改 with the original publish time, and public for a disclosure', async () => {
    const { noticeId } = await notice.ok('demo-property', 'publish', disclosure());
    const first = await notice.ok('demo-resident', 'get', { noticeId });
    expect(first).toMatchObject({ version: 1, editedAt: null, history: [] });
    await control(env, '/clock', 'POST', { advanceMs: 3_600_000 });
    await notice.ok('demo-property', 'update', {
      noticeId,
      feeTable: [
        { item: '物业费收入', amount: -800, period: '2026-11' },
        { item: '保洁支出', amount: -1920.5, period: '2026-11' },
      ],
    });
    const view = await notice.ok('demo-resident-2', 'get', { noticeId });
    expect(view.version).toBe(2);
    expect(view.publishedAt).toBe(first.publishedAt);
    expect(view.editedAt).not.toBeNull();
    expect(Date.parse(view.editedAt!) - Date.parse(first.publishedAt)).toBeGreaterThanOrEqual(3_600_000 - 60_000);
    expect(view.historyPublic).toBe(true);
    expect(view.history).toHaveLength(1);
    expect(view.history[0]).toMatchObject({ version: 2 });
    expect(view.history[0].changes).toEqual([
      { field: 'fee', label: '物业费收入（2026-11）', before: null, after: null, beforeAmount: 10000, afterAmount: -800 },
    ]);
    const versions = (await db.collection('notice_versions').where({ noticeId }).get()).data;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2]);
    // the reader of the first version hears of it in the 消息中心 (no WeChat credit spent)
    const reader = (await db.collection('users').where({ openid: 'demo-resident' }).get()).data[0]._id;
    const told = (await db.collection('inbox').where({ userId: reader, page: `packages/notice/detail/index?id=${noticeId}` }).get()).data;
    expect(told).toHaveLength(1);
    expect(told[0].title).toBe('您看过的公示已修改：2026年11月物业费收支公示');
    const trail = (await db.collection('audit_logs').where({ action: 'notice.update', target: `notices/${noticeId}` }).get()).data;
    expect(trail).toHaveLength(1);
    expect(trail[0].detail).toMatchObject({ version: 2 });
  });

  it('a reader of the earlier version sees it unread again until they open the new one', async () => {
    const { noticeId } = await notice.ok('demo-branch', 'publish', outage({ category: 'policy', title: '垃圾分类时间调整', audience: { kind: 'compound' } }));
    await notice.ok('demo-resident-2', 'get', { noticeId });
    const before = await notice.ok('demo-resident-2', 'list', {});
    expect(before.items.find((i) => i.noticeId === noticeId)?.read).toBe(true);
    await notice.ok('demo-branch', 'update', { noticeId, title: '垃圾分类投放时间调整为 7:00-9:00' });
    const after = await notice.ok('demo-resident-2', 'list', {});
    expect(after.items.find((i) => i.noticeId === noticeId)).toMatchObject({ read: false, edited: true });
    expect(after.unread).toBe(before.unread + 1);
    const view = await notice.ok('demo-resident-2', 'get', { noticeId });
    // not a disclosure: a reader sees the latest change only
    expect(view.historyPublic).toBe(false);
    expect(view.history[0].changes).toEqual([
      { field: 'title', label: '标题', before: '垃圾分类时间调整', after: '垃圾分类投放时间调整为 7:00-9:00', beforeAmount: null, afterAmount: null },
    ]);
    expect((await notice.ok('demo-resident-2', 'list', {})).items.find((i) => i.noticeId === noticeId)?.read).toBe(true);
    // still one read record for the person
    expect((await db.collection('notice_reads').where({ noticeId, userId: 'u-demo-resident-2' }).count()).total).toBe(1);
  });

  it('the publish time of a published notice cannot be moved', async () => {
    const { noticeId } = await notice.ok('demo-branch', 'publish', outage({ category: 'policy', audience: { kind: 'compound' } }));
    const res = await notice.call('demo-branch', 'update', { noticeId, publishAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});

describe('图片与附件: one checked upload path (issue 10 item 6)', () => {
  /** A file of `size` bytes starting with `head`. */
  const file = (head: number[] | string, size = 64) => {
    const start = typeof head === 'string' ? Buffer.from(head, 'latin1') : Buffer.from(head);
    return Buffer.concat([start, Buffer.alloc(Math.max(0, size - start.length), 0x20)]).toString('base64');
  };
  const JPEG = file([0xff, 0xd8, 0xff, 0xe0]);
  const PNG = file([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const WEBP = file('RIFF\x24\x00\x00\x00WEBPVP8 ');
  const PDF = file('%PDF-1.7\n');
  const uploads = async () => (await db.collection('audit_logs').where({ action: 'notice.uploadMedia' }).count()).total as number;

  it('takes JPEG, PNG and WebP images and PDF attachments into the publisher’s folder, and serves them back', async () => {
    const cases = [
      ['demo-committee', 'image/jpeg', JPEG, 'jpg'],
      ['demo-branch', 'image/png', PNG, 'png'],
      ['demo-property', 'image/webp', WEBP, 'webp'],
      ['demo-committee', 'application/pdf', PDF, 'pdf'],
    ] as const;
    const ids: string[] = [];
    for (const [who, contentType, data, ext] of cases) {
      const up = await notice.ok(who, 'uploadMedia', { contentType, data });
      expect(up.fileId).toMatch(new RegExp(`^cloud://.+/notices/u-${who}/\\d+-[\\w-]{22}\\.${ext}$`));
      const res = await fetch(up.url);
      expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(data, 'base64'))).toBe(true);
      ids.push(up.fileId);
    }
    // two uploads of the same bytes at once are two files
    const [a, b] = await Promise.all([notice.ok('demo-committee', 'uploadMedia', { contentType: 'image/png', data: PNG }), notice.ok('demo-committee', 'uploadMedia', { contentType: 'image/png', data: PNG })]);
    expect(a.fileId).not.toBe(b.fileId);
    // audited: who, what type, how big
    const trail = (await db.collection('audit_logs').where({ action: 'notice.uploadMedia', actorId: 'u-demo-committee' }).get()).data;
    expect(trail.find((t: { detail: { contentType: string } }) => t.detail.contentType === 'application/pdf')).toMatchObject({ detail: { bytes: 64 } });
    // what was uploaded is what a notice carries
    const { noticeId } = await notice.ok('demo-committee', 'publish', outage({ category: 'other', audience: { kind: 'compound' }, images: [ids[0]], attachments: [{ name: '收支明细.pdf', fileId: ids[3] }] }));
    const view = await notice.ok('demo-resident', 'get', { noticeId });
    expect(view).toMatchObject({ images: [ids[0]], attachments: [{ name: '收支明细.pdf', fileId: ids[3] }] });
  });

  it('a notice carries only its publisher’s own uploads; an edit may keep what the notice had', async () => {
    const mine = await notice.ok('demo-committee', 'uploadMedia', { contentType: 'image/png', data: PNG });
    const theirs = await notice.ok('demo-property', 'uploadMedia', { contentType: 'image/png', data: PNG });
    const count = async () => (await db.collection('notices').count()).total as number;
    const before = await count();
    for (const media of [{ images: [theirs.fileId] }, { attachments: [{ name: '别人的.pdf', fileId: theirs.fileId }] }, { images: ['cloud://linli.b/notices/a.png'] }]) {
      expect(await notice.call('demo-committee', 'publish', outage({ category: 'other', audience: { kind: 'compound' }, ...media }))).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '只能使用自己上传的图片和附件' });
    }
    expect(await count()).toBe(before);
    // the property company publishes with its own image; the committee, editing it, keeps that image and adds its own
    const { noticeId } = await notice.ok('demo-property', 'publish', outage({ category: 'outage', audience: { kind: 'compound' }, images: [theirs.fileId] }));
    // the branch, editing the property company's notice, keeps its image and adds one of its own
    const branchImage = await notice.ok('demo-branch', 'uploadMedia', { contentType: 'image/png', data: PNG });
    await notice.ok('demo-branch', 'update', { noticeId, images: [theirs.fileId, branchImage.fileId] });
    expect((await notice.ok('demo-resident', 'get', { noticeId })).images).toEqual([theirs.fileId, branchImage.fileId]);
    // but not the committee's file
    expect(await notice.call('demo-branch', 'update', { noticeId, images: [theirs.fileId, mine.fileId] })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('refuses what its bytes are not, other kinds of file and files over 700 KB, and stores nothing', async () => {
    const before = await uploads();
    const refused: Array<[string, unknown]> = [
      ['text called a PDF', { contentType: 'application/pdf', data: file('this is not a PDF at all, just text') }],
      ['a PDF called a PNG', { contentType: 'image/png', data: PDF }],
      ['a JPEG called a PDF', { contentType: 'application/pdf', data: JPEG }],
      ['a Word document', { contentType: 'application/msword', data: file([0xd0, 0xcf, 0x11, 0xe0]) }],
      ['an SVG', { contentType: 'image/svg+xml', data: file('<svg xmlns="http://www.w3.org/2000/svg"/>') }],
      ['a PNG of 701 KB', { contentType: 'image/png', data: file([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 701 * 1024) }],
      ['not base64', { contentType: 'image/png', data: '@@@@'.repeat(20) }],
      ['empty', { contentType: 'image/png', data: '' }],
    ];
    for (const [what, data] of refused) {
      const res = await notice.call('demo-committee', 'uploadMedia', data as Record<string, unknown>);
      expect({ what, res }).toMatchObject({ what, res: { ok: false, code: 'INVALID_INPUT' } });
    }
    const big = await notice.call('demo-committee', 'uploadMedia', { contentType: 'image/png', data: file([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 701 * 1024) });
    expect(big).toMatchObject({ ok: false, message: '文件太大，每个不能超过 700 KB' });
    // beyond the host's ~1 MB request body the call does not even reach the function (the platform's own limit)
    const huge = (await notice.call('demo-committee', 'uploadMedia', { contentType: 'application/pdf', data: file('%PDF-1.7\n', 2 * 1024 * 1024) })) as { ok?: boolean };
    expect(huge.ok).not.toBe(true);
    expect(await uploads()).toBe(before);
  });

  it('only the publishers upload: residents, grid workers, members and strangers are refused', async () => {
    const before = await uploads();
    for (const who of ['demo-resident', 'demo-member', 'demo-grid']) {
      expect(await notice.call(who, 'uploadMedia', { contentType: 'image/png', data: PNG })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await notice.call('visitor-notice-media', 'uploadMedia', { contentType: 'image/png', data: PNG })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await uploads()).toBe(before);
  });

  it('in-process: a refusal never reaches storage; an upload stores exactly the bytes once', async () => {
    const stored: Array<{ path: string; bytes: Buffer }> = [];
    const ports: Ports = {
      text: { check: async () => 'pass' },
      messages: { send: async () => true },
      files: { upload: async (path, bytes) => (stored.push({ path, bytes }), `cloud://test/${path}`), tempUrls: async (ids) => Object.fromEntries(ids.map((i) => [i, `https://files.test/${i}`])), download: async () => Buffer.alloc(0), remove: async () => undefined },
    };
    const caller = createCaller(noticeContract, handlers);
    const asCommittee = caller({ openid: 'demo-committee', db, ports });
    expect(await asCommittee('uploadMedia', { contentType: 'application/pdf', data: PNG })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await asCommittee('uploadMedia', { contentType: 'image/jpeg', data: file([0xff, 0xd8, 0xff], 800 * 1024) })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await caller({ openid: 'demo-resident', db, ports })('uploadMedia', { contentType: 'image/png', data: PNG })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(stored).toEqual([]);
    const ok = await asCommittee('uploadMedia', { contentType: 'application/pdf', data: PDF });
    expect(ok).toMatchObject({ ok: true, data: { fileId: expect.stringMatching(/^cloud:\/\/test\/notices\/u-demo-committee\/.+\.pdf$/), url: expect.stringMatching(/^https:/) } });
    expect(stored).toHaveLength(1);
    expect(stored[0].bytes.equals(Buffer.from(PDF, 'base64'))).toBe(true);
  });
});
