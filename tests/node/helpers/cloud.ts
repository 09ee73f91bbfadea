// What function tests need: their own environment on the shared emulator, calls through the
// function host, the control API, and the real wx-server-sdk pointed at the emulator.
import { randomBytes } from 'node:crypto';
import type { Envelope } from '@core/errors';
import type { ContractSpec, InputOf, OutputOf } from '@core/contract';

export function emulatorUrl(): string {
  const url = process.env.LINLI_TEST_EMULATOR_URL;
  if (!url) throw new Error('LINLI_TEST_EMULATOR_URL is not set: run the node tests through jest (globalSetup)');
  return url;
}

export function freshEnv(label: string): string {
  return `t-${label}-${randomBytes(4).toString('hex')}`;
}

export async function control<T = unknown>(env: string, route: string, method = 'GET', body?: unknown): Promise<T> {
  const res = await fetch(`${emulatorUrl()}/__emulator${route}${route.includes('?') ? '&' : '?'}env=${encodeURIComponent(env)}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${route} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export interface CallResult<T> {
  body: Envelope<T>;
  dbRequests: number;
  status: number;
}

export async function invoke<T = unknown>(env: string, fn: string, event: unknown, openid: string): Promise<CallResult<T>> {
  const res = await fetch(`${emulatorUrl()}/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid, 'x-linli-env': env },
    body: JSON.stringify(event),
  });
  return { body: (await res.json()) as Envelope<T>, dbRequests: Number(res.headers.get('x-linli-db-requests') ?? -1), status: res.status };
}

/** A typed caller of one function, bound to an environment. */
export function client<C extends ContractSpec>(env: string, fn: string) {
  return {
    async call<K extends keyof C & string>(openid: string, action: K, data: InputOf<C[K]> | Record<string, unknown>): Promise<Envelope<OutputOf<C[K]>>> {
      return (await invoke<OutputOf<C[K]>>(env, fn, { action, data }, openid)).body;
    },
    async ok<K extends keyof C & string>(openid: string, action: K, data: InputOf<C[K]> | Record<string, unknown>): Promise<OutputOf<C[K]>> {
      const body = (await invoke<OutputOf<C[K]>>(env, fn, { action, data }, openid)).body;
      if (!body.ok) throw new Error(`${fn}.${action} as ${openid} failed: ${body.code} ${body.message}`);
      return body.data;
    },
  };
}

type Cloud = typeof import('wx-server-sdk');

/**
 * The real SDK, initialised for one environment on an emulator. wx-server-sdk keeps one
 * instance per process and ignores a second init, so each call loads a private copy.
 */
export function sdk(env: string, url = emulatorUrl(), options: Record<string, unknown> = {}): Cloud {
  let cloud!: Cloud;
  jest.isolateModules(() => {
     
    cloud = require('wx-server-sdk') as Cloud;
  });
  cloud.init({ env, serviceUrl: `${url}/admin`, secretId: 'local', secretKey: 'local', ...options } as Parameters<Cloud['init']>[0]);
  return cloud;
}

export async function countDocs(env: string, collection: string): Promise<number> {
  const { items } = await control<{ items: Array<{ name: string; count: number }> }>(env, '/collections');
  return items.find((c) => c.name === collection)?.count ?? 0;
}
