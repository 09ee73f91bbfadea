// Runs the real dist/weapp in miniprogram-simulate (j-component + exparser, WXML compiled by WeChat's
// own wcc) as one WeChat user. What WeChat provides and j-component does not, this harness does:
// App/getApp/getCurrentPages, Page() as a Component, a page stack behind wx.navigateTo & co.,
// wx.cloud.callFunction on the emulator's function host (header x-wx-openid), in-memory storage.
// Browser-only globals (localStorage, XMLHttpRequest, fetch …) throw once the app has booted.
import http from 'node:http';
import path from 'node:path';
import { weappDir } from '../../../scripts/weapp';

 
type Fn = (...args: any[]) => any;
type AnyRecord = Record<string, any>;

/** j-component's wrapper of a rendered component. */
export interface JComponent {
  dom: HTMLElement;
  instance: AnyRecord;
  data: AnyRecord;
  attach(parent: Element): void;
  detach(): void;
  /** A page lifetime (show, hide …) to the component and every component inside it. */
  triggerPageLifeTime(name: string, ...args: unknown[]): void;
}

interface Simulate {
  load(componentPath: string, tagName: string, options: AnyRecord): string;
  render(id: string, properties?: AnyRecord): JComponent;
}

export interface OpenPage {
  route: string;
  query: Record<string, string>;
  comp: JComponent;
}

export interface CloudCall {
  name: string;
  action: string;
  data: unknown;
  result: any;
}

export interface WxCall {
  api: string;
  args: AnyRecord;
}

const TAB_PAGES = ['pages/home/index', 'pages/services/index', 'pages/me/index'];
/** What WeChat has no notion of; weapp code that reaches for them is a bug. */
const BROWSER_ONLY = ['localStorage', 'sessionStorage', 'XMLHttpRequest', 'fetch', 'indexedDB', 'WebSocket', 'EventSource'];

export function emulatorUrl(): string {
  const url = process.env.LINLI_WEAPP_EMULATOR_URL;
  if (!url) throw new Error('LINLI_WEAPP_EMULATOR_URL is not set: run through `jest --selectProjects weapp` (its globalSetup starts the emulator)');
  return url;
}

/** A POST to the emulator with node's http (the jsdom realm has no fetch, and the app must not use one). */
export function post(pathname: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const url = new URL(pathname, emulatorUrl());
  const payload = Buffer.from(JSON.stringify(body ?? {}));
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(payload.length), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null });
          } catch {
            resolve({ status: res.statusCode ?? 0, json: text });
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Calls a cloud function as `openid` directly (test set-up and checks, not the app). */
export async function callAs(openid: string, name: string, action: string, data: unknown = {}): Promise<any> {
  const r = await post(`/functions/${name}`, { action, data }, { 'x-wx-openid': openid });
  return r.json;
}

function parseUrl(url: string): { route: string; query: Record<string, string> } {
  const [p, qs = ''] = url.split('?');
  const route = p.replace(/^\/+/, '');
  const query: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(qs)) query[k] = v;
  return { route, query };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `fn` returns a truthy value (real timers); the last error or value explains a timeout. */
export async function waitFor<T>(fn: () => T | Promise<T>, what: string | (() => string), timeoutMs = 15_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v as NonNullable<T>;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) {
      const said = typeof what === 'function' ? what() : what;
      throw new Error(`timed out waiting for ${said}${last instanceof Error ? `: ${last.message}` : ''}`);
    }
    await sleep(25);
  }
}

export class WeappSession {
  readonly openid: string;
  readonly cloudCalls: CloudCall[] = [];
  readonly wxCalls: WxCall[] = [];
  /** Browser-only globals the app reached for. */
  readonly browserTouches: string[] = [];
  readonly consoleErrors: string[] = [];
  readonly storage = new Map<string, unknown>();
  readonly stack: OpenPage[] = [];
  /** What the camera sees when the app calls wx.scanCode (null: the user closes the scanner). */
  scanResult: string | null = null;
  /** Answers for wx.showModal (default: confirm). */
  modalAnswers: boolean[] = [];
  private simulate!: Simulate;
  private ids = new Map<string, string>();
  private appConfig!: AnyRecord;
  private pending: { route: string; query: Record<string, string> } | null = null;
  private restore: (() => void)[] = [];
  private inflight = 0;

