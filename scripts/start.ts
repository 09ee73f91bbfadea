// npm start [-- --watch | --skip-build] [emulator options: --port N --data DIR --reset --seed demo|none ...]
// Builds the cloud functions and the local H5 app (LINLI_LOCAL=1), then serves both from the
// CloudBase emulator with the demo compound seeded: open the printed URL in a browser.
import fs from 'node:fs';
import path from 'node:path';
import { buildFunctions } from './build-functions';
import { buildH5, h5Dir, h5Index, runningChildren, stopChild, watchH5, type H5Watch } from './h5';
import { parseArgs, startEmulator, type CliOptions } from '../emulator/cli';
import { DEMO_IDENTITIES } from '../emulator/seed';
import type { Emulator } from '../emulator/server';

const USAGE = `usage: npm start [-- options]
  --watch        rebuild the H5 app on every change (taro build --watch); the open page updates itself
  --skip-build   serve the existing dist/h5 as it is (the cloud functions are still rebuilt)
  --port N       emulator/app port (default 3900; 0 = any free port)
  --data DIR     emulator data directory (default .data)
  --reset        delete the data directory first (the demo compound is seeded again)
  --seed none    start without the demo compound
  (every other option of npm run emulator is accepted too)`;

const t0 = Date.now();
const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

let emulator: Emulator | undefined;
let watcher: H5Watch | undefined;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await Promise.all([
      watcher?.stop(),
      ...runningChildren().map((c) => stopChild(c)),
      emulator?.close().catch(() => undefined),
    ]);
  }
  process.exit(code);
}

function banner(opts: CliOptions, url: string): void {
  const app = `${url}/`;
  const line = '─'.repeat(64);
  const out = [
    '',
    line,
    `  邻里共治 Linli — local app and cloud are running (ready in ${secs()})`,
    '',
    `  Open   ${app}`,
    `         (phone-sized window works best: browser devtools → device toolbar)`,
    `  Data   ${opts.data}${opts.seed === 'demo' ? '  (demo compound 红湖公园城; --reset to start over)' : ''}`,
    `  Cloud  ${url}/__emulator/health  ·  POST ${url}/functions/<name>`,
  ];
  if (watcher) out.push(`  Watch  taro build --watch rebuilds dist/h5 on every change; the open page updates itself (dev server :${watcher.devPort})`);
  if (opts.seed === 'demo') {
    out.push('', '  Demo identities — switch on the 我的 tab → 「切换身份（本地调试）」:');
    const w = Math.max(...DEMO_IDENTITIES.map((d) => d.openid.length));
    const n = Math.max(...DEMO_IDENTITIES.map((d) => d.name.length));
    // names are Chinese (double-width): pad with the ideographic space so the notes line up
    for (const d of DEMO_IDENTITIES) out.push(`    ${d.openid.padEnd(w)}  ${d.name.padEnd(n, '\u3000')}  ${d.note}`);
  }
  out.push('', '  Ctrl+C to stop.', line, '');
  console.log(out.join('\n'));
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const watching = argv.includes('--watch');
  const skipBuild = argv.includes('--skip-build');
  if (watching && skipBuild) throw new Error('--watch and --skip-build cannot be combined');
  const rest = argv.filter((a) => a !== '--watch' && a !== '--skip-build');
  // validate the emulator options before the slow builds
  const opts = parseArgs(['--seed', 'demo', '--static', h5Dir, ...rest, '--no-build']);

  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      console.log(`\n${sig}: stopping…`);
      void shutdown(0);
    });
  }

  console.log('building cloud functions…');
  await buildFunctions({ quiet: true });

  const staticDir = opts.static ?? h5Dir;
  if (skipBuild) {
    if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
      throw new Error(`--skip-build: ${path.relative(process.cwd(), staticDir) || staticDir}/index.html does not exist; run npm start without --skip-build once`);
    }
    console.log(`reusing the existing ${path.relative(process.cwd(), staticDir)}`);
  } else if (watching) {
    console.log('starting taro build --type h5 --watch (LINLI_LOCAL=1; the first build takes ~30 s cold)…');
    watcher = await watchH5({ prefix: '[h5] ' });
    watcher.child.once('exit', (code, signal) => {
      if (stopping) return;
      console.error(`taro build --watch stopped (${signal ?? `exit ${code}`}); stopping`);
      void shutdown(1);
    });
    await watcher.ready;
  } else {
    console.log('building the H5 app: LINLI_LOCAL=1 NODE_ENV=production taro build --type h5 (~30 s cold, ~10 s with cache)…');
    await buildH5();
    if (!fs.existsSync(h5Index)) throw new Error('the H5 build did not write dist/h5/index.html');
  }
  if (stopping) return;

  emulator = await startEmulator(opts);
  banner(opts, emulator.url);
}

main().catch((e) => {
  if (stopping) return; // interrupted: shutdown() is already stopping everything
  console.error(`npm start: ${(e as Error).message}`);
  void shutdown(1);
});
