// The native 签到码 component (src/packages/event/native/checkin-code: plain Component(), WXML, WXSS,
// no Taro) on its own in miniprogram-simulate, its WXML compiled by WeChat's wcc: the properties in,
// what it renders (digits, countdown, the QR as views), the taps and the events out, the countdown
// and the `rotate` event under jest's fake timers. Run against the source and, when dist/weapp has
// been built, against the copy Taro's build ships (its JS bundled by webpack with qrcode-generator).
import fs from 'node:fs';
import path from 'node:path';
import postcss from 'postcss';
import qrcode from 'qrcode-generator';
import { compileWxss, weappDir } from '../../scripts/weapp';
import type { JComponent } from './helpers/simulate';

type AnyRecord = Record<string, any>;

interface Rendered extends JComponent {
  querySelector(selector: string): (JComponent & { dispatchEvent(name: string, options?: AnyRecord): void }) | undefined;
  querySelectorAll(selector: string): JComponent[];
  setData(data: AnyRecord): void;
  addEventListener(name: string, handler: (e: { detail: any }) => void): void;
}

const SOURCE = path.join(__dirname, '../../src/packages/event/native/checkin-code');
const BUILT = path.join(weappDir, 'packages/event/native/checkin-code');
const QR_TEXT = 'linli:checkin:demo-event-tea:482915';
const T0 = new Date('2026-12-01T10:00:00+08:00').getTime();

/** The dark modules the app's QR settings give for `text` (error correction M, smallest version). */
function darkModules(text: string): { n: number; dark: number } {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  let dark = 0;
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) dark++;
  return { n, dark };
}

/** Microtasks first (j-component delivers events on one), then what is due on the fake clock. */
async function advance(ms: number): Promise<void> {
  await Promise.resolve();
  jest.advanceTimersByTime(ms);
  await Promise.resolve();
}

const text = (c: JComponent) => (c.dom.textContent ?? '').replace(/\s+/g, ' ').trim();
const px = (style: string | null, prop: string) => Number(new RegExp(`(?:^|;)\\s*${prop}:\\s*(\\d+)px`).exec(style ?? '')?.[1]);

const variants = [
  { name: 'source', dir: SOURCE, rootPath: SOURCE },
  ...(fs.existsSync(path.join(BUILT, 'index.js')) ? [{ name: 'built', dir: BUILT, rootPath: weappDir }] : []),
];

