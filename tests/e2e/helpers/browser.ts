// Chromium (Debian's, via playwright-core) at a phone size, against the emulator started by
// global-setup.ts. One identity per browser context: localStorage is shared by its pages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ensureChromium } from '../../../scripts/chromium';

const root = path.resolve(__dirname, '../../..');
export const SCREENSHOTS = path.join(root, 'tests/artifacts/screenshots');
/** Where the local build keeps the dev identity (src/services/platform.ts). */
const DEV_OPENID_KEY = 'linli.devOpenid';

export function appUrl(): string {
  const url = process.env.LINLI_E2E_URL;
  if (!url) throw new Error('LINLI_E2E_URL is not set: run e2e tests through jest --selectProjects e2e (its globalSetup starts the emulator)');
  return url;
}

/** A phone by default; `{ desktop: true }` is a 1440×900 desktop browser window (the staff's console). */
export async function launch(options: { desktop?: boolean } = {}): Promise<BrowserContext> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-pw-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: ensureChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    ...(options.desktop
      ? { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false }
      : { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }),
    locale: 'zh-CN',
  });
  // Remove the profile once Chromium has really gone (it may still be writing when 'close' fires).
  const removeProfile = () => {
    try {
      fs.rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch {
      /* a temp dir: leave it */
    }
  };
  const close = context.close.bind(context);
  context.close = async (options) => {
    await close(options);
    removeProfile();
  };
  return context;
}

const errors = new WeakMap<Page, string[]>();

/** Uncaught page errors and console.error messages seen so far on a page opened by openAs. */
export function pageErrors(page: Page): string[] {
  return errors.get(page) ?? [];
}

/**
 * Opens the app as `openid` (any string: the demo identities, or a fresh `e2e-new-${Date.now()}`).
 * `hashPath` is a page route such as '/pages/me/index' (default the home page).
 */
export async function openAs(context: BrowserContext, openid: string, hashPath = '/pages/home/index'): Promise<Page> {
  const url = appUrl();
  const page = await context.newPage();
  const seen: string[] = [];
  errors.set(page, seen);
  page.on('pageerror', (e) => seen.push(String(e?.message ?? e)));
  page.on('console', (m) => {
    if (m.type() === 'error') seen.push(m.text());
  });
  // Set the identity on the app's origin before the app loads (a same-origin JSON route, not the app),
  // in Taro's storage format: getStorageSync only returns values stored as {"data": …}.
  await page.goto(`${url}/__emulator/health`);
  await page.evaluate(([k, v]) => localStorage.setItem(k, JSON.stringify({ data: v })), [DEV_OPENID_KEY, openid] as const);
  const route = `/${hashPath.replace(/^#?\/*/, '')}`;
  await page.goto(`${url}/#${route}`);
  return page;
}

/**
 * Waits for Taro's page transition to end: after navigateTo/redirectTo the new page slides in for
 * 300 ms (a screenshot then shows it half off screen). Every page is then either stationed (shown)
 * or shaded (hidden under it).
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.taro_page')].every((p) => p.classList.contains('taro_page_stationed') || p.classList.contains('taro_page_shade')),
  );
}

/** Saves a PNG of the viewport to tests/artifacts/screenshots/<name>.png (once the page is in place) and returns its path. */
export async function shot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string> {
  await settled(page);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: opts.fullPage ?? false });
  return file;
}
