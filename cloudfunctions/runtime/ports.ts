// The handler's view of the outside world beside the database: files, the content check, messages.
// serve() builds them once over wx-server-sdk; a test may hand in its own (createCaller).
import { cloud, type Db } from './cloud';
import { fail } from '@core/errors';
import type { TemplateKey } from '@core/user/contract';
import { insertOne, updateWhere } from './db';
import type { InboxDoc } from './model';
import { now } from './time';

export type ContentVerdict = 'pass' | 'review';
/** msgSecCheck scenes: 1 资料, 2 评论, 3 论坛, 4 社交日志. */
export type Scene = 1 | 2 | 3 | 4;

export interface Files {
  /** Stores bytes under a cloud path; answers the file id. */
  upload(cloudPath: string, bytes: Buffer): Promise<string>;
  /** Short-lived download URLs by file id (ids that could not be resolved are left out). */
  tempUrls(fileIds: string[]): Promise<Record<string, string>>;
  /** The bytes of a stored file. */
  download(fileId: string): Promise<Buffer>;
  /** Deletes stored files; one already gone is not an error. */
  remove(fileIds: string[]): Promise<void>;
}

export interface TextCheck {
  /** WeChat's content check (msgSecCheck v2): `risky` throws CONTENT_REJECTED, `review` holds the text for moderation. */
  check(content: string, scene: Scene, openid: string): Promise<ContentVerdict>;
}

export interface Recipient {
  userId: string;
  openid: string;
}

export interface SendOptions {
  /**
   * Whether to try the WeChat subscription message at all (default true). A caller that knows the
   * person took no subscription for this passes false: the 消息中心 entry is still written, and no
   * credit is looked for.
   */
  wechat?: boolean;
  /** The inbox entry's own title and body, where the template's fields would say something else. */
  inbox?: { title: string; body: string };
}

export interface Messages {
  /**
   * Tells one person what happened: always an entry in their 消息中心 (the inbox, independent of
   * subscription credits and of the platform), then — spending one credit of `key` — the WeChat
   * subscription message. Answers whether a WeChat message went out.
   */
  send(to: Recipient, key: TemplateKey, data: Record<string, { value: string }>, page: string, options?: SendOptions): Promise<boolean>;
}

/** The inbox entry's title and short body, from the same fields as the subscription message. */
export function inboxNoteOf(key: TemplateKey, data: Record<string, { value: string }>): { title: string; body: string } {
  const v = (k: string) => data[k]?.value ?? '';
  switch (key) {
    case 'requestStatus': {
      const note = v('thing4') && v('thing4') !== '点击查看详情' ? `（${v('thing4')}）` : '';
      return { title: `您的反映${v('phrase2')}`, body: `${v('thing1')}${note}` };
    }
    case 'eventReminder':
      return { title: v('thing4') || '活动提醒', body: `${v('thing1')} · ${v('time2')}${v('thing3') ? ` · ${v('thing3')}` : ''}` };
    case 'noticeImportant':
      return { title: `重要通知：${v('thing1')}`, body: `${v('thing2')} 发布于 ${v('time3')}` };
    case 'voteReminder':
      return { title: v('thing3') || `表决：${v('thing1')}`, body: `${v('thing1')} · 截止 ${v('time2')}` };
  }
}

export interface Ports {
  files: Files;
  text: TextCheck;
  messages: Messages;
}

/** Template ids per environment (configured in the WeChat console); local stand-ins otherwise. */
export function templateId(key: TemplateKey): string {
  const ids: Record<TemplateKey, string | undefined> = {
    requestStatus: process.env.LINLI_TEMPLATE_REQUEST_STATUS,
    eventReminder: process.env.LINLI_TEMPLATE_EVENT,
    noticeImportant: process.env.LINLI_TEMPLATE_NOTICE,
    voteReminder: process.env.LINLI_TEMPLATE_VOTE,
  };
  return ids[key] || `local-${key}`;
}

/** How long a temporary download URL works (seconds): long enough to show a page, then expire. */
export const TEMP_URL_MAX_AGE_S = 600;

export const cloudFiles: Files = {
  async upload(cloudPath, bytes) {
    const up = (await cloud.uploadFile({ cloudPath, fileContent: bytes })) as unknown as { fileID: string };
    return up.fileID;
  },
  async tempUrls(fileIds) {
    const urls: Record<string, string> = {};
    if (!fileIds.length) return urls;
    // short-lived: a link copied out of the app stops working soon after
    const fileList = fileIds.map((fileID) => ({ fileID, maxAge: TEMP_URL_MAX_AGE_S }));
    const res = (await cloud.getTempFileURL({ fileList } as unknown as Parameters<typeof cloud.getTempFileURL>[0])) as unknown as { fileList: Array<{ fileID: string; tempFileURL: string; status: number }> };
    for (const f of res.fileList) if (f.status === 0 && f.tempFileURL) urls[f.fileID] = f.tempFileURL;
    return urls;
  },
  async download(fileId) {
    const res = (await cloud.downloadFile({ fileID: fileId })) as unknown as { fileContent: Buffer };
    return res.fileContent;
  },
  async remove(fileIds) {
    for (let i = 0; i < fileIds.length; i += 50) await cloud.deleteFile({ fileList: fileIds.slice(i, i + 50) });
  },
};

export const cloudTextCheck: TextCheck = {
  async check(content, scene, openid) {
    if (!content.trim()) return 'pass';
    const res = (await cloud.openapi.security.msgSecCheck({ openid, scene, version: 2, content: content.slice(0, 2500) } as never)) as {
      result?: { suggest?: string };
    };
    const suggest = res.result?.suggest ?? 'pass';
    if (suggest === 'risky') throw fail.rejected();
    return suggest === 'review' ? 'review' : 'pass';
  },
};

/**
 * Subscription messages (订阅消息): one send per acceptance, counted on the user record. The credit is
 * taken with a conditional update, so two sends at once never spend one acceptance twice; a user who
 * never accepted, or whose credits are used up, is simply not messaged — normal, not an error.
 */
export function cloudMessages(db: Db): Messages {
  return {
    async send(to, key, data, page, options = {}) {
      const at = now();
      const entry: Omit<InboxDoc, '_id'> = { userId: to.userId, kind: key, ...(options.inbox ?? inboxNoteOf(key, data)), page, readAt: null, createdAt: at, updatedAt: at };
      try {
        await insertOne(db, 'inbox', entry);
      } catch (e) {
        // the inbox is a courtesy beside the action: never fatal to it
        console.warn('[messages] inbox entry not written', (e as Error).message);
      }
      if (options.wechat === false) return false;
      const path = `subscriptions.${key}`;
      const taken = await updateWhere(db, 'users', { _id: to.userId, [path]: db.command.gt(0) }, { [path]: db.command.inc(-1) });
      if (!taken) return false;
      try {
        await cloud.openapi.subscribeMessage.send({ touser: to.openid, templateId: templateId(key), page, data, miniprogramState: 'formal' } as never);
        return true;
      } catch (e) {
        // 43101: the user refused or unsubscribed since; anything else is logged, never fatal to the action
        const code = (e as { errCode?: number }).errCode;
        if (code !== 43101) console.warn('[messages] subscribeMessage.send failed', code, (e as Error).message);
        return false;
      }
    },
  };
}

export function cloudPorts(db: Db): Ports {
  return { files: cloudFiles, text: cloudTextCheck, messages: cloudMessages(db) };
}
