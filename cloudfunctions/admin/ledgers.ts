// 台账: ledgers produced into storage (an expiring link, never a large function reply), each export
// itself audited; the audit log, append-only and filtered by person, record, action and period.
import type { AdminContract, ExportJob } from '@core/admin/contract';
import { LEDGER_LABELS, type Ledger } from '@core/admin/rules';
import { safeText, toCsv } from '@core/csv';
import { RULE_LABELS } from '@core/convention/rules';
import { fail } from '@core/errors';
import { maskName, maskPhone } from '@core/mask';
import { CATEGORY_LABELS } from '@core/request/rules';
import { ROLE_LABELS, type Role } from '@core/roles';
import { beijingSeconds, beijingTime } from '@core/time';
import { formatHours } from '@core/volunteer/rules';
import writeXlsxFile from 'write-excel-file/node';
import type { Db } from '../runtime/cloud';
import { countWhere, findAll, findMany, getById, insertOne, pageOf, updateById } from '../runtime/db';
import type { AuditDoc, ConventionDoc, ExportDoc, NoticeDoc, RegistrationDoc, RequestDoc, ServiceRecordDoc, UserDoc } from '../runtime/model';
import type { Handlers, UserCtx } from '../runtime/serve';
import { compoundFor, iso } from './scope';

type H = Handlers<AdminContract>;
type Row = Array<string | number | null>;
const PAGE = 100;
/** Rows one export may hold (the function's time limit); a longer period is exported in parts. */
export const MAX_ROWS = 20_000;
const LINK_MS = 2 * 3_600_000;
const STATE = { submitted: '待受理', accepted: '已受理', claimed: '已认领', in_progress: '办理中', resolved: '已办结', closed: '已关闭', escalated: '已上报', rejected: '不予受理', withdrawn: '已撤回', reopened: '重新办理' } as const;

/** A ledger's rows for the period, refused past MAX_ROWS (export in parts). */
async function all<T extends { _id: string; createdAt: Date; updatedAt: Date }>(db: Db, coll: Parameters<typeof findMany>[1], where: Record<string, unknown>, orderBy: Array<[string, 'asc' | 'desc']>): Promise<T[]> {
  const out = await findAll<T>(db, coll, where, orderBy, MAX_ROWS);
  if (out.length >= MAX_ROWS) throw fail.invalid(`超过 ${MAX_ROWS} 行，请缩短时间段分批导出`);
  return out;
}

/** Whether the exporter's role needs whole names and phone numbers (they call the people in it). */
const seesWhole = (ctx: UserCtx) => ctx.roles.includes('branch');

