// The contract suite: the real wx-server-sdk 4.0.2 against the emulator, for every action in
// shared/reference/cloudbase-protocol.md. It guards against protocol drift on SDK upgrades.
import { control, emulatorUrl, freshEnv, sdk } from './helpers/cloud';

const env = freshEnv('contract');
const cloud = sdk(env);
// wx-server-sdk's typings widen every result to `string | void | …`; this suite checks the wire, not them
const db: any = cloud.database();
const _ = db.command;

type Row = Record<string, any>;

async function rejection(p: Promise<unknown>): Promise<{ errCode?: number; errMsg?: string; code?: string; message?: string }> {
  try {
    await p;
  } catch (e) {
    return e as never;
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  await db.createCollection('items');
  await db.createCollection('other');
});

describe('collections', () => {
  it('creates a collection and answers -502005 for one that does not exist', async () => {
    await db.createCollection('made_here');
    await db.collection('made_here').add({ data: { a: 1 } });
    const err = await rejection(db.collection('nowhere').get());
    expect(err.errCode).toBe(-502005);
    expect(err.errMsg).toMatch(/nowhere/);
  });
});

describe('add and doc().get', () => {
  it('adds one document and reads it back with its types', async () => {
    const when = new Date('2026-01-02T03:04:05.678Z');
    const res = await db.collection('items').add({
      data: { name: '一号', n: 42, f: 1.5, big: 2 ** 53 - 1, neg: -7, when, tags: ['a', 'b'], nested: { deep: { x: true } }, nil: null },
    });
    expect(typeof (res as Row)._id).toBe('string');
    const { data } = (await db.collection('items').doc((res as Row)._id).get()) as Row;
    expect(data).toMatchObject({ name: '一号', n: 42, f: 1.5, big: 2 ** 53 - 1, neg: -7, tags: ['a', 'b'], nested: { deep: { x: true } }, nil: null });
    expect(data.when).toBeInstanceOf(Date);
    expect(data.when.toISOString()).toBe(when.toISOString());
  });

  it('adds many documents at once', async () => {
    const res = (await db.collection('items').add({ data: [{ batch: 1 }, { batch: 2 }, { batch: 3 }] } as never)) as Row;
    expect(res._ids).toHaveLength(3);
    expect((await db.collection('items').where({ batch: _.exists(true) }).count()).total).toBe(3);
  });

  it('keeps a caller-chosen _id and refuses a duplicate with E11000', async () => {
    await db.collection('items').add({ data: { _id: 'fixed-1', v: 1 } });
    const err = await rejection(db.collection('items').add({ data: { _id: 'fixed-1', v: 2 } }));
    expect(err.errCode).toBe(-502001);
    expect(err.errMsg).toMatch(/E11000/);
    expect(((await db.collection('items').doc('fixed-1').get()) as Row).data.v).toBe(1);
  });

  it('rejects doc().get of a missing document', async () => {
    const err = await rejection(db.collection('items').doc('missing-doc').get());
    expect(err.errMsg).toMatch(/does not exist/);
  });

  it('replaces serverDate with the emulator clock', async () => {
    const before = Date.now();
    const { _id } = (await db.collection('items').add({ data: { stamp: db.serverDate(), later: db.serverDate({ offset: 60_000 }) } })) as Row;
    const { data } = (await db.collection('items').doc(_id).get()) as Row;
    expect(data.stamp.getTime()).toBeGreaterThanOrEqual(before - 5);
    expect(data.later.getTime() - data.stamp.getTime()).toBe(60_000);
    const found = await db.collection('items').where({ _id, stamp: _.lte(db.serverDate()) }).get();
    expect(found.data).toHaveLength(1);
  });
});

