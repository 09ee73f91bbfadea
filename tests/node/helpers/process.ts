// Starts `emulator/cli.ts` as a child process on a free port and waits for its URL.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

export interface EmulatorProcess {
  url: string;
  process: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function startEmulatorProcess(dataDir: string, extra: string[] = []): Promise<EmulatorProcess> {
  const child = spawn(
    process.execPath,
    [
      // LINLI_EMULATOR_NODE_ARGS: extra node flags for the emulator process (e.g. --cpu-prof to profile a bench)
      ...(process.env.LINLI_EMULATOR_NODE_ARGS ? process.env.LINLI_EMULATOR_NODE_ARGS.split(/\s+/).filter(Boolean) : []),
      '--import',
      'tsx',
      path.join(root, 'emulator/cli.ts'),
      '--port',
      '0',
      '--data',
      dataDir,
      '--no-build',
      '--functions',
      `${path.join(root, 'dist/cloudfunctions')},${path.join(root, 'dist/test-functions')}`,
      // tests share two cores with jest workers and a browser: keep timeouts, but not at production tightness
      '--timeout-scale',
      '3',
      ...extra,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`emulator did not start in time:\n${out}\n${err}`)), 30_000);
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /CloudBase emulator\) on (http:\/\/[\d.:]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          process: child,
          stop: (signal = 'SIGTERM') =>
            new Promise<void>((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once('exit', () => done());
              child.kill(signal);
            }),
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited with ${code}:\n${out}\n${err}`));
    });
  });
}
