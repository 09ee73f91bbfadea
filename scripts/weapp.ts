// The WeChat build and WeChat's own compilers, for the weapp test tier, the compile gate and the bench.
//   npx tsx scripts/weapp.ts [--no-build]   builds dist/weapp (release build) and runs the compile gate
// The gate: `wcc` over every .wxml, `wcsc` over every .wxss of dist/weapp (the Linux binaries of the
// `miniprogram-compiler` package), and no rule of src/**/*.scss silently dropped from the weapp styles.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import postcss, { type Rule } from 'postcss';
import * as sass from 'sass';
import { root, spawnTaro, track } from './h5';

export const weappDir = path.join(root, 'dist', 'weapp');
const NUTUI_VARIABLES = path.join(root, 'node_modules/@nutui/nutui-react-taro/dist/styles/variables.scss');
export const weappAppJson = path.join(weappDir, 'app.json');
const srcDir = path.join(root, 'src');

/**
 * `NODE_ENV=production taro build --type weapp` (what ships: no LINLI_LOCAL, no identity switcher)
 * into dist/weapp. The persistent webpack cache is off unless TARO_CACHE=1 (a cold build is ~40 s).
 */
export function buildWeapp(opts: { quiet?: boolean } = {}): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', TARO_CACHE: process.env.TARO_CACHE ?? '0' };
  delete env.LINLI_LOCAL;
  delete env.LINLI_API_BASE;
  const { child, tail } = spawnTaro(['build', '--type', 'weapp'], env, { quiet: opts.quiet ?? true });
  track(child);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0 && fs.existsSync(weappAppJson)) resolve();
      else reject(new Error(`taro build --type weapp failed (${signal ?? `exit ${code}`})\n--- last lines of the build output ---\n${tail()}`));
    });
  });
}

/**
 * Paths of runnable copies of `wcc` and `wcsc`. The package's binaries are not executable after
 * install, and node_modules here is hard-linked between worktrees, so they are copied, never chmod-ed.
 */
export function wechatCompilers(): { wcc: string; wcsc: string } {
  const from = path.join(root, 'node_modules', 'miniprogram-compiler', 'bin', 'linux');
  if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error(`WeChat's compilers ship for Linux x64 here, not ${process.platform}/${process.arch}`);
  const dir = path.join(os.tmpdir(), `linli-wechat-compilers-${process.getuid?.() ?? 0}`);
  fs.mkdirSync(dir, { recursive: true });
  const out = { wcc: path.join(dir, 'wcc'), wcsc: path.join(dir, 'wcsc') };
  for (const name of ['wcc', 'wcsc'] as const) {
    const src = path.join(from, name);
    const dst = out[name];
    const same = fs.existsSync(dst) && fs.statSync(dst).size === fs.statSync(src).size;
    if (!same) {
      const tmp = `${dst}.${process.pid}`;
      fs.copyFileSync(src, tmp);
      fs.chmodSync(tmp, 0o755);
      fs.renameSync(tmp, dst);
    }
  }
  return out;
}

function listFiles(dir: string, ext: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(ext)) out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export interface CompileResult {
  files: number;
  /** One line per problem, as the compiler reported it (with the offending text for WXSS). */
  errors: string[];
}

/** The text around `file(line:col)` positions in a compiler message (weapp styles are one long line). */
function withContext(dir: string, message: string): string {
  return message.replace(/([\w./-]+\.wxss)\((\d+):(\d+)\)/g, (all, file: string, line: string, col: string) => {
    try {
      const text = fs.readFileSync(path.join(dir, file), 'utf8').split('\n')[Number(line) - 1] ?? '';
      const c = Number(col) - 1;
      return `${all} near «${text.slice(Math.max(0, c - 40), c + 20)}»`;
    } catch {
      return all;
    }
  });
}

