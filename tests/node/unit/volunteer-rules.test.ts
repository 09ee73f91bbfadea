// 志愿服务: the pure volunteer domain — memberships, ages and guardians, service minutes on the China
// calendar, points, the records that count, certificate numbers and 楼栋长 rating averages. The
// expectations are written from DESIGN §4.2 and domain-rules §2 (志愿服务条例; 民政部令第67号: actual
// service only, no travel; minors need guardian consent and never take risky tasks; PIPL art. 31),
// not copied from the module: fixtures are worked by hand, and the property tests compare the module
// with a second, naive computation (China days from raw epoch arithmetic, the ID-card check digit from
// its published weight table, roundings from integer quotient and remainder).
//
// Time-zone independence: run this file under more than one TZ, e.g.
//   TZ=UTC npx jest --selectProjects node --runTestsByPath tests/node/unit/volunteer-rules.test.ts
//   TZ=America/New_York npx jest --selectProjects node --runTestsByPath tests/node/unit/volunteer-rules.test.ts
// (New York has daylight saving time; China does not, and nothing here may depend on the machine's zone).
import fc from 'fast-check';
import { pageUrl } from '@core/manifest';
import {
  DAY_MINUTES,
  MEMBERSHIP_STATES,
  POINTS_PER_HOUR,
  POINTS_PER_TASK,
  SERVICE_SOURCES,
  ageIn,
  certificateCheckUrl,
  certificateContents,
  certificateNumber,
  checkDigit,
  clashProblem,
  countingRecords,
  formatHours,
  isCertificateNumber,
  isMinorBy,
  minorNow,
  isOpenMembership,
  joinProblem,
  minutesByDay,
  needsGuardianFirst,
  nextMembership,
  overlaps,
  pointsFor,
  pointsOf,
  ratingAverage,
  replacedIds,
  serviceMinutes,
  serviceProblem,
  type MembershipAction,
  type MembershipState,
  type Span,
} from '@core/volunteer/rules';

// ---- fixtures ---------------------------------------------------------------------------------------

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const CHINA_OFFSET = 8 * HOUR;

/** An instant given as China wall-clock time (UTC+8, no DST), built without any time-zone library. */
const cn = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date => new Date(Date.UTC(y, mo - 1, d, h, mi, s) - CHINA_OFFSET);
const span = (startAt: Date, endAt: Date): Span => ({ startAt, endAt });
const plus = (t: Date, ms: number) => new Date(t.getTime() + ms);

/** The China calendar date of an instant, by epoch arithmetic alone. */
const chinaDay = (ms: number) => new Date(ms + CHINA_OFFSET).toISOString().slice(0, 10);

/** Naive minutes per China day: cut at every China midnight (epoch ms ≡ −8 h mod 24 h), floor each piece. */
function naiveMinutesByDay(startMs: number, endMs: number): Record<string, number> {
  const out: Record<string, number> = {};
  let t = startMs;
  while (t < endMs) {
    const nextMidnight = Math.floor((t + CHINA_OFFSET) / DAY) * DAY + DAY - CHINA_OFFSET;
    const stop = Math.min(nextMidnight, endMs);
    const day = chinaDay(t);
    out[day] = (out[day] ?? 0) + Math.floor((stop - t) / MIN);
    t = stop;
  }
  return out;
}

/** The fixed "now" of the ledger tests: 2026-12-01 12:00 China time. */
const NOW = cn(2026, 12, 1, 12, 0);

// ---- 1. hours arithmetic ----------------------------------------------------------------------------

describe('志愿服务: service minutes and the China calendar day', () => {
  it('splits a night patrol 22:00–02:00 China time into 120 + 120 on two China dates, whatever TZ the machine is in', () => {
    const start = cn(2026, 11, 30, 22, 0); // 2026-11-30T14:00Z
    const end = cn(2026, 12, 1, 2, 0); //    2026-11-30T18:00Z — the same UTC date, two China dates
    expect(start.toISOString()).toBe('2026-11-30T14:00:00.000Z');
    expect(end.toISOString()).toBe('2026-11-30T18:00:00.000Z');
    expect(minutesByDay(start, end)).toEqual({ '2026-11-30': 120, '2026-12-01': 120 });
    expect(serviceMinutes(start, end)).toBe(240);
  });

  it('splits at China midnight, not at UTC midnight: 06:00–10:00 China time crosses UTC midnight but is one China day', () => {
    // 2026-12-01 06:00 China = 2026-11-30T22:00Z; 10:00 China = 2026-12-01T02:00Z
    expect(minutesByDay(cn(2026, 12, 1, 6), cn(2026, 12, 1, 10))).toEqual({ '2026-12-01': 240 });
  });

  it('crosses a year and a month end in China time (31 Dec 22:00 – 1 Jan 01:30)', () => {
    expect(minutesByDay(cn(2026, 12, 31, 22), cn(2027, 1, 1, 1, 30))).toEqual({ '2026-12-31': 120, '2027-01-01': 90 });
    expect(minutesByDay(cn(2028, 2, 28, 23), cn(2028, 3, 1, 1))).toEqual({ '2028-02-28': 60, '2028-02-29': 1440, '2028-03-01': 60 });
  });

  it('is not disturbed by the machine zone’s daylight-saving changes (US 2026-03-08 and 2026-11-01)', () => {
    // New York springs forward at 2026-03-08T07:00Z (15:00 China) and falls back at 2026-11-01T06:00Z (14:00 China)
    expect(minutesByDay(cn(2026, 3, 8, 10), cn(2026, 3, 9, 10))).toEqual({ '2026-03-08': 840, '2026-03-09': 600 });
    expect(minutesByDay(cn(2026, 10, 31, 20), cn(2026, 11, 2, 4))).toEqual({ '2026-10-31': 240, '2026-11-01': 1440, '2026-11-02': 240 });
  });

  it('puts a whole China day (00:00–24:00) on one date, with no empty entry for the next', () => {
    expect(minutesByDay(cn(2026, 11, 30), cn(2026, 12, 1))).toEqual({ '2026-11-30': DAY_MINUTES });
  });

  it('gives nothing for an empty or backwards span, and floors to whole minutes', () => {
    expect(minutesByDay(NOW, NOW)).toEqual({});
    expect(minutesByDay(NOW, plus(NOW, -HOUR))).toEqual({});
    expect(serviceMinutes(NOW, NOW)).toBe(0);
    expect(serviceMinutes(NOW, plus(NOW, -HOUR))).toBe(0);
    expect(serviceMinutes(NOW, plus(NOW, 59_999))).toBe(0);
    expect(serviceMinutes(NOW, plus(NOW, 60_000))).toBe(1);
    expect(serviceMinutes(NOW, plus(NOW, 90 * MIN + 59_999))).toBe(90);
  });

  it('agrees with a naive epoch-arithmetic split on random spans (minute-aligned: the days add up to the total)', () => {
    const base = Date.UTC(2020, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 365 * 1440 }), fc.integer({ min: 0, max: 4 * 1440 }), (startMin, len) => {
        const s = base + startMin * MIN;
        const e = s + len * MIN;
        const got = minutesByDay(new Date(s), new Date(e));
        expect(got).toEqual(naiveMinutesByDay(s, e));
        expect(Object.values(got).reduce((a, b) => a + b, 0)).toBe(serviceMinutes(new Date(s), new Date(e)));
        expect(Object.values(got).every((m) => m > 0 && m <= DAY_MINUTES)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with the naive split to the millisecond too (each day floored on its own)', () => {
    const base = Date.UTC(2024, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 365 * DAY }), fc.integer({ min: 0, max: 3 * DAY }), (offset, len) => {
        const s = base + offset;
        expect(minutesByDay(new Date(s), new Date(s + len))).toEqual(naiveMinutesByDay(s, s + len));
      }),
      { numRuns: 500 },
    );
  });
});

