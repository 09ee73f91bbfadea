// A stand-in for the local function host: answers Taro.request calls by function and action.
import Taro from '@tarojs/taro'
import type { Session } from '@core/user/contract'
import type { ErrorCode } from '@core/errors'

export type Reply = (data: Record<string, unknown>) => unknown
export type Calls = Array<{ fn: string; action: string; data: Record<string, unknown> }>

/** A reply that makes the call fail with this code and message, e.g. `() => failWith('CONFLICT', '…')`. */
export class Failure {
  constructor(
    readonly code: ErrorCode,
    readonly message: string,
  ) {}
}
export const failWith = (code: ErrorCode, message: string) => new Failure(code, message)

export function fakeCloud(routes: Record<string, Reply>): Calls {
  const calls: Calls = []
  jest.spyOn(Taro, 'request').mockImplementation(((opts: { url: string; data: { action: string; data: Record<string, unknown> } }) => {
    const fn = opts.url.split('/functions/')[1]
    const { action, data } = opts.data
    calls.push({ fn, action, data })
    // route keys are `${function}.${action}`, e.g. 'user.login', 'request.create'
    const route = routes[`${fn}.${action}`]
    const reply = route ? route(data) : new Failure('NOT_FOUND', `no fake for ${fn}.${action}`)
    const body = reply instanceof Failure ? { ok: false, code: reply.code, message: reply.message } : { ok: true, data: reply }
    return Promise.resolve({ statusCode: 200, data: body, header: {}, errMsg: 'request:ok' })
  }) as never)
  return calls
}

export function session(overrides: Partial<Session> = {}): Session {
  return {
    userId: 'u1',
    roles: [],
    compound: null,
    household: null,
    binding: null,
    consents: { privacy: true, privacyVersion: '2026-11-v1', party: false, publishName: false },
    profile: { displayName: '邻居', phoneMasked: null, elderMode: false, party: null, badge: false },
    gridBuildingIds: [],
    ...overrides,
  }
}
