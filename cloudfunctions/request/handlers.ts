// 你呼我应: report, route, answer, escalate, rate. The state machine is domain/requests.ts;
// this file loads, checks, writes (state-guarded, so concurrent actors cannot both win) and shapes.
import { audit } from '../runtime/audit';
import { randomBytes } from 'node:crypto';
import type { Db } from '../runtime/cloud';
import { checkText } from '../runtime/content';
import type { RequestContract, RequestSummary, RequestView } from '@core/request/contract';
import { findMany, findOne, getById, insertOne, isDuplicateKey, pageOf, updateWhere } from '../runtime/db';
import {
  CATEGORY_LABELS,
  DEFAULT_SLA_HOURS,
  OPEN_STATES,
  decide,
  dueAt,
  isOverdue,
  isSatisfied,
  monthOf,
  requestStats,
  routeRequest,
  HANDLER_LABELS,
  transferTargets,
  HALL_STATES,
  TERMINAL_STATES,
  hasHandled,
  isResponsible,
  PUBLIC_BOARD_FILTER,
  readLevel,
  type Actor,
  type Exposure,
  type RequestAction,
  type RequestFacts,
  type RequestState,
  type SlaHours,
} from '@core/request/rules';
import { AppError, fail } from '@core/errors';
import { maskName, maskPhone } from '@core/mask';
import type { BuildingDoc, CompoundDoc, RequestDoc, TimelineDoc } from '../runtime/model';
import { beijingTime, phrase, thing } from '../runtime/notify';
import type { Files, Messages } from '../runtime/ports';
import { ROLE_LABELS, type Role } from '@core/roles';
import { CALLER_ID, callerField, joined, type Handlers, type JoinedRead, type UserCtx } from '../runtime/serve';
import { residentFor } from '../runtime/acting';
import { recordTaskHours, taskHoursProblem } from '../runtime/ledger';
import { requestFigures } from '../runtime/figures';

const iso = (d: Date | string) => new Date(d).toISOString();
const DETAIL_PAGE = 'packages/request/detail/index';
/** While a claimed task is the volunteer's to do. */
const ACTIVE_TASK: readonly RequestState[] = ['claimed', 'in_progress'];
const VIEW_ACTIONS = ['accept', 'claim', 'release', 'start', 'note', 'resolve', 'confirm', 'reopen', 'escalate', 'transfer', 'reject', 'withdraw'] as const;

export function factsOf(doc: RequestDoc): RequestFacts & Exposure {
  return {
    visibility: doc.visibility,
    moderation: doc.moderation,
    actorIds: doc.timeline.flatMap((t) => (t.actorId ? [t.actorId] : [])),
    state: doc.state,
    reporterId: doc.reporterId,
    compoundId: doc.compoundId,
    handlers: doc.handlers,
    gridUserIds: doc.gridUserIds,
    assigneeId: doc.assigneeId,
    escalationLevel: doc.escalationLevel,
  };
}

function actorOf(ctx: UserCtx): Actor {
  return { userId: ctx.user._id, roles: ctx.roles, compoundId: ctx.compoundId };
}

/** The role a timeline entry shows for this actor on this request. */
function roleFor(doc: RequestDoc, ctx: UserCtx): Role | null {
  if (ctx.user._id === doc.reporterId) return 'resident';
  const order: Role[] = ['officer', 'branch', 'committee', 'property', 'grid', 'member'];
  return order.find((r) => ctx.roles.includes(r)) ?? null;
}

const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};
const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** Temp URLs for the photos a view shows (one storage call; none when there are no photos). */
async function withPhotoUrls(files: Files, view: RequestView): Promise<RequestView> {
  const ids = [...new Set([...view.photos, ...view.timeline.flatMap((t) => t.photos)])];
  if (!ids.length) return view;
  return { ...view, photoUrls: await files.tempUrls(ids) };
}

