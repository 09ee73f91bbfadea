// 台账导出 in the background: a small ledger is written in the call that asks for it; a longer one
// answers `running` at once and is built chunk by chunk, each chunk a fresh invocation of this
// function (a `{ $task }` it starts itself), each within the platform's 3 s: the chunk's rows go to
// storage as JSON, the export's progress (rowsDone of rows) to its document, and the last chunk puts
// the file together. A chunk lost on the way is restarted by the scheduled sweep; an export still
// running past its deadline is failed; an expired file is deleted.
import { LEDGER_LABELS } from '@core/admin/rules';
import { safeText, toCsv } from '@core/csv';
import { fail } from '@core/errors';
import { beijingTime } from '@core/time';
import writeXlsxFile from 'write-excel-file/node';
import { countWhere, findMany, getById, insertOne, updateById, updateWhere } from '../runtime/db';
import type { ExportDoc } from '../runtime/model';
import type { JobCtx, UserCtx } from '../runtime/serve';
import { startTask } from '../runtime/tasks';
import { readDocs, sourceOf, type LedgerFilter, type Row } from './ledger-rows';

/** Rows one export may hold; a longer period is exported in parts. */
export const MAX_ROWS = 20_000;
/**
 * Up to this many rows the file is written in the call itself (five reads and one upload, well within
 * the 3 s timeout): the monthly ledgers the street office asks for arrive in one round trip.
 */
export const INLINE_ROWS = 500;
/** Rows one background chunk reads (ten reads, one upload, one update: about a second on CloudBase). */
export const CHUNK_ROWS = 1000;
/** A background export not ready by then has died (20 chunks take well under a minute). */
export const DEADLINE_MS = 10 * 60_000;
/** A running export whose progress has not moved for this long lost its chunk: the sweep restarts it. */
export const STALL_MS = 60_000;
export const LINK_MS = 2 * 3_600_000;
export const TIMED_OUT = '导出超时，请缩短时间段后重试';
const FAILED = '导出失败，请稍后重试';

type Io = Pick<JobCtx, 'db' | 'now' | 'files'>;

const filterOf = (d: ExportDoc): LedgerFilter => ({ from: d.filter.from ? new Date(d.filter.from) : null, to: d.filter.to ? new Date(d.filter.to) : null, buildingId: d.filter.buildingId, asOf: new Date(d.createdAt) });

/** Writes the file (CSV with BOM or XLSX, formulas neutralised) and marks the export ready. */
async function finish(io: Io, d: ExportDoc, body: Row[]): Promise<ExportDoc> {
  const src = sourceOf(io.db, d.compoundId, d.ledger, filterOf(d));
  const rows = [src.header, ...body];
  const stamp = beijingTime(d.createdAt).replace(/[- :]/g, '').slice(0, 12);
  const filename = `${LEDGER_LABELS[d.ledger]}-${stamp}.${d.format}`;
  const bytes =
    d.format === 'csv'
      ? Buffer.from(toCsv(rows), 'utf8')
      : await writeXlsxFile(rows.map((r) => r.map((v) => (typeof v === 'number' ? { value: v, type: Number } : { value: safeText(v) }))), { sheet: LEDGER_LABELS[d.ledger].slice(0, 30) }).toBuffer();
  const fileId = await io.files.upload(`exports/${d.compoundId}/${d._id}.${d.format}`, bytes);
  const done = { status: 'ready' as const, rows: body.length, rowsDone: d.rows, parts: [], fileId, filename, expiresAt: new Date(io.now.getTime() + LINK_MS), updatedAt: io.now };
  await updateById(io.db, 'exports', d._id, done);
  return { ...d, ...done };
}

async function failExport(io: Pick<JobCtx, 'db' | 'now'>, exportId: string, message: string): Promise<void> {
  await updateWhere(io.db, 'exports', { _id: exportId, status: 'running' }, { status: 'failed', message, updatedAt: io.now });
}

const startChunk = (io: Pick<JobCtx, 'db' | 'now'>, exportId: string) =>
  startTask('admin', 'exportChunk', { exportId }, async (e) => {
    console.error('[admin] export chunk failed', e);
    await failExport({ db: io.db, now: new Date() }, exportId, FAILED);
  });

