// The home page's first load asks each question once: database quota is spent on nothing twice.
import type { BrowserContext, Request } from 'playwright-core';
import { launch, openAs, pageErrors } from './helpers/browser';

let context: BrowserContext;

beforeAll(async () => {
  context = await launch();
});

afterAll(async () => {
  await context?.close();
});

function actionOf(req: Request): string | null {
  const m = /\/functions\/([\w-]+)$/.exec(new URL(req.url()).pathname);
  if (!m || req.method() !== 'POST') return null;
  try {
    return `${m[1]}.${(JSON.parse(req.postData() ?? '{}') as { action?: string }).action}`;
  } catch {
    return `${m[1]}.?`;
  }
}

test('opening 首页 asks for my requests, events and notices once each, and the session at most twice', async () => {
  const calls: string[] = [];
  context.on('request', (req) => {
    const a = actionOf(req);
    if (a) calls.push(a);
  });
  const page = await openAs(context, 'demo-resident');
  await page.locator('.js-my-requests-card, .js-home-notices').first().waitFor({ state: 'visible', timeout: 20_000 });
  // let every section finish, and any second round start
  await page.waitForTimeout(2_000);
  const counts: Record<string, number> = {};
  for (const c of calls) counts[c] = (counts[c] ?? 0) + 1;
  // each section asks once; the session may be read once more when the tab first shows (it is read on
  // every show so that a binding reviewed meanwhile appears at once), never more
  expect(Object.entries(counts).filter(([action, n]) => n > (action === 'user.login' ? 2 : 1))).toEqual([]);
  expect(counts).toMatchObject({ 'request.listMine': 1, 'event.list': 1, 'notice.list': 1 });
  expect(counts['user.login']).toBeGreaterThanOrEqual(1);
  expect(pageErrors(page)).toEqual([]);
});
