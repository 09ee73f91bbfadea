// Uploads the mini-program to WeChat with miniprogram-ci (a 体验版 candidate under 版本管理, which an
// administrator then submits for review), after the release build and WeChat's own compilers.
//
//   LINLI_CLOUD_ENV=<envId> LINLI_WEAPP_PRIVATE_KEY=~/keys/private.wx….key LINLI_WEAPP_VERSION=1.2.0 \
//   LINLI_WEAPP_DESC="…" LINLI_TEMPLATE_…=… npm run upload:weapp
//   npm run upload:weapp -- --dry-run     every step, no key, no build, no miniprogram-ci
//   npm run upload:weapp -- --check       build + compile gate + miniprogram-ci's compile and code-quality
//                                         check, offline (no key needed), no upload
//   options: --no-build (upload the existing dist/weapp), --robot N (1–30, default LINLI_WEAPP_ROBOT or 1)
//
// miniprogram-ci (≈ 180 packages, ≈ 280 MB) is not a dependency: it is loaded only for a real
// upload or --check; install it where releases are made with `npm install --no-save miniprogram-ci@2`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(__dirname, '..');
export const weappDir = path.join(root, 'dist', 'weapp');
export const CI_INSTALL = 'npm install --no-save miniprogram-ci@2';

export interface WeappRelease {
  appid: string;
  projectPath: string;
  privateKeyPath: string | null;
  version: string;
  desc: string;
  robot: number;
  cloudEnv: string | null;
  /** miniprogram-ci's compile settings, from project.config.json `setting` */
  setting: { es6: boolean; minify: boolean; minifyWXML: boolean; minifyWXSS: boolean };
}

export interface WeappPlan {
  mode: 'upload' | 'check';
  release: WeappRelease;
  steps: string[];
  warnings: string[];
  /** a real run cannot start without these */
  blockers: string[];
}

interface ProjectConfig {
  appid?: string;
  setting?: { es6?: boolean; minified?: boolean; minifyWXML?: boolean; minifyWXSS?: boolean };
}

/** The release from project.config.json, package.json and the environment. Pure. */
export function releaseFrom(env: NodeJS.ProcessEnv, argv: string[], project: ProjectConfig, pkgVersion: string): WeappRelease {
  const flag = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const s = project.setting ?? {};
  return {
    appid: project.appid ?? '',
    projectPath: weappDir,
    privateKeyPath: env.LINLI_WEAPP_PRIVATE_KEY ? path.resolve(env.LINLI_WEAPP_PRIVATE_KEY.replace(/^~(?=\/)/, env.HOME ?? '~')) : null,
    version: env.LINLI_WEAPP_VERSION || pkgVersion,
    desc: env.LINLI_WEAPP_DESC || `Linli 邻里共治 ${env.LINLI_WEAPP_VERSION || pkgVersion}`,
    robot: Number(flag('robot') ?? env.LINLI_WEAPP_ROBOT ?? 1),
    cloudEnv: env.LINLI_CLOUD_ENV || null,
    setting: { es6: !!s.es6, minify: s.minified !== false, minifyWXML: s.minifyWXML !== false, minifyWXSS: s.minifyWXSS !== false },
  };
}

