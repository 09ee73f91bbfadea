// 数据看板: every figure from the functions' own data, aggregated here, never in the page.
import type { AdminContract, Overview } from '@core/admin/contract';
import { ageCutoffs, fraction, openByAgeFrom, teamMinutes } from '@core/admin/rules';
import { CATEGORY_LABELS, OPEN_STATES, type Rates } from '@core/request/rules';
import { china, fromChina, monthOf, recentMonths } from '@core/time';
import { formatHours } from '@core/volunteer/rules';
import { countWhere, findMany, getById } from '../runtime/db';
import { requestFigures, requestTrends, type RateTrend } from '../runtime/figures';
import type { CompoundDoc, ConventionDoc, NoticeDoc, RequestDoc } from '../runtime/model';
import type { Handlers, UserCtx } from '../runtime/serve';
import { compoundFor, compoundsOf, iso, propertyOnly } from './scope';

type H = Handlers<AdminContract>;
const three = (r: Rates) => ({ response: r.responseRate, resolution: r.resolutionRate, satisfaction: r.satisfactionRate });

async function votes(ctx: UserCtx, compoundId: string): Promise<Overview['voteParticipation']> {
  const _ = ctx.db.command;
  const list = await findMany<ConventionDoc>(ctx.db, 'conventions', { compoundId, phase: _.in(['voting', 'counted']) }, { orderBy: [['updatedAt', 'desc']], limit: 3 });
  const out: Overview['voteParticipation'] = [];
  for (const c of list) {
    if (!c.vote) continue;
    const $ = ctx.db.command.aggregate;
    const [units, cast] = await Promise.all([
      ctx.db.collection('vote_register').aggregate().match({ conventionId: c._id }).group({ _id: '$buildingName', n: $.sum(1) }).sort({ _id: 1 }).limit(200).end(),
      ctx.db.collection('ballots').aggregate().match({ conventionId: c._id }).group({ _id: '$buildingName', n: $.sum(1) }).limit(200).end(),
    ]) as unknown as Array<{ list: Array<{ _id: string; n: number }> }>;
    const voted = new Map(cast.list.map((r) => [r._id, r.n]));
    const votedHeads = cast.list.reduce((a, r) => a + r.n, 0);
    out.push({
      conventionId: c._id, title: c.title, phase: c.phase, electorateHeads: c.vote.electorateHeads, votedHeads, rate: fraction(votedHeads, c.vote.electorateHeads),
      byBuilding: units.list.map((u) => ({ buildingName: u._id, units: u.n, voted: voted.get(u._id) ?? 0 })),
    });
  }
  return out;
}

/** Open requests by age and how many of each are overdue: one aggregate, exact however many there are. */
async function openCounts(ctx: UserCtx, where: Record<string, unknown>): Promise<Overview['openByAge']> {
  const $ = ctx.db.command.aggregate;
  const c = ageCutoffs(ctx.now);
  const bucket = $.cond({ if: $.gt(['$createdAt', c.day1]), then: 'lt1d', else: $.cond({ if: $.gt(['$createdAt', c.day3]), then: '1to3d', else: $.cond({ if: $.gt(['$createdAt', c.day7]), then: '3to7d', else: 'gt7d' }) }) });
  const res = (await ctx.db
    .collection('requests')
    .aggregate()
    .match(where)
    .group({ _id: bucket, count: $.sum(1), overdue: $.sum($.cond({ if: $.lt(['$dueAt', ctx.now]), then: 1, else: 0 })) })
    .limit(10)
    .end()) as unknown as { list: Array<{ _id: string; count: number; overdue: number }> };
  return openByAgeFrom(res.list.map((r) => ({ bucket: r._id, count: r.count, overdue: r.overdue })));
}

/**
 * Verified, not rejected minutes by team in one aggregate; the originals of this month that a verified
 * correction replaced, whatever month the correction falls in (the ledger never edits in place), in
 * another, joined through their _id — as the volunteer's own counted hours (volunteer/store.ts).
 */
