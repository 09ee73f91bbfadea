// After the count: objections during the 公示, the final decision, 签署承诺, 备案, and the record
// the auditors export (ballots, paper entries, proxies, the register — CSV or XLSX).
import type { ConventionContract } from '@core/convention/contract';
import { CHOICE_LABELS, formatArea, RULE_LABELS } from '@core/convention/rules';
import { toCsv } from '@core/csv';
import { fail } from '@core/errors';
import { maskName } from '@core/mask';
import { beijingSeconds } from '@core/time';
import writeXlsxFile from 'write-excel-file/node';
import { countWhere, findAll, findMany, getById, insertOne, isDuplicateKey, namesOf, updateById, updateWhere } from '../runtime/db';
import type { AuditDoc, ConventionDoc, ObjectionDoc, SignatureDoc, VoteProxyDoc } from '../runtime/model';
import type { Handlers } from '../runtime/serve';
import { ballotsOf, isAuditor, isDrafter, loadConvention, movePhase, objectionBlockedFor, registerOf, requireDrafter } from './store';
import { iso } from './views';

type H = Handlers<ConventionContract>;

const PROXY_STATES = { active: '未使用', used: '已使用', revoked: '已撤销' } as const;
const ACTION_LABELS: Record<string, string> = {
  'convention.openVoting': '发起表决',
  'convention.grantProxy': '书面委托',
  'convention.revokeProxy': '撤销委托',
  'convention.paperBallots': '录入纸质票',
  'convention.remind': '提醒未投票住户',
  'convention.close': '结束表决并计票',
  'convention.export': '导出表决记录',
  'convention.object': '提出异议',
  'convention.answerObjection': '答复异议',
  'convention.finalize': '确定结果',
  'convention.withdraw': '撤回',
  'convention.setFiling': '备案',
};

/**
 * The full record of one vote as rows: every register entry with its ballot (source, choice, proxy),
 * then every written proxy (used, unused, revoked), then the audit trail. `registerRows` counts the first part.
 */
async function recordRows(db: Parameters<typeof registerOf>[0], c: ConventionDoc): Promise<{ rows: string[][]; registerRows: number }> {
  const [register, ballots, proxies] = await Promise.all([
    registerOf(db, c._id),
    ballotsOf(db, c._id),
    findAll<VoteProxyDoc>(db, 'vote_proxies', { conventionId: c._id }, [['createdAt', 'asc']]),
  ]);
  const byKey = new Map(ballots.map((b) => [b.voterKey, b]));
  const proxyOf = new Map(proxies.map((p) => [p._id, p]));
  const owners = c.vote?.electorate === 'owners';
  const head = ['序号', '楼栋', '单元', '房号', '表决单位', ...(owners ? ['面积(㎡)', '计票面积(㎡)'] : []), '是否投票', '方式', '表决意见', '委托代理人', '投票时间'];
  const rows = register.map((e, i) => {
    const b = byKey.get(e.voterKey);
    const p = b?.proxyId ? proxyOf.get(b.proxyId) : undefined;
    return [
      String(i + 1), e.buildingName, e.unit, e.room, e.voterKey.startsWith('o:developer') ? '开发建设单位' : e.voterKey.split(':')[0] === 'u' ? '居民' : '户',
      ...(owners ? [formatArea(e.area), formatArea(e.keyArea)] : []),
      b ? '是' : '否', b ? (b.source === 'paper' ? '纸质票' : '网上') : '', b ? CHOICE_LABELS[b.choice] : '', p ? p.proxyName : '', b ? beijingSeconds(b.createdAt) : '',
    ];
  });
  // every written proxy, whatever became of it, and the vote's audit trail (who opened, entered, closed …)
  const proxyRows = [['委托书'], ['房屋', '委托人', '受托人', '状态', '委托时间'], ...proxies.map((p) => [p.unit, p.grantorName, p.proxyName, PROXY_STATES[p.state], beijingSeconds(p.createdAt)])];
  const trail = await findAll<AuditDoc>(db, 'audit_logs', { compoundId: c.compoundId, target: `conventions/${c._id}` }, [['createdAt', 'desc']], 1000);
  const names = await namesOf(db, trail.map((a) => a.actorId));
  const trailRows = [
    ['操作记录'],
    ['时间', '操作', '操作人', '详情'],
    ...[...trail].reverse().map((a) => [beijingSeconds(a.createdAt), ACTION_LABELS[a.action] ?? a.action, a.actorId ? (names.get(a.actorId) ?? '已注销用户') : '系统', JSON.stringify(a.detail)]),
  ];
  return { rows: [head, ...rows, [], ...proxyRows, [], ...trailRows], registerRows: rows.length };
}