  constructor(openid: string) {
    this.openid = openid;
  }

  /** Loads app.js like WeChat does (fresh modules, a fresh `wx`) and launches the app. */
  async boot(): Promise<this> {
    jest.resetModules();
    const g = globalThis as AnyRecord;
    delete g.wx;
    this.captureConsole();
    this.simulate = require('miniprogram-simulate') as Simulate;
    this.installWx(g.wx as AnyRecord);
    g.App = (cfg: AnyRecord) => {
      this.appConfig = cfg;
    };
    g.getApp = () => this.appConfig;
    g.getCurrentPages = () => this.stack.map((p) => p.comp.instance);
    g.Page = (cfg: AnyRecord) => this.definePage(cfg);
    require(path.join(weappDir, 'app.js'));
    if (!this.appConfig) throw new Error('dist/weapp/app.js did not call App()');
    const launch = { path: 'pages/home/index', query: {}, scene: 1001 };
    this.appConfig.onLaunch?.call(this.appConfig, launch);
    this.appConfig.onShow?.call(this.appConfig, launch);
    this.forbidBrowserGlobals();
    return this;
  }

  /** Detaches every page and gives the globals back. */
  close(): void {
    while (this.stack.length) this.stack.pop()!.comp.detach();
    for (const r of this.restore.splice(0).reverse()) r();
  }

  get current(): OpenPage {
    const p = this.stack[this.stack.length - 1];
    if (!p) throw new Error('no page is open');
    return p;
  }

  /** Opens `url` (e.g. '/packages/event/detail/index?id=x') as the only page, like wx.reLaunch. */
  async open(url: string): Promise<OpenPage> {
    this.clearStack();
    return this.push(url);
  }

  private clearStack(): void {
    while (this.stack.length) this.stack.pop()!.comp.detach();
  }

  private push(url: string): OpenPage {
    const { route, query } = parseUrl(url);
    const abs = path.join(weappDir, route);
    let id = this.ids.get(route);
    this.pending = { route, query };
    try {
      if (!id) {
        id = this.simulate.load(abs, 'page', { rootPath: weappDir, compiler: 'official' });
        this.ids.set(route, id);
      }
      const comp = this.simulate.render(id);
      const page: OpenPage = { route, query, comp };
      this.stack.push(page);
      comp.attach(document.createElement('page-wrapper'));
      return page;
    } finally {
      this.pending = null;
    }
  }

  /** The navigation bar's back button. */
  async back(): Promise<void> {
    if (this.stack.length <= 1) throw new Error('no page to go back to');
    this.pop();
    await this.settle();
  }

  private pop(): void {
    const p = this.stack.pop();
    if (p) p.comp.detach();
    const top = this.stack[this.stack.length - 1];
    top?.comp.instance.onShow?.();
  }

  private definePage(cfg: AnyRecord): void {
    const methods: Record<string, Fn> = {};
    for (const [k, v] of Object.entries(cfg)) if (typeof v === 'function') methods[k] = v as Fn;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- WeChat calls these with its own `this`
    const session = this;
    (globalThis as AnyRecord).Component({
      data: cfg.data ?? {},
      methods,
      lifetimes: {
        attached(this: AnyRecord) {
          const target = session.pending;
          if (!target) throw new Error('a page attached outside WeappSession.open/navigateTo');
          const setData = this.setData.bind(this) as Fn;
          this.setData = (data: AnyRecord, cb?: Fn) => {
            const bytes = Buffer.byteLength(JSON.stringify(data ?? {}));
            if (bytes > (session.setDataBytes.get(target.route) ?? 0)) session.setDataBytes.set(target.route, bytes);
            return setData(data, cb);
          };
          this.route = target.route;
          this.__route__ = target.route;
          this.options = target.query;
          this.onLoad?.(target.query);
          this.onShow?.();
        },
        ready(this: AnyRecord) {
          this.onReady?.();
        },
        detached(this: AnyRecord) {
          this.onUnload?.();
        },
      },
    });
  }

