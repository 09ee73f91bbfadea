// 志愿服务 in a real browser (issue 13): the committee sets up a team that needs approval, led by
// 张卫东; a resident (elder mode) applies, the leader approves and puts up a shift, the resident
// books it, the leader checks her in and, 30 minutes later, out on the roster; her hours show on
// 我的志愿服务, the certificate is issued, and its number checks out on 证明查验.
import type { BrowserContext, Page } from 'playwright-core';
import { appUrl, launch, openAs, pageErrors, shot } from './helpers/browser';

// one flow across six pages and three people
jest.setTimeout(110_000);

let committee: BrowserContext;
let leader: BrowserContext;
let resident: BrowserContext;

async function clock(body: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${appUrl()}/__emulator/clock?env=linli-local`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`clock: ${res.status} ${await res.text()}`);
}

beforeAll(async () => {
  [committee, leader, resident] = await Promise.all([launch(), launch(), launch()]);
});

afterAll(async () => {
  await clock({ reset: true });
  await Promise.all([committee?.close(), leader?.close(), resident?.close()]);
});

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`).first();
const text = (page: Page, t: string) => page.getByText(t).filter({ visible: true }).first();

/** 'YYYY-MM-DD HH:mm' in Beijing time, minutes from now. */
function beijing(minutesFromNow: number): string {
  const d = new Date(Date.now() + minutesFromNow * 60_000 + 8 * 3_600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

test('apply, approve, book a shift, check in and out, hours, certificate and its check', async () => {
  // 1. the committee sets up a team that needs approval, with 张卫东 (demo-member) as its leader
  const name = `楼道清洁队${Date.now().toString(36).slice(-4)}`;
  const stats = await openAs(committee, 'demo-committee', '/packages/volunteer/stats/index');
  await visible(stats, '.js-new-team').waitFor();
  await visible(stats, '.js-new-team-name input').fill(name);
  await visible(stats, '.js-new-team .js-choice-environment').click();
  await visible(stats, '.js-new-team-desc textarea').fill('每周六上午清扫楼道、清理小广告，工具由物业提供。');
  await visible(stats, '.js-leader-query input').fill('张卫东');
  await visible(stats, '.js-leader-search').click();
  await visible(stats, '.js-leader-u-demo-member').click();
  await text(stats, '队长（张卫东）').waitFor();
  expect(await visible(stats, '.js-new-team-approval').getAttribute('aria-checked')).toBe('true');
  await visible(stats, '.js-new-team').scrollIntoViewIfNeeded();
  await shot(stats, 'volunteer-1-new-team');
  await visible(stats, '.js-new-team-submit').click();
  const row = stats.locator('.js-all-teams .vo-row:visible').filter({ hasText: name });
  await row.waitFor();
  expect(await stats.locator('.js-new-team-error:visible').count()).toBe(0);
  const teamId = /js-stat-team-(\S+)/.exec((await row.getAttribute('class')) ?? '')?.[1];
  expect(teamId).toBeTruthy();

  // 2. the resident applies
  const team = await openAs(resident, 'demo-resident', `/packages/volunteer/team/index?id=${teamId}`);
  await visible(team, '.js-join').waitFor();
  await visible(team, '.js-join-skills input').fill('打扫');
  await visible(team, '.js-join-availability input').fill('周六上午');
  await visible(team, '.js-join-submit').click();
  await team.locator('.js-team-detail .js-my-status:visible').filter({ hasText: '待审核' }).waitFor();
  await shot(team, 'volunteer-2-applied');

  // 3. the leader approves and puts up a shift starting in an hour
  const manage = await openAs(leader, 'demo-member', `/packages/volunteer/manage/index?id=${teamId}`);
  const application = manage.locator('.js-applications .js-member:visible').filter({ hasText: '王秀兰' });
  await application.waitFor();
  expect(await application.textContent()).toContain('周六上午');
  await shot(manage, 'volunteer-3-application');
  await application.locator('.js-approve').click();
  await text(manage, '没有待审核的申请').waitFor();
  await visible(manage, '.js-tab-members').click();
  await manage.locator('.js-members .js-member:visible').filter({ hasText: '王秀兰' }).waitFor();

  await visible(manage, '.js-tab-rota').click();
  await visible(manage, '.js-create-shifts').waitFor();
  await visible(manage, '.js-field-shift-start input').fill(beijing(60));
  await visible(manage, '.js-field-shift-end input').fill(beijing(180));
  await visible(manage, '.js-shift-place input').fill('1栋1单元楼道');
  await visible(manage, '.js-shift-submit').click();
  const shift = visible(manage, '.js-rota .js-shift');
  await shift.waitFor();
  expect(await manage.locator('.js-shift-error:visible').count()).toBe(0);
  const shiftId = /js-shift-([0-9a-f]{32})/.exec((await shift.getAttribute('class')) ?? '')?.[1];
  expect(shiftId).toBeTruthy();
  await shot(manage, 'volunteer-4-shift');

  // 4. the resident books it
  await team.reload();
  await team.locator('.js-team-detail .js-my-status:visible').filter({ hasText: '已加入' }).waitFor();
  await visible(team, `.js-shift-${shiftId} .js-book`).click();
  await visible(team, `.js-shift-${shiftId} .js-shift-booked`).waitFor();
  await visible(team, `.js-shift-${shiftId}`).scrollIntoViewIfNeeded();
  await shot(team, 'volunteer-5-booked');

  // 5. the shift starts: the leader checks her in on the roster, and out 30 minutes later
  await clock({ advanceMs: 60 * 60_000 });
  await manage.reload();
  await visible(manage, '.js-tab-rota').click();
  await visible(manage, `.js-shift-${shiftId} .js-open-roster`).click();
  const person = visible(manage, '.js-roster-u-demo-resident');
  await person.waitFor();
  await visible(manage, '.js-shift-code-digits').waitFor();
  await person.locator('.js-roster-in').click();
  await person.locator('.js-roster-out').waitFor();
  await clock({ advanceMs: 30 * 60_000 });
  await person.locator('.js-roster-out').click();
  await person.locator('.js-roster-out').waitFor({ state: 'detached' });
  expect(await person.textContent()).toMatch(/签到 .+ · 签退 /);
  expect(await person.locator('.js-roster-in').count()).toBe(0);
  await person.scrollIntoViewIfNeeded();
  await shot(manage, 'volunteer-6-roster');
  // the leader checked her out: the record is verified already, nothing waits for 核实
  await visible(manage, '.js-tab-records').click();
  await text(manage, '没有待核实的服务记录').waitFor();

  // 6. her hours on 我的志愿服务 (0.5 hours, verified)
  const mine = await openAs(resident, 'demo-resident', '/packages/volunteer/mine/index');
  await visible(mine, '.js-total-hours').waitFor();
  expect(await visible(mine, '.js-total-hours').textContent()).toBe('0.5 小时');
  const record = mine.locator('.js-records .js-record:visible').filter({ hasText: name });
  await record.waitFor();
  expect(await record.locator('.js-record-hours').textContent()).toBe('0.5 小时');
  expect(await record.locator('.js-record-status').textContent()).toBe('已核实');
  expect(await visible(mine, `.js-my-team-${teamId}`).textContent()).toContain(name);
  await shot(mine, 'volunteer-7-hours');

  // 7. the certificate
  await visible(mine, '.js-my-hours .js-certificate').click();
  await visible(mine, '.js-cert-number').waitFor();
  const number = ((await visible(mine, '.js-cert-number .ll-fact__value').textContent()) ?? '').trim();
  expect(number).toMatch(/^ZY\d+/);
  expect(await visible(mine, '.js-cert-hours').textContent()).toContain('0.5 小时');
  expect(await visible(mine, '.js-cert-text').textContent()).toContain('王秀兰');
  await shot(mine, 'volunteer-8-certificate');

  // 8. … checks out on 证明查验, from the certificate and by anyone opening the link
  await visible(mine, '.js-open-verify').click();
  await visible(mine, '.js-verify-valid').waitFor();
  expect(await visible(mine, '.js-verify-hours').textContent()).toContain('0.5 小时');
  const check = await openAs(committee, 'demo-committee', `/packages/volunteer/verify/index?number=${encodeURIComponent(number)}`);
  await visible(check, '.js-verify-valid').waitFor();
  expect(await visible(check, '.js-verify-name').textContent()).toContain('王*');
  expect(await visible(check, '.js-verify-name').textContent()).not.toContain('王秀兰');
  expect(await visible(check, '.js-verify-hours').textContent()).toContain('0.5 小时');
  expect(await visible(check, '.js-verify-issuer').textContent()).toContain('红湖社区居民委员会');
  await shot(check, 'volunteer-9-verified');

  for (const p of [stats, team, manage, mine, check]) expect(pageErrors(p)).toEqual([]);
});
