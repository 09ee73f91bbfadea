// 征求意见: comments on one article (or the whole convention), replies, one support per person,
// the drafters' answers (adopted or not, with a reason) and moderation.
import type { ConventionContract } from '@core/convention/contract';
import { fail } from '@core/errors';
import { findMany, getById, insertOne, isDuplicateKey, pageOf, updateById } from '../runtime/db';
import type { CommentSupportDoc, ConventionCommentDoc } from '../runtime/model';
import type { Handlers, UserCtx } from '../runtime/serve';
import { isDrafter, loadConvention, requireDrafter } from './store';
import { commentViewOf } from './views';

type H = Handlers<ConventionContract>;

async function loadComment(ctx: UserCtx, commentId: string): Promise<ConventionCommentDoc> {
  const d = await getById<ConventionCommentDoc>(ctx.db, 'convention_comments', commentId);
  if (!d || d.compoundId !== ctx.compoundId) throw fail.notFound('没有找到这条意见');
  return d;
}

export const comments: Pick<H, 'comment' | 'comments' | 'support' | 'answerComment' | 'hideComment'> = {
  comment: {
    async handle(ctx, input) {
      const c = await loadConvention(ctx, input.conventionId);
      const drafter = isDrafter(ctx, c);
      if (c.phase !== 'consultation') throw fail.conflict(c.phase === 'draft' ? '公约还未开始征求意见' : '征求意见已结束');
      if (c.consultationEndsAt && ctx.now >= c.consultationEndsAt) throw fail.conflict('征求意见已截止');
      if (!ctx.user.householdId && !drafter) throw fail.forbidden('请先认证房屋再提意见');
      let articleNo = input.articleNo ?? 0;
      if (articleNo > c.articles.length) throw fail.invalid(`没有第 ${articleNo} 条`);
      let parentId: string | null = null;
      if (input.parentId) {
        const parent = await getById<ConventionCommentDoc>(ctx.db, 'convention_comments', input.parentId);
        if (!parent || parent.conventionId !== c._id) throw fail.invalid('要回复的意见不存在');
        parentId = parent.parentId ?? parent._id;
        articleNo = parent.articleNo;
      }
      const verdict = await ctx.text.check(input.text, 2, ctx.openid);
      const doc: Omit<ConventionCommentDoc, '_id'> = {
        compoundId: c.compoundId,
        conventionId: c._id,
        articleNo,
        parentId,
        authorId: ctx.user._id,
        authorName: ctx.user.displayName,
        publishName: ctx.user.consents.publishName?.granted === true,
        text: input.text,
        version: c.version,
        supportCount: 0,
        moderation: verdict,
        hidden: null,
        answer: null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      const commentId = await insertOne(ctx.db, 'convention_comments', doc);
      const _ = ctx.db.command;
      await updateById(ctx.db, 'conventions', c._id, { commentCount: _.inc(1), [`articleComments.${articleNo}`]: _.inc(1) });
      return { commentId, held: verdict === 'review' };
    },
  },

  comments: {
    async handle(ctx, input) {
      const c = await loadConvention(ctx, input.conventionId);
      const drafter = isDrafter(ctx, c);
      if (c.phase === 'draft' && !drafter) throw fail.notFound('没有找到这份公约');
      const where: Record<string, unknown> = { conventionId: c._id };
      if (input.articleNo !== undefined) where.articleNo = input.articleNo ?? 0;
      const res = await pageOf<ConventionCommentDoc>(ctx.db, 'convention_comments', where, [['articleNo', 'asc'], ['createdAt', 'asc']], { cursor: input.cursor, limit: input.limit ?? 50 });
      const supports = await findMany<CommentSupportDoc>(ctx.db, 'comment_supports', { userId: ctx.user._id, conventionId: c._id }, { limit: 1000 });
      const viewer = { userId: ctx.user._id, drafter, supported: new Set(supports.map((s) => s.commentId)) };
      // text held by the content check is its author's and the drafters' until it is passed
      const visible = res.items.filter((d) => d.moderation === 'pass' || drafter || d.authorId === ctx.user._id);
      return { items: visible.map((d) => commentViewOf(d, viewer)), nextCursor: res.nextCursor };
    },
  },

  support: {
    async handle(ctx, input) {
      const d = await loadComment(ctx, input.commentId);
      if (d.hidden || d.moderation !== 'pass') throw fail.conflict('这条意见不能支持');
      if (d.authorId === ctx.user._id) throw fail.conflict('不能支持自己的意见');
      const support: CommentSupportDoc = { _id: `${d._id}:${ctx.user._id}`, conventionId: d.conventionId, commentId: d._id, userId: ctx.user._id, createdAt: ctx.now, updatedAt: ctx.now };
      try {
        await insertOne(ctx.db, 'comment_supports', support as unknown as Record<string, unknown>);
      } catch (e) {
        if (isDuplicateKey(e)) throw fail.conflict('您已经支持过这条意见');
        throw e;
      }
      await updateById(ctx.db, 'convention_comments', d._id, { supportCount: ctx.db.command.inc(1) });
      return { commentId: d._id, supportCount: d.supportCount + 1 };
    },
  },

  answerComment: {
    async handle(ctx, input) {
      const d = await loadComment(ctx, input.commentId);
      const c = await loadConvention(ctx, d.conventionId);
      requireDrafter(ctx, c);
      if (input.adopted === false && !input.reason) throw fail.invalid('不采纳时请说明理由');
      await updateById(ctx.db, 'convention_comments', d._id, {
        answer: { text: input.text, adopted: input.adopted, reason: input.reason || null, by: ctx.user._id, at: ctx.now },
        updatedAt: ctx.now,
      });
      await ctx.audit('convention.answerComment', `convention_comments/${d._id}`, { adopted: input.adopted });
      return { commentId: d._id };
    },
  },

  hideComment: {
    async handle(ctx, input) {
      const d = await loadComment(ctx, input.commentId);
      const c = await loadConvention(ctx, d.conventionId);
      requireDrafter(ctx, c);
      await updateById(ctx.db, 'convention_comments', d._id, { hidden: { reason: input.reason, by: ctx.user._id, at: ctx.now }, updatedAt: ctx.now });
      await ctx.audit('convention.hideComment', `convention_comments/${d._id}`, { reason: input.reason });
      return { commentId: d._id };
    },
  },
};
