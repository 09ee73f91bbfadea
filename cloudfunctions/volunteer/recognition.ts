// Recognition: points, the monthly leaderboard (only those who opted in to showing their name),
// five-star 楼栋长 ratings (averages only, never per resident), and hours by team for the branch.
import type { VolunteerContract } from '@core/volunteer/contract';
import { formatHours, ratingAverage } from '@core/volunteer/rules';
import { fail } from '@core/errors';
import { china } from '@core/time';
import { findMany, getById, insertOne, isDuplicateKey } from '../runtime/db';
import type { BuildingDoc, LeaderRatingDoc, TeamDoc, UserDoc } from '../runtime/model';
import type { Handlers } from '../runtime/serve';
import { countedMinutesBy, monthKey } from './store';

type H = Handlers<VolunteerContract>;

export const recognition: Pick<H, 'leaderboard' | 'rateLeader' | 'leaderRatings' | 'teamStats'> = {
  leaderboard: {
    async handle(ctx, input) {
      const month = input.month ?? monthKey(ctx.now);
      if (!ctx.compoundId) return { month, items: [], unnamed: 0 };
      // summed by the database, per volunteer: exact at any number of records
      const sums = await countedMinutesBy(ctx.db, ctx.compoundId, { month, ...(input.teamId ? { teamId: input.teamId } : {}) }, (r) => r.userId, { userId: '$userId' });
      const minutes = new Map([...sums].filter(([, m]) => m > 0));
      const ids = [...minutes.keys()];
      // only those who opted in to showing their name are read (in pages of ids)
      const named: UserDoc[] = [];
      for (let i = 0; i < ids.length; i += 500) {
        named.push(...(await findMany<UserDoc>(ctx.db, 'users', { _id: ctx.db.command.in(ids.slice(i, i + 500)), 'consents.publishName.granted': true }, { limit: 500 })));
      }
      const ranked = named.map((u) => ({ u, m: minutes.get(u._id)! })).sort((a, b) => b.m - a.m).slice(0, 20);
      return {
        month,
        items: ranked.map((x, i) => ({ rank: i + 1, name: x.u.displayName, minutes: x.m, hours: formatHours(x.m), me: x.u._id === ctx.user._id })),
        unnamed: ids.length - named.length,
      };
    },
  },

  rateLeader: {
    async handle(ctx, input) {
      const home = ctx.user.home;
      if (!ctx.user.householdId || !home || !ctx.compoundId) throw fail.forbidden('认证房屋后才能为本楼栋长评分');
      const building = await getById<BuildingDoc>(ctx.db, 'buildings', home.buildingId);
      const leaderId = building?.gridUserIds[0];
      if (!leaderId) throw fail.conflict('本楼栋还没有楼栋长');
      if (leaderId === ctx.user._id) throw fail.conflict('不能给自己评分');
      const leader = await getById<UserDoc>(ctx.db, 'users', leaderId);
      const month = monthKey(ctx.now);
      const verdict = input.comment ? await ctx.text.check(input.comment, 2, ctx.openid) : 'pass';
      const doc: LeaderRatingDoc = {
        _id: `${month}:${ctx.user._id}`, compoundId: ctx.compoundId, month, raterId: ctx.user._id, buildingId: home.buildingId, leaderId, leaderName: leader?.displayName ?? '楼栋长',
        score: input.score, comment: input.comment || null, moderation: verdict, createdAt: ctx.now, updatedAt: ctx.now,
      };
      try {
        await insertOne(ctx.db, 'leader_ratings', doc as unknown as Record<string, unknown>);
      } catch (e) {
        if (isDuplicateKey(e)) throw fail.conflict('本月已经评过分了，下个月再来');
        throw e;
      }
      return { month, leaderName: doc.leaderName };
    },
  },

  leaderRatings: {
    async handle(ctx, input) {
      const month = input.month ?? monthKey(ctx.now);
      const rows = ctx.compoundId ? await findMany<LeaderRatingDoc>(ctx.db, 'leader_ratings', { compoundId: ctx.compoundId, month }, { limit: 1000 }) : [];
      const byLeader = new Map<string, { name: string; buildings: Set<string>; sum: number; count: number }>();
      for (const r of rows) {
        const row = byLeader.get(r.leaderId) ?? { name: r.leaderName, buildings: new Set<string>(), sum: 0, count: 0 };
        row.buildings.add(r.buildingId);
        row.sum += r.score;
        row.count++;
        byLeader.set(r.leaderId, row);
      }
      const buildings = ctx.compoundId ? await findMany<BuildingDoc>(ctx.db, 'buildings', { compoundId: ctx.compoundId }, { limit: 100 }) : [];
      const name = new Map(buildings.map((b) => [b._id, b.name]));
      return {
        month,
        items: [...byLeader].map(([leaderId, x]) => {
          const average = ratingAverage(x.sum, x.count);
          return { leaderId, leaderName: x.name, buildings: [...x.buildings].map((b) => name.get(b) ?? b), count: x.count, average, stars: average ? Math.round(Number(average)) : 0 };
        }),
      };
    },
  },

  teamStats: {
    async handle(ctx, input) {
      const n = input.months ?? 6;
      const months = Array.from({ length: n }, (_x, i) => china(ctx.now).subtract(n - 1 - i, 'month').format('YYYY-MM'));
      if (!ctx.compoundId) return { months, teams: [] };
      const teams = await findMany<TeamDoc>(ctx.db, 'teams', { compoundId: ctx.compoundId }, { orderBy: [['createdAt', 'desc']], limit: 100 });
      // summed by the database, per team and month: exact at any number of records
      const byTeamMonth = await countedMinutesBy(ctx.db, ctx.compoundId, { month: months }, (r) => (r.teamId ? `${r.teamId}|${r.month ?? ''}` : null), { teamId: '$teamId', month: '$month' });
      const sums = new Map<string, number[]>();
      for (const [key, m] of byTeamMonth) {
        const [teamId, month] = key.split('|');
        const i = months.indexOf(month);
        if (i < 0) continue;
        const arr = sums.get(teamId) ?? months.map(() => 0);
        arr[i] += m;
        sums.set(teamId, arr);
      }
      return { months, teams: teams.map((t) => ({ teamId: t._id, name: t.name, members: t.memberCount, minutesByMonth: sums.get(t._id) ?? months.map(() => 0) })) };
    },
  },
};
