// 通知公告 in a real browser: the committee publishes to one building, a resident of that building
// sees the unread dot and reads it, and the publisher's statistics move.
import type { BrowserContext, Page } from 'playwright-core';
import { launch, openAs, pageErrors, shot } from './helpers/browser';

let committee: BrowserContext;
let resident: BrowserContext;

beforeAll(async () => {
  [committee, resident] = await Promise.all([launch(), launch()]);
});

afterAll(async () => {
  await Promise.all([committee?.close(), resident?.close()]);
});

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`).first();

test('publish to building 1, a resident there reads it, and the read statistics move', async () => {
  const title = `1栋停水通知 ${Date.now().toString(36)}`;
  const pub = await openAs(committee, 'demo-committee', '/packages/notice/edit/index');
  await visible(pub, '.js-category-outage').click();
  await visible(pub, '.js-field-title input').fill(title);
  await visible(pub, '.js-field-content textarea').fill('明天 9:00-17:00 管道检修停水。\n请提前储水，给您带来不便敬请谅解。');
  await visible(pub, '.js-audience-buildings').click();
  await visible(pub, '.js-building-demo-b1').click();
  await shot(pub, 'notice-1-editor');
  await visible(pub, '.js-save-notice').click();
  await pub.getByText(title).filter({ visible: true }).first().waitFor();
  const noticeId = /[?&]id=([0-9a-f]{32})/.exec(pub.url())?.[1];
  expect(noticeId).toBeTruthy();

  const stats = await openAs(committee, 'demo-committee', `/packages/notice/stats/index?id=${noticeId}`);
  await visible(stats, '.js-households-count').waitFor();
  expect(await visible(stats, '.js-households-count').textContent()).toMatch(/已读住户 0 \//);
  await shot(stats, 'notice-2-stats-before');

  const page = await openAs(resident, 'demo-resident', '/packages/notice/list/index');
  const row = visible(page, `.js-notice-${noticeId}`);
  await row.waitFor();
  expect(await row.locator('.js-unread-dot').count()).toBe(1);
  await shot(page, 'notice-3-unread');
  await row.click();
  await visible(page, '.js-notice-content').waitFor();
  await page.getByText('管道检修停水').filter({ visible: true }).first().waitFor();
  await shot(page, 'notice-4-detail');

  let after = '';
  for (let i = 0; i < 20 && !/已读住户 1 \//.test(after); i++) {
    await stats.reload();
    await visible(stats, '.js-households-count').waitFor();
    after = (await visible(stats, '.js-households-count').textContent()) ?? '';
  }
  expect(after).toMatch(/已读住户 1 \//);
  await shot(stats, 'notice-5-stats-after');
  for (const p of [pub, page]) expect(pageErrors(p)).toEqual([]);
});
