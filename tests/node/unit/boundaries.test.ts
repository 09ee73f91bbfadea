// The house rules the build enforces: core/ imports only zod and dayjs; the app never imports the
// functions or the emulator; no function imports another function's folder; the runtime imports
// no function. Walks every import specifier of the tree. And every page only composes: its index.tsx
// stays short, the parts and the domain hook living beside it.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const SOURCE = /\.(ts|tsx|js|mjs|cjs)$/;

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(rel));
    else if (SOURCE.test(e.name)) out.push(rel);
  }
  return out;
}

const SPEC = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

function specifiers(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(SPEC)].map((m) => m[1]);
}

/** Where a specifier points inside the repository ('' for a package). */
function target(file: string, spec: string): string {
  if (spec.startsWith('@core/')) return path.join('core', spec.slice('@core/'.length));
  if (spec.startsWith('.')) return path.normalize(path.join(path.dirname(file), spec));
  return '';
}

const functionOf = (p: string) => (p.startsWith(`cloudfunctions${path.sep}`) ? p.split(path.sep)[1] : null);

/** Every page of src/app.config.ts (main package and subpackages), e.g. 'packages/notice/detail/index'. */
function appPages(): string[] {
  const g = globalThis as { defineAppConfig?: (c: unknown) => unknown }
  const before = g.defineAppConfig
  g.defineAppConfig = (c) => c
  try {
    const config = require(path.join(root, 'src', 'app.config')).default as { pages: string[]; subPackages?: { root: string; pages: string[] }[] }
    return [...config.pages, ...(config.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]
  } finally {
    g.defineAppConfig = before
  }
}

const PAGE_LINES = 150
const lineCount = (text: string) => text.replace(/\n$/, '').split('\n').length

describe('boundaries', () => {
  it('core/ imports nothing but itself, zod/mini and dayjs', () => {
    const bad: string[] = [];
    for (const file of walk('core')) {
      for (const spec of specifiers(file)) {
        const t = target(file, spec);
        const ok = t ? t.startsWith(`core${path.sep}`) || t === 'core' : /^(zod\/mini|dayjs)(\/.*)?$/.test(spec);
        if (!ok) bad.push(`${file} → ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the app imports neither the functions nor the emulator nor the server SDK', () => {
    const bad: string[] = [];
    for (const file of walk('src')) {
      for (const spec of specifiers(file)) {
        const t = target(file, spec);
        if (t.startsWith(`cloudfunctions${path.sep}`) || t.startsWith(`emulator${path.sep}`) || /^(wx-server-sdk|node:)/.test(spec)) bad.push(`${file} → ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('no function imports another function, and the runtime imports none', () => {
    const bad: string[] = [];
    for (const file of walk('cloudfunctions')) {
      const own = functionOf(file);
      for (const spec of specifiers(file)) {
        const other = functionOf(target(file, spec));
        if (other && other !== own && other !== 'runtime') bad.push(`${file} → ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it(`every page's index.tsx only composes: at most ${PAGE_LINES} lines`, () => {
    const pages = appPages()
    expect(pages).toEqual(expect.arrayContaining(['pages/home/index', 'packages/notice/detail/index', 'packages/admin/compounds/index']))
    const bad: string[] = []
    for (const page of pages) {
      const file = path.join(root, 'src', `${page}.tsx`)
      if (!fs.existsSync(file)) bad.push(`src/${page}.tsx is missing`)
      else {
        const lines = lineCount(fs.readFileSync(file, 'utf8'))
        if (lines > PAGE_LINES) bad.push(`src/${page}.tsx has ${lines} lines (at most ${PAGE_LINES}: move parts and the loader beside it)`)
      }
    }
    expect(bad).toEqual([])
  })

  it('finds the imports it checks (the walker itself works)', () => {
    expect(specifiers('cloudfunctions/request/index.ts')).toEqual(expect.arrayContaining(['@core/request/contract', '../runtime/serve']));
    expect(target('src/pages/home/index.tsx', '../../../cloudfunctions/runtime/serve')).toBe(path.join('cloudfunctions', 'runtime', 'serve'));
  });
});
