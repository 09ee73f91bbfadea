// The emulator's own EJSON reader and writer against bson's (what the SDK speaks): the same text out,
// the same values in, for the shapes the SDK sends and for random documents — including the rare
// typed values the fast path hands to bson.
import { EJSON } from 'bson';
import { decodeEjson, encodeEjson } from '../../../emulator/ejson';

const bsonEncode = (v: unknown) => EJSON.stringify(v as object, { relaxed: false });
/** The reading before the fast path: bson's relaxed deserialize, regular expressions made native. */
const bsonDecode = (text: string) => {
  const plain = (x: unknown): unknown => {
    if (x && typeof x === 'object' && (x as { _bsontype?: string })._bsontype === 'BSONRegExp') {
      const r = x as { pattern: string; options: string };
      return new RegExp(r.pattern, r.options.replace(/[^gimsuy]/g, ''));
    }
    if (Array.isArray(x)) return x.map(plain);
    if (x && typeof x === 'object' && !(x instanceof Date) && Object.getPrototypeOf(x) === Object.prototype) return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, plain(v)]));
    return x;
  };
  return plain(EJSON.deserialize(JSON.parse(text), { relaxed: true }));
};

/** A deterministic generator (mulberry32), so a failure names its seed. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NUMBERS = [0, -0, 1, -1, 7, 2147483647, 2147483648, -2147483648, -2147483649, 1.5, -2.25, 1e21, 1e-7, 3e10, 0.1 + 0.2, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 2 ** 63, -(2 ** 63), 2 ** 64, NaN, Infinity, -Infinity, 4.35, 1e300];
const STRINGS = ['', 'x', '红湖公园城', 'a"b\\c', '\u0000\u001f', '😀', '$lt', 'line\nbreak', '\ud800'];
const KEYS = ['a', 'title', '$lt', '$in', '$eq', 'b.c', '0', '10', '__x', '名字', '$and', '$set'];

function value(r: () => number, depth: number): unknown {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const k = Math.floor(r() * (depth > 3 ? 6 : 9));
  switch (k) {
    case 0: return pick(NUMBERS);
    case 1: return Math.floor(r() * 1e6) - 5e5;
    case 2: return pick(STRINGS);
    case 3: return r() < 0.5;
    case 4: return r() < 0.5 ? null : undefined;
    case 5: return new Date(Math.floor(r() * 4e12) - 1e12);
    case 6: return Array.from({ length: Math.floor(r() * 4) }, () => value(r, depth + 1));
    default: {
      const out: Record<string, unknown> = {};
      for (let i = Math.floor(r() * 5); i > 0; i--) out[pick(KEYS)] = value(r, depth + 1);
      return out;
    }
  }
}

describe('emulator EJSON', () => {
  it('writes exactly what bson writes, for edge values and 3,000 random documents', () => {
    for (const n of NUMBERS) expect(encodeEjson({ n })).toBe(bsonEncode({ n }));
    for (const s of STRINGS) expect(encodeEjson({ s })).toBe(bsonEncode({ s }));
    for (const d of [new Date(0), new Date(-1), new Date(8.64e15), new Date(NaN)]) expect(encodeEjson({ d })).toBe(bsonEncode({ d }));
    expect(encodeEjson({ a: undefined, b: [undefined, 1] })).toBe(bsonEncode({ a: undefined, b: [undefined, 1] }));
    expect(encodeEjson({ r: /a.b/i })).toBe(bsonEncode({ r: /a.b/i }));
    for (let seed = 1; seed <= 3000; seed++) {
      const doc = { _id: `d${seed}`, v: value(rng(seed), 0) };
      expect([seed, encodeEjson(doc)]).toEqual([seed, bsonEncode(doc)]);
    }
  });

  it('reads what the SDK sends as bson reads it, and round-trips random documents', () => {
    const texts = [
      '{"v":{"$numberLong":"5"}}', '{"v":{"$numberLong":"9007199254740993"}}', '{"v":{"$numberLong":"-123456789012345"}}',
      '{"v":{"$date":"2020-01-01T00:00:00Z"}}', '{"v":{"$date":1}}', '{"v":{"$date":{"$numberLong":"-5"}}}',
      '{"v":{"$numberDouble":"-0.0"}}', '{"v":{"$numberDouble":"NaN"}}', '{"v":{"$numberDouble":"1e+21"}}', '{"v":{"$numberInt":"7"}}',
      '{"v":{"$regularExpression":{"pattern":"a","options":"i"}}}', '{"v":{"$date":{"$numberLong":"5"},"x":1}}', '{"v":{"$date":null}}',
      '{"v":{"$numberInt":"7","y":2}}', '{"q":{"$and":[{"a":{"$lt":{"$numberInt":"3"}}},{"b":{"$in":["x",null]}}]}}',
      '{"$set":{"n":{"$numberInt":"1"}},"d":[{"$date":{"$numberLong":"1700000000000"}}]}', '"plain"', '[1,{"a":[]}]',
      '{"v":{"$numberLong":"-0"}}', '{"d":{"$date":{"$numberLong":"-0"}}}',
    ];
    for (const t of texts) expect([t, decodeEjson(t, 0)]).toEqual([t, bsonDecode(t)]);
    for (let seed = 1; seed <= 3000; seed++) {
      const text = bsonEncode({ v: value(rng(seed), 0) });
      expect([seed, decodeEjson(text, 0)]).toEqual([seed, bsonDecode(text)]);
    }
  });

  it('refuses what bson refuses: a key with a NUL in it', () => {
    expect(() => EJSON.deserialize(JSON.parse('{"a\\u0000b":1}'), { relaxed: true })).toThrow();
    expect(() => decodeEjson('{"a\\u0000b":1}', 0)).toThrow(/invalid EJSON value/);
  });

  it('resolves server dates wherever they are', () => {
    const out = decodeEjson('{"$set":{"at":{"$tcb_server_date":{"offset":{"$numberInt":"1000"}}}},"l":[{"$tcb_server_date":{"offset":0}}]}', 5000) as any;
    expect(out.$set.at).toEqual(new Date(6000));
    expect(out.l[0]).toEqual(new Date(5000));
  });
});