describe.each(variants)('the native check-in code component ($name)', ({ name, dir, rootPath }) => {
  let simulate: { load(p: string, tag: string, o: AnyRecord): string; render(id: string, props?: AnyRecord): Rendered };
  let id: string;
  let comp: Rendered | undefined;

  beforeAll(() => {
    jest.resetModules();
    const g = globalThis as AnyRecord;
    delete g.wx;
    simulate = require('miniprogram-simulate');
    // the built JS is a webpack chunk: WeChat has loaded the app's webpack runtime before it runs
    if (name === 'built') require(path.join(weappDir, 'runtime.js'));
    id = simulate.load(path.join(dir, 'index'), 'checkin-code', { rootPath, compiler: 'official' });
    expect(id).toBeTruthy();
  });

  beforeEach(() => {
    jest.useFakeTimers({ now: T0 });
    (globalThis as AnyRecord).wx.getWindowInfo = () => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2 });
  });

  afterEach(() => {
    comp?.detach();
    comp = undefined;
    jest.useRealTimers();
  });

  function show(props: AnyRecord): Rendered {
    comp = simulate.render(id, props);
    comp.attach(document.createElement('parent-wrapper'));
    return comp;
  }

  it('shows the six digits, the seconds left and the QR as rows of dark runs, module for module', () => {
    const c = show({ code: '482915', qrText: QR_TEXT, expiresAt: T0 + 45_000, size: 290 });
    expect(c.querySelectorAll('.ck-digit').map((d) => d.dom.textContent)).toEqual(['4', '8', '2', '9', '1', '5']);
    // the page test's pattern: the digits run straight into the countdown
    expect(text(c)).toMatch(/^482915 ?45 秒后自动更换/);

    const { n, dark } = darkModules(QR_TEXT);
    const qr = c.querySelector('.ck-qr')!;
    const rows = c.querySelectorAll('.ck-qr-row');
    expect(rows).toHaveLength(n);
    // whole pixels per module, with the 4-module quiet zone, within the size asked for
    const cell = Math.floor(290 / (n + 8));
    expect(px(qr.dom.getAttribute('style'), 'width')).toBe(n * cell);
    expect(px(qr.dom.getAttribute('style'), 'padding')).toBe(4 * cell);
    const runs = c.querySelectorAll('.ck-qr-dark');
    const modules = runs.reduce((sum, r) => sum + px(r.dom.getAttribute('style'), 'width') / cell, 0);
    expect(modules).toBe(dark);
    // no canvas anywhere
    expect(c.dom.querySelector('wx-canvas')).toBeNull();
  });

  it('draws the new QR when the code rotates, and nothing for an empty one', () => {
    const c = show({ code: '482915', qrText: QR_TEXT, expiresAt: T0 + 45_000 });
    const before = c.querySelectorAll('.ck-qr-dark').map((r) => r.dom.getAttribute('style')).join();
    const next = 'linli:checkin:demo-event-tea:730146';
    c.setData({ code: '730146', qrText: next, expiresAt: T0 + 105_000 });
    expect(text(c)).toMatch(/^730146 ?105 秒后自动更换/);
    const after = c.querySelectorAll('.ck-qr-dark');
    expect(after.map((r) => r.dom.getAttribute('style')).join()).not.toBe(before);
    const cell = Math.floor(260 / (darkModules(next).n + 8));
    expect(after.reduce((s, r) => s + px(r.dom.getAttribute('style'), 'width') / cell, 0)).toBe(darkModules(next).dark);
    c.setData({ qrText: '' });
    expect(c.querySelector('.ck-qr')).toBeUndefined();
  });

  it('counts down each second and asks once for the next code (rotate) when the time is up', async () => {
    const c = show({ code: '482915', qrText: QR_TEXT, expiresAt: T0 + 3_000 });
    const rotations: AnyRecord[] = [];
    c.addEventListener('rotate', (e) => rotations.push(e.detail));
    expect(text(c)).toContain('3 秒后自动更换');
    await advance(1_000);
    expect(text(c)).toContain('2 秒后自动更换');
    await advance(1_000);
    expect(text(c)).toContain('1 秒后自动更换');
    expect(rotations).toEqual([]);
    await advance(1_000);
    expect(text(c)).toContain('正在更换…');
    expect(rotations).toEqual([{ code: '482915', expiresAt: T0 + 3_000 }]);
    // the page is still fetching: no second request for the same code
    await advance(10_000);
    expect(rotations).toHaveLength(1);
    // the same expiry set again (a re-render) asks nothing more
    c.setData({ expiresAt: T0 + 3_000 });
    await advance(1_000);
    expect(rotations).toHaveLength(1);

    // the next code arrives: a new countdown, and a new rotate when it runs out
    c.setData({ code: '730146', qrText: 'linli:checkin:demo-event-tea:730146', expiresAt: Date.now() + 60_000 });
    expect(text(c)).toContain('60 秒后自动更换');
    await advance(59_000);
    expect(text(c)).toContain('1 秒后自动更换');
    await advance(1_000);
    expect(rotations.map((r) => r.code)).toEqual(['482915', '730146']);
  });

  it('catches up at once when the page shows again (timers may be held while it is hidden)', async () => {
    const c = show({ code: '482915', qrText: QR_TEXT, expiresAt: T0 + 30_000 });
    const rotations: AnyRecord[] = [];
    c.addEventListener('rotate', (e) => rotations.push(e.detail));
    jest.setSystemTime(T0 + 31_000);
    c.triggerPageLifeTime('show');
    expect(text(c)).toContain('正在更换…');
    expect(rotations).toHaveLength(1);
  });

  it('stops its timer when it leaves the page', () => {
    const c = show({ code: '482915', qrText: QR_TEXT, expiresAt: T0 + 30_000 });
    expect(jest.getTimerCount()).toBe(1);
    c.detach();
    comp = undefined;
    expect(jest.getTimerCount()).toBe(0);
  });

  it('a tap on the digits asks the page to copy the code', async () => {
    const c = show({ code: '482915', qrText: QR_TEXT, expiresAt: T0 + 30_000 });
    const copies: AnyRecord[] = [];
    c.addEventListener('copy', (e) => copies.push(e.detail));
    c.querySelector('.ck-digits')!.dispatchEvent('tap');
    await Promise.resolve();
    await Promise.resolve();
    expect(copies).toEqual([{ code: '482915' }]);
  });

  it('a tap on the QR fills the screen with it, and a second tap puts it back', async () => {
    const c = show({ code: '482915', qrText: QR_TEXT, expiresAt: T0 + 30_000, size: 260 });
    const { n } = darkModules(QR_TEXT);
    const enlarge: boolean[] = [];
    c.addEventListener('enlarge', (e) => enlarge.push(e.detail.enlarged));
    const width = () => px(c.querySelector('.ck-qr')!.dom.getAttribute('style'), 'width');
    expect(width()).toBe(n * Math.floor(260 / (n + 8)));

    c.querySelector('.ck-qr')!.dispatchEvent('tap');
    await Promise.resolve();
    await Promise.resolve();
    expect(enlarge).toEqual([true]);
    // the window (375 px) less a 16 px margin each side
    expect(width()).toBe(n * Math.floor((375 - 32) / (n + 8)));
    expect(c.querySelector('.ck')!.dom.getAttribute('class')).toMatch(/ck--enlarged/);
    expect(text(c)).toContain('点按二维码恢复');

    c.querySelector('.ck-qr')!.dispatchEvent('tap');
    await Promise.resolve();
    await Promise.resolve();
    expect(enlarge).toEqual([true, false]);
    expect(width()).toBe(n * Math.floor(260 / (n + 8)));
    expect(c.querySelector('.ck')!.dom.getAttribute('class')).not.toMatch(/ck--enlarged/);
  });

  it('长辈模式 (elder) enlarges the digits and the words', () => {
    const c = show({ code: '482915', qrText: QR_TEXT, expiresAt: T0 + 30_000, elder: false });
    const root = () => c.querySelector('.ck')!.dom.getAttribute('class') ?? '';
    expect(root()).not.toMatch(/ck--elder/);
    c.setData({ elder: true });
    expect(root()).toMatch(/ck--elder/);

    // and the stylesheet makes that class's digits and countdown bigger than the plain ones
    const sizes = new Map<string, number>();
    postcss.parse(fs.readFileSync(path.join(dir, 'index.wxss'), 'utf8')).walkDecls('font-size', (d) => {
      const rule = d.parent as postcss.Rule;
      sizes.set(rule.selector.replace(/\s+/g, ' '), parseFloat(d.value));
    });
    expect(sizes.get('.ck--elder .ck-digit')).toBeGreaterThan(sizes.get('.ck-digit')!);
    expect(sizes.get('.ck--elder .ck-countdown')).toBeGreaterThan(sizes.get('.ck-countdown')!);
  });
});

test('WeChat’s wcsc compiles the component’s WXSS', () => {
  const r = compileWxss(SOURCE);
  expect(r.files).toBe(1);
  expect(r.errors).toEqual([]);
});