/** What one caller may see of one request: everything if they are part of it, the public face otherwise. */
function viewOf(doc: RequestDoc, ctx: UserCtx): RequestView {
  const facts = factsOf(doc);
  const actor = actorOf(ctx);
  const level = readLevel(facts, actor);
  const insider = level === 'full';
  const can = VIEW_ACTIONS.filter((a) => a !== 'confirm' && decide(facts, a, actor).ok);
  if (decide(facts, 'confirm', actor, { satisfied: true }).ok) can.push('confirm');
  const hallTask = level === 'hall';
  // a volunteer who claimed the task, as opposed to staff answering for it
  const volunteerOnly = doc.assigneeId === actor.userId && !isResponsible(facts, actor) && !hasHandled(facts, actor);
  return {
    requestId: doc._id,
    category: doc.category,
    content: doc.content,
    urgency: doc.urgency,
    visibility: doc.visibility,
    state: doc.state,
    location: { buildingId: doc.buildingId, buildingName: doc.buildingName, unit: doc.unit, area: doc.area },
    room: insider ? doc.room : null,
    reporterName: insider ? doc.reporterName : maskName(doc.reporterName),
    // the whole phone reaches the staff who answer for it and, while the task is theirs, the volunteer
    // who took it; the reporter sees their own masked (privacy guide: 你呼我应)
    reporterPhone: insider && doc.reporterId !== actor.userId && (!volunteerOnly || ACTIVE_TASK.includes(doc.state)) ? doc.reporterPhone : insider ? maskPhone(doc.reporterPhone) : null,
    photos: insider || doc.visibility === 'public' ? doc.photos : [],
    createdAt: iso(doc.createdAt),
    dueAt: iso(doc.dueAt),
    overdue: isOverdue(doc, ctx.now),
    escalationLevel: doc.escalationLevel,
    assigneeName: doc.assigneeName,
    claimedByMe: doc.category === 'help' && !!doc.assigneeId && volunteerOnly,
    ...(Object.prototype.hasOwnProperty.call(ctx.joined, 'myHours') ? { hoursLogged: !!ctx.joined.myHours } : {}),
    rating: doc.rating,
    fixed: doc.fixed,
    heldForReview: doc.moderation === 'review',
    actedFor: doc.actedBy ? { by: doc.actedBy.name, consentNote: doc.actedBy.consentNote } : null,
    timeline: insider || hallTask || doc.visibility === 'public' ? doc.timeline.map((t) => timelineView(t, insider)) : [],
    photoUrls: {},
    can,
    transferTo: can.includes('transfer') ? transferTargets(doc) : [],
  };
}

function timelineView(t: TimelineDoc, insider: boolean) {
  return {
    at: iso(t.at),
    action: t.action,
    actor: insider ? t.actorName : maskName(t.actorName),
    actorRole: t.actorRole ? (ROLE_LABELS[t.actorRole as Role] ?? t.actorRole) : null,
    fromState: t.fromState,
    toState: t.toState,
    note: t.note,
    photos: insider ? t.photos : [],
  };
}

export function summaryOf(doc: RequestDoc, now: Date, viewerId: string | null = null): RequestSummary {
  const chars = [...doc.content];
  const place = doc.buildingName ? `${doc.buildingName}${doc.unit ? `${doc.unit}单元` : ''}` : (doc.area ?? '公共区域');
  return {
    requestId: doc._id,
    category: doc.category,
    excerpt: chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : doc.content,
    urgency: doc.urgency,
    state: doc.state,
    place,
    createdAt: iso(doc.createdAt),
    dueAt: iso(doc.dueAt),
    overdue: isOverdue(doc, now),
    escalationLevel: doc.escalationLevel,
    rating: doc.rating,
    metooCount: doc.metooCount ?? 0,
    mine: !!viewerId && doc.reporterId === viewerId,
    metooed: !!viewerId && (doc.metooIds ?? []).includes(viewerId),
    canMetoo:
      !!viewerId &&
      doc.reporterId !== viewerId &&
      !(doc.metooIds ?? []).includes(viewerId) &&
      doc.visibility === 'public' &&
      doc.moderation === 'pass' &&
      !TERMINAL_STATES.includes(doc.state),
  };
}

