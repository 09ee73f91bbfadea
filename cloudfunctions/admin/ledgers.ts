// 台账: ledgers produced into storage (an expiring link, never a large function reply; long ones in
// the background, see exports.ts), each export itself audited; the audit log, append-only and
// filtered by person, record, action and period.
import type { AdminContract, ExportJob } from '@core/admin/contract';
import { fail } from '@core/errors';
import { ROLE_LABELS } from '@core/roles';
import { getById, namesOf, pageOf, updateWhere } from '../runtime/db';
import type { AuditDoc, ExportDoc } from '../runtime/model';
import type { Handlers, UserCtx } from '../runtime/serve';
import { pastDeadline, startExport, TIMED_OUT } from './exports';
import { compoundFor, iso } from './scope';

type H = Handlers<AdminContract>;

/** Whether the exporter's role needs whole names and phone numbers (they call the people in it). */
const seesWhole = (ctx: UserCtx) => ctx.roles.includes('branch');

function jobOf(d: ExportDoc, url?: string): ExportJob {
  const expired = d.status === 'expired';
  return {
    exportId: d._id, ledger: d.ledger, format: d.format, status: d.status === 'expired' ? 'failed' : d.status, rows: d.rows,
    ...(d.status === 'running' || d.status === 'ready' ? { rowsDone: d.status === 'ready' ? d.rows : (d.rowsDone ?? 0) } : {}),
    ...(d.fileId ? { fileId: d.fileId } : {}), ...(d.filename ? { filename: d.filename } : {}),
    ...(url ? { fileUrl: url } : {}), ...(d.expiresAt ? { expiresAt: iso(d.expiresAt) } : {}),
    ...(expired ? { message: '下载链接已过期，请重新导出' } : d.message ? { message: d.message } : {}),
  };
}

export const ledgers: Pick<H, 'exportLedger' | 'exportStatus' | 'auditLog'> = {
  exportLedger: {
    async handle(ctx, input) {
      const compoundId = compoundFor(ctx, input.compoundId);
      const filter = { from: input.from ? new Date(input.from) : null, to: input.to ? new Date(input.to) : null, buildingId: input.buildingId ?? null };
      if (filter.from && filter.to && filter.from >= filter.to) throw fail.invalid('开始日期要早于结束日期');
      const doc = {
        compoundId, requestedBy: ctx.user._id, ledger: input.ledger, format: input.format, filter, status: 'running' as const, whole: seesWhole(ctx), fileId: null, filename: null, expiresAt: null, message: null,
        createdAt: ctx.now, updatedAt: ctx.now,
      };
      const d = await startExport(ctx, compoundId, doc, (exportId) =>
        ctx.audit('admin.exportLedger', `exports/${exportId}`, { ledger: input.ledger, format: input.format, from: input.from ?? null, to: input.to ?? null, buildingId: input.buildingId ?? null, compoundId }, compoundId),
      );
      if (d.status !== 'ready' || !d.fileId) return jobOf(d);
      const urls = await ctx.files.tempUrls([d.fileId]);
      return jobOf(d, urls[d.fileId]);
    },
  },

  exportStatus: {
    async handle(ctx, input) {
      const d = await getById<ExportDoc>(ctx.db, 'exports', input.exportId);
      if (!d || d.requestedBy !== ctx.user._id) throw fail.notFound('没有找到这次导出');
      if (pastDeadline(d, ctx.now)) {
        // its chunks died: say so (and record it) rather than leave it running for ever
        await updateWhere(ctx.db, 'exports', { _id: d._id, status: 'running' }, { status: 'failed', message: TIMED_OUT, updatedAt: ctx.now });
        return jobOf({ ...d, status: 'failed', message: TIMED_OUT });
      }
      if (d.status !== 'ready' || !d.fileId) return jobOf(d);
      if (d.expiresAt && d.expiresAt < ctx.now) return jobOf({ ...d, status: 'expired' });
      const urls = await ctx.files.tempUrls([d.fileId]);
      return jobOf(d, urls[d.fileId]);
    },
  },

  auditLog: {
    async handle(ctx, input) {
      const compoundId = compoundFor(ctx, input.compoundId);
      const _ = ctx.db.command;
      const where: Record<string, unknown> = { compoundId };
      if (input.actorId) where.actorId = input.actorId;
      const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (input.action) where.action = ctx.db.RegExp({ regexp: `^${esc(input.action)}`, options: '' });
      if (input.target) where.target = ctx.db.RegExp({ regexp: `^${esc(input.target)}`, options: '' });
      if (input.buildingId) throw fail.invalid('操作日志不按楼栋筛选');
      if (input.from || input.to) {
        const from = input.from ? new Date(input.from) : null;
        const to = input.to ? new Date(input.to) : null;
        where.createdAt = from && to ? _.and(_.gte(from), _.lt(to)) : from ? _.gte(from) : _.lt(to!);
      }
      const res = await pageOf<AuditDoc>(ctx.db, 'audit_logs', where, [['createdAt', 'desc']], input);
      const names = await namesOf(ctx.db, res.items.map((r) => r.actorId));
      return {
        items: res.items.map((r) => ({
          entryId: r._id, at: iso(r.createdAt), actorId: r.actorId, actorName: r.actorId ? (names.get(r.actorId) ?? '已注销用户') : '系统', roles: r.actorRoles.map((x) => ROLE_LABELS[x] ?? x),
          action: r.action, target: r.target, detail: JSON.stringify(r.detail ?? {}),
        })),
        nextCursor: res.nextCursor,
      };
    },
  },
};
