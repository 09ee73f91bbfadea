// 你呼我应 (说 → 商 → 办 → 评): the request state machine, routing and deadlines. Pure: no
// database, no clock (time comes in as an argument), no platform imports.
import type { Role } from '../roles';
import { monthOf } from '../time';

/** The calendar month (China time) a request counts in. */
export { monthOf };

export const CATEGORIES = ['repair', 'sanitation', 'security', 'dispute', 'property', 'parking', 'noise', 'help', 'suggestion', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  repair: '维修',
  sanitation: '环境卫生',
  security: '治安',
  dispute: '邻里纠纷',
  property: '物业服务',
  parking: '停车',
  noise: '噪音',
  help: '求助',
  suggestion: '建议',
  other: '其他',
};

/** Deadline tiers after Beijing's 接诉即办: emergency 2 h, utilities 24 h, general 7 d, complex 15 d. */
export const URGENCIES = ['emergency', 'utilities', 'general', 'complex'] as const;
export type Urgency = (typeof URGENCIES)[number];
export type SlaHours = Record<Urgency, number>;
export const DEFAULT_SLA_HOURS: SlaHours = { emergency: 2, utilities: 24, general: 168, complex: 360 };

export const URGENCY_LABELS: Record<Urgency, string> = {
  emergency: '紧急（危及人身财产）',
  utilities: '水电气暖',
  general: '一般',
  complex: '复杂',
};

/** The urgency as a tag on a staff list row ('一般' carries no tag). */
export const URGENCY_TAGS: Record<Urgency, string | null> = { emergency: '紧急', utilities: '水电气暖', general: null, complex: '复杂' };

export const STATES = ['submitted', 'accepted', 'claimed', 'in_progress', 'resolved', 'closed', 'escalated', 'rejected', 'withdrawn', 'reopened'] as const;
export type RequestState = (typeof STATES)[number];

export const STATE_LABELS: Record<RequestState, string> = {
  submitted: '待受理',
  accepted: '已受理',
  claimed: '已认领',
  in_progress: '处理中',
  resolved: '待评价',
  closed: '已办结',
  escalated: '已上报',
  rejected: '不予受理',
  withdrawn: '已撤回',
  reopened: '重新办理',
};

/** States in which someone still owes the resident an answer (deadlines and escalation apply). */
export const OPEN_STATES: readonly RequestState[] = ['submitted', 'accepted', 'claimed', 'in_progress', 'escalated', 'reopened'];
export const TERMINAL_STATES: readonly RequestState[] = ['closed', 'rejected', 'withdrawn'];

/** Whether a deadline still means something: only while someone has to act on the request. */
export const hasLiveDeadline = (state: RequestState): boolean => OPEN_STATES.includes(state);

/**
 * How the reporter's rating reads beside the state: on a closed request it is the verdict; once a
 * low rating (or 没解决) sent the request back it is only the last round's rating, and says so.
 */
export function ratingWords(state: RequestState, fixed: boolean | null): { label: string; note: string | null } {
  if (state === 'closed') return { label: '评价', note: fixed === null ? null : fixed ? '反映人认为问题已解决' : '反映人认为问题没解决' };
  return { label: '上次评价', note: '评价不满意，已退回重新办理' };
}

/** Who handles what: by location to the building's grid user, by category to the responsible party. */
export type Handler = 'grid' | 'property' | 'committee' | 'hall';

export const HANDLERS = ['grid', 'property', 'committee', 'hall'] as const satisfies readonly Handler[];

/** Who a request can be handed to (转派), as the staff read it. */
export const HANDLER_LABELS: Record<Handler, string> = { grid: '楼栋长/网格员', property: '物业', committee: '业委会', hall: '任务大厅（党员志愿者）' };

/**
 * 转派: whom those answering for a request may hand it to — the property company and the committee
 * always, the building's grid when it has one, the volunteers' hall for a 求助 — never to whoever
 * alone holds it now (once escalated, the branch or the street holds it: back down to anyone).
 */
export function transferTargets(r: { category: Category; handlers: readonly Handler[]; gridUserIds: readonly string[]; escalationLevel: number }): Handler[] {
  const open: Record<Handler, boolean> = { property: true, committee: true, grid: r.gridUserIds.length > 0, hall: r.category === 'help' };
  const holder = r.escalationLevel === 0 && r.handlers.length === 1 ? r.handlers[0] : null;
  return HANDLERS.filter((h) => open[h] && h !== holder);
}

