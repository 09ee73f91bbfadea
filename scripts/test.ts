// npm test [-- --only unit|weapp|e2e] [--no-build]
// The one command that runs every check:
//   unit: tsc --noEmit per part (core, src, cloudfunctions, all), eslint, then jest projects node + app
//   weapp: the WeChat build (dist/weapp, release settings) checked by WeChat's compilers and run in
//         miniprogram-simulate against the emulator: jest project weapp in band
//   e2e:  Chromium (apt-installed when root), the local H5 build (LINLI_LOCAL=1) into dist/h5,
//         then jest project e2e in band
// Ends with one line `tests: N passed, M failed[, K skipped]` and exits non-zero on any failure.
// A step that fails without test results (tsc, a jest run that could not start, the H5 build,
// Chromium) counts as one failed test there, so the line never says 0 failed on a failing run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureChromium } from './chromium';
import { buildH5, h5Index, root, runningChildren, stopChild } from './h5';
import { buildWeapp, weappAppJson } from './weapp';

const USAGE = `usage: npm test [-- options]
  --only unit   type check + jest projects node and app
  --only weapp  the WeChat build: compile gate and miniprogram-simulate (builds dist/weapp first)
  --only e2e    Chromium end-to-end tests (builds dist/h5 with LINLI_LOCAL=1 first)
  --no-build    weapp/e2e: reuse dist/weapp, dist/h5 when they exist`;

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
const problems: string[] = [];
const timings: string[] = [];
let tmpDir: string | undefined;
/** Where jest writes its --json results (made on first use, removed at the end). */
function tmp(): string {
  tmpDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'linli-results-'));
  return tmpDir;
}
function removeTmp(): void {
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
}
let interrupted: NodeJS.Signals | undefined;

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    // jest and tsc get the signal from run(); the H5 build runs in its own process group
    interrupted = sig;
    for (const c of runningChildren()) void stopChild(c, sig);
  });
}

function secs(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function heading(text: string): void {
  console.log(`\n━━ ${text} ${'━'.repeat(Math.max(4, 70 - text.length))}`);
}

function fail(what: string): void {
  problems.push(what);
  totals.failed += 1;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env });
    const forward = (sig: NodeJS.Signals) => child.kill(sig);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.once('error', (e) => {
      console.error(`${cmd}: ${e.message}`);
      resolve(127);
    });
    child.once('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const t = Date.now();
  try {
    return await fn();
  } finally {
    timings.push(`${name.padEnd(28)} ${secs(Date.now() - t)}`);
  }
}

/**
 * Two tsc passes: the whole tree (tests, scripts, emulator) with every global, then the project
 * references (`tsc -b`) — core/ alone (no DOM, no Node) emitting only declarations, and src/ (no
 * Node) and cloudfunctions/ (no DOM) each built on core's declarations, never on its sources.
 */
const TSC_RUNS: Array<{ label: string; args: string[] }> = [
  { label: 'tsc tsconfig.json', args: ['--noEmit', '-p', 'tsconfig.json'] },
  { label: 'tsc -b core src cloudfunctions', args: ['-b', 'core', 'src', 'cloudfunctions'] },
];

async function typecheck(): Promise<void> {
  for (const { label, args } of TSC_RUNS) {
    heading(`type check: ${label}`);
    const code = await step(label, () => run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), ...args]));
    if (code !== 0) fail(`type check (${label}) failed`);
    else console.log('tsc: no errors');
  }
}

