// 公约与表决 in a real browser (issue 12): a resident comments on an article of the 居民公约 under
// consultation; the committee drafts a 管理规约 and opens an owners' vote with 刘芳 as auditor; two
// owners vote online, the auditor enters a paper ballot, the clock passes the end, the committee
// closes the vote, and the result is posted: the criteria and the verdict, and 【表决结果公示】.
import type { BrowserContext, Page } from 'playwright-core';
import { appUrl, launch, openAs, pageErrors, shot } from './helpers/browser';

// the whole flow is one test: nine pages and five people
jest.setTimeout(110_000);

let committee: BrowserContext;
let first: BrowserContext;
let second: BrowserContext;
let auditor: BrowserContext;

async function clock(body: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${appUrl()}/__emulator/clock?env=linli-local`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`clock: ${res.status} ${await res.text()}`);
}

beforeAll(async () => {
  [committee, first, second, auditor] = await Promise.all([launch(), launch(), launch(), launch()]);
});

afterAll(async () => {
  await clock({ reset: true });
  await Promise.all([committee?.close(), first?.close(), second?.close(), auditor?.close()]);
});

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`).first();
const text = (page: Page, t: string) => page.getByText(t).filter({ visible: true }).first();

/** 'YYYY-MM-DD HH:mm' in Beijing time, minutes from now. */
function beijing(minutesFromNow: number): string {
  const d = new Date(Date.now() + minutesFromNow * 60_000 + 8 * 3_600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

async function vote(context: BrowserContext, openid: string, conventionId: string, choice: 'agree' | 'disagree' | 'abstain', name: string): Promise<Page> {
  const page = await openAs(context, openid, `/packages/convention/detail/index?id=${conventionId}`);
  await visible(page, '.js-go-vote').click();
  await visible(page, '.js-ballot-form').waitFor();
  await visible(page, `.js-choice-${choice}`).click();
  await visible(page, '.js-cast').click();
  await visible(page, '.js-confirm-ballot').waitFor();
  await shot(page, `${name}-confirm`);
  await page.locator('.nut-dialog-footer-ok:visible').click();
  await visible(page, '.js-ballot-done').waitFor();
  await shot(page, `${name}-done`);
  return page;
}

test('comment, draft, owners vote online and on paper, close, and the result is posted', async () => {
  // 1. a resident (elder mode) comments on article 3 of the 居民公约 under consultation
  const comment = '建议在小区东侧设置宠物便便箱，方便及时清理';
  const reader = await openAs(first, 'demo-resident', '/packages/convention/detail/index?id=demo-convention-civility');
  await visible(reader, '.js-convention-detail').waitFor();
  await visible(reader, '.js-article-3 .js-comment-3-text textarea').fill(comment);
  await visible(reader, '.js-article-3 .js-comment-3-send').click();
  await visible(reader, '.js-article-3 .js-comments').waitFor();
  await reader.locator('.js-article-3 .js-comment:visible').filter({ hasText: comment }).waitFor();
  expect(await reader.locator('.js-comment-error:visible').count()).toBe(0);
  await visible(reader, '.js-article-3').scrollIntoViewIfNeeded();
  await shot(reader, 'convention-1-comment');

  // 2. the committee drafts a 管理规约
  const title = `电梯使用管理规约 ${Date.now().toString(36)}`;
  const drafter = await openAs(committee, 'demo-committee', '/packages/convention/edit/index');
  await visible(drafter, '.js-convention-form').waitFor();
  await visible(drafter, '.js-field-title input').fill(title);
  await visible(drafter, '.js-kind-management_rules').click();
  await visible(drafter, '.js-field-summary textarea').fill('规范电梯使用与维修资金分摊');
  await visible(drafter, '.js-edit-article-1 .js-article-title input').fill('第一条 文明乘梯');
  await visible(drafter, '.js-edit-article-1 .js-article-body textarea').fill('不在电梯内吸烟、不乱贴广告，搬运大件须提前告知物业。');
  await visible(drafter, '.js-article-add').click();
  await visible(drafter, '.js-edit-article-2 .js-article-title input').fill('第二条 维修费用');
  await visible(drafter, '.js-edit-article-2 .js-article-body textarea').fill('电梯日常维修由物业负责，大修费用从专项维修资金列支。');
  await shot(drafter, 'convention-2-draft');
  await visible(drafter, '.js-save-convention').click();
  await visible(drafter, '.js-convention-detail').waitFor();
  await text(drafter, title).waitFor();
  const conventionId = /[?&]id=([0-9a-f]{32})/.exec(drafter.url())?.[1];
  expect(conventionId).toBeTruthy();
  const id = conventionId!;

  // 3. … and opens an owners' vote (一般事项) ending in two hours, with 刘芳 as auditor
  await visible(drafter, '.js-tool-open').click();
  await visible(drafter, '.js-open-form').waitFor();
  await visible(drafter, '.js-rule-owners_ordinary').click();
  await visible(drafter, '.js-field-end input').fill(beijing(120));
  await visible(drafter, '.js-auditor-query input').fill('刘芳');
  await visible(drafter, '.js-auditor-search').click();
  await visible(drafter, '.js-person-u-demo-grid').click();
  await visible(drafter, '.js-auditors .js-auditor-u-demo-grid').waitFor();
  await shot(drafter, 'convention-3-open-vote', { fullPage: true });
  await visible(drafter, '.js-open-voting').click();
  await visible(drafter, '.js-convention-detail .js-vote').waitFor();
  expect(await visible(drafter, '.js-vote-rule').textContent()).toContain('业主共同决定（一般事项）');
  expect(await visible(drafter, '.js-vote-auditors').textContent()).toContain('刘芳');
  await shot(drafter, 'convention-4-voting');

  // 4. two owners vote online
  const a = await vote(first, 'demo-resident', id, 'agree', 'convention-5-owner-1');
  const b = await vote(second, 'demo-resident-2', id, 'disagree', 'convention-6-owner-2');
  await b.goto(b.url().replace(/#.*$/, `#/packages/convention/detail/index?id=${id}`));
  await visible(b, '.js-voted').waitFor();
  expect(await b.locator('.js-go-vote:visible').count()).toBe(0);

  // 5. the auditor enters a paper ballot for 4栋1单元101 and sees the three ballots
  const audit = await openAs(auditor, 'demo-grid', `/packages/convention/audit/index?id=${id}`);
  await visible(audit, '.js-paper').waitFor();
  await visible(audit, '.js-paper-row-1 .js-paper-building-demo-b4').click();
  await visible(audit, '.js-paper-row-1 .js-paper-unit input').fill('1');
  await visible(audit, '.js-paper-row-1 .js-paper-room input').fill('101');
  await visible(audit, '.js-paper-row-1 .js-paper-choice-agree').click();
  await shot(audit, 'convention-7-paper-ballot');
  await visible(audit, '.js-paper-enter').click();
  const paper = audit.locator('.js-ballots .js-ballot-row:visible').filter({ hasText: '4栋1单元101' });
  await paper.waitFor();
  expect(await paper.locator('.ll-fact__label').textContent()).toBe('4栋1单元101');
  expect(await paper.locator('.ll-fact__value').textContent()).toMatch(/^同意 · 纸质/);
  expect(await audit.locator('.js-paper-error:visible').count()).toBe(0);
  expect(await audit.locator('.js-ballots .js-ballot-row:visible').count()).toBe(3);
  await visible(audit, '.js-ballots').scrollIntoViewIfNeeded();
  await shot(audit, 'convention-8-ballots');

  // 6. the vote's end passes; the committee closes it from the audit page
  await clock({ advanceMs: 150 * 60_000 });
  const closer = await openAs(committee, 'demo-committee', `/packages/convention/audit/index?id=${id}`);
  await visible(closer, '.js-close-voting').click();
  await visible(closer, '.taro-model__confirm').click();
  await visible(closer, '.js-audit .js-phase-counted').waitFor();

  // 7. the result: every criterion against its threshold, and the verdict
  const result = await openAs(second, 'demo-resident-2', `/packages/convention/result/index?id=${id}`);
  await visible(result, '.js-verdict').waitFor();
  expect(await visible(result, '.js-result-rule').textContent()).toContain('业主共同决定（一般事项）');
  expect(await result.locator('.js-criteria .js-criterion:visible').count()).toBeGreaterThan(0);
  // 3 of about 210 owners took part: far from the quorum
  expect(await visible(result, '.js-verdict').textContent()).toBe('参与人数或面积未达法定要求，未通过');
  expect(await visible(result, '.js-source-online').textContent()).toContain('2');
  expect(await visible(result, '.js-source-paper').textContent()).toContain('1');
  expect(await visible(result, '.js-total-part').textContent()).toContain('3');
  await shot(result, 'convention-9-result', { fullPage: true });

  // 8. … posted in 通知公告
  const notices = await openAs(first, 'demo-resident', '/packages/notice/list/index');
  await visible(notices, '.js-notice-list').waitFor();
  await text(notices, `【表决结果公示】${title}`).waitFor();
  await shot(notices, 'convention-10-notice');

  for (const p of [reader, drafter, a, b, audit, closer, result, notices]) expect(pageErrors(p)).toEqual([]);
});
