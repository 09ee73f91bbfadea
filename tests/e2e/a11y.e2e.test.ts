// 无障碍 / 适老化: the main pages of every role, audited by axe-core in normal and elder mode
// (长辈模式, switched from each page's own toolbar), must have no serious or critical violation;
// and every tappable thing is reached with Tab and worked with Enter or Space.
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { launch, openAs, shot } from './helpers/browser';
import { AXE_REPORT, axe, blocking, record } from './helpers/axe';

let context: BrowserContext;

beforeAll(async () => {
  fs.rmSync(AXE_REPORT, { force: true });
  context = await launch();
});

afterAll(async () => {
  await context?.close();
});

const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`).first();

/** The visible page has loaded: its shell is shown and no spinner is left. */
async function settle(page: Page): Promise<void> {
  await visible(page, '.ll-page').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => ![...document.querySelectorAll('.ll-spinner')].some((e) => (e as HTMLElement).offsetParent !== null), null, {
    timeout: 30_000,
  });
  await page.waitForTimeout(300);
}

async function isElder(page: Page): Promise<boolean> {
  return /\belder\b/.test((await visible(page, '.ll-page').getAttribute('class')) ?? '');
}

async function setElder(page: Page, on: boolean): Promise<void> {
  if ((await isElder(page)) === on) return;
  await visible(page, '.ll-elder-toggle').click();
  await page.waitForFunction(
    (want) => {
      const shell = [...document.querySelectorAll('.ll-page')].find((e) => (e as HTMLElement).offsetParent !== null);
      return !!shell && shell.classList.contains('elder') === want;
    },
    on,
    { timeout: 20_000 },
  );
  await page.waitForTimeout(200);
}

interface Target {
  name: string;
  route: string;
  /** A row to open from the route (a list) to reach a detail page. */
  open?: string;
  /** What shows the page is the one meant. */
  ready?: string;
}

/** Audits each target in both modes; returns 'page/mode rule (impact): nodes' for every blocking finding. */
async function audit(openid: string, targets: Target[]): Promise<string[]> {
  const problems: string[] = [];
  for (const t of targets) {
    const page = await openAs(context, openid, t.route);
    try {
      await settle(page);
      if (t.open) {
        await visible(page, t.open).click();
        await settle(page);
      }
      if (t.ready) await visible(page, t.ready).waitFor({ timeout: 30_000 });
      const startedElder = await isElder(page);
      for (const elder of [startedElder, !startedElder]) {
        await setElder(page, elder);
        const mode = elder ? 'elder' : 'normal';
        const name = `a11y-${openid}-${t.name}-${mode}`;
        const findings = await axe(page);
        record(name, findings);
        await shot(page, name, { fullPage: true });
        for (const f of findings.filter(blocking)) problems.push(`${openid} ${t.name}/${mode} ${f.rule} (${f.impact}) ${f.help}: ${f.nodes.join(' | ')}`);
      }
      // leave the identity as it was found (elder mode is kept in the profile)
      await setElder(page, startedElder);
    } finally {
      await page.close();
    }
  }
  return problems;
}

const TIMEOUT = 300_000;

test(
  'a resident’s pages have no serious or critical axe violation in either mode',
  async () => {
    const problems = await audit('demo-resident', [
      { name: 'home', route: '/pages/home/index', ready: '.js-home-label' },
      { name: 'services', route: '/pages/services/index' },
      { name: 'me', route: '/pages/me/index' },
      { name: 'report', route: '/packages/request/report/index', ready: '.js-report-form' },
      { name: 'request-detail', route: '/packages/request/mine/index', open: '.js-request-row', ready: '.js-request-detail' },
      { name: 'event-list', route: '/packages/event/list/index', ready: '.js-event-row' },
      { name: 'event-detail', route: '/packages/event/list/index', open: '.js-event-row' },
      { name: 'notice-list', route: '/packages/notice/list/index', ready: '.js-notice-row' },
      { name: 'notice-detail', route: '/packages/notice/list/index', open: '.js-notice-row' },
      { name: 'privacy', route: '/packages/user/privacy/index' },
    ]);
    expect(problems).toEqual([]);
  },
  TIMEOUT,
);

test(
  'a member’s and a grid worker’s pages have no serious or critical axe violation in either mode',
  async () => {
    const problems = [
      ...(await audit('demo-member', [
        { name: 'home', route: '/pages/home/index' },
        { name: 'hall', route: '/packages/request/hall/index' },
      ])),
      ...(await audit('demo-grid', [
        { name: 'home', route: '/pages/home/index' },
        { name: 'workbench', route: '/packages/request/work/index' },
        { name: 'verify', route: '/packages/user/verify/index' },
      ])),
    ];
    expect(problems).toEqual([]);
  },
  TIMEOUT,
);

test(
  'property, committee, branch and officer pages have no serious or critical axe violation in either mode',
  async () => {
    const problems = [
      ...(await audit('demo-property', [{ name: 'workbench', route: '/packages/request/work/index' }])),
      ...(await audit('demo-committee', [
        { name: 'workbench', route: '/packages/request/work/index' },
        { name: 'notice-edit', route: '/packages/notice/edit/index' },
      ])),
      ...(await audit('demo-branch', [
        { name: 'roles', route: '/packages/user/roles/index' },
        { name: 'services', route: '/pages/services/index' },
        { name: 'event-edit', route: '/packages/event/edit/index' },
        { name: 'stats', route: '/packages/request/stats/index' },
      ])),
      ...(await audit('demo-officer', [{ name: 'workbench', route: '/packages/request/work/index' }])),
    ];
    expect(problems).toEqual([]);
  },
  TIMEOUT,
);

test(
  'the 工作台 pages have no serious or critical axe violation in either mode',
  async () => {
    const problems = [
      ...(await audit('demo-branch', [
        { name: 'admin-dashboard', route: '/packages/admin/dashboard/index', ready: '.js-trend canvas' },
        { name: 'admin-ledgers', route: '/packages/admin/ledgers/index' },
        { name: 'admin-audit', route: '/packages/admin/audit/index' },
        { name: 'admin-moderation', route: '/packages/admin/moderation/index' },
        { name: 'admin-meetings', route: '/packages/admin/meetings/index' },
      ])),
      ...(await audit('demo-officer', [{ name: 'admin-compounds', route: '/packages/admin/compounds/index', ready: '.js-compounds' }])),
    ];
    expect(problems).toEqual([]);
  },
  TIMEOUT,
);

test('a keyboard alone reaches 我要反映, opens it with Enter and picks a category with Space', async () => {
  const page = await openAs(context, 'demo-resident');
  await settle(page);
  await visible(page, '.js-report').waitFor();
  // Tab through the page until the 我要反映 tile has the focus
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => !!document.activeElement?.classList.contains('js-report'));
  }
  expect(reached).toBe(true);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('button');
  await shot(page, 'a11y-keyboard-focus');
  await page.keyboard.press('Enter');
  await visible(page, '.js-report-form').waitFor();
  await visible(page, '.js-category-repair').focus();
  await page.keyboard.press(' ');
  await expect(visible(page, '.js-category-repair').getAttribute('aria-checked')).resolves.toBe('true');
  await page.close();
});

test('a long form brings the field with the problem into view and marks it', async () => {
  const page = await openAs(context, 'demo-resident', '/packages/request/report/index');
  await settle(page);
  await visible(page, '.js-report-form').waitFor();
  await visible(page, '.js-submit-request').scrollIntoViewIfNeeded();
  await visible(page, '.js-submit-request').click();
  const field = visible(page, '.js-form-field-category.is-invalid');
  await field.waitFor();
  await expect(field.locator('.js-field-error').textContent()).resolves.toBe('请选择反映类别');
  // scrolled back up to the category tiles: the message at the top of the marked field is on screen
  await page.waitForFunction(() => {
    const el = [...document.querySelectorAll('.js-form-field-category .js-field-error')].find((e) => (e as HTMLElement).offsetParent !== null);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }, null, { timeout: 10_000 });
  await shot(page, 'a11y-form-problem');
  await page.close();
});

test('on a desktop browser the staff workbench is one centred column, not edge to edge', async () => {
  const desktop = await launch({ desktop: true });
  try {
    const page = await openAs(desktop, 'demo-grid', '/packages/request/work/index');
    await settle(page);
    await visible(page, '.js-request-row').waitFor({ timeout: 30_000 });
    const box = await visible(page, '.ll-page').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.width).toBeLessThanOrEqual(900);
    const left = box!.x;
    const right = 1440 - (box!.x + box!.width);
    expect(Math.abs(left - right)).toBeLessThan(4);
    await shot(page, 'a11y-desktop-workbench');
    const home = await openAs(desktop, 'demo-branch', '/pages/home/index');
    await settle(home);
    await shot(home, 'a11y-desktop-branch-home');
  } finally {
    await desktop.close();
  }
});

test('elder mode enlarges what a person reads and taps, the tab bar and tags included, and the toggle says its state', async () => {
  const page = await openAs(context, 'demo-resident');
  await settle(page);
  await visible(page, '.js-home-notices .nut-tag').waitFor({ timeout: 30_000 });
  const measure = () =>
    page.evaluate(() => {
      const shown = (sel: string) => [...document.querySelectorAll<HTMLElement>(sel)].find((e) => e.getClientRects().length > 0);
      const px = (sel: string) => {
        const el = shown(sel);
        return el ? parseFloat(getComputedStyle(el).fontSize) : NaN;
      };
      const height = (sel: string) => shown(sel)?.getBoundingClientRect().height ?? NaN;
      return {
        tag: px('.js-home-notices .nut-tag-text'),
        tabLabel: px('.weui-tabbar__label'),
        muted: px('.js-notice-meta'),
        title: px('.js-notice-title'),
        moreLinkHeight: height('.js-home-notices-all'),
        toggle: shown('.js-elder-toggle')?.textContent ?? '',
      };
    });
  const wasElder = await isElder(page);
  await setElder(page, false);
  const normal = await measure();
  await setElder(page, true);
  const elder = await measure();
  await setElder(page, wasElder);
  expect(normal.toggle).toBe('长辈模式：关');
  expect(elder.toggle).toBe('长辈模式：开');
  // WCAG 2.5.8: a target of at least 24 × 24 px
  expect(normal.moreLinkHeight).toBeGreaterThanOrEqual(24);
  expect(normal.tag).toBeGreaterThanOrEqual(13);
  expect(normal.tabLabel).toBeGreaterThanOrEqual(13);
  for (const key of ['tag', 'tabLabel', 'muted', 'title', 'moreLinkHeight'] as const) {
    expect({ key, bigger: elder[key] > normal[key] }).toEqual({ key, bigger: true });
  }
  await page.close();
});
