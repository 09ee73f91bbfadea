// 台账's rows: for each ledger the query it reads (served by a declared index, read in pages) and how
// a page of documents becomes rows, so an export can be built in one call or chunk by chunk.
import type { Ledger } from '@core/admin/rules';
import { RULE_LABELS } from '@core/convention/rules';
import { fail } from '@core/errors';
import { maskName, maskPhone } from '@core/mask';
import { CATEGORY_LABELS } from '@core/request/rules';
import { ROLE_LABELS, type Role } from '@core/roles';
import { beijingSeconds, beijingTime } from '@core/time';
import { formatHours } from '@core/volunteer/rules';
import type { Db } from '../runtime/cloud';
import type { CollectionName } from '../runtime/collections';
import { countWhere, findMany, namesOf, type BaseDoc } from '../runtime/db';
import type { AuditDoc, ConventionDoc, NoticeDoc, RegistrationDoc, RequestDoc, ServiceRecordDoc } from '../runtime/model';

export type Row = Array<string | number | null>;
export interface LedgerFilter {
  from: Date | null;
  to: Date | null;
  buildingId: string | null;
  /**
   * An export's start: only rows written before it. A long export reads in chunks by position, and
   * a row written meanwhile would shift every later chunk (a row twice, another never).
   */
  asOf?: Date | null;
}

const PAGE = 100;
const STATE = { submitted: '待受理', accepted: '已受理', claimed: '已认领', in_progress: '办理中', resolved: '已办结', closed: '已关闭', escalated: '已上报', rejected: '不予受理', withdrawn: '已撤回', reopened: '重新办理' } as const;

export interface LedgerSource {
  coll: CollectionName;
  where: Record<string, unknown>;
  orderBy: Array<[string, 'asc' | 'desc']>;
  header: string[];
  /** One page of documents as rows (names and phones whole or masked). */
  rows(db: Db, docs: BaseDoc[], whole: boolean): Promise<Row[]>;
}

/** The ledgers whose rows have no building: a building filter on them is refused, never ignored. */
const NO_BUILDING: Partial<Record<Ledger, string>> = {
  service_records: '志愿服务记录没有楼栋，不能按楼栋导出',
  audit: '操作日志不按楼栋导出',
};