async function teamHours(ctx: UserCtx, compoundId: string, month: string): Promise<{ minutes: number; byTeam: Array<{ name: string; minutes: number }> }> {
  const _ = ctx.db.command;
  const $ = _.aggregate;
  const verified = { compoundId, month, rejected: null, verifiedBy: _.neq(null) };
  const [sums, replaced] = (await Promise.all([
    ctx.db.collection('service_records').aggregate().match(verified)
      .group({ _id: { team: '$teamName', organizer: '$organizer' }, minutes: $.sum('$minutes'), legacyHours: $.sum($.cond({ if: $.gt(['$minutes', 0]), then: 0, else: '$hours' })) })
      .limit(1000).end(),
    // a verified correction of any month: what it replaced is this month's if the original was
    ctx.db.collection('service_records').aggregate().match({ compoundId, rejected: null, verifiedBy: _.neq(null), corrects: _.neq(null) })
      .group({ _id: '$corrects' })
      .lookup({ from: 'service_records', localField: '_id', foreignField: '_id', as: 'original' })
      .unwind('$original')
      .match({ 'original.month': month, 'original.rejected': null, 'original.verifiedBy': _.neq(null) })
      .group({ _id: { team: '$original.teamName', organizer: '$original.organizer' }, minutes: $.sum($.cond({ if: $.gt(['$original.minutes', 0]), then: '$original.minutes', else: $.multiply(['$original.hours', 60]) })) })
      .limit(1000).end(),
  ])) as unknown as Array<{ list: Array<{ _id: { team: string | null; organizer: string }; minutes: number; legacyHours?: number }> }>;
  return teamMinutes(
    sums.list.map((r) => ({ team: r._id.team ?? r._id.organizer, minutes: r.minutes, legacyHours: r.legacyHours ?? 0 })),
    replaced.list.map((r) => ({ team: r._id.team ?? r._id.organizer, minutes: Math.round(r.minutes) })),
  );
}

/** The month's events and their confirmed registrations (checked in or not): counts, never lists. */
async function attendanceOf(ctx: UserCtx, compoundId: string, from: Date, to: Date): Promise<Overview['attendance']> {
  const _ = ctx.db.command;
  const $ = _.aggregate;
  const [events, regs] = await Promise.all([
    countWhere(ctx.db, 'events', { compoundId, startAt: _.and(_.gte(from), _.lt(to)) }),
    ctx.db.collection('registrations').aggregate().match({ compoundId, eventStartAt: _.and(_.gte(from), _.lt(to)), status: 'confirmed' })
      .group({ _id: null, registered: $.sum(1), checkedIn: $.sum($.cond({ if: $.eq([$.ifNull(['$checkedInAt', null]), null]), then: 0, else: 1 })) })
      .end() as unknown as Promise<{ list: Array<{ registered: number; checkedIn: number }> }>,
  ]);
  const registered = regs.list[0]?.registered ?? 0;
  const checkedIn = regs.list[0]?.checkedIn ?? 0;
  return { events, registered, checkedIn, rate: fraction(checkedIn, registered) };
}

