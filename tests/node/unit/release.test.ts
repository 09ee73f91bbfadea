// The release scripts, planned without credentials: npm run deploy -- --dry-run and
// npm run upload:weapp -- --dry-run, and what app.json declares for WeChat's review.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { COLLECTIONS } from '../../../cloudfunctions/runtime/collections';
import { parseDeployArgs, planDeploy } from '../../../scripts/deploy';
import { CI_INSTALL, loadCi, planWeapp, releaseFrom } from '../../../scripts/upload-weapp';

const root = path.resolve(__dirname, '../../..');
const noSecrets = { PATH: process.env.PATH, HOME: process.env.HOME };
const templates = {
  LINLI_TEMPLATE_REQUEST_STATUS: 'tpl-request',
  LINLI_TEMPLATE_EVENT: 'tpl-event',
  LINLI_TEMPLATE_NOTICE: 'tpl-notice',
  LINLI_TEMPLATE_VOTE: 'tpl-vote',
  LINLI_H5_ORIGIN: 'https://linli.example.gov.cn',
};

function cli(script: string, args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', script), ...args], { cwd: root, env: { ...env, NODE_OPTIONS: '' }, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('npm run deploy', () => {
  it('plans the database, every function and the scheduler timer from the sources', () => {
    const plan = planDeploy({ envId: 'linli-prod-1g2h', env: { TENCENTCLOUD_SECRETID: 'id', TENCENTCLOUD_SECRETKEY: 'key', ...templates } });
    expect(plan.blockers).toEqual([]);
    expect(plan.warnings).toEqual([]);
    const ids = plan.steps.map((s) => s.id);
    expect(ids[0]).toBe('credentials');
    expect(ids[1]).toBe('build');
    expect(ids.filter((i) => i.startsWith('collection:')).sort()).toEqual(Object.keys(COLLECTIONS).map((c) => `collection:${c}`).sort());
    const functions = fs.readdirSync(path.join(root, 'cloudfunctions')).filter((n) => fs.existsSync(path.join(root, 'cloudfunctions', n, 'config.json')));
    expect(ids.filter((i) => i.startsWith('function:')).sort()).toEqual(functions.map((f) => `function:${f}`).sort());
    expect(ids[ids.length - 1]).toBe('verify');
    // database before functions: a timer must not fire against collections that are not there yet
    expect(ids.indexOf('collection:requests')).toBeLessThan(ids.indexOf('function:scheduler'));

    // the scheduler's timer, as its config.json declares it: CloudBase's 7-field cron, every 10 minutes
    const scheduler = plan.provision.functions.find((f) => f.name === 'scheduler')!;
    expect(scheduler.triggers).toEqual([{ name: 'sweep', type: 'timer', config: '0 */10 * * * * *' }]);
    expect(scheduler.triggers[0].config.split(' ')).toHaveLength(7);
    expect(plan.steps.find((s) => s.id === 'function:scheduler')!.text).toContain('timer trigger sweep "0 */10 * * * * *"');
    expect(plan.provision.functions.filter((f) => f.name !== 'scheduler').every((f) => f.triggers.length === 0)).toBe(true);
    // the template ids the functions read at run time (runtime/ports.ts) reach every function
    for (const f of plan.provision.functions) expect(f.envVariables).toEqual(templates);
    expect(plan.steps.find((s) => s.id === 'collection:users')!.text).toMatch(/uniq_openid \(unique\).*"read":false,"write":false/);
  });

  it('says what a real run lacks, and --skip-functions leaves the functions out', () => {
    const plan = planDeploy({ envId: 'linli-prod-1g2h', env: {} });
    expect(plan.blockers).toEqual([expect.stringMatching(/TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY/)]);
    expect(plan.warnings).toEqual([expect.stringMatching(/^LINLI_TEMPLATE_REQUEST_STATUS, .*LINLI_TEMPLATE_VOTE, LINLI_H5_ORIGIN not set/)]);
    expect(plan.provision.functions.every((f) => Object.keys(f.envVariables).length === 0)).toBe(true);
    const db = planDeploy({ envId: 'linli-prod-1g2h', env: {}, skipFunctions: true });
    expect(db.steps.some((s) => s.id.startsWith('function:') || s.id === 'build')).toBe(false);
    expect(db.warnings).toEqual([]);
    expect(() => parseDeployArgs(['--dry-run'])).toThrow(/--env <envId>/);
    expect(planDeploy({ envId: 'x', env: {} }).blockers[0]).toMatch(/does not look like/);
  });

  it('--dry-run prints every step and needs no credentials', () => {
    const r = cli('deploy.ts', ['--env', 'linli-prod-1g2h', '--dry-run'], { ...noSecrets, LINLI_TEMPLATE_NOTICE: 'tpl-notice' });
    expect(r.status).toBe(0);
    expect(r.out).toContain('deploy to CloudBase environment linli-prod-1g2h (dry run');
    expect(r.out).toMatch(/function scheduler: .*timer trigger sweep "0 \*\/10 \* \* \* \* \*", environment LINLI_TEMPLATE_NOTICE/);
    expect(r.out).toContain('✗ a real run needs: TENCENTCLOUD_SECRETID');
    const steps = r.out.split('\n').filter((l) => /^\s+\d+\. /.test(l));
    expect(steps).toHaveLength(Object.keys(COLLECTIONS).length + 8 + 3);
    // without --dry-run and without a key it stops before anything happens
    const real = cli('deploy.ts', ['--env', 'linli-prod-1g2h'], noSecrets);
    expect(real.status).toBe(2);
    expect(real.out).toMatch(/TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY are not set/);
  });
});

