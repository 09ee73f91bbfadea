// 数据看板: every figure from the functions' own data, aggregated here, never in the page.
import type { AdminContract, Overview } from '@core/admin/contract';
import { fraction, openByAge } from '@core/admin/rules';
import { CATEGORY_LABELS, OPEN_STATES, type Rates } from '@core/request/rules';
import { china, fromChina, monthOf } from '@core/time';
import { formatHours } from '@core/volunteer/rules';
import { countWhere, findMany, getById } from '../runtime/db';
import { requestFigures } from '../runtime/figures';
import type { CompoundDoc, ConventionDoc, EventDoc, NoticeDoc, RegistrationDoc, RequestDoc, ServiceRecordDoc } from '../runtime/model';
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
      const [compound, ofMonth, months, buildings, categories, open] = await Promise.all([
        getById<CompoundDoc>(ctx.db, 'compounds', compoundId),
        requestFigures(ctx.db, { ...scope, month }, 'none', ctx.now),
        requestFigures(ctx.db, scope, 'month', ctx.now),
        requestFigures(ctx.db, { ...scope, month }, 'building', ctx.now),
        requestFigures(ctx.db, { ...scope, month }, 'category', ctx.now),
        findMany<RequestDoc>(ctx.db, 'requests', { compoundId, state: _.in([...OPEN_STATES]), ...(onlyProperty ? { handlers: 'property' } : {}), ...(input.buildingId ? { buildingId: input.buildingId } : {}) }, { orderBy: [['dueAt', 'asc']], limit: 1000 }),
      ]);
      const overdue = open.filter((r) => r.dueAt < ctx.now).slice(0, 20);

      // verified, not rejected minutes by team in one aggregate; then the originals that a verified
      // correction replaced are taken out (corrections are few; the ledger never edits in place)
      const $ = ctx.db.command.aggregate;
      const sums = (await ctx.db
        .collection('service_records')
        .aggregate()
        .match({ compoundId, month, rejected: null, verifiedBy: _.neq(null) })
        .group({ _id: { team: '$teamName', organizer: '$organizer' }, minutes: $.sum('$minutes'), legacyHours: $.sum($.cond({ if: $.gt(['$minutes', 0]), then: 0, else: '$hours' })) })
        .limit(500)
        .end()) as unknown as { list: Array<{ _id: { team: string | null; organizer: string }; minutes: number; legacyHours: number }> };
      const byTeam = new Map<string, number>();
      // records written before the ledger kept hours only
      for (const r of sums.list) byTeam.set(r._id.team ?? r._id.organizer, (byTeam.get(r._id.team ?? r._id.organizer) ?? 0) + r.minutes + Math.round(r.legacyHours * 60));
      const corrections = await findMany<ServiceRecordDoc>(ctx.db, 'service_records', { compoundId, month, corrects: _.neq(null), rejected: null, verifiedBy: _.neq(null) }, { limit: 1000 });
      const replacedIds = [...new Set(corrections.map((r) => r.corrects!))];
      const originals = replacedIds.length ? await findMany<ServiceRecordDoc>(ctx.db, 'service_records', { _id: _.in(replacedIds.slice(0, 100)), month, rejected: null }, { limit: 100 }) : [];
      for (const o of originals) {
        const name = o.teamName ?? o.organizer;
        byTeam.set(name, (byTeam.get(name) ?? 0) - (o.minutes ?? Math.round(o.hours * 60)));
      }
      const minutes = [...byTeam.values()].reduce((a, b) => a + b, 0);

      const events = await findMany<EventDoc>(ctx.db, 'events', { compoundId, startAt: _.and(_.gte(from), _.lt(to)) }, { limit: 100 });
      const regs = events.length ? await findMany<RegistrationDoc>(ctx.db, 'registrations', { eventId: _.in(events.map((e) => e._id)), status: 'confirmed' }, { limit: 1000 }) : [];
      const checkedIn = regs.filter((r) => r.checkedInAt).length;

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
        openByAge: openByAge(open, ctx.now),
        overdue: overdue.map((r) => ({
          requestId: r._id, category: CATEGORY_LABELS[r.category], excerpt: [...r.content].slice(0, 30).join(''), place: r.buildingName ? `${r.buildingName}${r.unit ? `${r.unit}单元` : ''}` : (r.area ?? '公共区域'),
          dueAt: iso(r.dueAt), escalationLevel: r.escalationLevel,
        })),
        volunteerHours: { minutes, hours: formatHours(minutes), byTeam: [...byTeam].map(([name, m]) => ({ name, minutes: m })).sort((a, b) => b.minutes - a.minutes) },
        attendance: { events: events.length, registered: regs.length, checkedIn, rate: fraction(checkedIn, regs.length) },
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