/** `wcsc` over every .wxss of the build at once (it needs each file's @imports in the same run). */
export function compileWxss(dir = weappDir): CompileResult {
  const files = listFiles(dir, '.wxss');
  const { wcsc } = wechatCompilers();
  const r = spawnSync(wcsc, ['-db', '-pc', '0', ...files], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  const errors: string[] = [];
  if (r.status !== 0) {
    const text = r.stderr.toString('utf8');
    for (const line of text.split('\n')) {
      const l = line.replace(/^ERR:\s*/, '').trim();
      if (l && !/^error file count/.test(l)) errors.push(withContext(dir, l));
    }
    if (!errors.length) errors.push(`wcsc exited with ${r.status}: ${text.trim()}`);
  }
  return { files: files.length, errors };
}

/** `wcc` over every .wxml (and .wxs) of the build, with each page's and component's usingComponents. */
export function compileWxml(dir = weappDir): CompileResult {
  const { files, errors } = runWcc(dir);
  return { files, errors };
}

/**
 * The JavaScript wcc makes of the whole build (defines `$gwx`), what miniprogram-simulate's
 * "official" compiler runs; throws with wcc's message when the WXML does not compile.
 */
export function wxmlToJsSource(dir: string): string {
  const r = runWcc(dir);
  if (r.errors.length) throw new Error(`wcc: ${r.errors.join('\n')}`);
  return r.stdout;
}

function runWcc(dir: string): CompileResult & { stdout: string } {
  const files = listFiles(dir, '.wxml');
  const wxs = listFiles(dir, '.wxs');
  const components: string[] = [];
  let count = 0;
  for (const f of files) {
    const json = path.join(dir, f.replace(/\.wxml$/, '.json'));
    if (!fs.existsSync(json)) continue;
    const using = (JSON.parse(fs.readFileSync(json, 'utf8')) as { usingComponents?: Record<string, string> }).usingComponents;
    if (using && Object.keys(using).length) {
      count++;
      components.push(f, String(Object.keys(using).length), ...Object.keys(using));
    }
  }
  const { wcc } = wechatCompilers();
  const r = spawnSync(wcc, ['-d', '-cc', [count, ...components].join(' '), ...files, ...wxs, '-gn', '$gwx'], {
    cwd: dir,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  const errors: string[] = [];
  if (r.status !== 0) {
    const text = r.stderr.toString('utf8').trim();
    errors.push(...(text ? text.split('\n').filter((l) => l.trim()) : [`wcc exited with ${r.status}`]));
  }
  return { files: files.length, errors, stdout: r.stdout.toString('utf8') };
}

/** A selector as text that survives minification: no spaces around combinators, one space elsewhere. */
export function normaliseSelector(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/\s*([>+~,])\s*/g, '$1')
    .replace(/::(before|after)\b/g, ':$1')
    .replace(/"/g, "'")
    .trim()
    .toLowerCase();
}

/**
 * Properties a mini-program has no use for: a rule made only of them is empty in WeChat, and
 * Taro's style pipeline rightly leaves it out.
 */
const H5_ONLY_PROPERTIES = new Set(['cursor']);

/**
 * How Taro's plugin-html is documented to rename selectors for mini-programs: an HTML tag `p`
 * becomes the class `.h5-p` (rendered by its own components), and `body` is WeChat's `page`.
 */
function asBuiltForWeapp(selector: string): string {
  return selector.replace(/\.h5-([a-z][a-z0-9]*)/g, '$1');
}
const SOURCE_ALIASES: Record<string, string> = { body: 'page' };

function selectorsOf(css: string, from: string, side: 'source' | 'built'): Set<string> {
  const out = new Set<string>();
  postcss.parse(css, { from }).walkRules((rule: Rule) => {
    // keyframe steps (from, to, 50%) are not selectors
    if (rule.parent?.type === 'atrule' && /keyframes$/i.test((rule.parent as { name: string }).name)) return;
    if (side === 'source') {
      const props = (rule.nodes ?? []).filter((n) => n.type === 'decl').map((n) => (n as { prop: string }).prop);
      if (props.length && props.every((p) => H5_ONLY_PROPERTIES.has(p))) return;
    }
    for (const s of rule.selectors) {
      const n = normaliseSelector(s);
      out.add(side === 'built' ? asBuiltForWeapp(n) : (SOURCE_ALIASES[n] ?? n));
    }
  });
  return out;
}

export interface DroppedRule {
  scss: string;
  selector: string;
}

/**
 * Every selector of every src/**\/*.scss (compiled by sass) that appears in no .wxss of the build.
 * Taro's plugin-html drops rules with a universal `*` for mini-programs without a word.
 */
export function droppedRules(dir = weappDir): { checked: number; dropped: DroppedRule[] } {
  const built = new Set<string>();
  for (const f of listFiles(dir, '.wxss')) for (const s of selectorsOf(fs.readFileSync(path.join(dir, f), 'utf8'), f, 'built')) built.add(s);
  const dropped: DroppedRule[] = [];
  let checked = 0;
  for (const file of listFiles(srcDir, '.scss')) {
    if (path.basename(file).startsWith('_')) continue;
    // browser-only styles (focus rings, the H5 tab bar, the desktop column): src/app.tsx loads them on H5 only
    if (file === 'h5.scss') continue;
    // as the build does it: config/index.ts prepends NutUI's variables to every stylesheet (sass.resource)
    const abs = path.join(srcDir, file);
    const css = sass.compileString(`@import ${JSON.stringify(NUTUI_VARIABLES)};\n${fs.readFileSync(abs, 'utf8')}`, {
      url: pathToFileURL(abs),
      loadPaths: [path.join(root, 'node_modules')],
      silenceDeprecations: ['import'],
    }).css;
    for (const selector of selectorsOf(css, file, 'source')) {
      checked++;
      if (!built.has(selector)) dropped.push({ scss: `src/${file}`, selector });
    }
  }
  return { checked, dropped };
}

export interface PackageSize {
  /** 'main' or the subpackage root */
  name: string;
  bytes: number;
}

/** Bytes of the main package and of each subpackage of a build, as WeChat counts them (files under each root). */
export function packageSizes(dir = weappDir): PackageSize[] {
  const app = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8')) as { subPackages?: { root: string }[] };
  const roots = (app.subPackages ?? []).map((p) => p.root.replace(/\/+$/, ''));
  const sizes = new Map<string, number>([['main', 0], ...roots.map((r) => [r, 0] as [string, number])]);
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const rel = path.relative(dir, p).split(path.sep).join('/');
        // the tool's own config is not uploaded as code
        if (rel === 'project.config.json' || rel === 'project.private.config.json') continue;
        const root = roots.find((r) => rel === r || rel.startsWith(`${r}/`)) ?? 'main';
        sizes.set(root, (sizes.get(root) ?? 0) + fs.statSync(p).size);
      }
    }
  };
  walk(dir);
  return [...sizes].map(([name, bytes]) => ({ name, bytes }));
}

if (require.main === module) {
  (async () => {
    if (!process.argv.includes('--no-build') || !fs.existsSync(weappAppJson)) {
      console.log('taro build --type weapp …');
      await buildWeapp();
    }
    const wxml = compileWxml();
    const wxss = compileWxss();
    const rules = droppedRules();
    console.log(`wcc:  ${wxml.files} .wxml, ${wxml.errors.length} errors`);
    for (const e of wxml.errors) console.log(`  ✗ ${e}`);
    console.log(`wcsc: ${wxss.files} .wxss, ${wxss.errors.length} errors`);
    for (const e of wxss.errors) console.log(`  ✗ ${e}`);
    console.log(`scss: ${rules.checked} selectors, ${rules.dropped.length} missing from dist/weapp`);
    for (const d of rules.dropped) console.log(`  ✗ ${d.scss}: ${d.selector}`);
    process.exit(wxml.errors.length + wxss.errors.length + rules.dropped.length ? 1 : 0);
  })().catch((e: Error) => {
    console.error(e.message);
    process.exit(2);
  });
}
