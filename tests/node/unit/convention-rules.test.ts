// 公约与表决: the pure convention domain — the tally as the law counts it, the phases, the rule a vote
// runs under, areas, article diffs and voting windows. The expectations are written from DESIGN §4.3
// and domain-rules §1 (民法典 art. 278; 居委会组织法 art. 9; 最高法 建筑物区分所有权解释 art. 8–9), not
// copied from the module: every fixture below was computed by hand, and the property tests compare
// `tally` with a second, naive count that decides thresholds by exact BigInt "smallest count
// needed" arithmetic instead of the module's cross-multiplication.
import fc from 'fast-check';
import { JURISDICTIONS, JURISDICTION_KEYS, officialSystemFor } from '@core/convention/rules';
import {
  CHOICES,
  CONVENTION_KINDS,
  MAX_VOTING_MS,
  MIN_VOTING_MS,
  PHASES,
  PHASE_LABELS,
  VOTE_RULES,
  areaUnits,
  defaultRule,
  diffArticles,
  effectiveRule,
  formatArea,
  meets,
  nextPhase,
  paperEntryOpen,
  ruleTooWeak,
  tally,
  votingOpen,
  votingWindowProblem,
  withNonVoters,
  type Article,
  type Choice,
  type ConventionKind,
  type Criterion,
  type Phase,
  type PhaseAction,
  type RegisterEntry,
  type TallyBallot,
  type TallyResult,
  type Totals,
  type VoteRule,
} from '@core/convention/rules';

// ---- fixtures ---------------------------------------------------------------------------------------

/**
 * A register and its ballots from one line per voter key: [area in 0.01 m², choice or null for
 * "did not vote"]. Keys are o:1, o:2, … in order.
 */
type Line = readonly [area: number, choice: Choice | null];
function vote(lines: readonly Line[]): { register: RegisterEntry[]; ballots: TallyBallot[] } {
  const register = lines.map(([area], i) => ({ key: `o:${i + 1}`, area }));
  const ballots = lines.flatMap(([, choice], i) => (choice ? [{ key: `o:${i + 1}`, choice }] : []));
  return { register, ballots };
}
const times = (n: number, line: Line): Line[] => Array.from({ length: n }, () => line);

type Met = Partial<Record<Criterion['key'], boolean>>;
const metOf = (r: TallyResult): Met => Object.fromEntries(r.criteria.map((c) => [c.key, c.met]));
const figuresOf = (r: TallyResult): Record<string, [number, number]> =>
  Object.fromEntries(r.criteria.map((c) => [c.key, [c.numerator, c.denominator]]));

const ZERO: Totals = {
  electorateHeads: 0,
  electorateArea: 0,
  partHeads: 0,
  partArea: 0,
  agreeHeads: 0,
  agreeArea: 0,
  disagreeHeads: 0,
  disagreeArea: 0,
  abstainHeads: 0,
  abstainArea: 0,
};

const CIVIL_CODE = /民法典.*第二百七十八条/;
const RESIDENTS_LAW = /城市居民委员会组织法/;

function expectOwnersShape(r: TallyResult, rule: 'owners_ordinary' | 'owners_major') {
  expect(r.rule).toBe(rule);
  expect(r.binding).toBe(true);
  expect(r.basis).toMatch(CIVIL_CODE);
  expect(r.basis).toMatch(rule === 'owners_major' ? /四分之三/ : /过半数/);
  expect(r.criteria.map((c) => c.key)).toEqual(['quorumArea', 'quorumHeads', 'agreeArea', 'agreeHeads']);
  for (const c of r.criteria) expect(c.basis).toMatch(/民法典/);
  const th = Object.fromEntries(r.criteria.map((c) => [c.key, c.threshold]));
  expect(th.quorumArea).toEqual({ num: 2, den: 3, op: '≥' });
  expect(th.quorumHeads).toEqual({ num: 2, den: 3, op: '≥' });
  const pass = rule === 'owners_major' ? { num: 3, den: 4, op: '≥' } : { num: 1, den: 2, op: '>' };
  expect(th.agreeArea).toEqual(pass);
  expect(th.agreeHeads).toEqual(pass);
}

function expectResidentsShape(r: TallyResult) {
  expect(r.rule).toBe('residents_meeting');
  expect(r.binding).toBe(true);
  expect(r.basis).toMatch(RESIDENTS_LAW);
  expect(r.basis).not.toMatch(/民法典/);
  expect(r.criteria.map((c) => c.key)).toEqual(['quorumHeads', 'agreeHeads']);
  for (const c of r.criteria) {
    expect(c.basis).toMatch(RESIDENTS_LAW);
    expect(c.threshold).toEqual({ num: 1, den: 2, op: '>' });
  }
}

// ---- 1. every boundary of every rule, each criterion failing alone ---------------------------------