describe('queries', () => {
  beforeAll(async () => {
    const rows = Array.from({ length: 30 }, (_x, i) => ({ q: true, i, parity: i % 2 ? 'odd' : 'even', name: `第${i}号`, score: 100 - i }));
    await db.collection('items').add({ data: rows } as never);
  });

  it('filters, orders, skips, limits and projects', async () => {
    const res = await db
      .collection('items')
      .where({ q: true, parity: 'even', i: _.gte(4).and(_.lt(20)) })
      .orderBy('i', 'desc')
      .skip(1)
      .limit(3)
      .field({ i: true, parity: true })
      .get();
    expect(res.data.map((r: Row) => r.i)).toEqual([16, 14, 12]);
    expect(Object.keys(res.data[0]).sort()).toEqual(['_id', 'i', 'parity']);
  });

  it('orders by several fields in call order', async () => {
    const res = await db.collection('items').where({ q: true, i: _.lt(6) }).orderBy('parity', 'asc').orderBy('i', 'desc').get();
    expect(res.data.map((r: Row) => r.i)).toEqual([4, 2, 0, 5, 3, 1]);
  });

  it('answers 100 by default and at most 1000', async () => {
    await db.createCollection('many');
    await db.collection('many').add({ data: Array.from({ length: 150 }, (_x, i) => ({ i })) } as never);
    expect((await db.collection('many').get()).data).toHaveLength(100);
    expect((await db.collection('many').limit(1000).get()).data).toHaveLength(150);
  });

  it('supports or, in, nin, neq, exists, regular expressions and array matching', async () => {
    const items = db.collection('items');
    expect((await items.where(_.or([{ i: 0 }, { i: 29 }])).count()).total).toBe(2);
    expect((await items.where({ i: _.in([1, 2, 3]) }).count()).total).toBe(3);
    expect((await items.where({ q: true, i: _.nin([1, 2, 3]) }).count()).total).toBe(27);
    expect((await items.where({ q: true, parity: _.neq('odd') }).count()).total).toBe(15);
    expect((await items.where({ name: db.RegExp({ regexp: '^第2', options: 'i' }) }).count()).total).toBe(11);
    expect((await items.where({ name: /^第1\d号$/ }).count()).total).toBe(10);
    expect((await items.where({ tags: 'a' }).count()).total).toBe(1);
    expect((await items.where({ 'nested.deep.x': true }).count()).total).toBe(1);
  });

  it('counts', async () => {
    expect((await db.collection('items').where({ q: true }).count()).total).toBe(30);
  });

  it('refuses an operator it does not support, and keeps serving', async () => {
    const err = await rejection(db.collection('items').where({ i: _.geoNear({ geometry: new db.Geo.Point(0, 0) }) } as never).get());
    expect(err.errCode).toBeLessThan(0);
    expect((await db.collection('items').where({ q: true }).count()).total).toBe(30);
  });
});

describe('updates', () => {
  it('doc().update flattens nested objects and applies operators', async () => {
    const { _id } = (await db.collection('items').add({ data: { profile: { city: '成都', zip: '610000' }, n: 1, list: [1, 2, 3], set: ['x'], gone: 1 } })) as Row;
    const res = (await db.collection('items').doc(_id).update({
      data: { profile: { city: '重庆' }, n: _.inc(2), list: _.push([4]), set: _.addToSet('y'), gone: _.remove() },
    })) as Row;
    expect(res.stats.updated).toBe(1);
    const { data } = (await db.collection('items').doc(_id).get()) as Row;
    expect(data).toMatchObject({ profile: { city: '重庆', zip: '610000' }, n: 3, list: [1, 2, 3, 4], set: ['x', 'y'] });
    expect(data.gone).toBeUndefined();
    await db.collection('items').doc(_id).update({ data: { list: _.pull(2), n: _.mul(10), set: _.pop() } });
    const after = ((await db.collection('items').doc(_id).get()) as Row).data;
    expect(after).toMatchObject({ list: [1, 3, 4], n: 30, set: ['x'] });
    await db.collection('items').doc(_id).update({ data: { list: _.unshift([0]), n: _.max(50), profile: _.set({ city: '西安' }) } });
    const last = ((await db.collection('items').doc(_id).get()) as Row).data;
    expect(last).toMatchObject({ list: [0, 1, 3, 4], n: 50, profile: { city: '西安' } });
    expect(last.profile.zip).toBeUndefined();
  });

  it('where().update changes every match and reports the count', async () => {
    const res = (await db.collection('items').where({ q: true, parity: 'odd' }).update({ data: { flagged: true } })) as Row;
    expect(res.stats.updated).toBe(15);
    expect((await db.collection('items').where({ flagged: true }).count()).total).toBe(15);
  });

  it('doc().set upserts and then replaces the whole document', async () => {
    const created = (await db.collection('items').doc('set-me').set({ data: { a: 1, b: 2 } })) as Row;
    expect(created.stats.created).toBe(1);
    const replaced = (await db.collection('items').doc('set-me').set({ data: { c: 3 } })) as Row;
    expect(replaced.stats.updated).toBe(1);
    const { data } = (await db.collection('items').doc('set-me').get()) as Row;
    expect(data).toEqual({ _id: 'set-me', c: 3 });
  });

  it('doc().update of a missing document updates nothing', async () => {
    const res = (await db.collection('items').doc('not-there').update({ data: { a: 1 } })) as Row;
    expect(res.stats.updated).toBe(0);
  });
});

