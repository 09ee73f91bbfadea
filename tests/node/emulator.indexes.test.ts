// The emulator's indexes give the scan's answers: the same writes go to a database that serves
// queries from declared indexes and to one that can only scan, and every random query must come
// back identical from both — order, skip and limit included — through updates, removals,
// transactions and a restart from the journal.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { CollectionSpec } from '../../cloudfunctions/runtime/collections';
import { Database, type UnindexedQuery } from '../../emulator/db';

const INDEXED: Record<string, CollectionSpec> = {
  things: {
    grows: true,
    indexes: [
      { name: 'by_a_b', keys: [['a', 1], ['b', -1]] },
      { name: 'by_tags_n', keys: [['tags', 1], ['n', 1]] },
      { name: 'by_pq', keys: [['p.q', 1]] },
      { name: 'by_c_n', keys: [['c', -1], ['n', 1]] },
    ],
  },
};
const PLAIN: Record<string, CollectionSpec> = { things: { indexes: [] } };

const FIELDS = ['a', 'b', 'c', 'n', 'tags', 'p.q'] as const;
const DATES = [new Date('2026-01-01T00:00:00Z'), new Date('2026-01-02T00:00:00Z'), new Date('2026-03-01T08:00:00Z')];

const scalar = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -2, max: 3 }),
  fc.constantFrom(0.5, 2.5),
  fc.constantFrom('', 'x', 'y', 'z', 'Z', '邻'),
  fc.boolean(),
  fc.constantFrom(...DATES),
);
const value = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 2, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.record({ k: scalar }) },
);

// Sort fields hold scalars or objects: mingo's comparison of an array with a scalar is not a
// consistent order (it compares by any element), so a "first 20" over such values depends on which
// documents the sort happened to see, with or without an index. Arrays live in the filter fields.
const sortable = fc.oneof({ weight: 8, arbitrary: scalar }, { weight: 1, arbitrary: fc.record({ k: scalar }) });

const doc = fc.record(
  {
    a: sortable,
    b: sortable,
    c: sortable,
    n: sortable,
    tags: value,
    p: fc.oneof(fc.record({ q: value }, { requiredKeys: [] }), scalar, fc.array(fc.record({ q: scalar }), { maxLength: 2 })),
  },
  { requiredKeys: [] },
);

const condition = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 2, arbitrary: fc.record({ $in: fc.array(scalar, { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ $eq: scalar }) },
  { weight: 1, arbitrary: fc.record({ $ne: scalar }) },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 2 }) },
  {
    weight: 3,
    arbitrary: fc
      .record(
        { $gt: scalar, $gte: scalar, $lt: scalar, $lte: scalar },
        { requiredKeys: [] },
      )
      .filter((r) => Object.keys(r).length > 0 && Object.keys(r).length <= 2),
  },
);

const conjunction = fc.dictionary(fc.constantFrom(...FIELDS), condition, { maxKeys: 3 });
const query = fc.oneof(
  { weight: 5, arbitrary: conjunction },
  { weight: 1, arbitrary: conjunction.map((c) => ({ $and: Object.entries(c).map(([k, v]) => ({ [k]: v })) })) },
  { weight: 2, arbitrary: fc.tuple(conjunction, fc.array(conjunction, { minLength: 1, maxLength: 3 })).map(([c, or]) => ({ ...c, $or: or })) },
);
const order = fc
  .uniqueArray(fc.tuple(fc.constantFrom('a', 'b', 'c', 'n', '_id'), fc.constantFrom(1 as const, -1 as const)), { maxLength: 3, selector: ([f]) => f })
  .map((pairs) => Object.fromEntries(pairs) as Record<string, 1 | -1>);
const find = fc.record({ query, order, offset: fc.integer({ min: 0, max: 3 }), limit: fc.integer({ min: 1, max: 8 }) });

