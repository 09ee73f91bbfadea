// 你呼我应 (说 → 商 → 办 → 评): the pure request domain — state machine, who may act, routing,
// deadlines and the three rates of 接诉即办. The expectations below are written from DESIGN §4.1 and
// domain-rules §6, not copied from the implementation's tables.
import fc from 'fast-check';
import { ROLES } from '@core/roles';
import {
  ACTIONS,
  AUTO_CLOSE_AFTER_MS,
  CATEGORIES,
  DEFAULT_SLA_HOURS,
  MAX_ESCALATION,
  OPEN_STATES,
  hasLiveDeadline,
  transferTargets,
  ratingWords,
  STATES,
  STATE_LABELS,
  TERMINAL_STATES,
  URGENCIES,
  canView,
  computeRates,
  dueForRates,
  type RateInputs,
  decide,
  dueAt,
  isOverdue,
  isResponsible,
  isSatisfied,
  monthOf,
  routeRequest,
  type Actor,
  type Category,
  type Handler,
  type RequestAction,
  type RequestFacts,
  type RequestState,
  type SlaHours,
  type Urgency,
  type Verdict,
} from '@core/request/rules';

// ---- the cast -------------------------------------------------------------------------------------

const HONGHU = 'c-honghu'; // our compound
const XINING = 'c-xining'; // another compound

type Who =
  | 'reporter'
  | 'gridHere'
  | 'gridThere'
  | 'property'
  | 'committee'
  | 'branch'
  | 'branchElsewhere'
  | 'officer'
  | 'member'
  | 'neighbour'
  | 'system';

const PEOPLE: Record<Exclude<Who, 'system'>, Actor> = {
  reporter: { userId: 'u-reporter', roles: ['resident'], compoundId: HONGHU },
  gridHere: { userId: 'u-grid-b3', roles: ['resident', 'grid'], compoundId: HONGHU },
  gridThere: { userId: 'u-grid-b5', roles: ['resident', 'grid'], compoundId: HONGHU },
  property: { userId: 'u-property', roles: ['property'], compoundId: HONGHU },
  committee: { userId: 'u-committee', roles: ['resident', 'committee'], compoundId: HONGHU },
  branch: { userId: 'u-branch', roles: ['resident', 'branch'], compoundId: HONGHU },
  branchElsewhere: { userId: 'u-branch-xn', roles: ['resident', 'branch'], compoundId: XINING },
  // an officer's compoundId is the compound in their scope
  officer: { userId: 'u-officer', roles: ['officer'], compoundId: HONGHU },
  member: { userId: 'u-member', roles: ['resident', 'member'], compoundId: HONGHU },
  neighbour: { userId: 'u-neighbour', roles: ['resident'], compoundId: HONGHU },
};

const WHO_LABEL: Record<Who, string> = {
  reporter: 'the reporter',
  gridHere: 'the grid worker of the building',
  gridThere: 'a grid worker of another building',
  property: 'the property company',
  committee: "the owners' committee",
  branch: 'the party branch of the compound',
  branchElsewhere: "another compound's party branch",
  officer: 'the community/street officer',
  member: 'a party member / volunteer',
  neighbour: 'a neighbour',
  system: 'the scheduler',
};

const EVERYONE = Object.keys(WHO_LABEL) as Who[];
const actorOf = (who: Who): Actor | 'system' => (who === 'system' ? 'system' : PEOPLE[who]);

/** A repair reported from building 3 of our compound, where u-grid-b3 is the grid worker. */
function request(over: Partial<RequestFacts> = {}): RequestFacts {
  return {
    state: 'submitted',
    reporterId: PEOPLE.reporter.userId,
    compoundId: HONGHU,
    handlers: ['property', 'grid'],
    gridUserIds: [PEOPLE.gridHere.userId],
    assigneeId: null,
    escalationLevel: 0,
    ...over,
  };
}

type Outcome = 'ok' | 'FORBIDDEN' | 'CONFLICT';
const outcome = (v: Verdict): Outcome => (v.ok ? 'ok' : v.code);

// ---- the intended transitions, written by hand from DESIGN §4.1 -----------------------------------
// submitted → accepted (or claimed) → in_progress → resolved → closed, with escalated, rejected
// (不予受理: only before anyone took it on), withdrawn (by the reporter while it is still open) and
// reopened (a bad rating, or the reporter/branch reopening a closed or rejected one).
type Transition = Exclude<RequestAction, 'note'>;
const LEADS_TO: Record<Transition, Partial<Record<RequestState, RequestState>>> = {
  accept: { submitted: 'accepted', reopened: 'accepted', escalated: 'accepted' },
  claim: { submitted: 'claimed', reopened: 'claimed' },
  release: { claimed: 'submitted', in_progress: 'submitted' }, // 放弃认领: back to the hall
  start: { accepted: 'in_progress', claimed: 'in_progress' },
  resolve: { accepted: 'resolved', claimed: 'resolved', in_progress: 'resolved' },
  confirm: { resolved: 'closed' }, // satisfied; an unsatisfied confirm goes to 'reopened'
  reopen: { resolved: 'reopened', closed: 'reopened', rejected: 'reopened' },
  escalate: {
    submitted: 'escalated',
    accepted: 'escalated',
    claimed: 'escalated',
    in_progress: 'escalated',
    reopened: 'escalated',
    escalated: 'escalated', // branch → officer: the level goes up, the state stays
  },
  // 转派: handed to another party, it waits for them to accept it (not while a volunteer holds it)
  transfer: { submitted: 'submitted', accepted: 'submitted', in_progress: 'submitted', reopened: 'submitted', escalated: 'submitted' },
  reject: { submitted: 'rejected', reopened: 'rejected', escalated: 'rejected' },
  withdraw: {
    submitted: 'withdrawn',
    accepted: 'withdrawn',
    claimed: 'withdrawn',
    in_progress: 'withdrawn',
    reopened: 'withdrawn',
    escalated: 'withdrawn',
  },
  autoClose: { resolved: 'closed' },
};
const TERMINAL: RequestState[] = ['closed', 'rejected', 'withdrawn'];

/** Someone who is certainly allowed to try `action` (so only the state decides), on a fitting request. */
function allowedCase(action: RequestAction, state: RequestState): { facts: RequestFacts; actor: Actor | 'system' } {
  const escalationLevel = state === 'escalated' ? 1 : 0;
  switch (action) {
    case 'accept':
    case 'reject':
    case 'transfer':
      return { facts: request({ state, escalationLevel }), actor: PEOPLE.branch };
    case 'claim':
      return { facts: request({ state, escalationLevel, handlers: ['hall', 'grid'] }), actor: PEOPLE.member };
    case 'start':
    case 'resolve':
    case 'release':
      return {
        facts: request({ state, escalationLevel, handlers: ['hall', 'grid'], assigneeId: PEOPLE.member.userId }),
        actor: PEOPLE.member,
      };
    case 'confirm':
    case 'reopen':
    case 'withdraw':
    case 'note':
      return { facts: request({ state, escalationLevel }), actor: PEOPLE.reporter };
    case 'escalate':
    case 'autoClose':
      return { facts: request({ state, escalationLevel }), actor: 'system' };
  }
}