export function planWeapp(release: WeappRelease, opts: { check: boolean; build: boolean; env?: NodeJS.ProcessEnv }): WeappPlan {
  const env = opts.env ?? process.env;
  const steps: string[] = [];
  const warnings: string[] = [];
  const blockers: string[] = [];
  const mode = opts.check ? 'check' : 'upload';
  if (!release.appid || release.appid === 'touristappid') (mode === 'upload' ? blockers : warnings).push(`project.config.json appid is "${release.appid}": put the mini-program's AppID there (mp.weixin.qq.com → 开发 → 开发管理 → 开发设置)`);
  if (!release.cloudEnv) {
    (mode === 'upload' ? blockers : warnings).push('LINLI_CLOUD_ENV is not set: the build would call the default cloud environment, not yours');
  }
  const templates = ['LINLI_TEMPLATE_REQUEST_STATUS', 'LINLI_TEMPLATE_EVENT', 'LINLI_TEMPLATE_NOTICE', 'LINLI_TEMPLATE_VOTE'].filter((k) => !env[k]);
  if (templates.length) warnings.push(`${templates.join(', ')} not set: the app will not ask for those subscription messages`);
  if (mode === 'upload') {
    if (!release.privateKeyPath) blockers.push('LINLI_WEAPP_PRIVATE_KEY is not set: the path of the 代码上传密钥 (mp.weixin.qq.com → 开发 → 开发管理 → 开发设置 → 小程序代码上传; add this machine to the IP whitelist)');
    if (!/^\d+\.\d+\.\d+$/.test(release.version)) blockers.push(`LINLI_WEAPP_VERSION "${release.version}" is not x.y.z`);
  }
  if (!Number.isInteger(release.robot) || release.robot < 1 || release.robot > 30) blockers.push(`robot ${release.robot} is not 1–30`);

  if (opts.build) {
    steps.push(
      `NODE_ENV=production taro build --type weapp → dist/weapp (LINLI_CLOUD_ENV=${release.cloudEnv ?? '(unset)'}, the template ids baked in, no LINLI_LOCAL)`,
    );
  } else steps.push('use the existing dist/weapp (--no-build)');
  steps.push("WeChat's compilers over dist/weapp: wcc over every .wxml, wcsc over every .wxss (scripts/weapp.ts); stop on any error");
  steps.push(`load miniprogram-ci (not a dependency: ${CI_INSTALL})`);
  if (mode === 'check') {
    steps.push(`new ci.Project({ appid: ${release.appid}, type: 'miniProgram', projectPath: dist/weapp, attr: offline defaults }) — no key, no network`);
    steps.push('ci.getCompiledResult: the compile as 上传 does it (missing pages, oversized tab icons)');
    steps.push('ci.checkCodeQuality: DevTools 代码质量 (package sizes, unused files); print each failing item');
  } else {
    steps.push(`new ci.Project({ appid: ${release.appid}, type: 'miniProgram', projectPath: dist/weapp, privateKeyPath: ${release.privateKeyPath ?? '$LINLI_WEAPP_PRIVATE_KEY'} })`);
    steps.push(
      `ci.upload({ version: ${release.version}, desc: "${release.desc}", robot: ${release.robot}, setting: ${JSON.stringify(release.setting)} }) — then 版本管理 shows it as a 开发版 to set as 体验版 or submit for review`,
    );
  }
  return { mode, release, steps, warnings, blockers };
}

// ---- miniprogram-ci, loaded only when needed ------------------------------------------------------

interface CiProject {
  appid: string;
}
export interface MiniprogramCi {
  Project: new (opts: Record<string, unknown>) => CiProject;
  upload(opts: Record<string, unknown>): Promise<{ subPackageInfo?: Array<{ name: string; size: number }> }>;
  getCompiledResult?(opts: Record<string, unknown>, target: string): Promise<unknown>;
  checkCodeQuality?(project: CiProject): Promise<Array<{ name: string; success: boolean; text?: string }>>;
  DefaultProjectAttr?: Record<string, unknown>;
}

/** miniprogram-ci (or the copy LINLI_MINIPROGRAM_CI points at), or an error that says how to install it. */
export async function loadCi(name = process.env.LINLI_MINIPROGRAM_CI || 'miniprogram-ci'): Promise<MiniprogramCi> {
  try {
    // a copy installed elsewhere is a folder: require() resolves its main file, import() would not
    const mod = (path.isAbsolute(name) ? createRequire(path.join(root, 'package.json'))(name) : await import(name)) as MiniprogramCi & { default?: MiniprogramCi };
    return mod.Project ? mod : (mod.default as MiniprogramCi);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') {
      throw new Error(`${name} is not installed (it is not a dependency: about 280 MB). Install it where you release: ${CI_INSTALL}`);
    }
    throw e;
  }
}