export const after: Pick<H, 'object' | 'objections' | 'answerObjection' | 'finalize' | 'sign' | 'setFiling' | 'exportRecord'> = {
  object: {
    async handle(ctx, input) {
      const c = await loadConvention(ctx, input.conventionId);
      if (c.phase !== 'counted' || !c.result) throw fail.conflict('只有结果公示期间可以提出异议');
      if (ctx.now >= c.result.objectionEndsAt) throw fail.conflict('公示期已结束');
      const blocked = objectionBlockedFor(c, ctx.user);
      if (blocked || !ctx.user.home) throw fail.forbidden(blocked ?? '请先认证房屋再提出异议');
      const verdict = await ctx.text.check(input.text, 2, ctx.openid);
      if (verdict === 'review') throw fail.rejected('内容需人工审核，请修改后再提交');
      const h = ctx.user.home;
      const doc: Omit<ObjectionDoc, '_id'> = {
        compoundId: c.compoundId, conventionId: c._id, authorId: ctx.user._id, authorName: ctx.user.displayName, unit: `${h.buildingName}${h.unit}单元${h.room}`,
        text: input.text, answer: null, createdAt: ctx.now, updatedAt: ctx.now,
      };
      const objectionId = await insertOne(ctx.db, 'convention_objections', doc);
      await ctx.audit('convention.object', `conventions/${c._id}`, { objectionId });
      return { objectionId };
    },
  },

  objections: {
    async handle(ctx, input) {
      const c = await loadConvention(ctx, input.conventionId);
      const staff = isDrafter(ctx, c) || isAuditor(ctx, c);
      const rows = await findMany<ObjectionDoc>(ctx.db, 'convention_objections', { conventionId: c._id }, { orderBy: [['createdAt', 'asc']], limit: 200 });
      return {
        items: rows.map((o) => ({
          objectionId: o._id,
          authorName: staff || o.authorId === ctx.user._id ? o.authorName : maskName(o.authorName),
          unit: staff || o.authorId === ctx.user._id ? o.unit : o.unit.replace(/\d+$/, (m) => '*'.repeat(m.length)),
          text: o.text,
          mine: o.authorId === ctx.user._id,
          answer: o.answer ? { text: o.answer.text, at: iso(o.answer.at) } : null,
          createdAt: iso(o.createdAt),
        })),
      };
    },
  },

  answerObjection: {
    async handle(ctx, input) {
      const o = await getById<ObjectionDoc>(ctx.db, 'convention_objections', input.objectionId);
      if (!o || o.compoundId !== ctx.compoundId) throw fail.notFound('没有找到这条异议');
      const c = await loadConvention(ctx, o.conventionId);
      requireDrafter(ctx, c);
      await updateById(ctx.db, 'convention_objections', o._id, { answer: { text: input.text, by: ctx.user._id, at: ctx.now }, updatedAt: ctx.now });
      await ctx.audit('convention.answerObjection', `convention_objections/${o._id}`, {});
      return { objectionId: o._id };
    },
  },

  finalize: {
    async handle(ctx, input) {
      const c = await loadConvention(ctx, input.conventionId);
      requireDrafter(ctx, c);
      if (c.phase !== 'counted' || !c.result) throw fail.conflict('只有结果公示中的公约可以确定结果');
      if (ctx.now < c.result.objectionEndsAt) throw fail.conflict('公示期尚未结束');
      const open = await countWhere(ctx.db, 'convention_objections', { conventionId: c._id, answer: null });
      if (open) throw fail.conflict(`还有 ${open} 条异议未答复`);
      let outcome: 'adopted' | 'rejected';
      if (c.result.binding) {
        outcome = c.result.passed ? 'adopted' : 'rejected';
        if (input.outcome && input.outcome !== outcome) throw fail.invalid(`表决结果是${c.result.passed ? '通过' : '未通过'}，不能改变`);
      } else {
        if (!input.outcome) throw fail.invalid('征求意见不产生决定：请选择采纳或不采纳');
        outcome = input.outcome;
      }
      const phase = await movePhase(ctx, c, 'finalize', {}, outcome);
      return { conventionId: c._id, phase };
    },
  },

  sign: {
    async handle(ctx, input) {
      const c = await loadConvention(ctx, input.conventionId);
      if (c.phase !== 'adopted') throw fail.conflict('公约通过后才能签署承诺');
      if (!ctx.user.householdId) throw fail.forbidden('请先认证房屋再签署');
      const doc: SignatureDoc = { _id: `${c._id}:${ctx.user._id}`, compoundId: c.compoundId, conventionId: c._id, userId: ctx.user._id, createdAt: ctx.now, updatedAt: ctx.now };
      try {
        await insertOne(ctx.db, 'convention_signatures', doc as unknown as Record<string, unknown>);
      } catch (e) {
        if (isDuplicateKey(e)) throw fail.conflict('您已经签署过了');
        throw e;
      }
      await updateById(ctx.db, 'conventions', c._id, { signatures: ctx.db.command.inc(1) });
      return { signatures: c.signatures + 1 };
    },
  },

  setFiling: {
    async handle(ctx, input) {
      const c = await loadConvention(ctx, input.conventionId);
      requireDrafter(ctx, c);
      if (c.kind !== 'residents_convention' || c.phase !== 'adopted') throw fail.conflict('只有通过的居民公约需要向街道备案');
      await updateWhere(ctx.db, 'conventions', { _id: c._id, phase: 'adopted' }, { filing: { state: input.state, office: input.office, at: ctx.now }, updatedAt: ctx.now });
      await ctx.audit('convention.setFiling', `conventions/${c._id}`, { state: input.state, office: input.office });
      return { conventionId: c._id };
    },
  },

  exportRecord: {
    async handle(ctx, input) {
      const c = await loadConvention(ctx, input.conventionId);
      if (!c.vote) throw fail.conflict('这份公约没有进行表决');
      // the record holds every unit's choice and its proxy: the auditors' alone, before and after the count
      // (the committee has the 公示's totals and per-building table; participation is public on 进度)
      if (!isAuditor(ctx, c)) throw fail.forbidden('表决记录只有本次表决的监票人可以导出');
      const { rows, registerRows } = await recordRows(ctx.db, c);
      const name = `${c.title}-表决记录（${RULE_LABELS[c.vote.rule]}）`;
      await ctx.audit('convention.export', `conventions/${c._id}`, { format: input.format, rows: registerRows });
      if (input.format === 'csv') return { filename: `${name}.csv`, rows: registerRows, csv: toCsv(rows), fileId: null, url: null };
      const buffer = await writeXlsxFile(rows.map((r) => r.map((v) => ({ value: v }))), { sheet: '表决记录' }).toBuffer();
      const fileId = await ctx.files.upload(`exports/conventions/${c._id}/${ctx.now.getTime()}.xlsx`, buffer);
      const urls = await ctx.files.tempUrls([fileId]);
      return { filename: `${name}.xlsx`, rows: registerRows, csv: null, fileId, url: urls[fileId] ?? null };
    },
  },
};
