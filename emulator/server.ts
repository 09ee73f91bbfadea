// The local CloudBase: the wire protocol wx-server-sdk speaks, the function host, storage,
// open-API stand-ins, a controllable clock, and a small control API for tests (/__emulator).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createHash, randomUUID } from 'node:crypto';
import { COLLECTIONS } from '../cloudfunctions/runtime/collections';
import { CODES, Database, afterDurable, type QueryOrigin, type UnindexedQuery } from './db';
import { WireError, decodeEjson, encodeEjson } from './ejson';
import { FaultSwitch, type FaultSpec } from './faults';
import { FunctionError, FunctionHost } from './functions';
import { isEmpty, seedDemo, seedSampleContent } from './seed';
import { decodeOpenApiRequest, encodeOpenApiResponse, parseMultipart } from './protobuf';

export interface EmulatorOptions {
  port?: number;
  host?: string;
  /** Data directory; null keeps everything in memory (unit tests). */
  dataDir: string | null;
  functionsDirs: string[];
  staticDir?: string;
  defaultEnv?: string;
  fsync?: boolean;
  /** Max concurrent instances per function (CloudBase basic quota: 20). */
  concurrency?: number;
  timeoutScale?: number;
  /** Refuse queries that no declared index serves on collections declared to grow. */
  strictIndexes?: boolean;
}

/** One kind of unindexed query: same sender, collection, operation and query shape. */
export interface UnindexedEntry {
  env: string;
  collection: string;
  op: string;
  /** The query with its values blanked (`?`), which is what an index has to serve. */
  shape: string;
  /** The first query of this shape, as EJSON. */
  example: string;
  order?: Record<string, 1 | -1>;
  functionName: string | null;
  action: string | null;
  grows: boolean;
  /** Refused by strict mode (at least once). */
  refused: boolean;
  count: number;
  firstAt: string;
  lastAt: string;
}

const KEEP_UNINDEXED = 1000;

/** A query's shape: field names and operators kept, values blanked. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.length && value.every((v) => v && typeof v === 'object' && !(v instanceof Date)) ? value.map(shapeOf) : '?';
  if (value && typeof value === 'object' && !(value instanceof Date) && !(value instanceof RegExp)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]));
  }
  return '?';
}

export interface OutboxEntry {
  id: number;
  env: string;
  apiName: string;
  params: Record<string, unknown>;
  reply: unknown;
  at: string;
  invocationId?: string;
}

const MAX_JSON_BODY = 1024 * 1024;
const MAX_UPLOAD = 20 * 1024 * 1024;
export const DEFAULT_ENV = 'linli-local';

/** Static files worth compressing (text). */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.map']);

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

class HttpError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
  ) {
    super(message);
  }
}

export class Emulator {
  readonly dbs = new Map<string, Database>();
  readonly host: FunctionHost;
  readonly outbox: OutboxEntry[] = [];

  /** Forgets one environment's recorded open-API calls, in place. */
  private clearOutbox(env: string): void {
    const kept = this.outbox.filter((o) => o.env !== env);
    this.outbox.splice(0, this.outbox.length, ...kept);
  }
  private outboxSeq = 0;
  /** Each environment has its own clock, so tests in parallel can move time independently. */
  private readonly clockOffsets = new Map<string, number>();
  /** A stopped clock per environment (tests of simultaneity: every invocation sees the same instant). */
  private readonly frozenAt = new Map<string, number>();
  /** Deterministic content check: a text containing any of these words is risky / held for review. */
  riskyWords = ['违禁词', '赌博', '诈骗链接'];
  reviewWords = ['待审核'];
  private readonly openApiReplies = new Map<string, unknown>();
  private server: http.Server | null = null;
  private port = 0;
  readonly dbRequests = { total: 0 };
  /** Injected database failures and delays (control API: /__emulator/faults). */
  readonly faults = new FaultSwitch();
  /** Queries that no declared index served, one entry per sender, collection and query shape. */
  readonly unindexed = new Map<string, UnindexedEntry>();
  private strict: boolean;