describe('removes', () => {
  it('doc().remove and where().remove', async () => {
    const { _id } = (await db.collection('items').add({ data: { doomed: true } })) as Row;
    await db.collection('items').add({ data: [{ doomed: true }, { doomed: true }] } as never);
    expect(((await db.collection('items').doc(_id).remove()) as Row).stats.removed).toBe(1);
    expect(((await db.collection('items').where({ doomed: true }).remove()) as Row).stats.removed).toBe(2);
    expect((await db.collection('items').where({ doomed: true }).count()).total).toBe(0);
  });
});

describe('aggregate', () => {
  it('runs match, group, sort, project and limit', async () => {
    const $ = db.command.aggregate;
    const res = await db
      .collection('items')
      .aggregate()
      .match({ q: true })
      .group({ _id: '$parity', total: $.sum('$score'), n: $.sum(1) })
      .sort({ _id: 1 })
      .project({ _id: 0, parity: '$_id', total: 1, n: 1 })
      .limit(5)
      .end();
    expect(res.list).toEqual([
      { parity: 'even', total: 1290, n: 15 },
      { parity: 'odd', total: 1275, n: 15 },
    ]);
  });

  it('joins with lookup', async () => {
    await db.collection('other').add({ data: [{ key: 1, label: '一' }, { key: 2, label: '二' }] } as never);
    const res = await db
      .collection('items')
      .aggregate()
      .match({ q: true, i: _.in([1, 2]) })
      .lookup({ from: 'other', localField: 'i', foreignField: 'key', as: 'joined' })
      .sort({ i: 1 })
      .project({ _id: 0, i: 1, label: '$joined.label' })
      .end();
    expect(res.list).toEqual([
      { i: 1, label: ['一'] },
      { i: 2, label: ['二'] },
    ]);
  });

  it('joins with lookup in its let/pipeline form (a variable of the outer document, a constant, limit)', async () => {
    const $ = db.command.aggregate;
    await db.collection('other').add({
      data: [
        { owner: 3, kind: 'a', n: 1 },
        { owner: 3, kind: 'b', n: 2 },
        { owner: 4, kind: 'a', n: 3 },
      ],
    } as never);
    const res = await db
      .collection('items')
      .aggregate()
      .match({ i: _.in([3, 4, 5]) })
      .lookup({
        from: 'other',
        let: { who: '$i' },
        pipeline: $.pipeline()
          .match(_.expr($.and([$.eq(['$owner', '$$who']), $.eq(['$kind', 'a'])])))
          .limit(1)
          .project({ _id: 0, n: 1 })
          .done(),
        as: 'mine',
      })
      .sort({ i: 1 })
      .project({ _id: 0, i: 1, mine: 1 })
      .end();
    expect(res.list).toEqual([
      { i: 3, mine: [{ n: 1 }] },
      { i: 4, mine: [{ n: 3 }] },
      { i: 5, mine: [] },
    ]);
  });
});

describe('unique indexes', () => {
  it('refuses a second document with the same unique key and leaves the first', async () => {
    await db.collection('users').add({ data: { openid: 'same-openid', displayName: 'A' } });
    const err = await rejection(db.collection('users').add({ data: { openid: 'same-openid', displayName: 'B' } }));
    expect(err.errCode).toBe(-502001);
    expect(err.errMsg).toMatch(/E11000.*uniq_openid/);
    const { _id } = (await db.collection('users').add({ data: { openid: 'other-openid' } })) as Row;
    const upd = await rejection(db.collection('users').doc(_id).update({ data: { openid: 'same-openid' } }));
    expect(upd.errMsg).toMatch(/E11000/);
    expect((await db.collection('users').where({ openid: 'same-openid' }).count()).total).toBe(1);
  });

  it('counts a missing field as null, like MongoDB', async () => {
    await db.collection('bindings').add({ data: { other: 1 } });
    const err = await rejection(db.collection('bindings').add({ data: { other: 2 } }));
    expect(err.errMsg).toMatch(/E11000.*uniq_pending/);
  });
});

