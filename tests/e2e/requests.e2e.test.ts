// 你呼我应 in a real browser: a resident reports, the building's grid worker accepts and resolves
// with a note, and the resident rates 5 (closed) — or rates 2, which sends it back to the branch.
import type { BrowserContext, Page } from 'playwright-core';
import { launch, openAs, pageErrors, shot } from './helpers/browser';

let resident: BrowserContext;
let grid: BrowserContext;

beforeAll(async () => {
  [resident, grid] = await Promise.all([launch(), launch()]);
});

afterAll(async () => {
  await Promise.all([resident?.close(), grid?.close()]);
});

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`).first();

async function report(page: Page, content: string, name: string): Promise<string> {
  await page.locator('.js-report:visible').click();
  await visible(page, '.js-report-form').waitFor();
  await visible(page, '.js-category-repair').click();
  await visible(page, '.js-content textarea').fill(content);
  await visible(page, '.js-building-demo-b1').click();
  await visible(page, '.js-unit-1').click();
  await visible(page, '.js-urgency-utilities').click();
  await shot(page, `${name}-1-report`);
  await visible(page, '.js-submit-request').click();
  await visible(page, '.js-request-detail').waitFor();
  await page.getByText(content).filter({ visible: true }).first().waitFor();
  await shot(page, `${name}-2-submitted`);
  const id = /[?&]id=([0-9a-f]{32})/.exec(page.url())?.[1];
  if (!id) throw new Error(`no request id in ${page.url()}`);
  return id;
}

async function gridAnswers(requestId: string, note: string, name: string): Promise<Page> {
  const staff = await openAs(grid, 'demo-grid', '/packages/request/work/index');
  const row = visible(staff, `.js-request-${requestId}`);
  await row.waitFor();
  await shot(staff, `${name}-3-grid-workbench`);
  await row.click();
  await visible(staff, '.js-action-accept').click();
  await visible(staff, '.js-action-resolve').waitFor();
  await visible(staff, '.js-action-resolve').click();
  await visible(staff, '.js-resolve-input textarea').fill(note);
  await staff.locator('.nut-dialog-footer-ok:visible').click();
  await staff.getByText(note).filter({ visible: true }).first().waitFor();
  await shot(staff, `${name}-4-grid-resolved`);
  return staff;
}

async function rate(page: Page, requestId: string, stars: number, fixed: boolean, name: string) {
  await page.goto(page.url().replace(/#.*$/, `#/packages/request/detail/index?id=${requestId}`));
  await visible(page, '.js-rate-card').waitFor();
  await visible(page, `.js-rating-${stars}`).click();
  await visible(page, fixed ? '.js-fixed-yes' : '.js-fixed-no').click();
  if (stars <= 2 || !fixed) await visible(page, '.js-sent-back').waitFor();
  await shot(page, `${name}-5-rating`);
  await visible(page, '.js-submit-rating').click();
}

test('a resident reports, the grid worker resolves it with a note, and the resident rates 5', async () => {
  const page = await openAs(resident, 'demo-resident');
  const requestId = await report(page, '1栋1单元3楼楼道灯不亮，老人晚上下楼看不见', 'request-happy');
  const staff = await gridAnswers(requestId, '已更换楼道灯泡，感应正常', 'request-happy');
  await rate(page, requestId, 5, true, 'request-happy');
  await page.getByText('已办结').filter({ visible: true }).first().waitFor();
  await shot(page, 'request-happy-6-closed');
  expect(pageErrors(page)).toEqual([]);
  expect(pageErrors(staff)).toEqual([]);
});

test('a rating of 2 reopens the request and the branch sees it', async () => {
  const page = await openAs(resident, 'demo-resident');
  const requestId = await report(page, '1栋1单元门禁又坏了，刷卡没反应', 'request-reopen');
  await gridAnswers(requestId, '已重启门禁', 'request-reopen');
  await rate(page, requestId, 2, true, 'request-reopen');
  await page.getByText('重新办理').filter({ visible: true }).first().waitFor();
  await shot(page, 'request-reopen-6-reopened');

  const branch = await openAs(grid, 'demo-branch', '/packages/request/work/index');
  await visible(branch, '.js-filter-escalated').click();
  await visible(branch, `.js-request-${requestId}`).waitFor();
  await shot(branch, 'request-reopen-7-branch');
});