export function routeRequest(category: Category, hasBuilding: boolean): Handler[] {
  const byCategory: Record<Category, Handler[]> = {
    repair: ['property', 'grid'],
    property: ['property', 'grid'],
    sanitation: ['property', 'grid'],
    parking: ['property', 'grid'],
    dispute: ['grid', 'committee'],
    help: ['hall', 'grid'],
    security: ['grid'],
    noise: ['grid'],
    suggestion: ['grid', 'committee'],
    other: ['grid'],
  };
  const handlers = byCategory[category];
  // a common-area report has no building grid: the branch picks it up (it sees everything)
  return hasBuilding ? handlers : handlers.filter((h) => h !== 'grid');
}

/** Who may file a request: a verified resident or anyone who works for the compound. */
export const REQUEST_FILERS: readonly Role[] = ['resident', 'member', 'grid', 'property', 'committee', 'branch'];

/** Escalation levels: 0 the grid / responsible party, 1 the party branch, 2 the community/street officer. */
export const MAX_ESCALATION = 2;
export const ESCALATION_LABELS = ['网格/责任方', '小区党支部', '社区/街道'] as const;

export function dueAt(from: Date, urgency: Urgency, sla: SlaHours = DEFAULT_SLA_HOURS): Date {
  return new Date(from.getTime() + sla[urgency] * 3_600_000);
}

export function isOverdue(r: { state: RequestState; dueAt: Date }, now: Date): boolean {
  return OPEN_STATES.includes(r.state) && r.dueAt.getTime() < now.getTime();
}

/** Unrated resolved requests close by themselves after this long, counted as not rated. */
export const AUTO_CLOSE_AFTER_MS = 7 * 24 * 3_600_000;

export const ACTIONS = ['accept', 'claim', 'release', 'start', 'note', 'resolve', 'confirm', 'reopen', 'escalate', 'transfer', 'reject', 'withdraw', 'autoClose'] as const;
export type RequestAction = (typeof ACTIONS)[number];

export interface RequestFacts {
  state: RequestState;
  reporterId: string;
  compoundId: string;
  handlers: Handler[];
  gridUserIds: string[];
  assigneeId: string | null;
  escalationLevel: number;
}

export interface Actor {
  userId: string;
  roles: readonly Role[];
  compoundId: string | null;
}

export type Verdict = { ok: true; to: RequestState } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT'; message: string };

/** Staff who answer for this request at its current level. */
export function isResponsible(r: RequestFacts, a: Actor): boolean {
  // an officer's compoundId is the compound in their scope; roles add up (an officer may also serve on the branch)
  if (a.compoundId !== r.compoundId) return false;
  if (a.roles.includes('officer') && r.escalationLevel >= 2) return true;
  if (a.roles.includes('branch')) return true;
  if (r.escalationLevel > 0) return false;
  if (a.roles.includes('grid') && r.handlers.includes('grid') && r.gridUserIds.includes(a.userId)) return true;
  if (a.roles.includes('property') && r.handlers.includes('property')) return true;
  if (a.roles.includes('committee') && r.handlers.includes('committee')) return true;
  return false;
}

/**
 * Staff who answered for the request at some level, or acted on it: they keep reading it after it
 * moves up (the 2-star complaint about their own work included), though they no longer act on it.
 */
export function hasHandled(r: RequestFacts & { actorIds?: readonly string[] }, a: Actor): boolean {
  if (a.compoundId !== r.compoundId) return false;
  const staff = a.roles.some((role) => role !== 'resident' && role !== 'member');
  if ((r.actorIds ?? []).includes(a.userId) && staff) return true;
  if (a.roles.includes('grid') && r.handlers.includes('grid') && r.gridUserIds.includes(a.userId)) return true;
  if (a.roles.includes('property') && r.handlers.includes('property')) return true;
  return a.roles.includes('committee') && r.handlers.includes('committee');
}

export function isAssignee(r: RequestFacts, a: Actor): boolean {
  return !!r.assigneeId && r.assigneeId === a.userId;
}

/** May this actor read the request in full (room, name, timeline)? */
export function canView(r: RequestFacts, a: Actor): boolean {
  return r.reporterId === a.userId || isResponsible(r, a) || isAssignee(r, a);
}

/** What decides who may read a request beyond its insiders. */
export interface Exposure {
  /** Everyone who acted on the request (its timeline's actors). */
  actorIds?: readonly string[];
  visibility: 'public' | 'private';
  /**
   * `review`: held by the content check — nobody but insiders reads it until a moderator passes it;
   * `hidden`: a moderator hid it — the same, and it stays out of the moderation queue.
   */
  moderation: 'pass' | 'review' | 'hidden';
}

/** The states in which a help task waits in the hall for a member to claim it. */
export const HALL_STATES: readonly RequestState[] = ['submitted', 'reopened'];

/**
 * How much of a request a person may read — the one rule behind every read path (detail, lists,
 * the duplicate hint): `full` for its reporter, the staff answering for it or who handled it before, and the assignee;
 * `hall` for members while a passed help task waits to be claimed; `public` for the compound's
 * residents and staff when the reporter made it public and it passed the content check; else `none`.
 */
