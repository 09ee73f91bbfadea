// Smoke: the local H5 build, served by the emulator, opens for a demo resident in Chromium.
import type { BrowserContext } from 'playwright-core';
import { launch, openAs, pageErrors, shot } from './helpers/browser';

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