function expectedFor(action: RequestAction, state: RequestState): RequestState | 'CONFLICT' {
  if (action === 'note') return TERMINAL.includes(state) ? 'CONFLICT' : state;
  return LEADS_TO[action][state] ?? 'CONFLICT';
}

// ===================================================================================================

describe('你呼我应 state machine', () => {
  it('knows every state and action the matrix below is written for', () => {
    expect([...STATES].sort()).toEqual(
      ['accepted', 'claimed', 'closed', 'escalated', 'in_progress', 'reopened', 'rejected', 'resolved', 'submitted', 'withdrawn'].sort(),
    );
    expect([...ACTIONS].sort()).toEqual(
      ['accept', 'autoClose', 'claim', 'confirm', 'escalate', 'note', 'reject', 'release', 'reopen', 'resolve', 'start', 'transfer', 'withdraw'].sort(),
    );
    expect([...TERMINAL_STATES].sort()).toEqual([...TERMINAL].sort());
    // open = someone still owes an answer: not resolved (waiting for the rating) and not terminal
    expect([...OPEN_STATES].sort()).toEqual(STATES.filter((s) => s !== 'resolved' && !TERMINAL.includes(s)).sort());
    for (const s of STATES) expect(STATE_LABELS[s]).toEqual(expect.any(String));
  });

  describe('every action from every state (someone allowed to act)', () => {
    const rows = ACTIONS.flatMap((action) =>
      STATES.map((state) => {
        const expected = expectedFor(action, state);
        return { action, state, expected, shown: expected === 'CONFLICT' ? 'is a CONFLICT' : `leads to ${expected}` };
      }),
    );

    it('covers the full action × state matrix', () => {
      expect(rows).toHaveLength(ACTIONS.length * STATES.length);
    });

    it.each(rows)('$action from $state $shown', ({ action, state, expected }) => {
      const { facts, actor } = allowedCase(action, state);
      const verdict = decide(facts, action, actor, { satisfied: true });
      if (expected === 'CONFLICT') {
        expect(verdict).toEqual({ ok: false, code: 'CONFLICT', message: expect.any(String) });
        if (!verdict.ok) expect(verdict.message.length).toBeGreaterThan(0);
      } else {
        expect(verdict).toEqual({ ok: true, to: expected });
      }
    });
  });

  describe('evaluation (评)', () => {
    const resolved = request({ state: 'resolved' });

    it('closes the request when the reporter confirms satisfied', () => {
      expect(decide(resolved, 'confirm', PEOPLE.reporter, { satisfied: true })).toEqual({ ok: true, to: 'closed' });
    });

    it('reopens the request when the reporter is not satisfied', () => {
      expect(decide(resolved, 'confirm', PEOPLE.reporter, { satisfied: false })).toEqual({ ok: true, to: 'reopened' });
    });

    it('treats a confirm without a verdict as not satisfied (never counts as satisfied by default)', () => {
      expect(decide(resolved, 'confirm', PEOPLE.reporter)).toEqual({ ok: true, to: 'reopened' });
      expect(decide(resolved, 'confirm', PEOPLE.reporter, {})).toEqual({ ok: true, to: 'reopened' });
    });

    it('lets only the reporter rate', () => {
      for (const who of EVERYONE.filter((w) => w !== 'reporter')) {
        expect(decide(resolved, 'confirm', actorOf(who), { satisfied: true })).toEqual({
          ok: false,
          code: 'FORBIDDEN',
          message: '只有反映人可以评价',
        });
      }
    });

    it('auto-closes an unrated resolved request only through the scheduler, after 7 days', () => {
      expect(AUTO_CLOSE_AFTER_MS).toBe(7 * 24 * 60 * 60 * 1000);
      expect(decide(resolved, 'autoClose', 'system')).toEqual({ ok: true, to: 'closed' });
      expect(decide(resolved, 'autoClose', PEOPLE.branch)).toEqual({ ok: false, code: 'FORBIDDEN', message: '只能由系统自动办结' });
    });

    describe('isSatisfied: a rating ≤ 2 or "not fixed" is not satisfied', () => {
      const rows = [1, 2, 3, 4, 5].flatMap((rating) =>
        [true, false].map((fixed) => ({ rating, fixed, satisfied: fixed && rating >= 3 })),
      );
      it.each(rows)('rating $rating, fixed $fixed → satisfied $satisfied', ({ rating, fixed, satisfied }) => {
        expect(isSatisfied(rating, fixed)).toBe(satisfied);
      });
    });
  });

  describe('escalation (grid → branch → officer)', () => {
    it('lets the scheduler escalate an overdue request from the grid to the branch and on to the officer', () => {
      expect(decide(request({ state: 'accepted', escalationLevel: 0 }), 'escalate', 'system')).toEqual({ ok: true, to: 'escalated' });
      expect(decide(request({ state: 'escalated', escalationLevel: 1 }), 'escalate', 'system')).toEqual({ ok: true, to: 'escalated' });
    });

    it(`refuses to escalate beyond level ${MAX_ESCALATION} (the community/street officer) with CONFLICT`, () => {
      expect(MAX_ESCALATION).toBe(2);
      const top = request({ state: 'escalated', escalationLevel: MAX_ESCALATION });
      for (const actor of ['system', PEOPLE.branch, PEOPLE.officer] as const) {
        expect(decide(top, 'escalate', actor)).toEqual({ ok: false, code: 'CONFLICT', message: '已上报到社区/街道，不能再上报' });
      }
      // even from a state escalation is normally allowed from
      expect(outcome(decide(request({ state: 'in_progress', escalationLevel: MAX_ESCALATION }), 'escalate', 'system'))).toBe('CONFLICT');
    });

    it('takes an escalated help request out of the task hall: claiming it is a CONFLICT', () => {
      const help = { handlers: ['hall', 'grid'] as Handler[] };
      // reopened after an escalation: the state would allow a claim, the level does not
      expect(decide(request({ ...help, state: 'reopened', escalationLevel: 1 }), 'claim', PEOPLE.member)).toEqual({
        ok: false,
        code: 'CONFLICT',
        message: '该求助已上报，不在任务大厅',
      });
      expect(outcome(decide(request({ ...help, state: 'escalated', escalationLevel: 1 }), 'claim', PEOPLE.member))).toBe('CONFLICT');
      expect(outcome(decide(request({ ...help, state: 'submitted', escalationLevel: 2 }), 'claim', PEOPLE.member))).toBe('CONFLICT');
    });
  });

  describe('conflict messages', () => {
    it('tells a second volunteer the task is already claimed', () => {
      const claimed = request({ state: 'claimed', handlers: ['hall', 'grid'], assigneeId: 'u-first-volunteer' });
      expect(decide(claimed, 'claim', PEOPLE.member)).toEqual({ ok: false, code: 'CONFLICT', message: '已经有人认领了这个任务' });
    });

    it('names the terminal state when the request is over', () => {
      expect(decide(request({ state: 'closed' }), 'accept', PEOPLE.branch)).toEqual({ ok: false, code: 'CONFLICT', message: '该事项已办结，不能再操作' });
      expect(decide(request({ state: 'withdrawn' }), 'reopen', PEOPLE.reporter)).toEqual({ ok: false, code: 'CONFLICT', message: '该事项已撤回，不能再操作' });
      expect(decide(request({ state: 'rejected' }), 'note', PEOPLE.reporter)).toEqual({ ok: false, code: 'CONFLICT', message: '该事项已结束，不能再添加记录' });
    });

    it('names the current state otherwise', () => {
      expect(decide(request({ state: 'in_progress' }), 'accept', PEOPLE.branch)).toEqual({
        ok: false,
        code: 'CONFLICT',
        message: '当前状态为「处理中」，不能进行此操作',
      });
    });
  });

  describe('walking the workflow', () => {
    it('说 → 办 → 评: the building grid worker accepts, works and resolves; the reporter is satisfied', () => {
      let r = request();
      const step = (action: RequestAction, actor: Actor | 'system', satisfied?: boolean) => {
        const v = decide(r, action, actor, { satisfied });
        expect(v.ok).toBe(true);
        if (v.ok) r = { ...r, state: v.to, assigneeId: action === 'accept' || action === 'claim' ? (actor as Actor).userId : r.assigneeId };
        return r.state;
      };
      expect(step('accept', PEOPLE.gridHere)).toBe('accepted');
      expect(step('note', PEOPLE.gridHere)).toBe('accepted');
      expect(step('start', PEOPLE.gridHere)).toBe('in_progress');
      expect(step('note', PEOPLE.reporter)).toBe('in_progress');
      expect(step('resolve', PEOPLE.gridHere)).toBe('resolved');
      expect(step('confirm', PEOPLE.reporter, isSatisfied(5, true))).toBe('closed');
      expect(step('reopen', PEOPLE.reporter)).toBe('reopened');
    });

    it('task hall: a volunteer claims a help request, resolves it, a bad rating reopens it and the branch takes it', () => {
      let r = request({ handlers: routeRequest('help', true) });
      const go = (action: RequestAction, actor: Actor | 'system', satisfied?: boolean) => {
        const v = decide(r, action, actor, { satisfied });
        if (!v.ok) throw new Error(`${action}: ${v.code} ${v.message}`);
        r = { ...r, state: v.to, assigneeId: action === 'claim' || action === 'accept' ? (actor as Actor).userId : r.assigneeId };
        return r.state;
      };
      expect(go('claim', PEOPLE.member)).toBe('claimed');
      expect(outcome(decide(r, 'claim', { ...PEOPLE.member, userId: 'u-member-2' }))).toBe('CONFLICT');
      expect(go('start', PEOPLE.member)).toBe('in_progress');
      expect(go('resolve', PEOPLE.member)).toBe('resolved');
      expect(go('confirm', PEOPLE.reporter, isSatisfied(2, true))).toBe('reopened');
      expect(go('accept', PEOPLE.branch)).toBe('accepted');
      expect(go('resolve', PEOPLE.branch)).toBe('resolved');
      expect(go('autoClose', 'system')).toBe('closed');
    });

    it('the reporter can withdraw while the request is open, and then nothing happens to it any more', () => {
      const r = request({ state: 'in_progress', assigneeId: PEOPLE.gridHere.userId });
      expect(decide(r, 'withdraw', PEOPLE.reporter)).toEqual({ ok: true, to: 'withdrawn' });
      const gone = { ...r, state: 'withdrawn' as const };
      for (const action of ACTIONS) {
        for (const who of EVERYONE) expect(decide(gone, action, actorOf(who), { satisfied: true }).ok).toBe(false);
      }
    });
  });
});

