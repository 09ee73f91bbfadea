// 内容审核: what the content check held and what residents reported (one report per person per item);
// approve or hide with a reason, the author told in their 消息中心, every decision audited.
import type { AdminContract, QueueItem } from '@core/admin/contract';
import { inScope, MODERATION_KIND_LABELS, type ModerationKind } from '@core/admin/rules';
import { fail } from '@core/errors';
import { maskName } from '@core/mask';
import { findMany, getById, insertOne, isDuplicateKey, updateById, updateWhere } from '../runtime/db';
import type { ConventionCommentDoc, EventDoc, InboxDoc, NoticeDoc, ReportDoc, RequestDoc } from '../runtime/model';
import type { Handlers, UserCtx } from '../runtime/serve';
import { compoundFor, iso } from './scope';

type H = Handlers<AdminContract>;
const COLL = { request: 'requests', comment: 'convention_comments', notice: 'notices', event: 'events' } as const;
const PAGES = { request: 'packages/request/detail/index', comment: 'packages/convention/detail/index', notice: 'packages/notice/detail/index', event: 'packages/event/detail/index' } as const;

interface Item {
  compoundId: string;
  title: string;
  excerpt: string;
  authorId: string | null;
  authorName: string;
  held: boolean;
  createdAt: Date;
  page: string;
}

async function itemOf(ctx: UserCtx, kind: ModerationKind, refId: string): Promise<Item | null> {
  const plain = (html: string) => html.replace(/<[^>]*>/g, '').slice(0, 60);
  switch (kind) {
    case 'request': {
      const r = await getById<RequestDoc>(ctx.db, 'requests', refId);
      return r && { compoundId: r.compoundId, title: '居民反映', excerpt: r.content.slice(0, 60), authorId: r.reporterId, authorName: r.reporterName, held: r.moderation === 'review', createdAt: r.createdAt, page: `${PAGES.request}?id=${r._id}` };
    }
    case 'comment': {
      const c = await getById<ConventionCommentDoc>(ctx.db, 'convention_comments', refId);
      return c && { compoundId: c.compoundId, title: '公约意见', excerpt: c.text.slice(0, 60), authorId: c.authorId, authorName: c.authorName, held: c.moderation === 'review' && !c.hidden, createdAt: c.createdAt, page: `${PAGES.comment}?id=${c.conventionId}` };
    }
    case 'notice': {
      const n = await getById<NoticeDoc>(ctx.db, 'notices', refId);
      return n && { compoundId: n.compoundId, title: n.title, excerpt: plain(n.content), authorId: n.publisherId, authorName: n.publisherName, held: n.moderation === 'review', createdAt: n.createdAt, page: `${PAGES.notice}?id=${n._id}` };
    }
    case 'event': {
      const e = await getById<EventDoc>(ctx.db, 'events', refId);
      return e && { compoundId: e.compoundId, title: e.title, excerpt: e.description.slice(0, 60), authorId: e.organizerId, authorName: e.organizerName, held: e.moderation === 'review', createdAt: e.createdAt, page: `${PAGES.event}?id=${e._id}` };
    }
  }
}

