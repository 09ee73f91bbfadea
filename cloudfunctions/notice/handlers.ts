// 通知公告: publish (sanitised, content-checked, scheduled), list by audience with unread marks,
// one read per person (unique index) and per household, and the read statistics a 楼栋长 needs.
import { randomBytes } from 'node:crypto';
import { audit } from '../runtime/audit';
import type { Db } from '../runtime/cloud';
import { checkText, recheckText } from '../runtime/content';
import type { NoticeContract, NoticeView } from '@core/notice/contract';
import { countWhere, decodeCursor, encodeCursor, findMany, getById, insertOne, isDuplicateKey, pageOf, updateById, updateWhere } from '../runtime/db';
import { fail } from '@core/errors';
import type { BuildingDoc, CompoundDoc, HouseholdDoc, NoticeDoc, NoticeReadDoc, NoticeVersionDoc, UserDoc } from '../runtime/model';
import { NOTICE_MEDIA_MAX_KB, NOTICE_MEDIA_TYPES, noticeChanges, publishableCategories } from '@core/notice/rules';
import { beijingTime, thing } from '../runtime/notify';
import type { Messages } from '../runtime/ports';
import { plainText, sanitizeRichText } from '../runtime/sanitize';
import { CALLER_ID, joined, joinedList, type Handlers, type JoinedRead, type UserCtx } from '../runtime/serve';

const iso = (d: Date | string) => new Date(d).toISOString();
/** Notices stored before versions are version 1. */
const versionOf = (n: Pick<NoticeDoc, 'version'>) => n.version ?? 1;
/** Has the person read this version (a read of an earlier version no longer counts)? */
const readsVersion = (n: NoticeDoc, r: Pick<NoticeReadDoc, 'version'> | undefined) => !!r && (r.version ?? 1) >= versionOf(n);

function canPublish(ctx: UserCtx, category: NoticeDoc['category']): boolean {
  return publishableCategories(ctx.roles).includes(category);
}

function canManage(ctx: UserCtx, n: NoticeDoc): boolean {
  if (n.compoundId !== ctx.compoundId) return false;
  return ctx.roles.includes('branch') || ctx.roles.includes('committee') || (ctx.roles.includes('property') && n.publisherId === ctx.user._id);
}

/** A visitor (not yet verified) reads the public notices of the compound they applied to, and nothing else (DESIGN §2). */
function visitorCompound(ctx: UserCtx): string | null {
  return ctx.compoundId ? null : (ctx.user.binding?.compoundId ?? null);
}

/**
 * The compound whose public notices a visitor reads: the one they applied to, or — before they chose
 * one (a visitor who declined consent, a newcomer) — the only compound of the deployment. With several
 * compounds and no choice there is none, and the page says so instead of showing an empty list.
 */
async function publicCompound(ctx: UserCtx): Promise<{ compoundId: string; name: string } | null> {
  if (ctx.compoundId) return null;
  const applied = visitorCompound(ctx);
  if (applied) {
    const c = await getById<CompoundDoc>(ctx.db, 'compounds', applied);
    return { compoundId: applied, name: c?.name ?? '' };
  }
  const only = await findMany<CompoundDoc>(ctx.db, 'compounds', {}, { limit: 2 });
  return only.length === 1 ? { compoundId: only[0]._id, name: only[0].name } : null;
}

type MediaType = (typeof NOTICE_MEDIA_TYPES)[number];
/** What each accepted type starts with: the declared type must match the bytes. */
const MAGIC: Record<MediaType, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};
const EXT: Record<MediaType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' };

const isOut = (n: NoticeDoc, now: Date) => n.state === 'published' && n.moderation === 'pass' && n.publishAt <= now;

/** The notices a person may read: the compound's, or their building's; published and due. */
function audienceWhere(ctx: UserCtx, visiting: string | null = visitorCompound(ctx)): Record<string, unknown> {
  const _ = ctx.db.command;
  if (!ctx.compoundId) {
    return { compoundId: visiting ?? '-', state: 'published', moderation: 'pass', publishAt: _.lte(ctx.now), 'audience.kind': 'compound' };
  }
  const aud: Array<Record<string, unknown>> = [{ 'audience.kind': 'compound' }];
  if (ctx.user.home) aud.push({ 'audience.kind': 'buildings', 'audience.buildingIds': ctx.user.home.buildingId });
  return _.and([{ compoundId: ctx.compoundId, state: 'published', moderation: 'pass', publishAt: _.lte(ctx.now) }, _.or(aud)]) as unknown as Record<string, unknown>;
}

