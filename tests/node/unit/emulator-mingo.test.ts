// The emulator's mingo, built once (emulator/mingo.ts): the prepared path is in use, and it answers
// as mingo's public API does.
import * as mingo from 'mingo';
import { applySimple } from '../../../emulator/db';
import { aggregate, compileQuery, findIn, preparedOptions } from '../../../emulator/mingo';

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
