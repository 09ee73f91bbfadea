// The service-hours ledger: one record per source, verified by someone other than the volunteer;
// unverified records count nothing; corrections are new records. My record, its export, and the
// certificate (志愿服务证明) anyone can check by its number.
import { createHash, randomInt } from 'node:crypto';
import type { RecordView, VolunteerContract } from '@core/volunteer/contract';
import { certificateCheckUrl, certificateContents, certificateNumber, formatHours, isCertificateNumber, pointsFor, pointsOf, serviceMinutes, serviceProblem, SOURCE_LABELS, TEAM_MAKERS } from '@core/volunteer/rules';
import { toCsv } from '@core/csv';
import { fail } from '@core/errors';
import { maskName } from '@core/mask';
import { hasAnyRole } from '@core/roles';
import { beijingTime, china } from '@core/time';
import { findMany, getById, insertOne, isDuplicateKey, namesOf, updateWhere } from '../runtime/db';
import type { CertificateDoc, CompoundDoc, RequestDoc, ServiceRecordDoc, TeamDoc, UserDoc } from '../runtime/model';
import { ledgerClash, recordsNear } from '../runtime/ledger';
import type { Handlers, UserCtx } from '../runtime/serve';
import { canVerify, correctionId, counting, isVerified, sourceKey, sourceOf, iso, loadTeam, minutesOf, monthKey, myRecords, openMembership, replacedSet, requireLeader, statusOf } from './store';

type H = Handlers<VolunteerContract>;

/** 志愿者编号: stable per person, derived from (never revealing) the user id: V + 8 digits. */
function volunteerNumber(userId: string): string {
  const n = createHash('sha256').update(`volunteer:${userId}`).digest().readUInt32BE(0) % 100_000_000;
  return `V${String(n).padStart(8, '0')}`;
}

/**
 * The QR code's text: the H5 check page on the site's origin (LINLI_H5_ORIGIN, set at deployment; the
 * local emulator sets its own). Without one, the bare number in the form the mini-program's scanner reads.
 */
function checkText(number: string): string {
  const origin = process.env.LINLI_H5_ORIGIN;
  return origin ? certificateCheckUrl(origin, number) : `linli-cert:${number}`;
}

/** The names of the people who verified these records. */
const verifierNames = (ctx: UserCtx, records: readonly ServiceRecordDoc[]): Promise<Map<string, string>> =>
  namesOf(ctx.db, records.filter(isVerified).map((r) => r.verifiedBy));

const verifierOf = (r: ServiceRecordDoc, names: Map<string, string>): string | null =>
  isVerified(r) && r.verifiedBy ? (names.get(r.verifiedBy) ?? '已注销用户') : null;

const verifiedAtOf = (r: ServiceRecordDoc): Date | null => (isVerified(r) ? (r.verifiedAt ?? r.createdAt) : null);

async function viewOf(ctx: UserCtx, r: ServiceRecordDoc, replaced: Set<string>, teams?: Map<string, TeamDoc>, names: Map<string, string> = new Map()): Promise<RecordView> {
  const minutes = minutesOf(r);
  return {
    recordId: r._id, volunteerName: r.volunteerName ?? '', teamName: r.teamName ?? null, organizer: r.organizer, source: r.source === 'patrol' ? 'shift' : r.source,
    content: r.content, place: r.place ?? '', startAt: iso(r.startAt), endAt: iso(r.endAt), minutes, hours: formatHours(minutes), status: statusOf(r, replaced),
    verifiedBy: verifierOf(r, names), verifiedAt: verifiedAtOf(r) ? iso(verifiedAtOf(r)!) : null, rejectReason: r.rejected?.reason ?? null, corrects: r.corrects ?? null,
    conflict: r.conflict ?? null,
    canVerify: !r.verifiedAt && !r.rejected && (r.source !== 'event' || !!r.conflict) && (await canVerify(ctx, r, teams)),
  };
}