  constructor(readonly opts: EmulatorOptions) {
    this.strict = !!opts.strictIndexes;
    this.host = new FunctionHost({
      dirs: opts.functionsDirs,
      baseUrl: () => this.url,
      clockOffsetMs: (env) => this.clockOffset(env),
      frozenAt: (env) => this.frozenAt.get(env) ?? null,
      concurrency: opts.concurrency ?? 20,
      timeoutScale: opts.timeoutScale ?? 1,
    });
    if (opts.dataDir) {
      fs.mkdirSync(path.join(opts.dataDir, 'db'), { recursive: true });
      const clockFile = path.join(opts.dataDir, 'clock.json');
      if (fs.existsSync(clockFile)) {
        const saved = JSON.parse(fs.readFileSync(clockFile, 'utf8')) as { offsets?: Record<string, number> };
        for (const [env, ms] of Object.entries(saved.offsets ?? {})) this.clockOffsets.set(env, ms);
      }
      // open every environment that has data so a restart serves it at once
      for (const f of fs.readdirSync(path.join(opts.dataDir, 'db'))) {
        if (f.endsWith('.jsonl')) this.db(decodeURIComponent(f.slice(0, -'.jsonl'.length)));
      }
    }
  }

  get url(): string {
    return `http://${this.opts.host ?? '127.0.0.1'}:${this.port}`;
  }

  clockOffset(env: string): number {
    return this.clockOffsets.get(env) ?? 0;
  }

  now(env: string): number {
    return this.frozenAt.get(env) ?? Date.now() + this.clockOffset(env);
  }

  setClockOffset(env: string, ms: number): void {
    if (ms) this.clockOffsets.set(env, ms);
    else this.clockOffsets.delete(env);
    if (this.opts.dataDir) {
      fs.writeFileSync(path.join(this.opts.dataDir, 'clock.json'), JSON.stringify({ offsets: Object.fromEntries(this.clockOffsets) }));
    }
  }

  db(env: string): Database {
    let db = this.dbs.get(env);
    if (!db) {
      if (!env || env.length > 64) throw new WireError(CODES.invalidParam, `invalid env: ${env}`);
      const file = this.opts.dataDir ? path.join(this.opts.dataDir, 'db', `${encodeURIComponent(env)}.jsonl`) : null;
      db = new Database(env, COLLECTIONS, file, this.opts.fsync);
      db.strictIndexes = this.strict;
      db.onUnindexed = (q) => this.recordUnindexed(q);
      this.dbs.set(env, db);
    }
    return db;
  }

  get strictIndexes(): boolean {
    return this.strict;
  }

  set strictIndexes(on: boolean) {
    this.strict = on;
    for (const db of this.dbs.values()) db.strictIndexes = on;
  }

  private recordUnindexed(q: UnindexedQuery): void {
    const shape = JSON.stringify(shapeOf(q.query));
    const fn = q.origin?.functionName ?? null;
    const action = q.origin?.action ?? null;
    const key = [q.env, fn, action, q.collection, q.op, shape, JSON.stringify(q.order ?? {})].join('\u0000');
    const at = new Date().toISOString();
    const refused = q.refused;
    const seen = this.unindexed.get(key);
    if (seen) {
      seen.count++;
      seen.lastAt = at;
      seen.refused ||= refused;
      return;
    }
    const entry: UnindexedEntry = {
      env: q.env,
      collection: q.collection,
      op: q.op,
      shape,
      example: encodeEjson(q.query),
      ...(q.order ? { order: q.order } : {}),
      functionName: fn,
      action,
      grows: q.grows,
      refused,
      count: 1,
      firstAt: at,
      lastAt: at,
    };
    this.unindexed.set(key, entry);
    if (this.unindexed.size > KEEP_UNINDEXED) this.unindexed.delete(this.unindexed.keys().next().value!);
    const who = fn ? `${fn}${action ? `.${action}` : ''}` : 'a direct SDK call';
    console.warn(
      `[unindexed${refused ? ', refused by strict mode' : ''}] ${q.op} on ${q.collection} ${shape}${q.order ? ` order ${JSON.stringify(q.order)}` : ''} from ${who} (env ${q.env})`,
    );
  }

  private originOf(invocationId?: string): QueryOrigin | undefined {
    const inv = invocationId ? this.host.invocations.get(invocationId) : undefined;
    return inv ? { functionName: inv.functionName, action: inv.action, invocationId: inv.id } : undefined;
  }

