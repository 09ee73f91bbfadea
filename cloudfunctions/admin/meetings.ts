// 三方联席会议 (商): agenda items from requests, convention articles and residents' proposals; meetings
// with attendees and minutes; each decision written back onto its request's timeline and told to the
// person who raised it.
import type { AdminContract, AgendaItem, MeetingView } from '@core/admin/contract';
import { MEETING_ROLES } from '@core/admin/rules';
import { fail } from '@core/errors';
import { hasAnyRole } from '@core/roles';
import { findMany, getById, insertOne, pageOf, updateById, updateWhere } from '../runtime/db';
import type { AgendaItemDoc, ConventionDoc, InboxDoc, MeetingDoc, RequestDoc, TimelineDoc } from '../runtime/model';
import { thing } from '../runtime/notify';
import type { Handlers, UserCtx } from '../runtime/serve';
import { iso } from './scope';

type H = Handlers<AdminContract>;

const itemView = (d: AgendaItemDoc): AgendaItem => ({
  itemId: d._id, kind: d.kind, refId: d.refId, title: d.title, note: d.note, proposedBy: d.proposedBy, meetingId: d.meetingId,
  decision: d.decision ? { text: d.decision.text, at: iso(d.decision.at) } : null, createdAt: iso(d.createdAt),
});

/**
 * The compound whose 三方联席会议 the caller sits in: their own. An officer appointed above every
 * compound has none here (they see the compounds' dashboards, and attend a meeting as its guest).
 */
function meetingCompound(ctx: UserCtx): string {
  if (!ctx.compoundId) throw fail.forbidden('三方联席会议在您所属小区召开；您没有所属小区，请查看辖区各小区的数据看板');
  return ctx.compoundId;
}

async function loadMeeting(ctx: UserCtx, meetingId: string): Promise<MeetingDoc> {
  const m = await getById<MeetingDoc>(ctx.db, 'meetings', meetingId);
  if (!m || m.compoundId !== meetingCompound(ctx)) throw fail.notFound('没有找到这次会议');
  return m;
}

async function meetingView(ctx: UserCtx, m: MeetingDoc): Promise<MeetingView> {
  const items = await findMany<AgendaItemDoc>(ctx.db, 'agenda_items', { compoundId: m.compoundId, meetingId: m._id }, { orderBy: [['createdAt', 'asc']], limit: 50 });
  return { meetingId: m._id, title: m.title, at: iso(m.at), place: m.place, attendees: m.attendees, minutes: m.minutes, state: m.state, items: items.map(itemView) };
}

