// core/time.ts: months in China time (the dashboards' month pickers and the requests' month field).
import { monthLabel, monthOf, recentMonths } from '@core/time';

describe('China-time months', () => {
  it('names the month of an instant as Beijing sees it, whatever the machine’s zone', () => {
    // 16:30 UTC on 30 November is already 1 December in Beijing
    expect(monthOf(new Date('2026-11-30T16:30:00.000Z'))).toBe('2026-12');
    expect(monthOf(new Date('2026-11-30T15:59:59.999Z'))).toBe('2026-11');
  });

  it('lists this month and the ones before it, newest first, across a new year', () => {
    expect(recentMonths(new Date('2027-01-31T16:00:00.000Z'), 4)).toEqual(['2027-02', '2027-01', '2026-12', '2026-11']);
    expect(recentMonths(new Date('2026-12-01T00:00:00.000Z'))).toHaveLength(6);
  });

  it('labels a month in Chinese', () => {
    expect(monthLabel('2026-03')).toBe('2026年3月');
  });
});
