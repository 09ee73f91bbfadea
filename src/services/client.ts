// A typed client per cloud function, derived from its contract: one method per action.
import type { ContractSpec, InputOf, OutputOf } from '@core/contract'
import type { Envelope } from '@core/errors'
import { callFunction } from './platform'

export type Client<C extends ContractSpec> = {
  [K in keyof C]: (data: InputOf<C[K]>) => Promise<Envelope<OutputOf<C[K]>>>
}

/**
 * The client of one function: every action name is a method that calls it. It takes the contract's
 * type only — a service module loads no schema, so the first screen runs without zod (the forms that
 * check input import their contract from core/ themselves, in their own page chunks). An action the
 * contract does not have is refused by the function (INVALID_INPUT), as any unknown call is.
 */
export function createClient<C extends ContractSpec>(fn: string): Client<C> {
  const methods = new Map<string, (data: unknown) => Promise<Envelope<unknown>>>()
  return new Proxy({} as Client<C>, {
    get(target, action) {
      // what every object has (toString, valueOf, constructor …) stays what it is
      if (typeof action !== 'string' || action in target) return Reflect.get(target, action)
      // not an action: what a promise or a serializer looks for on any object
      if (action === 'then' || action === 'toJSON' || action.startsWith('$$') || action.startsWith('@@')) return undefined
      let method = methods.get(action)
      if (!method) methods.set(action, (method = (data: unknown) => callFunction(fn, action, data)))
      return method
    },
  })
}