async function lint(): Promise<void> {
  heading('lint: eslint');
  const code = await step('eslint', () => run(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--max-warnings=0', '.']));
  if (code !== 0) fail('eslint found problems: see its output above');
  else console.log('eslint: no problems');
}

interface JestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numRuntimeErrorTestSuites: number;
  numTotalTestSuites: number;
  testResults: { name: string; status: string; message: string; assertionResults: { status: string; fullName: string }[] }[];
}

async function jest(label: string, projects: string[], extra: string[]): Promise<void> {
  heading(`jest ${projects.join(' + ')}`);
  const out = path.join(tmp(), `jest-${label}.json`);
  const args = [
    path.join(root, 'node_modules/jest/bin/jest.js'),
    '--selectProjects',
    ...projects,
    '--json',
    `--outputFile=${out}`,
    ...(process.env.CI ? ['--ci'] : []),
    ...extra,
  ];
  const code = await step(`jest ${projects.join('+')}`, () => run(process.execPath, args));
  let json: JestJson | undefined;
  try {
    json = JSON.parse(fs.readFileSync(out, 'utf8')) as JestJson;
  } catch {
    /* jest did not get as far as writing results */
  }
  if (!json) {
    fail(`jest ${projects.join(' + ')} did not run (exit ${code}): see its output above`);
    return;
  }
  totals.passed += json.numPassedTests;
  totals.failed += json.numFailedTests;
  totals.skipped += json.numPendingTests + json.numTodoTests;
  for (const r of json.testResults) {
    const file = path.relative(root, r.name);
    for (const a of r.assertionResults) if (a.status === 'failed') problems.push(`${file}: ${a.fullName}`);
    // a file that failed to run at all (syntax error, a throwing import, a failing beforeAll without tests)
    if (r.status === 'failed' && !r.assertionResults.some((a) => a.status === 'failed')) fail(`${file}: test file failed to run`);
  }
  if (code !== 0 && json.numFailedTests === 0 && !json.testResults.some((r) => r.status === 'failed')) {
    fail(`jest ${projects.join(' + ')} exited with ${code} without a failing test (globalSetup/teardown or an open handle?)`);
  }
}

async function e2e(noBuild: boolean): Promise<void> {
  heading('e2e: Chromium');
  let chromium: string;
  try {
    chromium = await step('chromium', async () => ensureChromium());
    console.log(`chromium: ${chromium}`);
  } catch (e) {
    console.error((e as Error).message);
    fail('e2e: no Chromium');
    return;
  }
  if (noBuild && fs.existsSync(h5Index)) {
    console.log('--no-build: reusing dist/h5');
  } else {
    heading('e2e: LINLI_LOCAL=1 NODE_ENV=production taro build --type h5');
    try {
      await step('h5 build', () => buildH5({ quiet: true }));
      console.log('dist/h5 built');
    } catch (e) {
      console.error((e as Error).message);
      fail('e2e: the H5 build failed');
      return;
    }
  }
  await jest('e2e', ['e2e'], ['--runInBand']);
}

async function weapp(noBuild: boolean): Promise<void> {
  if (noBuild && fs.existsSync(weappAppJson)) {
    heading('weapp');
    console.log('--no-build: reusing dist/weapp');
  } else {
    heading('weapp: NODE_ENV=production taro build --type weapp');
    try {
      await step('weapp build', () => buildWeapp({ quiet: true }));
      console.log('dist/weapp built');
    } catch (e) {
      console.error((e as Error).message);
      fail('weapp: the weapp build failed');
      return;
    }
  }
  await jest('weapp', ['weapp'], ['--runInBand']);
}

const ONLY = ['unit', 'weapp', 'e2e'] as const;
type Only = (typeof ONLY)[number];
function only(v: string | undefined): Only {
  if (!ONLY.includes(v as Only)) throw new Error(`--only takes ${ONLY.join(', ')}`);
  return v as Only;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  let selected: Only | undefined;
  let noBuild = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--only') selected = only(argv[++i]);
    else if (a.startsWith('--only=')) selected = only(a.slice('--only='.length));
    else if (a === '--no-build') noBuild = true;
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      return 0;
    } else throw new Error(`unknown option ${a}\n${USAGE}`);
  }

  const t0 = Date.now();
  const steps: (() => Promise<void>)[] = [];
  if (!selected || selected === 'unit') steps.push(typecheck, lint, () => jest('unit', ['node', 'app'], ['--maxWorkers=2']));
  if (!selected || selected === 'weapp') steps.push(() => weapp(noBuild));
  if (!selected || selected === 'e2e') steps.push(() => e2e(noBuild));
  for (const s of steps) {
    if (interrupted) break;
    await s();
  }
  if (interrupted) {
    removeTmp();
    console.log(`
${interrupted}: stopped`);
    return 130;
  }

  heading('summary');
  for (const t of timings) console.log(`  ${t}`);
  console.log(`  ${'total'.padEnd(28)} ${secs(Date.now() - t0)}`);
  if (problems.length) {
    console.log('\nFailed:');
    for (const p of problems) console.log(`  ✗ ${p}`);
  }
  removeTmp();
  console.log('');
  console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
  return totals.failed > 0 || problems.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    removeTmp();
    console.error(`npm test: ${(e as Error).message}`);
    process.exit(2);
  },
);
