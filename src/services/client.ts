// A typed client per cloud function, derived from its contract: one method per action.
import type { ContractSpec, InputOf, OutputOf } from '@core/contract'
import type { Envelope } from '@core/errors'
import { callFunction } from './platform'

export type Client<C extends ContractSpec> = {
  [K in keyof C]: (data: InputOf<C[K]>) => Promise<Envelope<OutputOf<C[K]>>>
}

export function createClient<C extends ContractSpec>(fn: string, contract: C): Client<C> {
  const client = {} as Record<string, (data: unknown) => Promise<Envelope<unknown>>>
  for (const action of Object.keys(contract)) client[action] = (data) => callFunction(fn, action, data)
  return client as Client<C>
}
