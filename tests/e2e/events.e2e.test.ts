// 活动报名 in a real browser: the committee publishes an event with one place, two residents
// register, the second waits, the first cancels, and the second is confirmed.
import type { BrowserContext, Page } from 'playwright-core';
import { launch, openAs, pageErrors, shot } from './helpers/browser';

let committee: BrowserContext;
let first: BrowserContext;
let second: BrowserContext;

beforeAll(async () => {
  [committee, first, second] = await Promise.all([launch(), launch(), launch()]);
});

afterAll(async () => {
  await Promise.all([committee?.close(), first?.close(), second?.close()]);
});

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`).first();

/** 'YYYY-MM-DD HH:mm' in Beijing time, hours from now. */
function beijing(hoursFromNow: number): string {
  const d = new Date(Date.now() + hoursFromNow * 3_600_000 + 8 * 3_600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

test('one place: the second resident waits, and is confirmed when the first cancels', async () => {
  const title = `午间故事会 ${Date.now().toString(36)}`;
  const organiser = await openAs(committee, 'demo-committee', '/packages/event/edit/index');
  await visible(organiser, '.js-event-form').waitFor();
  await visible(organiser, '.js-field-title input').fill(title);
  await visible(organiser, '.js-field-description textarea').fill('给小朋友和老人讲红色故事，欢迎参加');
  await visible(organiser, '.js-field-place input').fill('党群服务中心二楼');
  await visible(organiser, '.js-field-capacity input').fill('1');
  await visible(organiser, '.js-field-start input').fill(beijing(48));
  await visible(organiser, '.js-field-end input').fill(beijing(50));
  await visible(organiser, '.js-field-deadline input').fill(beijing(47));
  await shot(organiser, 'event-1-form');
  await visible(organiser, '.js-save-event').click();
  await visible(organiser, '.js-event-detail').waitFor();
  await organiser.getByText(title).filter({ visible: true }).first().waitFor();
  const eventId = /[?&]id=([0-9a-f]{32})/.exec(organiser.url())?.[1];
  expect(eventId).toBeTruthy();
  await shot(organiser, 'event-2-published');

  const a = await openAs(first, 'demo-resident', `/packages/event/detail/index?id=${eventId}`);
  await visible(a, '.js-register').click();
  await visible(a, '.js-my-registration').waitFor();
  await a.getByText('报名成功').filter({ visible: true }).first().waitFor();

  const b = await openAs(second, 'demo-resident-2', `/packages/event/detail/index?id=${eventId}`);
  await visible(b, '.js-register').click();
  await visible(b, '.js-my-position').waitFor();
  expect(await visible(b, '.js-my-position').textContent()).toContain('候补第 1 位');
  await shot(b, 'event-3-waitlisted');

  await visible(a, '.js-cancel-registration').click();
  await a.locator('.nut-dialog-footer-ok:visible').click();
  await visible(a, '.js-register').waitFor();
  await shot(a, 'event-4-cancelled');

  await b.reload();
  await visible(b, '.js-my-registration').waitFor();
  await b.getByText('报名成功').filter({ visible: true }).first().waitFor();
  expect(await b.locator('.js-my-position:visible').count()).toBe(0);
  await shot(b, 'event-5-promoted');

  const list = await openAs(committee, 'demo-committee', `/packages/event/attendees/index?id=${eventId}`);
  await list.getByText('李建国').filter({ visible: true }).first().waitFor();
  await shot(list, 'event-6-attendees');
  for (const p of [organiser, a, b]) expect(pageErrors(p)).toEqual([]);
});