/** Asks for an export: written at once when small, else started in the background (`running`). */
export async function startExport(ctx: UserCtx, compoundId: string, doc: Omit<ExportDoc, '_id' | 'rows' | 'rowsDone' | 'parts' | 'deadlineAt'>, audit: (exportId: string) => Promise<void>): Promise<ExportDoc> {
  const src = sourceOf(ctx.db, compoundId, doc.ledger, { ...doc.filter, asOf: doc.createdAt });
  const total = await countWhere(ctx.db, src.coll, src.where);
  if (total > MAX_ROWS) throw fail.invalid(`超过 ${MAX_ROWS} 行，请缩短时间段分批导出`);
  const full: Omit<ExportDoc, '_id'> = { ...doc, rows: total, rowsDone: 0, parts: [], deadlineAt: new Date(ctx.now.getTime() + DEADLINE_MS) };
  const exportId = await insertOne(ctx.db, 'exports', full);
  const d: ExportDoc = { ...full, _id: exportId };
  await audit(exportId);
  if (total > INLINE_ROWS) {
    await startChunk(ctx, exportId);
    return d;
  }
  try {
    const docs = await readDocs(ctx.db, src, 0, INLINE_ROWS);
    return await finish(ctx, d, await src.rows(ctx.db, docs, !!d.whole));
  } catch (e) {
    await failExport(ctx, exportId, e instanceof Error && 'code' in e ? e.message : FAILED);
    throw e;
  }
}

/** One chunk of a background export: its rows into storage, the progress onto the export; the last one writes the file. */
export async function exportChunk(io: JobCtx, args: Record<string, unknown>): Promise<{ rowsDone: number }> {
  const d = typeof args.exportId === 'string' ? await getById<ExportDoc>(io.db, 'exports', args.exportId) : null;
  if (!d || d.status !== 'running') return { rowsDone: 0 };
  if (d.deadlineAt && d.deadlineAt < io.now) {
    await failExport(io, d._id, TIMED_OUT);
    return { rowsDone: d.rowsDone ?? 0 };
  }
  const src = sourceOf(io.db, d.compoundId, d.ledger, filterOf(d));
  const from = d.rowsDone ?? 0;
  const docs = await readDocs(io.db, src, from, CHUNK_ROWS);
  const rowsDone = from + docs.length;
  const more = docs.length === CHUNK_ROWS && rowsDone < d.rows;
  const rows = await src.rows(io.db, docs, !!d.whole);
  const parts = [...(d.parts ?? [])];
  if (rows.length) parts.push(await io.files.upload(`exports/${d.compoundId}/${d._id}/part-${String(from).padStart(6, '0')}.json`, Buffer.from(JSON.stringify(rows), 'utf8')));
  if (more) {
    // claimed only if nobody (a restarted chunk) moved the export on meanwhile
    const moved = await updateWhere(io.db, 'exports', { _id: d._id, status: 'running', rowsDone: from }, { rowsDone, parts, updatedAt: io.now });
    if (moved) await startChunk(io, d._id);
    return { rowsDone };
  }
  const body: Row[] = [];
  for (const part of parts) body.push(...(JSON.parse((await io.files.download(part)).toString('utf8')) as Row[]));
  await finish(io, { ...d, rows: rowsDone }, body);
  await io.files.remove(parts);
  return { rowsDone };
}

/** Whether a running export is past its deadline (then it is failed when next looked at). */
export const pastDeadline = (d: ExportDoc, now: Date) => d.status === 'running' && !!d.deadlineAt && d.deadlineAt < now;

/**
 * The scheduled sweep: restarts a stalled chunk, fails an export past its deadline, and deletes the
 * files of expired exports (the link has stopped working; the export's record stays).
 */
export async function sweepExports(io: JobCtx): Promise<Record<string, number>> {
  const _ = io.db.command;
  const scope = io.scope ? { compoundId: io.scope } : {};
  let restarted = 0;
  let failed = 0;
  const running = await findMany<ExportDoc>(io.db, 'exports', { ...scope, status: 'running', updatedAt: _.lt(new Date(io.now.getTime() - STALL_MS)) }, { orderBy: [['updatedAt', 'asc']], limit: 20 });
  for (const d of running) {
    if (pastDeadline(d, io.now)) {
      await failExport(io, d._id, TIMED_OUT);
      failed++;
    } else {
      await startChunk(io, d._id);
      restarted++;
    }
  }
  const expired = await findMany<ExportDoc>(io.db, 'exports', { ...scope, status: 'ready', expiresAt: _.lt(io.now) }, { orderBy: [['expiresAt', 'asc']], limit: 100 });
  const fileIds = expired.flatMap((d) => [d.fileId, ...(d.parts ?? [])]).filter((x): x is string => !!x);
  if (fileIds.length) await io.files.remove(fileIds);
  for (const d of expired) await updateById(io.db, 'exports', d._id, { status: 'expired', fileId: null, updatedAt: io.now });
  return { exportsRestarted: restarted, exportsFailed: failed, exportsExpired: expired.length };
}