/** What an action on one request reads with its caller, in the same request: the request (see `load`). */
const requestReads = (input: { requestId: string }): Record<string, JoinedRead> => ({
  request: { from: 'requests', where: { _id: input.requestId } },
  // the hours the caller logged for this task (志愿服务 ledger), so the detail stops asking for them
  myHours: { from: 'service_records', where: { refId: input.requestId, userId: CALLER_ID, source: 'task' } },
});

/** A request of the caller's compound (officers see their scope); anything else does not exist for them. */
async function load(ctx: UserCtx, requestId: string): Promise<RequestDoc> {
  const doc = await joined<RequestDoc>(ctx, 'request', () => getById<RequestDoc>(ctx.db, 'requests', requestId));
  if (!doc || doc.compoundId !== ctx.compoundId) throw fail.notFound('没有找到这件事');
  return doc;
}

/** The compound's answer times: as read with the caller when the action declared `compound`, else now. */
async function slaOf(ctx: UserCtx, compoundId: string): Promise<SlaHours> {
  const compound = await joined<CompoundDoc>(ctx, 'compound', () => getById<CompoundDoc>(ctx.db, 'compounds', compoundId));
  return compound && compound._id === compoundId ? (compound.settings?.slaHours ?? DEFAULT_SLA_HOURS) : DEFAULT_SLA_HOURS;
}

function entry(ctx: UserCtx | null, doc: RequestDoc, action: string, to: RequestState, note?: string | null, photos: string[] = [], now?: Date): TimelineDoc {
  return {
    at: now ?? ctx!.now,
    action,
    actorId: ctx?.user._id ?? null,
    actorName: ctx ? ctx.user.displayName : '系统',
    actorRole: ctx ? roleFor(doc, ctx) : null,
    fromState: doc.state,
    toState: to,
    note: note ?? null,
    photos,
  };
}

/**
 * Applies one decided transition. The update is guarded by the state (and level) the decision saw:
 * if anyone moved the request meanwhile — two members claiming, two staff answering — one update
 * wins and the other caller gets CONFLICT.
 */
export async function applyTransition(
  db: Db,
  doc: RequestDoc,
  to: RequestState,
  step: TimelineDoc,
  patch: Partial<RequestDoc>,
  conflictMessage = '这件事刚刚被别人处理了，请刷新后查看',
): Promise<RequestDoc> {
  const next = { ...doc, ...patch, state: to, updatedAt: step.at, timeline: [...doc.timeline, step] };
  next.stats = requestStats(next);
  const changed = await updateWhere(
    db,
    'requests',
    { _id: doc._id, state: doc.state, escalationLevel: doc.escalationLevel },
    // stats is set whole (db.command.set): an update object would be merged field by field
    { ...patch, state: to, updatedAt: step.at, stats: db.command.set(next.stats), timeline: db.command.push([step]) },
  );
  if (!changed) throw fail.conflict(conflictMessage);
  return next;
}

/** Tells the reporter: always in their 消息中心, by WeChat if they subscribed; never fails the action. */
export async function tellReporter(messages: Messages, doc: RequestDoc, what: string, note: string | null, at: Date): Promise<boolean> {
  if (!doc.reporterOpenid) return false;
  return messages.send(
    { userId: doc.reporterId, openid: doc.reporterOpenid },
    'requestStatus',
    {
      thing1: { value: thing(`${CATEGORY_LABELS[doc.category]}：${doc.content}`) },
      phrase2: { value: phrase(what) },
      time3: { value: beijingTime(at) },
      thing4: { value: thing(note || '点击查看详情') },
    },
    `${DETAIL_PAGE}?id=${doc._id}`,
    // no subscription when the request was filed: no credit to spend, and no read to find that out
    { wechat: doc.notifyReporter },
  );
}

interface StepOptions {
  note?: string | null;
  photos?: string[];
  satisfied?: boolean;
  patch?: (doc: RequestDoc) => Promise<Partial<RequestDoc>> | Partial<RequestDoc>;
  tell?: string;
}