type Op =
  | { t: 'insert'; docs: Array<Record<string, unknown>> }
  | { t: 'update'; where: Record<string, unknown>; set: Record<string, unknown> }
  | { t: 'remove'; where: Record<string, unknown> }
  | { t: 'find'; q: { query: Record<string, unknown>; order: Record<string, 1 | -1>; offset: number; limit: number } };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.array(doc, { minLength: 1, maxLength: 8 }).map((docs) => ({ t: 'insert' as const, docs })) },
  { weight: 2, arbitrary: fc.tuple(conjunction, doc).map(([where, set]) => ({ t: 'update' as const, where, set })) },
  { weight: 1, arbitrary: fc.tuple(conjunction, fc.array(scalar, { maxLength: 3 })).map(([where, tags]) => ({ t: 'update' as const, where, set: { $push: { tags: { $each: tags } } } })) },
  { weight: 1, arbitrary: conjunction.map((where) => ({ t: 'remove' as const, where })) },
  { weight: 6, arbitrary: find.map((q) => ({ t: 'find' as const, q })) },
);

let nextId = 0;
function both<T>(dbs: Database[], fn: (db: Database) => T): T[] {
  return dbs.map((db) => {
    try {
      return fn(db);
    } catch (e) {
      return { error: (e as Error).message } as T;
    }
  });
}

function runOps(ops: Op[], indexed: Database, plain: Database): void {
  for (const o of ops) {
    if (o.t === 'insert') {
      const docs = o.docs.map((d) => ({ ...d, _id: `d${String(nextId++).padStart(5, '0')}` }));
      both([indexed, plain], (db) => db.insert('things', structuredClone(docs)));
    } else if (o.t === 'update') {
      const [x, y] = both([indexed, plain], (db) => db.modify('things', o.where, structuredClone(o.set), { multi: true, merge: true, upsert: false }));
      expect(x).toEqual(y);
    } else if (o.t === 'remove') {
      const [x, y] = both([indexed, plain], (db) => db.remove('things', o.where, true));
      expect(x).toEqual(y);
    } else {
      const opts = { order: o.q.order, offset: o.q.offset, limit: o.q.limit };
      const [x, y] = both([indexed, plain], (db) => db.find('things', o.q.query, opts));
      expect(x).toEqual(y);
      const [cx, cy] = both([indexed, plain], (db) => db.count('things', o.q.query));
      expect(cx).toEqual(cy);
    }
  }
}