export function sourceOf(db: Db, compoundId: string, ledger: Ledger, f: LedgerFilter): LedgerSource {
  const _ = db.command;
  if (f.buildingId && NO_BUILDING[ledger]) throw fail.invalid(NO_BUILDING[ledger]!);
  const building = f.buildingId ? { buildingId: f.buildingId } : {};
  const range = (field: string) => {
    const to = f.asOf && field === 'createdAt' && (!f.to || f.asOf < f.to) ? f.asOf : f.to;
    const period = f.from || to ? { [field]: f.from && to ? _.and(_.gte(f.from), _.lt(to)) : f.from ? _.gte(f.from) : _.lt(to!) } : {};
    return f.asOf && field !== 'createdAt' ? { ...period, createdAt: _.lt(f.asOf) } : period;
  };
  const masker = (whole: boolean) => ({
    name: (n: string | null | undefined) => (whole ? (n ?? '') : maskName(n)),
    phone: (p: string | null | undefined) => (whole ? (p ?? '') : (maskPhone(p) ?? '')),
  });
  switch (ledger) {
    case 'requests':
      return {
        coll: 'requests', where: { compoundId, ...range('createdAt'), ...building }, orderBy: [['createdAt', 'desc']],
        header: ['编号', '提交时间', '类别', '内容', '位置', '紧急程度', '状态', '反映人', '电话', '处理人', '首次响应', '按时响应', '办结时间', '评分', '满意', '代办'],
        rows: async (_db, docs, whole) => {
          const { name, phone } = masker(whole);
          return (docs as RequestDoc[]).map((r) => [
            r._id, beijingTime(r.createdAt), CATEGORY_LABELS[r.category], r.content, r.buildingName ? `${r.buildingName}${r.unit ? `${r.unit}单元` : ''}` : (r.area ?? '公共区域'),
            r.urgency, STATE[r.state], name(r.reporterName), phone(r.reporterPhone), r.assigneeName ?? '', r.firstResponseAt ? beijingTime(r.firstResponseAt) : '',
            r.respondedOnTime === null ? '' : r.respondedOnTime ? '是' : '否', r.resolvedAt ? beijingTime(r.resolvedAt) : '', r.rating ?? '', r.satisfied === null ? '' : r.satisfied ? '是' : '否',
            proxied(r.actedBy),
          ]);
        },
      };
    case 'service_records':
      return {
        coll: 'service_records', where: { compoundId, ...range('startAt') }, orderBy: [['startAt', 'desc']],
        header: ['编号', '志愿者', '队伍/组织方', '服务内容', '地点', '开始', '结束', '时长(小时)', '来源', '核实', '核实时间'],
        rows: async (_db, docs, whole) => {
          const { name } = masker(whole);
          return (docs as ServiceRecordDoc[]).map((r) => [
            r._id, name(r.volunteerName), r.teamName ?? r.organizer, r.content, r.place ?? '', beijingTime(r.startAt), beijingTime(r.endAt), formatHours(r.minutes ?? Math.round(r.hours * 60)),
            r.source, r.rejected ? '已退回' : r.verifiedAt || r.verifiedBy ? '已核实' : '待核实', r.verifiedAt ? beijingTime(r.verifiedAt) : '',
          ]);
        },
      };
    case 'registrations': {
      const status = { confirmed: '已报名', waitlisted: '候补', cancelled: '已取消' } as const;
      return {
        coll: 'registrations', where: { compoundId, ...building, ...range('eventStartAt') }, orderBy: [['eventStartAt', 'desc']],
        header: ['活动', '活动时间', '地点', '姓名', '电话', '住址', '状态', '报名时间', '签到时间', '代办'],
        rows: async (_db, docs, whole) => {
          const { name, phone } = masker(whole);
          return (docs as RegistrationDoc[]).map((r) => [r.eventTitle, beijingTime(r.eventStartAt), r.eventPlace, name(r.name), phone(r.phone), r.home ?? '', status[r.status], beijingSeconds(r.queuedAt), r.checkedInAt ? beijingSeconds(r.checkedInAt) : '', proxied(r.actedBy)]);
        },
      };
    }
    case 'ballots':
      return {
        coll: 'conventions', where: { compoundId, ...range('updatedAt') }, orderBy: [['updatedAt', 'desc']],
        // per building: that building's participation beside the compound's result (how each building
        // voted is not told: the tally is the compound's)
        header: ['公约', '表决规则', '表决开始', '表决截止', '应参加', '已参加', ...(f.buildingId ? ['楼栋应参加', '楼栋已参加'] : []), '同意', '反对', '弃权', '结果', '阶段'],
        rows: async (db, docs) => {
          const list = (docs as ConventionDoc[]).filter((c) => c.vote);
          const voted = await Promise.all(list.map((c) => countWhere(db, 'ballots', { conventionId: c._id })));
          const inBuilding = f.buildingId
            ? await Promise.all(list.map((c) => Promise.all([countWhere(db, 'vote_register', { conventionId: c._id, buildingId: f.buildingId }), countWhere(db, 'ballots', { conventionId: c._id, buildingId: f.buildingId })])))
            : [];
          return list.map((c, i) => {
            const t = c.result?.totals;
            return [
              c.title, RULE_LABELS[c.vote!.rule], beijingTime(c.vote!.startsAt), beijingTime(c.vote!.endsAt), c.vote!.electorateHeads, t?.partHeads ?? voted[i], ...(inBuilding[i] ?? []),
              t?.agreeHeads ?? '', t?.disagreeHeads ?? '', t?.abstainHeads ?? '', c.result ? (!c.result.binding ? '征求意见' : c.result.passed ? '通过' : '未通过') : '表决中（结束前不公开）', c.phase,
            ];
          });
        },
      };
    case 'notices':
      return {
        coll: 'notices', where: { compoundId, ...range('publishAt') }, orderBy: [['publishAt', 'desc']],
        header: ['标题', '类别', '发布时间', '发布单位', '阅读人数', '已读户数', '总户数'],
        rows: async (db, docs) => {
          // per building: the notices its households were sent (the whole compound's, or naming it), read by its households
          const list = (docs as NoticeDoc[]).filter((n) => !f.buildingId || n.audience.kind === 'compound' || (n.audience.buildingIds ?? []).includes(f.buildingId));
          const households = await countWhere(db, 'households', { compoundId, ...building });
          const reads = new Map<string, number>();
          const $ = db.command.aggregate;
          // households read, one aggregate per page of notices
          for (let i = 0; i < list.length; i += PAGE) {
            const ids = list.slice(i, i + PAGE).map((n) => n._id);
            const res = (await db.collection('notice_household_reads').aggregate().match({ noticeId: db.command.in(ids), ...building }).group({ _id: '$noticeId', n: $.sum(1) }).limit(PAGE).end()) as unknown as { list: Array<{ _id: string; n: number }> };
            for (const r of res.list) reads.set(r._id, r.n);
          }
          return list.map((n) => [n.title, n.category, beijingTime(n.publishAt), n.publisherName, n.readCount, reads.get(n._id) ?? 0, households]);
        },
      };
    case 'audit':
      return {
        coll: 'audit_logs', where: { compoundId, ...range('createdAt') }, orderBy: [['createdAt', 'desc']],
        header: ['时间', '操作人', '角色', '操作', '对象', '详情'],
        rows: async (db, docs) => {
          const rows = docs as AuditDoc[];
          const names = await namesOf(db, rows.map((r) => r.actorId));
          return rows.map((r) => [beijingSeconds(r.createdAt), r.actorId ? (names.get(r.actorId) ?? '已注销用户') : '系统', rolesText(r.actorRoles), r.action, r.target, JSON.stringify(r.detail ?? {})]);
        },
      };
  }
}

/** Up to `max` documents of a ledger from `skip` on, page by page (the server returns at most 100 a read). */
/** Rows in the ledger's order, ties broken by _id (so that pages read apart meet exactly). */
export async function readDocs(db: Db, src: LedgerSource, skip: number, max: number): Promise<BaseDoc[]> {
  const out: BaseDoc[] = [];
  while (out.length < max) {
    const page = await findMany<BaseDoc>(db, src.coll, src.where, { orderBy: [...src.orderBy, ['_id', 'desc']], skip: skip + out.length, limit: Math.min(PAGE, max - out.length) });
    out.push(...page);
    if (page.length < PAGE) break;
  }
  return out;
}

/** 代办: who acted for the resident, marked on the row (empty: the resident did). */
const proxied = (actedBy: { name: string } | null | undefined) => (actedBy ? `${actedBy.name}代办` : '');

export const rolesText = (roles: readonly Role[]) => roles.map((r) => ROLE_LABELS[r] ?? r).join('、');