  private captureConsole(): void {
    const original = console.error;
    console.error = (...args: unknown[]) => {
      this.consoleErrors.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
    };
    this.restore.push(() => {
      console.error = original;
    });
  }

  private forbidBrowserGlobals(): void {
    const g = globalThis as AnyRecord;
    for (const name of BROWSER_ONLY) {
      const before = Object.getOwnPropertyDescriptor(g, name);
      Object.defineProperty(g, name, {
        configurable: true,
        get: () => {
          this.browserTouches.push(name);
          throw new ReferenceError(`${name} is not defined (WeChat has no ${name})`);
        },
      });
      this.restore.push(() => {
        if (before) Object.defineProperty(g, name, before);
        else delete g[name];
      });
    }
  }

  private record(api: string, args: AnyRecord): void {
    this.wxCalls.push({ api, args });
  }

  /** Completes a wx-style async API: callbacks and/or a promise. */
  private finish(api: string, opts: AnyRecord, work: () => AnyRecord | Promise<AnyRecord>): Promise<AnyRecord> | undefined {
    const run = async () => {
      try {
        const res = { errMsg: `${api}:ok`, ...(await work()) };
        opts.success?.(res);
        opts.complete?.(res);
        return res;
      } catch (e) {
        const err = { errMsg: `${api}:fail ${(e as Error).message}` };
        opts.fail?.(err);
        opts.complete?.(err);
        throw err;
      }
    };
    const p = run();
    if (opts.success || opts.fail || opts.complete) {
      p.catch(() => undefined);
      return undefined;
    }
    return p;
  }