describe('npm run upload:weapp', () => {
  const project = JSON.parse(fs.readFileSync(path.join(root, 'project.config.json'), 'utf8'));

  it('takes the appid and compile settings from project.config.json, the key and version from the environment', () => {
    const release = releaseFrom(
      { LINLI_WEAPP_PRIVATE_KEY: '/keys/private.wx123.key', LINLI_WEAPP_VERSION: '1.2.0', LINLI_WEAPP_DESC: '议事厅上线', LINLI_CLOUD_ENV: 'linli-prod-1g2h', ...templates },
      ['--robot', '3'],
      { ...project, appid: 'wx0123456789abcdef' },
      '0.1.0',
    );
    expect(release).toEqual({
      appid: 'wx0123456789abcdef',
      projectPath: path.join(root, 'dist', 'weapp'),
      privateKeyPath: '/keys/private.wx123.key',
      version: '1.2.0',
      desc: '议事厅上线',
      robot: 3,
      cloudEnv: 'linli-prod-1g2h',
      setting: { es6: false, minify: true, minifyWXML: true, minifyWXSS: true },
    });
    const plan = planWeapp(release, { check: false, build: true, env: templates });
    expect(plan.blockers).toEqual([]);
    expect(plan.warnings).toEqual([]);
    expect(plan.steps[0]).toMatch(/^NODE_ENV=production taro build --type weapp .*LINLI_CLOUD_ENV=linli-prod-1g2h/);
    expect(plan.steps[1]).toMatch(/wcc .* wcsc/);
    expect(plan.steps[2]).toContain(CI_INSTALL);
    expect(plan.steps[4]).toMatch(/^ci\.upload\(\{ version: 1\.2\.0, desc: "议事厅上线", robot: 3/);
  });

  it('names what an upload lacks; --check needs no key', () => {
    const release = releaseFrom({}, [], project, '0.1.0');
    expect(release.appid).toBe(project.appid);
    const plan = planWeapp(release, { check: false, build: false, env: {} });
    expect(plan.steps[0]).toBe('use the existing dist/weapp (--no-build)');
    expect(plan.blockers.join('\n')).toMatch(/appid is "touristappid"[\s\S]*LINLI_CLOUD_ENV is not set[\s\S]*LINLI_WEAPP_PRIVATE_KEY is not set/);
    const check = planWeapp({ ...release, appid: 'wx0123456789abcdef' }, { check: true, build: true, env: {} });
    expect(check.blockers).toEqual([]);
    expect(check.steps.join('\n')).toMatch(/getCompiledResult[\s\S]*checkCodeQuality/);
    expect(planWeapp({ ...release, version: 'v1' }, { check: false, build: true, env: {} }).blockers.join()).toMatch(/"v1" is not x\.y\.z/);
  });

  it('--dry-run prints every step without miniprogram-ci; a missing miniprogram-ci says how to install it', async () => {
    const r = cli('upload-weapp.ts', ['--dry-run'], { ...noSecrets, LINLI_WEAPP_VERSION: '1.0.3', LINLI_WEAPP_PRIVATE_KEY: '/keys/k.key', LINLI_CLOUD_ENV: 'linli-prod-1g2h' });
    expect(r.status).toBe(0);
    expect(r.out).toContain(`upload the mini-program ${project.appid} (dry run`);
    expect(r.out).toMatch(/5\. ci\.upload\(\{ version: 1\.0\.3/);
    expect(r.out).toContain('privateKeyPath: /keys/k.key');
    let installed = true;
    try {
      require.resolve('miniprogram-ci');
    } catch {
      installed = false;
    }
    if (!installed) await expect(loadCi()).rejects.toThrow(`Install it where you release: ${CI_INSTALL}`);
    await expect(loadCi('no-such-package-linli')).rejects.toThrow(/no-such-package-linli is not installed/);
  });
});

describe("what WeChat's review reads in app.json", () => {
  const config = fs.readFileSync(path.join(root, 'src/app.config.ts'), 'utf8');

  it('declares the privacy check, and requiredPrivateInfos for every location API the app calls', () => {
    expect(config).toMatch(/__usePrivacyCheck__: true/);
    // the APIs WeChat requires in requiredPrivateInfos (since 2022-07-14)
    const locationApis = ['getFuzzyLocation', 'getLocation', 'onLocationChange', 'startLocationUpdate', 'startLocationUpdateBackground', 'chooseLocation', 'choosePoi', 'chooseAddress'];
    const used = new Set<string>();
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(tsx?|jsx?)$/.test(e.name)) {
          const text = fs.readFileSync(p, 'utf8');
          for (const api of locationApis) if (new RegExp(`\\b(?:Taro|wx)\\.${api}\\b`).test(text)) used.add(api);
        }
      }
    };
    walk(path.join(root, 'src'));
    const declared = /requiredPrivateInfos:\s*\[([^\]]*)\]/.exec(config)?.[1].match(/[A-Za-z]+/g) ?? [];
    expect(declared.sort()).toEqual([...used].sort());
  });
});