async function rowsOf(ctx: UserCtx, compoundId: string, ledger: Ledger, f: { from: Date | null; to: Date | null; buildingId: string | null }): Promise<Row[]> {
  const _ = ctx.db.command;
  const range = (field: string) => (f.from || f.to ? { [field]: f.from && f.to ? _.and(_.gte(f.from), _.lt(f.to)) : f.from ? _.gte(f.from) : _.lt(f.to!) } : {});
  const building = f.buildingId ? { buildingId: f.buildingId } : {};
  const whole = seesWhole(ctx);
  const name = (n: string | null | undefined) => (whole ? (n ?? '') : maskName(n));
  const phone = (p: string | null | undefined) => (whole ? (p ?? '') : (maskPhone(p) ?? ''));
  switch (ledger) {
    case 'requests': {
      const rows = await all<RequestDoc>(ctx.db, 'requests', { compoundId, ...range('createdAt'), ...building }, [['createdAt', 'desc']]);
      return [
        ['编号', '提交时间', '类别', '内容', '位置', '紧急程度', '状态', '反映人', '电话', '处理人', '首次响应', '按时响应', '办结时间', '评分', '满意'],
        ...rows.map((r) => [
          r._id, beijingTime(r.createdAt), CATEGORY_LABELS[r.category], r.content, r.buildingName ? `${r.buildingName}${r.unit ? `${r.unit}单元` : ''}` : (r.area ?? '公共区域'),
          r.urgency, STATE[r.state], name(r.reporterName), phone(r.reporterPhone), r.assigneeName ?? '', r.firstResponseAt ? beijingTime(r.firstResponseAt) : '',
          r.respondedOnTime === null ? '' : r.respondedOnTime ? '是' : '否', r.resolvedAt ? beijingTime(r.resolvedAt) : '', r.rating ?? '', r.satisfied === null ? '' : r.satisfied ? '是' : '否',
        ]),
      ];
    }
    case 'service_records': {
      const rows = await all<ServiceRecordDoc>(ctx.db, 'service_records', { compoundId, ...range('startAt') }, [['startAt', 'desc']]);
      return [
        ['编号', '志愿者', '队伍/组织方', '服务内容', '地点', '开始', '结束', '时长(小时)', '来源', '核实', '核实时间'],
        ...rows.map((r) => [
          r._id, name(r.volunteerName), r.teamName ?? r.organizer, r.content, r.place ?? '', beijingTime(r.startAt), beijingTime(r.endAt), formatHours(r.minutes ?? Math.round(r.hours * 60)),
          r.source, r.rejected ? '已退回' : r.verifiedAt || r.verifiedBy ? '已核实' : '待核实', r.verifiedAt ? beijingTime(r.verifiedAt) : '',
        ]),
      ];
    }
    case 'registrations': {
      const rows = await all<RegistrationDoc>(ctx.db, 'registrations', { compoundId, ...range('eventStartAt') }, [['eventStartAt', 'desc']]);
      const status = { confirmed: '已报名', waitlisted: '候补', cancelled: '已取消' } as const;
      return [
        ['活动', '活动时间', '地点', '姓名', '电话', '住址', '状态', '报名时间', '签到时间'],
        ...rows.map((r) => [r.eventTitle, beijingTime(r.eventStartAt), r.eventPlace, name(r.name), phone(r.phone), r.home ?? '', status[r.status], beijingSeconds(r.queuedAt), r.checkedInAt ? beijingSeconds(r.checkedInAt) : '']),
      ];
    }
    case 'ballots': {
      const list = await all<ConventionDoc>(ctx.db, 'conventions', { compoundId, ...range('updatedAt') }, [['updatedAt', 'desc']]);
      const voted = await Promise.all(list.map((c) => (c.vote ? countWhere(ctx.db, 'ballots', { conventionId: c._id }) : Promise.resolve(0))));
      return [
        ['公约', '表决规则', '表决开始', '表决截止', '应参加', '已参加', '同意', '反对', '弃权', '结果', '阶段'],
        ...list.filter((c) => c.vote).map((c) => {
          const t = c.result?.totals;
          const i = list.indexOf(c);
          return [
            c.title, RULE_LABELS[c.vote!.rule], beijingTime(c.vote!.startsAt), beijingTime(c.vote!.endsAt), c.vote!.electorateHeads, t?.partHeads ?? voted[i],
            t?.agreeHeads ?? '', t?.disagreeHeads ?? '', t?.abstainHeads ?? '', c.result ? (!c.result.binding ? '征求意见' : c.result.passed ? '通过' : '未通过') : '表决中（结束前不公开）', c.phase,
          ];
        }),
      ];
    }
    case 'notices': {
      const list = await all<NoticeDoc>(ctx.db, 'notices', { compoundId, ...range('publishAt') }, [['publishAt', 'desc']]);
      const households = await countWhere(ctx.db, 'households', { compoundId });
      const reads = await Promise.all(list.slice(0, 300).map((n) => countWhere(ctx.db, 'notice_household_reads', { noticeId: n._id })));
      return [
        ['标题', '类别', '发布时间', '发布单位', '阅读人数', '已读户数', '总户数'],
        ...list.map((n, i) => [n.title, n.category, beijingTime(n.publishAt), n.publisherName, n.readCount, reads[i] ?? '', households]),
      ];
    }
    case 'audit': {
      const rows = await all<AuditDoc>(ctx.db, 'audit_logs', { compoundId, ...range('createdAt') }, [['createdAt', 'desc']]);
      const names = await namesOf(ctx.db, rows.map((r) => r.actorId));
      return [
        ['时间', '操作人', '角色', '操作', '对象', '详情'],
        ...rows.map((r) => [beijingSeconds(r.createdAt), r.actorId ? (names.get(r.actorId) ?? '已注销用户') : '系统', rolesText(r.actorRoles), r.action, r.target, JSON.stringify(r.detail ?? {})]),
      ];
    }
  }
}

const rolesText = (roles: readonly Role[]) => roles.map((r) => ROLE_LABELS[r] ?? r).join('、');

