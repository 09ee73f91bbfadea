// Finds (or, as root, installs with apt) the Chromium that the end-to-end tests drive through
// playwright-core, plus a CJK font so Chinese screenshots are not tofu boxes.
//   CHROMIUM_PATH=/path/to/chrome   use that browser and skip every check
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const HINT = 'install Debian\'s chromium and fonts-noto-cjk: sudo apt-get install -y chromium fonts-noto-cjk';

const NOTO_CJK = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc'];

let aptUpdated = false;

function hasCjkFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().length > 0;
  } catch (e) {
    // fc-list itself missing (fontconfig not installed): look for the Debian fonts-noto-cjk files.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return NOTO_CJK.some((f) => fs.existsSync(f));
    return false;
  }
}

function ready(): boolean {
  return fs.existsSync(DEBIAN_CHROMIUM) && hasCjkFont();
}

function apt(args: string[]): void {
  const r = spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.error) throw new Error(`apt-get ${args.join(' ')} could not run (${r.error.message}); ${HINT}`);
  if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status ?? r.signal}); ${HINT}`);
}

/** Returns the path of a Chromium executable for playwright-core, installing it with apt when root. */
export function ensureChromium(): string {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (!fs.existsSync(override)) throw new Error(`CHROMIUM_PATH=${override} does not exist`);
    return override;
  }
  if (ready()) return DEBIAN_CHROMIUM;

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    const missing = [!fs.existsSync(DEBIAN_CHROMIUM) && DEBIAN_CHROMIUM, !hasCjkFont() && 'a CJK font (fc-list :lang=zh is empty)']
      .filter(Boolean)
      .join(' and ');
    throw new Error(`end-to-end tests need ${missing}; ${HINT}`);
  }
  console.log('chromium: installing chromium and fonts-noto-cjk with apt-get (one time)');
  if (!aptUpdated) {
    apt(['update']);
    aptUpdated = true;
  }
  apt(['install', '-y', 'chromium', 'fonts-noto-cjk']);
  if (!fs.existsSync(DEBIAN_CHROMIUM)) throw new Error(`apt-get installed chromium but ${DEBIAN_CHROMIUM} is missing; ${HINT}`);
  if (!hasCjkFont()) throw new Error(`fonts-noto-cjk installed but fc-list :lang=zh finds no font; ${HINT}`);
  return DEBIAN_CHROMIUM;
}

if (require.main === module) {
  try {
    console.log(ensureChromium());
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