describe('owners_ordinary (民法典 art. 278: ≥ 2/3 area and heads take part; > 1/2 of both agree)', () => {
  it('exactly 2/3 of the exclusive area taking part meets the quorum (≥)', () => {
    // five owners of 40.00 m² vote, one of 100.00 m² does not: 200.00 / 300.00 = 2/3 exactly
    const { register, ballots } = vote([...times(5, [4000, 'agree']), [10000, null]]);
    const r = tally('owners_ordinary', register, ballots);
    expectOwnersShape(r, 'owners_ordinary');
    expect(figuresOf(r)).toEqual({ quorumArea: [20000, 30000], quorumHeads: [5, 6], agreeArea: [20000, 20000], agreeHeads: [5, 5] });
    expect(metOf(r)).toEqual({ quorumArea: true, quorumHeads: true, agreeArea: true, agreeHeads: true });
    expect(r.quorumMet).toBe(true);
    expect(r.passed).toBe(true);
  });

  it('one hundredth of a m² below 2/3 of the area fails the quorum, and the vote with it', () => {
    const { register, ballots } = vote([[3999, 'agree'], ...times(4, [4000, 'agree']), [10001, null]]);
    const r = tally('owners_ordinary', register, ballots);
    expectOwnersShape(r, 'owners_ordinary');
    expect(figuresOf(r).quorumArea).toEqual([19999, 30000]);
    expect(metOf(r)).toEqual({ quorumArea: false, quorumHeads: true, agreeArea: true, agreeHeads: true });
    expect(r.quorumMet).toBe(false);
    expect(r.passed).toBe(false);
  });

  it('exactly 2/3 of the owners taking part meets the quorum; one owner fewer does not', () => {
    // 4 of 6 owners, holding almost all the area
    const at = vote([...times(4, [10000, 'agree']), ...times(2, [100, null])]);
    const r = tally('owners_ordinary', at.register, at.ballots);
    expect(figuresOf(r).quorumHeads).toEqual([4, 6]);
    expect(figuresOf(r).quorumArea).toEqual([40000, 40200]);
    expect(metOf(r)).toEqual({ quorumArea: true, quorumHeads: true, agreeArea: true, agreeHeads: true });
    expect([r.quorumMet, r.passed]).toEqual([true, true]);

    const below = vote([...times(3, [10000, 'agree']), ...times(3, [100, null])]);
    const s = tally('owners_ordinary', below.register, below.ballots);
    expect(figuresOf(s).quorumHeads).toEqual([3, 6]);
    expect(figuresOf(s).quorumArea).toEqual([30000, 30300]);
    expect(metOf(s)).toEqual({ quorumArea: true, quorumHeads: false, agreeArea: true, agreeHeads: true });
    expect([s.quorumMet, s.passed]).toEqual([false, false]);
  });

  it('200 of 300 owners is 2/3 exactly (met); 199 of 300 is not', () => {
    for (const [voters, met] of [[200, true], [199, false]] as const) {
      const { register, ballots } = vote([...times(voters, [1000, 'agree']), ...times(300 - voters, [10, null])]);
      const r = tally('owners_ordinary', register, ballots);
      expect(figuresOf(r).quorumHeads).toEqual([voters, 300]);
      expect(metOf(r)).toEqual({ quorumArea: true, quorumHeads: met, agreeArea: true, agreeHeads: true });
      expect(r.quorumMet).toBe(met);
      expect(r.passed).toBe(met);
    }
  });

  it('exactly half of the participating area agreeing is not enough (> 1/2); one hundredth more is', () => {
    // everyone votes; 4 owners (150.00 m²) agree, 2 owners (150.00 m²) disagree
    const half = vote([...times(4, [3750, 'agree']), ...times(2, [7500, 'disagree'])]);
    const r = tally('owners_ordinary', half.register, half.ballots);
    expectOwnersShape(r, 'owners_ordinary');
    expect(figuresOf(r)).toEqual({ quorumArea: [30000, 30000], quorumHeads: [6, 6], agreeArea: [15000, 30000], agreeHeads: [4, 6] });
    expect(metOf(r)).toEqual({ quorumArea: true, quorumHeads: true, agreeArea: false, agreeHeads: true });
    expect([r.quorumMet, r.passed]).toEqual([true, false]);

    const above = vote([...times(3, [3750, 'agree']), [3751, 'agree'], [7500, 'disagree'], [7499, 'disagree']]);
    const s = tally('owners_ordinary', above.register, above.ballots);
    expect(figuresOf(s).agreeArea).toEqual([15001, 30000]);
    expect(metOf(s)).toEqual({ quorumArea: true, quorumHeads: true, agreeArea: true, agreeHeads: true });
    expect([s.quorumMet, s.passed]).toEqual([true, true]);
  });

  it('exactly half of the participating owners agreeing is not enough; 4 of 7 is', () => {
    const half = vote([...times(3, [8000, 'agree']), ...times(3, [2000, 'disagree'])]);
    const r = tally('owners_ordinary', half.register, half.ballots);
    expect(figuresOf(r)).toEqual({ quorumArea: [30000, 30000], quorumHeads: [6, 6], agreeArea: [24000, 30000], agreeHeads: [3, 6] });
    expect(metOf(r)).toEqual({ quorumArea: true, quorumHeads: true, agreeArea: true, agreeHeads: false });
    expect([r.quorumMet, r.passed]).toEqual([true, false]);

    const above = vote([...times(3, [8000, 'agree']), [2000, 'agree'], ...times(3, [2000, 'disagree'])]);
    const s = tally('owners_ordinary', above.register, above.ballots);
    expect(figuresOf(s).agreeHeads).toEqual([4, 7]);
    expect(figuresOf(s).agreeArea).toEqual([26000, 32000]);
    expect(metOf(s)).toEqual({ quorumArea: true, quorumHeads: true, agreeArea: true, agreeHeads: true });
    expect([s.quorumMet, s.passed]).toEqual([true, true]);
  });

  it('abstentions count as taking part and against agreement: abstaining can sink what staying home would pass', () => {
    const abstained = vote([...times(3, [5000, 'agree']), [5000, 'disagree'], ...times(2, [5000, 'abstain'])]);
    const r = tally('owners_ordinary', abstained.register, abstained.ballots);
    expect(r.totals).toEqual({
      electorateHeads: 6,
      electorateArea: 30000,
      partHeads: 6,
      partArea: 30000,
      agreeHeads: 3,
      agreeArea: 15000,
      disagreeHeads: 1,
      disagreeArea: 5000,
      abstainHeads: 2,
      abstainArea: 10000,
    });
    expect(metOf(r)).toEqual({ quorumArea: true, quorumHeads: true, agreeArea: false, agreeHeads: false });
    expect(r.passed).toBe(false);

    // the same two owners staying home: 4 of 6 and 200.00 of 300.00 m² take part (2/3 exactly), 3 of 4 agree
    const stayedHome = vote([...times(3, [5000, 'agree']), [5000, 'disagree'], ...times(2, [5000, null])]);
    const s = tally('owners_ordinary', stayedHome.register, stayedHome.ballots);
    expect(figuresOf(s)).toEqual({ quorumArea: [20000, 30000], quorumHeads: [4, 6], agreeArea: [15000, 20000], agreeHeads: [3, 4] });
    expect(s.passed).toBe(true);
  });
});

describe('owners_major (民法典 art. 278 items 6–8: ≥ 3/4 of participating area and heads agree)', () => {
  it('exactly 3/4 of the participating area agreeing passes; one hundredth less does not', () => {
    // 7 agree with 300.00 m², 1 disagrees with 100.00 m²
    const at = vote([...times(6, [4300, 'agree']), [4200, 'agree'], [10000, 'disagree']]);
    const r = tally('owners_major', at.register, at.ballots);
    expectOwnersShape(r, 'owners_major');
    expect(figuresOf(r)).toEqual({ quorumArea: [40000, 40000], quorumHeads: [8, 8], agreeArea: [30000, 40000], agreeHeads: [7, 8] });
    expect(metOf(r)).toEqual({ quorumArea: true, quorumHeads: true, agreeArea: true, agreeHeads: true });
    expect([r.quorumMet, r.passed]).toEqual([true, true]);

    const below = vote([...times(6, [4300, 'agree']), [4199, 'agree'], [10001, 'disagree']]);
    const s = tally('owners_major', below.register, below.ballots);
    expect(figuresOf(s).agreeArea).toEqual([29999, 40000]);
    expect(metOf(s)).toEqual({ quorumArea: true, quorumHeads: true, agreeArea: false, agreeHeads: true });
    expect([s.quorumMet, s.passed]).toEqual([true, false]);
  });

  it('exactly 3/4 of the participating owners agreeing passes; 5 of 8 does not', () => {
    const at = vote([...times(6, [6000, 'agree']), ...times(2, [2000, 'disagree'])]);
    const r = tally('owners_major', at.register, at.ballots);
    expect(figuresOf(r)).toEqual({ quorumArea: [40000, 40000], quorumHeads: [8, 8], agreeArea: [36000, 40000], agreeHeads: [6, 8] });
    expect(metOf(r)).toEqual({ quorumArea: true, quorumHeads: true, agreeArea: true, agreeHeads: true });
    expect([r.quorumMet, r.passed]).toEqual([true, true]);

    const below = vote([...times(5, [7200, 'agree']), [1333, 'disagree'], [1333, 'disagree'], [1334, 'disagree']]);
    const s = tally('owners_major', below.register, below.ballots);
    expect(figuresOf(s).agreeHeads).toEqual([5, 8]);
    expect(figuresOf(s).agreeArea).toEqual([36000, 40000]);
    expect(metOf(s)).toEqual({ quorumArea: true, quorumHeads: true, agreeArea: true, agreeHeads: false });
    expect([s.quorumMet, s.passed]).toEqual([true, false]);
  });

  it('225 of 300 participating owners is 3/4 exactly (met); 224 is not', () => {
    for (const [agree, met] of [[225, true], [224, false]] as const) {
      const { register, ballots } = vote([...times(agree, [1000, 'agree']), ...times(300 - agree, [1, 'disagree'])]);
      const r = tally('owners_major', register, ballots);
      expect(figuresOf(r).agreeHeads).toEqual([agree, 300]);
      expect(metOf(r)).toEqual({ quorumArea: true, quorumHeads: true, agreeArea: true, agreeHeads: met });
      expect(r.passed).toBe(met);
    }
  });

  it('the quorum is the same 2/3 as for ordinary matters', () => {
    const at = vote([...times(5, [4000, 'agree']), [10000, null]]);
    expect(metOf(tally('owners_major', at.register, at.ballots))).toEqual({ quorumArea: true, quorumHeads: true, agreeArea: true, agreeHeads: true });
    const below = vote([[3999, 'agree'], ...times(4, [4000, 'agree']), [10001, null]]);
    const s = tally('owners_major', below.register, below.ballots);
    expect(metOf(s)).toEqual({ quorumArea: false, quorumHeads: true, agreeArea: true, agreeHeads: true });
    expect([s.quorumMet, s.passed]).toEqual([false, false]);
  });

  it('a two-thirds majority carries an ordinary matter but not a major one', () => {
    const { register, ballots } = vote([...times(4, [5000, 'agree']), ...times(2, [5000, 'disagree'])]);
    expect(tally('owners_ordinary', register, ballots).passed).toBe(true);
    const r = tally('owners_major', register, ballots);
    expect(metOf(r)).toEqual({ quorumArea: true, quorumHeads: true, agreeArea: false, agreeHeads: false });
    expect(r.passed).toBe(false);
  });
});

