// The function runtime without a network: envelope, routing, validation, access and output shaping.
import * as z from 'zod/mini';
import fc from 'fast-check';

const context = { openid: 'caller-1' };
const users: Record<string, Record<string, unknown>> = {
  'caller-1': { _id: 'u1', openid: 'caller-1', roles: ['resident'], compoundId: 'c1' },
  'branch-1': { _id: 'u2', openid: 'branch-1', roles: ['resident', 'branch'], compoundId: 'c1' },
};
const fakeDb = {
  collection: () => ({
    where: (q: { openid: string }) => ({ limit: () => ({ get: async () => ({ data: users[q.openid] ? [users[q.openid]] : [] }) }) }),
  }),
};

jest.mock('../../../cloudfunctions/runtime/cloud', () => ({
  cloud: { getWXContext: () => ({ OPENID: context.openid }) },
  database: () => fakeDb,
}));

import { anyone, defineContract, roles, user } from '@core/contract';
import { fail } from '@core/errors';
import { serve, type Handlers } from '../../../cloudfunctions/runtime/serve';

const contract = defineContract({
  echo: { access: user, input: z.strictObject({ text: z.string().check(z.maxLength(5)) }), output: z.object({ text: z.string() }) },
  whoami: { access: anyone, input: z.strictObject({}), output: z.object({ userId: z.nullable(z.string()) }) },
  branchOnly: { access: roles('branch'), input: z.strictObject({}), output: z.object({ ok: z.boolean() }) },
  leaky: { access: user, input: z.strictObject({}), output: z.object({ name: z.string() }) },
  broken: { access: user, input: z.strictObject({}), output: z.object({ n: z.number() }) },
  refuses: { access: user, input: z.strictObject({}), output: z.object({}) },
  crashes: { access: user, input: z.strictObject({}), output: z.object({}) },
  duplicate: { access: user, input: z.strictObject({}), output: z.object({}) },
});

const handlers: Handlers<typeof contract> = {
  echo: { handle: async (_ctx, input) => ({ text: input.text }) },
  whoami: { handle: async (ctx) => ({ userId: ctx.user?._id ?? null }) },
  branchOnly: { handle: async () => ({ ok: true }) },
  leaky: { handle: async () => ({ name: '王秀兰', phone: '13800000000' }) as never },
  broken: { handle: async () => ({ n: 'not a number' }) as never },
  refuses: {
    handle: async () => {
      throw fail.conflict('已经有人认领了');
    },
  },
  crashes: {
    handle: async () => {
      throw new TypeError('x is undefined');
    },
  },
  duplicate: {
    handle: async () => {
      throw Object.assign(new Error('x'), { errMsg: 'collection.add:fail -502001 database request fail. E11000 duplicate key' });
    },
  },
};

const main = serve(contract, handlers);
const as = (openid: string, event: unknown) => {
  context.openid = openid;
  return main(event);
};

beforeAll(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));

describe('the envelope and the router', () => {
  it('answers ok with the validated data', async () => {
    expect(await as('caller-1', { action: 'echo', data: { text: 'hi' } })).toEqual({ ok: true, data: { text: 'hi' } });
  });

  it('rejects an unknown action, a missing action and a non-object event as INVALID_INPUT', async () => {
    for (const event of [{ action: 'nope' }, { data: {} }, null, 'echo', 42, [], { action: '__proto__' }, { action: 'constructor' }]) {
      expect(await as('caller-1', event)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    }
  });

  it('explains invalid data in Chinese, naming the field', async () => {
    const res = await as('caller-1', { action: 'echo', data: { text: 'too long here' } });
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(!res.ok && res.message).toMatch(/^text：.*[\u4e00-\u9fa5]/);
    expect(await as('caller-1', { action: 'echo', data: { text: 'ok', extra: true } })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('takes identity from the WeChat context only', async () => {
    expect(await as('', { action: 'whoami', data: {} })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await as('stranger', { action: 'whoami', data: {} })).toEqual({ ok: true, data: { userId: null } });
    expect(await as('stranger', { action: 'echo', data: { text: 'a' } })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('checks roles from the stored user, not from the payload', async () => {
    expect(await as('caller-1', { action: 'branchOnly', data: {} })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await as('caller-1', { action: 'branchOnly', data: { roles: ['branch'] } })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await as('branch-1', { action: 'branchOnly', data: {} })).toEqual({ ok: true, data: { ok: true } });
  });

  it('returns only the fields the output contract names', async () => {
    expect(await as('caller-1', { action: 'leaky', data: {} })).toEqual({ ok: true, data: { name: '王秀兰' } });
  });

  it('turns an output that breaks its contract into INTERNAL, not a malformed reply', async () => {
    expect(await as('caller-1', { action: 'broken', data: {} })).toMatchObject({ ok: false, code: 'INTERNAL' });
  });

  it('passes domain errors through, maps duplicate keys to CONFLICT and hides crashes', async () => {
    expect(await as('caller-1', { action: 'refuses', data: {} })).toEqual({ ok: false, code: 'CONFLICT', message: '已经有人认领了' });
    expect(await as('caller-1', { action: 'duplicate', data: {} })).toMatchObject({ ok: false, code: 'CONFLICT' });
    const crash = await as('caller-1', { action: 'crashes', data: {} });
    expect(crash).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(JSON.stringify(crash)).not.toContain('undefined');
  });

  it('never throws and always answers with the closed envelope, whatever it is sent', async () => {
    const codes = ['INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'CONTENT_REJECTED', 'INTERNAL'];
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.constantFrom(...Object.keys(contract), 'x'), fc.anything(), async (event, action, data) => {
        for (const e of [event, { action, data }]) {
          const res = await as('caller-1', e);
          if (res.ok) expect(res.data).toBeDefined();
          else {
            expect(codes).toContain(res.code);
            expect(typeof res.message).toBe('string');
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
