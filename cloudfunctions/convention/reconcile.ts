// 公约与表决's reconciliation (issue 17). A comment is inserted, then counted on the convention (in
// all and per article); a support is inserted, then counted on the comment; a signature likewise; a
// ballot cast for an owner by proxy is inserted, then the proxy is marked used. A crash between
// those writes leaves a count short or a proxy usable twice; this job recomputes them. A vote counted
// whose 公示 was not posted (or whose id was not kept) gets it posted here.
import { countWhere, findAll, updateWhere } from '../runtime/db';
import type { BallotDoc, CommentSupportDoc, ConventionCommentDoc, ConventionDoc, VoteProxyDoc } from '../runtime/model';
import { compoundsInScope, type CounterCheck, reconcileCounters, Repairs } from '../runtime/reconcile';
import type { Job } from '../runtime/serve';
import { postResult } from './messages';

/** Conventions whose figures still move: changed in the last 90 days. */
const LOOKBACK_MS = 90 * 24 * 3_600_000;

export const reconcile: Job = async (ctx) => {
  const { db, now } = ctx;
  const compounds = await compoundsInScope(ctx);
  const repairs = new Repairs(ctx);
  const checks: CounterCheck[] = [];
  for (const compoundId of compounds) {
    const conventions = await findAll<ConventionDoc>(db, 'conventions', { compoundId, updatedAt: db.command.gte(new Date(now.getTime() - LOOKBACK_MS)) }, [['updatedAt', 'desc']], 200);
    for (const c of conventions) {
      // the counts are first compared with lists read once; only a mismatch is counted (and looked at again)
      const comments = await findAll<ConventionCommentDoc>(db, 'convention_comments', { conventionId: c._id }, [['articleNo', 'asc'], ['createdAt', 'asc']], 5000);
      if ((c.commentCount ?? 0) !== comments.length) {
        checks.push({ collection: 'conventions', docId: c._id, compoundId, field: 'commentCount', action: 'convention.commentCount', count: () => countWhere(db, 'convention_comments', { conventionId: c._id }) });
      }
      const perArticle = new Map<string, number>();
      for (const d of comments) perArticle.set(String(d.articleNo), (perArticle.get(String(d.articleNo)) ?? 0) + 1);
      for (const no of new Set([...perArticle.keys(), ...Object.keys(c.articleComments ?? {})])) {
        if ((c.articleComments?.[no] ?? 0) === (perArticle.get(no) ?? 0)) continue;
        checks.push({
          collection: 'conventions', docId: c._id, compoundId, field: `articleComments.${no}`, action: 'convention.articleComments',
          count: () => countWhere(db, 'convention_comments', { conventionId: c._id, articleNo: Number(no) }),
        });
      }
      const supports = await findAll<CommentSupportDoc>(db, 'comment_supports', { conventionId: c._id }, [['commentId', 'asc']], 20_000);
      const perComment = new Map<string, number>();
      for (const x of supports) perComment.set(x.commentId, (perComment.get(x.commentId) ?? 0) + 1);
      for (const d of comments) {
        if ((d.supportCount ?? 0) === (perComment.get(d._id) ?? 0)) continue;
        checks.push({
          collection: 'convention_comments', docId: d._id, compoundId, field: 'supportCount', action: 'convention.supportCount',
          count: () => countWhere(db, 'comment_supports', { conventionId: c._id, commentId: d._id }),
        });
      }
      if (c.phase === 'adopted') {
        // signatures are few a convention: counted each run
        checks.push({ collection: 'conventions', docId: c._id, compoundId, field: 'signatures', action: 'convention.signatures', count: () => countWhere(db, 'convention_signatures', { conventionId: c._id }) });
      }
      if (c.result && !c.result.noticeId && ['counted', 'adopted', 'rejected'].includes(c.phase)) {
        // closing counted and kept the result, then posting its 公示 failed: post it now (its id is
        // fixed, so a notice an earlier attempt did write is linked, not posted twice)
        const noticeId = await postResult(db, c, c.result, c.result.objectionEndsAt, now, null);
        if (await updateWhere(db, 'conventions', { _id: c._id, 'result.noticeId': null }, { 'result.noticeId': noticeId })) {
          await repairs.record(compoundId, 'convention.resultPosted', `conventions/${c._id}`, { noticeId });
        }
      }
      if (c.phase === 'voting') {
        // a proxy whose ballot was cast is used, whatever stopped the action before it said so
        const proxies = (await findAll<VoteProxyDoc>(db, 'vote_proxies', { conventionId: c._id }, [['createdAt', 'asc']], 5000)).filter((p) => p.state === 'active');
        if (proxies.length) {
          const ballots = await findAll<BallotDoc>(db, 'ballots', { conventionId: c._id }, [['createdAt', 'asc']], 20_000);
          const cast = new Set(ballots.map((b) => b.proxyId).filter(Boolean));
          for (const p of proxies.filter((x) => cast.has(x._id))) {
            if (await updateWhere(db, 'vote_proxies', { _id: p._id, state: 'active' }, { state: 'used', updatedAt: now })) {
              await repairs.record(compoundId, 'convention.proxyUsed', `vote_proxies/${p._id}`, { conventionId: c._id });
            }
          }
        }
      }
    }
  }
  await reconcileCounters(ctx, repairs, checks);
  return { repaired: repairs.count };
};
