// The weapp tier: dist/weapp (built here when missing; `npm test` builds it fresh first) and one
// emulator child process with the demo compound, whose function host the simulated wx.cloud calls.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildFunctions } from '../../../scripts/build-functions';
import { buildWeapp, weappAppJson } from '../../../scripts/weapp';
import { startEmulatorProcess } from '../../node/helpers/process';

export default async function globalSetup(): Promise<void> {
  if (!fs.existsSync(weappAppJson)) {
    console.log('\nweapp: dist/weapp is missing, building it (taro build --type weapp) …');
    await buildWeapp();
  }
  await buildFunctions({ quiet: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-weapp-'));
  const child = await startEmulatorProcess(dataDir, ['--seed', 'demo']);
  process.env.LINLI_WEAPP_EMULATOR_URL = child.url;
  (globalThis as Record<string, unknown>).__linliWeapp = { pid: child.process.pid, dataDir };
}
