// The emulator's mingo, built once (emulator/mingo.ts): the prepared path is in use, and it answers
// as mingo's public API does.
import * as mingo from 'mingo';
import { applySimple } from '../../../emulator/db';
import { aggregate, compileQuery, findIn, preparedOptions, simpleTest } from '../../../emulator/mingo';

const docs = [
  { _id: 'a', eventId: 'e1', userId: 'u1', n: 3, tags: ['x'], at: new Date('2026-01-01T00:00:00Z') },
  { _id: 'b', eventId: 'e1', userId: 'u2', n: 1, tags: ['y'], at: new Date('2026-02-01T00:00:00Z') },
  { _id: 'c', eventId: 'e2', userId: 'u1', n: 2, tags: [], at: new Date('2026-03-01T00:00:00Z') },
];

test('the prepared options are in use (a mingo upgrade that moves ComputeOptions shows here)', () => {
  expect(preparedOptions).toBe(true);
});

test.each([
  [{ eventId: 'e1' }],
  [{ n: { $gte: 2 } }],
  [{ $or: [{ userId: 'u2' }, { tags: 'x' }] }],
  [{ at: { $lt: new Date('2026-02-15T00:00:00Z') } }],
  [{ $expr: { $eq: ['$userId', 'u1'] } }],
])('find and test answer as mingo does: %j', (condition) => {
  expect(findIn(docs, condition).all()).toEqual(mingo.find(docs, condition).all());
  expect(docs.map((d) => compileQuery(condition).test(d))).toEqual(docs.map((d) => new mingo.Query(condition).test(d)));
});

test('aggregate answers as mingo does, with and without another collection', () => {
  const stages = [{ $match: { eventId: 'e1' } }, { $group: { _id: '$eventId', total: { $sum: '$n' }, people: { $push: '$userId' } } }];
  expect(aggregate(stages, docs)).toEqual(new mingo.Aggregator(stages as never).run(docs));
  const other = [{ _id: 'u1', name: '甲' }];
  const join = [{ $lookup: { from: 'users', localField: 'userId', foreignField: '_id', as: 'who' } }, { $project: { who: 1 } }];
  const resolver = () => other;
  expect(aggregate(join, docs, { collectionResolver: resolver })).toEqual(new mingo.Aggregator(join as never, { collectionResolver: resolver } as never).run(docs));
});

describe('the emulator applies $set and $inc itself, as mingo would', () => {
  const base = () => ({ _id: 'x', n: 1, s: 'a', o: { a: 1, deep: { b: 2 } }, arr: [1, 2], nul: null as unknown, at: new Date('2026-01-01T00:00:00Z') });
  const cases: Array<Record<string, unknown>> = [
    { $inc: { n: 2 } },
    { $inc: { missing: 5 } },
    { $inc: { 'o.a': -1, 'o.deep.b': 3 } },
    { $set: { s: 'b', 'o.deep.c': [1, { d: 2 }], at: new Date('2026-02-01T00:00:00Z') } },
    { $set: { 'new.path.here': 1 }, $inc: { n: 1 } },
    { $set: { o: { replaced: true } } },
    { $set: { arr: [3] } },
  ];
  it.each(cases)('%j', (modifier) => {
    const ours = base();
    const theirs = base();
    expect(applySimple(ours, modifier)).toBe(true);
    mingo.update(theirs, modifier as never, undefined, undefined, { cloneMode: 'deep' });
    expect(ours).toEqual(theirs);
  });
  it.each([
    { $inc: { s: 1 } },
    { $inc: { n: '1' } },
    { $set: { 'arr.0': 9 } },
    { $set: { 'nul.a': 1 } },
    { $set: { 's.a': 1 } },
    { $push: { arr: 3 } },
    { $set: { n: 1 }, $inc: { n: 1 } },
    { $set: { o: 1, 'o.a': 2 } },
  ])('%j is left to mingo, the document untouched', (modifier) => {
    const doc = base();
    expect(applySimple(doc, modifier)).toBe(false);
    expect(doc).toEqual(base());
  });
});

test('a pipeline of $match, $limit and $skip gives what mingo gives (the emulator runs those itself)', async () => {
  const { Database } = await import('../../../emulator/db');
  const db = new Database('slices', { things: { indexes: [] } } as never, null);
  db.insert('things', docs.map((d) => ({ ...d })));
  for (const pipeline of [
    [{ $match: { eventId: 'e1' } }, { $limit: 1 }],
    [{ $match: { n: { $gt: 0 } } }, { $skip: 1 }, { $limit: 5 }],
    [{ $match: { $expr: { $eq: ['$userId', 'u1'] } } }, { $sort: { n: -1 } }, { $limit: 1 }],
  ]) {
    expect(db.aggregate('things', pipeline)).toEqual(new mingo.Aggregator(pipeline as never).run(docs.map((d) => ({ ...d }))));
  }
});

describe("the emulator's own test of simple queries answers as mingo does", () => {
  // random documents and queries over a few fields, with every kind of stored value: scalars of each
  // type, dates, null, missing, arrays, objects — the own test must agree or hand the document to mingo
  let seed = 7;
  const r = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const d1 = new Date('2026-01-01T00:00:00Z');
  const d2 = new Date('2026-06-01T00:00:00Z');
  const stored = [0, 1, 2, -1, 2.5, 'a', 'b', '', '1', true, false, null, undefined, d1, d2, [1, 2], ['a'], [], { a: 1 }, {}, [null], [d1]] as const;
  const literals = [0, 1, 2, 2.5, 'a', 'b', '', '1', true, false, d1, d2] as const;
  const fields = ['f', 'g', '_id'];
  const cond = (): unknown => {
    const k = Math.floor(r() * 9);
    if (k === 0) return pick(literals);
    if (k === 1) return null;
    const ops = ['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin'];
    const out: Record<string, unknown> = {};
    for (let i = 1 + Math.floor(r() * 2); i > 0; i--) {
      const op = pick(ops);
      out[op] = op === '$in' || op === '$nin' ? Array.from({ length: Math.floor(r() * 3) }, () => pick(literals)) : pick(literals);
    }
    return out;
  };
  it('on 4,000 random query and document pairs', () => {
    let own = 0;
    for (let i = 0; i < 4000; i++) {
      const doc: Record<string, unknown> = { _id: pick(['x', 'y', 1]) };
      for (const f of ['f', 'g']) {
        const v = pick(stored);
        if (v !== undefined) doc[f] = v;
      }
      const query: Record<string, unknown> = {};
      for (let j = 1 + Math.floor(r() * 2); j > 0; j--) query[pick(fields)] = cond();
      if (simpleTest(query)) own++;
      expect([query, doc, compileQuery(query).test(doc)]).toEqual([query, doc, new mingo.Query(query).test(doc)]);
    }
    // most of them took the own path (the comparison would be empty otherwise)
    expect(own).toBeGreaterThan(2000);
  });
  it('leaves operators it does not know, dotted paths and top-level operators to mingo', () => {
    expect(simpleTest({ 'a.b': 1 })).toBeNull();
    expect(simpleTest({ $or: [{ a: 1 }] })).toBeNull();
    expect(simpleTest({ a: { $exists: true } })).toBeNull();
    expect(simpleTest({ a: /x/ })).toBeNull();
    expect(simpleTest({ a: { $in: [null] } })).toBeNull();
  });
});