  private installWx(wx: AnyRecord): void {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- WeChat calls these with its own `this`
    const session = this;
    const async = (api: string, work: (opts: AnyRecord) => AnyRecord | Promise<AnyRecord> = () => ({})) =>
      (opts: AnyRecord = {}) => {
        session.record(api, opts);
        return session.finish(api, opts, () => work(opts));
      };
    // storage: WeChat keeps values as they are (no JSON round trip visible to the caller)
    Object.assign(wx, {
      getStorageSync: (k: string) => (this.storage.has(k) ? this.storage.get(k) : ''),
      setStorageSync: (k: string, v: unknown) => void this.storage.set(k, v),
      removeStorageSync: (k: string) => void this.storage.delete(k),
      clearStorageSync: () => this.storage.clear(),
      getStorage: async('getStorage', ({ key }) => {
        if (!this.storage.has(key)) throw new Error('data not found');
        return { data: this.storage.get(key) };
      }),
      setStorage: async('setStorage', ({ key, data }) => (this.storage.set(key, data), {})),
      removeStorage: async('removeStorage', ({ key }) => (this.storage.delete(key), {})),
    });
    // navigation: a real page stack
    Object.assign(wx, {
      navigateTo: async('navigateTo', ({ url }) => (this.push(url), {})),
      redirectTo: async('redirectTo', ({ url }) => {
        this.stack.pop()?.comp.detach();
        this.push(url);
        return {};
      }),
      switchTab: async('switchTab', ({ url }) => {
        const { route } = parseUrl(url);
        if (!TAB_PAGES.includes(route)) throw new Error(`can not switchTab to no-tabBar page ${route}`);
        this.clearStack();
        this.push(route);
        return {};
      }),
      reLaunch: async('reLaunch', ({ url }) => {
        this.clearStack();
        this.push(url);
        return {};
      }),
      navigateBack: async('navigateBack', ({ delta = 1 }) => {
        if (this.stack.length <= 1) throw new Error('cannot navigate back at first page');
        for (let i = 0; i < delta && this.stack.length > 1; i++) this.pop();
        return {};
      }),
    });
    // UI the user answers
    Object.assign(wx, {
      showToast: async('showToast'),
      hideToast: async('hideToast'),
      showLoading: async('showLoading'),
      hideLoading: async('hideLoading'),
      showModal: async('showModal', () => {
        const confirm = this.modalAnswers.length ? this.modalAnswers.shift()! : true;
        return { confirm, cancel: !confirm };
      }),
      requestSubscribeMessage: async('requestSubscribeMessage', ({ tmplIds = [] }) =>
        Object.fromEntries((tmplIds as string[]).map((t) => [t, 'reject'])),
      ),
      setNavigationBarTitle: async('setNavigationBarTitle'),
      setTabBarBadge: async('setTabBarBadge'),
      removeTabBarBadge: async('removeTabBarBadge'),
      setKeepScreenOn: async('setKeepScreenOn'),
      makePhoneCall: async('makePhoneCall'),
      previewImage: async('previewImage'),
    });
    // privacy: WeChat holds a privacy-scoped API until the app's onNeedPrivacyAuthorization handler
    // answers (an agree must name a button with open-type="agreePrivacyAuthorization" that was tapped)
    wx.onNeedPrivacyAuthorization = (fn: Fn) => {
      this.privacyHandler = fn;
    };
    wx.openPrivacyContract = async('openPrivacyContract');
    const gated = (api: string, work: (opts: AnyRecord) => AnyRecord | Promise<AnyRecord>) =>
      async(api, async (opts) => {
        await this.privacyGate(api);
        return work(opts);
      });
    let picked = 0;
    Object.assign(wx, {
      chooseImage: gated('chooseImage', ({ count = 9 }) => {
        const paths = Array.from({ length: Math.min(1, count) }, () => `wxfile://tmp/photo-${++picked}.jpg`);
        for (const p of paths) this.files.set(p, TINY_JPEG);
        return { tempFilePaths: paths, tempFiles: paths.map((p) => ({ path: p, size: TINY_JPEG.length })) };
      }),
      chooseMedia: gated('chooseMedia', () => {
        const p = `wxfile://tmp/photo-${++picked}.jpg`;
        this.files.set(p, TINY_JPEG);
        return { tempFiles: [{ tempFilePath: p, size: TINY_JPEG.length, fileType: 'image' }], type: 'image' };
      }),
      chooseMessageFile: gated('chooseMessageFile', () => {
        throw new Error('cancel');
      }),
      scanCode: gated('scanCode', () => {
        if (this.scanResult === null) throw new Error('cancel');
        return { result: this.scanResult, scanType: 'QR_CODE' };
      }),
      setClipboardData: gated('setClipboardData', () => ({})),
      // a canvas becomes a file, and a file goes to the album (privacy-scoped: 保存到相册)
      canvasToTempFilePath: async('canvasToTempFilePath', ({ canvas }) => {
        if (!(canvas instanceof FakeCanvas)) throw new Error('canvas is required');
        const p = `wxfile://tmp/canvas-${++picked}.png`;
        this.files.set(p, TINY_JPEG);
        return { tempFilePath: p };
      }),
      saveImageToPhotosAlbum: gated('saveImageToPhotosAlbum', ({ filePath }) => {
        if (!this.files.has(filePath)) throw new Error(`file not found ${filePath}`);
        this.savedImages.push(filePath);
        return {};
      }),
      compressImage: async('compressImage', ({ src }) => ({ tempFilePath: src })),
      getFileSystemManager: () => ({
        readFileSync: (p: string, encoding?: string) => {
          const bytes = this.files.get(p);
          if (!bytes) throw new Error(`readFileSync:fail no such file ${p}`);
          return encoding === 'base64' ? bytes.toString('base64') : bytes;
        },
      }),
    });
    // canvas 2D: a selector query finds the <canvas> of the open page and hands out a recording node
    wx.createSelectorQuery = () => {
      const selected: string[] = [];
      const query: AnyRecord = {
        in: () => query,
        select: (sel: string) => {
          selected.push(sel);
          const node: AnyRecord = { fields: () => query, node: () => query, boundingClientRect: () => query };
          return node;
        },
        exec: (cb?: Fn) => {
          const res = selected.map((sel) => this.canvasNode(sel));
          setTimeout(() => cb?.(res), 0);
        },
      };
      return query;
    };
    wx.cloud = {
      init: (opts: AnyRecord) => void this.record('cloud.init', opts ?? {}),
      callFunction: async('cloud.callFunction', async ({ name, data }) => {
        this.inflight++;
        try {
          const r = await post(`/functions/${name}`, data, { 'x-wx-openid': this.openid });
          if (r.status !== 200) throw new Error(`function ${name} answered ${r.status}`);
          this.cloudCalls.push({ name, action: data?.action, data: data?.data, result: r.json });
          return { result: r.json, requestID: `local-${this.cloudCalls.length}` };
        } finally {
          this.inflight--;
        }
      }),
    };
  }

