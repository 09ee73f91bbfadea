// Backups of a whole environment, and restoring one into an empty environment.
//
//   npm run backup  -- [--env <id>] [--url http://127.0.0.1:3900 | --cloud] [--out backups] [--no-files] [--page 200] [--dry-run]
//   npm run restore -- <archive dir or .tar.gz> [--env <id>] [--url … | --cloud] [--force] [--dry-run]
//
// Both speak the wire production uses: the real wx-server-sdk (→ @cloudbase/node-sdk), pointed at
// the local emulator (--url, the default) or, with --cloud and a CAM key in TENCENTCLOUD_SECRETID /
// TENCENTCLOUD_SECRETKEY, at the CloudBase environment itself. The archive is a folder
// backups/<env>-<YYYYMMDD-HHmm>/ (China time) holding
//   <collection>.jsonl   one document per line, EJSON relaxed (a Date is {"$date": "…"}), by _id
//   files/<cloudPath>    every storage file a document refers to (cloud://…), unless --no-files
//   manifest.json        env, time, and per collection its count, the file's sha256 and a content
//                        hash independent of key order; per storage file its fileID, size and sha256
// A restore checks the archive against its manifest, refuses an environment that holds any
// document (--force empties the archive's collections first), uploads the files (rewriting
// fileIDs in the documents when the environment differs), loads the documents in batches, and
// reads every collection back to compare its content hash with what it loaded.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EJSON } from 'bson';
import { COLLECTIONS } from '../cloudfunctions/runtime/collections';

type Cloud = typeof import('wx-server-sdk');
type Db = ReturnType<Cloud['database']>;
type Doc = Record<string, unknown> & { _id: string };

export const MANIFEST_VERSION = 1;

export interface CollectionEntry {
  name: string;
  file: string;
  count: number;
  /** sha256 of the .jsonl file's bytes: the archive is intact */
  sha256: string;
  /** sha256 over the documents with keys sorted, lines sorted: the same data wherever it lives */
  contentHash: string;
}

export interface FileEntry {
  fileID: string;
  cloudPath: string;
  /** path inside the archive, or null when the file could not be read (listed in `missing`) */
  file: string | null;
  size: number;
  sha256: string;
}

export interface Manifest {
  version: typeof MANIFEST_VERSION;
  env: string;
  target: string;
  createdAt: string;
  sdk: string;
  collections: CollectionEntry[];
  files: FileEntry[];
  /** fileIDs documents refer to that storage could not return */
  missing: string[];
}

export interface Target {
  env: string;
  /** the emulator's base URL, or null for CloudBase itself (needs the CAM key in the environment) */
  url: string | null;
}

export function describeTarget(t: Target): string {
  return t.url ? `local emulator ${t.url}, environment ${t.env}` : `CloudBase environment ${t.env}`;
}

/** The real wx-server-sdk for one environment: a private copy, since the SDK keeps one init per module instance. */
export function connect(t: Target): Cloud {
  process.env.TENCENTCLOUD ??= 'true';
  const key = require.resolve('wx-server-sdk');
  const cached = require.cache[key];
  delete require.cache[key];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as Cloud;
  if (cached) require.cache[key] = cached;
  cloud.init({
    env: t.env,
    ...(t.url ? { serviceUrl: `${t.url.replace(/\/+$/, '')}/admin` } : {}),
    secretId: process.env.TENCENTCLOUD_SECRETID || 'local',
    secretKey: process.env.TENCENTCLOUD_SECRETKEY || 'local',
    ...(process.env.TENCENTCLOUD_SESSIONTOKEN ? { sessionToken: process.env.TENCENTCLOUD_SESSIONTOKEN } : {}),
  } as Parameters<Cloud['init']>[0]);
  return cloud;
}

// ---- serialisation ------------------------------------------------------------------------------

/** One document as a line: EJSON relaxed (Dates as {"$date"}, ObjectIds as {"$oid"}), keys as stored. */
export function toLine(doc: unknown): string {
  return EJSON.stringify(doc as Record<string, unknown>, { relaxed: true });
}

