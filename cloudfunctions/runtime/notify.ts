// Subscription messages (订阅消息): one send per acceptance, counted on the user record; a user who
// never accepted, or whose credits are used up, is simply not messaged — that is normal, not an error.
import { cloud, type Db } from './cloud';
import type { TemplateKey } from '@core/user/contract';
import { updateWhere } from './db';

/** Template ids per environment (configured in the WeChat console); local stand-ins otherwise. */
export function templateId(key: TemplateKey): string {
  const ids: Record<TemplateKey, string | undefined> = {
    requestStatus: process.env.LINLI_TEMPLATE_REQUEST_STATUS,
    eventReminder: process.env.LINLI_TEMPLATE_EVENT,
    noticeImportant: process.env.LINLI_TEMPLATE_NOTICE,
  };
  return ids[key] || `local-${key}`;
}

/** Field limits of subscription messages: thing ≤ 20 characters, phrase ≤ 5. */
export function thing(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= 20 ? chars.join('') : `${chars.slice(0, 19).join('')}…`;
}

/** A time field as residents read it: China Standard Time, YYYY-MM-DD HH:mm. */
export function beijingTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function phrase(text: string): string {
  return [...text].slice(0, 5).join('');
}

export interface Recipient {
  userId: string;
  openid: string;
}

/**
 * Spends one credit of `key` and sends; returns whether a message went out. The credit is taken
 * with a conditional update, so two sends at once never spend one acceptance twice.
 */
export async function notify(
  db: Db,
  to: Recipient,
  key: TemplateKey,
  data: Record<string, { value: string }>,
  page: string,
): Promise<boolean> {
  const path = `subscriptions.${key}`;
  const taken = await updateWhere(db, 'users', { _id: to.userId, [path]: db.command.gt(0) }, { [path]: db.command.inc(-1) });
  if (!taken) return false;
  try {
    await cloud.openapi.subscribeMessage.send({ touser: to.openid, templateId: templateId(key), page, data, miniprogramState: 'formal' } as never);
    return true;
  } catch (e) {
    // 43101: the user refused or unsubscribed since; anything else is logged, never fatal to the action
    const code = (e as { errCode?: number }).errCode;
    if (code !== 43101) console.warn('[notify] subscribeMessage.send failed', code, (e as Error).message);
    return false;
  }
}
