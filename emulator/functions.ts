// The function host: runs bundled cloud functions in this process, truly concurrently, each
// invocation seeing only its own identity through an AsyncLocalStorage view of process.env.
import fs from 'node:fs';
import path from 'node:path';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import { newId } from './db';

type EnvOverlay = Record<string, string | undefined>;
const invocationEnv = new AsyncLocalStorage<EnvOverlay>();
let proxyInstalled = false;

/** wx-server-sdk reads identity from process.env on every call; give each invocation its own. */
export function installEnvProxy(): void {
  if (proxyInstalled) return;
  proxyInstalled = true;
  const real = process.env;
  const overlay = (key: string | symbol): EnvOverlay | undefined => {
    const store = invocationEnv.getStore();
    return store && typeof key === 'string' && Object.prototype.hasOwnProperty.call(store, key) ? store : undefined;
  };
  process.env = new Proxy(real, {
    get(target, key) {
      const store = overlay(key);
      return store ? store[key as string] : Reflect.get(target, key);
    },
    has(target, key) {
      const store = overlay(key);
      return store ? store[key as string] !== undefined : Reflect.has(target, key);
    },
    set(target, key, value) {
      const store = overlay(key) ?? invocationEnv.getStore();
      if (store && typeof key === 'string') store[key] = String(value);
      else Reflect.set(target, key, String(value));
      return true;
    },
    deleteProperty(target, key) {
      const store = invocationEnv.getStore();
      if (store && typeof key === 'string') store[key] = undefined;
      else Reflect.deleteProperty(target, key);
      return true;
    },
    ownKeys(target) {
      const store = invocationEnv.getStore();
      const keys = new Set(Reflect.ownKeys(target));
      if (store) {
        for (const [k, v] of Object.entries(store)) {
          if (v === undefined) keys.delete(k);
          else keys.add(k);
        }
      }
      return [...keys];
    },
    getOwnPropertyDescriptor(target, key) {
      const store = overlay(key);
      if (!store) return Reflect.getOwnPropertyDescriptor(target, key);
      const value = store[key as string];
      return value === undefined ? undefined : { value, writable: true, enumerable: true, configurable: true };
    },
  });
}

export interface FunctionConfig {
  timeout: number;
  triggers: Array<{ name: string; type: 'timer'; config: string }>;
}

interface LoadedFunction {
  main: (event: unknown, context: unknown) => Promise<unknown>;
  config: FunctionConfig;
  mtimeMs: number;
}

export interface Invocation {
  id: string;
  functionName: string;
  action?: string;
  env: string;
  openid: string;
  source: string;
  parentId?: string;
  startedAt: number;
  queuedMs: number;
  durationMs?: number;
  dbRequests: number;
  outcome?: 'ok' | 'error' | 'timeout';
}

export class FunctionError extends Error {
  constructor(
    public code: 'FUNCTIONS_REQUEST_FAIL' | 'FUNCTIONS_EXECUTE_FAIL',
    message: string,
    public status = 500,
  ) {
    super(message);
  }
}

