// Builds the local H5 app (LINLI_LOCAL=1: identity switcher, functions called on the emulator) into
// dist/h5 with the Taro CLI, one-shot or in watch mode. Used by scripts/start.ts and scripts/test.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const root = path.resolve(__dirname, '..');
export const h5Dir = path.join(root, 'dist', 'h5');
export const h5Index = path.join(h5Dir, 'index.html');
/** Written after a successful build by these scripts; Taro empties dist/h5 when any build starts. */
export const h5Marker = path.join(h5Dir, '.linli-build.json');

const taroBin = path.join(root, 'node_modules', '@tarojs', 'cli', 'bin', 'taro');

export interface H5BuildOptions {
  /** Prefix every output line (e.g. '[h5] '); otherwise the child inherits stdio. */
  prefix?: string;
  /** Keep the output to itself: only its last lines are shown, in the error, if the build fails. */
  quiet?: boolean;
}

function localEnv(mode: 'production' | 'development'): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LINLI_LOCAL: '1', NODE_ENV: mode };
  // The app calls the emulator on its own origin.
  delete env.LINLI_API_BASE;
  return env;
}

function pipeLines(stream: NodeJS.ReadableStream, out: NodeJS.WriteStream, prefix: string): void {
  let buf = '';
  stream.setEncoding('utf8');
  stream.on('data', (d: string) => {
    buf += d;
    const lines = buf.split(/\r?\n|\r(?!\n)/);
    buf = lines.pop() ?? '';
    for (const l of lines) if (l.trim()) out.write(`${prefix}${l}\n`);
  });
  stream.on('end', () => {
    if (buf.trim()) out.write(`${prefix}${buf}\n`);
  });
}

const TAIL = 80;

export function spawnTaro(args: string[], env: NodeJS.ProcessEnv, opts: H5BuildOptions, nodeArgs: string[] = []): { child: ChildProcess; tail: () => string } {
  const child = spawn(process.execPath, [...nodeArgs, taroBin, ...args], {
    cwd: root,
    env,
    // own process group, so stopping it also stops webpack's workers
    detached: true,
    stdio: opts.prefix || opts.quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
  });
  let captured = '';
  if (opts.quiet) {
    const keep = (d: Buffer) => {
      captured += d.toString('utf8');
      if (captured.length > 200_000) captured = captured.slice(-100_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
  } else if (opts.prefix) {
    pipeLines(child.stdout!, process.stdout, opts.prefix);
    pipeLines(child.stderr!, process.stderr, opts.prefix);
  }
  const tail = () =>
    captured
      // drop the progress bar's cursor movements (escape sequences are exactly what is matched here)
      // eslint-disable-next-line no-control-regex
      .replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')
      .split(/\r?\n|\r/)
      .filter((l) => l.trim())
      .slice(-TAIL)
      .join('\n');
  return { child, tail };
}

/** Stops a child started by this module (and its process group). */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve();
    const kill = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    try {
      process.kill(-child.pid, signal);
    } catch {
      try {
        child.kill(signal);
      } catch {
        /* gone */
      }
    }
  });
}

const running = new Set<ChildProcess>();

/** Children still running (for signal handlers). */
export function runningChildren(): ChildProcess[] {
  return [...running];
}

export function track(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

function writeMarker(mode: string): void {
  fs.writeFileSync(h5Marker, JSON.stringify({ local: true, mode, builtAt: new Date().toISOString() }, null, 2));
}

/** `LINLI_LOCAL=1 NODE_ENV=production taro build --type h5` into dist/h5. Rejects on failure. */
export function buildH5(opts: H5BuildOptions = {}): Promise<void> {
  if (!fs.existsSync(taroBin)) return Promise.reject(new Error(`${taroBin} is missing: run npm install`));
  const { child, tail } = spawnTaro(['build', '--type', 'h5'], localEnv('production'), opts);
  track(child);
  const output = () => (opts.quiet ? `\n--- last lines of the build output ---\n${tail()}` : '');
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0 && fs.existsSync(h5Index)) {
        writeMarker('production');
        resolve();
      } else if (code === 0) reject(new Error(`taro build --type h5 finished but dist/h5/index.html is missing${output()}`));
      else reject(new Error(`taro build --type h5 failed (${signal ?? `exit ${code}`})${output()}`));
    });
  });
}

export interface H5Watch {
  child: ChildProcess;
  /** webpack-dev-server's port (hot updates / live reload for the page the emulator serves). */
  devPort: number;
  /** Resolves when the first build has written dist/h5/index.html. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * `LINLI_LOCAL=1 taro build --type h5 --watch` (development mode). Taro's H5 watch mode is
 * webpack-dev-server, which keeps its output in memory; scripts/taro-watch-to-disk.cjs adds an
 * h5.devServer config with writeToDisk (so the emulator can serve dist/h5), no browser, and a
 * websocket URL so the page served by the emulator still gets hot updates from the dev server.
 */
export async function watchH5(opts: H5BuildOptions = {}): Promise<H5Watch> {
  const started = Date.now();
  const devPort = await freePort();
  const env = { ...localEnv('development'), LINLI_H5_DEV_PORT: String(devPort) };
  const { child } = spawnTaro(['build', '--type', 'h5', '--watch'], env, opts, ['--require', path.join(__dirname, 'taro-watch-to-disk.cjs')]);
  track(child);
  let poll: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (poll) clearInterval(poll);
      reject(new Error(`taro build --type h5 --watch exited (${signal ?? `exit ${code}`})`));
    });
    poll = setInterval(() => {
      let m = 0;
      try {
        m = fs.statSync(h5Index).mtimeMs;
      } catch {
        return;
      }
      if (m < started - 1000) return; // an older build: Taro empties dist/h5 first, so wait
      clearInterval(poll);
      writeMarker('development');
      resolve();
    }, 300);
  });
  ready.catch(() => undefined);
  return {
    child,
    devPort,
    ready,
    stop: async () => {
      if (poll) clearInterval(poll);
      await stopChild(child);
    },
  };
}

if (require.main === module) {
  const t = Date.now();
  buildH5().then(
    () => console.log(`H5 app (LINLI_LOCAL=1) built into dist/h5 in ${((Date.now() - t) / 1000).toFixed(1)} s`),
    (e) => {
      console.error((e as Error).message);
      process.exit(1);
    },
  );
}