describe('志愿服务: overlaps', () => {
  const a = span(cn(2026, 11, 30, 10), cn(2026, 11, 30, 11));

  it('does not count touching ends as an overlap, either way round', () => {
    expect(overlaps(a, span(cn(2026, 11, 30, 11), cn(2026, 11, 30, 12)))).toBe(false);
    expect(overlaps(span(cn(2026, 11, 30, 9), cn(2026, 11, 30, 10)), a)).toBe(false);
  });

  it('sees one shared millisecond, containment and identity as overlaps, symmetrically', () => {
    const cases: Span[] = [
      span(plus(a.endAt, -1), cn(2026, 11, 30, 12)),
      span(cn(2026, 11, 30, 9), plus(a.startAt, 1)),
      span(cn(2026, 11, 30, 10, 15), cn(2026, 11, 30, 10, 45)),
      span(cn(2026, 11, 30, 9), cn(2026, 11, 30, 12)),
      a,
    ];
    for (const b of cases) {
      expect(overlaps(a, b)).toBe(true);
      expect(overlaps(b, a)).toBe(true);
    }
  });

  it('is symmetric and agrees with "the intersection is non-empty" on random spans', () => {
    const iv = fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 50 })).map(([s, l]) => span(new Date(s * MIN), new Date((s + l) * MIN)));
    fc.assert(
      fc.property(iv, iv, (x, y) => {
        const inter = Math.min(x.endAt.getTime(), y.endAt.getTime()) - Math.max(x.startAt.getTime(), y.startAt.getTime());
        expect(overlaps(x, y)).toBe(inter > 0);
        expect(overlaps(y, x)).toBe(overlaps(x, y));
      }),
    );
  });
});

