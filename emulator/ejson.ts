// EJSON on the wire: the SDK sends canonical EJSON strings; documents live in memory as plain JS values.
import { EJSON, BSONRegExp } from 'bson';

export class WireError extends Error {
  constructor(public code: string, message: string) {
    super(message);
  }
}

/** A canonical EJSON number ({$numberInt: "5"}) or a plain one. */
function numberOf(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object') {
    const n = Number(Object.values(v as Record<string, unknown>)[0]);
    return Number.isFinite(n) ? n : 0;
  }
  return 0;
}

/** Replace `{$tcb_server_date:{offset}}` with a concrete date, recursively, before EJSON parsing. */
function resolveServerDates(value: unknown, nowMs: number): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveServerDates(v, nowMs));
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.length === 1 && keys[0] === '$tcb_server_date') {
      const spec = obj.$tcb_server_date as { offset?: unknown } | null;
      const offset = numberOf(spec?.offset);
      return { $date: { $numberLong: String(nowMs + offset) } };
    }
    const out: Record<string, unknown> = {};
    for (const k of keys) out[k] = resolveServerDates(obj[k], nowMs);
    return out;
  }
  return value;
}

/** BSON wrapper objects that mingo does not understand become plain JS values. */
function toPlain(value: unknown): unknown {
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options.replace(/[^gimsuy]/g, ''));
  if (Array.isArray(value)) return value.map(toPlain);
  if (value && typeof value === 'object' && !(value instanceof Date) && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
    return out;
  }
  return value;
}

/** Parse one EJSON string from the SDK. Empty strings mean "nothing" (the SDK sends `query: ""`). */
export function decodeEjson(text: unknown, nowMs: number): unknown {
  if (text === undefined || text === null || text === '') return undefined;
  if (typeof text !== 'string') return toPlain(text);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new WireError('INVALID_PARAM', `invalid EJSON: ${text.slice(0, 80)}`);
  }
  try {
    return fromWire(raw, nowMs);
  } catch (e) {
    throw new WireError('INVALID_PARAM', `invalid EJSON value: ${(e as Error).message}`);
  }
}

/** bson's reading of a subtree (server dates resolved first), for what the fast path leaves to it. */
function viaBson(value: unknown, nowMs: number): unknown {
  return toPlain(EJSON.deserialize(resolveServerDates(value, nowMs) as object, { relaxed: true }));
}

/** Every key that makes bson read an object as a typed value rather than a document. */
const EJSON_KEYS = new Set([
  '$oid', '$symbol', '$numberInt', '$numberDecimal', '$numberDouble', '$numberLong', '$minKey', '$maxKey', '$regex',
  '$regularExpression', '$timestamp', '$date', '$binary', '$code', '$dbPointer', '$uuid', '$undefined', '$ref',
]);
/** A $numberLong whose digits a JS number holds exactly (what bson's relaxed reading gives). */
const SAFE_LONG = /^-?\d{1,15}$/;

/**
 * JSON.parse's tree as bson's relaxed EJSON reading makes it (numbers, dates, server dates), in one
 * pass and without bson for the shapes the SDK sends; anything rarer is read by bson itself, so the
 * answer is the same (tests/node/unit/emulator-ejson.test.ts compares both).
 */
function fromWire(value: unknown, nowMs: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = fromWire(value[i], nowMs);
    return out;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1) {
    const k = keys[0];
    const v = obj[k];
    if (k === '$numberInt' && typeof v === 'string') return parseInt(v, 10);
    if (k === '$numberDouble' && typeof v === 'string') return parseFloat(v);
    if (k === '$numberLong' && typeof v === 'string' && SAFE_LONG.test(v)) return Number(v) || 0;
    if (k === '$date' && v && typeof v === 'object' && !Array.isArray(v)) {
      const inner = v as Record<string, unknown>;
      const ms = inner.$numberLong;
      if (Object.keys(inner).length === 1 && typeof ms === 'string' && SAFE_LONG.test(ms)) return new Date(Number(ms));
    }
    if (k === '$tcb_server_date') return viaBson(value, nowMs);
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    // bson's typed values, and keys bson refuses (a NUL inside): bson answers for those
    if ((k.charCodeAt(0) === 36 /* $ */ && EJSON_KEYS.has(k)) || k.includes('\u0000')) return viaBson(value, nowMs);
    out[k] = fromWire(obj[k], nowMs);
  }
  return out;
}

/** Thrown inside the fast encoder for a value only bson knows how to write. */
const NOT_PLAIN = Symbol('not plain');
const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;
const INT64_MIN = -Math.pow(2, 63);
const INT64_MAX = Math.pow(2, 63) - 1;

/** Canonical EJSON exactly as bson 4's EJSON.stringify(value, { relaxed: false }) writes it. */
function toWire(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (Math.floor(value) === value) {
        if (value >= INT32_MIN && value <= INT32_MAX) return `{"$numberInt":"${value.toString()}"}`;
        if (value >= INT64_MIN && value <= INT64_MAX) return `{"$numberLong":"${value.toString()}"}`;
      }
      return `{"$numberDouble":"${value.toString()}"}`;
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + toWire(value[i]);
        return out + ']';
      }
      if (value instanceof Date) return `{"$date":{"$numberLong":"${value.getTime().toString()}"}}`;
      if (Object.getPrototypeOf(value) !== Object.prototype) throw NOT_PLAIN;
      let out = '{';
      let first = true;
      for (const k in value as Record<string, unknown>) {
        const v = (value as Record<string, unknown>)[k];
        if (typeof v === 'function') throw NOT_PLAIN;
        out += `${first ? '' : ','}${JSON.stringify(k)}:${toWire(v)}`;
        first = false;
      }
      return out + '}';
    }
    default:
      throw NOT_PLAIN;
  }
}

export function encodeEjson(value: unknown): string {
  try {
    return toWire(value);
  } catch (e) {
    if (e !== NOT_PLAIN) throw e;
    return EJSON.stringify(value as object, { relaxed: false });
  }
}

/** Journal lines keep types (dates, ints) exactly. */
export function parseStored(text: string): unknown {
  return fromWire(JSON.parse(text), Date.now());
}
