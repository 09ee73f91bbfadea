// Issue 11 item 4 in a real browser: the property changes one line of a published fee disclosure;
// a resident who had read it sees it unread again, marked 已修改, with the old and new amounts.
import type { BrowserContext, Page } from 'playwright-core';
import { launch, openAs, pageErrors, shot } from './helpers/browser';

let property: BrowserContext;
let resident: BrowserContext;

beforeAll(async () => {
  [property, resident] = await Promise.all([launch(), launch()]);
});

afterAll(async () => {
  await Promise.all([property?.close(), resident?.close()]);
});

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`).first();
const FEES = 'demo-notice-fees';

test('an edited fee disclosure is unread again for its readers and shows what changed', async () => {
  const reader = await openAs(resident, 'demo-resident-2', `/packages/notice/detail/index?id=${FEES}`);
  await visible(reader, '.js-fee-table').waitFor();
  expect(await reader.locator('.js-notice-edited').count()).toBe(0);

  const list = await openAs(resident, 'demo-resident-2', '/packages/notice/list/index');
  const row = visible(list, `.js-notice-${FEES}`);
  await row.waitFor();
  expect(await row.locator('.js-unread-dot').count()).toBe(0);

  const edit = await openAs(property, 'demo-property', `/packages/notice/edit/index?id=${FEES}`);
  const amount = edit.locator('.js-fee-editor .js-fee-amount input').first();
  await amount.waitFor();
  expect(await amount.inputValue()).toBe('186420');
  await amount.fill('175620');
  await shot(edit, 'notice-version-1-editor');
  await visible(edit, '.js-save-notice').click();
  await edit.waitForTimeout(3000);
  const problems = await edit.locator('.js-form-error').allTextContents();
  expect(problems).toEqual([]);

  let dots = 0;
  for (let i = 0; i < 20 && !dots; i++) {
    await list.reload();
    await visible(list, `.js-notice-${FEES}`).waitFor();
    dots = await visible(list, `.js-notice-${FEES}`).locator('.js-unread-dot').count();
  }
  expect(dots).toBe(1);
  expect(await visible(list, `.js-notice-${FEES}`).locator('.js-edited-tag').count()).toBe(1);
  await shot(list, 'notice-version-2-unread-again');

  await visible(list, `.js-notice-${FEES}`).click();
  await visible(list, '.js-notice-edited').waitFor();
  expect(await visible(list, '.js-notice-edited').textContent()).toMatch(/^已于 .+ 修改/);
  expect(await visible(list, '.js-notice-history').textContent()).toContain('修改记录（公开）');
  expect(await visible(list, '.js-change-fee').textContent()).toBe('物业费收入（2026-10） 金额：186,420.00 元 → 175,620.00 元');
  await shot(list, 'notice-version-3-history', { fullPage: true });
  for (const p of [reader, list]) expect(pageErrors(p)).toEqual([]);
});
