// Fault injection for tests (issue 17): fail the Nth database request of the next matching
// invocation, or slow every matching database request down. Rules live per environment, in memory
// (a restart forgets them), and are set through the control API (POST /__emulator/faults).
import type { Invocation } from './functions';

export interface FaultSpec {
  /** Only invocations of this function (absent: any invocation, or a direct SDK call, in the env). */
  functionName?: string;
  /** Only invocations of this action (`register`, `timer:<trigger>`, …). */
  action?: string;
  /** Fail the Nth database request (1-based) of the next matching invocation. */
  failNth?: number;
  /** 'before' (default): the request is refused and not applied. 'after': it is applied, then its reply is lost. */
  when?: 'before' | 'after';
  /** Delay every matching database request by this many milliseconds (until the rule is removed). */
  delayMs?: number;
}

export type FaultState = 'waiting' | 'armed' | 'fired' | 'missed' | 'active';

export interface FaultRule extends FaultSpec {
  id: number;
  env: string;
  state: FaultState;
  /** The invocation a failNth rule attached to (the first matching one to touch the database). */
  invocationId?: string;
  /** Database requests seen by a rule that attached to direct SDK calls (no invocation). */
  seen: number;
  /** The database action that was failed. */
  failedAction?: string;
}

export interface FaultDecision {
  delayMs: number;
  /** Refuse the request (not applied) or apply it and lose the reply. */
  fail?: { when: 'before' | 'after'; rule: FaultRule };
}

export class FaultSwitch {
  private readonly rules: FaultRule[] = [];
  private seq = 0;

  add(env: string, spec: FaultSpec): FaultRule {
    const failNth = spec.failNth;
    if (failNth !== undefined && !(Number.isInteger(failNth) && failNth >= 1)) throw new Error('failNth must be a positive integer');
    if (spec.delayMs !== undefined && !(Number.isFinite(spec.delayMs) && spec.delayMs >= 0 && spec.delayMs <= 60_000)) throw new Error('delayMs must be 0…60000');
    if (failNth === undefined && !spec.delayMs) throw new Error('give failNth or delayMs');
    if (spec.when !== undefined && spec.when !== 'before' && spec.when !== 'after') throw new Error("when is 'before' or 'after'");
    const rule: FaultRule = {
      id: ++this.seq,
      env,
      ...(spec.functionName ? { functionName: spec.functionName } : {}),
      ...(spec.action ? { action: spec.action } : {}),
      ...(failNth !== undefined ? { failNth, when: spec.when ?? 'before' } : {}),
      ...(spec.delayMs ? { delayMs: spec.delayMs } : {}),
      state: failNth !== undefined ? 'waiting' : 'active',
      seen: 0,
    };
    this.rules.push(rule);
    return rule;
  }

  list(env: string, invocations: Map<string, Invocation>): FaultRule[] {
    for (const r of this.rules) {
      // an armed rule whose invocation ended before its Nth request never fires
      if (r.state === 'armed' && r.invocationId && invocations.get(r.invocationId)?.outcome) r.state = 'missed';
    }
    return this.rules.filter((r) => r.env === env).map((r) => ({ ...r }));
  }

  clear(env: string): void {
    const kept = this.rules.filter((r) => r.env !== env);
    this.rules.splice(0, this.rules.length, ...kept);
  }

  private matches(r: FaultRule, env: string, inv: Invocation | undefined): boolean {
    if (r.env !== env) return false;
    if (r.functionName && inv?.functionName !== r.functionName) return false;
    if (r.action && inv?.action !== r.action) return false;
    return true;
  }

  /**
   * Called for every database request, after the invocation's count went up (so
   * `inv.dbRequests` is this request's number). Decides the delay and whether it fails.
   */
  decide(env: string, dbAction: string, inv: Invocation | undefined): FaultDecision {
    const out: FaultDecision = { delayMs: 0 };
    if (!this.rules.length) return out;
    for (const r of this.rules) {
      if (!this.matches(r, env, inv)) continue;
      if (r.delayMs) out.delayMs = Math.max(out.delayMs, r.delayMs);
      if (r.failNth === undefined || out.fail) continue;
      if (r.state === 'waiting') {
        // the next matching invocation (or direct caller) to reach the database takes the rule
        r.state = 'armed';
        if (inv) r.invocationId = inv.id;
      }
      if (r.state !== 'armed') continue;
      if (inv ? r.invocationId !== inv.id : r.invocationId !== undefined) continue;
      const nth = inv ? inv.dbRequests : ++r.seen;
      if (inv) r.seen = nth;
      if (nth === r.failNth) {
        r.state = 'fired';
        r.failedAction = dbAction;
        out.fail = { when: r.when ?? 'before', rule: r };
      }
    }
    return out;
  }
}
