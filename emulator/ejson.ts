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
    return toPlain(EJSON.deserialize(resolveServerDates(raw, nowMs) as object, { relaxed: true }));
  } catch (e) {
    throw new WireError('INVALID_PARAM', `invalid EJSON value: ${(e as Error).message}`);
  }
}

export function encodeEjson(value: unknown): string {
  return EJSON.stringify(value as object, { relaxed: false });
}

/** Journal lines keep types (dates, ints) exactly. */
export function parseStored(text: string): unknown {
  return toPlain(EJSON.parse(text, { relaxed: true }));
}