describe('residents_meeting (居委会组织法 art. 9: > 1/2 of the electorate attends, > 1/2 of them agree)', () => {
  const residents = (lines: ReadonlyArray<Choice | null>) => vote(lines.map((c) => [0, c] as const));

  it('exactly half of the electorate taking part is no quorum; half + 1 is', () => {
    const half = residents([...Array<Choice>(5).fill('agree'), ...Array<null>(5).fill(null)]);
    const r = tally('residents_meeting', half.register, half.ballots);
    expectResidentsShape(r);
    expect(figuresOf(r)).toEqual({ quorumHeads: [5, 10], agreeHeads: [5, 5] });
    expect(metOf(r)).toEqual({ quorumHeads: false, agreeHeads: true });
    expect([r.quorumMet, r.passed]).toEqual([false, false]);

    const more = residents([...Array<Choice>(6).fill('agree'), ...Array<null>(4).fill(null)]);
    const s = tally('residents_meeting', more.register, more.ballots);
    expect(figuresOf(s)).toEqual({ quorumHeads: [6, 10], agreeHeads: [6, 6] });
    expect(metOf(s)).toEqual({ quorumHeads: true, agreeHeads: true });
    expect([s.quorumMet, s.passed]).toEqual([true, true]);
  });

  it('exactly half of the participants agreeing is not enough (an abstention counts against); 4 of 6 is', () => {
    const half = residents(['agree', 'agree', 'agree', 'disagree', 'disagree', 'abstain', null, null, null, null]);
    const r = tally('residents_meeting', half.register, half.ballots);
    expectResidentsShape(r);
    expect(figuresOf(r)).toEqual({ quorumHeads: [6, 10], agreeHeads: [3, 6] });
    expect(metOf(r)).toEqual({ quorumHeads: true, agreeHeads: false });
    expect([r.quorumMet, r.passed]).toEqual([true, false]);

    const more = residents(['agree', 'agree', 'agree', 'agree', 'disagree', 'abstain', null, null, null, null]);
    const s = tally('residents_meeting', more.register, more.ballots);
    expect(metOf(s)).toEqual({ quorumHeads: true, agreeHeads: true });
    expect([s.quorumMet, s.passed]).toEqual([true, true]);
  });

  it('counts heads only: no area is weighed, however large', () => {
    // households registered with their areas: the big one agreeing does not outweigh two small ones
    const { register, ballots } = vote([[100000, 'agree'], [5000, 'disagree'], [5000, 'disagree']]);
    const r = tally('residents_meeting', register, ballots);
    expect(figuresOf(r)).toEqual({ quorumHeads: [3, 3], agreeHeads: [1, 3] });
    expect(r.passed).toBe(false);
  });
});

describe('consultation (征求意见: reported, binds nothing)', () => {
  it('even unanimous agreement by everyone is not a decision', () => {
    const { register, ballots } = vote(times(5, [5000, 'agree']));
    const r = tally('consultation', register, ballots);
    expect(r).toMatchObject({ rule: 'consultation', binding: false, passed: false, quorumMet: false, criteria: [], ignored: 0 });
    expect(r.basis).toMatch(/征求意见/);
    expect(r.basis).not.toMatch(/民法典|组织法/);
    // the opinions are still counted and reported
    expect(r.totals).toEqual({ ...ZERO, electorateHeads: 5, electorateArea: 25000, partHeads: 5, partArea: 25000, agreeHeads: 5, agreeArea: 25000 });
  });
});

// ---- 2. the shapes of the register and of the ballots ----------------------------------------------