export function readLevel(r: RequestFacts & Exposure, a: Actor): 'full' | 'hall' | 'public' | 'none' {
  if (canView(r, a) || hasHandled(r, a)) return 'full';
  if (a.compoundId !== r.compoundId || r.moderation !== 'pass') return 'none';
  if (r.handlers.includes('hall') && a.roles.includes('member') && r.escalationLevel === 0 && HALL_STATES.includes(r.state)) return 'hall';
  if (r.visibility === 'public' && r.state !== 'withdrawn' && a.roles.length > 0) return 'public';
  return 'none';
}

/** The query half of `readLevel`'s public face, for the neighbours' board (still filtered by `readLevel`). */
export const PUBLIC_BOARD_FILTER = { visibility: 'public', moderation: 'pass' } as const;

const FROM: Record<Exclude<RequestAction, 'note'>, readonly RequestState[]> = {
  accept: ['submitted', 'reopened', 'escalated'],
  claim: ['submitted', 'reopened'],
  // 放弃认领: the volunteer gives the task back to the hall
  release: ['claimed', 'in_progress'],
  start: ['accepted', 'claimed'],
  resolve: ['accepted', 'claimed', 'in_progress'],
  confirm: ['resolved'],
  reopen: ['resolved', 'closed', 'rejected'],
  escalate: ['submitted', 'accepted', 'claimed', 'in_progress', 'reopened', 'escalated'],
  // 转派: not while a volunteer holds the task (they give it back first)
  transfer: ['submitted', 'accepted', 'in_progress', 'reopened', 'escalated'],
  reject: ['submitted', 'reopened', 'escalated'],
  withdraw: ['submitted', 'accepted', 'claimed', 'in_progress', 'reopened', 'escalated'],
  autoClose: ['resolved'],
};

const deny = (code: 'FORBIDDEN' | 'CONFLICT', message: string): Verdict => ({ ok: false, code, message });

/**
 * Decides one transition: who may do `action` from the current state, and where it leads.
 * `confirm` needs `satisfied` (rating > 2 and fixed) to choose between closed and reopened.
 * `system` is the scheduler (escalation of overdue requests, auto-close).
 */
export function decide(r: RequestFacts, action: RequestAction, actor: Actor | 'system', opts: { satisfied?: boolean } = {}): Verdict {
  const system = actor === 'system';
  const a = system ? null : actor;
  const reporter = !!a && a.userId === r.reporterId;
  const responsible = !!a && isResponsible(r, a);
  const assignee = !!a && isAssignee(r, a);
  const branch = !!a && a.roles.includes('branch') && a.compoundId === r.compoundId;

  if (action === 'note') {
    if (!(reporter || responsible || assignee)) return deny('FORBIDDEN', '只有反映人和处理人可以添加记录');
    if (TERMINAL_STATES.includes(r.state)) return deny('CONFLICT', '该事项已结束，不能再添加记录');
    return { ok: true, to: r.state };
  }

  const allowedBy: Record<Exclude<RequestAction, 'note'>, boolean> = {
    accept: responsible,
    claim: !!a && a.roles.includes('member') && a.compoundId === r.compoundId && r.handlers.includes('hall') && !reporter,
    release: assignee && r.handlers.includes('hall'),
    start: assignee || responsible,
    resolve: assignee || responsible,
    confirm: reporter,
    reopen: reporter || branch,
    escalate: system || responsible,
    transfer: responsible,
    reject: responsible,
    withdraw: reporter,
    autoClose: system,
  };
  if (!allowedBy[action]) {
    const messages: Partial<Record<RequestAction, string>> = {
      claim: '只有党员/志愿者可以认领求助任务',
      release: '只有认领任务的志愿者可以放弃认领',
      confirm: '只有反映人可以评价',
      withdraw: '只有反映人可以撤回',
      autoClose: '只能由系统自动办结',
    };
    return deny('FORBIDDEN', messages[action] ?? '您不是这件事的责任人');
  }
  if (!FROM[action].includes(r.state)) return deny('CONFLICT', conflictMessage(action, r.state));
  if (action === 'escalate' && r.escalationLevel >= MAX_ESCALATION) return deny('CONFLICT', '已上报到社区/街道，不能再上报');
  if (action === 'claim' && r.escalationLevel > 0) return deny('CONFLICT', '该求助已上报，不在任务大厅');
  // not while a volunteer works on a claimed task: they give it back first
  if (action === 'transfer' && r.state === 'in_progress' && r.assigneeId && r.handlers.includes('hall')) return deny('CONFLICT', '志愿者正在办理这个求助，请先由其放弃认领');

  const to: Record<Exclude<RequestAction, 'note'>, RequestState> = {
    accept: 'accepted',
    claim: 'claimed',
    release: 'submitted',
    start: 'in_progress',
    resolve: 'resolved',
    confirm: opts.satisfied ? 'closed' : 'reopened',
    reopen: 'reopened',
    escalate: 'escalated',
    // waits for the new party to accept it
    transfer: 'submitted',
    reject: 'rejected',
    withdraw: 'withdrawn',
    autoClose: 'closed',
  };
  return { ok: true, to: to[action] };
}

