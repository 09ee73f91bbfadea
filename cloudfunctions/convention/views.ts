// What leaves the convention function: summaries, the convention as the caller may see it, the
// tally, comments. Choices never leave except to the auditors (ballots action).
import type { CommentView, ConventionSummary, TallyView } from '@core/convention/contract';
import { maskName } from '@core/mask';
import type { ConventionCommentDoc, ConventionDoc } from '../runtime/model';
import type { Count } from './count';
import type { TallyResult } from '@core/convention/rules';

export const iso = (d: Date | string) => new Date(d).toISOString();

export function summaryOf(c: ConventionDoc): ConventionSummary {
  return {
    conventionId: c._id,
    title: c.title,
    kind: c.kind,
    phase: c.phase,
    version: c.version,
    articleCount: c.articles.length,
    commentCount: c.commentCount,
    updatedAt: iso(c.updatedAt),
    vote: c.vote ? { rule: c.vote.rule, startsAt: iso(c.vote.startsAt), endsAt: iso(c.vote.endsAt) } : null,
  };
}

export function tallyViewOf(c: ConventionDoc, count: (Count & TallyResult) | NonNullable<ConventionDoc['result']>, closed: boolean): TallyView {
  return {
    rule: count.rule,
    electorate: c.vote?.electorate ?? 'owners',
    closed,
    quorumMet: count.quorumMet,
    passed: count.passed,
    binding: count.binding,
    totals: count.totals,
    criteria: count.criteria,
    basis: count.basis,
    advisory: c.vote?.advisory ?? null,
    sources: count.sources,
    byBuilding: count.byBuilding.map((b) => ({
      ...b,
      electorateArea: b.electorateArea ?? 0, partArea: b.partArea ?? 0, agreeArea: b.agreeArea ?? 0, disagreeArea: b.disagreeArea ?? 0, abstainArea: b.abstainArea ?? 0,
    })),
    nonVoters: count.nonVoters,
    countedAt: closed ? iso(count.countedAt) : null,
  };
}

export function commentViewOf(d: ConventionCommentDoc, viewer: { userId: string; drafter: boolean; supported: Set<string> }): CommentView {
  const mine = d.authorId === viewer.userId;
  const hidden = !!d.hidden;
  return {
    commentId: d._id,
    articleNo: d.articleNo || null,
    parentId: d.parentId,
    authorName: d.publishName ? d.authorName : maskName(d.authorName),
    // a hidden comment keeps its place in the thread; its text only for its author and the drafters
    text: hidden && !mine && !viewer.drafter ? `（该意见已被隐藏：${d.hidden!.reason}）` : d.text,
    version: d.version,
    supportCount: d.supportCount,
    supported: viewer.supported.has(d._id),
    mine,
    held: d.moderation === 'review',
    hidden,
    answer: d.answer ? { text: d.answer.text, adopted: d.answer.adopted, reason: d.answer.reason, at: iso(d.answer.at) } : null,
    createdAt: iso(d.createdAt),
  };
}
