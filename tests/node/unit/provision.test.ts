import path from 'node:path';
import { COLLECTIONS } from '../../../cloudfunctions/runtime/collections';
import { describeIndexes, planProvisioning } from '../../../scripts/provision';

describe('provisioning a CloudBase environment', () => {
  const plan = planProvisioning(COLLECTIONS, path.resolve(__dirname, '../../../dist/cloudfunctions'));

  it('creates every declared collection with client access denied', () => {
    expect(plan.collections.map((c) => c.name).sort()).toEqual(Object.keys(COLLECTIONS).sort());
    expect(plan.collections.every((c) => c.rule.read === false && c.rule.write === false)).toBe(true);
  });

  it('declares the unique indexes the data layer relies on (DESIGN §3)', () => {
    const unique = plan.collections.flatMap((c) => c.indexes.filter((i) => i.MgoKeySchema.MgoIsUnique).map((i) => `${c.name}.${i.IndexName}`));
    expect(unique).toEqual(
      expect.arrayContaining([
        'users.uniq_openid',
        'ballots.uniq_household_ballot',
        'registrations.uniq_event_user',
        'team_members.uniq_active_membership',
        'notice_reads.uniq_notice_user',
        'requests.uniq_idempotency',
      ]),
    );
    const reads = plan.collections.find((c) => c.name === 'notice_reads')!.indexes[0];
    expect(reads.MgoKeySchema.MgoIndexKeys).toEqual([
      { Name: 'noticeId', Direction: '1' },
      { Name: 'userId', Direction: '1' },
    ]);
  });

  it('creates the secondary indexes the emulator serves queries from, and --dry-run lists them', () => {
    const secondary = plan.collections.flatMap((c) => c.indexes.filter((i) => !i.MgoKeySchema.MgoIsUnique).map((i) => `${c.name}.${i.IndexName}`));
    expect(secondary).toEqual(expect.arrayContaining(['requests.by_state', 'registrations.by_queue', 'notices.by_publish']));
    const text = describeIndexes(plan);
    expect(text).toContain('registrations.by_queue (eventId asc, status asc, queuedAt asc) secondary');
    expect(text).toContain('users.uniq_openid (openid asc) unique');
  });

  it('deploys each built function with its timeout', () => {
    expect(plan.functions.find((f) => f.name === 'user')).toMatchObject({ timeout: 5, triggers: [] });
  });
});
