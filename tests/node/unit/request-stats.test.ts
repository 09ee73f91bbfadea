// The per-request figures the three rates are summed from.
import { requestStats } from '@core/request/rules';

const created = new Date('2026-11-01T00:00:00Z');
const base = { state: 'submitted' as const, createdAt: created, firstResponseAt: null, respondedOnTime: null, resolvedAt: null, rating: null, satisfied: null, escalationLevel: 0 };

describe('你呼我应 figures per request', () => {
  it('an open, unanswered request counts once and is open', () => {
    expect(requestStats(base)).toEqual({ counted: 1, responded: 0, respondedOnTime: 0, respondMs: 0, resolved: 0, resolveMs: 0, rated: 0, satisfied: 0, open: 1, escalatedOpen: 0 });
  });

  it('an answered, resolved, satisfied request carries its times', () => {
    const s = requestStats({
      ...base,
      state: 'closed',
      firstResponseAt: new Date(created.getTime() + 3_600_000),
      respondedOnTime: true,
      resolvedAt: new Date(created.getTime() + 5 * 3_600_000),
      rating: 5,
      satisfied: true,
    });
    expect(s).toMatchObject({ responded: 1, respondedOnTime: 1, respondMs: 3_600_000, resolved: 1, resolveMs: 5 * 3_600_000, rated: 1, satisfied: 1, open: 0 });
  });

  it('a withdrawn request is not counted; a reopened one is open and not resolved; unrated closes never count as satisfied', () => {
    expect(requestStats({ ...base, state: 'withdrawn' }).counted).toBe(0);
    expect(requestStats({ ...base, state: 'reopened', escalationLevel: 1, rating: 2, satisfied: false })).toMatchObject({ open: 1, escalatedOpen: 1, resolved: 0, rated: 1, satisfied: 0 });
    expect(requestStats({ ...base, state: 'closed', resolvedAt: created })).toMatchObject({ resolved: 1, rated: 0, satisfied: 0 });
    expect(requestStats({ ...base, state: 'rejected', firstResponseAt: created, respondedOnTime: true })).toMatchObject({ counted: 1, resolved: 0, open: 0 });
  });
});