export function fromLine(line: string): Doc {
  return EJSON.parse(line, { relaxed: true }) as Doc;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/** A hash of documents that ignores key order and document order: equal data, equal hash. */
export function contentHash(docs: unknown[]): string {
  const lines = docs.map((d) => JSON.stringify(sortKeys(EJSON.serialize(d as Record<string, unknown>, { relaxed: true })))).sort();
  const h = createHash('sha256');
  for (const l of lines) h.update(l).update('\n');
  return h.digest('hex');
}

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** Every cloud:// file id anywhere in a document. */
export function fileIdsIn(v: unknown, out = new Set<string>()): Set<string> {
  if (typeof v === 'string') {
    if (v.startsWith('cloud://')) out.add(v);
  } else if (Array.isArray(v)) for (const x of v) fileIdsIn(x, out);
  else if (v && typeof v === 'object' && !(v instanceof Date)) for (const x of Object.values(v)) fileIdsIn(x, out);
  return out;
}

/** `cloud://<env>.<bucket>/<path>` → `<path>`; refuses anything that would leave the archive folder. */
export function cloudPathOf(fileID: string): string {
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID);
  const p = m?.[1] ?? '';
  if (!p || p.split('/').some((s) => s === '..' || s === '.' || s === '')) throw new Error(`not a storage file id: ${fileID}`);
  return p;
}

function rewriteIds(v: unknown, map: Map<string, string>): unknown {
  if (typeof v === 'string') return map.get(v) ?? v;
  if (Array.isArray(v)) return v.map((x) => rewriteIds(x, map));
  if (v && typeof v === 'object' && !(v instanceof Date) && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rewriteIds(x, map)]));
  }
  return v;
}

/** China time, as every date the project shows: 20261201-0930. */
export function stamp(d: Date): string {
  const c = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return `${c.slice(0, 4)}${c.slice(5, 7)}${c.slice(8, 10)}-${c.slice(11, 13)}${c.slice(14, 16)}`;
}

// ---- reading an environment ---------------------------------------------------------------------

/** Every document of a collection, by _id, a page at a time (keyset on _id: no deep skip). */
export async function readCollection(db: Db, name: string, page = 200): Promise<Doc[]> {
  const _ = db.command;
  const out: Doc[] = [];
  let last: string | null = null;
  for (;;) {
    const coll = db.collection(name);
    const q = last === null ? coll : coll.where({ _id: _.gt(last) });
    let res: { data: unknown };
    try {
      res = (await q.orderBy('_id', 'asc').limit(page).get()) as { data: unknown };
    } catch (e) {
      if (isMissingCollection(e)) return out;
      throw e;
    }
    const docs = res.data as Doc[];
    for (const d of docs) {
      if (typeof d._id !== 'string') throw new Error(`${name}: document _id ${JSON.stringify(d._id)} is not a string; keyset paging needs string ids`);
    }
    out.push(...docs);
    if (docs.length < page) return out;
    last = docs[docs.length - 1]._id;
  }
}

function isMissingCollection(e: unknown): boolean {
  const err = e as { errCode?: number; code?: string; message?: string; errMsg?: string };
  return err?.errCode === -502005 || err?.code === 'DATABASE_COLLECTION_NOT_EXIST' || /collection not exist/i.test(`${err?.message ?? ''}${err?.errMsg ?? ''}`);
}

async function countOf(db: Db, name: string): Promise<number> {
  try {
    return ((await db.collection(name).count()) as { total: number }).total;
  } catch (e) {
    if (isMissingCollection(e)) return 0;
    throw e;
  }
}

export interface BackupOptions {
  target: Target;
  /** the folder the archive folder goes in */
  outDir: string;
  collections?: string[];
  files?: boolean;
  page?: number;
  now?: Date;
  /** the SDK to use (tests pass theirs); default connect(target) */
  cloud?: Cloud;
  log?: (line: string) => void;
}

export interface BackupResult {
  dir: string;
  manifest: Manifest;
}

export const declaredCollections = (): string[] => Object.keys(COLLECTIONS).sort();