// ===================================================================================================

describe('你呼我应 who may do what', () => {
  // For each request and each person: what they may do when the state allows it. Everything not
  // listed is FORBIDDEN; `conflicts` are actions the person may do in principle but the request
  // itself refuses (CONFLICT).
  const AT_LEVEL_0: Record<RequestAction, RequestState> = {
    accept: 'submitted',
    claim: 'submitted',
    release: 'claimed',
    start: 'accepted',
    note: 'in_progress',
    resolve: 'in_progress',
    confirm: 'resolved',
    reopen: 'closed',
    escalate: 'submitted',
    transfer: 'accepted',
    reject: 'submitted',
    withdraw: 'accepted',
    autoClose: 'resolved',
  };
  const AFTER_ESCALATION: Record<RequestAction, RequestState> = {
    accept: 'escalated',
    claim: 'reopened',
    release: 'claimed',
    start: 'accepted',
    note: 'escalated',
    resolve: 'in_progress',
    confirm: 'resolved',
    reopen: 'rejected',
    escalate: 'escalated',
    transfer: 'escalated',
    reject: 'escalated',
    withdraw: 'escalated',
    autoClose: 'resolved',
  };

  const STAFF: RequestAction[] = ['accept', 'start', 'resolve', 'escalate', 'transfer', 'reject', 'note'];
  const REPORTER: RequestAction[] = ['confirm', 'reopen', 'withdraw', 'note'];
  const BRANCH: RequestAction[] = [...STAFF, 'reopen'];
  const SYSTEM: RequestAction[] = ['escalate', 'autoClose'];

  interface Scenario {
    title: string;
    facts: Partial<RequestFacts>;
    stateFor: Record<RequestAction, RequestState>;
    may: Partial<Record<Who, RequestAction[]>>;
    conflicts?: Partial<Record<Who, RequestAction[]>>;
  }

  const scenarios: Scenario[] = [
    {
      title: 'a repair in building 3 (property + grid)',
      facts: { handlers: routeRequest('repair', true) },
      stateFor: AT_LEVEL_0,
      may: { reporter: REPORTER, gridHere: STAFF, property: STAFF, branch: BRANCH, system: SYSTEM },
    },
    {
      title: 'a neighbour dispute in building 3 (grid + committee)',
      facts: { handlers: routeRequest('dispute', true) },
      stateFor: AT_LEVEL_0,
      may: { reporter: REPORTER, gridHere: STAFF, committee: STAFF, branch: BRANCH, system: SYSTEM },
    },
    {
      title: 'a help request in building 3 (task hall + grid)',
      facts: { handlers: routeRequest('help', true) },
      stateFor: AT_LEVEL_0,
      may: { reporter: REPORTER, gridHere: STAFF, branch: BRANCH, member: ['claim'], system: SYSTEM },
    },
    {
      title: 'a repair in a common area (property only, no building grid)',
      facts: { handlers: routeRequest('repair', false), gridUserIds: [] },
      stateFor: AT_LEVEL_0,
      may: { reporter: REPORTER, property: STAFF, branch: BRANCH, system: SYSTEM },
    },
    {
      title: 'a security report in a common area (nobody routed: the branch picks it up)',
      facts: { handlers: routeRequest('security', false), gridUserIds: [] },
      stateFor: AT_LEVEL_0,
      may: { reporter: REPORTER, branch: BRANCH, system: SYSTEM },
    },
    {
      title: 'a repair escalated to the branch (level 1)',
      facts: { handlers: routeRequest('repair', true), escalationLevel: 1 },
      stateFor: AFTER_ESCALATION,
      may: { reporter: REPORTER, branch: BRANCH, system: SYSTEM },
    },
    {
      title: 'a dispute escalated to the branch (level 1)',
      facts: { handlers: routeRequest('dispute', true), escalationLevel: 1 },
      stateFor: AFTER_ESCALATION,
      may: { reporter: REPORTER, branch: BRANCH, system: SYSTEM },
    },
    {
      title: 'a help request escalated to the branch (level 1)',
      facts: { handlers: routeRequest('help', true), escalationLevel: 1 },
      stateFor: AFTER_ESCALATION,
      may: { reporter: REPORTER, branch: BRANCH, system: SYSTEM },
      conflicts: { member: ['claim'] },
    },
    {
      title: 'a repair escalated to the community/street officer (level 2)',
      facts: { handlers: routeRequest('repair', true), escalationLevel: 2 },
      stateFor: AFTER_ESCALATION,
      may: {
        reporter: REPORTER,
        branch: BRANCH.filter((a) => a !== 'escalate'),
        officer: STAFF.filter((a) => a !== 'escalate'),
        system: ['autoClose'],
      },
      conflicts: { branch: ['escalate'], officer: ['escalate'], system: ['escalate'] },
    },
  ];

  describe.each(scenarios)('on $title', (scenario) => {
    const rows = EVERYONE.map((who) => {
      const may = scenario.may[who] ?? [];
      const conflicts = scenario.conflicts?.[who] ?? [];
      const expected = Object.fromEntries(
        ACTIONS.map((a): [RequestAction, Outcome] => [a, conflicts.includes(a) ? 'CONFLICT' : may.includes(a) ? 'ok' : 'FORBIDDEN']),
      ) as Record<RequestAction, Outcome>;
      const allowed = ACTIONS.filter((a) => may.includes(a));
      let shown = allowed.length ? `lets ${WHO_LABEL[who]} ${allowed.join(', ')}` : `lets ${WHO_LABEL[who]} do nothing`;
      if (conflicts.length) shown += ` (${conflicts.join(', ')}: CONFLICT)`;
      return { who, expected, shown };
    });

    it.each(rows)('$shown', ({ who, expected }) => {
      const actual = Object.fromEntries(
        ACTIONS.map((action): [RequestAction, Outcome] => [
          action,
          outcome(decide(request({ ...scenario.facts, state: scenario.stateFor[action] }), action, actorOf(who), { satisfied: true })),
        ]),
      );
      expect(actual).toEqual(expected);
    });
  });

  it('lets the building grid worker accept a submitted request', () => {
    expect(decide(request(), 'accept', PEOPLE.gridHere)).toEqual({ ok: true, to: 'accepted' });
  });

  it('does not let a grid worker of another building accept it', () => {
    expect(decide(request(), 'accept', PEOPLE.gridThere)).toEqual({ ok: false, code: 'FORBIDDEN', message: '您不是这件事的责任人' });
  });

  it('does not count a building grid worker when the request is not routed to the grid', () => {
    const r = request({ handlers: ['property'], gridUserIds: [PEOPLE.gridHere.userId] });
    expect(isResponsible(r, PEOPLE.gridHere)).toBe(false);
    expect(outcome(decide(r, 'accept', PEOPLE.gridHere))).toBe('FORBIDDEN');
  });

  it('does not count a grid worker of the right building id from another compound', () => {
    const stray: Actor = { ...PEOPLE.gridHere, compoundId: XINING };
    expect(outcome(decide(request(), 'accept', stray))).toBe('FORBIDDEN');
  });

  it('lets the property company handle a request only when it is routed to the property', () => {
    for (const category of CATEGORIES) {
      const r = request({ handlers: routeRequest(category, true) });
      const routed = r.handlers.includes('property');
      expect([category, outcome(decide(r, 'accept', PEOPLE.property))]).toEqual([category, routed ? 'ok' : 'FORBIDDEN']);
    }
  });

  it("lets the owners' committee handle a request only when it is routed to the committee", () => {
    for (const category of CATEGORIES) {
      const r = request({ handlers: routeRequest(category, true) });
      const routed = r.handlers.includes('committee');
      expect([category, outcome(decide(r, 'accept', PEOPLE.committee))]).toEqual([category, routed ? 'ok' : 'FORBIDDEN']);
    }
  });

  it("lets the compound's party branch act at every level, but not another compound's branch", () => {
    for (const escalationLevel of [0, 1, 2]) {
      const r = request({ state: escalationLevel ? 'escalated' : 'submitted', escalationLevel, handlers: [] });
      expect(decide(r, 'accept', PEOPLE.branch)).toEqual({ ok: true, to: 'accepted' });
      expect(outcome(decide(r, 'accept', PEOPLE.branchElsewhere))).toBe('FORBIDDEN');
      expect(outcome(decide(r, 'reopen', PEOPLE.branchElsewhere))).toBe('FORBIDDEN');
    }
    expect(decide(request({ state: 'rejected' }), 'reopen', PEOPLE.branch)).toEqual({ ok: true, to: 'reopened' });
    expect(outcome(decide(request({ state: 'rejected' }), 'reopen', PEOPLE.branchElsewhere))).toBe('FORBIDDEN');
  });

  it('gives the request to the community/street officer only at escalation level 2', () => {
    for (const [escalationLevel, expected] of [[0, 'FORBIDDEN'], [1, 'FORBIDDEN'], [2, 'ok'], [3, 'ok']] as const) {
      const r = request({ state: escalationLevel ? 'escalated' : 'submitted', escalationLevel });
      expect([escalationLevel, outcome(decide(r, 'accept', PEOPLE.officer))]).toEqual([escalationLevel, expected]);
      expect(isResponsible(r, PEOPLE.officer)).toBe(expected === 'ok');
    }
  });

  it('takes the request away from grid, property and committee once escalated, while the branch keeps it', () => {
    for (const escalationLevel of [1, 2]) {
      const r = request({ state: 'escalated', escalationLevel, handlers: ['grid', 'property', 'committee'] });
      expect(isResponsible(r, PEOPLE.gridHere)).toBe(false);
      expect(isResponsible(r, PEOPLE.property)).toBe(false);
      expect(isResponsible(r, PEOPLE.committee)).toBe(false);
      expect(isResponsible(r, PEOPLE.branch)).toBe(true);
      for (const who of ['gridHere', 'property', 'committee'] as const) {
        expect(outcome(decide(r, 'accept', PEOPLE[who]))).toBe('FORBIDDEN');
        expect(outcome(decide(r, 'note', PEOPLE[who]))).toBe('FORBIDDEN');
      }
      expect(decide(r, 'accept', PEOPLE.branch)).toEqual({ ok: true, to: 'accepted' });
    }
    // at level 0 all three answer
    const fresh = request({ handlers: ['grid', 'property', 'committee'] });
    for (const who of ['gridHere', 'property', 'committee', 'branch'] as const) expect(isResponsible(fresh, PEOPLE[who])).toBe(true);
  });

  it('lets a member claim only help requests from the task hall', () => {
    for (const category of CATEGORIES) {
      const r = request({ handlers: routeRequest(category, true) });
      expect([category, outcome(decide(r, 'claim', PEOPLE.member))]).toEqual([category, category === 'help' ? 'ok' : 'FORBIDDEN']);
    }
    const help = request({ handlers: routeRequest('help', true) });
    for (const who of EVERYONE.filter((w) => w !== 'member')) {
      expect(decide(help, 'claim', actorOf(who))).toEqual({ ok: false, code: 'FORBIDDEN', message: '只有党员/志愿者可以认领求助任务' });
    }
  });

  it('never lets a member claim their own help request', () => {
    const own = request({ handlers: routeRequest('help', true), reporterId: PEOPLE.member.userId });
    expect(outcome(decide(own, 'claim', PEOPLE.member))).toBe('FORBIDDEN');
  });

  it('does not let a member of another compound claim a help request from our task hall (DESIGN §2)', () => {
    // DESIGN §2: "nobody sees another compound's data unless their role is scoped above it"; the task
    // hall is the compound's. decide() checks the compound for staff and the branch, but not for claim.
    const outsider: Actor = { userId: 'u-member-xn', roles: ['resident', 'member'], compoundId: XINING };
    expect(outcome(decide(request({ handlers: routeRequest('help', true) }), 'claim', outsider))).toBe('FORBIDDEN');
  });

  it('lets whoever claimed or accepted (the assignee) start, resolve and note, but not accept, reject or escalate', () => {
    const claimed = request({ state: 'claimed', handlers: routeRequest('help', true), assigneeId: PEOPLE.member.userId });
    expect(decide(claimed, 'start', PEOPLE.member)).toEqual({ ok: true, to: 'in_progress' });
    expect(decide(claimed, 'resolve', PEOPLE.member)).toEqual({ ok: true, to: 'resolved' });
    expect(decide(claimed, 'note', PEOPLE.member)).toEqual({ ok: true, to: 'claimed' });
    expect(outcome(decide(claimed, 'escalate', PEOPLE.member))).toBe('FORBIDDEN');
    expect(outcome(decide({ ...claimed, state: 'reopened' }, 'accept', PEOPLE.member))).toBe('FORBIDDEN');
    expect(outcome(decide({ ...claimed, state: 'reopened' }, 'reject', PEOPLE.member))).toBe('FORBIDDEN');
    // another volunteer is not the assignee
    const other: Actor = { ...PEOPLE.member, userId: 'u-member-2' };
    expect(outcome(decide(claimed, 'start', other))).toBe('FORBIDDEN');
    expect(outcome(decide(claimed, 'resolve', other))).toBe('FORBIDDEN');
  });

  it('lets the grid worker who accepted keep working on it as assignee after the request was escalated', () => {
    const r = request({ state: 'in_progress', escalationLevel: 1, assigneeId: PEOPLE.gridHere.userId });
    expect(isResponsible(r, PEOPLE.gridHere)).toBe(false);
    expect(decide(r, 'resolve', PEOPLE.gridHere)).toEqual({ ok: true, to: 'resolved' });
    expect(outcome(decide({ ...r, state: 'escalated' }, 'escalate', PEOPLE.gridHere))).toBe('FORBIDDEN');
  });

  it('never treats a missing assignee as matching anyone', () => {
    const r = request({ state: 'accepted', assigneeId: null });
    const nobody: Actor = { userId: '', roles: ['resident'], compoundId: HONGHU };
    expect(outcome(decide(r, 'start', nobody))).toBe('FORBIDDEN');
    expect(outcome(decide({ ...r, assigneeId: '' }, 'start', nobody))).toBe('FORBIDDEN');
  });

  it('lets the scheduler only escalate and auto-close', () => {
    for (const action of ACTIONS) {
      const { facts } = allowedCase(action, AT_LEVEL_0[action]);
      const v = decide(facts, action, 'system', { satisfied: true });
      expect([action, outcome(v)]).toEqual([action, SYSTEM.includes(action) ? 'ok' : 'FORBIDDEN']);
    }
  });

  describe('FORBIDDEN before CONFLICT', () => {
    it('checks who you are before the state: a neighbour gets FORBIDDEN on every transition in every state', () => {
      for (const action of ACTIONS.filter((a) => a !== 'note')) {
        for (const state of STATES) {
          const v = decide(request({ state, handlers: ['grid', 'property', 'committee', 'hall'] }), action, PEOPLE.neighbour);
          expect([action, state, outcome(v)]).toEqual([action, state, 'FORBIDDEN']);
        }
      }
    });

    it('says FORBIDDEN, not CONFLICT, when the wrong person tries a closed request', () => {
      const closed = request({ state: 'closed' });
      expect(decide(closed, 'accept', PEOPLE.gridThere)).toEqual({ ok: false, code: 'FORBIDDEN', message: '您不是这件事的责任人' });
      expect(decide(closed, 'withdraw', PEOPLE.branch)).toEqual({ ok: false, code: 'FORBIDDEN', message: '只有反映人可以撤回' });
      expect(decide(closed, 'autoClose', PEOPLE.reporter)).toEqual({ ok: false, code: 'FORBIDDEN', message: '只能由系统自动办结' });
    });

    it('checks the role first for a note too: a stranger gets FORBIDDEN whatever the state', () => {
      for (const state of TERMINAL) expect(outcome(decide(request({ state }), 'note', PEOPLE.neighbour))).toBe('FORBIDDEN');
      for (const state of TERMINAL) expect(outcome(decide(request({ state }), 'note', PEOPLE.reporter))).toBe('CONFLICT');
      expect(decide(request({ state: 'accepted' }), 'note', PEOPLE.neighbour)).toEqual({
        ok: false,
        code: 'FORBIDDEN',
        message: '只有反映人和处理人可以添加记录',
      });
      expect(outcome(decide(request({ state: 'accepted' }), 'note', 'system'))).toBe('FORBIDDEN');
    });
  });

  it('keeps branch rights for a branch member who is also a community officer (roles add up, DESIGN §2)', () => {
    // "双向进入、交叉任职": a branch secretary may also hold the officer role. isResponsible returns early
    // for officers (level >= 2), so the extra role takes the compound's branch rights away below level 2.
    const both: Actor = { userId: 'u-secretary', roles: ['resident', 'branch', 'officer'], compoundId: HONGHU };
    expect(decide(request(), 'accept', both)).toEqual({ ok: true, to: 'accepted' });
  });

  describe('who may read the request in full', () => {
    it('shows it to the reporter, whoever answers for it, and the assignee', () => {
      const r = request({ assigneeId: PEOPLE.member.userId });
      const seeing = EVERYONE.filter((w) => w !== 'system' && canView(r, PEOPLE[w as Exclude<Who, 'system'>]));
      expect(seeing.sort()).toEqual(['branch', 'gridHere', 'member', 'property', 'reporter'].sort());
    });

    it('shows an officer-level request to the officer and the branch, no longer to the grid', () => {
      const r = request({ state: 'escalated', escalationLevel: 2 });
      const seeing = EVERYONE.filter((w) => w !== 'system' && canView(r, PEOPLE[w as Exclude<Who, 'system'>]));
      expect(seeing.sort()).toEqual(['branch', 'officer', 'reporter'].sort());
    });
  });
});

