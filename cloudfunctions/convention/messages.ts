// What the convention function tells people: the vote's notice, the result's 公示, reminders.
import { CHOICE_LABELS, ELECTORATE_LABELS, formatArea, KIND_LABELS, RULE_LABELS, type TallyResult } from '@core/convention/rules';
import { dateTime } from '@core/time';
import type { Db } from '../runtime/cloud';
import { insertOne, isDuplicateKey } from '../runtime/db';
import type { ConventionDoc, NoticeDoc } from '../runtime/model';
import { beijingTime, thing } from '../runtime/notify';
import type { Messages, Recipient } from '../runtime/ports';
import type { Count } from './count';

export const DETAIL_PAGE = 'packages/convention/detail/index';

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
const electorateWord = (v: NonNullable<ConventionDoc['vote']>) => (v.electorate === 'owners' ? '全体业主（一户一票，按专有部分面积和人数计算）' : ELECTORATE_LABELS[v.electorate]);

async function postNotice(db: Db, c: ConventionDoc, title: string, html: string, now: Date, publisherId: string | null, id?: string): Promise<string> {
  const doc: Omit<NoticeDoc, '_id'> & { _id?: string } = {
    ...(id ? { _id: id } : {}),
    compoundId: c.compoundId,
    category: 'other',
    title: thing(title).length < title.length ? title.slice(0, 40) : title,
    content: html,
    images: [],
    attachments: [],
    feeTable: [],
    pinned: true,
    important: true,
    audience: { kind: 'compound' },
    publishAt: now,
    state: 'published',
    publisherId: publisherId ?? 'system',
    publisherName: '业主委员会',
    readCount: 0,
    moderation: 'pass',
    // the notice function's sweep announces important notices to those who subscribed
    notifiedAt: null,
    version: 1,
    editedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  try {
    return await insertOne(db, 'notices', doc);
  } catch (e) {
    // a notice with a fixed id (the result's) posted by an earlier, cut attempt: that one stands
    if (id && isDuplicateKey(e)) return id;
    throw e;
  }
}

/** 表决公告: what is voted on, under which rule, by whom, until when. */
export function announceVote(db: Db, c: ConventionDoc, vote: NonNullable<ConventionDoc['vote']>, now: Date, by: string): Promise<string> {
  const html = [
    `<p>${esc(KIND_LABELS[c.kind])}《${esc(c.title)}》现提请表决。</p>`,
    `<p>表决规则：${esc(RULE_LABELS[vote.rule])}</p>`,
    vote.advisory ? `<p><strong>${esc(vote.advisory)}</strong></p>` : '',
    `<p>参加表决：${esc(electorateWord(vote))}，共 ${vote.electorateHeads} ${vote.electorate === 'residents' ? '人' : '户'}</p>`,
    `<p>表决时间：${esc(dateTime(vote.startsAt, now))} 至 ${esc(dateTime(vote.endsAt, now))}</p>`,
    '<p>请在“办事 → 公约表决”中查看条款并投票，投票后不可更改。</p>',
  ].join('');
  return postNotice(db, c, `【表决公告】${c.title}`, html, now, by);
}

/** The 公示's notice id: one per convention, so closing and the reconciliation's retry post it once. */
export const resultNoticeId = (conventionId: string) => `${conventionId}-result`;

/** 结果公示: every criterion with its figures and the per-building table (posted at closing, or retried by the reconciliation). */
export function postResult(db: Db, c: ConventionDoc, count: Count & TallyResult, objectionEndsAt: Date, now: Date, by: string | null): Promise<string> {
  const t = count.totals;
  const owners = c.vote?.electorate === 'owners';
  const verdict = !count.binding ? '本次为征求意见，结果仅供参考，不作为共同决定' : count.passed ? '表决通过' : '表决未通过';
  const rows = count.criteria
    .map((k) => `<tr><td>${esc(k.label)}</td><td>${owners && k.key.endsWith('Area') ? `${formatArea(k.numerator)} / ${formatArea(k.denominator)} ㎡` : `${k.numerator} / ${k.denominator}`}</td><td>${k.met ? '达到' : '未达到'}</td></tr>`)
    .join('');
  // per building: units (户), or people in a per-resident count; with the area that took part in an owners' vote
  const unit = c.vote?.electorate === 'residents' ? '人' : '户';
  const buildings = count.byBuilding
    .map((b) => `<tr><td>${esc(b.buildingName)}</td><td>${b.electorateHeads}</td><td>${b.partHeads}</td><td>${b.agreeHeads}</td><td>${b.disagreeHeads}</td><td>${b.abstainHeads}</td>${owners ? `<td>${formatArea(b.partArea ?? 0)}</td>` : ''}</tr>`)
    .join('');
  const buildingHead = `<tr><th>楼栋</th><th>应参加（${unit}）</th><th>已参加（${unit}）</th><th>同意</th><th>反对</th><th>弃权</th>${owners ? '<th>已参加面积（㎡）</th>' : ''}</tr>`;
  const area = (n: number) => (owners ? `，面积 ${formatArea(n)} ㎡` : '');
  const html = [
    `<p>《${esc(c.title)}》表决已于 ${esc(dateTime(c.vote!.endsAt < now ? c.vote!.endsAt : now, now))} 结束，现将结果公示如下：<strong>${verdict}</strong>。</p>`,
    `<p>依据：${esc(count.basis)}</p>`,
    `<p>应参加 ${t.electorateHeads}${area(t.electorateArea)}；实际参加 ${t.partHeads}${area(t.partArea)}（网上 ${count.sources.online.heads}，纸质 ${count.sources.paper.heads}）。</p>`,
    `<p>${CHOICE_LABELS.agree} ${t.agreeHeads}${area(t.agreeArea)}；${CHOICE_LABELS.disagree} ${t.disagreeHeads}${area(t.disagreeArea)}；${CHOICE_LABELS.abstain} ${t.abstainHeads}${area(t.abstainArea)}。</p>`,
    rows ? `<table><tr><th>条件</th><th>数值</th><th>结果</th></tr>${rows}</table>` : '',
    `<table>${buildingHead}${buildings}</table>`,
    owners ? '<p>各楼栋按户（房屋）统计；一位业主有多套房屋的，在合计中只计一人，故各楼栋户数之和可能大于合计人数，面积之和与合计一致。</p>' : '',
    count.nonVoters ? `<p>${esc(count.nonVoters.label)}：同意 ${count.nonVoters.agreeHeads}${area(count.nonVoters.agreeArea)}</p>` : '',
    `<p>公示期至 ${esc(dateTime(objectionEndsAt, now))}，如有异议请在“公约表决”中提出，业委会将逐条答复。表决记录保存不少于一年。</p>`,
  ].join('');
  return postNotice(db, c, `【表决结果公示】${c.title}`, html, now, by, resultNoticeId(c._id));
}

export function remindVoter(messages: Messages, to: Recipient, c: ConventionDoc, wechat: boolean): Promise<boolean> {
  return messages.send(
    to,
    'voteReminder',
    { thing1: { value: thing(c.title) }, time2: { value: beijingTime(c.vote!.endsAt) }, thing3: { value: '您家尚未投票，请在截止前表决' } },
    `${DETAIL_PAGE}?id=${c._id}`,
    { wechat },
  );
}
