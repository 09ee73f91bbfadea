// Contracts: each action's input and output as zod/mini schemas, shared by the cloud function
// (validation, output shaping) and the mini-program (types, form checks). zod/mini keeps the
// client small (≈15 KB against ≈450 KB for full zod).
import * as z from 'zod/mini';
import type { Access } from './access';

// who may call an action lives in access.ts (no zod: the app's menus and page gates load it first)
export { anyone, can, roles, user, type Access } from './access';

export type Schema = z.ZodMiniType;

/**
 * A per-person rate limit: a token bucket of `burst` calls that refills `perMinute` calls a minute.
 * The runtime keeps the buckets in memory, per warm function instance (no database request).
 */
export interface RateLimit {
  readonly burst: number;
  readonly perMinute: number;
}

/**
 * Creating something (a request, an event, a comment, a registration …): 60 at once, then one every
 * 5 s. The burst is generous (the test suites file ~35 requests as one demo resident within a minute);
 * the refill is what stops a script.
 */
export const CREATE_LIMIT: RateLimit = { burst: 60, perMinute: 12 };
/** Uploading a photo: a report's nine and a few more at once, then one every 2 s. */
export const UPLOAD_LIMIT: RateLimit = { burst: 12, perMinute: 30 };
/** An export (a file built and stored): 10 at once (every ledger of the console), then one every 15 s. */
export const EXPORT_LIMIT: RateLimit = { burst: 10, perMinute: 4 };
/** A lookup anyone may make by a number (a certificate check): a school's handful at once, then one every 10 s — no trying numbers in bulk. */
export const CHECK_LIMIT: RateLimit = { burst: 10, perMinute: 6 };

export interface ActionSpec<I extends Schema = Schema, O extends Schema = Schema> {
  input: I;
  output: O;
  access: Access;
  /** The caller's rate limit on this action (create-type actions, uploads, exports). */
  limit?: RateLimit;
}

export type ContractSpec = Record<string, ActionSpec>;

export function defineContract<T extends ContractSpec>(contract: T): T {
  return contract;
}

/** What a caller sends (before defaults and trimming). */
export type InputOf<A extends ActionSpec> = z.input<A['input']>;
/** What a handler receives after validation. */
export type ParsedInputOf<A extends ActionSpec> = z.output<A['input']>;
/** What the caller receives. */
export type OutputOf<A extends ActionSpec> = z.output<A['output']>;

// ---- shared field shapes ----------------------------------------------------------------------

export const id = () => z.string().check(z.minLength(1, '缺少编号'), z.maxLength(64, '编号过长'));
export const text = (max: number, label = '内容') =>
  z.string().check(z.trim(), z.minLength(1, `请填写${label}`), z.maxLength(max, `${label}不能超过 ${max} 个字`));
export const optionalText = (max: number, label = '内容') =>
  z.optional(z.string().check(z.trim(), z.maxLength(max, `${label}不能超过 ${max} 个字`)));
/** Control and direction-override characters: never part of a name anyone types. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
/** Words to search for: short, printable, matched literally (the handler escapes them for the database). */
export const searchText = (max: number, label = '关键词') =>
  z.optional(
    z.string().check(
      z.trim(),
      z.maxLength(max, `${label}不能超过 ${max} 个字`),
      z.refine((v) => !CONTROL.test(v), `${label}含有无法识别的字符，请重新输入`),
    ),
  );
export const phone = () => z.string().check(z.trim(), z.regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号'));
export const isoTime = () => z.iso.datetime({ offset: true, message: '时间格式不正确' });
export const cursorInput = {
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(50))),
};
export const page = <T extends Schema>(item: T) => z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });
