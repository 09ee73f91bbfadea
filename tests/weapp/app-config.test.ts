/**
 * @jest-environment node
 */
// What WeChat's review and a real device need from the built app.json and project.config.json.
import fs from 'node:fs';
import path from 'node:path';
import { root } from '../../scripts/h5';
import { packageSizes, weappDir } from '../../scripts/weapp';

interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  tabBar?: { list: { pagePath: string; iconPath?: string; selectedIconPath?: string }[] };
  lazyCodeLoading?: string;
  __usePrivacyCheck__?: boolean;
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;
const app = readJson<AppJson>(path.join(weappDir, 'app.json'));
const allPages = [...app.pages, ...(app.subPackages ?? []).flatMap((p) => p.pages.map((q) => `${p.root}/${q}`))];
const MB = 1024 * 1024;

describe('app.json', () => {
  it('turns on WeChat’s privacy check (the app answers onNeedPrivacyAuthorization itself)', () => {
    expect(app.__usePrivacyCheck__).toBe(true);
  });

  it('loads components lazily, and every page and component declares the components its WXML uses', () => {
    expect(app.lazyCodeLoading).toBe('requiredComponents');
    // with requiredComponents only what a file's own usingComponents declares is injected
    const wxmls: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.wxml') && fs.existsSync(p.replace(/\.wxml$/, '.json'))) wxmls.push(p);
      }
    };
    walk(weappDir);
    const missing: string[] = [];
    for (const wxml of wxmls) {
      const using = readJson<{ usingComponents?: Record<string, string> }>(wxml.replace(/\.wxml$/, '.json')).usingComponents ?? {};
      const used = new Set([...fs.readFileSync(wxml, 'utf8').matchAll(/<(comp|custom-wrapper)[\s/>]/g)].map((m) => m[1]));
      // base.wxml is imported by the pages: its tags count for every page that imports it
      if (fs.readFileSync(wxml, 'utf8').includes('base.wxml')) used.add('comp');
      for (const tag of used) if (!using[tag]) missing.push(`${path.relative(weappDir, wxml)}: <${tag}>`);
      for (const [tag, target] of Object.entries(using)) {
        const file = path.resolve(path.dirname(wxml), `${target}.js`);
        if (!fs.existsSync(file)) missing.push(`${path.relative(weappDir, wxml)}: ${tag} -> ${target} (no ${path.relative(weappDir, file)})`);
      }
    }
    expect(wxmls.length).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it('has every page’s .js, .json and .wxml, and subpackage roots that do not overlap', () => {
    const absent = allPages.flatMap((p) => ['.js', '.json', '.wxml'].filter((ext) => !fs.existsSync(path.join(weappDir, `${p}${ext}`))).map((ext) => `${p}${ext}`));
    expect(absent).toEqual([]);
    const roots = (app.subPackages ?? []).map((p) => `${p.root.replace(/\/+$/, '')}/`);
    for (const a of roots) for (const b of roots) if (a !== b) expect(a.startsWith(b)).toBe(false);
    for (const page of app.pages) expect(roots.some((r) => page.startsWith(r))).toBe(false);
  });

  it('keeps tab icons under 40 KB and each package under 2 MB', () => {
    for (const tab of app.tabBar?.list ?? []) {
      for (const icon of [tab.iconPath, tab.selectedIconPath]) {
        if (icon) expect(fs.statSync(path.join(weappDir, icon)).size).toBeLessThanOrEqual(40 * 1024);
      }
    }
    const sizes = packageSizes();
    expect(sizes.map((p) => p.name)).toEqual(['main', ...(app.subPackages ?? []).map((p) => p.root)]);
    for (const p of sizes) expect(p.bytes).toBeLessThan(2 * MB);
  });
});

describe('project.config.json', () => {
  const dist = readJson<{ miniprogramRoot: string; cloudfunctionRoot: string; setting: Record<string, unknown> }>(path.join(weappDir, 'project.config.json'));

  it('asks DevTools and miniprogram-ci for minified JS, WXML and WXSS in the release', () => {
    const source = readJson<{ setting: Record<string, unknown> }>(path.join(root, 'project.config.json'));
    for (const config of [source, dist]) expect(config.setting).toMatchObject({ minified: true, minifyWXML: true, minifyWXSS: true });
  });

  it('in dist/weapp points cloudfunctionRoot at the built functions from there', () => {
    expect(dist.miniprogramRoot).toBe('./');
    expect(path.resolve(weappDir, dist.cloudfunctionRoot)).toBe(path.join(root, 'dist', 'cloudfunctions'));
  });

  it('ships minified JavaScript (the production build)', () => {
    for (const file of ['app.js', 'vendors.js', 'taro.js']) {
      const text = fs.readFileSync(path.join(weappDir, file), 'utf8');
      expect(text.split('\n').length).toBeLessThan(30);
    }
  });
});