describe('transactions', () => {
  beforeAll(async () => {
    await db.createCollection('accounts');
    await db.collection('accounts').add({ data: [{ _id: 'alice', balance: 100 }, { _id: 'bob', balance: 0 }, { _id: 'counter', n: 0 }] } as never);
  });

  it('runTransaction commits all its writes together', async () => {
    const result = await db.runTransaction(async (t: any) => {
      const a = (await t.collection('accounts').doc('alice').get()).data;
      await t.collection('accounts').doc('alice').update({ data: { balance: a.balance - 30 } });
      await t.collection('accounts').doc('bob').update({ data: { balance: _.inc(30) } });
      await t.collection('accounts').add({ data: { _id: 'receipt-1', amount: 30 } });
      return 'done';
    });
    expect(result).toBe('done');
    const rows = (await db.collection('accounts').where({ _id: _.in(['alice', 'bob', 'receipt-1']) }).orderBy('_id', 'asc').get()).data as Row[];
    expect(rows.map((r) => r.balance ?? r.amount)).toEqual([70, 30, 30]);
  });

  it('rollback applies nothing and rejects with the reason', async () => {
    await expect(
      db.runTransaction(async (t: any) => {
        await t.collection('accounts').doc('alice').update({ data: { balance: 0 } });
        await t.rollback('不够');
      }),
    ).rejects.toBe('不够');
    expect(((await db.collection('accounts').doc('alice').get()) as Row).data.balance).toBe(70);
  });

  it('detects conflicts so the SDK retries, and no increment is lost', async () => {
    const bump = () =>
      db.runTransaction(async (t: any) => {
        const { data } = await t.collection('accounts').doc('counter').get();
        await new Promise((r) => setTimeout(r, 5));
        await t.collection('accounts').doc('counter').update({ data: { n: data.n + 1 } });
      }, 10);
    const results = await Promise.allSettled(Array.from({ length: 6 }, bump));
    const done = results.filter((r) => r.status === 'fulfilled').length;
    expect(((await db.collection('accounts').doc('counter').get()) as Row).data.n).toBe(done);
    expect(done).toBeGreaterThanOrEqual(2);
  });

  it('startTransaction: reads its own writes, commits, and rolls back', async () => {
    const t = (await db.startTransaction()) as any;
    await t.collection('accounts').doc('bob').update({ data: { balance: 31 } });
    expect((await t.collection('accounts').doc('bob').get()).data.balance).toBe(31);
    expect(((await db.collection('accounts').doc('bob').get()) as Row).data.balance).toBe(30);
    await t.commit();
    expect(((await db.collection('accounts').doc('bob').get()) as Row).data.balance).toBe(31);

    const t2 = (await db.startTransaction()) as any;
    await t2.collection('accounts').doc('bob').remove();
    await t2.rollback();
    expect(((await db.collection('accounts').doc('bob').get()) as Row).data.balance).toBe(31);
  });

  it('a duplicate key at commit aborts the whole transaction', async () => {
    await expect(
      db.runTransaction(async (t: any) => {
        await t.collection('accounts').doc('alice').update({ data: { balance: 1 } });
        await t.collection('accounts').add({ data: { _id: 'alice', balance: 5 } });
      }),
    ).rejects.toBeTruthy();
    expect(((await db.collection('accounts').doc('alice').get()) as Row).data.balance).toBe(70);
  });
});