async function run(plan: WeappPlan, build: boolean) {
  const t = Date.now();
  const weapp = await import('./weapp');
  if (build) {
    console.log('taro build --type weapp (release) …');
    await weapp.buildWeapp({ quiet: true });
  } else if (!fs.existsSync(weapp.weappAppJson)) throw new Error('dist/weapp is not built: drop --no-build');
  const wxml = weapp.compileWxml();
  const wxss = weapp.compileWxss();
  const errors = [...wxml.errors, ...wxss.errors];
  if (errors.length) throw new Error(`WeChat's compilers refuse the build:\n  ${errors.join('\n  ')}`);
  console.log(`wcc ${wxml.files} .wxml, wcsc ${wxss.files} .wxss: no errors`);
  const ci = await loadCi();
  const r = plan.release;
  if (plan.mode === 'check') {
    // offline: without attr every call first asks WeChat's servers about the project
    // miniprogram-ci insists on a key path even offline; nothing signs with it here (attr is given)
    const offlineKey = r.privateKeyPath ?? path.join(os.tmpdir(), 'linli-offline-check.key');
    if (!r.privateKeyPath) fs.writeFileSync(offlineKey, 'offline check: never used to sign\n');
    const project = new ci.Project({ appid: r.appid, type: 'miniProgram', projectPath: r.projectPath, privateKeyPath: offlineKey, ignores: ['node_modules/**/*'], attr: async () => ({ ...ci.DefaultProjectAttr }) });
    if (!ci.getCompiledResult || !ci.checkCodeQuality) throw new Error('this miniprogram-ci has no getCompiledResult / checkCodeQuality (2.1.x has both)');
    const out = path.join(root, 'dist', 'weapp-compiled.zip');
    await ci.getCompiledResult({ project, setting: r.setting }, out);
    console.log(`compiled as an upload would be: ${path.relative(root, out)}`);
    const quality = await ci.checkCodeQuality(project);
    const failed = quality.filter((q) => !q.success);
    for (const q of quality) console.log(`  ${q.success ? '✓' : '✗'} ${q.name}${q.text ? ` — ${q.text}` : ''}`);
    if (failed.length) throw new Error(`${failed.length} code-quality items fail`);
  } else {
    const project = new ci.Project({ appid: r.appid, type: 'miniProgram', projectPath: r.projectPath, privateKeyPath: r.privateKeyPath, ignores: ['node_modules/**/*'] });
    const res = await ci.upload({ project, version: r.version, desc: r.desc, robot: r.robot, setting: r.setting, onProgressUpdate: () => {} });
    for (const p of res.subPackageInfo ?? []) console.log(`  ${p.name.padEnd(24)} ${(p.size / 1024).toFixed(0)} KB`);
    console.log(`uploaded ${r.version} as robot ${r.robot}: set it as 体验版 or submit it for review in 版本管理`);
  }
  console.log(`done in ${((Date.now() - t) / 1000).toFixed(0)} s`);
}

function printPlan(plan: WeappPlan) {
  plan.steps.forEach((s, i) => console.log(`  ${i + 1}. ${s}`));
  for (const w of plan.warnings) console.log(`  ! ${w}`);
  for (const b of plan.blockers) console.log(`  ✗ a real run needs: ${b}`);
}

async function main() {
  const argv = process.argv.slice(2);
  const project = JSON.parse(fs.readFileSync(path.join(root, 'project.config.json'), 'utf8')) as ProjectConfig;
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const build = !argv.includes('--no-build');
  const plan = planWeapp(releaseFrom(process.env, argv, project, pkg.version), { check: argv.includes('--check'), build });
  if (argv.includes('--dry-run')) {
    console.log(`${plan.mode === 'check' ? 'check' : 'upload'} the mini-program ${plan.release.appid} (dry run: nothing is built or sent)`);
    printPlan(plan);
    return;
  }
  if (plan.blockers.length) {
    plan.blockers.forEach((b) => console.error(`✗ ${b}`));
    process.exit(2);
  }
  if (plan.release.privateKeyPath && !fs.existsSync(plan.release.privateKeyPath)) {
    console.error(`✗ LINLI_WEAPP_PRIVATE_KEY: no file at ${plan.release.privateKeyPath}`);
    process.exit(2);
  }
  for (const w of plan.warnings) console.warn(`! ${w}`);
  await run(plan, build);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(`upload:weapp failed: ${(e as Error).message}`);
    process.exit(1);
  });
}