// ===================================================================================================

describe('你呼我应 routing', () => {
  // by category to the responsible party, by location to the building's grid user (DESIGN §4.1)
  const BY_CATEGORY: Record<Category, Handler[]> = {
    repair: ['property', 'grid'],
    sanitation: ['property', 'grid'],
    security: ['grid'],
    dispute: ['grid', 'committee'],
    property: ['property', 'grid'],
    parking: ['property', 'grid'],
    noise: ['grid'],
    help: ['hall', 'grid'],
    suggestion: ['grid', 'committee'],
    other: ['grid'],
  };
  const sorted = (hs: Handler[]) => [...hs].sort();

  it('has a routing expectation for every category', () => {
    expect(Object.keys(BY_CATEGORY).sort()).toEqual([...CATEGORIES].sort());
  });

  const rows = CATEGORIES.flatMap((category) => [
    { category, hasBuilding: true, where: 'in a building', expected: BY_CATEGORY[category] },
    { category, hasBuilding: false, where: 'in a common area', expected: BY_CATEGORY[category].filter((h) => h !== 'grid') },
  ]);

  it.each(rows)('routes $category $where to $expected', ({ category, hasBuilding, expected }) => {
    const handlers = routeRequest(category, hasBuilding);
    expect(sorted(handlers)).toEqual(sorted(expected));
    expect(new Set(handlers).size).toBe(handlers.length);
  });

  it('sends repairs to the property, disputes to grid + committee and help to the task hall', () => {
    expect(routeRequest('repair', true)).toContain('property');
    expect(routeRequest('dispute', true)).toEqual(expect.arrayContaining(['grid', 'committee']));
    expect(routeRequest('help', true)).toContain('hall');
  });

  it('never routes a common-area report to a building grid', () => {
    for (const category of CATEGORIES) expect(routeRequest(category, false)).not.toContain('grid');
  });

  it('hands out a fresh list each time (a caller changing it cannot change routing)', () => {
    const first = routeRequest('repair', true);
    first.push('hall');
    expect(sorted(routeRequest('repair', true))).toEqual(sorted(['property', 'grid']));
  });
});

