// Starts one emulator child process for the whole e2e run: the demo compound seeded into a fresh
// temp data directory, serving the local H5 build from dist/h5. Tests read LINLI_E2E_URL.
// dist/h5 must already be built with LINLI_LOCAL=1: `npm test` / `npm run test:e2e` do that
// (scripts/test.ts); by hand: `npx tsx scripts/h5.ts`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildFunctions } from '../../../scripts/build-functions';
import { startEmulatorProcess } from '../../node/helpers/process';

const root = path.resolve(__dirname, '../../..');
const h5 = path.join(root, 'dist/h5');

export default async function globalSetup(): Promise<void> {
  if (!fs.existsSync(path.join(h5, 'index.html'))) {
    throw new Error(
      'e2e: dist/h5/index.html is missing. Build the local H5 app first: `npm run test:e2e` does it, ' +
        'or `npx tsx scripts/h5.ts` (= LINLI_LOCAL=1 NODE_ENV=production taro build --type h5).',
    );
  }
  if (!fs.existsSync(path.join(h5, '.linli-build.json'))) {
    // Taro empties dist/h5 on every build; scripts/h5.ts writes this marker after a LINLI_LOCAL=1 build.
    console.warn('\ne2e: dist/h5 was not built by scripts/h5.ts — make sure it was built with LINLI_LOCAL=1 (identity switching needs it)');
  }
  await buildFunctions({ quiet: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-e2e-'));
  const child = await startEmulatorProcess(dataDir, ['--seed', 'demo', '--static', h5]);
  process.env.LINLI_E2E_URL = child.url;
  (globalThis as Record<string, unknown>).__linliE2E = { pid: child.process.pid, dataDir };
}
