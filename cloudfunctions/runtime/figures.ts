// The three rates of 接诉即办 (响应率, 解决率, 满意率) as one database aggregation over the figures each
// request keeps (stats.*): used by the request function's 三率统计 and by the console's dashboards.
import { CATEGORY_LABELS, computeRates, type Rates } from '@core/request/rules';
import type { Db } from './cloud';

export type GroupBy = 'none' | 'building' | 'category' | 'month';

export interface RequestFigures {
  overall: Rates;
  groups: Array<{ key: string; label: string; rates: Rates }>;
  openByAge: { withinDeadline: number; overdue: number; escalated: number };
}

/** The sums the three rates are computed from, as a $group's accumulators (dueForRates in the database). */
function rateSums(db: Db, now: Date): Record<string, unknown> {
  const $ = db.command.aggregate;
  const judged = $.or([$.eq(['$stats.open', 0]), $.gt(['$escalationLevel', 0]), $.lt(['$dueAt', now])]);
  return {
    label: $.first('$buildingName'),
    total: $.sum('$stats.counted'),
    // dueForRates (core/request/rules.ts) as a database expression: counted, and answered (or
    // resolved), finished, escalated or past its deadline
    responseDue: $.sum($.cond({ if: $.and([$.eq(['$stats.counted', 1]), $.or([$.eq(['$stats.responded', 1]), judged])]), then: 1, else: 0 })),
    resolutionDue: $.sum($.cond({ if: $.and([$.eq(['$stats.counted', 1]), $.or([$.eq(['$stats.resolved', 1]), judged])]), then: 1, else: 0 })),
    respondedOnTime: $.sum('$stats.respondedOnTime'),
    responded: $.sum('$stats.responded'),
    respondMsSum: $.sum('$stats.respondMs'),
    resolved: $.sum('$stats.resolved'),
    resolveMsSum: $.sum('$stats.resolveMs'),
    rated: $.sum('$stats.rated'),
    satisfied: $.sum('$stats.satisfied'),
    open: $.sum('$stats.open'),
    openEscalated: $.sum('$stats.escalatedOpen'),
    // overdue depends on now, so it is the one computed figure
    openOverdue: $.sum($.cond({ if: $.and([$.eq(['$stats.open', 1]), $.lt(['$dueAt', now])]), then: 1, else: 0 })),
  };
}

export async function requestFigures(db: Db, match: Record<string, unknown>, groupBy: GroupBy, now: Date): Promise<RequestFigures> {
  const groupKey = { none: null, building: '$buildingId', category: '$category', month: '$month' }[groupBy];
  const rows = (await db
    .collection('requests')
    .aggregate()
    .match(match)
    .group({ _id: groupKey, ...rateSums(db, now) })
    .sort({ _id: 1 })
    .limit(1000)
    .end()) as unknown as { list: Array<Record<string, unknown>> };
  const sum = (key: string) => rows.list.reduce((acc, r) => acc + num(r[key]), 0);
  const labelOf = (r: Record<string, unknown>) => {
    const key = String(r._id ?? '');
    if (groupBy === 'category') return CATEGORY_LABELS[key as keyof typeof CATEGORY_LABELS] ?? key;
    if (groupBy === 'building') return typeof r.label === 'string' && r.label ? r.label : '公共区域';
    return key || '全部';
  };
  const groups =
    groupBy === 'none'
      ? []
      : rows.list.filter((r) => num(r.total) > 0).map((r) => ({ key: String(r._id ?? ''), label: labelOf(r), rates: computeRates(inputsOf((k) => num(r[k]))) }));
  return {
    overall: computeRates(inputsOf(sum)),
    groups,
    openByAge: { withinDeadline: sum('open') - sum('openOverdue'), overdue: sum('openOverdue'), escalated: sum('openEscalated') },
  };
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const inputsOf = (pick: (key: string) => number) => ({
  total: pick('total'),
  responseDue: pick('responseDue'),
  resolutionDue: pick('resolutionDue'),
  respondedOnTime: pick('respondedOnTime'),
  responded: pick('responded'),
  respondMsSum: pick('respondMsSum'),
  resolved: pick('resolved'),
  resolveMsSum: pick('resolveMsSum'),
  rated: pick('rated'),
  satisfied: pick('satisfied'),
});

export interface RateTrend {
  key: string;
  label: string;
  months: Array<{ month: string; rates: Rates }>;
}

/** The three rates of each building (or category) month by month, in one aggregation. */
export async function requestTrends(db: Db, match: Record<string, unknown>, by: 'building' | 'category', now: Date): Promise<RateTrend[]> {
  const rows = (await db
    .collection('requests')
    .aggregate()
    .match(match)
    .group({ _id: { key: by === 'building' ? '$buildingId' : '$category', month: '$month' }, ...rateSums(db, now) })
    .sort({ '_id.month': 1 })
    .limit(1000)
    .end()) as unknown as { list: Array<Record<string, unknown> & { _id: { key: string | null; month: string } }> };
  const out = new Map<string, RateTrend>();
  for (const r of rows.list) {
    if (num(r.total) <= 0) continue;
    const key = String(r._id.key ?? '');
    const label = by === 'category' ? (CATEGORY_LABELS[key as keyof typeof CATEGORY_LABELS] ?? key) : typeof r.label === 'string' && r.label ? r.label : '公共区域';
    const t = out.get(key) ?? { key, label, months: [] };
    t.months.push({ month: r._id.month, rates: computeRates(inputsOf((k) => num(r[k]))) });
    out.set(key, t);
  }
  for (const t of out.values()) t.months.sort((a, b) => (a.month < b.month ? -1 : 1));
  return [...out.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}
