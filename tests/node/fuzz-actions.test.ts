// Fuzzing every action (issue 17): from each action's valid fixture, fast-check makes broken payloads
// — wrong types, missing and unknown fields, 100k-character strings, deep nesting, __proto__ and
// constructor keys, lone surrogates, RTL and zero-width characters, huge, negative and non-finite
// numbers, query operators, ids of another compound's records — and sends them as a caller the
// declared access admits. A refused call answers a closed code (never INTERNAL), the reply is JSON,
// and it changes nothing: every collection's content hash is the same after it, and nobody was told.
import fc from 'fast-check';
import { can } from '@core/contract';
import type { Envelope } from '@core/errors';
import { FIXTURES } from './helpers/fixtures';
import { invoke } from './helpers/cloud';
import { FUNCTIONS, FUNCTION_NAMES, IDENTITIES, makeWorld, type Identity, type World } from './helpers/world';

const SEED = 20261217;
const RUNS = 8;
const REFUSALS = new Set(['INVALID_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'UNAUTHENTICATED', 'RATE_LIMITED', 'CONTENT_REJECTED']);

function deep(n: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
}
const withKey = (k: string, v: unknown) => {
  const o: Record<string, unknown> = {};
  Object.defineProperty(o, k, { value: v, enumerable: true, configurable: true, writable: true });
  return o;
};

const oddString = fc.constantFrom(
  'x'.repeat(100_000),
  '\uD800',
  'a\uDFFFb',
  '\u202Eevil\u202C',
  '\u200B\u200D\uFEFF',
  '',
  '   ',
  '\u0000',
  '🏠'.repeat(30),
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '1'.repeat(65),
);
const oddNumber = fc.constantFrom(NaN, Infinity, -Infinity, -1, -0, 0, 1e308, Number.MAX_SAFE_INTEGER + 2, 1.5, -1e10);
const oddValue = fc.oneof(
  oddString,
  oddNumber,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.constantFrom(null, undefined, true, false, [], {}, [[[]]], deep(2000), { $gt: '' }, { $regex: '.*' }, withKey('__proto__', { polluted: true }), new Date(0)),
);

type Path = Array<string | number>;
function pathsOf(v: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...at, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...at, k]));
  return out;
}
function setAt(root: unknown, path: Path, f: (parent: any, key: string | number) => void): unknown {
  const copy = JSON.parse(JSON.stringify(root ?? {}));
  if (!path.length) return copy;
  let p: any = copy;
  for (const k of path.slice(0, -1)) p = p[k];
  f(p, path[path.length - 1]);
  return copy;
}

type Mutation = { kind: string; apply: (valid: unknown, otherIds: string[]) => unknown };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), oddValue).map(([i, v]) => ({
    kind: 'replace',
    apply: (valid: unknown) => {
      const ps = pathsOf(valid);
      const path = ps[i % ps.length];
      return path.length ? setAt(valid, path, (p, k) => (p[k] = v)) : v;
    },
  })),
  fc.nat().map((i) => ({
    kind: 'delete',
    apply: (valid: unknown) => {
      const ps = pathsOf(valid).filter((p) => p.length);
      if (!ps.length) return { unexpected: 1 };
      return setAt(valid, ps[i % ps.length], (p, k) => (Array.isArray(p) ? p.splice(Number(k), 1) : delete p[k]));
    },
  })),
  fc.tuple(fc.constantFrom('unknownField', '__proto__', 'constructor', 'prototype', '$where', '_id', 'openid', 'compoundId'), oddValue).map(([key, v]) => ({
    kind: `key ${key}`,
    apply: (valid: unknown) => {
      const copy = JSON.parse(JSON.stringify(valid ?? {}));
      Object.defineProperty(copy, key, { value: v, enumerable: true, configurable: true, writable: true });
      return copy;
    },
  })),
  fc.nat().map((i) => ({
    kind: 'other compound id',
    apply: (valid: unknown, otherIds: string[]) => {
      const ps = pathsOf(valid).filter((p) => typeof p[p.length - 1] === 'string' && /Id$/.test(String(p[p.length - 1])));
      if (!ps.length) return valid;
      return setAt(valid, ps[i % ps.length], (p, k) => (p[k] = otherIds[i % otherIds.length]));
    },
  })),
  fc.constantFrom<unknown>('data', 42, null, [], [{}], true, deep(5000)).map((v) => ({ kind: 'whole payload', apply: () => v })),
);