  async listen(): Promise<string> {
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((e) => {
        if (!res.headersSent) sendJson(res, 500, { code: 'SYS_ERR', message: String((e as Error)?.message ?? e) });
        else res.end();
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.opts.port ?? 0, this.opts.host ?? '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as { port: number }).port;
    // it serves the H5 build too: certificates' QR codes open its check page here
    process.env.LINLI_H5_ORIGIN ||= this.url;
    return this.url;
  }

  async close(): Promise<void> {
    if (this.server) {
      this.server.closeAllConnections();
      await new Promise<void>((resolve) => this.server!.close(() => resolve()));
      this.server = null;
    }
    for (const db of this.dbs.values()) db.close();
  }

  // ---- HTTP routing ----------------------------------------------------------------------------

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    const p = url.pathname;
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'content-type, x-wx-openid, x-linli-env');
    res.setHeader('Access-Control-Expose-Headers', 'x-linli-invocation, x-linli-db-requests');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    try {
      const admin = /^\/(?:inv\/([0-9a-f]{32})\/)?admin$/.exec(p);
      if (admin && req.method === 'POST') return await this.handleAdmin(req, res, url, admin[1]);
      const fn = /^\/functions\/([^/]+)$/.exec(p);
      if (fn && req.method === 'POST') return await this.handleFunction(req, res, decodeURIComponent(fn[1]));
      const trigger = /^\/triggers\/([^/]+)$/.exec(p);
      if (trigger && req.method === 'POST') return await this.handleTrigger(req, res, decodeURIComponent(trigger[1]));
      if (p.startsWith('/storage/')) return await this.handleStorage(req, res, p, url);
      if (p.startsWith('/__emulator/')) return await this.handleControl(req, res, url);
      if (req.method === 'GET' || req.method === 'HEAD') return this.serveStatic(req, res, p);
      throw new HttpError(404, 'NOT_FOUND', `no route for ${req.method} ${p}`);
    } catch (e) {
      if (e instanceof HttpError) return sendJson(res, e.status, { code: e.code, message: e.message });
      if (e instanceof FunctionError) return sendJson(res, e.status, { code: e.code, message: e.message });
      throw e;
    }
  }

