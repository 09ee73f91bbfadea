// The service client (src/services/client.ts): every action name is a method that calls its function;
// what any object has, and what a promise or a serializer looks for, is not a call.
import type { UserContract } from '@core/user/contract'
import { createClient } from '../../src/services/client'
import { fakeCloud } from './helpers/fakeCloud'

describe('createClient', () => {
  it('calls the function with the action and its data', async () => {
    const calls = fakeCloud({ 'user.login': () => ({ hello: 1 }) })
    const api = createClient<UserContract>('user')
    const res = await api.login({} as never)
    expect(res).toEqual({ ok: true, data: { hello: 1 } })
    expect(calls).toEqual([{ fn: 'user', action: 'login', data: {} }])
    expect(api.login).toBe(api.login)
  })

  it('makes no call for what every object has, nor for a promise or a serializer', async () => {
    const calls = fakeCloud({})
    const api = createClient<UserContract>('user') as unknown as Record<string, unknown>
    expect(String(api)).toBe('[object Object]')
    expect(api.hasOwnProperty).toBe(Object.prototype.hasOwnProperty)
    expect(api.then).toBeUndefined()
    expect(JSON.stringify(api)).toBe('{}')
    expect(await Promise.resolve(api)).toBe(api)
    expect(calls).toEqual([])
  })
})
