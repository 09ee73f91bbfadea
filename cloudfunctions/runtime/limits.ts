// Per-person rate limits (issue 17): a token bucket per (environment, action, openid), kept in the
// memory of this warm function instance. It adds no database request (every request is quota, and a
// write action has a budget of three); the price is that the limit holds per instance — a person
// whose calls land on N instances at once gets up to N buckets. The limits are declared on the
// actions in the contracts (core/contract.ts: CREATE_LIMIT, UPLOAD_LIMIT, EXPORT_LIMIT).
import type { RateLimit } from '@core/contract';

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date (ms). */
  at: number;
}

/** Buckets kept at most (a warm instance serving many people forgets the oldest first). */
const MAX_BUCKETS = 20_000;

export class Limiter {
  private readonly buckets = new Map<string, Bucket>();

  /**
   * Takes one call from the bucket of `key`. Answers 0 when the call may go ahead, or the whole
   * seconds until it may be retried.
   */
  take(key: string, limit: RateLimit, nowMs: number): number {
    const rate = limit.perMinute / 60_000; // tokens a millisecond
    const seen = this.buckets.get(key);
    const b: Bucket = seen ?? { tokens: limit.burst, at: nowMs };
    // a clock set back refills nothing
    b.tokens = Math.min(limit.burst, b.tokens + Math.max(0, nowMs - b.at) * rate);
    b.at = nowMs;
    // re-insert: the Map's order is then least recently used first
    this.buckets.delete(key);
    this.buckets.set(key, b);
    if (this.buckets.size > MAX_BUCKETS) this.buckets.delete(this.buckets.keys().next().value!);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000));
  }
}

export function tooFrequent(seconds: number): string {
  return `操作太频繁，请 ${seconds} 秒后再试`;
}
