// Subscription-message fields: within WeChat's limits, times in China Standard Time.
import { beijingTime, phrase, thing } from '../../../cloudfunctions/runtime/notify';

describe('subscription message fields', () => {
  it('shows times as residents read them (UTC+8), across midnight', () => {
    expect(beijingTime(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12-01 00:30');
    expect(beijingTime(new Date('2026-11-22T02:05:00Z'))).toBe('2026-11-22 10:05');
  });

  it('keeps thing ≤ 20 characters and phrase ≤ 5', () => {
    expect([...thing('一'.repeat(30))]).toHaveLength(20);
    expect(thing('  楼道  灯坏了 ')).toBe('楼道 灯坏了');
    expect(phrase('已办结待评价')).toBe('已办结待评');
  });
});