export async function backup(opts: BackupOptions): Promise<BackupResult> {
  const log = opts.log ?? (() => {});
  const cloud = opts.cloud ?? connect(opts.target);
  const db = cloud.database();
  const now = opts.now ?? new Date();
  const names = opts.collections ?? declaredCollections();
  const base = path.join(opts.outDir, `${opts.target.env}-${stamp(now)}`);
  let dir = base;
  for (let i = 2; fs.existsSync(dir); i++) dir = `${base}-${i}`;
  const tmp = `${dir}.partial`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });

  const manifest: Manifest = {
    version: MANIFEST_VERSION,
    env: opts.target.env,
    target: describeTarget(opts.target),
    createdAt: now.toISOString(),
    sdk: 'wx-server-sdk 4.0.2',
    collections: [],
    files: [],
    missing: [],
  };
  const referenced = new Set<string>();
  for (const name of names) {
    const docs = await readCollection(db, name, opts.page);
    const text = docs.map((d) => `${toLine(d)}\n`).join('');
    fs.writeFileSync(path.join(tmp, `${name}.jsonl`), text);
    manifest.collections.push({ name, file: `${name}.jsonl`, count: docs.length, sha256: sha256(text), contentHash: contentHash(docs) });
    for (const d of docs) fileIdsIn(d, referenced);
    log(`  ${name.padEnd(24)} ${String(docs.length).padStart(6)} documents`);
  }
  if (opts.files !== false) {
    for (const fileID of [...referenced].sort()) {
      const cloudPath = cloudPathOf(fileID);
      try {
        const { fileContent } = await cloud.downloadFile({ fileID });
        const buf = Buffer.from(fileContent as Buffer);
        const rel = path.posix.join('files', cloudPath);
        fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
        fs.writeFileSync(path.join(tmp, rel), buf);
        manifest.files.push({ fileID, cloudPath, file: rel, size: buf.length, sha256: sha256(buf) });
      } catch (e) {
        // an expired export, a deleted photo: the documents keep the id, the archive says so
        manifest.missing.push(fileID);
        log(`  ! ${fileID}: ${(e as Error).message}`);
      }
    }
    log(`  storage: ${manifest.files.length} files${manifest.missing.length ? `, ${manifest.missing.length} referenced but missing` : ''}`);
  }
  fs.writeFileSync(path.join(tmp, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // the archive appears whole or not at all
  fs.renameSync(tmp, dir);
  return { dir, manifest };
}

// ---- restoring ----------------------------------------------------------------------------------

/** Opens an archive folder (or a .tar.gz of one) and checks every file against the manifest. */
export function openArchive(archive: string): { dir: string; manifest: Manifest; cleanup: () => void } {
  let dir = path.resolve(archive);
  let cleanup = () => {};
  if (/\.(tar\.gz|tgz)$/.test(archive)) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-restore-'));
    const r = spawnSync('tar', ['-xzf', dir, '-C', tmp], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`tar -xzf ${archive} failed: ${r.stderr}`);
    const found = fs.existsSync(path.join(tmp, 'manifest.json')) ? tmp : fs.readdirSync(tmp).map((n) => path.join(tmp, n)).find((p) => fs.existsSync(path.join(p, 'manifest.json')));
    if (!found) throw new Error(`${archive} holds no manifest.json`);
    dir = found;
    cleanup = () => fs.rmSync(tmp, { recursive: true, force: true });
  }
  const mf = path.join(dir, 'manifest.json');
  if (!fs.existsSync(mf)) throw new Error(`${archive}: no manifest.json — not a backup folder`);
  const manifest = JSON.parse(fs.readFileSync(mf, 'utf8')) as Manifest;
  if (manifest.version !== MANIFEST_VERSION) throw new Error(`${archive}: manifest version ${manifest.version}, this script reads ${MANIFEST_VERSION}`);
  const problems: string[] = [];
  for (const c of manifest.collections) {
    const p = path.join(dir, c.file);
    if (!fs.existsSync(p)) problems.push(`${c.file} is missing`);
    else if (sha256(fs.readFileSync(p)) !== c.sha256) problems.push(`${c.file} does not match its sha256`);
  }
  for (const f of manifest.files) {
    if (!f.file) continue;
    const p = path.join(dir, f.file);
    if (!fs.existsSync(p)) problems.push(`${f.file} is missing`);
    else if (sha256(fs.readFileSync(p)) !== f.sha256) problems.push(`${f.file} does not match its sha256`);
  }
  if (problems.length) {
    cleanup();
    throw new Error(`the archive is damaged:\n  ${problems.join('\n  ')}`);
  }
  return { dir, manifest, cleanup };
}

export interface RestoreOptions {
  archive: string;
  target: Target;
  force?: boolean;
  cloud?: Cloud;
  log?: (line: string) => void;
  /** documents per add request (the emulator takes 1 MB bodies; CloudBase's own limit is similar) */
  batch?: number;
}