describe('志愿服务: serviceProblem', () => {
  it('accepts an ordinary past period', () => {
    expect(serviceProblem(span(cn(2026, 12, 1, 8), cn(2026, 12, 1, 10)), NOW)).toBeNull();
  });

  it('refuses a zero or negative span', () => {
    expect(serviceProblem(span(NOW, NOW), NOW)).toBe('结束时间要晚于开始时间');
    expect(serviceProblem(span(cn(2026, 12, 1, 10), cn(2026, 12, 1, 8)), NOW)).toBe('结束时间要晚于开始时间');
    expect(serviceProblem(span(cn(2026, 12, 1, 10), plus(cn(2026, 12, 1, 10), -1)), NOW)).toBe('结束时间要晚于开始时间');
  });

  it('refuses a period shorter than one whole minute', () => {
    expect(serviceProblem(span(cn(2026, 12, 1, 10), plus(cn(2026, 12, 1, 10), 59_999)), NOW)).toBe('服务时间不足 1 分钟');
    expect(serviceProblem(span(cn(2026, 12, 1, 10), plus(cn(2026, 12, 1, 10), 60_000)), NOW)).toBeNull();
  });

  it('refuses an end in the future beyond a 5-minute grace', () => {
    expect(serviceProblem(span(cn(2026, 12, 1, 11), NOW), NOW)).toBeNull();
    expect(serviceProblem(span(cn(2026, 12, 1, 11), plus(NOW, 5 * MIN)), NOW)).toBeNull();
    expect(serviceProblem(span(cn(2026, 12, 1, 11), plus(NOW, 5 * MIN + 1)), NOW)).toBe('不能登记还没有发生的服务');
    expect(serviceProblem(span(cn(2026, 12, 2, 8), cn(2026, 12, 2, 10)), NOW)).toBe('不能登记还没有发生的服务');
  });

  it('refuses an overlap with another record, but not touching ends', () => {
    const others = [span(cn(2026, 12, 1, 8), cn(2026, 12, 1, 9))];
    expect(serviceProblem(span(cn(2026, 12, 1, 9), cn(2026, 12, 1, 10)), NOW, others)).toBeNull();
    expect(serviceProblem(span(cn(2026, 12, 1, 7), cn(2026, 12, 1, 8)), NOW, others)).toBeNull();
    expect(serviceProblem(span(cn(2026, 12, 1, 8, 59), cn(2026, 12, 1, 10)), NOW, others)).toBe('与已登记的服务时间重叠（同一时间只能记一次）');
    expect(serviceProblem(span(cn(2026, 12, 1, 7), cn(2026, 12, 1, 11)), NOW, others)).toBe('与已登记的服务时间重叠（同一时间只能记一次）');
  });

  it('allows exactly 24 h in a China day, its own or with the other records of that day added', () => {
    // one whole China day on its own
    expect(serviceProblem(span(cn(2026, 11, 30), cn(2026, 12, 1)), NOW)).toBeNull();
    // 12 h already recorded that day, the other 12 h now
    expect(serviceProblem(span(cn(2026, 11, 30, 12), cn(2026, 12, 1)), NOW, [span(cn(2026, 11, 30), cn(2026, 11, 30, 12))])).toBeNull();
    // a night patrol from the day before brings 4 h into 30 Nov; 20 h more fill the day
    expect(serviceProblem(span(cn(2026, 11, 30, 4), cn(2026, 12, 1)), NOW, [span(cn(2026, 11, 29, 20), cn(2026, 11, 30, 4))])).toBeNull();
  });

  it('counts per China day: 24 h + 1 min across a China midnight is fine (1 + 1440)', () => {
    expect(serviceProblem(span(cn(2026, 11, 29, 23, 59), cn(2026, 12, 1)), NOW)).toBeNull();
  });

  it('refuses 24 h + 1 min in one China day once the other records of that day are added', () => {
    // Without overlaps a China day cannot hold more than 1440 minutes, so the overlap rule answers first:
    const day = [span(cn(2026, 11, 30), cn(2026, 11, 30, 12))];
    expect(serviceProblem(span(cn(2026, 11, 30, 11, 59), cn(2026, 12, 1)), NOW, day)).toBe('与已登记的服务时间重叠（同一时间只能记一次）');
    // The day rule is the backstop when the ledger already holds records that overlap one another
    // (the new period overlaps neither): 720 + 360 + 360 = 1440 is allowed, 720 + 360 + 361 is not.
    const legacy = [span(cn(2026, 11, 30), cn(2026, 11, 30, 12)), span(cn(2026, 11, 30, 6), cn(2026, 11, 30, 12))];
    expect(serviceProblem(span(cn(2026, 11, 30, 12), cn(2026, 11, 30, 18)), NOW, legacy)).toBeNull();
    expect(serviceProblem(span(cn(2026, 11, 30, 12), cn(2026, 11, 30, 18, 1)), NOW, legacy)).toBe('2026-11-30 的服务时间超过 24 小时');
    // and the day is the China day: the same records shifted across China midnight split, and pass
    const shifted = [span(cn(2026, 11, 29, 18), cn(2026, 11, 30, 6)), span(cn(2026, 11, 30), cn(2026, 11, 30, 6))];
    expect(serviceProblem(span(cn(2026, 11, 30, 6), cn(2026, 11, 30, 18)), NOW, shifted)).toBeNull(); // 360 + 360 + 720
    expect(serviceProblem(span(cn(2026, 11, 30, 6), cn(2026, 11, 30, 18, 1)), NOW, shifted)).toBe('2026-11-30 的服务时间超过 24 小时');
  });

  it('does not add records of other China days', () => {
    const yesterday = [span(cn(2026, 11, 29), cn(2026, 11, 30))];
    expect(serviceProblem(span(cn(2026, 11, 30), cn(2026, 12, 1)), NOW, yesterday)).toBeNull();
  });
});

describe('志愿服务: clashProblem (any source: shifts, tasks, events)', () => {
  const at = (h: number) => new Date(Date.UTC(2026, 11, 1, h));
  it('refuses an overlap and a day over 24 hours, with no check of the clock (an event ends after its check-in)', () => {
    expect(clashProblem({ startAt: at(1), endAt: at(3) }, [{ startAt: at(2), endAt: at(4) }])).toContain('重叠');
    expect(clashProblem({ startAt: at(1), endAt: at(3) }, [{ startAt: at(3), endAt: at(4) }])).toBeNull();
    expect(clashProblem({ startAt: new Date(Date.UTC(2099, 0, 1)), endAt: new Date(Date.UTC(2099, 0, 1, 2)) }, [])).toBeNull();
  });
});

describe('志愿服务: formatHours', () => {
  it.each([
    [0, '0.0'],
    [1, '0.0'], //   0.0167 h
    [2, '0.0'], //   0.0333 h
    [3, '0.1'], //   0.05 h exactly: half up
    [5, '0.1'], //   0.0833 h
    [6, '0.1'],
    [9, '0.2'], //   0.15 h exactly: half up
    [59, '1.0'], //  0.983 h
    [60, '1.0'],
    [63, '1.1'], //  1.05 h exactly: half up
    [90, '1.5'],
    [100, '1.7'], // 1.667 h
    [1440, '24.0'],
    [6003, '100.1'], // 100.05 h exactly
  ])('%i minutes → %s h', (m, s) => {
    expect(formatHours(m)).toBe(s);
  });

  it('rounds half up at the tenth from integer minutes on random values (a tenth of an hour is 6 minutes)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (m) => {
        const tenths = Math.floor(m / 6) + (m % 6 >= 3 ? 1 : 0);
        expect(formatHours(m)).toBe(`${Math.floor(tenths / 10)}.${tenths % 10}`);
      }),
      { numRuns: 1000 },
    );
  });
});