  private async handleAdmin(req: http.IncomingMessage, res: http.ServerResponse, url: URL, invocationId?: string) {
    const requestId = randomUUID();
    let body: Record<string, unknown>;
    const raw = await readBody(req, MAX_JSON_BODY);
    const type = String(req.headers['content-type'] ?? '');
    try {
      if (type.includes('multipart/form-data')) {
        const parts = parseMultipart(raw, type);
        body = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, k === 'requestData' ? v : v.toString('utf8')]));
      } else {
        body = JSON.parse(raw.toString('utf8') || '{}');
      }
    } catch (e) {
      return sendJson(res, 200, { code: CODES.invalidParam, message: `malformed request body: ${(e as Error).message}`, requestId });
    }
    const action = String(body.action ?? '');
    const env = String(body.envName || url.searchParams.get('env') || this.opts.defaultEnv || DEFAULT_ENV);
    let injected: 'before' | 'after' | null = null;
    if (action.startsWith('database.')) {
      this.dbRequests.total++;
      if (invocationId) this.host.countDbRequest(invocationId);
      const decision = this.faults.decide(env, action, invocationId ? this.host.invocations.get(invocationId) : undefined);
      if (decision.delayMs) await new Promise((r) => setTimeout(r, decision.delayMs));
      injected = decision.fail?.when ?? null;
    }
    const faultReply = () => sendJson(res, 200, { code: CODES.requestFailed, message: `injected fault: ${action} failed (emulator fault switch)`, requestId });
    if (injected === 'before') return faultReply();
    try {
      if (action === 'wx.openApi') {
        const out = this.openApi(env, String(body.apiName ?? ''), body.requestData as Buffer, invocationId);
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(out);
        return;
      }
      const reply = await this.dispatch(action, env, body, invocationId);
      // 'after': the write is applied, but the function never hears so (a lost acknowledgement)
      if (injected === 'after') return faultReply();
      sendJson(res, 200, { requestId, ...reply });
    } catch (e) {
      if (e instanceof WireError) return sendJson(res, 200, { code: e.code, message: e.message, requestId });
      if (e instanceof FunctionError) return sendJson(res, 200, { code: e.code, message: e.message, requestId });
      return sendJson(res, 200, { code: 'SYS_ERR', message: String((e as Error)?.message ?? e), requestId });
    }
  }

  /** One protocol action → the reply fields (without requestId). */
  private async dispatch(action: string, env: string, b: Record<string, unknown>, invocationId?: string): Promise<Record<string, unknown>> {
    const now = this.now(env);
    const db = () => this.db(env);
    const coll = () => {
      const name = b.collectionName;
      if (typeof name !== 'string' || !name) throw new WireError(CODES.invalidParam, 'collectionName is required');
      return name;
    };
    const query = () => decodeEjson(b.query, now) as Record<string, unknown> | undefined;
    const tx = typeof b.transactionId === 'string' && b.transactionId ? b.transactionId : undefined;
    const origin = this.originOf(invocationId);
    switch (action) {
      case 'database.insertDocument': {
        const items = Array.isArray(b.data) ? b.data : [b.data];
        const docs = items.map((d) => decodeEjson(d, now) as Record<string, unknown>);
        return { data: { insertedIds: db().insert(coll(), docs, tx) } };
      }
      case 'database.getDocument': {
        const limit = Math.min(Math.max(Number(b.limit ?? 100) || 100, 1), 1000);
        const offset = Math.max(Number(b.offset ?? 0) || 0, 0);
        const list = db().find(
          coll(),
          query(),
          {
            order: decodeEjson(b.order, now) as Record<string, 1 | -1> | undefined,
            projection: decodeEjson(b.projection, now) as Record<string, 0 | 1> | undefined,
            offset,
            limit,
          },
          tx,
          origin,
        );
        return { data: { list: list.map(encodeEjson), offset, limit } };
      }
      case 'database.calculateDocument':
        return { data: { total: db().count(coll(), query(), origin) } };
      case 'database.modifyDocument': {
        const data = decodeEjson(b.data, now) as Record<string, unknown>;
        const r = db().modify(
          coll(),
          query(),
          data,
          { multi: b.multi === true || b.multi === 'true', merge: b.merge !== false, upsert: b.upsert === true },
          tx,
          origin,
        );
        return { data: { updated: r.updated, ...(r.upsertId ? { upsert_id: r.upsertId } : {}) } };
      }
      case 'database.modifyAndReturnDoc': {
        const name = coll();
        const data = decodeEjson(b.data, now) as Record<string, unknown>;
        const q = query();
        // findOneAndUpdate: the document the update matched, as it is after the update (the filter
        // may no longer match it: a guarded `confirmedCount < capacity` increment that took the last seat)
        const r = db().modify(name, q, data, { multi: false, merge: true, upsert: false }, tx, origin);
        const [doc] = r.ids.length ? db().find(name, { _id: r.ids[0] }, { limit: 1 }, tx) : [];
        return { data: { updated: r.updated, doc: doc ? encodeEjson(doc) : null } };
      }
      case 'database.removeDocument':
        return { data: { deleted: db().remove(coll(), query(), b.multi === true || b.multi === 'true', tx, origin) } };
      case 'database.aggregateDocuments': {
        if (!Array.isArray(b.stages)) throw new WireError(CODES.invalidParam, 'stages must be an array');
        const pipeline = (b.stages as Array<{ stageKey: string; stageValue: string }>).map((s) => ({
          [s.stageKey]: decodeEjson(s.stageValue, now),
        }));
        return { data: { list: db().aggregate(coll(), pipeline, origin).map(encodeEjson) } };
      }
      case 'database.addCollection':
        db().createCollection(coll());
        return {};
      case 'database.startTransaction':
        return { transactionId: db().startTransaction() };
      case 'database.commitTransaction':
        db().commitTransaction(String(b.transactionId));
        return {};
      case 'database.abortTransaction':
        db().abortTransaction(String(b.transactionId));
        return {};
      case 'functions.invokeFunction': {
        const name = String(b.function_name ?? '');
        let event: unknown;
        try {
          event = JSON.parse(String(b.request_data ?? '{}'));
        } catch {
          throw new WireError(CODES.invalidParam, 'request_data is not JSON');
        }
        const parent = invocationId ? this.host.invocations.get(invocationId) : undefined;
        const { result } = await this.host.invoke(name, event, {
          env,
          openid: parent?.openid ?? '',
          source: parent ? `${parent.source},scf` : 'scf',
          parentId: parent?.id,
        });
        return { data: { response_data: JSON.stringify(result ?? null) } };
      }
      case 'storage.getUploadMetadata': {
        const cloudPath = safeCloudPath(b.path);
        return {
          data: {
            url: `${this.url}/storage/${encodeURIComponent(env)}/${cloudPath.split('/').map(encodeURIComponent).join('/')}`,
            token: 'local',
            authorization: 'local',
            fileId: `cloud://${env}.linli-local/${cloudPath}`,
            cosFileId: `local-${createHash('sha1').update(cloudPath).digest('hex')}`,
          },
        };
      }
      case 'storage.batchGetDownloadUrl': {
        const list = Array.isArray(b.file_list) ? (b.file_list as Array<{ fileid: string; max_age?: number }>) : [];
        return {
          data: {
            download_list: list.map((f) => {
              const loc = this.locate(f.fileid);
              if (!loc || !fs.existsSync(loc.file)) return { fileID: f.fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' };
              // un-encoded on purpose: the SDK encodes it again before downloading; it stops working after maxAge
              const maxAge = Number(f.max_age ?? 86400) || 86400;
              const expires = Math.floor(this.now(loc.env) / 1000) + maxAge;
              return { fileID: f.fileid, tempFileURL: `${this.url}/storage/${loc.env}/${loc.cloudPath}?expires=${expires}`, code: 'SUCCESS', maxAge };
            }),
          },
        };
      }
      case 'storage.batchDeleteFile': {
        const list = Array.isArray(b.fileid_list) ? (b.fileid_list as string[]) : [];
        return {
          data: {
            delete_list: list.map((id) => {
              const loc = this.locate(id);
              if (!loc || !fs.existsSync(loc.file)) return { fileID: id, code: 'STORAGE_FILE_NONEXIST' };
              fs.rmSync(loc.file);
              return { fileID: id, code: 'SUCCESS' };
            }),
          },
        };
      }
      default:
        throw new WireError(CODES.invalidParam, `unknown action: ${action || '(none)'}`);
    }
  }

  // ---- storage ---------------------------------------------------------------------------------

  private storageRoot(): string {
    return this.opts.dataDir ? path.join(this.opts.dataDir, 'storage') : path.join(os.tmpdir(), `linli-storage-${process.pid}`);
  }

  private locate(fileId: unknown): { env: string; cloudPath: string; file: string } | null {
    const m = /^cloud:\/\/([^./]+)\.[^/]+\/(.+)$/.exec(String(fileId ?? ''));
    if (!m) return null;
    try {
      const cloudPath = safeCloudPath(m[2]);
      return { env: m[1], cloudPath, file: path.join(this.storageRoot(), encodeURIComponent(m[1]), cloudPath) };
    } catch {
      return null;
    }
  }

  private async handleStorage(req: http.IncomingMessage, res: http.ServerResponse, p: string, url?: URL) {
    const m = /^\/storage\/([^/]+)\/(.+)$/.exec(p);
    if (!m) throw new HttpError(404, 'NOT_FOUND', 'no such file');
    const env = decodeURIComponent(m[1]);
    let cloudPath: string;
    try {
      cloudPath = safeCloudPath(decodeURIComponent(m[2]));
    } catch (e) {
      throw new HttpError(400, 'INVALID_PARAM', (e as Error).message);
    }
    const file = path.join(this.storageRoot(), encodeURIComponent(env), cloudPath);
    if (req.method === 'PUT' || req.method === 'POST') {
      const body = await readBody(req, MAX_UPLOAD);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(`${file}.tmp`, body);
      fs.renameSync(`${file}.tmp`, file);
      res.writeHead(200, { 'content-type': 'application/xml' }).end('');
      return;
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      // a temporary URL past its maxAge is refused, as COS refuses an expired signature
      const expires = Number(url?.searchParams.get('expires') ?? NaN);
      if (Number.isFinite(expires) && this.now(env) / 1000 > expires) {
        res.writeHead(403, { 'content-type': 'application/xml' }).end('<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>');
        return;
      }
      if (!fs.existsSync(file)) {
        res.writeHead(404, { 'content-type': 'application/xml' }).end('<Error><Code>NoSuchKey</Code></Error>');
        return;
      }
      res.writeHead(200, { 'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream' });
      if (req.method === 'HEAD') return void res.end();
      fs.createReadStream(file).pipe(res);
      return;
    }
    throw new HttpError(405, 'INVALID_PARAM', 'method not allowed');
  }

  // ---- open API stand-ins -------------------------------------------------------------------------

  private openApi(env: string, apiName: string, requestData: Buffer | undefined, invocationId?: string): Buffer {
    if (!requestData) throw new WireError(CODES.invalidParam, 'requestData is required');
    const { params } = decodeOpenApiRequest(Buffer.isBuffer(requestData) ? requestData : Buffer.from(String(requestData)));
    let reply: unknown;
    if (this.openApiReplies.has(apiName)) reply = this.openApiReplies.get(apiName);
    else if (apiName === 'security.msgSecCheck') reply = this.msgSecCheck(params);
    else if (apiName === 'security.mediaCheckAsync') reply = { errcode: 0, errmsg: 'ok', trace_id: randomUUID() };
    else reply = { errcode: 0, errmsg: 'ok' };
    this.outbox.push({
      id: ++this.outboxSeq,
      env,
      apiName,
      params,
      reply,
      at: new Date(this.now(env)).toISOString(),
      invocationId,
    });
    if (this.outbox.length > 10_000) this.outbox.shift();
    return encodeOpenApiResponse(reply);
  }

  private msgSecCheck(params: Record<string, unknown>): unknown {
    const content = String(params.content ?? '');
    const risky = this.riskyWords.find((w) => content.includes(w));
    const review = this.reviewWords.find((w) => content.includes(w));
    const suggest = risky ? 'risky' : review ? 'review' : 'pass';
    const label = suggest === 'pass' ? 100 : 20001;
    return {
      errcode: 0,
      errmsg: 'ok',
      result: { suggest, label },
      detail: [{ strategy: 'keyword', errcode: 0, suggest, label, ...(risky || review ? { keyword: risky ?? review } : {}) }],
      trace_id: randomUUID(),
    };
  }

  // ---- functions -------------------------------------------------------------------------------

  private async handleFunction(req: http.IncomingMessage, res: http.ServerResponse, name: string) {
    const raw = await readBody(req, MAX_JSON_BODY);
    let event: unknown;
    try {
      event = raw.length ? JSON.parse(raw.toString('utf8')) : {};
    } catch {
      throw new HttpError(400, 'INVALID_PARAM', 'the body must be JSON');
    }
    const env = String(req.headers['x-linli-env'] || this.opts.defaultEnv || DEFAULT_ENV);
    const openid = String(req.headers['x-wx-openid'] ?? '');
    const { result, invocation } = await this.host.invoke(name, event, { env, openid, source: 'wx_client' });
    res.setHeader('x-linli-invocation', invocation.id);
    res.setHeader('x-linli-db-requests', String(invocation.dbRequests));
    sendJson(res, 200, result ?? null);
  }

  private async handleTrigger(req: http.IncomingMessage, res: http.ServerResponse, name: string) {
    const raw = await readBody(req, MAX_JSON_BODY);
    let body: { triggerName?: string } = {};
    try {
      body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
    } catch {
      throw new HttpError(400, 'INVALID_PARAM', 'the body must be JSON');
    }
    const triggers = this.host.triggersOf(name);
    const trigger = body.triggerName ? triggers.find((t) => t.name === body.triggerName) : triggers[0];
    if (!trigger) throw new HttpError(404, 'FUNCTIONS_REQUEST_FAIL', `function ${name} has no timer trigger ${body.triggerName ?? ''}`);
    const env = String(req.headers['x-linli-env'] || this.opts.defaultEnv || DEFAULT_ENV);
    const event = { Type: 'Timer', TriggerName: trigger.name, Time: new Date(this.now(env)).toISOString(), Message: '' };
    const { result, invocation } = await this.host.invoke(name, event, { env, openid: '', source: 'timer' });
    res.setHeader('x-linli-invocation', invocation.id);
    res.setHeader('x-linli-db-requests', String(invocation.dbRequests));
    sendJson(res, 200, result ?? null);
  }

  // ---- control API for tests and tools -----------------------------------------------------------

  private async handleControl(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    const route = url.pathname.slice('/__emulator'.length);
    const env = url.searchParams.get('env') || this.opts.defaultEnv || DEFAULT_ENV;
    const body = async () => {
      const raw = await readBody(req, MAX_JSON_BODY);
      try {
        return raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
      } catch {
        throw new HttpError(400, 'INVALID_PARAM', 'the body must be JSON');
      }
    };
    const key = `${req.method} ${route}`;
    switch (key) {
      case 'GET /health':
        return sendJson(res, 200, { ok: true, url: this.url, envs: [...this.dbs.keys()], functions: this.host.names() });
      case 'GET /clock':
        return sendJson(res, 200, { env, now: new Date(this.now(env)).toISOString(), offsetMs: this.clockOffset(env) });
      case 'POST /clock': {
        const b = await body();
        if (typeof b.advanceMs === 'number' && Number.isFinite(b.advanceMs)) this.setClockOffset(env, this.clockOffset(env) + b.advanceMs);
        else if (typeof b.set === 'string' && !Number.isNaN(Date.parse(b.set))) this.setClockOffset(env, Date.parse(b.set) - Date.now());
        else if (b.reset === true) {
          this.frozenAt.delete(env);
          this.setClockOffset(env, 0);
        } else if (b.freeze === true) this.frozenAt.set(env, this.now(env));
        else if (b.freeze === false) this.frozenAt.delete(env);
        else throw new HttpError(400, 'INVALID_PARAM', 'give advanceMs (number), set (ISO time), freeze (boolean) or reset: true');
        return sendJson(res, 200, { env, now: new Date(this.now(env)).toISOString(), offsetMs: this.clockOffset(env) });
      }
      case 'GET /outbox': {
        const api = url.searchParams.get('api');
        const since = Number(url.searchParams.get('since') ?? 0);
        return sendJson(res, 200, { items: this.outbox.filter((o) => o.env === env && (!api || o.apiName === api) && o.id > since) });
      }
      case 'DELETE /outbox':
        // one environment's messages only: test files run in parallel, each in its own environment
        this.clearOutbox(env);
        return sendJson(res, 200, { ok: true });
      case 'POST /content-check': {
        const b = await body();
        if (Array.isArray(b.riskyWords)) this.riskyWords = b.riskyWords.map(String);
        if (Array.isArray(b.reviewWords)) this.reviewWords = b.reviewWords.map(String);
        return sendJson(res, 200, { riskyWords: this.riskyWords, reviewWords: this.reviewWords });
      }
      case 'POST /openapi-reply': {
        const b = await body();
        if (typeof b.apiName !== 'string') throw new HttpError(400, 'INVALID_PARAM', 'apiName is required');
        if (b.reply === undefined || b.reply === null) this.openApiReplies.delete(b.apiName);
        else this.openApiReplies.set(b.apiName, b.reply);
        return sendJson(res, 200, { ok: true });
      }
      case 'POST /reset': {
        this.db(env).reset();
        this.faults.clear(env);
        this.clearOutbox(env);
        this.openApiReplies.clear();
        return sendJson(res, 200, { ok: true });
      }
      case 'POST /seed': {
        const b = await body();
        if (b.kind !== 'demo') throw new HttpError(400, 'INVALID_PARAM', 'kind must be demo');
        const db = this.db(env);
        if (!isEmpty(db)) throw new HttpError(409, 'CONFLICT', `env ${env} already has data`);
        const seeded = seedDemo(db, new Date(this.now(env)));
        // content: true adds what `npm start` shows on day one (requests, events, notices, teams)
        if (b.content === true) seedSampleContent(db, new Date(this.now(env)));
        return sendJson(res, 200, seeded);
      }
      case 'GET /invocations': {
        const since = Number(url.searchParams.get('since') ?? 0);
        const items = [...this.host.invocations.values()].filter((i) => i.startedAt >= since && i.env === env);
        return sendJson(res, 200, { items });
      }
      case 'GET /explain':
      case 'POST /explain': {
        // GET ?collection=…&query=<EJSON>&order=<JSON>&offset=&limit=, or POST the same fields as JSON
        const b = req.method === 'POST' ? await body() : Object.fromEntries(url.searchParams);
        const name = typeof b.collection === 'string' ? b.collection : '';
        if (!name) throw new HttpError(400, 'INVALID_PARAM', 'collection is required');
        const asText = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : typeof v === 'string' ? v : JSON.stringify(v));
        try {
          const now = this.now(env);
          const query = decodeEjson(asText(b.query), now) as Record<string, unknown> | undefined;
          const order = decodeEjson(asText(b.order), now) as Record<string, 1 | -1> | undefined;
          const limit = Math.min(Math.max(Number(b.limit ?? 100) || 100, 1), 1000);
          const offset = Math.max(Number(b.offset ?? 0) || 0, 0);
          const db = this.db(env);
          const stats = db.explain(name, query, { order, offset, limit });
          return sendJson(res, 200, { env, collection: name, total: db.collection(name).docs.size, ...stats });
        } catch (e) {
          if (e instanceof WireError) throw new HttpError(400, e.code, e.message);
          throw e;
        }
      }
      case 'GET /unindexed': {
        const only = url.searchParams.get('env');
        const items = [...this.unindexed.values()].filter((u) => !only || u.env === only);
        return sendJson(res, 200, { strict: this.strict, items });
      }
      case 'DELETE /unindexed':
        this.unindexed.clear();
        return sendJson(res, 200, { ok: true });
      case 'GET /strict':
        return sendJson(res, 200, { strict: this.strict });
      case 'POST /strict': {
        const b = await body();
        if (typeof b.strict !== 'boolean') throw new HttpError(400, 'INVALID_PARAM', 'give strict: true or false');
        this.strictIndexes = b.strict;
        return sendJson(res, 200, { strict: this.strict });
      }
      case 'GET /faults':
        return sendJson(res, 200, { items: this.faults.list(env, this.host.invocations) });
      case 'POST /faults': {
        // { functionName?, action?, failNth?, when?: 'before'|'after', delayMs? }: see emulator/faults.ts
        const b = await body();
        const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
        const num = (v: unknown) => (v === undefined || v === null ? undefined : Number(v));
        const spec: FaultSpec = {
          functionName: str(b.functionName),
          action: str(b.action),
          failNth: num(b.failNth),
          when: str(b.when) as FaultSpec['when'],
          delayMs: num(b.delayMs),
        };
        try {
          return sendJson(res, 200, this.faults.add(env, spec));
        } catch (e) {
          throw new HttpError(400, 'INVALID_PARAM', (e as Error).message);
        }
      }
      case 'DELETE /faults':
        this.faults.clear(env);
        return sendJson(res, 200, { ok: true });
      case 'GET /hash': {
        // read-only: a content hash per collection (documents in id order), so a test can prove a
        // call changed nothing; ?collection=… limits it to one
        const only = url.searchParams.get('collection');
        const db = this.db(env);
        const hashes: Record<string, string> = {};
        for (const c of db.collections.values()) {
          if (only && c.name !== only) continue;
          const h = createHash('sha256');
          for (const id of [...c.docs.keys()].sort()) h.update(encodeEjson(c.docs.get(id))).update('\n');
          hashes[c.name] = `${c.docs.size}:${h.digest('hex').slice(0, 16)}`;
        }
        return sendJson(res, 200, { env, hashes });
      }
      case 'GET /collections': {
        const db = this.db(env);
        return sendJson(res, 200, { items: [...db.collections.values()].map((c) => ({ name: c.name, count: c.docs.size })) });
      }
      default:
        throw new HttpError(404, 'NOT_FOUND', `no control route ${key}`);
    }
  }

  /** Compressed copies of static text files, by path and modification time (as a CDN keeps them). */
  private readonly gzipped = new Map<string, { mtimeMs: number; body: Buffer }>();

  private serveStatic(req: http.IncomingMessage, res: http.ServerResponse, p: string) {
    const root = this.opts.staticDir;
    if (!root || !fs.existsSync(root)) {
      if (p === '/') return sendJson(res, 200, { service: 'linli emulator', url: this.url, functions: this.host.names() });
      throw new HttpError(404, 'NOT_FOUND', `no route for GET ${p}`);
    }
    let rel = decodeURIComponent(p).replace(/^\/+/, '');
    if (rel.includes('..')) throw new HttpError(400, 'INVALID_PARAM', 'bad path');
    let file = path.join(root, rel);
    if (!rel || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      rel = 'index.html';
      file = path.join(root, rel);
    }
    if (!fs.existsSync(file)) throw new HttpError(404, 'NOT_FOUND', 'the H5 app is not built');
    const ext = path.extname(file).toLowerCase();
    const headers: http.OutgoingHttpHeaders = {
      'content-type': MIME[ext] ?? 'application/octet-stream',
      'cache-control': ext === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
      vary: 'accept-encoding',
    };
    // text goes out gzipped to a browser that takes it, as CloudBase's static hosting (a CDN) sends it
    const stat = fs.statSync(file);
    if (COMPRESSIBLE.has(ext) && stat.size > 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      let entry = this.gzipped.get(file);
      if (!entry || entry.mtimeMs !== stat.mtimeMs) {
        entry = { mtimeMs: stat.mtimeMs, body: zlib.gzipSync(fs.readFileSync(file), { level: 9 }) };
        this.gzipped.set(file, entry);
      }
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': entry.body.length });
      res.end(req.method === 'HEAD' ? undefined : entry.body);
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': stat.size });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  }
}

function safeCloudPath(p: unknown): string {
  const s = String(p ?? '').replace(/^\/+/, '');
  if (!s || s.length > 1024 || s.split('/').some((seg) => seg === '..' || seg === '.' || seg === '')) {
    throw new WireError(CODES.invalidParam, `invalid cloud path: ${s}`);
  }
  return s;
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new HttpError(413, 'INVALID_PARAM', `request body over ${Math.round(limit / 1024)} KB`));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => !failed && resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A JSON reply, once every write made so far is in the journal's file (group commit: db.ts). */
function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  afterDurable(() => {
    // one reply per request: a later error path may have asked to answer too
    if (res.headersSent || res.writableEnded) return;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  });
}