/**
 * audienceWhere for a member as a plain $match (a $lookup's pipeline takes no query commands): the
 * compound's notices, or their building's; published and due.
 */
function memberAudience(ctx: UserCtx): Record<string, unknown> {
  const aud: Array<Record<string, unknown>> = [{ 'audience.kind': 'compound' }];
  if (ctx.user.home) aud.push({ 'audience.kind': 'buildings', 'audience.buildingIds': ctx.user.home.buildingId });
  return { compoundId: ctx.compoundId, state: 'published', moderation: 'pass', publishAt: { $lte: ctx.now }, $or: aud };
}

type WithMyRead<T> = T & { myRead: Array<Pick<NoticeReadDoc, 'version'>> };

/** A $lookup stage of a notices pipeline: the caller's read of each notice, as `myRead` (none or one). */
function withMyRead(ctx: UserCtx): Record<string, unknown> {
  return {
    $lookup: {
      from: 'notice_reads',
      let: { notice: '$_id' },
      pipeline: [{ $match: { userId: ctx.user._id, $expr: { $eq: ['$noticeId', '$$notice'] } } }, { $limit: 1 }, { $project: { version: 1 } }],
      as: 'myRead',
    },
  };
}

/** Is the caller one of the people the notice is addressed to (and is it out)? */
function addressedTo(ctx: UserCtx, n: NoticeDoc): boolean {
  if (n.compoundId !== ctx.compoundId || n.state !== 'published' || n.moderation !== 'pass' || n.publishAt > ctx.now) return false;
  if (n.audience.kind === 'compound') return true;
  return !!ctx.user.home && (n.audience.buildingIds ?? []).includes(ctx.user.home.buildingId);
}

function visibleTo(ctx: UserCtx, n: NoticeDoc): boolean {
  if (canManage(ctx, n) || addressedTo(ctx, n)) return true;
  return n.compoundId === visitorCompound(ctx) && n.audience.kind === 'compound' && isOut(n, ctx.now);
}

/**
 * What get and markRead read with the caller, in the same request: the notice, the caller's read of
 * it, and (get) its edits — so reading a notice again costs that one request.
 */
function noticeReads(noticeId: string, history = false): Record<string, JoinedRead> {
  const reads: Record<string, JoinedRead> = {
    notice: { from: 'notices', where: { _id: noticeId } },
    myRead: { from: 'notice_reads', where: { noticeId, userId: CALLER_ID } },
  };
  if (history) reads.versions = { from: 'notice_versions', where: { noticeId }, orderBy: [['version', 'desc']], limit: 100, fields: { version: true, createdAt: true, changes: true } };
  return reads;
}

async function load(ctx: UserCtx, noticeId: string): Promise<NoticeDoc> {
  const n = await joined<NoticeDoc>(ctx, 'notice', () => getById<NoticeDoc>(ctx.db, 'notices', noticeId));
  if (n && visibleTo(ctx, n)) return n;
  // a visitor who chose no compound reads the public notices of the only one deployed
  if (n && !ctx.compoundId && !visitorCompound(ctx) && n.audience.kind === 'compound' && isOut(n, ctx.now)) {
    if ((await publicCompound(ctx))?.compoundId === n.compoundId) return n;
  }
  throw fail.notFound('没有找到这条通知');
}

async function checkAudience(ctx: UserCtx, audience: { kind: 'compound' | 'buildings'; buildingIds?: string[] }) {
  if (audience.kind === 'compound') return { kind: 'compound' as const };
  const ids = [...new Set(audience.buildingIds ?? [])];
  if (!ids.length) throw fail.invalid('请选择接收通知的楼栋');
  if ((await countWhere(ctx.db, 'buildings', { _id: ctx.db.command.in(ids), compoundId: ctx.compoundId })) !== ids.length) {
    throw fail.notFound('有楼栋不属于本小区');
  }
  return { kind: 'buildings' as const, buildingIds: ids };
}

/**
 * Records one read: the unique (notice, user) index makes it count once however often or however
 * concurrently the notice is opened; the first read of a household is kept as a household read.
 */