describe('indexed queries answer exactly as a scan', () => {
  it('for random documents, writes and queries (equality, $in, ranges, $and, $or, arrays, dotted fields, order, skip, limit)', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 5, maxLength: 40 }), (ops) => {
        const indexed = new Database('prop', INDEXED, null);
        const plain = new Database('prop', PLAIN, null);
        runOps(ops, indexed, plain);
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('for a document loose in one branch of an $or and failing the query in the other (found by the property above)', () => {
    const ops = [
      { t: 'insert', docs: [{}] },
      { t: 'update', where: {}, set: { p: [] } },
      { t: 'find', q: { query: { $or: [{ 'p.q': { $lte: 0.5 } }, { c: [], a: { $in: [null, false] } }] }, order: {}, offset: 0, limit: 1 } },
    ] as Op[];
    runOps(ops, new Database('prop', INDEXED, null), new Database('prop', PLAIN, null));
  });

  it('for thousands of documents (index chunks split, shrink and vanish)', () => {
    const bulk = fc.array(fc.record({ a: fc.constantFrom('x', 'y', 'z'), b: fc.integer({ min: 0, max: 50 }), n: fc.integer({ min: 0, max: 9 }) }), {
      minLength: 1500,
      maxLength: 3000,
    });
    fc.assert(
      fc.property(bulk, fc.array(op, { minLength: 10, maxLength: 30 }), (docs, ops) => {
        const indexed = new Database('bulk', INDEXED, null);
        const plain = new Database('bulk', PLAIN, null);
        runOps([{ t: 'insert', docs }, { t: 'remove', where: { n: { $in: [1, 2, 3, 4, 5, 6] } } }, ...ops, { t: 'insert', docs }], indexed, plain);
        runOps([{ t: 'find', q: { query: { a: 'y' }, order: { b: -1 }, offset: 5, limit: 8 } }], indexed, plain);
      }),
      { numRuns: 4, endOnFailure: true }, // shrinking thousands of documents takes minutes
    );
  }, 120_000);

  it('inside a transaction, seeing its own writes', () => {
    fc.assert(
      fc.property(fc.array(doc, { minLength: 3, maxLength: 20 }), fc.array(doc, { maxLength: 4 }), fc.array(find, { minLength: 1, maxLength: 5 }), (seed, staged, finds) => {
        const dbs = [new Database('tx', INDEXED, null), new Database('tx', PLAIN, null)];
        const ids = seed.map((_d, i) => `s${i}`);
        for (const db of dbs) db.insert('things', seed.map((d, i) => ({ ...structuredClone(d), _id: ids[i] })));
        const txs = dbs.map((db) => db.startTransaction());
        dbs.forEach((db, k) => {
          staged.forEach((d, i) => {
            try {
              db.insert('things', [{ ...structuredClone(d), _id: `t${i}` }], txs[k]);
            } catch {
              /* the same unique clash on both */
            }
            db.modify('things', { _id: ids[i % ids.length] }, { $set: structuredClone(d) }, { multi: false, merge: true, upsert: false }, txs[k]);
          });
          if (staged.length) db.remove('things', { _id: ids[ids.length - 1] }, false, txs[k]);
        });
        for (const q of finds) {
          const [x, y] = dbs.map((db, k) => {
            try {
              return db.find('things', q.query, { order: q.order, offset: q.offset, limit: q.limit }, txs[k]);
            } catch (e) {
              return (e as Error).message;
            }
          });
          expect(x).toEqual(y);
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});

describe('index maintenance', () => {
  const many = (n: number) => Array.from({ length: n }, (_x, i) => ({ _id: `m${i}`, a: `g${i % 10}`, b: i, c: i % 2 === 0, n: i }));

  it('serves a filtered, ordered page from the index and stops after the page', () => {
    const db = new Database('m', INDEXED, null);
    db.insert('things', many(2000));
    const x = db.explain('things', { a: 'g3' }, { order: { b: -1 }, limit: 20 });
    expect(x).toMatchObject({ plan: 'by_a_b', indexed: true, orderFromIndex: true, returned: 20 });
    expect(x.docsExamined).toBeLessThanOrEqual(21);
    expect(db.find('things', { a: 'g3' }, { order: { b: -1 }, limit: 3 }).map((d) => d.b)).toEqual([1993, 1983, 1973]);
    expect(db.explain('things', { b: { $gt: 5 } }, { limit: 20 })).toMatchObject({ plan: 'scan', indexed: false, docsExamined: 2000 });
  });

  it('follows updates and removals', () => {
    const db = new Database('m', INDEXED, null);
    db.insert('things', many(100));
    db.modify('things', { a: 'g1' }, { $set: { a: 'moved' } }, { multi: true, merge: true, upsert: false });
    expect(db.find('things', { a: 'g1' }, { limit: 100 })).toHaveLength(0);
    expect(db.find('things', { a: 'moved' }, { order: { b: 1 }, limit: 100 }).map((d) => d.b)).toEqual([1, 11, 21, 31, 41, 51, 61, 71, 81, 91]);
    db.remove('things', { a: 'moved', b: { $lt: 50 } }, true);
    expect(db.explain('things', { a: 'moved' }, { limit: 100 })).toMatchObject({ returned: 5, docsExamined: 5, plan: 'by_a_b' });
    db.modify('things', { _id: 'm2' }, { tags: ['red', 'blue'] }, { multi: false, merge: true, upsert: false });
    expect(db.find('things', { tags: 'blue' }, { limit: 10 }).map((d) => d._id)).toEqual(['m2']);
    expect(db.explain('things', { tags: 'blue' }, { limit: 10 })).toMatchObject({ plan: 'by_tags_n', docsExamined: 1 });
  });

  it('keeps answering when whole stretches of an index empty out and fill again', () => {
    const db = new Database('m', INDEXED, null);
    db.insert('things', many(3000));
    db.remove('things', { n: { $lt: 2900 } }, true);
    expect(db.find('things', { a: 'g3' }, { order: { b: 1 }, limit: 100 }).map((d) => d.b)).toEqual([2903, 2913, 2923, 2933, 2943, 2953, 2963, 2973, 2983, 2993]);
    db.insert('things', many(3000).map((d) => ({ ...d, _id: `again-${d._id}`, b: -d.b })));
    expect(db.find('things', { a: 'g3' }, { order: { b: 1 }, limit: 2 }).map((d) => d.b)).toEqual([-2993, -2983]);
    expect(db.explain('things', { a: 'g3', b: { $gte: 0 } }, { limit: 100 })).toMatchObject({ plan: 'by_a_b', returned: 10, docsExamined: 10 });
  });

  it('rebuilds the indexes from the journal on restart, and follows a committed transaction', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-idx-'));
    const file = path.join(dir, 'db.jsonl');
    try {
      const db = new Database('j', INDEXED, file);
      db.insert('things', many(300));
      db.modify('things', { a: 'g2' }, { $set: { a: 'later' } }, { multi: true, merge: true, upsert: false });
      const tx = db.startTransaction();
      db.insert('things', [{ _id: 'tx1', a: 'later', b: 1000 }], tx);
      db.remove('things', { _id: 'm2' }, false, tx);
      db.commitTransaction(tx);
      db.close();
      const again = new Database('j', INDEXED, file);
      const x = again.explain('things', { a: 'later' }, { order: { b: -1 }, limit: 3 });
      expect(x).toMatchObject({ plan: 'by_a_b', orderFromIndex: true, returned: 3 });
      expect(again.find('things', { a: 'later' }, { order: { b: -1 }, limit: 3 }).map((d) => d._id)).toEqual(['tx1', 'm292', 'm282']);
      expect(again.count('things', { a: 'later' })).toBe(30);
      again.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('unindexed queries', () => {
  it('are reported with who sent them, and refused in strict mode on a collection that grows', () => {
    const db = new Database('u', { ...INDEXED, small: { indexes: [] } }, null);
    const seen: UnindexedQuery[] = [];
    db.onUnindexed = (q) => seen.push(q);
    db.insert('things', [{ _id: 'x', a: 'g', b: 1 }]);
    db.find('things', { a: 'g' }, { limit: 10 }, undefined, { functionName: 'event', action: 'list' });
    expect(seen).toHaveLength(0);
    db.find('things', { b: 1 }, { limit: 10 }, undefined, { functionName: 'event', action: 'list' });
    expect(seen).toEqual([expect.objectContaining({ collection: 'things', op: 'get', grows: true, refused: false, origin: { functionName: 'event', action: 'list' } })]);
    db.strictIndexes = true;
    // a test's or a tool's own reads are logged, not refused
    expect(db.count('things', { b: 1 })).toBe(1);
    expect(seen[seen.length - 1]).toMatchObject({ refused: false, origin: undefined });
    expect(() => db.count('things', { b: 1 }, { functionName: 'event', action: 'stats' })).toThrow(/strict index mode: count on things .* from event\.stats/);
    expect(db.count('small', { b: 1 })).toBe(0);
    expect(db.count('things', { a: 'g' })).toBe(1);
  });
});

describe('$lookup in its let/pipeline form', () => {
  const SPECS: Record<string, CollectionSpec> = { ...INDEXED, owners: { indexes: [] } };
  const join = (pipeline: Record<string, unknown>[]) => [
    { $match: { _id: { $in: ['o1', 'o2', 'o3'] } } },
    { $lookup: { from: 'things', let: { who: '$name' }, pipeline, as: 'mine' } },
    { $project: { _id: 1, mine: 1 } },
  ];

  it('gives every stage the other collections: $graphLookup and $unionWith read them too', () => {
    const db = new Database('g', SPECS, null);
    db.insert('owners', [{ _id: 'o1', name: 'g1', boss: null }, { _id: 'o2', name: 'g2', boss: 'g1' }, { _id: 'o3', name: 'g3', boss: 'g2' }]);
    const chain = db.aggregate('owners', [
      { $match: { _id: 'o3' } },
      { $graphLookup: { from: 'owners', startWith: '$boss', connectFromField: 'boss', connectToField: 'name', as: 'bosses' } },
    ]);
    expect((chain[0].bosses as Array<{ name: string }>).map((b) => b.name).sort()).toEqual(['g1', 'g2']);
    db.insert('things', [{ _id: 't1', a: 'x' }]);
    expect(db.aggregate('owners', [{ $match: { _id: 'o1' } }, { $unionWith: { coll: 'things' } }, { $project: { _id: 1 } }])).toEqual([{ _id: 'o1' }, { _id: 't1' }]);
  });

  it('joins each document through an index of the joined collection, with the same answer mingo gives', () => {
    const db = new Database('l', SPECS, null);
    db.insert('owners', [{ _id: 'o1', name: 'g1' }, { _id: 'o2', name: 'g2' }, { _id: 'o3', name: 'nobody' }]);
    db.insert('things', Array.from({ length: 3000 }, (_x, i) => ({ _id: `t${i}`, a: `g${i % 10}`, b: i, c: i % 3 === 0 })));
    const seen: UnindexedQuery[] = [];
    db.onUnindexed = (q) => seen.push(q);
    const pipeline = [{ $match: { c: true, $expr: { $and: [{ $eq: ['$a', '$$who'] }, { $gte: ['$b', 2900] }] } } }, { $sort: { b: -1 } }, { $limit: 2 }, { $project: { _id: 0, b: 1 } }];
    const res = db.aggregate('owners', join(pipeline), { functionName: 'event', action: 'get' });
    expect(res).toEqual([
      { _id: 'o1', mine: [{ b: 2991 }, { b: 2961 }] },
      { _id: 'o2', mine: [{ b: 2982 }, { b: 2952 }] },
      { _id: 'o3', mine: [] },
    ]);
    // served by by_a_b on `a` (the variable's value): nothing reported, even in strict mode
    expect(seen).toEqual([]);
    db.strictIndexes = true;
    expect(db.aggregate('owners', join(pipeline), { functionName: 'event', action: 'get' })).toEqual(res);
    // the same through mingo alone (a let that is an expression): the same answer
    const viaMingo = db.aggregate('owners', [
      { $match: { _id: { $in: ['o1', 'o2', 'o3'] } } },
      { $lookup: { from: 'things', let: { who: { $concat: ['$name', ''] } }, pipeline, as: 'mine' } },
      { $project: { _id: 1, mine: 1 } },
    ]);
    expect(viaMingo).toEqual(res);
  });

  it('reports a join no index serves, and refuses it from a function in strict mode', () => {
    const db = new Database('l', SPECS, null);
    db.insert('owners', [{ _id: 'o1', name: 'g1' }]);
    db.insert('things', [{ _id: 't1', a: 'g1', b: 1, n: 5 }]);
    const seen: UnindexedQuery[] = [];
    db.onUnindexed = (q) => seen.push(q);
    const onN = join([{ $match: { $expr: { $eq: ['$n', 5] } } }]);
    expect(db.aggregate('owners', onN)).toEqual([{ _id: 'o1', mine: [{ _id: 't1', a: 'g1', b: 1, n: 5 }] }]);
    expect(seen).toEqual([expect.objectContaining({ collection: 'things', op: 'aggregate', query: { n: 5 } })]);
    db.strictIndexes = true;
    expect(() => db.aggregate('owners', onN, { functionName: 'event', action: 'get' })).toThrow(/strict index mode: aggregate on things/);
    // a variable that is missing on the outer document joins nothing, as in MongoDB ($eq with null)
    db.insert('owners', [{ _id: 'o2' }]);
    expect(db.aggregate('owners', join([{ $match: { $expr: { $eq: ['$a', '$$who'] } } }]))).toEqual([
      { _id: 'o1', mine: [{ _id: 't1', a: 'g1', b: 1, n: 5 }] },
      { _id: 'o2', mine: [] },
    ]);
  });
});