// ===================================================================================================

describe('你呼我应 deadlines', () => {
  const submittedAt = new Date('2026-03-02T01:00:00.000Z');
  const HOUR = 3_600_000;
  const DEFAULT_HOURS: Record<Urgency, number> = { emergency: 2, utilities: 24, general: 7 * 24, complex: 15 * 24 };
  const CUSTOM: SlaHours = { emergency: 1, utilities: 12, general: 72, complex: 0.5 };

  it('uses the Beijing 接诉即办 tiers by default: 2 h, 24 h, 7 days, 15 days', () => {
    expect(DEFAULT_SLA_HOURS).toEqual(DEFAULT_HOURS);
  });

  it.each(URGENCIES.map((urgency) => ({ urgency, hours: DEFAULT_HOURS[urgency] })))(
    'gives a $urgency request $hours hours by default',
    ({ urgency, hours }) => {
      expect(dueAt(submittedAt, urgency).getTime()).toBe(submittedAt.getTime() + hours * HOUR);
      expect(dueAt(submittedAt, urgency, DEFAULT_SLA_HOURS).getTime()).toBe(submittedAt.getTime() + hours * HOUR);
    },
  );

  it.each(URGENCIES.map((urgency) => ({ urgency, hours: CUSTOM[urgency] })))(
    "gives a $urgency request the compound's own $hours hours",
    ({ urgency, hours }) => {
      expect(dueAt(submittedAt, urgency, CUSTOM).getTime()).toBe(submittedAt.getTime() + hours * HOUR);
    },
  );

  it('does not change the submission time it was given', () => {
    const from = new Date(submittedAt);
    dueAt(from, 'complex');
    expect(from.getTime()).toBe(submittedAt.getTime());
  });

  describe('isOverdue', () => {
    const deadline = new Date('2026-03-02T03:00:00.000Z');
    const before = new Date(deadline.getTime() - 1);
    const after = new Date(deadline.getTime() + 1);

    const rows = STATES.map((state) => ({ state, open: OPEN_STATES.includes(state) }));

    it('treats exactly these states as still owing an answer', () => {
      expect(rows.filter((r) => r.open).map((r) => r.state).sort()).toEqual(
        ['submitted', 'accepted', 'claimed', 'in_progress', 'escalated', 'reopened'].sort(),
      );
    });

    it.each(rows)('$state: overdue only after the deadline passes ($open)', ({ state, open }) => {
      expect(isOverdue({ state, dueAt: deadline }, before)).toBe(false);
      expect(isOverdue({ state, dueAt: deadline }, deadline)).toBe(false); // exactly at the deadline is still in time
      expect(isOverdue({ state, dueAt: deadline }, after)).toBe(open);
      expect(isOverdue({ state, dueAt: deadline }, new Date(deadline.getTime() + 365 * 24 * HOUR))).toBe(open);
    });

    it('is never overdue once resolved or finished', () => {
      for (const state of ['resolved', ...TERMINAL] as RequestState[]) {
        expect(isOverdue({ state, dueAt: new Date(0) }, new Date('2030-01-01T00:00:00Z'))).toBe(false);
      }
    });

    it('an emergency submitted at 09:00 Beijing time is overdue from 11:00:00.001', () => {
      const due = dueAt(submittedAt, 'emergency');
      expect(due.toISOString()).toBe('2026-03-02T03:00:00.000Z');
      expect(isOverdue({ state: 'submitted', dueAt: due }, new Date('2026-03-02T03:00:00.000Z'))).toBe(false);
      expect(isOverdue({ state: 'submitted', dueAt: due }, new Date('2026-03-02T03:00:00.001Z'))).toBe(true);
    });
  });
});