  /** Waits until no cloud call is running and the page has had time to set its data. */
  async settle(): Promise<void> {
    let quiet = 0;
    while (quiet < 3) {
      await sleep(30);
      quiet = this.inflight === 0 ? quiet + 1 : 0;
    }
  }

  /** Files the app picked (temp paths to bytes). */
  readonly files = new Map<string, Buffer>();
  /** Every answer the app gave WeChat's privacy ask, in order. */
  readonly privacyAnswers: string[] = [];
  private privacyHandler: Fn | null = null;
  private privacyAgreed = false;
  private agreeButtonsTapped = new Set<string>();

  private privacyGate(api: string): Promise<void> {
    if (this.privacyAgreed) return Promise.resolve();
    const handler = this.privacyHandler;
    // without a handler WeChat would show its own prompt; this app promises its own
    if (!handler) return Promise.reject(new Error('privacy permission is not authorized (no onNeedPrivacyAuthorization handler)'));
    return new Promise((resolve, reject) => {
      handler(
        (answer: { event: string; buttonId?: string }) => {
          this.privacyAnswers.push(answer.event);
          if (answer.event === 'agree') {
            if (!answer.buttonId || !this.agreeButtonsTapped.has(answer.buttonId)) {
              reject(new Error(`privacy agree with button ${answer.buttonId}, which was not tapped`));
              return;
            }
            this.privacyAgreed = true;
            resolve();
          } else if (answer.event === 'disagree') reject(new Error('privacy permission is not authorized'));
        },
        { referrer: api },
      );
    });
  }

  /** Taps a button with open-type="agreePrivacyAuthorization" (found by class on it or inside it). */
  async agreePrivacy(className: string): Promise<void> {
    const host = await this.waitFor(className);
    let button: HTMLElement | null = host;
    while (button && button.tagName !== 'WX-BUTTON') button = button.parentElement;
    if (!button) throw new Error(`.${className} is not a button`);
    const node = (button as AnyRecord).__wxElement;
    // the attributes the WXML set on the node (Taro's template binds open-type and id from props)
    const attrs = new Map<string, unknown>(((node?._vt?.attrs ?? []) as { name: string; value: unknown }[]).map((a) => [a.name, a.value]));
    if (attrs.get('openType') !== 'agreePrivacyAuthorization') throw new Error(`.${className} has no open-type="agreePrivacyAuthorization"`);
    this.agreeButtonsTapped.add(String(attrs.get('id')));
    dispatch(button, 'tap', {});
    dispatch(button, 'agreeprivacyauthorization', {});
    await this.settle();
  }

  /** Canvases the app drew on, by element id: size and every fillRect. */
  readonly canvases = new Map<string, FakeCanvas>();
  /** Files saved to the photo album (wx.saveImageToPhotosAlbum). */
  readonly savedImages: string[] = [];

