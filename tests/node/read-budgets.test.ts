// The database requests of the read actions the soak found over budget (list ≤ 2, detail ≤ 2), per
// invocation through the function host, as demo identities on the demo content.
import { control, freshEnv, invoke } from './helpers/cloud';

const env = freshEnv('reads');

async function requests(fn: string, action: string, data: Record<string, unknown>, openid: string): Promise<number> {
  const res = await invoke(env, fn, { action, data }, openid);
  if (!res.body.ok) throw new Error(`${fn}.${action} as ${openid}: ${res.body.code} ${res.body.message}`);
  return res.dbRequests;
}

beforeAll(async () => {
  await control(env, '/seed', 'POST', { kind: 'demo', content: true });
});

const READERS = ['demo-resident', 'demo-member', 'demo-committee', 'demo-grid'];

/**
 * convention.get reads the convention, its changelog, the caller's register entry, the ballot count,
 * the household's ballots, the proxies given and held and the signature with the caller (one
 * aggregate); a second request only in rare cases (an owner of several units whose ballot was cast
 * from another unit, a proxy holder whose unused proxy's unit may have voted, someone who moved since
 * the vote opened). notice.list: the caller, then the page and the newest 100 with the caller's
 * reads nested (one aggregate).
 */
describe('read actions within their database budget', () => {
  it.each(READERS)('convention.get as %s: ≤ 2', async (who) => {
    expect(await requests('convention', 'get', { conventionId: 'demo-convention-parking' }, who)).toBeLessThanOrEqual(2);
    expect(await requests('convention', 'get', { conventionId: 'demo-convention-civility' }, who)).toBeLessThanOrEqual(2);
  });

  it('convention.get of an earlier version: ≤ 2', async () => {
    expect(await requests('convention', 'get', { conventionId: 'demo-convention-parking', version: 1 }, 'demo-resident')).toBeLessThanOrEqual(2);
  });

  it.each(READERS)('notice.list as %s: ≤ 2', async (who) => {
    expect(await requests('notice', 'list', {}, who)).toBeLessThanOrEqual(2);
    expect(await requests('notice', 'list', { category: 'outage' }, who)).toBeLessThanOrEqual(2);
  });

  it.each(READERS)('notice.get as %s, read before: ≤ 2', async (who) => {
    await requests('notice', 'get', { noticeId: 'demo-notice-fees' }, who);
    expect(await requests('notice', 'get', { noticeId: 'demo-notice-fees' }, who)).toBeLessThanOrEqual(2);
  });

  it.each(READERS)('volunteer.listTeams as %s: ≤ 2', async (who) => {
    expect(await requests('volunteer', 'listTeams', {}, who)).toBeLessThanOrEqual(2);
    expect(await requests('volunteer', 'listTeams', { mine: true }, who)).toBeLessThanOrEqual(2);
  });
});

describe('write actions within their database budget (≤ 3)', () => {
  it.each([
    ['a building', { buildingId: 'demo-b1', unit: '1' }],
    ['a common area', { area: '中心花园' }],
  ])('request.create about %s: the caller, the building and the compound in one read, the request, its audit row', async (_where, location) => {
    const data = { category: 'repair', content: '楼道灯坏了，晚上看不见', location, urgency: 'general', visibility: 'private', idempotencyKey: `budget-${Math.random().toString(36).slice(2)}` };
    expect(await requests('request', 'create', data, 'demo-resident-2')).toBeLessThanOrEqual(3);
  });
});
