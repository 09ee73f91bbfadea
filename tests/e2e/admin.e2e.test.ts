// 工作台 on a desktop browser (1440×900, mouse): the committee opens the dashboard (charts drawn, a
// hover shows the values), filters by building, exports the requests ledger as XLSX and opens it
// (parsed back here), puts a request on a meeting's agenda and records the decision; the reporter
// sees it on the request's timeline.
import { strFromU8, unzipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import { launch, openAs, pageErrors, shot } from './helpers/browser';

let desk: BrowserContext;
let phone: BrowserContext;

beforeAll(async () => {
  [desk, phone] = await Promise.all([launch({ desktop: true }), launch()]);
});

afterAll(async () => {
  await Promise.all([desk?.close(), phone?.close()]);
});

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`).first();

/** The cells of the first sheet, row by row (shared or inline strings, numbers). */
function readXlsx(bytes: Uint8Array): string[][] {
  const files = unzipSync(bytes);
  const shared = files['xl/sharedStrings.xml'] ? [...strFromU8(files['xl/sharedStrings.xml']).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')) : [];
  const sheet = Object.keys(files).find((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))!;
  return [...strFromU8(files[sheet]).matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map((row) =>
    [...row[1].matchAll(/<c([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((c) => {
      const body = c[2] ?? '';
      if (/t="s"/.test(c[1])) return shared[Number(/<v>([\s\S]*?)<\/v>/.exec(body)?.[1])] ?? '';
      if (/t="inlineStr"/.test(c[1])) return [...body.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('');
      return /<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? '';
    }),
  );
}

const adminCall = (page: Page, action: string, contains = '') =>
  page.waitForRequest((r) => r.url().includes('/functions/admin') && (r.postData() ?? '').includes(`"action":"${action}"`) && (r.postData() ?? '').includes(contains));

test('the committee at a desk: dashboard and building filter, an XLSX ledger, a meeting decision the reporter sees', async () => {
  // 数据看板: charts drawn beside their tables; hovering a chart shows its values
  const dash = await openAs(desk, 'demo-committee', '/packages/admin/dashboard/index');
  await visible(dash, '.js-rate-response').waitFor();
  expect(await visible(dash, '.js-rate-response').textContent()).toMatch(/(\d+(\.\d)?%|暂无)响应率/);
  const chart = visible(dash, '.js-trend .adm-chart canvas');
  await chart.waitFor();
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  expect(box.width).toBeGreaterThan(200);
  await dash.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6);
  await dash.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.6);
  // the tooltip: the month's three rates, as in the table beside the chart
  await visible(dash, '.js-trend .adm-chart').getByText('响应率').filter({ visible: true }).first().waitFor();
  await shot(dash, 'admin-1-dashboard');
  const filtered = adminCall(dash, 'overview', '"buildingId":"demo-b1"');
  await visible(dash, '.js-building-demo-b1').click();
  await filtered;
  await visible(dash, '.js-rate-response').waitFor();

  // 台账导出: the requests ledger of building 1 as XLSX, opened from its link and read back
  const ledgers = await openAs(desk, 'demo-committee', '/packages/admin/ledgers/index');
  await visible(ledgers, '.js-building-demo-b1').click();
  const exported = ledgers.waitForResponse((r) => r.url().includes('/functions/admin') && (r.request().postData() ?? '').includes('"action":"exportLedger"'));
  await visible(ledgers, '.js-export-submit').click();
  const job = (await (await exported).json()) as { ok: boolean; data: { fileUrl: string; status: string } };
  expect(job.data.status).toBe('ready');
  const fileUrl = job.data.fileUrl;
  const link = visible(ledgers, '.js-export-link');
  await link.waitFor();
  // the link opens the file in a new tab (a download)
  const [fetched] = await Promise.all([desk.waitForEvent('request', (r) => r.url() === fileUrl), link.click()]);
  expect(fetched.url()).toBe(fileUrl);
  const rows = readXlsx(new Uint8Array(await (await fetch(fileUrl)).arrayBuffer()));
  expect(rows[0].slice(0, 3)).toEqual(['编号', '提交时间', '类别']);
  expect(rows.length).toBeGreaterThan(1);
  expect(rows.slice(1).every((r) => r[4].startsWith('1栋'))).toBe(true);
  expect(await visible(ledgers, '.js-export-rows').textContent()).toContain(`共 ${rows.length - 1} 行`);
  await shot(ledgers, 'admin-2-ledger');

  // 说 → 商: the grid worker puts the request on the agenda, the committee's meeting takes it and decides
  const decision = `物业三日内更换楼道灯 ${Date.now().toString(36)}`;
  const detail = await openAs(desk, 'demo-grid', '/packages/request/detail/index?id=demo-request-lamp');
  await visible(detail, '.js-propose').click();
  await visible(detail, '.js-dialog-propose').waitFor();
  const proposed = detail.waitForResponse((r) => r.url().includes('/functions/admin') && (r.request().postData() ?? '').includes('"action":"propose"'));
  await visible(detail, '.nut-dialog-footer-ok').click();
  const { data } = (await (await proposed).json()) as { data: { itemId: string } };
  await detail.getByText('已提交议题').filter({ visible: true }).first().waitFor();

  const meetings = await openAs(desk, 'demo-committee', '/packages/admin/meetings/index');
  await visible(meetings, `.js-agenda-${data.itemId}`).click();
  await visible(meetings, '.js-meeting-title input').fill('12月三方联席会议');
  await visible(meetings, '.js-create-meeting').click();
  const item = visible(meetings, `.js-item-${data.itemId}`);
  await item.waitFor();
  await item.locator('.js-decision-input textarea').fill(decision);
  await item.locator('.js-decide').click();
  await meetings.getByText(decision).filter({ visible: true }).first().waitFor();
  await shot(meetings, 'admin-3-meeting');

  // 评: the reporter reads the decision on the timeline
  const reporter = await openAs(phone, 'demo-resident', '/packages/request/detail/index?id=demo-request-lamp');
  await reporter.getByText('三方联席会议商议').filter({ visible: true }).first().waitFor();
  await reporter.getByText(`12月三方联席会议：${decision}`).filter({ visible: true }).first().waitFor();
  await shot(reporter, 'admin-4-timeline');

  for (const p of [dash, ledgers, detail, meetings, reporter]) expect(pageErrors(p)).toEqual([]);
});