describe('who counts, and how often (建筑物区分所有权解释 art. 8–9)', () => {
  it('an owner of several units is one register entry with the areas summed, and one head', () => {
    // 王 owns 502 (89.57 m²) and 503 (120.34 m²); 李 and 赵 own one flat each
    const register: RegisterEntry[] = [
      { key: 'o:wang', area: 8957 + 12034 },
      { key: 'o:li', area: 9000 },
      { key: 'o:zhao', area: 9000 },
    ];
    const r = tally('owners_ordinary', register, [{ key: 'o:wang', choice: 'agree' }]);
    expect(r.totals).toMatchObject({ electorateHeads: 3, electorateArea: 38991, partHeads: 1, partArea: 20991, agreeHeads: 1, agreeArea: 20991 });
    // more than half the area, but one head of three: no quorum
    expect(metOf(r)).toMatchObject({ quorumArea: false, quorumHeads: false });

    const both = tally('owners_ordinary', register, [
      { key: 'o:wang', choice: 'agree' },
      { key: 'o:li', choice: 'disagree' },
    ]);
    // 2 of 3 heads and 299.91 of 389.91 m² take part; 王's area carries the area test but not the heads
    expect(figuresOf(both)).toEqual({ quorumArea: [29991, 38991], quorumHeads: [2, 3], agreeArea: [20991, 29991], agreeHeads: [1, 2] });
    expect(metOf(both)).toEqual({ quorumArea: true, quorumHeads: true, agreeArea: true, agreeHeads: false });
    expect(both.passed).toBe(false);
  });

  it("a snapshot with one row per unit carrying the key's summed area counts the key once, not twice", () => {
    // VoteRegisterDoc rows: each of 王's units carries keyArea, the whole key's area
    const register: RegisterEntry[] = [
      { key: 'o:wang', area: 20991 },
      { key: 'o:wang', area: 20991 },
      { key: 'o:li', area: 9000 },
    ];
    const r = tally('owners_ordinary', register, [{ key: 'o:wang', choice: 'agree' }]);
    expect(r.totals).toMatchObject({ electorateHeads: 2, electorateArea: 29991, partHeads: 1, partArea: 20991 });
  });

  it("the developer's unsold units together are one entry and one head", () => {
    const register: RegisterEntry[] = [
      { key: 'o:developer', area: 12000 * 10 }, // ten unsold flats
      { key: 'o:a', area: 12000 },
      { key: 'o:b', area: 12000 },
    ];
    const r = tally('owners_ordinary', register, [{ key: 'o:developer', choice: 'agree' }]);
    expect(r.totals).toMatchObject({ electorateHeads: 3, electorateArea: 144000, partHeads: 1, partArea: 120000, agreeHeads: 1 });
    expect(metOf(r)).toEqual({ quorumArea: true, quorumHeads: false, agreeArea: true, agreeHeads: true });
    expect(r.passed).toBe(false);
  });

  it('co-owners share one ballot: a second ballot for the same key is ignored and the first counts', () => {
    const register: RegisterEntry[] = [
      { key: 'h:502', area: 8957 },
      { key: 'h:503', area: 9000 },
    ];
    const r = tally('owners_ordinary', register, [
      { key: 'h:502', choice: 'agree' }, // 张 (co-owner)
      { key: 'h:502', choice: 'disagree' }, // 张's spouse
      { key: 'h:502', choice: 'abstain' },
      { key: 'h:503', choice: 'disagree' },
    ]);
    expect(r.ignored).toBe(2);
    expect(r.totals).toEqual({
      electorateHeads: 2,
      electorateArea: 17957,
      partHeads: 2,
      partArea: 17957,
      agreeHeads: 1,
      agreeArea: 8957,
      disagreeHeads: 1,
      disagreeArea: 9000,
      abstainHeads: 0,
      abstainArea: 0,
    });
  });

  it('ballots for keys not in the register are never counted', () => {
    const register: RegisterEntry[] = [{ key: 'o:a', area: 10000 }];
    const r = tally('owners_ordinary', register, [
      { key: 'o:stranger', choice: 'agree' },
      { key: 'O:A', choice: 'agree' }, // keys are exact
      { key: 'o:a', choice: 'disagree' },
    ]);
    expect(r.ignored).toBe(2);
    expect(r.totals).toEqual({ ...ZERO, electorateHeads: 1, electorateArea: 10000, partHeads: 1, partArea: 10000, disagreeHeads: 1, disagreeArea: 10000 });
    expect(r.passed).toBe(false);
  });

  it('an empty register, or no ballots, meets nothing and divides by nothing', () => {
    for (const rule of VOTE_RULES) {
      const empty = tally(rule, [], []);
      expect(empty.totals).toEqual(ZERO);
      expect(empty.criteria.every((c) => !c.met)).toBe(true);
      expect([empty.quorumMet, empty.passed, empty.ignored]).toEqual([false, false, 0]);

      const strangersOnly = tally(rule, [], [{ key: 'o:x', choice: 'agree' }]);
      expect(strangersOnly.totals).toEqual(ZERO);
      expect([strangersOnly.passed, strangersOnly.ignored]).toEqual([false, 1]);

      const nobodyVoted = tally(rule, vote(times(3, [5000, null])).register, []);
      expect(nobodyVoted.totals).toEqual({ ...ZERO, electorateHeads: 3, electorateArea: 15000 });
      expect(nobodyVoted.criteria.every((c) => !c.met)).toBe(true);
      expect([nobodyVoted.quorumMet, nobodyVoted.passed]).toEqual([false, false]);
      for (const c of nobodyVoted.criteria) expect(Number.isFinite(c.numerator) && Number.isFinite(c.denominator)).toBe(true);
    }
  });

  it('owners whose register area is all zero cannot meet an area test', () => {
    const { register, ballots } = vote(times(3, [0, 'agree']));
    const r = tally('owners_ordinary', register, ballots);
    expect(metOf(r)).toEqual({ quorumArea: false, quorumHeads: true, agreeArea: false, agreeHeads: true });
    expect(r.passed).toBe(false);
  });
});

describe('meets (n/d against a threshold)', () => {
  it('compares exactly at and around the thresholds', () => {
    const ge23 = { num: 2, den: 3, op: '≥' } as const;
    const gt12 = { num: 1, den: 2, op: '>' } as const;
    const ge34 = { num: 3, den: 4, op: '≥' } as const;
    expect([meets(2, 3, ge23), meets(1999999, 3000000, ge23), meets(2000000, 3000000, ge23)]).toEqual([true, false, true]);
    expect([meets(1, 2, gt12), meets(5000001, 10000000, gt12), meets(0, 1, gt12)]).toEqual([false, true, false]);
    expect([meets(3, 4, ge34), meets(74, 99, ge34), meets(75, 100, ge34)]).toEqual([true, false, true]);
    expect(meets(0, 0, ge23)).toBe(false);
    expect(meets(5, 0, gt12)).toBe(false);
  });

  it('refuses figures too large to compare exactly instead of rounding', () => {
    expect(() => meets(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, { num: 2, den: 3, op: '≥' })).toThrow(RangeError);
  });
});

describe('withNonVoters (从多: a separate, labelled figure only)', () => {
  it('adds the non-voters to the side most voters took, by heads; a tie adds them nowhere', () => {
    const t: Totals = { ...ZERO, electorateHeads: 10, electorateArea: 1000, partHeads: 5, partArea: 500, agreeHeads: 3, agreeArea: 200, disagreeHeads: 2, disagreeArea: 300 };
    const agree = withNonVoters(t);
    expect(agree).toMatchObject({ side: 'agree', agreeHeads: 8, agreeArea: 700 });
    expect(agree.label).toMatch(/仅供参考/);
    expect(withNonVoters({ ...t, agreeHeads: 2, disagreeHeads: 3 })).toMatchObject({ side: 'disagree', agreeHeads: 2, agreeArea: 200 });
    expect(withNonVoters({ ...t, agreeHeads: 2, disagreeHeads: 2, abstainHeads: 1 })).toMatchObject({ side: null, agreeHeads: 2, agreeArea: 200 });
  });
});

// ---- 3. against a naive second count, and invariants ------------------------------------------------

/** The law's thresholds, as the smallest count that satisfies them (exact, in BigInt). */
type Law = 'twoThirdsOrMore' | 'moreThanHalf' | 'threeQuartersOrMore';
function naiveMet(count: number, of: number, law: Law): boolean {
  if (of === 0) return false; // nobody to count: no test can be met
  const n = BigInt(count);
  const d = BigInt(of);
  const ceil = (a: bigint, b: bigint) => (a + b - 1n) / b;
  if (law === 'twoThirdsOrMore') return n >= ceil(2n * d, 3n);
  if (law === 'threeQuartersOrMore') return n >= ceil(3n * d, 4n);
  return n > d / 2n; // more than half: strictly above floor(d/2)
}