// ---- 2. memberships, ages, guardians ---------------------------------------------------------------

describe('志愿服务: the membership state machine', () => {
  const ACTIONS: MembershipAction[] = ['approve', 'decline', 'leave', 'remove'];
  // every state × every action; a string is the state reached, an object the refusal message
  const table: Record<MembershipState, Record<MembershipAction, MembershipState | { refused: string }>> = {
    pending: { approve: 'active', decline: 'declined', leave: 'left', remove: { refused: '只能移出已加入的队员（当前：待审核）' } },
    active: {
      approve: { refused: '只能审核待审核的申请（当前：已加入）' },
      decline: { refused: '只能审核待审核的申请（当前：已加入）' },
      leave: 'left',
      remove: 'removed',
    },
    declined: {
      approve: { refused: '只能审核待审核的申请（当前：未通过）' },
      decline: { refused: '只能审核待审核的申请（当前：未通过）' },
      leave: { refused: '您不在这支队伍中（当前：未通过）' },
      remove: { refused: '只能移出已加入的队员（当前：未通过）' },
    },
    left: {
      approve: { refused: '只能审核待审核的申请（当前：已退出）' },
      decline: { refused: '只能审核待审核的申请（当前：已退出）' },
      leave: { refused: '您不在这支队伍中（当前：已退出）' },
      remove: { refused: '只能移出已加入的队员（当前：已退出）' },
    },
    removed: {
      approve: { refused: '只能审核待审核的申请（当前：已移出）' },
      decline: { refused: '只能审核待审核的申请（当前：已移出）' },
      leave: { refused: '您不在这支队伍中（当前：已移出）' },
      remove: { refused: '只能移出已加入的队员（当前：已移出）' },
    },
  };

  it('covers exactly the five states', () => {
    expect([...MEMBERSHIP_STATES].sort()).toEqual(Object.keys(table).sort());
  });

  for (const from of MEMBERSHIP_STATES) {
    for (const action of ACTIONS) {
      const want = table[from][action];
      it(`${from} × ${action} → ${typeof want === 'string' ? want : 'refused'}`, () => {
        expect(nextMembership(from, action)).toEqual(typeof want === 'string' ? { ok: true, to: want } : { ok: false, message: want.refused });
      });
    }
  }

  it('treats pending and active as open (one open membership per team), the closed states as free to apply again', () => {
    expect(MEMBERSHIP_STATES.filter(isOpenMembership)).toEqual(['pending', 'active']);
  });

  it('only ever leads from an open state to a closed one or to active', () => {
    for (const from of MEMBERSHIP_STATES)
      for (const action of ACTIONS) {
        const r = nextMembership(from, action);
        if (r.ok) {
          expect(isOpenMembership(from)).toBe(true);
          expect(r.to === 'active' || !isOpenMembership(r.to)).toBe(true);
        }
      }
  });
});

describe('志愿服务: joinProblem (minors: guardian consent, never a risky team)', () => {
  const RISKY = '未成年人不能参加有风险的志愿服务（《志愿服务条例》第十六条）';
  const CONSENT = '未满 18 周岁参加志愿服务，须先登记监护人同意';
  it.each([
    // minor, guardianConsent, risky, problem
    [true, true, true, RISKY],
    [true, false, true, RISKY], // risky wins even without consent: consent would not help
    [true, true, false, null],
    [true, false, false, CONSENT],
    [false, true, true, null],
    [false, false, true, null],
    [false, true, false, null],
    [false, false, false, null],
  ])('minor=%s consent=%s risky=%s → %s', (minor, guardianConsent, risky, want) => {
    expect(joinProblem({ minor, guardianConsent }, { risky })).toBe(want);
  });
});