export const moderation: Pick<H, 'report' | 'moderationQueue' | 'moderate'> = {
  report: {
    async handle(ctx, input) {
      const item = await itemOf(ctx, input.kind, input.refId);
      if (!item || item.compoundId !== ctx.compoundId) throw fail.notFound('没有找到要举报的内容');
      if (item.authorId === ctx.user._id) throw fail.conflict('不能举报自己发布的内容');
      const doc: ReportDoc = {
        _id: `${input.kind}:${input.refId}:${ctx.user._id}`, compoundId: item.compoundId, kind: input.kind, refId: input.refId, userId: ctx.user._id, reason: input.reason, state: 'open',
        createdAt: ctx.now, updatedAt: ctx.now,
      };
      try {
        await insertOne(ctx.db, 'reports', doc as unknown as Record<string, unknown>);
      } catch (e) {
        if (isDuplicateKey(e)) throw fail.conflict('您已经举报过这条内容，工作人员会尽快处理');
        throw e;
      }
      return { reported: true };
    },
  },

  moderationQueue: {
    async handle(ctx, input) {
      const compoundId = compoundFor(ctx, input.compoundId);
      const kinds = input.kind ? [input.kind] : (['request', 'comment', 'notice', 'event'] as const);
      const found = new Map<string, QueueItem>();
      const key = (k: string, id: string) => `${k}:${id}`;
      for (const kind of kinds) {
        const held = await findMany<{ _id: string; createdAt: Date; updatedAt: Date }>(ctx.db, COLL[kind], { compoundId, moderation: 'review' }, { orderBy: [['createdAt', 'desc']], limit: 50 });
        for (const h of held) {
          const item = await itemOf(ctx, kind, h._id);
          if (!item || !item.held) continue;
          found.set(key(kind, h._id), { kind, refId: h._id, title: item.title, excerpt: item.excerpt, authorName: maskName(item.authorName), held: true, reports: 0, reasons: [], createdAt: iso(item.createdAt) });
        }
      }
      const reports = await findMany<ReportDoc>(ctx.db, 'reports', { compoundId, state: 'open' }, { orderBy: [['createdAt', 'desc']], limit: 500 });
      for (const r of reports) {
        if (!kinds.includes(r.kind as never)) continue;
        const k = key(r.kind, r.refId);
        let q = found.get(k);
        if (!q) {
          const item = await itemOf(ctx, r.kind, r.refId);
          if (!item) continue;
          q = { kind: r.kind, refId: r.refId, title: item.title, excerpt: item.excerpt, authorName: maskName(item.authorName), held: item.held, reports: 0, reasons: [], createdAt: iso(item.createdAt) };
          found.set(k, q);
        }
        q.reports++;
        if (q.reasons.length < 5) q.reasons.push(r.reason);
      }
      return { items: [...found.values()].sort((a, b) => b.reports - a.reports || (a.createdAt < b.createdAt ? 1 : -1)) };
    },
  },

  moderate: {
    async handle(ctx, input) {
      const item = await itemOf(ctx, input.kind, input.refId);
      // the caller's compound, or (an officer) one in scope
      if (!item || !inScope({ compoundId: ctx.compoundId, roles: ctx.roles, officerScope: ctx.user.officerScope ?? [] }, item.compoundId)) throw fail.notFound('没有找到这条内容');
      const approve = input.decision === 'approve';
      const coll = COLL[input.kind];
      if (input.kind === 'comment') {
        await updateById(ctx.db, coll, input.refId, approve ? { moderation: 'pass', hidden: null, updatedAt: ctx.now } : { hidden: { reason: input.reason, by: ctx.user._id, at: ctx.now }, updatedAt: ctx.now });
      } else {
        // hidden: a state of its own — not public for any reader (they show `pass` only), and not held,
        // so it leaves the queue for good. A comment keeps its own `hidden` record (its thread shows
        // a placeholder in its place).
        await updateById(ctx.db, coll, input.refId, { moderation: approve ? 'pass' : 'hidden', moderationNote: input.reason, updatedAt: ctx.now });
      }
      await updateWhere(ctx.db, 'reports', { compoundId: item.compoundId, kind: input.kind, refId: input.refId, state: 'open' }, { state: approve ? 'approved' : 'hidden', updatedAt: ctx.now });
      if (item.authorId) {
        const entry: Omit<InboxDoc, '_id'> = {
          userId: item.authorId, kind: 'moderation',
          title: approve ? `您发布的${MODERATION_KIND_LABELS[input.kind]}已审核通过` : `您发布的${MODERATION_KIND_LABELS[input.kind]}已被隐藏`,
          body: `${item.excerpt.slice(0, 30)}（${input.reason}）`, page: item.page, readAt: null, createdAt: ctx.now, updatedAt: ctx.now,
        };
        await insertOne(ctx.db, 'inbox', entry);
      }
      await ctx.audit(`admin.moderate.${input.decision}`, `${coll}/${input.refId}`, { reason: input.reason }, item.compoundId);
      return { kind: input.kind, refId: input.refId, decision: input.decision };
    },
  },
};