/** The caller for an action: the first of these the declared access (and the fixture's object rule) admits. */
const ORDER = ['branch', 'committee', 'grid', 'member', 'resident', 'property', 'officer'];
function actorFor(fnName: string, action: string): Identity {
  const spec = FUNCTIONS[fnName].contract[action];
  const fx = FIXTURES[fnName][action];
  const ok = (i: Identity) => can({ roles: i.roles }, spec) && (!fx.allow?.length || fx.allow.includes(i.key));
  return ORDER.map((k) => IDENTITIES.find((i) => i.key === k)!).find(ok) ?? IDENTITIES.find((i) => i.key === 'branch')!;
}

const sameHashes = (a: Record<string, string>, b: Record<string, string>) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]);

describe('fuzzing every action', () => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld('fuzz');
  }, 60_000);

  it('refuses broken payloads with a closed code, as JSON, and writes nothing', async () => {
    const started = Date.now();
    const problems: string[] = [];
    let payloads = 0;
    let refused = 0;
    let accepted = 0;
    const otherIds = Object.values(world.refs.other);
    for (const fnName of FUNCTION_NAMES) {
      if (FUNCTIONS[fnName].http) continue; // the scheduler takes {} only: covered over HTTP below
      for (const action of Object.keys(FUNCTIONS[fnName].contract)) {
        const fx = FIXTURES[fnName][action];
        const who = actorFor(fnName, action);
        const valid = fx.data(world.refs);
        let before = await world.hash();
        await fc.assert(
          fc.asyncProperty(mutation, async (m) => {
            const payload = m.apply(valid, otherIds);
            payloads++;
            const sent = world.sent.length;
            let res: Envelope<unknown>;
            try {
              res = await world.call(fnName, who, action, payload);
            } catch (e) {
              problems.push(`${fnName}.${action} (${m.kind}) threw: ${(e as Error).message}`);
              return;
            }
            const json = JSON.stringify(res);
            if (!json || JSON.stringify(JSON.parse(json)) !== json) problems.push(`${fnName}.${action} (${m.kind}): reply is not plain JSON`);
            if (res.ok) {
              accepted++;
              // a valid shape aimed at another compound's record must never get through
              if (m.kind === 'other compound id' && JSON.stringify(payload) !== JSON.stringify(valid) && !fx.harmless?.(res.data)) {
                problems.push(`${fnName}.${action} as ${who.key}: another compound's id got through: ${json.slice(0, 160)}`);
              }
              before = await world.hash();
              return;
            }
            refused++;
            if (!REFUSALS.has(res.code)) problems.push(`${fnName}.${action} (${m.kind}) as ${who.key}: ${res.code} ${res.message}`);
            const after = await world.hash();
            const changed = sameHashes(before, after);
            if (changed.length || world.sent.length !== sent) {
              problems.push(`${fnName}.${action} (${m.kind}) as ${who.key} refused with ${res.code} but wrote ${changed.join(', ')}${world.sent.length !== sent ? ' and sent a message' : ''}`);
              before = after;
            }
          }),
          { seed: SEED, numRuns: RUNS, endOnFailure: true },
        );
      }
    }
    console.log(`fuzz figures: ${JSON.stringify({ payloads, refused, accepted, problems: problems.length, seconds: Math.round((Date.now() - started) / 1000) })}\n${problems.join('\n')}`);
    expect(problems).toEqual([]);
  }, 240_000);

  it('answers JSON with a closed code through the real function host', async () => {
    const bad: unknown[] = [
      { action: 'get', data: { requestId: '\uD800' } },
      { action: 'list', data: withKey('__proto__', { admin: true }) },
      { action: 'nope', data: {} },
      { action: 42 },
      'not an event',
      { action: 'login', data: deep(3000) },
      { action: 'run', data: { x: 'x'.repeat(100_000) } },
    ];
    const problems: string[] = [];
    for (const fnName of FUNCTION_NAMES) {
      for (const event of bad) {
        const before = await world.hash();
        let body: Envelope<unknown>;
        try {
          body = (await invoke(world.env, fnName, event, 'demo-branch')).body;
        } catch (e) {
          problems.push(`${fnName} ${JSON.stringify(event).slice(0, 60)}: not JSON (${(e as Error).message})`);
          continue;
        }
        if (body.ok) continue;
        if (!REFUSALS.has(body.code)) problems.push(`${fnName} ${JSON.stringify(event).slice(0, 60)}: ${body.code} ${body.message}`);
        const changed = sameHashes(before, await world.hash());
        if (changed.length) problems.push(`${fnName} ${JSON.stringify(event).slice(0, 60)}: refused but wrote ${changed.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