describe('志愿服务: ages by calendar year in China time', () => {
  // ageIn is the age reached during the current China calendar year (at the birthday).
  const newYear2026 = cn(2026, 1, 1); //                  2025-12-31T16:00:00Z
  const lastMsOf2025 = plus(newYear2026, -1); //           2025-12-31T15:59:59.999Z — still 2025 in China
  const utcLateEvening = new Date('2025-12-31T23:30:00Z'); // 31 Dec in UTC, already 1 Jan 07:30 in China

  it('counts the year in China, not in UTC or the machine zone', () => {
    expect(newYear2026.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(ageIn(2012, newYear2026)).toBe(14);
    expect(ageIn(2012, utcLateEvening)).toBe(14);
    expect(ageIn(2012, lastMsOf2025)).toBe(13);
    expect(ageIn(2012, cn(2026, 12, 31, 23, 59, 59))).toBe(14);
  });

  // Only the birth year is known: in 2026 someone born in 2012 is 13 until their birthday and 14 after
  // it. The rules must hold for the youngest they may be, so each is decided on year − birthYear − 1.
  it('needs a guardian first (PIPL art. 31) while they may still be under 14: year − birthYear ≤ 14', () => {
    expect(needsGuardianFirst(2013, newYear2026)).toBe(true); //  12 or 13 in 2026
    expect(needsGuardianFirst(2012, newYear2026)).toBe(true); //  13 or 14 in 2026: maybe still 13
    expect(needsGuardianFirst(2012, cn(2026, 12, 31, 23, 59, 59))).toBe(true); // the birthday may be 31 Dec
    expect(needsGuardianFirst(2011, newYear2026)).toBe(false); // 14 or 15 in 2026: at least 14
    expect(needsGuardianFirst(2011, lastMsOf2025)).toBe(true); // 13 or 14 in 2025
    expect(needsGuardianFirst(2011, utcLateEvening)).toBe(false); // already 2026 in China
    expect(needsGuardianFirst(2026, newYear2026)).toBe(true);
  });

  it('is a minor while they may still be under 18 (year − birthYear ≤ 18); no birth year recorded is not a minor', () => {
    expect(isMinorBy(2009, newYear2026)).toBe(true); //  16 or 17 in 2026
    expect(isMinorBy(2008, newYear2026)).toBe(true); //  17 or 18 in 2026: maybe still 17
    expect(isMinorBy(2008, cn(2026, 12, 31, 23, 59, 59))).toBe(true);
    expect(isMinorBy(2007, newYear2026)).toBe(false); // 18 or 19 in 2026: certainly an adult
    expect(isMinorBy(2007, utcLateEvening)).toBe(false);
    expect(isMinorBy(2007, lastMsOf2025)).toBe(true); // 17 or 18 in 2025
    expect(isMinorBy(1950, newYear2026)).toBe(false);
    expect(isMinorBy(null, newYear2026)).toBe(false);
    expect(isMinorBy(undefined, newYear2026)).toBe(false);
  });

  it('decides from the birth year at every use, so a flag stored last year cannot go stale', () => {
    // stored when they were (maybe) 17 in 2025; in 2026 they are certainly 18
    expect(minorNow({ birthYear: 2007, isMinor: true }, newYear2026)).toBe(false);
    // stored as an adult under the old calendar-year rule; in 2026 they may still be 17
    expect(minorNow({ birthYear: 2008, isMinor: false }, newYear2026)).toBe(true);
    // no birth year: only what was recorded otherwise (a guardian's declaration, a seed)
    expect(minorNow({ birthYear: null, isMinor: true }, newYear2026)).toBe(true);
    expect(minorNow({ isMinor: false }, newYear2026)).toBe(false);
    expect(minorNow({}, newYear2026)).toBe(false);
  });

  it('never calls someone an adult who may be under 18, nor over 14 who may be under 14', () => {
    fc.assert(
      // birth years near the thresholds, where a calendar-year rule goes wrong
      fc.property(fc.integer({ min: -2, max: 25 }), fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }), (d, t) => {
        const y = Number(chinaDay(t).slice(0, 4)) - d;
        const youngest = d - 1; // their birthday not reached yet
        expect(isMinorBy(y, new Date(t))).toBe(youngest < 18);
        expect(needsGuardianFirst(y, new Date(t))).toBe(youngest < 14);
      }),
    );
  });

  it('makes every under-14 a minor', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }), (y, t) => {
        const now = new Date(t);
        expect(ageIn(y, now)).toBe(Number(chinaDay(t).slice(0, 4)) - y);
        if (needsGuardianFirst(y, now)) expect(isMinorBy(y, now)).toBe(true);
      }),
    );
  });
});

// ---- 3. the records that count --------------------------------------------------------------------