export const overviewHandlers: Pick<H, 'overview' | 'compounds'> = {
  overview: {
    async handle(ctx, input) {
      const compoundId = compoundFor(ctx, input.compoundId);
      const _ = ctx.db.command;
      const month = input.month ?? monthOf(ctx.now);
      const onlyProperty = propertyOnly(ctx);
      const scope: Record<string, unknown> = { compoundId, ...(onlyProperty ? { handlers: 'property' } : {}), ...(input.buildingId ? { buildingId: input.buildingId } : {}) };
      const from = fromChina(`${month}-01`);
      const to = fromChina(`${china(from).add(1, 'month').format('YYYY-MM')}-01`);
      const openWhere = { compoundId, state: _.in([...OPEN_STATES]), ...(onlyProperty ? { handlers: 'property' } : {}), ...(input.buildingId ? { buildingId: input.buildingId } : {}) };
      const [compound, ofMonth, months, buildings, categories, byAge, overdue] = await Promise.all([
        getById<CompoundDoc>(ctx.db, 'compounds', compoundId),
        requestFigures(ctx.db, { ...scope, month }, 'none', ctx.now),
        requestFigures(ctx.db, scope, 'month', ctx.now),
        requestFigures(ctx.db, { ...scope, month }, 'building', ctx.now),
        requestFigures(ctx.db, { ...scope, month }, 'category', ctx.now),
        openCounts(ctx, openWhere),
        // the longest overdue first
        findMany<RequestDoc>(ctx.db, 'requests', { ...openWhere, dueAt: _.lt(ctx.now) }, { orderBy: [['dueAt', 'asc']], limit: 20 }),
      ]);
      // the six months up to the one asked for
      const sixMonths = recentMonths(fromChina(`${month}-15`), 6);
      const [hours, attendance, trendBuildings, trendCategories] = await Promise.all([
        teamHours(ctx, compoundId, month),
        attendanceOf(ctx, compoundId, from, to),
        requestTrends(ctx.db, { ...scope, month: _.in(sixMonths) }, 'building', ctx.now),
        requestTrends(ctx.db, { ...scope, month: _.in(sixMonths) }, 'category', ctx.now),
      ]);
      const trendOf = (t: RateTrend) => ({ key: t.key, label: t.label, months: t.months.map((m) => ({ month: m.month, total: m.rates.total, ...three(m.rates) })) });

      const notices = await findMany<NoticeDoc>(ctx.db, 'notices', { compoundId, state: 'published' }, { orderBy: [['publishAt', 'desc']], limit: 5 });
      const households = await countWhere(ctx.db, 'households', { compoundId });
      const reach = await Promise.all(notices.map((n) => countWhere(ctx.db, 'notice_household_reads', { noticeId: n._id })));

      return {
        compoundId,
        compoundName: compound?.name ?? compoundId,
        month,
        rates: three(ofMonth.overall),
        counts: { total: ofMonth.overall.total, rated: ofMonth.overall.rated },
        trend: months.groups.slice(-6).map((g) => ({ month: g.key, total: g.rates.total, ...three(g.rates) })),
        byBuilding: buildings.groups.map((g) => ({ key: g.key, label: g.label, total: g.rates.total, ...three(g.rates) })),
        byCategory: categories.groups.map((g) => ({ key: g.key, label: CATEGORY_LABELS[g.key as keyof typeof CATEGORY_LABELS] ?? g.label, total: g.rates.total, ...three(g.rates) })),
        trendByBuilding: trendBuildings.map(trendOf),
        trendByCategory: trendCategories.map(trendOf),
        openByAge: byAge,
        overdue: overdue.map((r) => ({
          requestId: r._id, category: CATEGORY_LABELS[r.category], excerpt: [...r.content].slice(0, 30).join(''), place: r.buildingName ? `${r.buildingName}${r.unit ? `${r.unit}单元` : ''}` : (r.area ?? '公共区域'),
          dueAt: iso(r.dueAt), escalationLevel: r.escalationLevel,
        })),
        volunteerHours: { minutes: hours.minutes, hours: formatHours(hours.minutes), byTeam: hours.byTeam },
        attendance,
        voteParticipation: await votes(ctx, compoundId),
        noticeReach: notices.map((n, i) => ({
          noticeId: n._id, title: n.title, readHouseholds: reach[i], totalHouseholds: households, reach: fraction(reach[i], households),
        })),
        propertyOnly: onlyProperty,
      };
    },
  },

  compounds: {
    async handle(ctx) {
      const ids = compoundsOf(ctx);
      const month = monthOf(ctx.now);
      const items = [];
      for (const compoundId of ids.slice(0, 50)) {
        const [compound, figures, votesOpen] = await Promise.all([
          getById<CompoundDoc>(ctx.db, 'compounds', compoundId),
          requestFigures(ctx.db, { compoundId, month, ...(propertyOnly(ctx) ? { handlers: 'property' } : {}) }, 'none', ctx.now),
          countWhere(ctx.db, 'conventions', { compoundId, phase: 'voting' }),
        ]);
        items.push({
          compoundId, name: compound?.name ?? compoundId, rates: three(figures.overall), total: figures.overall.total,
          overdue: figures.openByAge.overdue, escalated: figures.openByAge.escalated, votesOpen,
        });
      }
      return { items };
    },
  },
};