function conflictMessage(action: RequestAction, state: RequestState): string {
  if (action === 'claim' && state === 'claimed') return '已经有人认领了这个任务';
  if (TERMINAL_STATES.includes(state)) return `该事项${STATE_LABELS[state]}，不能再操作`;
  return `当前状态为「${STATE_LABELS[state]}」，不能进行此操作`;
}

/** A rating of 2 or less, or "not fixed", sends the request back and reaches the branch. */
export function isSatisfied(rating: number, fixed: boolean): boolean {
  return fixed && rating > 2;
}

// ---- the three rates of 接诉即办 --------------------------------------------------------------

export interface RateInputs {
  total: number;
  /** Requests the response rate judges: answered, finished, escalated, or past their deadline. */
  responseDue: number;
  /** Requests the resolution rate judges: resolved, finished, escalated, or past their deadline. */
  resolutionDue: number;
  respondedOnTime: number;
  resolved: number;
  rated: number;
  satisfied: number;
  respondMsSum: number;
  responded: number;
  resolveMsSum: number;
}

export interface Rates {
  total: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  avgResponseHours: number | null;
  avgResolveHours: number | null;
  rated: number;
}

/**
 * Response: answered within the tier, of the requests that are due; resolution: resolved, of those
 * due; satisfaction: satisfied of rated (unrated never counts). A request filed a minute ago is not
 * a failure: it counts once it is answered, finished or escalated, or once its deadline has passed
 * (see `dueForRates`, which the stats query mirrors).
 */
export function computeRates(x: RateInputs): Rates {
  const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);
  const hours = (ms: number, n: number) => (n > 0 ? Math.round((ms / n / 3_600_000) * 10) / 10 : null);
  return {
    total: x.total,
    responseRate: ratio(x.respondedOnTime, x.responseDue),
    resolutionRate: ratio(x.resolved, x.resolutionDue),
    satisfactionRate: ratio(x.satisfied, x.rated),
    avgResponseHours: hours(x.respondMsSum, x.responded),
    avgResolveHours: hours(x.resolveMsSum, x.resolved),
    rated: x.rated,
  };
}

/** Whether a request counts for the response and the resolution rate at `now`. */
export function dueForRates(
  s: Pick<RequestStats, 'counted' | 'responded' | 'resolved' | 'open'>,
  r: { dueAt: Date; escalationLevel: number },
  now: Date,
): { response: 0 | 1; resolution: 0 | 1 } {
  if (!s.counted) return { response: 0, resolution: 0 };
  const judged = !s.open || r.escalationLevel > 0 || r.dueAt.getTime() < now.getTime();
  return { response: s.responded || judged ? 1 : 0, resolution: s.resolved || judged ? 1 : 0 };
}

/** Per-request figures kept on the document, so the three rates are plain sums in the database. */
export interface RequestStats {
  counted: 0 | 1;
  responded: 0 | 1;
  respondedOnTime: 0 | 1;
  respondMs: number;
  resolved: 0 | 1;
  resolveMs: number;
  rated: 0 | 1;
  satisfied: 0 | 1;
  open: 0 | 1;
  escalatedOpen: 0 | 1;
}

export function requestStats(r: {
  state: RequestState;
  createdAt: Date;
  firstResponseAt: Date | null;
  respondedOnTime: boolean | null;
  resolvedAt: Date | null;
  rating: number | null;
  satisfied: boolean | null;
  escalationLevel: number;
}): RequestStats {
  const bit = (b: boolean): 0 | 1 => (b ? 1 : 0);
  const open = OPEN_STATES.includes(r.state);
  const resolved = (r.state === 'resolved' || r.state === 'closed') && !!r.resolvedAt;
  return {
    // a withdrawn request was nobody's to answer
    counted: bit(r.state !== 'withdrawn'),
    responded: bit(!!r.firstResponseAt),
    respondedOnTime: bit(r.respondedOnTime === true),
    respondMs: r.firstResponseAt ? r.firstResponseAt.getTime() - r.createdAt.getTime() : 0,
    resolved: bit(resolved),
    resolveMs: resolved && r.resolvedAt ? r.resolvedAt.getTime() - r.createdAt.getTime() : 0,
    rated: bit(r.rating !== null),
    satisfied: bit(r.satisfied === true),
    open: bit(open),
    escalatedOpen: bit(open && r.escalationLevel > 0),
  };
}