describe('志愿服务: countingRecords', () => {
  type R = { recordId: string; verified: boolean; corrects: string | null; rejected?: boolean };
  const rec = (recordId: string, over: Partial<R> = {}): R => ({ recordId, verified: true, corrects: null, ...over });
  const ids = (rs: readonly R[]) => countingRecords(rs).map((r) => r.recordId);

  it('counts verified records, in order', () => {
    expect(ids([rec('a'), rec('b')])).toEqual(['a', 'b']);
    expect(ids([])).toEqual([]);
  });

  it('counts nothing unverified', () => {
    expect(ids([rec('a', { verified: false }), rec('b')])).toEqual(['b']);
  });

  it('counts nothing rejected (with or without the rejected flag spelled out)', () => {
    expect(ids([rec('a', { verified: false, rejected: true }), rec('b', { rejected: false }), rec('c')])).toEqual(['b', 'c']);
    expect(ids([rec('a', { verified: true, rejected: true })])).toEqual([]);
  });

  it('replaces an original by its verified correction', () => {
    expect(ids([rec('a'), rec('b', { corrects: 'a' })])).toEqual(['b']);
    // order does not matter
    expect(ids([rec('b', { corrects: 'a' }), rec('a')])).toEqual(['b']);
  });

  it('keeps the original while the correction is unverified', () => {
    expect(ids([rec('a'), rec('b', { corrects: 'a', verified: false })])).toEqual(['a']);
  });

  it('keeps the original when the correction was rejected', () => {
    expect(ids([rec('a'), rec('b', { corrects: 'a', verified: false, rejected: true })])).toEqual(['a']);
    // a rejected correction replaces nothing, even if a stale "verified" flag is still on it
    expect(ids([rec('a'), rec('b', { corrects: 'a', verified: true, rejected: true })])).toEqual(['a']);
  });

  it('replaces an unverified original by its verified correction (the correction counts once)', () => {
    expect(ids([rec('a', { verified: false }), rec('b', { corrects: 'a' })])).toEqual(['b']);
  });

  it('follows a chain of verified corrections to its last link', () => {
    expect(ids([rec('a'), rec('b', { corrects: 'a' }), rec('c', { corrects: 'b' })])).toEqual(['c']);
    expect(ids([rec('c', { corrects: 'b' }), rec('a'), rec('d', { corrects: 'c' }), rec('b', { corrects: 'a' })])).toEqual(['d']);
  });

  it('stops a chain at its last verified link', () => {
    expect(ids([rec('a'), rec('b', { corrects: 'a' }), rec('c', { corrects: 'b', verified: false })])).toEqual(['b']);
    expect(ids([rec('a'), rec('b', { corrects: 'a', verified: false }), rec('c', { corrects: 'b', verified: false })])).toEqual(['a']);
  });

  it('counts one period once when a verified correction corrects a pending or rejected correction', () => {
    // a ← b (pending) ← c (verified): c replaces b, and with it what b was correcting — a and c never both count
    expect(ids([rec('a'), rec('b', { corrects: 'a', verified: false }), rec('c', { corrects: 'b' })])).toEqual(['c']);
    // a ← b (rejected) ← c (verified): the same
    expect(ids([rec('a'), rec('b', { corrects: 'a', verified: false, rejected: true }), rec('c', { corrects: 'b' })])).toEqual(['c']);
  });

  it('names what is replaced (replacedIds): the whole chain up from a verified, not rejected correction', () => {
    const rs = [rec('a'), rec('b', { corrects: 'a', verified: false }), rec('c', { corrects: 'b' }), rec('x'), rec('y', { corrects: 'x', verified: false, rejected: true })];
    expect([...replacedIds(rs)].sort()).toEqual(['a', 'b']);
  });

  it('as implemented: two verified corrections of the same record both count (a fork; nothing here can tell which is newer)', () => {
    // The ledger function lets a record be corrected again while a correction of it exists; the pure
    // rule has no timestamps to pick one, so a fork counts both corrections. Flagged to the lead.
    expect(ids([rec('a'), rec('b', { corrects: 'a' }), rec('c', { corrects: 'a' })])).toEqual(['b', 'c']);
  });

  it('ignores a correction of a record it does not see, and survives a corrupt cycle', () => {
    expect(ids([rec('b', { corrects: 'gone' })])).toEqual(['b']);
    expect(ids([rec('a', { corrects: 'b' }), rec('b', { corrects: 'a' })])).toEqual([]);
  });

  it('on random correction chains (no forks): exactly the last verified, not rejected link of each chain counts', () => {
    // each chain: an original and its corrections, each link correcting the one before; states per link
    const link = fc.constantFrom('verified', 'pending', 'rejected');
    const chains = fc.array(fc.array(link, { minLength: 1, maxLength: 5 }), { maxLength: 6 });
    fc.assert(
      fc.property(chains, fc.nat(), (cs, seed) => {
        const rows: R[] = cs.flatMap((c, k) =>
          c.map((state, j) => ({ recordId: `c${k}-${j}`, verified: state === 'verified', rejected: state === 'rejected', corrects: j ? `c${k}-${j - 1}` : null })),
        );
        // shuffle deterministically from the seed: order must not matter
        const shuffled = rows.map((r, i) => [((i + 1) * 2_654_435_761 + seed) % 4_294_967_296, r] as const).sort((x, y) => x[0] - y[0]).map(([, r]) => r);
        const want = cs.flatMap((c, k) => {
          const last = c.lastIndexOf('verified');
          return last < 0 ? [] : [`c${k}-${last}`];
        });
        expect(ids(shuffled).sort()).toEqual(want.sort());
      }),
      { numRuns: 1000 },
    );
  });

  it('on random ledgers: a subset in order, all verified and not rejected, nothing whose verified correction is present', () => {
    const ledger = fc
      .array(fc.record({ verified: fc.boolean(), rejected: fc.boolean(), parent: fc.option(fc.nat(20), { nil: null }) }), { maxLength: 20 })
      .map((rows) =>
        rows.map((r, i) => ({
          recordId: `r${i}`,
          verified: r.verified && !r.rejected,
          rejected: r.rejected,
          corrects: r.parent !== null && r.parent < i ? `r${r.parent}` : null,
        })),
      );
    fc.assert(
      fc.property(ledger, (rs) => {
        const got = countingRecords(rs);
        const pos = got.map((r) => rs.indexOf(r));
        expect(pos).toEqual([...pos].sort((x, y) => x - y));
        for (const r of got) {
          expect(r.verified && !r.rejected).toBe(true);
          expect(rs.some((c) => c.corrects === r.recordId && c.verified && !c.rejected)).toBe(false);
        }
        // a single chain (no forks) counts at most one record
        const forks = new Set<string>();
        const seen = new Set<string>();
        for (const r of rs) if (r.corrects) (seen.has(r.corrects) ? forks : seen).add(r.corrects);
        if (!forks.size) {
          const root = (r: (typeof rs)[number]): string => {
            let x = r;
            while (x.corrects) x = rs.find((y) => y.recordId === x.corrects)!;
            return x.recordId;
          };
          const roots = got.map(root);
          expect(new Set(roots).size).toBe(roots.length);
        }
      }),
      { numRuns: 500 },
    );
  });
});

// ---- 4. certificate numbers ------------------------------------------------------------------------

/**
 * The resident ID card (GB 11643-1999) check character, from its published table: the 17 digits are
 * weighted 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, the sum taken mod 11, and 0‥10 map to 1 0 X 9 8 7 6 5 4 3 2.
 */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
function idCardCheck(body17: string): string {
  const s = [...body17].reduce((a, ch, i) => a + Number(ch) * ID_WEIGHTS[i], 0);
  return ID_CHECK[s % 11];
}
/** ISO 7064 MOD 11-2 for any length, by weights: digit i (1-based, of n) weighs 2^(n−i+1) mod 11. */
function weightedCheck(body: string): string {
  const n = body.length;
  let s = 0;
  let w = 2; // weight of the last body digit
  for (let i = n - 1; i >= 0; i--) {
    s += Number(body[i]) * w;
    w = (w * 2) % 11;
  }
  return ID_CHECK[s % 11];
}
/** The value of a check character in MOD 11-2 ('X' is 10). */
const valueOf = (c: string) => (c === 'X' ? 10 : Number(c));