export interface RestoreResult {
  collections: Array<{ name: string; count: number; verified: boolean }>;
  files: number;
  /** documents found in the target before (and, with --force, removed) */
  replaced: number;
}

export class NotEmptyError extends Error {}

/** Collections of the target that hold documents: the ones the archive names and the declared ones. */
export async function nonEmpty(db: Db, names: string[]): Promise<Array<{ name: string; count: number }>> {
  const out: Array<{ name: string; count: number }> = [];
  for (const name of names) {
    const count = await countOf(db, name);
    if (count) out.push({ name, count });
  }
  return out;
}

export async function restore(opts: RestoreOptions): Promise<RestoreResult> {
  const log = opts.log ?? (() => {});
  const { dir, manifest, cleanup } = openArchive(opts.archive);
  try {
    const cloud = opts.cloud ?? connect(opts.target);
    const db = cloud.database();
    const names = manifest.collections.map((c) => c.name);
    const occupied = await nonEmpty(db, [...new Set([...names, ...declaredCollections()])].sort());
    const replaced = occupied.reduce((n, c) => n + c.count, 0);
    if (occupied.length && !opts.force) {
      throw new NotEmptyError(
        `${describeTarget(opts.target)} is not empty (${occupied.map((c) => `${c.name} ${c.count}`).join(', ')}); restore into an empty environment, or give --force to replace these collections`,
      );
    }
    if (occupied.length) {
      const _ = db.command;
      for (const c of occupied) {
        const r = (await db.collection(c.name).where({ _id: _.exists(true) }).remove()) as { stats: { removed: number } };
        log(`  --force: emptied ${c.name} (${r.stats.removed} documents)`);
      }
    }

    // files first: a new environment gives them new ids, which the documents must then carry
    const ids = new Map<string, string>();
    for (const f of manifest.files) {
      if (!f.file) continue;
      const r = await cloud.uploadFile({ cloudPath: f.cloudPath, fileContent: fs.readFileSync(path.join(dir, f.file)) });
      if (r.fileID !== f.fileID) ids.set(f.fileID, r.fileID);
    }
    if (manifest.files.length) log(`  storage: ${manifest.files.length} files uploaded${ids.size ? `, ${ids.size} file ids rewritten for ${opts.target.env}` : ''}`);

    const batch = opts.batch ?? 100;
    const result: RestoreResult = { collections: [], files: manifest.files.filter((f) => f.file).length, replaced };
    for (const c of manifest.collections) {
      const text = fs.readFileSync(path.join(dir, c.file), 'utf8');
      const docs = text
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => (ids.size ? (rewriteIds(fromLine(l), ids) as Doc) : fromLine(l)));
      if (docs.length !== c.count) throw new Error(`${c.file}: ${docs.length} documents, the manifest says ${c.count}`);
      try {
        await db.createCollection(c.name);
      } catch {
        // it exists (provisioned, or the emulator made it)
      }
      for (let i = 0; i < docs.length; ) {
        // a batch of documents, kept under ~512 KB of request body
        let size = 0;
        let j = i;
        while (j < docs.length && j - i < batch && (j === i || size < 512 * 1024)) size += toLine(docs[j++]).length;
        await db.collection(c.name).add({ data: docs.slice(i, j) as never });
        i = j;
      }
      const back = await readCollection(db, c.name);
      const expected = ids.size ? contentHash(docs) : c.contentHash;
      const verified = back.length === docs.length && contentHash(back) === expected;
      if (!verified) throw new Error(`${c.name}: read back ${back.length} documents that do not match the ${docs.length} loaded`);
      result.collections.push({ name: c.name, count: docs.length, verified });
      log(`  ${c.name.padEnd(24)} ${String(docs.length).padStart(6)} documents, read back and verified`);
    }
    return result;
  } finally {
    cleanup();
  }
}

// ---- command line -------------------------------------------------------------------------------

export interface CliArgs {
  command: 'backup' | 'restore';
  target: Target;
  archive?: string;
  outDir: string;
  force: boolean;
  dryRun: boolean;
  files: boolean;
  page: number;
}

