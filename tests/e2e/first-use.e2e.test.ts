// First use in a real browser: privacy consent, household binding, verification by the building's
// grid worker, and the elder-friendly mode switched on and off.
import type { BrowserContext } from 'playwright-core';
import { launch, openAs, pageErrors, shot } from './helpers/browser';

let resident: BrowserContext;
let grid: BrowserContext;
const newcomer = `e2e-new-${Date.now().toString(36)}`;
const room = `${(Date.now() % 9) + 1}02`;

beforeAll(async () => {
  [resident, grid] = await Promise.all([launch(), launch()]);
});

afterAll(async () => {
  await Promise.all([resident?.close(), grid?.close()]);
});

test('a newcomer consents, applies for a household, and the grid worker verifies it', async () => {
  const page = await openAs(resident, newcomer);
  await page.getByText('欢迎使用邻里共治').waitFor();
  await shot(page, 'first-use-1-home');

  await page.locator('.js-start-consent').click();
  await page.getByText('我们收集哪些信息').waitFor();
  await shot(page, 'first-use-2-consent');
  await page.locator('.js-agree').click();

  await page.locator('.js-binding-form').waitFor();
  await page.locator('.js-buildings').getByText('1栋', { exact: true }).click();
  await page.getByText('2单元', { exact: true }).click();
  await page.locator('.js-room input').fill('12 01');
  await page.locator('.js-submit-binding').click();
  await page.getByText(/房号只能包含数字和字母/).waitFor();
  await page.locator('.js-room input').fill(room);
  await page.locator('.js-name input').fill('马晓燕');
  await page.locator('.js-phone input').fill('13811112222');
  await shot(page, 'first-use-3-binding-form');
  await page.locator('.js-submit-binding').click();
  await page.locator('.js-binding-pending:visible').waitFor();
  await page.getByText(`1栋2单元${room}室`).filter({ visible: true }).first().waitFor();
  await shot(page, 'first-use-4-pending');

  const staff = await openAs(grid, 'demo-grid', '/packages/user/verify/index');
  const item = staff.locator('.js-pending-item', { hasText: `2单元${room}室` });
  await item.waitFor();
  await shot(staff, 'first-use-5-grid-queue');
  await item.locator('.js-verify').click();
  await item.waitFor({ state: 'detached' });

  await page.goto(page.url().replace(/#.*$/, '#/pages/home/index'));
  // the tag of 我的房屋 (the card's title holds it too; a second home instance may still be leaving)
  await page.locator('.js-home-label').filter({ visible: true }).first().waitFor();
  await page.getByText('已认证').filter({ visible: true }).first().waitFor();
  await page.getByText(`1栋2单元${room}室`).filter({ visible: true }).first().waitFor();
  await shot(page, 'first-use-6-verified');
  expect(pageErrors(page)).toEqual([]);
  expect(pageErrors(staff)).toEqual([]);
});

test('the grid worker rejects with a reason, and the applicant sees why', async () => {
  const applicant = `e2e-rej-${Date.now().toString(36)}`;
  const ctx = await launch();
  try {
    const page = await openAs(ctx, applicant, '/packages/user/consent/index');
    await page.locator('.js-agree').click();
    await page.locator('.js-buildings').getByText('4栋', { exact: true }).click();
    await page.getByText('1单元', { exact: true }).click();
    await page.locator('.js-room input').fill('301');
    await page.locator('.js-name input').fill('何志勇');
    await page.locator('.js-submit-binding').click();
    await page.locator('.js-binding-pending:visible').waitFor();

    const staff = await openAs(grid, 'demo-grid', '/packages/user/verify/index');
    const item = staff.locator('.js-pending-item', { hasText: '4栋1单元301室' });
    await item.locator('.js-reject').click();
    await staff.locator('.js-reject-reason input').fill('房号与登记不符');
    await staff.locator('.nut-dialog-footer-ok').click();
    await item.waitFor({ state: 'detached' });

    await page.goto(page.url().replace(/#.*$/, '#/pages/home/index'));
    await page.getByText(/房号与登记不符/).filter({ visible: true }).first().waitFor();
    await page.getByText('重新申请认证').filter({ visible: true }).waitFor();
    await shot(page, 'first-use-7-rejected');
  } finally {
    await ctx.close();
  }
});

test('elder mode switches on and off from the page toolbar and is remembered', async () => {
  const page = await openAs(resident, 'demo-resident-2');
  await page.getByText('红湖公园城').first().waitFor();
  const shell = page.locator('.ll-page').first();
  await page.locator('.ll-elder-toggle').first().click();
  await expectClass(shell, /elder/);
  const big = await page.locator('.ll-title').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  await shot(page, 'elder-on');

  await page.reload();
  await page.getByText('红湖公园城').first().waitFor();
  await expectClass(page.locator('.ll-page').first(), /elder/);

  await page.locator('.ll-elder-toggle').first().click();
  await expect(page.locator('.ll-page').first().getAttribute('class')).resolves.not.toMatch(/elder/);
  const normal = await page.locator('.ll-title').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(big).toBeGreaterThan(normal * 1.2);
  await shot(page, 'elder-off');
});

async function expectClass(locator: import('playwright-core').Locator, re: RegExp) {
  for (let i = 0; i < 50; i++) {
    if (re.test((await locator.getAttribute('class')) ?? '')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`class never matched ${re}`);
}