describe('志愿服务: the certificate contents (志愿服务证明) against a fixture', () => {
  // worked by hand: three counted records of 王秀兰 in the autumn of 2026
  const records = [
    { minutes: 150, teamName: '红袖标巡逻队', content: '红袖标巡逻队值守', startAt: cn(2026, 11, 20, 22, 0), endAt: cn(2026, 11, 21, 0, 30) }, // across midnight
    { minutes: 60, teamName: null, content: '帮邻居把米扛上 6 楼', startAt: cn(2026, 9, 3, 9, 0), endAt: cn(2026, 9, 3, 10, 0) },
    { minutes: 45, teamName: '红袖标巡逻队', content: '红袖标巡逻队值守', startAt: cn(2026, 10, 1, 20, 0), endAt: cn(2026, 10, 1, 20, 45) },
  ];
  const compound = { name: '红湖公园城', community: '红湖社区', address: '成都市成华区红湖路 1 号' };

  it('lists the total, what was done, the period and who issues it', () => {
    expect(certificateContents(records, compound)).toEqual({
      totalMinutes: 255,
      totalHours: '4.3',
      content: ['红袖标巡逻队', '帮邻居把米扛上 6 楼'],
      periodFrom: cn(2026, 9, 3, 9, 0),
      periodTo: cn(2026, 11, 21, 0, 30),
      issuer: '红湖社区居民委员会',
      handler: '红湖公园城志愿服务站',
      contact: '成都市成华区红湖路 1 号',
    });
  });

  it('names a generic issuer without a compound, keeps six kinds of service at most, and has nothing to certify without records', () => {
    const many = Array.from({ length: 8 }, (_x, i) => ({ ...records[1], content: `服务${i}` }));
    expect(certificateContents(many, null)).toMatchObject({ issuer: '社区居民委员会', handler: '社区志愿服务站', contact: '', content: ['服务0', '服务1', '服务2', '服务3', '服务4', '服务5'], totalMinutes: 480 });
    expect(certificateContents([], compound)).toBeNull();
  });
});

describe('志愿服务: the certificate QR code opens the H5 check page', () => {
  it('is the verify page of the hash router with the number, on the site’s origin', () => {
    expect(certificateCheckUrl('https://linli.example.cn/', 'ZY2026120000017')).toBe(`https://linli.example.cn/#${pageUrl('volunteer', 'verify/index')}?number=ZY2026120000017`);
    expect(certificateCheckUrl('http://127.0.0.1:8080', 'ZY202612000001X')).toBe('http://127.0.0.1:8080/#/packages/volunteer/verify/index?number=ZY202612000001X');
  });
});

describe('志愿服务: checkDigit (ISO 7064 MOD 11-2)', () => {
  it('gives X for the published resident ID example 11010519491231002 (worked by hand)', () => {
    // digits   1  1  0  1  0  5  1  9  4  9  1  2  3  1  0  0  2
    // weights  7  9 10  5  8  4  2  1  6  3  7  9 10  5  8  4  2
    // products 7  9  0  5  0 20  2  9 24 27  7 18 30  5  0  0  4  → sum 167; 167 mod 11 = 2 → 'X'
    expect(idCardCheck('11010519491231002')).toBe('X');
    expect(checkDigit('11010519491231002')).toBe('X');
  });

  it('is the ID card’s weighted algorithm on any 17 digits', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 17, maxLength: 17 }), (ds) => {
        expect(checkDigit(ds.join(''))).toBe(idCardCheck(ds.join('')));
      }),
      { numRuns: 2000 },
    );
  });

  it('is the same MOD 11-2 with the weights 2^k mod 11 for any length (the 12-digit certificate body included)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 30 }), (ds) => {
        const body = ds.join('');
        const c = checkDigit(body);
        expect(c).toBe(weightedCheck(body));
        // ISO 7064 MOD 11-2 validity: the whole string, check character weighing 1, sums to 1 mod 11
        const total = [...body].reduce((a, ch, i) => a + Number(ch) * Number((2n ** BigInt(body.length - i)) % 11n), 0) + valueOf(c);
        expect(total % 11).toBe(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('works certificate bodies through by hand', () => {
    // body 2026 12 000001; 12-digit weights (2^12‥2^1 mod 11): 4 2 1 6 3 7 9 10 5 8 4 2
    // digits   2 0 2 6 1 2 0 0 0 0 0 1
    // products 8 0 2 36 3 14 0 0 0 0 0 2 → sum 65; 65 mod 11 = 10 → (12 − 10) mod 11 = 2
    expect(checkDigit('202612000001')).toBe('2');
    // body 2026 12 000008: the same but the last product is 16 → sum 79; 79 mod 11 = 2 → 10 → 'X'
    expect(checkDigit('202612000008')).toBe('X');
    // body 2027 01 000000: 8 0 2 42 0 7 0 0 0 0 0 0 → sum 59; 59 mod 11 = 4 → 8
    expect(checkDigit('202701000000')).toBe('8');
  });
});

