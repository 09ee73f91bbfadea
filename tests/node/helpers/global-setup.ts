// Builds the functions once and starts one emulator child process for the whole node test run.
// Each test file works in its own environment id, so files run in parallel against one emulator.
// The emulator runs in strict index mode: a function query that no declared index serves on a
// collection that grows fails its test (LINLI_TEST_STRICT_INDEXES=0 only logs them).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildFunctions } from '../../../scripts/build-functions';
import { startEmulatorProcess } from './process';

const root = path.resolve(__dirname, '../../..');

export default async function globalSetup(): Promise<void> {
  await buildFunctions({ quiet: true });
  await buildFunctions({ quiet: true, srcDir: path.join(root, 'tests/fixtures/functions'), outDir: path.join(root, 'dist/test-functions') });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-test-'));
  const strict = process.env.LINLI_TEST_STRICT_INDEXES !== '0';
  const child = await startEmulatorProcess(dataDir, strict ? ['--strict-indexes'] : []);
  process.env.LINLI_TEST_EMULATOR_URL = child.url;
  process.env.TENCENTCLOUD = 'true';
  process.env.TENCENTCLOUD_SECRETID = 'local';
  process.env.TENCENTCLOUD_SECRETKEY = 'local';
  (globalThis as Record<string, unknown>).__linliEmulator = { pid: child.process.pid, dataDir };
}