async function recordRead(ctx: UserCtx, n: NoticeDoc): Promise<'person' | 'version' | null> {
  const version = versionOf(n);
  // read with the caller (noticeReads): a read of this version is nothing to record; an earlier one moves on
  // (not read with it: unknown, and the unique index answers)
  const before = await joined<NoticeReadDoc>(ctx, 'myRead', async () => null);
  if (before && readsVersion(n, before)) return null;
  if (before) return moveRead(ctx, n, version);
  const read: Omit<NoticeReadDoc, '_id'> = {
    compoundId: n.compoundId,
    noticeId: n._id,
    userId: ctx.user._id,
    householdId: ctx.user.householdId,
    version,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  try {
    await insertOne(ctx.db, 'notice_reads', read);
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    return moveRead(ctx, n, version);
  }
  await updateById(ctx.db, 'notices', n._id, { readCount: ctx.db.command.inc(1) });
  if (ctx.user.householdId && ctx.user.home) {
    try {
      await insertOne(ctx.db, 'notice_household_reads', {
        _id: `${n._id}:${ctx.user.householdId}`,
        compoundId: n.compoundId,
        noticeId: n._id,
        householdId: ctx.user.householdId,
        buildingId: ctx.user.home.buildingId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
  }
  return 'person';
}

/** Read before: reading a newer version moves the one record on (the person still counts once). */
async function moveRead(ctx: UserCtx, n: NoticeDoc, version: number): Promise<'version' | null> {
  if (version <= 1) return null;
  const _ = ctx.db.command;
  const stale = _.and([{ noticeId: n._id, userId: ctx.user._id }, _.or([{ version: _.lt(version) }, { version: _.exists(false) }])]);
  return (await updateWhere(ctx.db, 'notice_reads', stale as unknown as Record<string, unknown>, { version, updatedAt: ctx.now })) > 0 ? 'version' : null;
}

/** The edits of a notice, newest first: all of them for a 物业公示 (public) and for its managers, else the latest. */
async function historyOf(ctx: UserCtx, n: NoticeDoc): Promise<{ history: NoticeView['history']; historyPublic: boolean }> {
  const historyPublic = n.category === 'disclosure';
  if (versionOf(n) <= 1) return { history: [], historyPublic };
  const all = historyPublic || canManage(ctx, n);
  const docs = (await joinedList<NoticeVersionDoc>(ctx, 'versions', () => findMany<NoticeVersionDoc>(ctx.db, 'notice_versions', { noticeId: n._id }, { orderBy: [['version', 'desc']], limit: all ? 100 : 1 }))).slice(0, all ? 100 : 1);
  return { history: docs.map((d) => ({ version: d.version, editedAt: iso(d.createdAt), changes: d.changes })), historyPublic };
}

async function viewOf(ctx: UserCtx, n: NoticeDoc): Promise<NoticeView> {
  return {
    ...(await historyOf(ctx, n)),
    version: versionOf(n),
    editedAt: n.editedAt ? iso(n.editedAt) : null,
    noticeId: n._id,
    category: n.category,
    title: n.title,
    content: n.content,
    images: n.images,
    attachments: n.attachments,
    feeTable: n.feeTable,
    pinned: n.pinned,
    important: n.important,
    audience: { kind: n.audience.kind, buildingIds: n.audience.buildingIds ?? [] },
    publishedAt: iso(n.publishAt),
    publisherName: n.publisherName,
    state: n.state,
    readCount: n.readCount,
    canManage: canManage(ctx, n),
  };
}

function itemOf(n: NoticeDoc, read: boolean, now: Date) {
  return {
    noticeId: n._id,
    title: n.title,
    category: n.category,
    pinned: n.pinned,
    important: n.important,
    read,
    publishedAt: iso(n.publishAt),
    publisherName: n.publisherName,
    scheduled: n.publishAt > now,
    edited: versionOf(n) > 1,
  };
}

/**
 * Important notices reach, once, everyone they are addressed to: in the 消息中心 of every verified
 * member of the audience, and by WeChat for those who accepted a reminder (timer or publish).
 */
export async function announceImportant(io: { db: Db; messages: Messages }, n: NoticeDoc, now: Date): Promise<number> {
  const db = io.db;
  if (!n.important || n.notifiedAt || n.publishAt > now || n.state !== 'published' || n.moderation !== 'pass') return 0;
  if (!(await updateWhere(db, 'notices', { _id: n._id, notifiedAt: null }, { notifiedAt: now }))) return 0;
  const _ = db.command;
  const where: Record<string, unknown> = { compoundId: n.compoundId, householdId: _.neq(null) };
  if (n.audience.kind === 'buildings') where['home.buildingId'] = _.in(n.audience.buildingIds ?? []);
  let sent = 0;
  for (let skip = 0; skip < 20_000; skip += 100) {
    const users = await findMany<UserDoc>(db, 'users', where, { skip, limit: 100 });
    for (const u of users) {
      const ok = await io.messages.send(
        { userId: u._id, openid: u.openid },
        'noticeImportant',
        { thing1: { value: thing(n.title) }, thing2: { value: thing(n.publisherName) }, time3: { value: beijingTime(n.publishAt) } },
        `packages/notice/detail/index?id=${n._id}`,
        { wechat: (u.subscriptions?.noticeImportant ?? 0) > 0 },
      );
      if (ok) sent++;
    }
    if (users.length < 100) break;
  }
  return sent;
}

/**
 * Those who read an earlier version of a 物业公示 hear in their 消息中心 that it changed (a fee
 * disclosure changed silently is the complaint): no WeChat message, no credit spent.
 */
async function tellEarlierReaders(ctx: UserCtx, n: NoticeDoc, version: number): Promise<void> {
  if (n.category !== 'disclosure') return;
  const reads = await findMany<NoticeReadDoc>(ctx.db, 'notice_reads', { noticeId: n._id }, { limit: 1000 });
  for (const r of reads) {
    if ((r.version ?? 1) >= version || r.userId === ctx.user._id) continue;
    await ctx.messages.send(
      { userId: r.userId, openid: '' },
      'noticeImportant',
      { thing1: { value: thing(n.title) }, thing2: { value: thing(n.publisherName) }, time3: { value: beijingTime(ctx.now) } },
      `packages/notice/detail/index?id=${n._id}`,
      { wechat: false, inbox: { title: `您看过的公示已修改：${n.title}`, body: `${n.publisherName} 于 ${beijingTime(ctx.now)} 修改，点开查看改了什么` } },
    );
  }
}

/**
 * Images and attachments must be the publisher's own uploads (notice.uploadMedia stores them under
 * notices/<userId>/), never another person's files; an edit may keep the ids the notice already had.
 */
function ownMedia(ctx: UserCtx, images: readonly string[] | undefined, attachments: ReadonlyArray<{ fileId: string }> | undefined, kept: readonly string[] = []): void {
  for (const id of [...(images ?? []), ...(attachments ?? []).map((a) => a.fileId)]) {
    if (!kept.includes(id) && !id.includes(`/notices/${ctx.user._id}/`)) throw fail.invalid('只能使用自己上传的图片和附件');
  }
}

export const handlers: Handlers<NoticeContract> = {
  publish: {
    async handle(ctx, input) {
      if (!ctx.compoundId) throw fail.forbidden('您还没有所属小区');
      if (!canPublish(ctx, input.category)) throw fail.forbidden('物业只能发布物业公示、停水停电和其他通知');
      ownMedia(ctx, input.images, input.attachments);
      const content = sanitizeRichText(input.content);
      if (!plainText(content) && !(input.images ?? []).length) throw fail.invalid('正文不能为空');
      const verdict = await checkText(ctx, `${input.title}\n${plainText(content)}`, 3);
      const publishAt = input.publishAt ? new Date(input.publishAt) : ctx.now;
      const doc: Omit<NoticeDoc, '_id'> = {
        compoundId: ctx.compoundId,
        category: input.category,
        title: input.title,
        content,
        images: input.images ?? [],
        attachments: input.attachments ?? [],
        feeTable: input.feeTable ?? [],
        pinned: input.pinned ?? false,
        important: input.important ?? false,
        audience: await checkAudience(ctx, input.audience),
        publishAt: publishAt < ctx.now ? ctx.now : publishAt,
        state: 'published',
        publisherId: ctx.user._id,
        publisherName: ctx.roles.includes('property') && !ctx.roles.includes('committee') && !ctx.roles.includes('branch') ? '物业服务中心' : ctx.roles.includes('branch') ? '小区党支部' : '业主委员会',
        readCount: 0,
        moderation: verdict,
        notifiedAt: null,
        version: 1,
        editedAt: null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      const noticeId = await insertOne(ctx.db, 'notices', doc);
      await audit(ctx, 'notice.publish', `notices/${noticeId}`, { title: input.title, category: input.category });
      await announceImportant(ctx, { ...doc, _id: noticeId }, ctx.now);
      return { noticeId, heldForReview: verdict === 'review' };
    },
  },

  update: {
    async handle(ctx, input) {
      const n = await load(ctx, input.noticeId);
      if (!canManage(ctx, n)) throw fail.forbidden('只能修改自己发布的通知');
      if (input.category && !canPublish(ctx, input.category)) throw fail.forbidden('物业只能发布物业公示、停水停电和其他通知');
      ownMedia(ctx, input.images, input.attachments, [...n.images, ...n.attachments.map((a) => a.fileId)]);
      const published = n.publishAt <= ctx.now;
      if (published && input.publishAt !== undefined && Date.parse(input.publishAt) !== n.publishAt.getTime()) {
        throw fail.invalid('通知已经发布，发布时间不能修改；修改内容会注明修改时间');
      }
      const patch: Partial<NoticeDoc> = { updatedAt: ctx.now };
      if (input.category !== undefined) patch.category = input.category;
      if (input.title !== undefined) patch.title = input.title;
      if (input.content !== undefined) patch.content = sanitizeRichText(input.content);
      if (input.images !== undefined) patch.images = input.images;
      if (input.attachments !== undefined) patch.attachments = input.attachments;
      if (input.feeTable !== undefined) patch.feeTable = input.feeTable;
      if (input.pinned !== undefined) patch.pinned = input.pinned;
      if (input.important !== undefined) patch.important = input.important;
      if (input.publishAt !== undefined && !published) patch.publishAt = new Date(input.publishAt);
      if (input.audience !== undefined) patch.audience = await checkAudience(ctx, input.audience);
      if (patch.title !== undefined || patch.content !== undefined) {
        patch.moderation = await recheckText(ctx, n.moderation, `${patch.title ?? n.title}\n${plainText(patch.content ?? n.content)}`, 3);
      }
      const next = { ...n, ...patch };
      // a published notice keeps every version: what a reader sees changed → a version record, and
      // the reads of earlier versions no longer count (they compare their version with the notice's)
      const changes = published
        ? noticeChanges(
            { title: n.title, text: plainText(n.content), feeTable: n.feeTable, images: n.images, attachments: n.attachments },
            { title: next.title, text: plainText(next.content), feeTable: next.feeTable, images: next.images, attachments: next.attachments },
          )
        : [];
      let version = versionOf(n);
      if (changes.length) {
        version += 1;
        const record: NoticeVersionDoc = {
          _id: `${n._id}:v${version}`,
          compoundId: n.compoundId,
          noticeId: n._id,
          version,
          editorId: ctx.user._id,
          changes,
          previous: { title: n.title, content: n.content, feeTable: n.feeTable },
          createdAt: ctx.now,
          updatedAt: ctx.now,
        };
        try {
          await insertOne(ctx.db, 'notice_versions', { ...record } as Record<string, unknown>);
        } catch (e) {
          if (isDuplicateKey(e)) throw fail.conflict('这条通知刚被别人修改过，请刷新后再改');
          throw e;
        }
        patch.version = version;
        patch.editedAt = ctx.now;
      }
      // feeTable and audience are replaced whole, not merged
      const data: Record<string, unknown> = { ...patch };
      for (const k of ['feeTable', 'audience', 'images', 'attachments'] as const) if (patch[k] !== undefined) data[k] = ctx.db.command.set(patch[k]);
      await updateById(ctx.db, 'notices', n._id, data);
      await audit(ctx, 'notice.update', `notices/${n._id}`, {
        fields: Object.keys(patch).filter((k) => !['updatedAt', 'version', 'editedAt', 'moderation'].includes(k)),
        version,
        changes: changes.map((c) => ({ field: c.field, label: c.label, beforeAmount: c.beforeAmount, afterAmount: c.afterAmount })),
      });
      if (changes.length) await tellEarlierReaders(ctx, { ...n, ...patch }, version);
      await announceImportant(ctx, { ...n, ...patch }, ctx.now);
      return { noticeId: n._id };
    },
  },

  archive: {
    async handle(ctx, input) {
      const n = await load(ctx, input.noticeId);
      if (!canManage(ctx, n)) throw fail.forbidden('只能下架自己发布的通知');
      if (!(await updateWhere(ctx.db, 'notices', { _id: n._id, state: 'published' }, { state: 'archived', updatedAt: ctx.now }))) {
        throw fail.conflict('这条通知已经下架了');
      }
      await audit(ctx, 'notice.archive', `notices/${n._id}`, {});
      return { noticeId: n._id, state: 'archived' as const };
    },
  },

  list: {
    async handle(ctx, input) {
      if (!ctx.compoundId) {
        // a visitor or an applicant: the compound's public notices, without read marks (reads of
        // people outside the audience are not recorded, so an unread count would never go down)
        const pub = await publicCompound(ctx);
        if (!pub) return { items: [], nextCursor: null, unread: 0, reader: 'none' as const, compoundName: null };
        const base = audienceWhere(ctx, pub.compoundId);
        const where = input.category ? (ctx.db.command.and([base, { category: input.category }]) as unknown as Record<string, unknown>) : base;
        const res = await pageOf<NoticeDoc>(ctx.db, 'notices', where, [['pinned', 'desc'], ['publishAt', 'desc']], input);
        return { items: res.items.map((n) => itemOf(n, false, ctx.now)), nextCursor: res.nextCursor, unread: 0, reader: 'public' as const, compoundName: pub.name };
      }
      // the page and the newest 100 notices of the audience (the unread badge), each with the
      // caller's read of it, in one request: an aggregate on the caller's record with two $lookups
      const limit = input.limit ?? 20;
      const skip = input.cursor ? decodeCursor(input.cursor) : 0;
      const audience = memberAudience(ctx);
      const page = [{ $match: input.category ? { ...audience, category: input.category } : audience }, { $sort: { pinned: -1, publishAt: -1 } }, ...(skip ? [{ $skip: skip }] : []), { $limit: limit + 1 }, withMyRead(ctx)];
      const recent = [{ $match: audience }, { $sort: { publishAt: -1 } }, { $limit: 100 }, { $project: { version: 1 } }, withMyRead(ctx)];
      const res = (await ctx.db.collection('users').aggregate().match({ _id: ctx.user._id }).limit(1).project({ _id: 1 })
        .lookup({ from: 'notices', let: {}, pipeline: page, as: 'page' })
        .lookup({ from: 'notices', let: {}, pipeline: recent, as: 'recent' })
        .end()) as unknown as { list: Array<{ page: Array<WithMyRead<NoticeDoc>>; recent: Array<WithMyRead<NoticeDoc>> }> };
      const rows = res.list[0]?.page ?? [];
      const items = rows.slice(0, limit);
      const recentRows = res.list[0]?.recent ?? [];
      return {
        items: items.map((n) => itemOf(n, readsVersion(n, n.myRead[0]), ctx.now)),
        nextCursor: rows.length > limit ? encodeCursor(skip + limit) : null,
        unread: recentRows.filter((n) => !readsVersion(n, n.myRead[0])).length,
        reader: 'member' as const,
        compoundName: ctx.user.compoundName ?? null,
      };
    },
  },

  get: {
    reads: (input) => noticeReads(input.noticeId, true),
    async handle(ctx, input) {
      const n = await load(ctx, input.noticeId);
      // only the people it is addressed to count as readers (not a publisher checking their notice)
      const read = addressedTo(ctx, n) ? await recordRead(ctx, n) : null;
      return viewOf(ctx, read === 'person' ? { ...n, readCount: n.readCount + 1 } : n);
    },
  },

  markRead: {
    reads: (input) => noticeReads(input.noticeId),
    async handle(ctx, input) {
      const n = await load(ctx, input.noticeId);
      return { noticeId: n._id, firstRead: addressedTo(ctx, n) ? (await recordRead(ctx, n)) !== null : false };
    },
  },

  readStats: {
    async handle(ctx, input) {
      const n = await load(ctx, input.noticeId);
      const publisher = canManage(ctx, n);
      // a grid worker sees the buildings they serve; publishers see all of the audience
      let buildingIds: string[] | null = n.audience.kind === 'buildings' ? [...(n.audience.buildingIds ?? [])] : null;
      if (!publisher) {
        const mine = (await findMany<BuildingDoc>(ctx.db, 'buildings', { gridUserIds: ctx.user._id }, { limit: 50 })).map((b) => b._id);
        buildingIds = buildingIds ? buildingIds.filter((b) => mine.includes(b)) : mine;
        if (!buildingIds.length) throw fail.forbidden('这条通知不涉及您负责的楼栋');
      }
      if (input.buildingId) buildingIds = (buildingIds ?? [input.buildingId]).filter((b) => b === input.buildingId);
      const _ = ctx.db.command;
      const scope: Record<string, unknown> = { compoundId: n.compoundId, occupancy: _.neq('vacant') };
      if (buildingIds) scope.buildingId = _.in(buildingIds);
      const households: HouseholdDoc[] = [];
      for (let skip = 0; skip < 20_000; skip += 1000) {
        const page = await findMany<HouseholdDoc>(ctx.db, 'households', scope, { orderBy: [['buildingId', 'asc'], ['unit', 'asc'], ['room', 'asc']], skip, limit: 1000 });
        households.push(...page);
        if (page.length < 1000) break;
      }
      const readScope: Record<string, unknown> = { noticeId: n._id };
      if (buildingIds) readScope.buildingId = _.in(buildingIds);
      const readIds = new Set<string>();
      for (let skip = 0; skip < 20_000; skip += 1000) {
        const page = (await ctx.db.collection('notice_household_reads').where(readScope).field({ householdId: true }).skip(skip).limit(1000).get()) as unknown as { data: Array<{ householdId: string }> };
        for (const r of page.data) readIds.add(r.householdId);
        if (page.data.length < 1000) break;
      }
      const byBuilding = new Map<string, { buildingName: string; read: number; total: number; units: Map<string, Array<{ householdId: string; room: string }>> }>();
      for (const h of households) {
        const b = byBuilding.get(h.buildingId) ?? { buildingName: h.buildingName, read: 0, total: 0, units: new Map() };
        b.total++;
        if (readIds.has(h._id)) b.read++;
        else {
          const unit = b.units.get(h.unit) ?? [];
          unit.push({ householdId: h._id, room: h.room });
          b.units.set(h.unit, unit);
        }
        byBuilding.set(h.buildingId, b);
      }
      const entries = [...byBuilding.entries()];
      return {
        readUsers: n.readCount,
        readHouseholds: entries.reduce((s, [, b]) => s + b.read, 0),
        totalHouseholds: households.length,
        byBuilding: entries.map(([buildingId, b]) => ({ buildingId, buildingName: b.buildingName, read: b.read, total: b.total })),
        unreadByBuilding: entries
          .filter(([, b]) => b.units.size)
          .map(([buildingId, b]) => ({ buildingId, buildingName: b.buildingName, units: [...b.units.entries()].map(([unit, hs]) => ({ unit, households: hs })) })),
      };
    },
  },

  uploadMedia: {
    async handle(ctx, input) {
      if (!ctx.compoundId) throw fail.forbidden('您还没有所属小区');
      const bytes = Buffer.from(input.data, 'base64');
      if (bytes.length > NOTICE_MEDIA_MAX_KB * 1024) throw fail.invalid(`文件太大，每个不能超过 ${NOTICE_MEDIA_MAX_KB} KB`);
      if (!MAGIC[input.contentType](bytes)) {
        throw fail.invalid(input.contentType === 'application/pdf' ? '附件只能是 PDF 文件' : '只能上传 JPG、PNG 或 WebP 图片');
      }
      // a random part: a file id cannot be guessed from the publisher and the time
      const cloudPath = `notices/${ctx.user._id}/${ctx.now.getTime()}-${randomBytes(16).toString('base64url')}.${EXT[input.contentType]}`;
      const fileId = await ctx.files.upload(cloudPath, bytes);
      await audit(ctx, 'notice.uploadMedia', cloudPath, { contentType: input.contentType, bytes: bytes.length });
      return { fileId, url: (await ctx.files.tempUrls([fileId]))[fileId] ?? '' };
    },
  },

  listManaged: {
    async handle(ctx, input) {
      const where: Record<string, unknown> = { compoundId: ctx.compoundId };
      if (!ctx.roles.includes('branch') && !ctx.roles.includes('committee')) where.publisherId = ctx.user._id;
      const res = await pageOf<NoticeDoc>(ctx.db, 'notices', where, [['createdAt', 'desc']], input);
      return {
        items: res.items.map((n) => ({
          ...itemOf(n, true, ctx.now),
          readCount: n.readCount,
          archived: n.state === 'archived',
        })),
        nextCursor: res.nextCursor,
      };
    },
  },
};
