// npm run emulator -- [--port 3900] [--data .data] [--reset] [--seed demo|none] [--env linli-local]
//                     [--functions dist/cloudfunctions] [--static dist/h5] [--no-build] [--fsync]
//                     [--timeout-scale N]  (multiplies every function's timeout: busy test machines)
//                     [--strict-indexes]   (refuse queries no declared index serves on growing collections)
import fs from 'node:fs';
import path from 'node:path';
import { buildFunctions } from '../scripts/build-functions';
import { sdkEnvFor, prepareHostProcess } from './env';
import { DEFAULT_ENV, Emulator } from './server';
import { DEMO_IDENTITIES, isEmpty, seedDemo, seedSampleContent } from './seed';

export interface CliOptions {
  port: number;
  data: string;
  reset: boolean;
  seed: 'demo' | 'none';
  env: string;
  functions: string[];
  static?: string;
  build: boolean;
  fsync: boolean;
  timeoutScale: number;
  strictIndexes: boolean;
}

export function parseArgs(argv: string[]): CliOptions {
  const root = path.resolve(__dirname, '..');
  const opts: CliOptions = {
    port: 3900,
    data: path.join(root, '.data'),
    reset: false,
    seed: 'none',
    env: DEFAULT_ENV,
    functions: [],
    build: true,
    fsync: false,
    timeoutScale: 1,
    strictIndexes: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--port') opts.port = Number(next());
    else if (a === '--data') opts.data = path.resolve(next());
    else if (a === '--reset') opts.reset = true;
    else if (a === '--seed') {
      const v = next();
      if (v !== 'demo' && v !== 'none') throw new Error('--seed takes demo or none');
      opts.seed = v;
    } else if (a === '--env') opts.env = next();
    else if (a === '--functions') opts.functions.push(...next().split(',').map((d) => path.resolve(d)));
    else if (a === '--static') opts.static = path.resolve(next());
    else if (a === '--no-build') opts.build = false;
    else if (a === '--fsync') opts.fsync = true;
    else if (a === '--timeout-scale') opts.timeoutScale = Number(next());
    else if (a === '--strict-indexes') opts.strictIndexes = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run emulator -- [--port N] [--data DIR] [--reset] [--seed demo|none] [--env ID] [--static DIR] [--no-build] [--fsync] [--timeout-scale N] [--strict-indexes]');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  if (!(opts.timeoutScale > 0)) throw new Error('--timeout-scale takes a positive number');
  if (!opts.functions.length) opts.functions.push(path.join(root, 'dist', 'cloudfunctions'));
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error('--port takes a port number');
  return opts;
}

export async function startEmulator(opts: CliOptions): Promise<Emulator> {
  prepareHostProcess();
  if (opts.reset) fs.rmSync(opts.data, { recursive: true, force: true });
  if (opts.build) await buildFunctions({ quiet: true });
  const emulator = new Emulator({
    port: opts.port,
    dataDir: opts.data,
    functionsDirs: opts.functions,
    staticDir: opts.static,
    defaultEnv: opts.env,
    fsync: opts.fsync,
    timeoutScale: opts.timeoutScale,
    strictIndexes: opts.strictIndexes,
  });
  const db = emulator.db(opts.env);
  if (opts.seed === 'demo') {
    if (isEmpty(db)) {
      const r = seedDemo(db, new Date(emulator.now(opts.env)));
      seedSampleContent(db, new Date(emulator.now(opts.env)));
      console.log(`seeded the demo compound 红湖公园城: ${r.households} households, ${r.users} users`);
    } else console.log('data directory already has data: demo seed skipped (use --reset to start over)');
  }
  await emulator.listen();
  return emulator;
}

if (require.main === module) {
  let opts: CliOptions;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`emulator: ${(e as Error).message}`);
    process.exit(2);
  }
  startEmulator(opts).then(
    (emulator) => {
      const url = emulator.url;
      console.log(`\nLinli local cloud (CloudBase emulator) on ${url}`);
      console.log(`  data directory   ${opts.data}`);
      console.log(`  environment      ${opts.env} (any env id is accepted, each with its own database)`);
      console.log(`  functions        ${emulator.host.names().join(', ') || '(none built)'}  →  POST ${url}/functions/<name>  (header x-wx-openid)`);
      console.log(`  timer triggers   POST ${url}/triggers/<name>`);
      console.log(`  control API      ${url}/__emulator/health | clock | outbox | invocations | explain | unindexed | strict | faults`);
      console.log(`  index mode       ${opts.strictIndexes ? 'strict: unindexed queries on growing collections fail' : 'unindexed queries are logged (--strict-indexes to refuse them)'}`);
      if (opts.static) console.log(`  H5 app           ${url}/`);
      console.log('\nEnvironment for a process whose wx-server-sdk should use this emulator:');
      for (const [k, v] of Object.entries(sdkEnvFor(url, opts.env))) console.log(`  export ${k}='${v}'`);
      if (opts.seed === 'demo') console.log(`\nDemo identities: ${DEMO_IDENTITIES.map((d) => d.openid).join(', ')}`);
      const stop = () => emulator.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (e) => {
      console.error(`emulator failed to start: ${(e as Error).message}`);
      process.exit(1);
    },
  );
}