// ===================================================================================================

describe('你呼我应 rates (响应率, 解决率, 满意率)', () => {
  const zero = { total: 0, respondedOnTime: 0, resolved: 0, rated: 0, satisfied: 0, respondMsSum: 0, responded: 0, resolveMsSum: 0 };
  const HOUR = 3_600_000;
  // every request here is due (answered, finished or past its deadline) unless a test says otherwise
  const rates = (x: Omit<RateInputs, 'responseDue' | 'resolutionDue'> & Partial<RateInputs>) => computeRates({ responseDue: x.total, resolutionDue: x.total, ...x });

  it('judges only the requests that are due: a request filed a minute ago is no failure', () => {
    const now = new Date('2026-12-01T08:00:00Z');
    const open = { counted: 1, responded: 0, resolved: 0, open: 1 } as const;
    expect(dueForRates(open, { dueAt: new Date('2026-12-08T08:00:00Z'), escalationLevel: 0 }, now)).toEqual({ response: 0, resolution: 0 });
    expect(dueForRates(open, { dueAt: new Date('2026-11-30T08:00:00Z'), escalationLevel: 0 }, now)).toEqual({ response: 1, resolution: 1 });
    expect(dueForRates(open, { dueAt: new Date('2026-12-08T08:00:00Z'), escalationLevel: 1 }, now)).toEqual({ response: 1, resolution: 1 });
    expect(dueForRates({ ...open, responded: 1 }, { dueAt: new Date('2026-12-08T08:00:00Z'), escalationLevel: 0 }, now)).toEqual({ response: 1, resolution: 0 });
    expect(dueForRates({ ...open, responded: 1, resolved: 1, open: 0 }, { dueAt: new Date('2026-12-08T08:00:00Z'), escalationLevel: 0 }, now)).toEqual({ response: 1, resolution: 1 });
    expect(dueForRates({ ...open, counted: 0 }, { dueAt: new Date('2026-11-30T08:00:00Z'), escalationLevel: 0 }, now)).toEqual({ response: 0, resolution: 0 });
    // one answered in time of five due, and a sixth not yet due: 1/5, not 1/6
    expect(computeRates({ total: 6, responseDue: 5, resolutionDue: 5, respondedOnTime: 1, resolved: 1, rated: 0, satisfied: 0, respondMsSum: 0, responded: 1, resolveMsSum: 0 })).toMatchObject({ responseRate: 0.2, resolutionRate: 0.2 });
  });

  it('gives nulls, never a division by zero, when there is nothing to count', () => {
    expect(rates(zero)).toEqual({
      total: 0,
      responseRate: null,
      resolutionRate: null,
      satisfactionRate: null,
      avgResponseHours: null,
      avgResolveHours: null,
      rated: 0,
    });
  });

  it('leaves the satisfaction rate empty when nothing was rated, even with requests', () => {
    const r = rates({ ...zero, total: 4, resolved: 4, respondedOnTime: 3, responded: 4, respondMsSum: 4 * HOUR, resolveMsSum: 40 * HOUR });
    expect(r.satisfactionRate).toBeNull();
    expect(r.rated).toBe(0);
    expect(r.responseRate).toBe(0.75);
    expect(r.resolutionRate).toBe(1);
  });

  it('leaves the average hours empty when nothing was responded to or resolved', () => {
    const r = rates({ ...zero, total: 3 });
    expect(r).toMatchObject({ responseRate: 0, resolutionRate: 0, satisfactionRate: null, avgResponseHours: null, avgResolveHours: null });
  });

  it('counts satisfaction among the rated only: unrated requests are never satisfied', () => {
    // 10 requests, 8 resolved, 4 rated of which 3 satisfied; the 4 unrated (auto-closed) do not count
    const r = rates({ ...zero, total: 10, resolved: 8, rated: 4, satisfied: 3 });
    expect(r.satisfactionRate).toBe(0.75);
    expect(r.satisfactionRate).not.toBe(0.875); // (3 + 4 unrated) / 8 would count them as satisfied
    expect(r.resolutionRate).toBe(0.8);
    expect(r.rated).toBe(4);
    expect(r.total).toBe(10);
  });

  it('rounds rates to 3 decimals', () => {
    const r = rates({ ...zero, total: 3, respondedOnTime: 2, resolved: 1, rated: 7, satisfied: 1 });
    expect(r.responseRate).toBe(0.667);
    expect(r.resolutionRate).toBe(0.333);
    expect(r.satisfactionRate).toBe(0.143);
    expect(rates({ ...zero, total: 8, respondedOnTime: 1 }).responseRate).toBe(0.125);
    expect(rates({ ...zero, total: 997, respondedOnTime: 994 }).responseRate).toBe(0.997);
    expect(rates({ ...zero, total: 2000, respondedOnTime: 1999 }).responseRate).toBe(1); // 0.9995 rounds up
  });

  it('averages response hours over the responded and resolve hours over the resolved, to 0.1 h', () => {
    const r = rates({ ...zero, total: 5, responded: 3, respondMsSum: 10 * HOUR, resolved: 2, resolveMsSum: 49 * HOUR });
    expect(r.avgResponseHours).toBe(3.3);
    expect(r.avgResolveHours).toBe(24.5);
    expect(rates({ ...zero, total: 1, responded: 1, respondMsSum: 90 * 60_000 }).avgResponseHours).toBe(1.5);
  });

  it('always gives rates between 0 and 1 and finite averages for consistent counts', () => {
    const counts = fc
      .record({ total: fc.nat(5000), a: fc.nat(5000), b: fc.nat(5000), c: fc.nat(5000), d: fc.nat(5000), ms1: fc.nat(), ms2: fc.nat() })
      .map(({ total, a, b, c, d, ms1, ms2 }) => {
        const resolved = total ? b % (total + 1) : 0;
        const rated = resolved ? c % (resolved + 1) : 0;
        const responded = total ? d % (total + 1) : 0;
        return {
          total,
          respondedOnTime: responded ? a % (responded + 1) : 0,
          resolved,
          rated,
          satisfied: rated ? a % (rated + 1) : 0,
          responded,
          respondMsSum: responded ? ms1 : 0,
          resolveMsSum: resolved ? ms2 : 0,
        };
      });
    fc.assert(
      fc.property(counts, (x) => {
        const r = rates(x);
        for (const [rate, denominator] of [[r.responseRate, x.total], [r.resolutionRate, x.total], [r.satisfactionRate, x.rated]] as const) {
          if (denominator === 0) expect(rate).toBeNull();
          else {
            expect(rate).not.toBeNull();
            expect(rate!).toBeGreaterThanOrEqual(0);
            expect(rate!).toBeLessThanOrEqual(1);
            expect(Math.round(rate! * 1000) / 1000).toBe(rate);
          }
        }
        for (const h of [r.avgResponseHours, r.avgResolveHours]) if (h !== null) expect(Number.isFinite(h)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  describe('monthOf counts months in China Standard Time', () => {
    it.each([
      ['2026-11-30T16:30:00Z', '2026-12'],
      ['2026-11-30T15:59:59.999Z', '2026-11'],
      ['2026-11-30T16:00:00Z', '2026-12'],
      ['2026-12-31T16:00:00Z', '2027-01'],
      ['2026-12-31T15:59:59Z', '2026-12'],
      ['2027-01-01T00:00:00Z', '2027-01'],
      ['2028-02-28T16:00:00Z', '2028-02'], // leap year: 29 Feb in Beijing
      ['2028-02-29T16:00:00Z', '2028-03'],
      ['2026-05-31T23:59:59Z', '2026-06'],
    ])('%s is %s', (iso, month) => {
      expect(monthOf(new Date(iso))).toBe(month);
    });
  });
});

// ===================================================================================================

describe('你呼我应 state machine properties', () => {
  const USERS = ['', 'u-1', 'u-2', 'u-3', 'u-4'];
  const COMPOUNDS = ['c-a', 'c-b'];
  const factsArb: fc.Arbitrary<RequestFacts> = fc.record({
    state: fc.constantFrom(...STATES),
    reporterId: fc.constantFrom(...USERS),
    compoundId: fc.constantFrom(...COMPOUNDS),
    handlers: fc.subarray<Handler>(['grid', 'property', 'committee', 'hall']),
    gridUserIds: fc.subarray(USERS),
    assigneeId: fc.option(fc.constantFrom(...USERS), { nil: null }),
    escalationLevel: fc.integer({ min: -1, max: 4 }),
  });
  const personArb: fc.Arbitrary<Actor> = fc.record({
    userId: fc.constantFrom(...USERS),
    roles: fc.subarray([...ROLES]),
    compoundId: fc.option(fc.constantFrom(...COMPOUNDS), { nil: null }),
  });
  const actorArb: fc.Arbitrary<Actor | 'system'> = fc.oneof(fc.constant('system' as const), personArb);
  const actionArb = fc.constantFrom(...ACTIONS);
  const optsArb = fc.record({ satisfied: fc.boolean() }, { requiredKeys: [] });
  const RUNS = { numRuns: 3000 };

  it('decide never throws and always answers ok with a state, or FORBIDDEN/CONFLICT with a message', () => {
    fc.assert(
      fc.property(factsArb, actionArb, actorArb, optsArb, (r, action, actor, opts) => {
        const v = decide(r, action, actor, opts);
        if (v.ok) expect(STATES).toContain(v.to);
        else {
          expect(['FORBIDDEN', 'CONFLICT']).toContain(v.code);
          expect(v.message.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  it('an allowed action lands where the hand-written table says, and moves the request unless it is a note', () => {
    fc.assert(
      fc.property(factsArb, actionArb, actorArb, optsArb, (r, action, actor, opts) => {
        const v = decide(r, action, actor, opts);
        if (!v.ok) return;
        expect(STATES).toContain(v.to);
        if (action === 'note') {
          expect(v.to).toBe(r.state);
          return;
        }
        const expected = action === 'confirm' && !opts.satisfied ? 'reopened' : LEADS_TO[action][r.state];
        expect([action, r.state, v.to]).toEqual([action, r.state, expected]);
        // the transitions that keep the state: escalating an escalated request raises its level, and
        // 转派 of one still waiting hands it to another party
        if (v.to === r.state && action === 'transfer') {
          expect(r.state).toBe('submitted');
        } else if (v.to === r.state) {
          expect([action, r.state]).toEqual(['escalate', 'escalated']);
          expect(r.escalationLevel).toBeLessThan(MAX_ESCALATION);
        }
      }),
      RUNS,
    );
  });

  it('a finished request only leaves through reopen (closed, rejected), and a withdrawn one never leaves', () => {
    const finishedArb = factsArb.chain((r) => fc.constantFrom(...TERMINAL).map((state) => ({ ...r, state })));
    fc.assert(
      fc.property(finishedArb, actionArb, actorArb, optsArb, (r, action, actor, opts) => {
        const v = decide(r, action, actor, opts);
        if (!v.ok) return;
        expect(r.state).not.toBe('withdrawn');
        expect(action).toBe('reopen');
        expect(v.to).toBe('reopened');
      }),
      RUNS,
    );
  });

  it('who may try a transition does not depend on the state (FORBIDDEN comes before CONFLICT)', () => {
    fc.assert(
      fc.property(factsArb, actionArb.filter((a) => a !== 'note'), actorArb, (r, action, actor) => {
        const forbidden = STATES.map((state) => outcome(decide({ ...r, state }, action, actor)) === 'FORBIDDEN');
        expect(new Set(forbidden).size).toBe(1);
      }),
      { numRuns: 1000 },
    );
  });

  it('the scheduler only ever escalates or auto-closes', () => {
    fc.assert(
      fc.property(factsArb, actionArb, optsArb, (r, action, opts) => {
        if (decide(r, action, 'system', opts).ok) expect(['escalate', 'autoClose']).toContain(action);
      }),
      RUNS,
    );
  });

  it('only the reporter confirms or withdraws', () => {
    fc.assert(
      fc.property(factsArb, fc.constantFrom<RequestAction>('confirm', 'withdraw'), actorArb, optsArb, (r, action, actor, opts) => {
        if (decide(r, action, actor, opts).ok) expect(actor !== 'system' && actor.userId === r.reporterId).toBe(true);
      }),
      RUNS,
    );
  });

  it('someone from another compound (not an officer, not the reporter or assignee) never gets anything but a claim through', () => {
    fc.assert(
      fc.property(factsArb, actionArb.filter((a) => a !== 'claim'), personArb, optsArb, (r, action, person, opts) => {
        fc.pre(person.compoundId !== r.compoundId && !person.roles.includes('officer'));
        fc.pre(person.userId !== r.reporterId && person.userId !== r.assigneeId);
        expect(decide(r, action, person, opts).ok).toBe(false);
      }),
      RUNS,
    );
  });

  it('an officer (without compound staff roles) answers only from escalation level 2, and only in their scope', () => {
    fc.assert(
      fc.property(factsArb, personArb, (r, person) => {
        const officer: Actor = { ...person, roles: [...person.roles.filter((x) => x === 'resident' || x === 'member'), 'officer'] };
        expect(isResponsible(r, officer)).toBe(r.escalationLevel >= 2 && officer.compoundId === r.compoundId);
      }),
      RUNS,
    );
  });

  it('isOverdue is "open and strictly past the deadline"', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATES), fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: -1e9, max: 1e9 }), (state, due, delta) => {
        const overdue = isOverdue({ state, dueAt: new Date(due) }, new Date(due + delta));
        expect(overdue).toBe(OPEN_STATES.includes(state) && delta > 0);
      }),
      RUNS,
    );
  });
});

describe('转派 (issue 11 item 9)', () => {
  const req = (over: Partial<Parameters<typeof transferTargets>[0]> = {}) => ({ category: 'repair' as const, handlers: ['property', 'grid'] as Handler[], gridUserIds: ['u-grid'], escalationLevel: 0, ...over });

  it('offers the property company and the committee always, the grid only with a building grid, the hall only for 求助', () => {
    expect(transferTargets(req())).toEqual(['grid', 'property', 'committee']);
    expect(transferTargets(req({ gridUserIds: [] }))).toEqual(['property', 'committee']);
    expect(transferTargets(req({ category: 'help', handlers: ['hall', 'grid'] }))).toEqual(['grid', 'property', 'committee', 'hall']);
  });

  it('never to whoever alone holds it now', () => {
    expect(transferTargets(req({ handlers: ['property'] }))).toEqual(['grid', 'committee']);
    expect(transferTargets(req({ handlers: ['committee'], gridUserIds: [] }))).toEqual(['property']);
    // escalated, the branch holds it: back down to the grid as well
    expect(transferTargets(req({ handlers: ['grid'], escalationLevel: 1 }))).toEqual(['grid', 'property', 'committee']);
  });

  it('is a conflict while a volunteer works on a claimed task, and refused to anyone who does not answer for it', () => {
    const held = request({ state: 'in_progress', handlers: ['hall', 'grid'], assigneeId: PEOPLE.member.userId });
    expect(outcome(decide(held, 'transfer', PEOPLE.branch))).toBe('CONFLICT');
    expect(outcome(decide(request({ state: 'accepted' }), 'transfer', PEOPLE.reporter))).toBe('FORBIDDEN');
    expect(outcome(decide(request({ state: 'closed' }), 'transfer', PEOPLE.branch))).toBe('CONFLICT');
  });
});

describe('what a finished or returned request shows (issue 11 item 9)', () => {
  it('has a live deadline only while someone must act on it', () => {
    for (const s of STATES) expect(hasLiveDeadline(s)).toBe(OPEN_STATES.includes(s));
    expect(hasLiveDeadline('withdrawn')).toBe(false);
    expect(hasLiveDeadline('reopened')).toBe(true);
  });

  it('reads a rating as the verdict only on a closed request', () => {
    expect(ratingWords('closed', true)).toEqual({ label: '评价', note: '反映人认为问题已解决' });
    expect(ratingWords('closed', false)).toEqual({ label: '评价', note: '反映人认为问题没解决' });
    expect(ratingWords('closed', null)).toEqual({ label: '评价', note: null });
    for (const s of ['reopened', 'escalated', 'in_progress'] as const) expect(ratingWords(s, true)).toEqual({ label: '上次评价', note: '评价不满意，已退回重新办理' });
  });
});
