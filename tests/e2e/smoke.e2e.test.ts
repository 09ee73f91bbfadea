// Smoke: the local H5 build, served by the emulator, opens for a demo resident in Chromium.
import type { BrowserContext } from 'playwright-core';
import { appUrl, launch, openAs, pageErrors, shot } from './helpers/browser';

let context: BrowserContext;

beforeAll(async () => {
  context = await launch();
});

afterAll(async () => {
  await context?.close();
});

test('the home page shows the demo compound to demo-resident', async () => {
  const page = await openAs(context, 'demo-resident');
  await page.locator('#app').waitFor({ state: 'attached' });
  for (const tab of ['首页', '办事', '我的']) {
    await page.locator('.taro-tabbar__tabbar').getByText(tab, { exact: true }).waitFor({ state: 'visible' });
  }
  await page.getByText('红湖公园城').first().waitFor({ state: 'visible', timeout: 20_000 });
  await shot(page, 'smoke-home');
  expect(pageErrors(page)).toEqual([]);
});

test('首页 downloads beside app.js: its chunks are preloaded, and none is asked for after the page loaded', async () => {
  const html = await (await fetch(`${appUrl()}/`)).text();
  const preloaded = [...html.matchAll(/<link rel="preload" as="(script|style)" href="([^"]+)"/g)].map((m) => m[2]);
  expect(preloaded.length).toBeGreaterThan(0);
  const page = await context.newPage();
  const late: string[] = [];
  let loaded = false;
  page.on('load', () => (loaded = true));
  page.on('request', (r) => {
    if (loaded && /\.(js|css)$/.test(new URL(r.url()).pathname)) late.push(new URL(r.url()).pathname);
  });
  await page.addInitScript(() => localStorage.setItem('linli.devOpenid', JSON.stringify({ data: 'demo-resident' })));
  await page.goto(`${appUrl()}/#/pages/home/index`);
  // the big entry needs no server answer: it shows while the session is on its way
  await page.locator('.js-report').first().waitFor({ state: 'visible', timeout: 20_000 });
  await page.getByText('红湖公园城').first().waitFor({ state: 'visible', timeout: 20_000 });
  expect(late).toEqual([]);
  for (const href of preloaded) expect((await fetch(`${appUrl()}${href}`)).status).toBe(200);
  await page.close();
});
