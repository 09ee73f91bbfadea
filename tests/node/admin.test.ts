// 工作台 through the emulator with the real SDK: dashboards from aggregates, officers kept to their
// scope, ledgers read back from the produced CSV and XLSX (masked fields masked, formulas neutralised),
// an audit log no action can change, reports and moderation, and the 三方联席会议's decision written
// back onto the request's timeline for its reporter.
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { AdminContract } from '@core/admin/contract';
import type { RequestContract } from '@core/request/contract';
import type { UserContract } from '@core/user/contract';
import { client, control, freshEnv, invoke, sdk } from './helpers/cloud';

const env = freshEnv('admin');
const admin = client<AdminContract>(env, 'admin');
const request = client<RequestContract>(env, 'request');
const user = client<UserContract>(env, 'user');
const db: any = sdk(env).database();

let formulaRequest = '';

/** The cells of the first sheet of an XLSX file, row by row (shared or inline strings, numbers). */
function readXlsx(bytes: Uint8Array): string[][] {
  const files = unzipSync(bytes);
  const shared = files['xl/sharedStrings.xml'] ? [...strFromU8(files['xl/sharedStrings.xml']).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')) : [];
  const sheetName = Object.keys(files).find((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))!;
  const xml = strFromU8(files[sheetName]);
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map((row) =>
    [...row[1].matchAll(/<c([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((c) => {
      const attrs = c[1];
      const body = c[2] ?? '';
      if (/t="s"/.test(attrs)) return unescape(shared[Number(/<v>([\s\S]*?)<\/v>/.exec(body)?.[1])] ?? '');
      if (/t="inlineStr"/.test(attrs)) return unescape([...body.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(''));
      if (/<f>/.test(body)) return `FORMULA:${/<f>([\s\S]*?)<\/f>/.exec(body)?.[1]}`;
      return unescape(/<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? '');
    }),
  );
}

/** CSV back into rows (quoted cells, doubled quotes, CRLF). */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const t = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (quoted) {
      if (ch === '"' && t[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  return rows;
}

async function download(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  expect(res.ok).toBe(true);
  return new Uint8Array(await res.arrayBuffer());
}

beforeAll(async () => {
  await control(env, '/seed', 'POST', { kind: 'demo' });
  await db.collection('compounds').add({ data: { _id: 'other-street', compoundId: 'other-street', name: '别的街道小区', address: '', district: '', street: '别街道', community: '别社区', ownersVoteOfficialSystem: false, settings: { slaHours: { emergency: 2, utilities: 24, general: 168, complex: 360 } }, createdAt: new Date(), updatedAt: new Date() } });
  formulaRequest = (
    await request.ok('demo-resident', 'create', {
      category: 'repair', content: '=HYPERLINK("http://x.example","点我")楼道灯坏了', location: { buildingId: 'demo-b1', unit: '1' }, urgency: 'general', visibility: 'public', idempotencyKey: 'admin-key-0001',
    })
  ).requestId;
});

describe('工作台: dashboards and scope', () => {
  it('the committee sees its compound: the rates as fractions or null, open requests by age, and every section', async () => {
    const o = await admin.ok('demo-committee', 'overview', {});
    expect(o.compoundId).toBe('demo-compound');
    for (const v of Object.values(o.rates)) expect(v === null || (v >= 0 && v <= 1)).toBe(true);
    expect(o.openByAge.map((b) => b.bucket)).toEqual(['lt1d', '1to3d', '3to7d', 'gt7d']);
    expect(o.openByAge.reduce((a, b) => a + b.count, 0)).toBeGreaterThan(0);
    expect(o).toMatchObject({ volunteerHours: { hours: expect.any(String) }, attendance: { events: expect.any(Number) }, propertyOnly: false });
    expect([Array.isArray(o.voteParticipation), Array.isArray(o.noticeReach), Array.isArray(o.trend)]).toEqual([true, true, true]);
    // verified service minutes count by team; unverified, rejected and replaced ones do not
    const month = o.month;
    const rec = (id: string, extra: Record<string, unknown>) => ({
      _id: id, compoundId: 'demo-compound', userId: 'u-demo-member', volunteerName: '张卫东', teamId: 'tx', teamName: '测试队', source: 'other', refId: '', organizer: '测试队', content: '值守', place: '',
      startAt: new Date(), endAt: new Date(), hours: 1, minutes: 60, month, verifiedBy: 'u-demo-branch', verifiedAt: new Date(), rejected: null, corrects: null, createdAt: new Date(), updatedAt: new Date(), ...extra,
    });
    await db.collection('service_records').add({ data: [rec('sr-1', {}), rec('sr-2', { verifiedBy: null, verifiedAt: null }), rec('sr-3', { rejected: { reason: 'x' } }), rec('sr-4', { minutes: 90, corrects: 'sr-5' }), rec('sr-5', { minutes: 30 }),
      // corrected in a later month: replaced here all the same (as the volunteer's own hours count it)
      rec('sr-6', { minutes: 45 }), rec('sr-7', { minutes: 20, corrects: 'sr-6', month: '2099-01' })] });
    const withHours = await admin.ok('demo-committee', 'overview', {});
    expect(withHours.volunteerHours.byTeam.find((t) => t.name === '测试队')?.minutes).toBe(150);
    // a building filter narrows the figures
    const b1 = await admin.ok('demo-committee', 'overview', { buildingId: 'demo-b1' });
    expect(b1.openByAge.reduce((a, b) => a + b.count, 0)).toBeLessThanOrEqual(o.openByAge.reduce((a, b) => a + b.count, 0));
    // residents have no console
    expect(await admin.call('demo-resident', 'overview', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await admin.ok('demo-property', 'overview', {})).propertyOnly).toBe(true);
  });

  it('gives each building\'s and each category\'s three rates month by month (the trend), matching the month\'s figures', async () => {
    const o = await admin.ok('demo-committee', 'overview', {});
    expect(o.trendByBuilding.length).toBeGreaterThan(0);
    for (const trend of [o.trendByBuilding, o.trendByCategory]) {
      for (const row of trend) {
        // months in order, at most six, ending with the month asked for at the latest
        expect(row.months.map((m) => m.month)).toEqual([...row.months.map((m) => m.month)].sort());
        expect(row.months.length).toBeLessThanOrEqual(6);
        for (const m of row.months) expect(m.month <= o.month).toBe(true);
      }
    }
    // this month's column is the month's by-building figure
    for (const b of o.byBuilding) {
      const now = o.trendByBuilding.find((t) => t.key === b.key)!.months.find((m) => m.month === o.month)!;
      expect(now).toEqual({ month: o.month, total: b.total, response: b.response, resolution: b.resolution, satisfaction: b.satisfaction });
    }
    for (const c of o.byCategory) expect(o.trendByCategory.find((t) => t.key === c.key)!.label).toBe(c.label);
  });

  it('an officer sees the compounds in scope and is refused another street', async () => {
    expect((await admin.ok('demo-officer', 'compounds', {})).items.map((c) => c.compoundId)).toEqual(['demo-compound']);
    expect((await admin.ok('demo-officer', 'overview', { compoundId: 'demo-compound' })).compoundName).toBe('红湖公园城');
    expect(await admin.call('demo-officer', 'overview', { compoundId: 'other-street' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await admin.call('demo-officer', 'exportLedger', { ledger: 'requests', format: 'csv', compoundId: 'other-street' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // the branch cannot name another compound either
    expect(await admin.call('demo-branch', 'overview', { compoundId: 'other-street' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('工作台: dashboard figures are exact at scale', () => {
  it('counts 1,500 open requests by age and 1,200 registrations of 120 events exactly (database aggregates, no read caps)', async () => {
    const now = Date.now();
    const hour = 3_600_000;
    await db.collection('compounds').add({ data: { _id: 'bulk-compound', compoundId: 'bulk-compound', name: '大数据小区', address: '', district: '', street: '红湖街道', community: '', ownersVoteOfficialSystem: false, settings: { slaHours: { emergency: 2, utilities: 24, general: 168, complex: 360 } }, createdAt: new Date(), updatedAt: new Date() } });
    await db.collection('users').where({ openid: 'demo-officer' }).update({ data: { officerScope: ['demo-compound', 'bulk-compound'] } });
    const stats = { counted: 1, responded: 0, respondedOnTime: 0, respondMs: 0, resolved: 0, resolveMs: 0, rated: 0, satisfied: 0, open: 1, escalatedOpen: 0 };
    // ages: 300 under a day, 200 of 1–3 days, 100 of 3–7 days, 900 older (all of those overdue); 10 closed ones do not count
    const ages = [...Array(300).fill(2), ...Array(200).fill(30), ...Array(100).fill(100), ...Array(900).fill(400)];
    const reqs = ages.map((h, i) => ({
      _id: `bulk-r-${i}`, compoundId: 'bulk-compound', category: 'repair', content: '批量', urgency: 'general', state: 'submitted', visibility: 'private', handlers: ['property'], buildingId: null, buildingName: null,
      createdAt: new Date(now - h * hour), updatedAt: new Date(now - h * hour), dueAt: new Date(now - h * hour + 168 * hour), month: '2026-01', escalationLevel: 0, stats, moderation: 'pass', reporterId: 'bulk-reporter', idempotencyKey: `bulk-key-${i}`,
    }));
    const closed = Array.from({ length: 10 }, (_, i) => ({ ...reqs[0], _id: `bulk-c-${i}`, idempotencyKey: `bulk-closed-${i}`, state: 'closed', stats: { ...stats, open: 0 } }));
    const all = [...reqs, ...closed];
    for (let i = 0; i < all.length; i += 500) await db.collection('requests').add({ data: all.slice(i, i + 500) });
    // this month: 120 events, ten confirmed registrations each (four checked in), and two cancelled ones that do not count
    const start = new Date(now + hour);
    const month = (await admin.ok('demo-officer', 'overview', { compoundId: 'bulk-compound' })).month;
    const inMonth = new Date(`${month}-15T04:00:00.000Z`);
    const events = Array.from({ length: 120 }, (_, i) => ({ _id: `bulk-e-${i}`, compoundId: 'bulk-compound', title: `活动${i}`, startAt: inMonth, endAt: new Date(inMonth.getTime() + hour), createdAt: start, updatedAt: start }));
    await db.collection('events').add({ data: events });
    const regs = events.flatMap((e, i) => Array.from({ length: 12 }, (_, j) => ({
      _id: `bulk-g-${i}-${j}`, compoundId: 'bulk-compound', eventId: e._id, userId: `bulk-u-${j}`, openid: `bulk-o-${j}`, name: '居民', phone: null, home: null, status: j < 10 ? 'confirmed' : 'cancelled',
      queuedAt: start, checkedInAt: j < 4 ? inMonth : null, remindedAt: null, notify: false, eventTitle: e.title, eventStartAt: inMonth, eventPlace: '', createdAt: start, updatedAt: start,
    })));
    for (let i = 0; i < regs.length; i += 500) await db.collection('registrations').add({ data: regs.slice(i, i + 500) });

    const o = await admin.ok('demo-officer', 'overview', { compoundId: 'bulk-compound' });
    expect(o.openByAge).toEqual([
      { bucket: 'lt1d', label: '1 天内', count: 300, overdue: 0 },
      { bucket: '1to3d', label: '1–3 天', count: 200, overdue: 0 },
      { bucket: '3to7d', label: '3–7 天', count: 100, overdue: 0 },
      { bucket: 'gt7d', label: '7 天以上', count: 900, overdue: 900 },
    ]);
    // the longest overdue first
    expect(o.overdue).toHaveLength(20);
    expect(o.overdue.map((r) => r.dueAt)).toEqual([...o.overdue.map((r) => r.dueAt)].sort());
    expect(o.attendance).toEqual({ events: 120, registered: 1200, checkedIn: 480, rate: 0.4 });
  });
});

describe('工作台: an officer works on the compound they name', () => {
  it('an officer\'s export of another compound in scope is audited under that compound, where its branch sees it', async () => {
    await db.collection('compounds').add({ data: { _id: 'scope-b', compoundId: 'scope-b', name: '辖区乙小区', address: '', district: '', street: '红湖街道', community: '', ownersVoteOfficialSystem: false, settings: { slaHours: { emergency: 2, utilities: 24, general: 168, complex: 360 } }, createdAt: new Date(), updatedAt: new Date() } });
    await db.collection('users').where({ openid: 'demo-officer' }).update({ data: { officerScope: ['demo-compound', 'scope-b'] } });
    const job = await admin.ok('demo-officer', 'exportLedger', { ledger: 'requests', format: 'csv', compoundId: 'scope-b' });
    const inB = await admin.ok('demo-officer', 'auditLog', { compoundId: 'scope-b', action: 'admin.exportLedger' });
    expect(inB.items.map((e) => e.target)).toContain(`exports/${job.exportId}`);
    const inOwn = await admin.ok('demo-branch', 'auditLog', { action: 'admin.exportLedger' });
    expect(inOwn.items.map((e) => e.target)).not.toContain(`exports/${job.exportId}`);
    // the entry names its actor, and the log filters by them
    const officerId = inB.items.find((e) => e.target === `exports/${job.exportId}`)!.actorId!;
    expect((await admin.ok('demo-officer', 'auditLog', { compoundId: 'scope-b', actorId: officerId })).items.every((e) => e.actorId === officerId)).toBe(true);
    expect((await admin.ok('demo-officer', 'auditLog', { compoundId: 'scope-b', actorId: 'u-demo-branch' })).items).toEqual([]);
    // moderation: the queue of a compound in scope, never another street's
    expect(await admin.ok('demo-officer', 'moderationQueue', { compoundId: 'scope-b' })).toEqual({ items: [] });
    expect(await admin.call('demo-officer', 'moderationQueue', { compoundId: 'other-street' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await admin.call('demo-branch', 'moderationQueue', { compoundId: 'scope-b' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await db.collection('users').where({ openid: 'demo-officer' }).update({ data: { officerScope: ['demo-compound'] } });
  });

  it('meetings are the officer\'s own compound\'s; an officer appointed above every compound is told so', async () => {
    await db.collection('users').add({ data: { _id: 'u-street-officer', openid: 'street-officer', displayName: '钱街道', roles: ['officer'], officerScope: ['demo-compound'], compoundId: null, householdId: null, consents: {}, createdAt: new Date(), updatedAt: new Date() } });
    const refused = await admin.call('street-officer', 'meetings', {});
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('所属小区') });
    // the dashboard of a compound in scope still opens
    expect((await admin.ok('street-officer', 'overview', { compoundId: 'demo-compound' })).compoundId).toBe('demo-compound');
  });
});

describe('工作台: ledgers read back', () => {
  it('the requests ledger as CSV: every row, phones masked for the committee, formulas neutralised, the export audited', async () => {
    const job = await admin.ok('demo-committee', 'exportLedger', { ledger: 'requests', format: 'csv' });
    expect(job).toMatchObject({ status: 'ready', fileUrl: expect.any(String), expiresAt: expect.any(String) });
    const rows = readCsv(new TextDecoder().decode(await download(job.fileUrl!)));
    const stored = (await db.collection('requests').where({ compoundId: 'demo-compound' }).limit(1000).get()).data;
    expect(rows.length - 1).toBe(stored.length);
    expect(rows[0]).toContain('电话');
    const phoneCol = rows[0].indexOf('电话');
    expect(rows.slice(1).every((r) => r[phoneCol] === '' || /^\d{3}\*{4}\d{4}$/.test(r[phoneCol]))).toBe(true);
    const formula = rows.find((r) => r[0] === formulaRequest)!;
    expect(formula[3].startsWith("'=HYPERLINK")).toBe(true);
    expect(await admin.ok('demo-committee', 'exportStatus', { exportId: job.exportId })).toMatchObject({ status: 'ready', rows: stored.length });
    const log = await admin.ok('demo-branch', 'auditLog', { action: 'admin.exportLedger' });
    expect(log.items.some((e) => e.target === `exports/${job.exportId}`)).toBe(true);
  });

  it('the requests ledger as XLSX parses back: same rows, formula text stays text', async () => {
    const job = await admin.ok('demo-branch', 'exportLedger', { ledger: 'requests', format: 'xlsx', buildingId: 'demo-b1' });
    const rows = readXlsx(await download(job.fileUrl!));
    const stored = (await db.collection('requests').where({ compoundId: 'demo-compound', buildingId: 'demo-b1' }).limit(1000).get()).data;
    expect(rows.length - 1).toBe(stored.length);
    expect(rows.flat().some((c) => c.startsWith('FORMULA:'))).toBe(false);
    const formula = rows.find((r) => r[0] === formulaRequest)!;
    expect(formula[3].startsWith("'=HYPERLINK")).toBe(true);
    // the branch calls people: whole phone numbers
    const phoneCol = rows[0].indexOf('电话');
    expect(rows.slice(1).some((r) => /^1\d{10}$/.test(r[phoneCol]))).toBe(true);
  });

  it('every ledger exports', async () => {
    for (const ledger of ['service_records', 'registrations', 'ballots', 'notices', 'audit'] as const) {
      const job = await admin.ok('demo-committee', 'exportLedger', { ledger, format: 'xlsx' });
      expect(job.status).toBe('ready');
      expect(readXlsx(await download(job.fileUrl!)).length).toBe((job.rows ?? 0) + 1);
    }
  });

  it('the building filter applies to every ledger whose rows have a building, and is refused where they have none', async () => {
    const at = new Date('2019-05-01T02:00:00.000Z');
    const period = { from: '2019-01-01T00:00:00.000Z', to: '2020-01-01T00:00:00.000Z' };
    const reg = (id: string, buildingId: string) => ({
      _id: id, compoundId: 'demo-compound', eventId: 'old-event', userId: `u-${id}`, openid: `o-${id}`, name: id, phone: null, home: buildingId, buildingId, status: 'confirmed', queuedAt: at, checkedInAt: null, remindedAt: null,
      notify: false, eventTitle: '旧活动', eventStartAt: at, eventPlace: '', createdAt: at, updatedAt: at,
    });
    await db.collection('registrations').add({ data: [reg('reg-b1', 'demo-b1'), reg('reg-b2', 'demo-b2')] });
    const notice = (id: string, audience: Record<string, unknown>) => ({
      _id: id, compoundId: 'demo-compound', title: id, content: '', category: 'general', publisherId: 'u-demo-committee', publisherName: '业委会', publishAt: at, state: 'archived', audience, readCount: 0, moderation: 'pass', createdAt: at, updatedAt: at,
    });
    await db.collection('notices').add({ data: [notice('n-all', { kind: 'compound' }), notice('n-b1', { kind: 'buildings', buildingIds: ['demo-b1'] }), notice('n-b2', { kind: 'buildings', buildingIds: ['demo-b2'] })] });
    const csvOf = async (ledger: string, buildingId: string) => {
      const job = await admin.ok('demo-branch', 'exportLedger', { ledger: ledger as 'requests', format: 'csv', buildingId, ...period });
      return readCsv(new TextDecoder().decode(await download(job.fileUrl!)));
    };
    const regs = await csvOf('registrations', 'demo-b1');
    expect(regs.slice(1).map((r) => r[3])).toEqual(['reg-b1']);
    const notices = await csvOf('notices', 'demo-b1');
    expect(notices.slice(1).map((r) => r[0]).sort()).toEqual(['n-all', 'n-b1']);
    // ballots: each vote's participation in that building (the result stays the compound's)
    const ballots = await csvOf('ballots', 'demo-b1');
    expect(ballots[0]).toContain('楼栋应参加');
    for (const name of ['service_records', 'audit'] as const) {
      expect(await admin.call('demo-branch', 'exportLedger', { ledger: name, format: 'csv', buildingId: 'demo-b1' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    }
  });

  it('a long export answers running at once; its file is built in the background with growing progress, then parses back', async () => {
    // 2,500 verified service records in 2021, a period of their own
    const base = Date.parse('2021-03-01T00:00:00.000Z');
    const recs = Array.from({ length: 2500 }, (_, i) => ({
      _id: `bulk-${String(i).padStart(4, '0')}`, compoundId: 'demo-compound', userId: 'u-demo-member', volunteerName: '张卫东', teamId: 'tx', teamName: '测试队', source: 'other', refId: '', organizer: '测试队',
      content: `值守 ${i}`, place: '', startAt: new Date(base + i * 60_000), endAt: new Date(base + i * 60_000 + 3_600_000), hours: 1, minutes: 60, month: '2021-03', verifiedBy: 'u-demo-branch', verifiedAt: new Date(base),
      rejected: null, corrects: null, createdAt: new Date(base), updatedAt: new Date(base),
    }));
    for (let i = 0; i < recs.length; i += 500) await db.collection('service_records').add({ data: recs.slice(i, i + 500) });
    const period = { from: '2021-01-01T00:00:00.000Z', to: '2022-01-01T00:00:00.000Z' };
    // every database request of the admin function a little slower, so the progress can be watched
    await control(env, '/faults', 'POST', { functionName: 'admin', delayMs: 15 });
    const seen: Array<{ status: string; rowsDone: number }> = [];
    let job;
    try {
      job = await admin.ok('demo-committee', 'exportLedger', { ledger: 'service_records', format: 'csv', ...period });
      expect(job).toMatchObject({ status: 'running', rows: 2500 });
      expect(job.fileUrl).toBeUndefined();
      let written = false;
      for (let i = 0; i < 600 && job.status === 'running'; i++) {
        await new Promise((r) => setTimeout(r, 25));
        job = await admin.ok('demo-committee', 'exportStatus', { exportId: job.exportId });
        seen.push({ status: job.status, rowsDone: job.rowsDone ?? 0 });
        if (!written && job.status === 'running' && (job.rowsDone ?? 0) > 0) {
          // meanwhile 300 services of that period are logged late: they sort among the ones already
          // read, and must neither shift the chunks still to come nor join an export begun before them
          written = true;
          const late = Array.from({ length: 300 }, (_, k) => ({ ...recs[k * 8], _id: `late-${k}`, startAt: new Date(base + (k * 8 + 0.5) * 60_000), createdAt: new Date(), updatedAt: new Date() }));
          await db.collection('service_records').add({ data: late });
        }
      }
      expect(written).toBe(true);
    } finally {
      await control(env, '/faults', 'DELETE');
    }
    expect(job).toMatchObject({ status: 'ready', rows: 2500, rowsDone: 2500, fileUrl: expect.any(String), expiresAt: expect.any(String) });
    const progress = seen.filter((s) => s.status === 'running').map((s) => s.rowsDone);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.some((n) => n > 0 && n < 2500)).toBe(true);
    const rows = readCsv(new TextDecoder().decode(await download(job.fileUrl!)));
    expect(rows.length - 1).toBe(2500);
    // every record once, newest first, each chunk in its place
    expect(rows.slice(1).map((r) => r[0])).toEqual(recs.map((r) => r._id).reverse());
    // the admin function keeps the platform's default timeout
    expect(JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../cloudfunctions/admin/config.json'), 'utf8')).timeout ?? 3).toBeLessThanOrEqual(3);
  });

  it('an export that died past its deadline is reported failed with a message', async () => {
    const committee = (await user.ok('demo-committee', 'login', {})).userId;
    const past = new Date(Date.now() - 3_600_000);
    const { _id } = await db.collection('exports').add({
      data: {
        compoundId: 'demo-compound', requestedBy: committee, ledger: 'requests', format: 'csv', filter: { from: null, to: null, buildingId: null }, status: 'running', rows: 30000, rowsDone: 1000,
        parts: [], whole: false, deadlineAt: past, fileId: null, filename: null, expiresAt: null, message: null, createdAt: past, updatedAt: past,
      },
    });
    expect(await admin.ok('demo-committee', 'exportStatus', { exportId: _id })).toMatchObject({ status: 'failed', message: expect.stringContaining('超时') });
    expect((await db.collection('exports').doc(_id).get()).data).toMatchObject({ status: 'failed' });
  });

  it('the scheduled sweep deletes an expired export\'s file and marks it expired; a client cannot start an export task', async () => {
    const job = await admin.ok('demo-committee', 'exportLedger', { ledger: 'notices', format: 'csv' });
    expect(job.status).toBe('ready');
    await download(job.fileUrl!);
    await db.collection('exports').doc(job.exportId).update({ data: { expiresAt: new Date(Date.now() - 60_000) } });
    expect((await invoke(env, 'admin', { $job: 'exports' }, 'demo-branch')).body).toMatchObject({ ok: true, data: { exportsExpired: 1 } });
    expect((await db.collection('exports').doc(job.exportId).get()).data).toMatchObject({ status: 'expired', fileId: null });
    expect((await fetch(job.fileUrl!)).ok).toBe(false);
    expect(await admin.ok('demo-committee', 'exportStatus', { exportId: job.exportId })).toMatchObject({ status: 'failed', message: expect.stringContaining('过期') });
    // tasks come from the function itself, never from the mini program
    expect((await invoke(env, 'admin', { $task: 'exportChunk', args: { exportId: job.exportId } }, 'demo-committee')).body).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('no action can change or delete an audit entry: the functions only ever append to audit_logs', () => {
    const root = path.resolve(__dirname, '../../cloudfunctions');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const f of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, f.name);
        if (f.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) {
          const text = fs.readFileSync(p, 'utf8');
          if (/['"]audit_logs['"]\s*\)?\s*(?:\.(?:doc|where)\([^)]*\))?\s*\.(?:update|set|remove)\(/.test(text) || /(?:updateWhere|updateById|removeWhere)\([^,]+,\s*['"]audit_logs['"]/.test(text)) offenders.push(path.relative(root, p));
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});

describe('工作台: reports, moderation and the 三方联席会议', () => {
  it('one report per person; hiding takes it off the public board and tells the author', async () => {
    expect(await admin.ok('demo-resident-2', 'report', { kind: 'request', refId: formulaRequest, reason: '含可疑链接' })).toEqual({ reported: true });
    expect(await admin.call('demo-resident-2', 'report', { kind: 'request', refId: formulaRequest, reason: '再举报' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await admin.call('demo-resident', 'report', { kind: 'request', refId: formulaRequest, reason: '自己' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    const queue = await admin.ok('demo-committee', 'moderationQueue', {});
    expect(queue.items.find((i) => i.refId === formulaRequest)).toMatchObject({ reports: 1, reasons: ['含可疑链接'] });
    expect(await admin.call('demo-resident-2', 'moderationQueue', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await admin.ok('demo-committee', 'moderate', { kind: 'request', refId: formulaRequest, decision: 'hide', reason: '含外部链接' });
    const board = await request.ok('demo-resident-2', 'listPublic', {});
    expect(board.items.some((i) => i.requestId === formulaRequest)).toBe(false);
    const inbox = await user.ok('demo-resident', 'inbox', {});
    expect(inbox.items[0]).toMatchObject({ kind: 'moderation', title: expect.stringContaining('已被隐藏') });
    expect((await admin.ok('demo-committee', 'moderationQueue', {})).items.some((i) => i.refId === formulaRequest && i.reports > 0)).toBe(false);
  });

  it('hidden content has its own state: it leaves the queue for good and stays hidden, even after its publisher edits it', async () => {
    // a request the content check held: in the queue until decided
    const { requestId } = await request.ok('demo-resident-2', 'create', {
      category: 'sanitation', content: '楼下垃圾堆放多日无人清理', location: { buildingId: 'demo-b2', unit: '1' }, urgency: 'general', visibility: 'public', idempotencyKey: 'admin-key-hide-1',
    });
    await db.collection('requests').doc(requestId).update({ data: { moderation: 'review' } });
    expect((await admin.ok('demo-committee', 'moderationQueue', {})).items.find((i) => i.refId === requestId)).toMatchObject({ held: true });
    await admin.ok('demo-committee', 'moderate', { kind: 'request', refId: requestId, decision: 'hide', reason: '含不实信息' });
    expect((await db.collection('requests').doc(requestId).get()).data.moderation).toBe('hidden');
    expect((await admin.ok('demo-committee', 'moderationQueue', {})).items.some((i) => i.refId === requestId)).toBe(false);
    expect((await request.ok('demo-resident', 'listPublic', {})).items.some((i) => i.requestId === requestId)).toBe(false);
    expect(await request.call('demo-resident', 'get', { requestId })).toMatchObject({ ok: false });
    // its reporter still has it
    expect((await request.ok('demo-resident-2', 'get', { requestId })).requestId).toBe(requestId);

    // a notice hidden stays hidden when its publisher edits it (the content check passes the new text)
    const notice = client<import('@core/notice/contract').NoticeContract>(env, 'notice');
    const { noticeId } = await notice.ok('demo-committee', 'publish', { category: 'other', title: '广场舞时间调整', content: '<p>晚上八点后请调低音量。</p>', audience: { kind: 'compound' } });
    await admin.ok('demo-branch', 'moderate', { kind: 'notice', refId: noticeId, decision: 'hide', reason: '内容有误' });
    await notice.ok('demo-committee', 'update', { noticeId, title: '广场舞时间调整（更正）' });
    expect((await db.collection('notices').doc(noticeId).get()).data.moderation).toBe('hidden');
    expect((await notice.ok('demo-resident', 'list', {})).items.some((n) => n.noticeId === noticeId)).toBe(false);
    expect((await admin.ok('demo-committee', 'moderationQueue', {})).items.some((i) => i.refId === noticeId)).toBe(false);
  });

  it('a request put on the agenda is decided at a meeting, and the decision appears on its timeline for the reporter', async () => {
    const { requestId } = await request.ok('demo-resident-2', 'create', {
      category: 'parking', content: '地面车位被长期占用，请商议管理办法', location: { buildingId: 'demo-b2', unit: '1' }, urgency: 'general', visibility: 'private', idempotencyKey: 'admin-key-0002',
    });
    expect(await admin.call('demo-resident-2', 'propose', { kind: 'request', refId: requestId, title: '地面车位' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const { itemId } = await admin.ok('demo-branch', 'propose', { kind: 'request', refId: requestId, title: '地面车位管理', note: '多位居民反映' });
    const { itemId: proposal } = await admin.ok('demo-resident-2', 'propose', { kind: 'proposal', title: '增设充电桩', note: '电动车越来越多' });
    const agenda = await admin.ok('demo-committee', 'agenda', {});
    expect(agenda.items.map((i) => i.itemId)).toEqual(expect.arrayContaining([itemId, proposal]));
    const { meetingId } = await admin.ok('demo-branch', 'createMeeting', { title: '十二月三方联席会议', at: new Date(Date.now() + 86_400_000).toISOString(), place: '社区议事厅', itemIds: [itemId, proposal] });
    await admin.ok('demo-branch', 'recordMinutes', { meetingId, minutes: '议定地面车位按楼栋轮换。', attendees: [{ name: '孙红梅', role: '党支部' }, { name: '赵丽华', role: '业委会' }, { name: '陈志强', role: '物业' }] });
    await admin.ok('demo-committee', 'decide', { itemId, decision: '物业两周内划线，业委会制定轮换办法' });
    expect(await admin.call('demo-committee', 'decide', { itemId, decision: '再决定' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    const view = await request.ok('demo-resident-2', 'get', { requestId });
    const step = view.timeline.find((t) => t.action === 'deliberate');
    expect(step).toMatchObject({ note: expect.stringContaining('物业两周内划线') });
    const m = await admin.ok('demo-property', 'meeting', { meetingId });
    expect(m).toMatchObject({ state: 'held', items: expect.arrayContaining([expect.objectContaining({ itemId, decision: expect.objectContaining({ text: expect.stringContaining('划线') }) })]) });
  });
});

describe('代办: acting for a resident without a phone', () => {
  it('a grid worker files a request and registers for an event for a resident; it is marked everywhere and the resident is told', async () => {
    const resident = (await user.ok('demo-resident', 'login', {})).userId;
    // the grid worker finds the residents of their own buildings (1 and 4), not the whole compound
    const found = await user.ok('demo-grid', 'proxyCandidates', { query: '王' });
    expect(found.items.find((p) => p.userId === resident)).toMatchObject({ displayName: '王秀兰', home: '1栋1单元301', phoneMasked: expect.stringMatching(/\*{4}/) });
    expect((await user.ok('demo-grid', 'proxyCandidates', { query: '李建国' })).items).toEqual([]);
    expect(await user.call('demo-resident', 'proxyCandidates', { query: '' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const consentNote = '王秀兰口头同意，楼栋长当面记录';
    const { requestId } = await request.ok('demo-grid', 'create', {
      category: 'help', content: '家中水龙头漏水，老人不会修', location: { buildingId: 'demo-b1', unit: '1' }, urgency: 'general', visibility: 'private', atHome: true,
      idempotencyKey: 'proxy-key-0001', onBehalfOf: { userId: resident, consentNote },
    });
    const stored = (await db.collection('requests').doc(requestId).get()).data;
    expect(stored).toMatchObject({ reporterId: resident, reporterName: '王秀兰', room: '301', actedBy: { name: '刘芳', consentNote } });
    const view = await request.ok('demo-resident', 'get', { requestId });
    expect(view.actedFor).toEqual({ by: '刘芳', consentNote });
    expect(view.timeline[0].note).toContain('代办');
    const log = await admin.ok('demo-branch', 'auditLog', { target: `requests/${requestId}` });
    expect(JSON.parse(log.items[0].detail)).toMatchObject({ actingFor: resident, proxy: '代办', consentNote });
    // a resident cannot act for another, nor anyone for a person of another compound
    expect(await request.call('demo-resident-2', 'create', {
      category: 'help', content: '替邻居提交一下', location: { buildingId: 'demo-b1', unit: '1' }, urgency: 'general', visibility: 'private', idempotencyKey: 'proxy-key-0002', onBehalfOf: { userId: resident, consentNote: '同意' },
    })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const { eventId } = await client<import('@core/event/contract').EventContract>(env, 'event').ok('demo-committee', 'create', {
      title: '老年人体检', description: '社区卫生站义诊', startAt: new Date(Date.now() + 48 * 3_600_000).toISOString(), endAt: new Date(Date.now() + 50 * 3_600_000).toISOString(),
      signupDeadline: new Date(Date.now() + 47 * 3_600_000).toISOString(), place: '卫生站', capacity: 30, audience: { kind: 'all' }, creditsHours: false,
    });
    const event = client<import('@core/event/contract').EventContract>(env, 'event');
    expect(await event.ok('demo-grid', 'register', { eventId, onBehalfOf: { userId: resident, consentNote } })).toMatchObject({ status: 'confirmed' });
    const reg = (await db.collection('registrations').where({ eventId, userId: resident }).get()).data[0];
    expect(reg).toMatchObject({ name: '王秀兰', buildingId: 'demo-b1', actedBy: { name: '刘芳' } });
    const inbox = await user.ok('demo-resident', 'inbox', {});
    expect(inbox.items.map((i) => i.title)).toEqual(expect.arrayContaining([expect.stringContaining('代办了一条反映'), expect.stringContaining('代办了活动报名')]));

    // marked in the organiser's roster and export, and in the registrations and requests ledgers
    const roster = await event.ok('demo-committee', 'attendees', { eventId });
    expect(roster.confirmed.find((a) => a.name === '王秀兰')).toMatchObject({ actedBy: '刘芳' });
    const exported = readCsv((await event.ok('demo-committee', 'export', { eventId })).csv);
    expect(exported[0]).toContain('代办');
    expect(exported.find((r) => r[1] === '王秀兰')![exported[0].indexOf('代办')]).toBe('刘芳代办');
    const regLedger = readCsv(new TextDecoder().decode(await download((await admin.ok('demo-branch', 'exportLedger', { ledger: 'registrations', format: 'csv' })).fileUrl!)));
    expect(regLedger.find((r) => r[0] === '老年人体检' && r[3] === '王秀兰')![regLedger[0].indexOf('代办')]).toBe('刘芳代办');
    const reqLedger = readCsv(new TextDecoder().decode(await download((await admin.ok('demo-branch', 'exportLedger', { ledger: 'requests', format: 'csv' })).fileUrl!)));
    expect(reqLedger.find((r) => r[0] === requestId)![reqLedger[0].indexOf('代办')]).toBe('刘芳代办');
    expect(reqLedger.slice(1).filter((r) => r[0] !== requestId).every((r) => r[reqLedger[0].indexOf('代办')] === '')).toBe(true);
  });

  it('a grid worker acts only for residents of their own buildings', async () => {
    // demo-grid looks after buildings 1 and 4; 李建国 (demo-resident-2) lives in building 2
    const other = (await user.ok('demo-resident-2', 'login', {})).userId;
    const refused = await request.call('demo-grid', 'create', {
      category: 'help', content: '帮邻居报修', location: { buildingId: 'demo-b2', unit: '1' }, urgency: 'general', visibility: 'private', idempotencyKey: 'proxy-key-0003', onBehalfOf: { userId: other, consentNote: '口头同意' },
    });
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('负责的楼栋') });
    // the branch acts for anyone verified in the compound
    expect((await request.call('demo-branch', 'create', {
      category: 'help', content: '帮邻居报修', location: { buildingId: 'demo-b2', unit: '1' }, urgency: 'general', visibility: 'private', idempotencyKey: 'proxy-key-0004', onBehalfOf: { userId: other, consentNote: '口头同意' },
    })).ok).toBe(true);
  });
});