/** The common path of every action on one request: load, decide, write, audit, notify, view. */
async function act(ctx: UserCtx, requestId: string, action: RequestAction, opts: StepOptions = {}): Promise<RequestView> {
  const doc = await load(ctx, requestId);
  const verdict = decide(factsOf(doc), action, actorOf(ctx), { satisfied: opts.satisfied });
  if (!verdict.ok) throw new AppError(verdict.code, verdict.message);
  ownPhotos(ctx, opts.photos);
  const patch = opts.patch ? await opts.patch(doc) : {};
  const step = entry(ctx, doc, action, verdict.to, opts.note, opts.photos);
  const conflict = action === 'claim' ? '已经有人认领了这个任务' : undefined;
  const next = await applyTransition(ctx.db, doc, verdict.to, step, patch, conflict);
  await audit(ctx, `request.${action}`, `requests/${doc._id}`, { from: doc.state, to: verdict.to });
  if (opts.tell) await tellReporter(ctx.messages, next, opts.tell, opts.note ?? null, ctx.now);
  return withPhotoUrls(ctx.files, viewOf(next, ctx));
}

function firstResponse(doc: RequestDoc, now: Date): Partial<RequestDoc> {
  if (doc.firstResponseAt) return {};
  return { firstResponseAt: now, respondedOnTime: now.getTime() <= doc.dueAt.getTime() };
}

/** Photos must be the caller's own uploads (requests/<userId>/…), never someone else's files. */
function ownPhotos(ctx: UserCtx, photos: string[] | undefined): void {
  for (const p of photos ?? []) {
    if (!p.includes(`/requests/${ctx.user._id}/`)) throw fail.invalid('只能使用自己上传的照片');
  }
}