async function loadRecord(ctx: UserCtx, recordId: string): Promise<ServiceRecordDoc> {
  const r = await getById<ServiceRecordDoc>(ctx.db, 'service_records', recordId);
  if (!r || r.compoundId !== ctx.compoundId) throw fail.notFound('没有找到这条服务记录');
  return r;
}

/** The person's other records around a period (for overlaps and the 24-hour day). */
async function around(ctx: UserCtx, userId: string, startAt: Date, endAt: Date, except?: string): Promise<Array<{ startAt: Date; endAt: Date }>> {
  const near = await recordsNear(ctx.db, userId, { startAt, endAt });
  const replaced = replacedSet(near);
  return near.filter((r) => r._id !== except && !r.rejected && !replaced.has(r._id) && r.corrects !== except).map((r) => ({ startAt: r.startAt, endAt: r.endAt }));
}

export const ledger: Pick<H, 'logService' | 'verifyService' | 'rejectService' | 'correctService' | 'pendingRecords' | 'myRecord' | 'exportMyRecord' | 'certificate' | 'verifyCertificate'> = {
  logService: {
    async handle(ctx, input) {
      if (!ctx.compoundId) throw fail.forbidden('您还没有所属小区');
      if (input.source === 'shift') throw fail.invalid('排班服务时长由签到、签退自动登记');
      if (input.source === 'event') throw fail.invalid('活动服务时长由活动签到自动登记');
      const startAt = new Date(input.startAt);
      const endAt = new Date(input.endAt);
      let volunteer: UserDoc = ctx.user;
      let team: TeamDoc | null = null;
      let verified = false;
      if (input.teamId) team = await loadTeam(ctx, input.teamId);
      if (input.volunteerId && input.volunteerId !== ctx.user._id) {
        // a leader logs for a member of their team: verified by that leader at once
        if (!team) throw fail.invalid('为队员登记时请选择队伍');
        requireLeader(ctx, team);
        const m = await openMembership(ctx.db, team._id, input.volunteerId);
        if (m?.status !== 'active') throw fail.invalid('只能为本队队员登记');
        volunteer = (await getById<UserDoc>(ctx.db, 'users', input.volunteerId))!;
        verified = true;
      } else if (team && (await openMembership(ctx.db, team._id, ctx.user._id))?.status !== 'active') {
        throw fail.forbidden('您不是这支队伍的队员');
      }
      let id: string | undefined;
      let organizer = team?.name ?? '社区志愿服务';
      let content = input.content;
      if (input.source === 'task') {
        if (!input.sourceId) throw fail.invalid('请选择完成的求助任务');
        const task = await getById<RequestDoc>(ctx.db, 'requests', input.sourceId);
        if (!task || task.compoundId !== ctx.compoundId) throw fail.notFound('没有找到这项任务');
        if (task.assigneeId !== volunteer._id) throw fail.forbidden('只有认领并完成这项任务的志愿者可以登记');
        if (!['resolved', 'closed'].includes(task.state)) throw fail.conflict('任务办结后才能登记服务时长');
        id = sourceKey('task', task._id, volunteer._id);
        organizer = team?.name ?? '你呼我应任务大厅';
        content = input.content || task.content.slice(0, 40);
      } else if (!team) throw fail.invalid('请选择服务所属的队伍，由队长核实');
      const problem = serviceProblem({ startAt, endAt }, ctx.now, await around(ctx, volunteer._id, startAt, endAt));
      if (problem) throw fail.invalid(problem);
      const minutes = serviceMinutes(startAt, endAt);
      const doc: Record<string, unknown> = {
        ...(id ? { _id: id } : {}), compoundId: ctx.compoundId, userId: volunteer._id, volunteerName: volunteer.displayName, teamId: team?._id ?? null, teamName: team?.name ?? null,
        source: input.source, refId: input.sourceId ?? team?._id ?? '', organizer, content, place: input.place ?? '', startAt, endAt, hours: Math.round(minutes / 6) / 10, minutes,
        month: monthKey(startAt), verifiedBy: verified ? ctx.user._id : null, verifiedAt: verified ? ctx.now : null, rejected: null, corrects: null, loggedBy: ctx.user._id,
        points: pointsFor(minutes, input.source), createdAt: ctx.now, updatedAt: ctx.now,
      };
      let recordId: string;
      try {
        recordId = await insertOne(ctx.db, 'service_records', doc);
      } catch (e) {
        if (isDuplicateKey(e)) throw fail.conflict('这项任务的服务时长已经登记过了');
        throw e;
      }
      await ctx.audit('volunteer.logService', `service_records/${recordId}`, { source: input.source, minutes, forOther: volunteer._id !== ctx.user._id });
      return { recordId, verified };
    },
  },

  verifyService: {
    async handle(ctx, input) {
      const r = await loadRecord(ctx, input.recordId);
      if (!(await canVerify(ctx, r))) throw fail.forbidden(r.userId === ctx.user._id ? '不能核实自己的服务时长' : '只有队长（或网格员、党支部）可以核实');
      if (r.rejected) throw fail.conflict('这条记录已被退回');
      // the same hours never count twice: not over another counted record of the person, whatever its source
      const clash = await ledgerClash(ctx.db, r.userId, r, { except: r._id, corrects: r.corrects, countedOnly: true });
      if (clash) throw fail.conflict(`${clash}，请退回或登记更正`);
      const done = await updateWhere(ctx.db, 'service_records', { _id: r._id, verifiedAt: null, rejected: null }, { verifiedBy: ctx.user._id, verifiedAt: ctx.now, updatedAt: ctx.now });
      if (!done) throw fail.conflict('这条记录已经核实过了');
      await ctx.audit('volunteer.verifyService', `service_records/${r._id}`, { minutes: minutesOf(r) });
      return { recordId: r._id, status: 'verified' as const };
    },
  },

  rejectService: {
    async handle(ctx, input) {
      const r = await loadRecord(ctx, input.recordId);
      if (!(await canVerify(ctx, r))) throw fail.forbidden('只有队长（或网格员、党支部）可以退回');
      const done = await updateWhere(ctx.db, 'service_records', { _id: r._id, verifiedAt: null, rejected: null }, { rejected: { reason: input.reason, by: ctx.user._id, at: ctx.now }, updatedAt: ctx.now });
      if (!done) throw fail.conflict('已核实的记录不能退回，请登记更正');
      await ctx.audit('volunteer.rejectService', `service_records/${r._id}`, { reason: input.reason });
      return { recordId: r._id, status: 'rejected' as const };
    },
  },

  correctService: {
    async handle(ctx, input) {
      const r = await loadRecord(ctx, input.recordId);
      const mine = r.userId === ctx.user._id;
      const verifier = await canVerify(ctx, r);
      if (!mine && !verifier) throw fail.forbidden();
      // a rejected record is corrected too: its source's fixed id (a task, a shift) can never be written again
      // one live correction per record: a second would count twice; correct the correction instead
      const live = (await findMany<ServiceRecordDoc>(ctx.db, 'service_records', { corrects: r._id }, { limit: 10 })).filter((x) => !x.rejected);
      if (live.length) throw fail.conflict('这条记录已有更正，请在更正记录上修改');
      const startAt = new Date(input.startAt);
      const endAt = new Date(input.endAt);
      const problem = serviceProblem({ startAt, endAt }, ctx.now, await around(ctx, r.userId, startAt, endAt, r._id));
      if (problem) throw fail.invalid(problem);
      const minutes = serviceMinutes(startAt, endAt);
      const verified = verifier;
      const doc: Record<string, unknown> = {
        _id: correctionId(), compoundId: r.compoundId, userId: r.userId, volunteerName: r.volunteerName ?? '', teamId: r.teamId ?? null, teamName: r.teamName ?? null,
        source: r.source, refId: r.refId, organizer: r.organizer, content: input.content ?? r.content, place: r.place ?? '', startAt, endAt, hours: Math.round(minutes / 6) / 10, minutes,
        month: monthKey(startAt), verifiedBy: verified ? ctx.user._id : null, verifiedAt: verified ? ctx.now : null, rejected: null, corrects: r._id, loggedBy: ctx.user._id,
        correctionReason: input.reason, points: pointsFor(minutes, r.source === 'patrol' ? 'shift' : r.source), createdAt: ctx.now, updatedAt: ctx.now,
      };
      const recordId = await insertOne(ctx.db, 'service_records', doc);
      await ctx.audit('volunteer.correctService', `service_records/${r._id}`, { correction: recordId, reason: input.reason });
      return { recordId };
    },
  },

  pendingRecords: {
    async handle(ctx, input) {
      const _ = ctx.db.command;
      const led = input.teamId ? [await loadTeam(ctx, input.teamId)] : await findMany<TeamDoc>(ctx.db, 'teams', { 'leaders.userId': ctx.user._id }, { limit: 50 });
      const teams = new Map(led.map((t) => [t._id, t]));
      const rows: ServiceRecordDoc[] = [];
      if (led.length) rows.push(...(await findMany<ServiceRecordDoc>(ctx.db, 'service_records', { teamId: _.in(led.map((t) => t._id)), verifiedAt: null }, { limit: 200 })));
      if (!input.teamId && hasAnyRole(ctx.roles, [...TEAM_MAKERS, 'grid'])) {
        rows.push(...(await findMany<ServiceRecordDoc>(ctx.db, 'service_records', { compoundId: ctx.compoundId, source: 'task', verifiedAt: null }, { limit: 200 })));
      }
      // an event record is pending only when it clashed with other records at the check-in
      if (!input.teamId && hasAnyRole(ctx.roles, TEAM_MAKERS)) {
        rows.push(...(await findMany<ServiceRecordDoc>(ctx.db, 'service_records', { compoundId: ctx.compoundId, source: 'event', verifiedAt: null }, { limit: 200 })));
      }
      const seen = new Set<string>();
      const open = rows.filter((r) => !r.rejected && (r.source !== 'event' || !!r.conflict) && !seen.has(r._id) && seen.add(r._id));
      const views = await Promise.all(open.map((r) => viewOf(ctx, r, new Set(), teams)));
      return { items: views.filter((v) => v.canVerify) };
    },
  },

  myRecord: {
    async handle(ctx) {
      const all = await myRecords(ctx.db, ctx.user._id);
      const replaced = replacedSet(all);
      const good = counting(all);
      const names = verifierNames(ctx, all);
      const byMonth = new Map<string, number>();
      const byTeam = new Map<string, number>();
      let total = 0;
      for (const r of good) {
        const m = minutesOf(r);
        total += m;
        const month = r.month ?? monthKey(r.startAt);
        byMonth.set(month, (byMonth.get(month) ?? 0) + m);
        const team = r.teamName ?? r.organizer;
        byTeam.set(team, (byTeam.get(team) ?? 0) + m);
      }
      return {
        totalMinutes: total,
        totalHours: formatHours(total),
        points: pointsOf(good.map((r) => ({ minutes: minutesOf(r), source: sourceOf(r) }))),
        byMonth: [...byMonth].sort((a, b) => (a[0] < b[0] ? 1 : -1)).map(([month, minutes]) => ({ month, minutes, hours: formatHours(minutes) })),
        byTeam: [...byTeam].map(([team, minutes]) => ({ team, minutes, hours: formatHours(minutes) })),
        records: await Promise.all(all.map(async (r) => viewOf(ctx, r, replaced, undefined, await names))),
      };
    },
  },

  exportMyRecord: {
    async handle(ctx) {
      const all = await myRecords(ctx.db, ctx.user._id);
      const replaced = replacedSet(all);
      const status = { pending: '待核实', verified: '已核实', rejected: '已退回', corrected: '已更正' } as const;
      const names = await verifierNames(ctx, all);
      const rows = [
        ['序号', '记录编号', '服务内容', '来源', '队伍/组织方', '地点', '开始', '结束', '时长(小时)', '状态', '核实人', '核实时间', '更正的记录'],
        ...all.map((r, i) => {
          const at = verifiedAtOf(r);
          return [
            String(i + 1), r._id, r.content, SOURCE_LABELS[sourceOf(r)], r.teamName ?? r.organizer, r.place ?? '', beijingTime(r.startAt), beijingTime(r.endAt),
            formatHours(minutesOf(r)), status[statusOf(r, replaced)], verifierOf(r, names) ?? '', at ? beijingTime(at) : '', r.corrects ?? '',
          ];
        }),
      ];
      return { filename: '我的志愿服务记录.csv', csv: toCsv(rows), rows: all.length };
    },
  },

  certificate: {
    async handle(ctx) {
      if (!ctx.compoundId) throw fail.forbidden('您还没有所属小区');
      const good = counting(await myRecords(ctx.db, ctx.user._id));
      const compound = await getById<CompoundDoc>(ctx.db, 'compounds', ctx.compoundId);
      const c = certificateContents(good.map((r) => ({ minutes: minutesOf(r), teamName: r.teamName ?? null, content: r.content, startAt: r.startAt, endAt: r.endAt })), compound);
      if (!c) throw fail.conflict('还没有已核实的服务时长，暂不能出具证明');
      const { totalMinutes: total, content, periodFrom: from, periodTo: to, issuer } = c;
      const base: Omit<CertificateDoc, '_id'> = {
        compoundId: ctx.compoundId, userId: ctx.user._id, name: ctx.user.displayName, volunteerNo: volunteerNumber(ctx.user._id),
        totalMinutes: total, content, periodFrom: from, periodTo: to, issuer, handler: c.handler, contact: c.contact, createdAt: ctx.now, updatedAt: ctx.now,
      };
      // the same hours give the same certificate: a number is issued again only when something changed
      const [latest] = await findMany<CertificateDoc>(ctx.db, 'certificates', { userId: ctx.user._id }, { orderBy: [['createdAt', 'desc']], limit: 1 });
      if (latest && !latest.revoked && latest.totalMinutes === total && latest.name === base.name && latest.content.join('|') === content.join('|')) {
        return {
          number: latest._id, name: latest.name, volunteerNo: latest.volunteerNo, totalMinutes: total, totalHours: formatHours(total), content: latest.content,
          periodFrom: latest.periodFrom ? iso(latest.periodFrom) : null, periodTo: latest.periodTo ? iso(latest.periodTo) : null, issuer: latest.issuer, handler: latest.handler,
          contact: latest.contact, issuedAt: iso(latest.createdAt), verifyText: checkText(latest._id),
        };
      }
      for (let attempt = 0; ; attempt++) {
        const number = certificateNumber(ctx.now, randomInt(1_000_000));
        try {
          await insertOne(ctx.db, 'certificates', { _id: number, ...base });
          await ctx.audit('volunteer.certificate', `certificates/${number}`, { minutes: total });
          return {
            number, name: base.name, volunteerNo: base.volunteerNo, totalMinutes: total, totalHours: formatHours(total), content, periodFrom: iso(from), periodTo: iso(to),
            issuer, handler: base.handler, contact: base.contact, issuedAt: iso(ctx.now), verifyText: checkText(number),
          };
        } catch (e) {
          if (!isDuplicateKey(e) || attempt >= 3) throw e;
        }
      }
    },
  },

  verifyCertificate: {
    async handle(ctx, input) {
      const empty = { nameMasked: null, totalHours: null, periodFrom: null, periodTo: null, issuer: null };
      const number = input.number.toUpperCase();
      if (!isCertificateNumber(number)) return { valid: false, message: '证明编号有误（校验位不符），请核对后重新输入', ...empty };
      const c = await getById<CertificateDoc>(ctx.db, 'certificates', number);
      if (!c) return { valid: false, message: '没有找到这份证明', ...empty };
      if (c.revoked) return { valid: false, message: '这份证明已失效', ...empty };
      const day = (d: Date | null) => (d ? china(d).format('YYYY-MM-DD') : null);
      return { valid: true, message: null, nameMasked: maskName(c.name), totalHours: formatHours(c.totalMinutes), periodFrom: day(c.periodFrom), periodTo: day(c.periodTo), issuer: c.issuer };
    },
  },
};