  private canvasNode(selector: string): AnyRecord | null {
    if (!selector.startsWith('#') || !this.stack.length) return null;
    const id = selector.slice(1);
    // exparser keeps a node's id on the node, not as a DOM attribute
    const el = [...this.current.comp.dom.querySelectorAll('wx-canvas')].find((e) => (e as AnyRecord).__wxElement?.id === id);
    if (!el || el.tagName !== 'WX-CANVAS') return null;
    let canvas = this.canvases.get(id);
    if (!canvas) {
      canvas = new FakeCanvas();
      this.canvases.set(id, canvas);
    }
    return { node: canvas, width: 0, height: 0 };
  }

  // ---- reading and touching the rendered page ----

  /** The visible text of the current page (WXML rendered by exparser into jsdom). */
  text(page: OpenPage = this.current): string {
    return (page.comp.dom.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  async waitForText(needle: string | RegExp, timeoutMs?: number): Promise<string> {
    return waitFor(
      () => {
        const t = this.text();
        return (typeof needle === 'string' ? t.includes(needle) : needle.test(t)) ? t : '';
      },
      // what the page shows when the wait gives up, not when it began
      () => `text ${String(needle)} on ${this.current.route} (has: ${this.text().slice(0, 300)})`,
      timeoutMs,
    );
  }

  /** Elements of the current page whose class list has `className` (Taro's className → WXML class). */
  all(className: string): HTMLElement[] {
    return [...this.current.comp.dom.querySelectorAll<HTMLElement>('*')].filter((el) => hasClass(el, className));
  }

  find(className: string): HTMLElement | undefined {
    return this.all(className)[0];
  }

  async waitFor(className: string, timeoutMs?: number): Promise<HTMLElement> {
    return waitFor(() => this.find(className), `.${className} on ${this.current.route}`, timeoutMs);
  }

  /** A tap as WeChat delivers it: an exparser `tap` that bubbles to the nearest bindtap. */
  async tap(target: string | HTMLElement): Promise<void> {
    const el = typeof target === 'string' ? await this.waitFor(target) : target;
    dispatch(el, 'tap', {});
    await this.settle();
  }

  /** Taps the innermost element inside `.containerClass` whose text is exactly `text`. */
  async tapText(containerClass: string, text: string): Promise<void> {
    const el = await waitFor(() => {
      const box = this.find(containerClass);
      if (!box) return undefined;
      const hits = [...box.querySelectorAll<HTMLElement>('*')].filter((e) => (e.textContent ?? '').trim() === text);
      return hits[hits.length - 1];
    }, `«${text}» in .${containerClass} on ${this.current.route}`);
    await this.tap(el);
  }

  /** Types into an <input>/<textarea> (found by class on it or an ancestor) as WeChat's bindinput does. */
  async input(className: string, value: string): Promise<void> {
    const host = await this.waitFor(className);
    const field = ['WX-INPUT', 'WX-TEXTAREA'].includes(host.tagName) ? host : host.querySelector<HTMLElement>('wx-input, wx-textarea');
    if (!field) throw new Error(`.${className} has no input or textarea`);
    dispatch(field, 'input', { value, cursor: value.length, keyCode: 0 });
    dispatch(field, 'blur', { value });
    await this.settle();
  }

  /** Chooses a value in a <picker> as WeChat's bindchange does. */
  async pick(className: string, value: unknown): Promise<void> {
    const host = await this.waitFor(className);
    let el: HTMLElement | null = host;
    while (el && el.tagName !== 'WX-PICKER') el = el.parentElement;
    const picker = el ?? host.querySelector<HTMLElement>('wx-picker');
    if (!picker) throw new Error(`.${className} is not in a picker`);
    dispatch(picker, 'change', { value });
    await this.settle();
  }

  /** The largest setData payload (JSON bytes) seen so far per page route. */
  readonly setDataBytes = new Map<string, number>();
}

/** The smallest JPEG (1×1), as a picked photo. */
const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

/** A Canvas 2D node that records what is drawn. */
export class FakeCanvas {
  width = 0;
  height = 0;
  readonly rects: { fill: string; x: number; y: number; w: number; h: number }[] = [];
  /** Text drawn with fillText, in order. */
  readonly texts: string[] = [];
  getContext(kind: string): AnyRecord {
    if (kind !== '2d') throw new Error(`only 2d canvases here, not ${kind}`);
    const rects = this.rects;
    const texts = this.texts;
    const noop = () => undefined;
    // the rest of the 2D API as no-ops, so a chart library can lay out and draw (fillText is recorded below)
    const drawing = Object.fromEntries(
      ['save', 'restore', 'beginPath', 'closePath', 'moveTo', 'lineTo', 'arc', 'arcTo', 'rect', 'quadraticCurveTo', 'bezierCurveTo', 'fill', 'stroke', 'clip', 'strokeText', 'setTransform', 'transform', 'translate', 'scale', 'rotate', 'drawImage', 'setLineDash'].map((m) => [m, noop]),
    );
    return {
      ...drawing,
      fillStyle: '#000000',
      strokeStyle: '#000000',
      lineWidth: 1,
      font: '10px sans-serif',
      textAlign: 'start',
      fillRect(this: AnyRecord, x: number, y: number, w: number, h: number) {
        rects.push({ fill: String(this.fillStyle), x, y, w, h });
      },
      clearRect() {},
      strokeRect() {},
      fillText(text: string) {
        texts.push(String(text));
      },
      // about one em per character at the current font size
      measureText(this: AnyRecord, text: string) {
        const px = Number(/(\d+)px/.exec(String(this.font))?.[1] ?? 10);
        return { width: [...String(text)].length * px };
      },
      getLineDash: () => [],
      createLinearGradient: () => ({ addColorStop: noop }),
      createRadialGradient: () => ({ addColorStop: noop }),
      createPattern: () => ({}),
    };
  }
}

function hasClass(el: Element, name: string): boolean {
  const cls = el.getAttribute('class');
  if (!cls) return false;
  // j-component prefixes classes per component (`main--x`, `comp--x`); accept both forms
  return cls.split(/\s+/).some((c) => c === name || c.endsWith(`--${name}`));
}

function dispatch(el: HTMLElement, type: string, detail: AnyRecord): void {
  const exparser = require('miniprogram-exparser');
  const node = (el as AnyRecord).__wxElement;
  if (!node) throw new Error(`<${el.tagName.toLowerCase()}> is not an exparser node`);
  exparser.Event.dispatchEvent(
    node,
    exparser.Event.create(type, detail, { bubbles: true, capturePhase: true, composed: true, extraFields: { touches: [], changedTouches: [] } }),
  );
}

/** Boots a session for `openid`; close it in afterEach/afterAll. */
export async function bootAs(openid: string): Promise<WeappSession> {
  return new WeappSession(openid).boot();
}

/**
 * One WeChat user at a time, as on a phone (the app's globals — wx, App, Page — belong to one
 * session): `as(openid)` closes the previous session and boots the next; every session is closed
 * after each test.
 */
export function oneUserAtATime(): (openid: string) => Promise<WeappSession> {
  const sessions: WeappSession[] = [];
  afterEach(() => {
    for (const s of sessions.splice(0)) s.close();
  });
  return async (openid) => {
    for (const old of sessions.splice(0)) old.close();
    const s = await bootAs(openid);
    sessions.push(s);
    return s;
  };
}

/** Nothing went wrong that the user would not see: no console error, no browser-only global. */
export function expectClean(s: WeappSession): void {
  expect(s.consoleErrors).toEqual([]);
  expect(s.browserTouches).toEqual([]);
}

/** The cloud calls a session made to one action. */
export function callsOf(s: WeappSession, name: string, action: string): CloudCall[] {
  return s.cloudCalls.filter((c) => c.name === name && c.action === action);
}