export const meetings: Pick<H, 'propose' | 'agenda' | 'createMeeting' | 'meetings' | 'meeting' | 'scheduleItem' | 'recordMinutes' | 'decide'> = {
  propose: {
    async handle(ctx, input) {
      if (!ctx.compoundId) throw fail.forbidden('您还没有所属小区');
      const staff = hasAnyRole(ctx.roles, [...MEETING_ROLES, 'grid']);
      if (input.kind !== 'proposal' && !staff) throw fail.forbidden('居民可以提交提议；反映和公约条款由工作人员提交议题');
      if (input.kind === 'proposal' && !ctx.user.householdId && !staff) throw fail.forbidden('认证房屋后才能提交提议');
      if (input.kind !== 'proposal' && !input.refId) throw fail.invalid('请选择要商议的反映或公约');
      if (input.kind === 'request') {
        const r = await getById<RequestDoc>(ctx.db, 'requests', input.refId!);
        if (!r || r.compoundId !== ctx.compoundId) throw fail.notFound('没有找到这条反映');
      }
      if (input.kind === 'article') {
        const c = await getById<ConventionDoc>(ctx.db, 'conventions', input.refId!);
        if (!c || c.compoundId !== ctx.compoundId) throw fail.notFound('没有找到这份公约');
      }
      const verdict = await ctx.text.check(`${input.title}\n${input.note ?? ''}`, 3, ctx.openid);
      if (verdict === 'review') throw fail.rejected('内容需人工审核，请修改后再提交');
      const doc: Omit<AgendaItemDoc, '_id'> = {
        compoundId: ctx.compoundId, kind: input.kind, refId: input.refId ?? null, title: input.title, note: input.note ?? '', proposedById: ctx.user._id, proposedBy: ctx.user.displayName,
        meetingId: null, decision: null, createdAt: ctx.now, updatedAt: ctx.now,
      };
      const itemId = await insertOne(ctx.db, 'agenda_items', doc);
      await ctx.audit('admin.propose', `agenda_items/${itemId}`, { kind: input.kind, refId: input.refId ?? null });
      return { itemId };
    },
  },

  agenda: {
    async handle(ctx, input) {
      const res = await pageOf<AgendaItemDoc>(ctx.db, 'agenda_items', { compoundId: meetingCompound(ctx), meetingId: null }, [['createdAt', 'asc']], input);
      return { items: res.items.map(itemView), nextCursor: res.nextCursor };
    },
  },

  createMeeting: {
    async handle(ctx, input) {
      const doc: Omit<MeetingDoc, '_id'> = {
        compoundId: meetingCompound(ctx), title: input.title, at: new Date(input.at), place: input.place, attendees: [], minutes: '', state: 'planned', createdBy: ctx.user._id,
        createdAt: ctx.now, updatedAt: ctx.now,
      };
      const meetingId = await insertOne(ctx.db, 'meetings', doc);
      for (const itemId of input.itemIds ?? []) {
        await updateWhere(ctx.db, 'agenda_items', { _id: itemId, compoundId: ctx.compoundId, meetingId: null }, { meetingId, updatedAt: ctx.now });
      }
      await ctx.audit('admin.createMeeting', `meetings/${meetingId}`, { title: input.title, items: input.itemIds?.length ?? 0 });
      return { meetingId };
    },
  },

  meetings: {
    async handle(ctx, input) {
      const res = await pageOf<MeetingDoc>(ctx.db, 'meetings', { compoundId: meetingCompound(ctx) }, [['at', 'desc']], input);
      return { items: await Promise.all(res.items.map((m) => meetingView(ctx, m))), nextCursor: res.nextCursor };
    },
  },

  meeting: { handle: async (ctx, input) => meetingView(ctx, await loadMeeting(ctx, input.meetingId)) },

  scheduleItem: {
    async handle(ctx, input) {
      const m = await loadMeeting(ctx, input.meetingId);
      if (m.state === 'held') throw fail.conflict('会议已经召开，请把议题排入下一次会议');
      const moved = await updateWhere(ctx.db, 'agenda_items', { _id: input.itemId, compoundId: ctx.compoundId, decision: null }, { meetingId: m._id, updatedAt: ctx.now });
      if (!moved) throw fail.conflict('议题不存在或已有决定');
      return { itemId: input.itemId };
    },
  },

  recordMinutes: {
    async handle(ctx, input) {
      const m = await loadMeeting(ctx, input.meetingId);
      await updateById(ctx.db, 'meetings', m._id, { minutes: input.minutes, attendees: input.attendees, state: 'held', updatedAt: ctx.now });
      await ctx.audit('admin.recordMinutes', `meetings/${m._id}`, { attendees: input.attendees.length });
      return { meetingId: m._id };
    },
  },

  decide: {
    async handle(ctx, input) {
      const item = await getById<AgendaItemDoc>(ctx.db, 'agenda_items', input.itemId);
      if (!item || item.compoundId !== meetingCompound(ctx)) throw fail.notFound('没有找到这个议题');
      if (!item.meetingId) throw fail.conflict('议题还没有排入会议');
      const done = await updateWhere(ctx.db, 'agenda_items', { _id: item._id, decision: null }, { decision: { text: input.decision, at: ctx.now, by: ctx.user._id }, updatedAt: ctx.now });
      if (!done) throw fail.conflict('这个议题已经有决定了');
      const meeting = await getById<MeetingDoc>(ctx.db, 'meetings', item.meetingId);
      let tellId: string | null = item.kind === 'proposal' ? item.proposedById : null;
      let page = 'packages/user/inbox/index';
      if (item.kind === 'request' && item.refId) {
        const r = await getById<RequestDoc>(ctx.db, 'requests', item.refId);
        if (r) {
          // 说 → 商 → 办 → 评: the decision becomes a step of the request, seen by its reporter
          const step: TimelineDoc = {
            at: ctx.now, action: 'deliberate', actorId: ctx.user._id, actorName: '三方联席会议', actorRole: null, fromState: r.state, toState: r.state,
            note: `${meeting ? `${meeting.title}：` : ''}${input.decision}`, photos: [],
          };
          await updateById(ctx.db, 'requests', r._id, { timeline: ctx.db.command.push(step), updatedAt: ctx.now });
          tellId = r.reporterId;
          page = `packages/request/detail/index?id=${r._id}`;
        }
      }
      if (tellId) {
        const entry: Omit<InboxDoc, '_id'> = {
          userId: tellId, kind: 'requestStatus', title: '三方联席会议已商议', body: thing(`${item.title}：${input.decision}`), page, readAt: null, createdAt: ctx.now, updatedAt: ctx.now,
        };
        await insertOne(ctx.db, 'inbox', entry);
      }
      await ctx.audit('admin.decide', `agenda_items/${item._id}`, { kind: item.kind, refId: item.refId });
      return { itemId: item._id };
    },
  },
};