describe('storage', () => {
  it('uploads, gives a temp URL, downloads and deletes, with spaces and CJK in the path', async () => {
    const cloudPath = 'photos/我的 照片.txt';
    const up = (await cloud.uploadFile({ cloudPath, fileContent: Buffer.from('你好，邻里') })) as Row;
    expect(up.fileID).toMatch(/^cloud:\/\//);
    const urls = (await cloud.getTempFileURL({ fileList: [up.fileID, 'cloud://nope.b/none.txt'] })) as Row;
    expect(urls.fileList[0].status).toBe(0);
    expect(urls.fileList[0].tempFileURL).toContain(emulatorUrl());
    expect(urls.fileList[1].status).not.toBe(0);
    const down = (await cloud.downloadFile({ fileID: up.fileID })) as Row;
    expect(Buffer.from(down.fileContent).toString('utf8')).toBe('你好，邻里');
    const del = (await cloud.deleteFile({ fileList: [up.fileID] })) as Row;
    expect(del.fileList[0].status).toBe(0);
    const again = (await cloud.getTempFileURL({ fileList: [up.fileID] })) as Row;
    expect(again.fileList[0].status).not.toBe(0);
  });
});

describe('open API stand-ins', () => {
  it('msgSecCheck passes ordinary text and marks listed words risky, recording both', async () => {
    const pass = (await cloud.openapi.security.msgSecCheck({ openid: 'o1', scene: 2, version: 2, content: '楼道灯坏了' } as never)) as Row;
    expect(pass.result.suggest).toBe('pass');
    expect(pass.errCode).toBe(0);
    const risky = (await cloud.openapi.security.msgSecCheck({ openid: 'o1', scene: 2, version: 2, content: '有人在搞赌博' } as never)) as Row;
    expect(risky.result.suggest).toBe('risky');
    const { items } = await control<{ items: Row[] }>(env, '/outbox?api=security.msgSecCheck');
    expect(items.map((i) => i.params.content)).toEqual(['楼道灯坏了', '有人在搞赌博']);
  });

  it('subscribeMessage.send lands in the outbox with snake_case parameters', async () => {
    await cloud.openapi.subscribeMessage.send({ touser: 'o2', templateId: 'tpl-1', page: 'pages/home/index', data: { thing1: { value: '已受理' } } } as never);
    const { items } = await control<{ items: Row[] }>(env, '/outbox?api=subscribeMessage.send');
    expect(items).toHaveLength(1);
    expect(items[0].params).toMatchObject({ touser: 'o2', template_id: 'tpl-1', data: { thing1: { value: '已受理' } } });
  });

  it('clearing the outbox forgets one environment only (test files run side by side)', async () => {
    const other = freshEnv('outbox-other');
    const otherCloud = sdk(other);
    await otherCloud.openapi.subscribeMessage.send({ touser: 'o9', templateId: 'tpl-9', data: {} } as never);
    await control(env, '/outbox', 'DELETE');
    expect((await control<{ items: Row[] }>(env, '/outbox?api=subscribeMessage.send')).items).toEqual([]);
    expect((await control<{ items: Row[] }>(other, '/outbox?api=subscribeMessage.send')).items.map((i) => i.params.touser)).toEqual(['o9']);
  });

  it('a registered error reply surfaces as the SDK error code', async () => {
    await control(env, '/openapi-reply', 'POST', { apiName: 'subscribeMessage.send', reply: { errcode: 43101, errmsg: 'user refuse to accept the msg' } });
    const err = await rejection(cloud.openapi.subscribeMessage.send({ touser: 'o3', templateId: 't', data: {} } as never));
    expect(err.errCode).toBe(43101);
    await control(env, '/openapi-reply', 'POST', { apiName: 'subscribeMessage.send', reply: null });
  });
});

describe('functions', () => {
  it('callFunction runs a hosted function in the same environment', async () => {
    const res = (await cloud.callFunction({ name: 'echo', data: { count: true } })) as Row;
    expect(res.result).toMatchObject({ env });
  });

  it('callFunction of an unknown function fails', async () => {
    const err = await rejection(cloud.callFunction({ name: 'nope', data: {} }) as Promise<unknown>);
    expect(String(err.errMsg ?? err.message)).toMatch(/not found/);
  });
});

describe('bad input to the protocol endpoint', () => {
  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${emulatorUrl()}/admin?env=${env}`, { method: 'POST', headers, body }).then(async (r) => ({ status: r.status, json: (await r.json()) as Row }));

  it('answers malformed JSON, an unknown action and bad EJSON with an error code', async () => {
    expect((await post('{not json')).json.code).toBe('INVALID_PARAM');
    expect((await post(JSON.stringify({ action: 'database.teleport' }))).json.code).toBe('INVALID_PARAM');
    const bad = await post(JSON.stringify({ action: 'database.getDocument', collectionName: 'items', queryType: 'WHERE', query: '{"a":{"$date":"not a date"' }));
    expect(bad.json.code).toBe('INVALID_PARAM');
  });

  it('refuses a body over 1 MB and keeps serving', async () => {
    const big = await post(JSON.stringify({ action: 'database.insertDocument', collectionName: 'items', data: ['x'.repeat(1_100_000)] }));
    expect(big.status).toBe(413);
    expect(big.json.code).toBe('INVALID_PARAM');
    expect((await db.collection('items').where({ q: true }).count()).total).toBe(30);
  });

  it('a failed multi-document insert writes nothing', async () => {
    const before = (await db.collection('users').count()).total;
    const err = await rejection(db.collection('users').add({ data: [{ openid: 'fresh-1' }, { openid: 'same-openid' }] } as never));
    expect(err.errMsg).toMatch(/E11000/);
    expect((await db.collection('users').count()).total).toBe(before);
  });
});