interface Naive {
  totals: Totals;
  ignored: number;
  met: Met;
  quorumMet: boolean;
  passed: boolean;
}
function naiveTally(rule: VoteRule, register: readonly RegisterEntry[], ballots: readonly TallyBallot[]): Naive {
  const areaOf: Record<string, number> = Object.create(null);
  for (const e of register) if (!(e.key in areaOf)) areaOf[e.key] = e.area;
  const keys = Object.keys(areaOf);
  const choiceOf: Record<string, Choice> = Object.create(null);
  let ignored = 0;
  for (const b of ballots) {
    if (!(b.key in areaOf) || b.key in choiceOf) ignored += 1;
    else choiceOf[b.key] = b.choice;
  }
  const voted = keys.filter((k) => k in choiceOf);
  const sum = (ks: string[]) => ks.reduce((s, k) => s + areaOf[k], 0);
  const by = (c: Choice) => voted.filter((k) => choiceOf[k] === c);
  const totals: Totals = {
    electorateHeads: keys.length,
    electorateArea: sum(keys),
    partHeads: voted.length,
    partArea: sum(voted),
    agreeHeads: by('agree').length,
    agreeArea: sum(by('agree')),
    disagreeHeads: by('disagree').length,
    disagreeArea: sum(by('disagree')),
    abstainHeads: by('abstain').length,
    abstainArea: sum(by('abstain')),
  };
  const t = totals;
  let met: Met = {};
  if (rule === 'residents_meeting') {
    met = { quorumHeads: naiveMet(t.partHeads, t.electorateHeads, 'moreThanHalf'), agreeHeads: naiveMet(t.agreeHeads, t.partHeads, 'moreThanHalf') };
  } else if (rule !== 'consultation') {
    const pass: Law = rule === 'owners_major' ? 'threeQuartersOrMore' : 'moreThanHalf';
    met = {
      quorumArea: naiveMet(t.partArea, t.electorateArea, 'twoThirdsOrMore'),
      quorumHeads: naiveMet(t.partHeads, t.electorateHeads, 'twoThirdsOrMore'),
      agreeArea: naiveMet(t.agreeArea, t.partArea, pass),
      agreeHeads: naiveMet(t.agreeHeads, t.partHeads, pass),
    };
  }
  const quorumMet = rule !== 'consultation' && met.quorumHeads === true && (rule === 'residents_meeting' || met.quorumArea === true);
  const passed = quorumMet && met.agreeHeads === true && (rule === 'residents_meeting' || met.agreeArea === true);
  return { totals, ignored, met, quorumMet, passed };
}

const choiceArb: fc.Arbitrary<Choice> = fc.constantFrom<Choice>('agree', 'agree', 'agree', 'disagree', 'abstain');
const ruleArb = fc.constantFrom<VoteRule>(...VOTE_RULES);

interface Case {
  register: RegisterEntry[];
  ballots: TallyBallot[];
}
/**
 * A register snapshot (one row per unit; rows of one key carry the key's summed area, as
 * VoteRegisterDoc.keyArea does) and ballots: a subset of the keys, co-owners' second ballots and
 * strangers, in any order.
 */
function caseArb(opts: { maxEntries: number; maxArea: number; maxKeyId: number }): fc.Arbitrary<Case> {
  return fc
    .array(fc.record({ id: fc.integer({ min: 0, max: opts.maxKeyId }), area: fc.integer({ min: 1, max: opts.maxArea }) }), { minLength: 1, maxLength: opts.maxEntries })
    .chain((rows) => {
      const keyArea = new Map<number, number>();
      for (const r of rows) if (!keyArea.has(r.id)) keyArea.set(r.id, r.area);
      const register = rows.map((r) => ({ key: `o:${r.id}`, area: keyArea.get(r.id)! }));
      const keys = [...keyArea.keys()].map((id) => `o:${id}`);
      const ballot = (k: fc.Arbitrary<string>) => fc.record({ key: k, choice: choiceArb });
      const perKey = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: keys.length, maxLength: keys.length });
      return fc
        .record({
          // a turnout and a share of agreement per case, so that quorums and majorities are often near their thresholds
          turnout: fc.integer({ min: 0, max: 100 }),
          agreeing: fc.integer({ min: 0, max: 100 }),
          rolls: perKey(fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom<Choice>('disagree', 'abstain'))),
          again: fc.array(ballot(fc.constantFrom(...keys)), { maxLength: 10 }),
          strangers: fc.array(ballot(fc.integer({ min: 0, max: 5 }).map((n) => `x:${n}`)), { maxLength: 5 }),
        })
        .chain(({ turnout, agreeing, rolls, again, strangers }) => {
          const voters = keys.flatMap((key, i) => {
            const [come, agree, otherwise] = rolls[i];
            return come < turnout ? [{ key, choice: agree < agreeing ? ('agree' as const) : otherwise }] : [];
          });
          const all = [...voters, ...again, ...strangers];
          // every ballot is kept; only their order is random
          return fc.shuffledSubarray(all, { minLength: all.length }).map((ballots) => ({ register, ballots }));
        });
    });
}

const bigCases = caseArb({ maxEntries: 300, maxArea: 50000, maxKeyId: 400 });
/** Small registers with tiny areas, where exact ties at 1/2, 2/3 and 3/4 happen all the time. */
const tieCases = caseArb({ maxEntries: 12, maxArea: 4, maxKeyId: 12 });

function expectSameAsNaive(rule: VoteRule, c: Case) {
  const r = tally(rule, c.register, c.ballots);
  const n = naiveTally(rule, c.register, c.ballots);
  expect(r.totals).toEqual(n.totals);
  expect(r.ignored).toBe(n.ignored);
  expect(metOf(r)).toEqual(n.met);
  expect(r.quorumMet).toBe(n.quorumMet);
  expect(r.passed).toBe(n.passed);
  expect(r.binding).toBe(rule !== 'consultation');
}

describe('tally agrees with a naive exact count', () => {
  it('over large random registers and ballot sets, under every rule', () => {
    fc.assert(
      fc.property(ruleArb, bigCases, (rule, c) => expectSameAsNaive(rule, c)),
      { numRuns: 300 },
    );
  });

  it('over tiny registers where the thresholds are hit exactly', () => {
    fc.assert(
      fc.property(ruleArb, tieCases, (rule, c) => expectSameAsNaive(rule, c)),
      { numRuns: 2000 },
    );
  });

  it('the large generator reaches both outcomes under every binding rule (sanity of the test itself)', () => {
    const samples = fc.sample(bigCases, { numRuns: 400, seed: 7 });
    for (const rule of ['residents_meeting', 'owners_ordinary', 'owners_major'] as const) {
      const results = samples.map((c) => tally(rule, c.register, c.ballots));
      const count = (f: (r: TallyResult) => boolean) => results.filter(f).length;
      expect(count((r) => r.passed)).toBeGreaterThan(20);
      expect(count((r) => r.quorumMet && !r.passed)).toBeGreaterThan(20);
      expect(count((r) => !r.quorumMet)).toBeGreaterThan(20);
    }
  });

  it('the tie generator really does hit the boundaries (sanity of the test itself)', () => {
    const samples = fc.sample(tieCases, { numRuns: 2000, seed: 42 });
    const atBoundary = samples.filter((c) => {
      const t = tally('owners_ordinary', c.register, c.ballots).totals;
      return (t.partHeads > 0 && 2 * t.agreeHeads === t.partHeads) || (3 * t.partArea === 2 * t.electorateArea && t.partArea > 0);
    });
    expect(atBoundary.length).toBeGreaterThan(50);
  });
});

