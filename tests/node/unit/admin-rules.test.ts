// 工作台's pure figures: open requests by age (the buckets the database counts into), rates as
// fractions, the officer's scope, and volunteer minutes by team net of verified corrections.
import { AGE_BUCKETS, ageBucket, ageCutoffs, fraction, inScope, openByAgeFrom, scopeOf, teamMinutes } from '@core/admin/rules';

const now = new Date('2026-12-01T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

describe('open requests by age', () => {
  it('puts each age in its bucket, the edges in the older one', () => {
    expect(ageBucket(hoursAgo(1), now)).toBe('lt1d');
    expect(ageBucket(hoursAgo(24), now)).toBe('1to3d');
    expect(ageBucket(hoursAgo(71), now)).toBe('1to3d');
    expect(ageBucket(hoursAgo(72), now)).toBe('3to7d');
    expect(ageBucket(hoursAgo(24 * 7), now)).toBe('gt7d');
  });

  it('gives the database the same edges: created after a cutoff is younger than it, at the cutoff the older bucket', () => {
    const c = ageCutoffs(now);
    expect([c.day1, c.day3, c.day7]).toEqual([hoursAgo(24), hoursAgo(72), hoursAgo(168)]);
    for (const h of [0, 1, 23.9, 24, 71, 72, 167, 168, 1000]) {
      const at = hoursAgo(h);
      const byCutoff = at > c.day1 ? 'lt1d' : at > c.day3 ? '1to3d' : at > c.day7 ? '3to7d' : 'gt7d';
      expect(byCutoff).toBe(ageBucket(at, now));
    }
  });

  it('lays the database\'s counts out in every bucket, in order, with labels and zeros for the empty ones', () => {
    const out = openByAgeFrom([
      { bucket: 'gt7d', count: 1200, overdue: 1100 },
      { bucket: 'lt1d', count: 3, overdue: 0 },
      { bucket: 'nonsense', count: 9, overdue: 9 },
    ]);
    expect(out.map((b) => b.bucket)).toEqual([...AGE_BUCKETS]);
    expect(out).toEqual([
      { bucket: 'lt1d', label: '1 天内', count: 3, overdue: 0 },
      { bucket: '1to3d', label: '1–3 天', count: 0, overdue: 0 },
      { bucket: '3to7d', label: '3–7 天', count: 0, overdue: 0 },
      { bucket: 'gt7d', label: '7 天以上', count: 1200, overdue: 1100 },
    ]);
  });
});

describe('fractions', () => {
  it('rounds to three decimals and is null when nothing counts, never 0/0 = 0', () => {
    expect(fraction(1, 3)).toBe(0.333);
    expect(fraction(2, 3)).toBe(0.667);
    expect(fraction(0, 5)).toBe(0);
    expect(fraction(5, 5)).toBe(1);
    expect(fraction(0, 0)).toBeNull();
  });
});

describe('the officer\'s scope', () => {
  const officer = { compoundId: null, roles: ['officer' as const], officerScope: ['c1', 'c2'] };
  it('an officer covers the compounds in scope, and only those', () => {
    expect(scopeOf(officer)).toEqual(['c1', 'c2']);
    expect(inScope(officer, 'c2')).toBe(true);
    expect(inScope(officer, 'c3')).toBe(false);
  });
  it('anyone else covers their own compound, whatever scope their record carries', () => {
    const branch = { compoundId: 'c1', roles: ['branch' as const], officerScope: ['c2'] };
    expect(scopeOf(branch)).toEqual(['c1']);
    expect(inScope(branch, 'c2')).toBe(false);
    expect(scopeOf({ compoundId: null, roles: ['resident' as const] })).toEqual([]);
    // an officer who also lives in a compound covers it once
    expect(scopeOf({ ...officer, compoundId: 'c2' })).toEqual(['c2', 'c1']);
  });
});

describe('volunteer minutes by team', () => {
  it('sums minutes (legacy records in hours), takes out the originals a verified correction replaced, biggest team first', () => {
    const out = teamMinutes(
      [
        { team: '测试队', minutes: 180, legacyHours: 0 },
        { team: '巡逻队', minutes: 30, legacyHours: 1.5 },
      ],
      [{ team: '测试队', minutes: 30 }],
    );
    expect(out).toEqual({ minutes: 270, byTeam: [{ name: '测试队', minutes: 150 }, { name: '巡逻队', minutes: 120 }] });
  });

  it('nothing recorded is zero minutes and no teams', () => {
    expect(teamMinutes([], [])).toEqual({ minutes: 0, byTeam: [] });
  });
});