export function parseCli(argv: string[], command: 'backup' | 'restore'): CliArgs {
  const val = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const cloud = argv.includes('--cloud');
  const env = val('env') ?? (cloud ? undefined : 'linli-local');
  if (!env) throw new Error('--cloud needs --env <envId>');
  const valued = new Set(['--env', '--url', '--out', '--page']);
  const positional = argv.filter((a, i) => !a.startsWith('--') && !valued.has(argv[i - 1] ?? ''));
  return {
    command,
    target: { env, url: cloud ? null : (val('url') ?? 'http://127.0.0.1:3900') },
    archive: positional[0],
    outDir: path.resolve(val('out') ?? path.join(__dirname, '..', 'backups')),
    force: argv.includes('--force'),
    dryRun: argv.includes('--dry-run'),
    files: !argv.includes('--no-files'),
    page: Number(val('page') ?? 200),
  };
}

/** What a run would do, step by step, without touching anything (`--dry-run`). */
export function planSteps(a: CliArgs): string[] {
  const names = declaredCollections();
  const steps: string[] = [];
  if (!a.target.url) steps.push('check TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY are set (a CAM key with CloudBase database and storage access)');
  steps.push(`connect wx-server-sdk 4.0.2 to the ${describeTarget(a.target)}`);
  if (a.command === 'backup') {
    steps.push(`create ${path.join(a.outDir, `${a.target.env}-<YYYYMMDD-HHmm>`)}.partial/`);
    for (const n of names) steps.push(`read ${n} by _id, ${a.page} documents a request → ${n}.jsonl (EJSON relaxed)`);
    if (a.files) steps.push('download every storage file a document refers to (cloud://…) → files/<cloudPath>');
    steps.push('write manifest.json (counts, sha256 of each file, content hashes), rename the folder into place');
  } else {
    steps.push(`check ${a.archive ?? '<archive>'} against its manifest.json (sha256 of every file)`);
    steps.push(`count the documents of every collection of the archive and of cloudfunctions/runtime/collections.ts; ${a.force ? '--force: empty the ones that hold any' : 'stop if any holds one (--force replaces them)'}`);
    steps.push("upload the archive's storage files to their cloud paths, rewrite file ids in the documents if the environment differs");
    steps.push('per collection: create it if missing, add its documents in batches (≤ 100 or ~512 KB a request), read it back and compare the content hash');
    if (!a.target.url) steps.push('afterwards (a new environment): npm run deploy -- --env <envId> creates the indexes and security rules, if not done before');
  }
  return steps;
}

async function main(command: 'backup' | 'restore') {
  const args = parseCli(process.argv.slice(2), command);
  if (command === 'restore' && !args.archive) {
    console.error('usage: npm run restore -- <backups/<env>-<YYYYMMDD-HHmm> | archive.tar.gz> [--env <id>] [--url <emulator> | --cloud] [--force] [--dry-run]');
    process.exit(2);
  }
  if (args.dryRun) {
    console.log(`${command} (dry run, nothing is read or written):`);
    planSteps(args).forEach((s, i) => console.log(`  ${i + 1}. ${s}`));
    return;
  }
  if (!args.target.url && (!process.env.TENCENTCLOUD_SECRETID || !process.env.TENCENTCLOUD_SECRETKEY)) {
    console.error('--cloud: set TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (a CAM key with CloudBase access)');
    process.exit(2);
  }
  const t = Date.now();
  const log = (l: string) => console.log(l);
  if (command === 'backup') {
    console.log(`backing up the ${describeTarget(args.target)}`);
    const { dir, manifest } = await backup({ target: args.target, outDir: args.outDir, files: args.files, page: args.page, log });
    const docs = manifest.collections.reduce((n, c) => n + c.count, 0);
    console.log(`${docs} documents in ${manifest.collections.length} collections, ${manifest.files.length} files → ${dir} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  } else {
    console.log(`restoring ${args.archive} into the ${describeTarget(args.target)}`);
    try {
      const r = await restore({ archive: args.archive!, target: args.target, force: args.force, log });
      const docs = r.collections.reduce((n, c) => n + c.count, 0);
      console.log(`${docs} documents in ${r.collections.length} collections and ${r.files} files restored and verified (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    } catch (e) {
      if (e instanceof NotEmptyError) {
        console.error(e.message);
        process.exit(3);
      }
      throw e;
    }
  }
}

export function runCli(command: 'backup' | 'restore'): void {
  main(command).catch((e) => {
    console.error(`${command} failed: ${(e as Error).message}`);
    process.exit(1);
  });
}

if (require.main === module) runCli('backup');