describe('tally invariants', () => {
  const anyCase = fc.oneof(bigCases, tieCases);

  it('the figures add up and stay within the electorate', () => {
    fc.assert(
      fc.property(ruleArb, anyCase, (rule, c) => {
        const { totals: t, ignored, quorumMet, passed } = tally(rule, c.register, c.ballots);
        expect(t.partHeads).toBeLessThanOrEqual(t.electorateHeads);
        expect(t.partArea).toBeLessThanOrEqual(t.electorateArea);
        expect(t.agreeHeads + t.disagreeHeads + t.abstainHeads).toBe(t.partHeads);
        expect(t.agreeArea + t.disagreeArea + t.abstainArea).toBe(t.partArea);
        expect(t.partHeads + ignored).toBe(c.ballots.length);
        expect(t.electorateHeads).toBe(new Set(c.register.map((e) => e.key)).size);
        if (passed) expect(quorumMet).toBe(true);
        if (rule === 'consultation') expect([quorumMet, passed]).toEqual([false, false]);
      }),
      { numRuns: 300 },
    );
  });

  it('a major-matter pass is always also an ordinary-matter pass', () => {
    fc.assert(
      fc.property(anyCase, (c) => {
        if (tally('owners_major', c.register, c.ballots).passed) expect(tally('owners_ordinary', c.register, c.ballots).passed).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  /** A register key that has not voted yet, if any. */
  const unvoted = (c: Case) => {
    const voted = new Set(c.ballots.map((b) => b.key));
    return c.register.find((e) => !voted.has(e.key))?.key;
  };

  it('one more agree ballot from an owner who had not voted never undoes a pass or a quorum', () => {
    fc.assert(
      fc.property(ruleArb.filter((r) => r !== 'consultation'), anyCase, (rule, c) => {
        const key = unvoted(c);
        fc.pre(key !== undefined);
        const before = tally(rule, c.register, c.ballots);
        const after = tally(rule, c.register, [...c.ballots, { key: key!, choice: 'agree' }]);
        if (before.passed) expect(after.passed).toBe(true);
        if (before.quorumMet) expect(after.quorumMet).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('one more disagree or abstain ballot never creates agreement (though it can complete the quorum)', () => {
    fc.assert(
      fc.property(ruleArb.filter((r) => r !== 'consultation'), anyCase, fc.constantFrom<Choice>('disagree', 'abstain'), (rule, c, choice) => {
        const key = unvoted(c);
        fc.pre(key !== undefined);
        const before = metOf(tally(rule, c.register, c.ballots));
        const after = tally(rule, c.register, [...c.ballots, { key: key!, choice }]);
        const a = metOf(after);
        if (!before.agreeHeads) expect(a.agreeHeads).toBe(false);
        if (before.agreeArea === false) expect(a.agreeArea).toBe(false);
        if (before.quorumHeads) expect(a.quorumHeads).toBe(true);
        if (before.quorumArea) expect(a.quorumArea).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('turning a disagree into an agree never undoes a pass', () => {
    fc.assert(
      fc.property(ruleArb, anyCase, fc.nat(), (rule, c, pick) => {
        const i = c.ballots.findIndex((b, k) => k >= pick % Math.max(1, c.ballots.length) && b.choice === 'disagree');
        fc.pre(i >= 0);
        const changed = c.ballots.map((b, k) => (k === i ? { ...b, choice: 'agree' as const } : b));
        if (tally(rule, c.register, c.ballots).passed) expect(tally(rule, c.register, changed).passed).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('an abstention weighs exactly as a vote against: swapping them changes no decision', () => {
    fc.assert(
      fc.property(ruleArb, anyCase, (rule, c) => {
        const swap: Record<Choice, Choice> = { agree: 'agree', disagree: 'abstain', abstain: 'disagree' };
        const r = tally(rule, c.register, c.ballots);
        const s = tally(rule, c.register, c.ballots.map((b) => ({ ...b, choice: swap[b.choice] })));
        expect(metOf(s)).toEqual(metOf(r));
        expect([s.quorumMet, s.passed]).toEqual([r.quorumMet, r.passed]);
      }),
      { numRuns: 300 },
    );
  });

  it('strangers and repeated keys appended after the real ballots change nothing but `ignored`', () => {
    fc.assert(
      fc.property(ruleArb, anyCase, fc.array(fc.record({ stranger: fc.boolean(), n: fc.nat(), choice: choiceArb }), { minLength: 1, maxLength: 5 }), (rule, c, extra) => {
        const keys = c.register.map((e) => e.key);
        const more = extra.map((x) => ({ key: x.stranger ? `zz:${x.n}` : keys[x.n % keys.length], choice: x.choice }));
        // an appended ballot for a key that had not voted yet would be counted: keep only real repeats
        const voted = new Set(c.ballots.map((b) => b.key));
        const noise = more.filter((b) => b.key.startsWith('zz:') || voted.has(b.key));
        const r = tally(rule, c.register, c.ballots);
        const s = tally(rule, c.register, [...c.ballots, ...noise]);
        expect(s.totals).toEqual(r.totals);
        expect(s.criteria).toEqual(r.criteria);
        expect(s.ignored).toBe(r.ignored + noise.length);
      }),
      { numRuns: 300 },
    );
  });

  it('the order of distinct ballots does not matter, and neither does the unit of area', () => {
    fc.assert(
      fc.property(ruleArb, anyCase, fc.integer({ min: 2, max: 100 }), (rule, c, k) => {
        const seen = new Set<string>();
        const distinct = c.ballots.filter((b) => !seen.has(b.key) && (seen.add(b.key), true));
        const r = tally(rule, c.register, distinct);
        const reversed = tally(rule, c.register, [...distinct].reverse());
        expect(reversed.totals).toEqual(r.totals);
        expect([reversed.quorumMet, reversed.passed]).toEqual([r.quorumMet, r.passed]);
        const scaled = tally(rule, c.register.map((e) => ({ ...e, area: e.area * k })), distinct);
        expect(metOf(scaled)).toEqual(metOf(r));
        expect([scaled.quorumMet, scaled.passed]).toEqual([r.quorumMet, r.passed]);
      }),
      { numRuns: 300 },
    );
  });

  it('the 从多 figure never exceeds the electorate nor shrinks the real agreement', () => {
    fc.assert(
      fc.property(ruleArb, anyCase, (rule, c) => {
        const { totals: t } = tally(rule, c.register, c.ballots);
        const w = withNonVoters(t);
        expect(w.agreeHeads).toBeGreaterThanOrEqual(t.agreeHeads);
        expect(w.agreeHeads).toBeLessThanOrEqual(t.electorateHeads);
        expect(w.agreeArea).toBeGreaterThanOrEqual(t.agreeArea);
        expect(w.agreeArea).toBeLessThanOrEqual(t.electorateArea);
      }),
      { numRuns: 200 },
    );
  });
});

// ---- 4. phases, rules, areas, versions, windows -----------------------------------------------------

describe('nextPhase', () => {
  // draft → consultation → revised → voting → counted (公示) → adopted | rejected; withdrawn before the count.
  const LEADS_TO: Record<PhaseAction, Partial<Record<Phase, Phase>>> = {
    startConsultation: { draft: 'consultation', revised: 'consultation' },
    revise: { draft: 'draft', consultation: 'revised', revised: 'revised' },
    openVoting: { draft: 'voting', consultation: 'voting', revised: 'voting' },
    close: { voting: 'counted' },
    finalize: {}, // counted → the outcome, checked below
    withdraw: { draft: 'withdrawn', consultation: 'withdrawn', revised: 'withdrawn', voting: 'withdrawn' },
  };
  const ACTIONS = Object.keys(LEADS_TO) as PhaseAction[];

  for (const action of ACTIONS) {
    for (const from of PHASES) {
      const to = action === 'finalize' && from === 'counted' ? 'adopted' : LEADS_TO[action][from];
      it(`${action} from ${from} → ${to ?? 'refused'}`, () => {
        const v = nextPhase(from, action, 'adopted');
        if (to) expect(v).toEqual({ ok: true, to });
        else {
          expect(v.ok).toBe(false);
          if (!v.ok) {
            expect(v.message.length).toBeGreaterThan(5);
            expect(v.message).toContain(PHASE_LABELS[from]);
          }
        }
      });
    }
  }

  it('finalize takes the outcome of the count', () => {
    expect(nextPhase('counted', 'finalize', 'adopted')).toEqual({ ok: true, to: 'adopted' });
    expect(nextPhase('counted', 'finalize', 'rejected')).toEqual({ ok: true, to: 'rejected' });
  });

  it('nothing moves an adopted, rejected or withdrawn convention, and articles cannot change once voting opened', () => {
    for (const from of ['adopted', 'rejected', 'withdrawn'] as const) for (const a of ACTIONS) expect(nextPhase(from, a, 'adopted').ok).toBe(false);
    for (const from of ['voting', 'counted'] as const) expect(nextPhase(from, 'revise').ok).toBe(false);
    const late = nextPhase('counted', 'withdraw');
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.message).toMatch(/不能撤回/);
  });
});

describe('ruleTooWeak', () => {
  it('refuses, for 停车管理公约 and 管理规约, every binding rule weaker than the kind takes; a consultation stays allowed as non-binding', () => {
    // allowed[kind] = the rules a vote on it may run under (domain-rules §1: 278(1)(8) parking on common roads; 278(1)(1) 管理规约)
    const allowed: Record<ConventionKind, VoteRule[]> = {
      parking_rules: ['owners_major', 'consultation'],
      management_rules: ['owners_ordinary', 'owners_major', 'consultation'],
      residents_convention: [...VOTE_RULES],
      other: [...VOTE_RULES],
    };
    for (const kind of CONVENTION_KINDS) {
      for (const rule of VOTE_RULES) {
        const problem = ruleTooWeak(kind, rule);
        if (allowed[kind].includes(rule)) expect({ kind, rule, problem }).toEqual({ kind, rule, problem: null });
        else expect({ kind, rule, problem }).toEqual({ kind, rule, problem: expect.stringContaining('征求意见') });
      }
      // the kind's own default is always allowed
      expect(ruleTooWeak(kind, defaultRule(kind))).toBeNull();
    }
  });

  it('says which rule the law asks for, in Chinese', () => {
    expect(ruleTooWeak('parking_rules', 'owners_ordinary')).toMatch(/^停车管理公约.*四分之三以上同意.*第二百七十八条/);
    expect(ruleTooWeak('parking_rules', 'residents_meeting')).toMatch(/业主共同决定（重大事项）/);
    expect(ruleTooWeak('management_rules', 'residents_meeting')).toMatch(/^管理规约须由业主共同决定.*不能以居民会议表决/);
  });
});

describe('defaultRule and effectiveRule', () => {
  it('each kind of convention has the rule its law asks for', () => {
    const expected: Record<ConventionKind, VoteRule> = {
      residents_convention: 'residents_meeting', // 居委会组织法 art. 15
      management_rules: 'owners_ordinary', // 278(1)(1)
      parking_rules: 'owners_major', // 278(1)(8), common-road parking
      other: 'consultation',
    };
    for (const kind of CONVENTION_KINDS) expect(defaultRule(kind)).toBe(expected[kind]);
  });

  it("turns owners' votes into a consultation where the city has an official system, naming it", () => {
    for (const rule of ['owners_ordinary', 'owners_major'] as const) {
      const e = effectiveRule(rule, { officialSystem: '北京业主' });
      expect(e.rule).toBe('consultation');
      expect(e.advisory).toContain('北京业主');
      expect(e.advisory).toMatch(/征求意见/);
      expect(effectiveRule(rule, { officialSystem: null })).toEqual({ rule, advisory: null });
    }
  });

  it("leaves residents' meetings and consultations alone everywhere", () => {
    for (const rule of ['residents_meeting', 'consultation'] as const) {
      expect(effectiveRule(rule, { officialSystem: '北京业主' })).toEqual({ rule, advisory: null });
      expect(effectiveRule(rule, { officialSystem: null })).toEqual({ rule, advisory: null });
    }
  });
});

describe('areaUnits and formatArea', () => {
  it('convert register square metres to hundredths and back', () => {
    expect(areaUnits(89.57)).toBe(8957);
    expect(formatArea(8957)).toBe('89.57');
    expect(areaUnits(0.1 + 0.2)).toBe(30);
    expect(areaUnits(1.1 + 2.2)).toBe(330);
    expect(areaUnits(120.34 + 89.57)).toBe(20991);
    expect(formatArea(0)).toBe('0.00');
    expect(formatArea(5)).toBe('0.05');
    expect(formatArea(100)).toBe('1.00');
    expect(formatArea(123456789)).toBe('1234567.89');
  });

  it('round-trip every two-decimal area exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (units) => {
        const text = formatArea(units);
        expect(text).toMatch(/^\d+\.\d{2}$/);
        expect(areaUnits(Number(text))).toBe(units);
        expect(areaUnits(units / 100)).toBe(units);
      }),
      { numRuns: 2000 },
    );
  });

  it('sums of float areas still land on the right hundredth', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5_000_000 }), { minLength: 1, maxLength: 20 }), (units) => {
        const m2 = units.reduce((s, u) => s + u / 100, 0);
        expect(areaUnits(m2)).toBe(units.reduce((s, u) => s + u, 0));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('diffArticles', () => {
  const A: Article = { title: '总则', body: '为维护小区秩序，制定本公约。' };
  const B: Article = { title: '停车', body: '车辆停放在划线车位内。' };
  const C: Article = { title: '养犬', body: '遛狗须牵绳。' };

  it('identical versions are all the same', () => {
    expect(diffArticles([A, B], [A, B])).toEqual([
      { kind: 'same', no: 1, title: '总则', before: null, after: null },
      { kind: 'same', no: 2, title: '停车', before: null, after: null },
    ]);
  });

  it('a changed body shows both texts', () => {
    const B2 = { ...B, body: '车辆停放在划线车位内，不得占用消防通道。' };
    expect(diffArticles([A, B], [A, B2])).toEqual([
      { kind: 'same', no: 1, title: '总则', before: null, after: null },
      { kind: 'changed', no: 2, title: '停车', before: B.body, after: B2.body },
    ]);
  });

  it('a renamed article in the same place is changed, matched by position', () => {
    const B2 = { title: '车辆停放', body: B.body };
    expect(diffArticles([A, B], [A, B2])).toEqual([
      { kind: 'same', no: 1, title: '总则', before: null, after: null },
      { kind: 'changed', no: 2, title: '车辆停放', before: B.body, after: B.body },
    ]);
  });

  it('added and removed articles', () => {
    expect(diffArticles([A], [A, C])).toEqual([
      { kind: 'same', no: 1, title: '总则', before: null, after: null },
      { kind: 'added', no: 2, title: '养犬', before: null, after: C.body },
    ]);
    expect(diffArticles([A, B, C], [A, C])).toEqual([
      { kind: 'same', no: 1, title: '总则', before: null, after: null },
      { kind: 'same', no: 2, title: '养犬', before: null, after: null },
      { kind: 'removed', no: 2, title: '停车', before: B.body, after: null },
    ]);
    expect(diffArticles([], [A])).toEqual([{ kind: 'added', no: 1, title: '总则', before: null, after: A.body }]);
    expect(diffArticles([A], [])).toEqual([{ kind: 'removed', no: 1, title: '总则', before: A.body, after: null }]);
  });

  it('reordered articles keep their identity by title', () => {
    expect(diffArticles([A, B, C], [C, A, B])).toEqual([
      { kind: 'same', no: 1, title: '养犬', before: null, after: null },
      { kind: 'same', no: 2, title: '总则', before: null, after: null },
      { kind: 'same', no: 3, title: '停车', before: null, after: null },
    ]);
  });

  it('every article of both versions is accounted for exactly once', () => {
    const art = fc.record({ title: fc.constantFrom('一', '二', '三', '四', '五'), body: fc.constantFrom('甲', '乙', '丙') });
    fc.assert(
      fc.property(fc.array(art, { maxLength: 6 }), fc.array(art, { maxLength: 6 }), (before, after) => {
        const d = diffArticles(before, after);
        const inNew = d.filter((x) => x.kind !== 'removed');
        expect(inNew.map((x) => x.no)).toEqual(after.map((_, i) => i + 1));
        expect(inNew.map((x) => x.title)).toEqual(after.map((a) => a.title));
        const matched = inNew.filter((x) => x.kind !== 'added').length;
        expect(matched + d.filter((x) => x.kind === 'removed').length).toBe(before.length);
        if (JSON.stringify(before) === JSON.stringify(after)) expect(d.every((x) => x.kind === 'same')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('voting windows', () => {
  const now = new Date('2026-03-01T10:00:00.000Z');
  const at = (ms: number) => new Date(now.getTime() + ms);
  const MIN = 60 * 1000;

  it('votingWindowProblem: the end must be after now, the start not more than 5 minutes past', () => {
    expect(votingWindowProblem(now, now, now)).toMatch(/截止时间/);
    expect(votingWindowProblem(at(-2 * MIN), at(-1), now)).toMatch(/截止时间/);
    expect(votingWindowProblem(at(-5 * MIN), at(MIN_VOTING_MS), now)).toBeNull();
    expect(votingWindowProblem(at(-5 * MIN - 1), at(MIN_VOTING_MS), now)).toMatch(/开始时间/);
  });

  it('votingWindowProblem: at least one hour, at most 90 days', () => {
    expect(MIN_VOTING_MS).toBe(60 * MIN);
    expect(MAX_VOTING_MS).toBe(90 * 24 * 60 * MIN);
    expect(votingWindowProblem(now, at(MIN_VOTING_MS), now)).toBeNull();
    expect(votingWindowProblem(now, at(MIN_VOTING_MS - 1), now)).toMatch(/至少 1 小时/);
    expect(votingWindowProblem(now, at(MAX_VOTING_MS), now)).toBeNull();
    expect(votingWindowProblem(now, at(MAX_VOTING_MS + 1), now)).toMatch(/90 天/);
    expect(votingWindowProblem(at(2 * MIN_VOTING_MS), at(MIN_VOTING_MS), now)).toMatch(/至少 1 小时/);
  });

  it('votingOpen: the start instant is open, the end instant is closed', () => {
    const v = { startsAt: now, endsAt: at(MIN_VOTING_MS) };
    expect(votingOpen(v, at(-1))).toEqual({ ok: false, message: '表决尚未开始' });
    expect(votingOpen(v, now)).toEqual({ ok: true });
    expect(votingOpen(v, at(MIN_VOTING_MS - 1))).toEqual({ ok: true });
    expect(votingOpen(v, at(MIN_VOTING_MS))).toEqual({ ok: false, message: '表决已截止' });
    expect(votingOpen(v, at(MIN_VOTING_MS + 1))).toEqual({ ok: false, message: '表决已截止' });
  });

  it('paperEntryOpen: paper ballots are entered inside the window only (closing counts what stood at the end)', () => {
    const v = { startsAt: now, endsAt: at(MIN_VOTING_MS) };
    expect(paperEntryOpen(v, at(-1))).toEqual({ ok: false, message: '表决尚未开始，纸质票须在表决期间录入' });
    expect(paperEntryOpen(v, now)).toEqual({ ok: true });
    expect(paperEntryOpen(v, at(MIN_VOTING_MS - 1))).toEqual({ ok: true });
    expect(paperEntryOpen(v, at(MIN_VOTING_MS))).toEqual({ ok: false, message: '表决已截止，纸质票须在截止前录入' });
    expect(paperEntryOpen(v, at(MIN_VOTING_MS + 1))).toEqual({ ok: false, message: '表决已截止，纸质票须在截止前录入' });
  });
});

it('the vocabularies the tests walk are complete', () => {
  expect([...VOTE_RULES].sort()).toEqual(['consultation', 'owners_major', 'owners_ordinary', 'residents_meeting']);
  expect([...CHOICES]).toEqual(['agree', 'disagree', 'abstain']);
});

describe('jurisdiction: the official system owners\' decisions must use', () => {
  it('names the system of Beijing, Shenzhen and Sichuan with the rule that requires it; none has none; other needs a name', () => {
    expect(officialSystemFor('beijing', null)).toBe('「北京业主」App');
    expect(JURISDICTIONS.beijing.basis).toContain('北京市物业管理条例');
    expect(officialSystemFor('shenzhen', '')).toContain('深圳');
    expect(officialSystemFor('sichuan', '  ')).toContain('四川');
    expect(officialSystemFor('beijing', '北京业主（街道指定版）')).toBe('北京业主（街道指定版）');
    expect(officialSystemFor('none', '某系统')).toBeNull();
    expect(officialSystemFor('other', null)).toBeNull();
    expect(officialSystemFor('other', '某市平台')).toBe('某市平台');
    expect(JURISDICTION_KEYS).toEqual(['none', 'beijing', 'shenzhen', 'sichuan', 'other']);
  });
  it('turns an owners\' vote into a consultation wherever a system is named, and leaves a residents\' meeting alone', () => {
    const system = officialSystemFor('beijing', null);
    expect(effectiveRule('owners_major', { officialSystem: system })).toMatchObject({ rule: 'consultation', advisory: expect.stringContaining('「北京业主」App') });
    expect(effectiveRule('residents_meeting', { officialSystem: system })).toEqual({ rule: 'residents_meeting', advisory: null });
    expect(effectiveRule('owners_ordinary', { officialSystem: null })).toEqual({ rule: 'owners_ordinary', advisory: null });
  });
});
