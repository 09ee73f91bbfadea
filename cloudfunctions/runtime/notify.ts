// Subscription-message fields (订阅消息): the limits WeChat puts on them. Sending is a port
// (ctx.messages, runtime/ports.ts); the times come from core/time.ts in China time.
import { beijingTime } from '@core/time';

export { beijingTime };

/** Field limits of subscription messages: thing ≤ 20 characters, phrase ≤ 5. */
export function thing(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= 20 ? chars.join('') : `${chars.slice(0, 19).join('')}…`;
}

export function phrase(text: string): string {
  return [...text].slice(0, 5).join('');
}