export const handlers: Handlers<RequestContract> = {
  create: {
    // the building reported about and the caller's compound (its answer times) come with the caller
    reads: (input) => ({
      compound: { from: 'compounds', where: { _id: callerField('compoundId') } },
      ...('buildingId' in input.location ? { building: { from: 'buildings', where: { _id: input.location.buildingId } } } : {}),
    }),
    async handle(ctx, input) {
      if (!ctx.compoundId) throw fail.forbidden('请先认证房屋');
      ownPhotos(ctx, input.photos);
      let building: BuildingDoc | null = null;
      if ('buildingId' in input.location) {
        const buildingId = input.location.buildingId;
        building = await joined<BuildingDoc>(ctx, 'building', () => getById<BuildingDoc>(ctx.db, 'buildings', buildingId));
        if (!building || building.compoundId !== ctx.compoundId) throw fail.notFound('没有找到这栋楼');
        if (input.location.unit && !building.units.includes(input.location.unit)) throw fail.notFound(`${building.name}没有${input.location.unit}单元`);
      }
      const verdict = await checkText(ctx, input.content, input.visibility === 'public' ? 3 : 2);
      const sla = await slaOf(ctx, ctx.compoundId);
      // 代办: the request is the resident's; the worker and the consent are kept on it and in the audit
      const reporter = input.onBehalfOf ? await residentFor(ctx, input.onBehalfOf.userId, '提交') : ctx.user;
      const actedBy = input.onBehalfOf ? { userId: ctx.user._id, name: ctx.user.displayName, consentNote: input.onBehalfOf.consentNote } : null;
      const home = reporter.home;
      const unit = building && 'unit' in input.location ? (input.location.unit ?? null) : null;
      const doc: Omit<RequestDoc, '_id'> = {
        compoundId: ctx.compoundId,
        reporterId: reporter._id,
        reporterOpenid: reporter.openid,
        reporterName: reporter.displayName,
        reporterPhone: reporter.phone,
        notifyReporter: (reporter.subscriptions?.requestStatus ?? 0) > 0,
        actedBy,
        category: input.category,
        content: input.content,
        urgency: input.urgency,
        visibility: input.visibility,
        buildingId: building?._id ?? null,
        buildingName: building?.name ?? null,
        unit,
        // a corridor lamp is not the reporter's flat: the room goes on the request only when they say so
        room: input.atHome && building && home && home.buildingId === building._id && (!unit || unit === home.unit) ? home.room : null,
        area: building ? null : 'area' in input.location ? input.location.area : null,
        photos: input.photos ?? [],
        handlers: routeRequest(input.category, !!building),
        gridUserIds: building?.gridUserIds ?? [],
        state: 'submitted',
        escalationLevel: 0,
        assigneeId: null,
        assigneeName: null,
        idempotencyKey: input.idempotencyKey,
        moderation: verdict,
        dueAt: dueAt(ctx.now, input.urgency, sla),
        month: monthOf(ctx.now),
        firstResponseAt: null,
        respondedOnTime: null,
        resolvedAt: null,
        closedAt: null,
        rating: null,
        fixed: null,
        satisfied: null,
        comment: null,
        closedUnrated: false,
        stats: requestStats({ state: 'submitted', createdAt: ctx.now, firstResponseAt: null, respondedOnTime: null, resolvedAt: null, rating: null, satisfied: null, escalationLevel: 0 }),
        timeline: [
          {
            at: ctx.now,
            action: 'create',
            actorId: ctx.user._id,
            actorName: ctx.user.displayName,
            actorRole: actedBy ? (ctx.roles.includes('grid') ? 'grid' : 'branch') : 'resident',
            fromState: null,
            toState: 'submitted',
            note: actedBy ? `代办：${ctx.user.displayName}代${reporter.displayName}提交（${actedBy.consentNote}）` : null,
            photos: input.photos ?? [],
          },
        ],
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      let requestId: string;
      try {
        requestId = await insertOne(ctx.db, 'requests', doc);
      } catch (e) {
        // a retry that raced its own first attempt: answer with the request that got in
        if (!isDuplicateKey(e)) throw e;
        const first = await findOne<RequestDoc>(ctx.db, 'requests', { reporterId: reporter._id, idempotencyKey: input.idempotencyKey });
        if (!first) throw e;
        return { requestId: first._id, state: first.state, dueAt: iso(first.dueAt), heldForReview: first.moderation === 'review' };
      }
      if (verdict === 'review') {
        await insertOne(ctx.db, 'moderation', { compoundId: ctx.compoundId, kind: 'request', refId: requestId, state: 'pending', createdAt: ctx.now, updatedAt: ctx.now });
      }
      await ctx.audit('request.create', `requests/${requestId}`, {
        category: doc.category, handlers: doc.handlers, visibility: doc.visibility, moderation: verdict,
        ...(actedBy ? { actingFor: reporter._id, consentNote: actedBy.consentNote, proxy: '代办' } : {}),
      });
      if (actedBy) {
        // the resident sees it in their 消息中心 when they next sign in
        await ctx.messages.send(
          { userId: reporter._id, openid: reporter.openid },
          'requestStatus',
          { thing1: { value: thing(`${CATEGORY_LABELS[doc.category]}：${doc.content}`) }, phrase2: { value: '已代办' }, time3: { value: beijingTime(ctx.now) }, thing4: { value: thing(`${ctx.user.displayName}为您代办`) } },
          `packages/request/detail/index?id=${requestId}`,
          { wechat: false, inbox: { title: `${ctx.user.displayName}为您代办了一条反映`, body: thing(doc.content) } },
        );
      }
      return { requestId, state: 'submitted' as const, dueAt: iso(doc.dueAt), heldForReview: verdict === 'review' };
    },
  },

  deadlines: {
    async handle(ctx) {
      return { hours: await slaOf(ctx, ctx.compoundId ?? '') };
    },
  },

  uploadPhoto: {
    async handle(ctx, input) {
      const bytes = Buffer.from(input.data, 'base64');
      if (bytes.length > 700 * 1024) throw fail.invalid('图片太大，请压缩后再上传');
      if (!MAGIC[input.contentType](bytes)) throw fail.invalid('只能上传 JPG、PNG 或 WebP 图片');
      const cloudPath = `requests/${ctx.user._id}/${ctx.now.getTime()}-${randomBytes(16).toString('base64url')}.${EXT[input.contentType]}`;
      const fileId = await ctx.files.upload(cloudPath, bytes);
      return { fileId, url: (await ctx.files.tempUrls([fileId]))[fileId] ?? '' };
    },
  },

  similar: {
    async handle(ctx, input) {
      const since = new Date(ctx.now.getTime() - 24 * 3_600_000);
      const rows = await findMany<RequestDoc>(
        ctx.db,
        'requests',
        {
          compoundId: ctx.compoundId,
          buildingId: input.buildingId,
          category: input.category,
          createdAt: ctx.db.command.gte(since),
          state: ctx.db.command.nin(['withdrawn', 'rejected']),
        },
        { orderBy: [['createdAt', 'desc']], limit: 5 },
      );
      const actor = actorOf(ctx);
      return {
        items: rows.map((r) => {
          const s = summaryOf(r, ctx.now, ctx.user._id);
          return readLevel(factsOf(r), actor) === 'none' ? { ...s, excerpt: '（内容未公开）' } : s;
        }),
      };
    },
  },

  get: {
    reads: requestReads,
    async handle(ctx, input) {
      const doc = await load(ctx, input.requestId);
      if (readLevel(factsOf(doc), actorOf(ctx)) === 'none') throw fail.notFound('没有找到这件事');
      return withPhotoUrls(ctx.files, viewOf(doc, ctx));
    },
  },

  listMine: {
    async handle(ctx, input) {
      const res = await pageOf<RequestDoc>(ctx.db, 'requests', { reporterId: ctx.user._id }, [['createdAt', 'desc']], input);
      return { items: res.items.map((r) => summaryOf(r, ctx.now, ctx.user._id)), nextCursor: res.nextCursor };
    },
  },

  listHall: {
    async handle(ctx, input) {
      const res = await pageOf<RequestDoc>(
        ctx.db,
        'requests',
        {
          compoundId: ctx.compoundId,
          handlers: 'hall',
          state: ctx.db.command.in([...HALL_STATES]),
          escalationLevel: 0,
          moderation: 'pass',
          reporterId: ctx.db.command.neq(ctx.user._id),
        },
        [['dueAt', 'asc']],
        input,
      );
      return { items: res.items.map((r) => summaryOf(r, ctx.now, ctx.user._id)), nextCursor: res.nextCursor };
    },
  },

  listClaimed: {
    async handle(ctx, input) {
      const res = await pageOf<RequestDoc>(ctx.db, 'requests', { compoundId: ctx.compoundId, assigneeId: ctx.user._id, handlers: 'hall' }, [['updatedAt', 'desc']], input);
      return { items: res.items.map((r) => summaryOf(r, ctx.now, ctx.user._id)), nextCursor: res.nextCursor };
    },
  },

  listAssigned: {
    async handle(ctx, input) {
      const _ = ctx.db.command;
      const me = ctx.user._id;
      const mine: Array<Record<string, unknown>> = [{ assigneeId: me }];
      if (ctx.roles.includes('branch')) mine.push({ compoundId: ctx.compoundId });
      if (ctx.roles.includes('grid')) mine.push({ gridUserIds: me });
      if (ctx.roles.includes('property')) mine.push({ handlers: 'property' });
      if (ctx.roles.includes('committee')) mine.push({ handlers: 'committee' });
      if (ctx.roles.includes('officer')) mine.push({ escalationLevel: _.gte(2) });
      const done: RequestState[] = ['resolved', 'closed', 'rejected', 'withdrawn'];
      const filters: Record<typeof input.filter, Record<string, unknown>> = {
        open: { state: _.in([...OPEN_STATES]) },
        overdue: { state: _.in([...OPEN_STATES]), dueAt: _.lt(ctx.now) },
        escalated: { state: _.in([...OPEN_STATES]), escalationLevel: _.gt(0) },
        done: { state: _.in(done) },
        all: {},
      };
      const where = _.and([{ compoundId: ctx.compoundId }, _.or(mine), filters[input.filter]]);
      const order: Array<[string, 'asc' | 'desc']> = input.filter === 'done' || input.filter === 'all' ? [['updatedAt', 'desc']] : [['dueAt', 'asc']];
      const res = await pageOf<RequestDoc>(ctx.db, 'requests', where as unknown as Record<string, unknown>, order, input);
      return { items: res.items.map((r) => summaryOf(r, ctx.now, ctx.user._id)), nextCursor: res.nextCursor };
    },
  },

  metoo: {
    reads: requestReads,
    async handle(ctx, input) {
      const doc = await load(ctx, input.requestId);
      const level = readLevel(factsOf(doc), actorOf(ctx));
      if (level === 'none') throw fail.notFound('没有找到这件事');
      if (doc.reporterId === ctx.user._id) throw fail.conflict('这是您自己反映的事');
      if (TERMINAL_STATES.includes(doc.state)) throw fail.conflict('这件事已经结束了');
      // guarded on the person not being in the list yet: a double tap counts once
      const joined = await updateWhere(
        ctx.db,
        'requests',
        { _id: doc._id, metooIds: ctx.db.command.neq(ctx.user._id) },
        { metooIds: ctx.db.command.addToSet(ctx.user._id), metooCount: ctx.db.command.inc(1), updatedAt: ctx.now },
      );
      const count = (doc.metooCount ?? 0) + (joined ? 1 : 0);
      return { requestId: doc._id, metooCount: count, metooed: true as const };
    },
  },

  listPublic: {
    async handle(ctx, input) {
      const res = await pageOf<RequestDoc>(
        ctx.db,
        'requests',
        { compoundId: ctx.compoundId, ...PUBLIC_BOARD_FILTER, state: ctx.db.command.neq('withdrawn') },
        [['createdAt', 'desc']],
        input,
      );
      const actor = actorOf(ctx);
      return { items: res.items.filter((r) => readLevel(factsOf(r), actor) !== 'none').map((r) => summaryOf(r, ctx.now, ctx.user._id)), nextCursor: res.nextCursor };
    },
  },

  accept: {
    reads: requestReads,
    handle: (ctx, input) =>
      act(ctx, input.requestId, 'accept', {
        note: input.note,
        tell: '已受理',
        patch: (doc) => ({ assigneeId: ctx.user._id, assigneeName: ctx.user.displayName, ...firstResponse(doc, ctx.now) }),
      }),
  },

  claim: {
    reads: requestReads,
    handle: (ctx, input) =>
      act(ctx, input.requestId, 'claim', {
        tell: '志愿者已认领',
        patch: (doc) => ({ assigneeId: ctx.user._id, assigneeName: ctx.user.displayName, ...firstResponse(doc, ctx.now) }),
      }),
  },

  release: {
    reads: requestReads,
    handle: (ctx, input) =>
      act(ctx, input.requestId, 'release', {
        note: input.reason ?? '志愿者放弃认领，任务回到任务大厅',
        patch: () => ({ assigneeId: null, assigneeName: null }),
      }),
  },

  start: {
    reads: requestReads,
    handle: (ctx, input) =>
      act(ctx, input.requestId, 'start', {
        note: input.note,
        patch: (doc) => (doc.assigneeId ? {} : { assigneeId: ctx.user._id, assigneeName: ctx.user.displayName }),
      }),
  },

  addNote: {
    reads: requestReads,
    handle: (ctx, input) => act(ctx, input.requestId, 'note', { note: input.note, photos: input.photos }),
  },

  resolve: {
    reads: requestReads,
    async handle(ctx, input) {
      let span: { startAt: Date; endAt: Date } | null = null;
      let task: RequestDoc | null = null;
      if (input.hours) {
        // the hours are checked before anything changes: a refused period resolves nothing
        task = await load(ctx, input.requestId);
        if (task.category !== 'help' || task.assigneeId !== ctx.user._id) throw fail.forbidden('只有认领这项求助任务的志愿者可以登记服务时长');
        span = { startAt: new Date(input.hours.startAt), endAt: new Date(input.hours.endAt) };
        const problem = await taskHoursProblem(ctx.db, task._id, ctx.user._id, span, ctx.now);
        if (problem) throw fail.invalid(problem);
      }
      const view = await act(ctx, input.requestId, 'resolve', {
        note: input.note,
        photos: input.photos,
        tell: '已办结待评价',
        patch: (doc) => ({ resolvedAt: ctx.now, ...firstResponse(doc, ctx.now) }),
      });
      // 志愿服务 ledger: one record per task and volunteer — resolving again after a reopen writes none
      if (task && span) {
        const { recordId, written } = await recordTaskHours(ctx.db, task, ctx.user, { ...span, content: input.hours?.content }, ctx.now);
        if (written) await audit(ctx, 'volunteer.taskHours', `service_records/${recordId}`, { requestId: task._id });
        return { ...view, hoursLogged: true };
      }
      return view;
    },
  },

  confirm: {
    reads: requestReads,
    async handle(ctx, input) {
      const satisfied = isSatisfied(input.rating, input.fixed);
      const note = [`评分 ${input.rating} 星`, input.fixed ? '问题已解决' : '问题未解决', input.comment].filter(Boolean).join('；');
      return act(ctx, input.requestId, 'confirm', {
        note,
        satisfied,
        patch: async (doc) =>
          satisfied
            ? { rating: input.rating, fixed: input.fixed, satisfied: true, comment: input.comment ?? null, closedAt: ctx.now }
            : {
                // not fixed or rated ≤ 2: back to work, and it reaches the party branch
                rating: input.rating,
                fixed: input.fixed,
                satisfied: false,
                comment: input.comment ?? null,
                resolvedAt: null,
                assigneeId: null,
                assigneeName: null,
                escalationLevel: Math.max(1, doc.escalationLevel),
                dueAt: dueAt(ctx.now, doc.urgency, await slaOf(ctx, doc.compoundId)),
              },
      });
    },
  },

  reopen: {
    reads: requestReads,
    handle: (ctx, input) =>
      act(ctx, input.requestId, 'reopen', {
        note: input.reason,
        patch: async (doc) => ({
          resolvedAt: null,
          closedAt: null,
          assigneeId: null,
          assigneeName: null,
          escalationLevel: ctx.user._id === doc.reporterId ? Math.max(1, doc.escalationLevel) : doc.escalationLevel,
          dueAt: dueAt(ctx.now, doc.urgency, await slaOf(ctx, doc.compoundId)),
        }),
      }),
  },

  escalate: {
    reads: requestReads,
    handle: (ctx, input) =>
      act(ctx, input.requestId, 'escalate', {
        note: input.reason,
        patch: async (doc) => ({
          escalationLevel: doc.escalationLevel + 1,
          assigneeId: null,
          assigneeName: null,
          dueAt: dueAt(ctx.now, doc.urgency, await slaOf(ctx, doc.compoundId)),
        }),
        tell: '已上报',
      }),
  },

  transfer: {
    reads: requestReads,
    handle: (ctx, input) =>
      act(ctx, input.requestId, 'transfer', {
        note: `转派给${HANDLER_LABELS[input.to]}：${input.reason}`,
        patch: async (doc) => {
          if (!transferTargets(doc).includes(input.to)) throw fail.conflict(`这件事不能转派给${HANDLER_LABELS[input.to]}`);
          // the new party answers at the first level, with a fresh deadline if the old one has passed
          const late = doc.dueAt.getTime() < ctx.now.getTime();
          return {
            handlers: [input.to],
            escalationLevel: 0,
            assigneeId: null,
            assigneeName: null,
            ...firstResponse(doc, ctx.now),
            ...(late ? { dueAt: dueAt(ctx.now, doc.urgency, await slaOf(ctx, doc.compoundId)) } : {}),
          };
        },
        tell: '已转派',
      }),
  },

  reject: {
    reads: requestReads,
    handle: (ctx, input) =>
      act(ctx, input.requestId, 'reject', {
        note: input.reason,
        tell: '不予受理',
        patch: (doc) => ({ closedAt: ctx.now, ...firstResponse(doc, ctx.now) }),
      }),
  },

  withdraw: {
    reads: requestReads,
    handle: (ctx, input) => act(ctx, input.requestId, 'withdraw', { note: input.reason ?? null, patch: () => ({ closedAt: ctx.now }) }),
  },

  stats: {
    handle: (ctx, input) => requestFigures(ctx.db, { compoundId: ctx.compoundId, ...(input.month ? { month: input.month } : {}) }, input.groupBy, ctx.now),
  },
};