describe('志愿服务: certificate numbers', () => {
  it('is ZY + the China month + 6 serial digits + the check digit', () => {
    expect(certificateNumber(cn(2026, 12, 1, 10), 1)).toBe('ZY2026120000012');
    expect(certificateNumber(cn(2026, 12, 31, 23, 59), 8)).toBe('ZY202612000008X');
    expect(certificateNumber(cn(2026, 12, 15), 999_999)).toMatch(/^ZY202612999999[\dX]$/);
  });

  it('takes the month in China time: 31 Dec 23:30 UTC is already January', () => {
    expect(certificateNumber(new Date('2026-12-31T23:30:00Z'), 0)).toBe('ZY2027010000008');
    expect(certificateNumber(new Date('2026-12-31T15:59:59Z'), 1)).toBe('ZY2026120000012');
  });

  it('keeps the serial to 6 digits (serials come from randomInt(1_000_000))', () => {
    expect(certificateNumber(cn(2026, 12, 1), 1_000_001)).toBe(certificateNumber(cn(2026, 12, 1), 1));
  });

  it('accepts the numbers it makes', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2099, 11, 31) }), fc.integer({ min: 0, max: 999_999 }), (t, serial) => {
        const n = certificateNumber(new Date(t), serial);
        expect(n).toMatch(/^ZY\d{12}[\dX]$/);
        expect(n.slice(2, 8)).toBe(chinaDay(t).slice(0, 7).replace('-', ''));
        expect(isCertificateNumber(n)).toBe(true);
      }),
    );
  });

  const body12 = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 }).map((ds) => ds.join(''));
  const ALPHABET = '0123456789X';

  it('detects every single-character substitution of a valid number', () => {
    fc.assert(
      fc.property(body12, (body) => {
        const good = `ZY${body}${checkDigit(body)}`;
        expect(isCertificateNumber(good)).toBe(true);
        for (let i = 2; i < good.length; i++)
          for (const ch of ALPHABET) {
            if (ch === good[i]) continue;
            const bad = good.slice(0, i) + ch + good.slice(i + 1);
            expect(isCertificateNumber(bad)).toBe(false);
          }
      }),
      { numRuns: 300 },
    );
  });

  it('detects every adjacent transposition of a valid number (check character included)', () => {
    fc.assert(
      fc.property(body12, (body) => {
        const good = `ZY${body}${checkDigit(body)}`;
        for (let i = 2; i < good.length - 1; i++) {
          if (good[i] === good[i + 1]) continue;
          const bad = good.slice(0, i) + good[i + 1] + good[i] + good.slice(i + 2);
          expect(isCertificateNumber(bad)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('rejects wrong prefixes, lengths and characters', () => {
    const good = 'ZY2026120000012';
    expect(isCertificateNumber(good)).toBe(true);
    for (const bad of [
      '',
      'ZY',
      'ZX2026120000012',
      'YZ2026120000012',
      'Z2026120000012',
      '2026120000012',
      'ZY202612000001', //   12 digits, no check character
      'ZY20261200000122', // one too many
      'ZY026120000012', //   11-digit body
      'ZY2026120000012X',
      'ZY20261200X0012', //  X only as the check character
      'ZY 2026120000012',
      'ZY2026-120000012',
      'ZY２０２６１２００００１２', // full-width digits
      'ZY2026120000013', //  wrong check digit
      'ZY202612000008 X',
    ])
      expect([bad, isCertificateNumber(bad)]).toEqual([bad, false]);
  });

  it('as implemented: trims surrounding white space and ignores letter case (zy…, …x)', () => {
    expect(isCertificateNumber('  ZY2026120000012\n')).toBe(true);
    expect(isCertificateNumber('zy2026120000012')).toBe(true);
    expect(isCertificateNumber('Zy2026120000012')).toBe(true);
    expect(isCertificateNumber('zy202612000008x')).toBe(true);
    expect(isCertificateNumber('ZY2026120000088')).toBe(false); // the …000008 body wants X, not 8
  });
});

// ---- 5. points and ratings --------------------------------------------------------------------------

describe('志愿服务: pointsFor', () => {
  it.each([
    [0, 'shift', 0],
    [59, 'shift', 0],
    [60, 'shift', 10],
    [119, 'event', 10],
    [120, 'other', 20],
    [0, 'task', 5],
    [59, 'task', 5],
    [90, 'task', 15],
    [1440, 'shift', 240],
  ] as const)('%i minutes of %s → %i points', (m, source, p) => {
    expect(pointsFor(m, source)).toBe(p);
  });

  it('gives 10 per full hour, plus 5 once for a hall task', () => {
    expect([POINTS_PER_HOUR, POINTS_PER_TASK]).toEqual([10, 5]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom(...SERVICE_SOURCES), (m, source) => {
        expect(pointsFor(m, source)).toBe(10 * Math.floor(m / 60) + (source === 'task' ? 5 : 0));
      }),
    );
  });
});

describe('志愿服务: pointsOf (the records that count, nothing stored)', () => {
  it('adds each counted record’s points by its own minutes and source', () => {
    expect(pointsOf([])).toBe(0);
    expect(pointsOf([{ minutes: 120, source: 'shift' }, { minutes: 59, source: 'task' }, { minutes: 90, source: 'event' }])).toBe(20 + 5 + 10);
  });
});

describe('志愿服务: ratingAverage', () => {
  it('shows no average below 3 ratings', () => {
    expect(ratingAverage(0, 0)).toBeNull();
    expect(ratingAverage(5, 1)).toBeNull();
    expect(ratingAverage(9, 2)).toBeNull();
    expect(ratingAverage(3, 3)).toBe('1.0');
  });

  it.each([
    [14, 3, '4.7'], // 4.666…
    [13, 3, '4.3'], // 4.333…
    [15, 3, '5.0'],
    [9, 4, '2.3'], //  2.25 exactly: half up
    [17, 4, '4.3'], // 4.25 exactly: half up
    [11, 4, '2.8'], // 2.75 exactly: half up
    [29, 6, '4.8'], // 4.8333…
    [21, 20, '1.1'], // 1.05 exactly: half up
    [41, 8, '5.1'], // 5.125 (not a real 1–5 average; the arithmetic only)
    [201, 200, '1.0'], // 1.005
  ])('sum %i over %i → %s', (sum, count, want) => {
    expect(ratingAverage(sum, count)).toBe(want);
  });

  it('rounds half up to one decimal from integer sums on random 1–5 star ratings', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 5000 }), (stars) => {
        const sum = stars.reduce((a, b) => a + b, 0);
        const count = stars.length;
        const q = Math.floor((10 * sum) / count);
        const r = 10 * sum - q * count;
        const tenths = q + (2 * r >= count ? 1 : 0);
        expect(ratingAverage(sum, count)).toBe(`${Math.floor(tenths / 10)}.${tenths % 10}`);
      }),
      { numRuns: 500 },
    );
  });
});
