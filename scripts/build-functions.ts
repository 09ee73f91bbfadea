// Bundles every cloud function into a deployable folder: dist/cloudfunctions/<name>/
// index.js (shared code inlined), package.json (wx-server-sdk 4.0.2 only) and config.json.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(__dirname, '..');

export interface BuildOptions {
  minify?: boolean;
  quiet?: boolean;
  /** Source folder of functions (default cloudfunctions/) and where the bundles go. */
  srcDir?: string;
  outDir?: string;
}

export function functionNames(srcDir = path.join(root, 'cloudfunctions')): string[] {
  return fs
    .readdirSync(srcDir)
    .filter((n) => n !== 'runtime' && fs.existsSync(path.join(srcDir, n, 'index.ts')))
    .sort();
}

export async function buildFunctions(opts: BuildOptions = {}): Promise<Record<string, number>> {
  const srcDir = opts.srcDir ?? path.join(root, 'cloudfunctions');
  const outRoot = opts.outDir ?? path.join(root, 'dist', 'cloudfunctions');
  const sizes: Record<string, number> = {};
  await Promise.all(
    functionNames(srcDir).map(async (name) => {
      const out = path.join(outRoot, name);
      fs.mkdirSync(out, { recursive: true });
      const result = await build({
        entryPoints: [path.join(srcDir, name, 'index.ts')],
        outfile: path.join(out, 'index.js'),
        write: false,
        bundle: true,
        platform: 'node',
        target: 'node16',
        format: 'cjs',
        external: ['wx-server-sdk'],
        minify: opts.minify ?? false,
        sourcemap: false,
        legalComments: 'none',
        logLevel: 'warning',
      });
      // write aside and rename: a running emulator reloads a changed bundle and must never see half of one
      const tmp = path.join(out, `.index.js.${process.pid}.tmp`);
      fs.writeFileSync(tmp, result.outputFiles[0].contents);
      fs.renameSync(tmp, path.join(out, 'index.js'));
      const config = path.join(srcDir, name, 'config.json');
      const cfg = fs.existsSync(config) ? JSON.parse(fs.readFileSync(config, 'utf8')) : { timeout: 3, triggers: [] };
      fs.writeFileSync(path.join(out, 'config.json'), JSON.stringify({ permissions: { openapi: ['security.msgSecCheck', 'subscribeMessage.send'] }, ...cfg }, null, 2));
      fs.writeFileSync(
        path.join(out, 'package.json'),
        JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': '4.0.2' } }, null, 2),
      );
      sizes[name] = fs.statSync(path.join(out, 'index.js')).size;
    }),
  );
  if (!opts.quiet) {
    for (const [name, size] of Object.entries(sizes)) console.log(`  ${name.padEnd(12)} ${(size / 1024).toFixed(1)} KB`);
  }
  return sizes;
}

if (require.main === module) {
  const t = Date.now();
  buildFunctions({ minify: process.argv.includes('--minify') }).then(
    () => console.log(`cloud functions built into dist/cloudfunctions in ${Date.now() - t} ms`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
