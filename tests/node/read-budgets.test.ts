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