/** A small counting semaphore: CloudBase runs at most N instances of a function at once. */
class Gate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly limit: number) {}
  async enter(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  leave(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

export interface HostOptions {
  /** Folders of bundled functions, searched in order (the first holding a name wins). */
  dirs: string[];
  baseUrl: () => string;
  clockOffsetMs: (env: string) => number;
  /** The instant a stopped clock shows, or null while it runs. */
  frozenAt?: (env: string) => number | null;
  concurrency: number;
  timeoutScale: number;
}

/** The action an event asks for: `action` of a call, `timer:<trigger>` of a timer trigger. */
function actionOf(event: unknown): string | undefined {
  if (!event || typeof event !== 'object') return undefined;
  const e = event as { action?: unknown; Type?: unknown; TriggerName?: unknown };
  if (typeof e.action === 'string') return e.action;
  if (e.Type === 'Timer' && typeof e.TriggerName === 'string') return `timer:${e.TriggerName}`;
  return undefined;
}

const NAME = /^[a-zA-Z][a-zA-Z0-9_-]{0,59}$/;
const KEEP_INVOCATIONS = 20_000;

export class FunctionHost {
  private readonly loaded = new Map<string, LoadedFunction>();
  private readonly gates = new Map<string, Gate>();
  readonly invocations = new Map<string, Invocation>();

  constructor(private readonly opts: HostOptions) {
    installEnvProxy();
  }

  names(): string[] {
    const names = new Set<string>();
    for (const dir of this.opts.dirs) {
      if (!fs.existsSync(dir)) continue;
      for (const n of fs.readdirSync(dir)) if (NAME.test(n) && fs.existsSync(path.join(dir, n, 'index.js'))) names.add(n);
    }
    return [...names].sort();
  }

  private folderOf(name: string): string | null {
    for (const dir of this.opts.dirs) if (fs.existsSync(path.join(dir, name, 'index.js'))) return path.join(dir, name);
    return null;
  }

  private load(name: string): LoadedFunction {
    if (!NAME.test(name)) throw new FunctionError('FUNCTIONS_REQUEST_FAIL', `invalid function name: ${name}`, 404);
    const folder = this.folderOf(name);
    if (!folder) throw new FunctionError('FUNCTIONS_REQUEST_FAIL', `function not found: ${name}`, 404);
    const file = path.join(folder, 'index.js');
    const stat = fs.statSync(file);
    const cached = this.loaded.get(name);
    if (cached && cached.mtimeMs === stat.mtimeMs) return cached;
    const req = createRequire(file);
    delete req.cache[file];
    // On CloudBase every function runs in its own process: give each bundle its own wx-server-sdk,
    // so one function's cloud.init (env, throwOnNotFound, …) never changes another's.
    for (const key of Object.keys(req.cache)) if (key.includes(`${path.sep}node_modules${path.sep}wx-server-sdk${path.sep}`)) delete req.cache[key];
    const mod = req(file) as { main?: LoadedFunction['main'] };
    if (typeof mod.main !== 'function') throw new FunctionError('FUNCTIONS_REQUEST_FAIL', `function ${name} exports no main`, 500);
    const configFile = path.join(folder, 'config.json');
    const config: FunctionConfig = { timeout: 3, triggers: [] };
    if (fs.existsSync(configFile)) Object.assign(config, JSON.parse(fs.readFileSync(configFile, 'utf8')));
    const fn = { main: mod.main, config, mtimeMs: stat.mtimeMs };
    this.loaded.set(name, fn);
    return fn;
  }

  triggersOf(name: string): FunctionConfig['triggers'] {
    return this.load(name).config.triggers ?? [];
  }

  countDbRequest(invocationId: string): void {
    const inv = this.invocations.get(invocationId);
    if (inv) inv.dbRequests++;
  }

  /** Run one invocation; resolves with the function's return value. */
  async invoke(
    name: string,
    event: unknown,
    who: { env: string; openid: string; source: string; parentId?: string },
  ): Promise<{ result: unknown; invocation: Invocation }> {
    const fn = this.load(name);
    const id = newId();
    const action = actionOf(event);
    const invocation: Invocation = {
      id,
      functionName: name,
      action,
      env: who.env,
      openid: who.openid,
      source: who.source,
      parentId: who.parentId,
      startedAt: Date.now(),
      queuedMs: 0,
      dbRequests: 0,
    };
    this.remember(invocation);
    const gate = this.gates.get(name) ?? new Gate(this.opts.concurrency);
    this.gates.set(name, gate);
    const queuedAt = Date.now();
    await gate.enter();
    invocation.queuedMs = Date.now() - queuedAt;
    const started = Date.now();
    const env: EnvOverlay = {
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP',
      WX_OPENID: who.openid,
      WX_APPID: 'wx-linli-local',
      WX_UNIONID: '',
      WX_CLIENTIP: '127.0.0.1',
      TCB_ENV: who.env,
      SCF_NAMESPACE: who.env,
      TCB_SOURCE: who.source,
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${this.opts.baseUrl()}/inv/${id}/admin` }),
      LINLI_CLOCK_OFFSET_MS: String(this.opts.clockOffsetMs(who.env)),
      LINLI_CLOCK_AT: String(this.opts.frozenAt?.(who.env) ?? ''),
      LINLI_INVOCATION_ID: id,
    };
    const timeoutMs = fn.config.timeout * 1000 * this.opts.timeoutScale;
    let timer: NodeJS.Timeout | undefined;
    try {
      const run = invocationEnv.run(env, () => fn.main(event, { request_id: id, function_name: name }));
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new FunctionError('FUNCTIONS_EXECUTE_FAIL', `Task timed out after ${fn.config.timeout.toFixed(2)} seconds`)),
          timeoutMs,
        );
      });
      const result = await Promise.race([run, timeout]);
      invocation.outcome = 'ok';
      return { result, invocation };
    } catch (e) {
      invocation.outcome = e instanceof FunctionError ? 'timeout' : 'error';
      if (e instanceof FunctionError) throw e;
      throw new FunctionError('FUNCTIONS_EXECUTE_FAIL', `function ${name} threw: ${(e as Error)?.stack ?? String(e)}`);
    } finally {
      clearTimeout(timer);
      invocation.durationMs = Date.now() - started;
      gate.leave();
    }
  }

  private remember(inv: Invocation): void {
    this.invocations.set(inv.id, inv);
    if (this.invocations.size > KEEP_INVOCATIONS) {
      const oldest = this.invocations.keys().next().value;
      if (oldest !== undefined) this.invocations.delete(oldest);
    }
  }
}