async function namesOf(db: Db, ids: Array<string | null>): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  const out = new Map<string, string>();
  for (let i = 0; i < unique.length; i += PAGE) {
    const people = await findMany<UserDoc>(db, 'users', { _id: db.command.in(unique.slice(i, i + PAGE)) }, { limit: PAGE });
    for (const u of people) out.set(u._id, u.displayName);
  }
  return out;
}

function jobOf(d: ExportDoc, url?: string): ExportJob {
  return {
    exportId: d._id, ledger: d.ledger, format: d.format, status: d.status, rows: d.rows,
    ...(d.fileId ? { fileId: d.fileId } : {}), ...(d.filename ? { filename: d.filename } : {}),
    ...(url ? { fileUrl: url } : {}), ...(d.expiresAt ? { expiresAt: iso(d.expiresAt) } : {}), ...(d.message ? { message: d.message } : {}),
  };
}

export const ledgers: Pick<H, 'exportLedger' | 'exportStatus' | 'auditLog'> = {
  exportLedger: {
    async handle(ctx, input) {
      const compoundId = compoundFor(ctx, input.compoundId);
      const filter = { from: input.from ? new Date(input.from) : null, to: input.to ? new Date(input.to) : null, buildingId: input.buildingId ?? null };
      if (filter.from && filter.to && filter.from >= filter.to) throw fail.invalid('开始日期要早于结束日期');
      const doc: Omit<ExportDoc, '_id'> = {
        compoundId, requestedBy: ctx.user._id, ledger: input.ledger, format: input.format, filter, status: 'running', rows: 0, fileId: null, filename: null, expiresAt: null, message: null,
        createdAt: ctx.now, updatedAt: ctx.now,
      };
      const exportId = await insertOne(ctx.db, 'exports', doc);
      await ctx.audit('admin.exportLedger', `exports/${exportId}`, { ledger: input.ledger, format: input.format, from: input.from ?? null, to: input.to ?? null, buildingId: input.buildingId ?? null, compoundId });
      try {
        const rows = await rowsOf(ctx, compoundId, input.ledger, filter);
        const stamp = beijingTime(ctx.now).replace(/[- :]/g, '').slice(0, 12);
        const filename = `${LEDGER_LABELS[input.ledger]}-${stamp}.${input.format}`;
        const bytes =
          input.format === 'csv'
            ? Buffer.from(toCsv(rows), 'utf8')
            : await writeXlsxFile(rows.map((r) => r.map((v) => (typeof v === 'number' ? { value: v, type: Number } : { value: safeText(v) }))), { sheet: LEDGER_LABELS[input.ledger].slice(0, 30) }).toBuffer();
        const fileId = await ctx.files.upload(`exports/${compoundId}/${exportId}.${input.format}`, bytes);
        const expiresAt = new Date(ctx.now.getTime() + LINK_MS);
        await updateById(ctx.db, 'exports', exportId, { status: 'ready', rows: rows.length - 1, fileId, filename, expiresAt, updatedAt: ctx.now });
        const urls = await ctx.files.tempUrls([fileId]);
        return jobOf({ ...doc, _id: exportId, status: 'ready', rows: rows.length - 1, fileId, filename, expiresAt }, urls[fileId]);
      } catch (e) {
        const message = e instanceof Error && 'code' in e ? e.message : '导出失败，请稍后重试';
        await updateById(ctx.db, 'exports', exportId, { status: 'failed', message, updatedAt: ctx.now });
        throw e;
      }
    },
  },

  exportStatus: {
    async handle(ctx, input) {
      const d = await getById<ExportDoc>(ctx.db, 'exports', input.exportId);
      if (!d || d.requestedBy !== ctx.user._id) throw fail.notFound('没有找到这次导出');
      if (d.status !== 'ready' || !d.fileId) return jobOf(d);
      if (d.expiresAt && d.expiresAt < ctx.now) return { ...jobOf(d), status: 'failed', message: '下载链接已过期，请重新导出' };
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
          entryId: r._id, at: iso(r.createdAt), actorName: r.actorId ? (names.get(r.actorId) ?? '已注销用户') : '系统', roles: r.actorRoles.map((x) => ROLE_LABELS[x] ?? x),
          action: r.action, target: r.target, detail: JSON.stringify(r.detail ?? {}),
        })),
        nextCursor: res.nextCursor,
      };
    },
  },
};
