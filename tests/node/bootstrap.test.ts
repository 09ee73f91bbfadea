// A real compound from its property register, and its first 党支部 administrator.
import fs from 'node:fs';
import path from 'node:path';
import type { UserContract } from '@core/user/contract';
import { PRIVACY_VERSION } from '@core/user/contract';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { AdminContract } from '@core/admin/contract';
import { bootstrapCompound, parseRegister, targetOf } from '../../scripts/bootstrap';
import { client, emulatorUrl, freshEnv, sdk } from './helpers/cloud';

describe('the property register', () => {
  it('parses the sample', () => {
    const rows = parseRegister(fs.readFileSync(path.join(__dirname, '../fixtures/register.sample.csv'), 'utf8'));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({ building: '1号楼', unit: '1', room: '101', area: 89.5, ownerKey: 'owner-a' });
    expect(rows[3].ownerKey).toBeNull();
  });

  it('names the line of a bad row', () => {
    expect(() => parseRegister('building,unit,room,area\n1栋,1,101,80\n1栋,1,102,abc')).toThrow(/line 3.*area/);
    expect(() => parseRegister('building,unit,room,area\n1栋,1,101,80\n1栋,1,101,81')).toThrow(/line 3.*twice/);
    expect(() => parseRegister('building,room,area\n1栋,101,80')).toThrow(/unit/);
    expect(() => parseRegister('')).toThrow(/empty/);
  });
});

describe('bootstrapping a compound without demo data', () => {
  it('creates the compound, and its administrator verifies the first resident', async () => {
    const env = freshEnv('bootstrap');
    const register = parseRegister(fs.readFileSync(path.join(__dirname, '../fixtures/register.sample.csv'), 'utf8'));
    const r = await bootstrapCompound(sdk(env).database(), { compoundName: '幸福里', address: '', adminOpenid: 'admin-1', register, now: new Date() });
    expect(r).toMatchObject({ buildings: 2, households: 4 });
    const user = client<UserContract>(env, 'user');
    const admin = await user.ok('admin-1', 'login', {});
    expect(admin).toMatchObject({ roles: ['branch'], compound: { name: '幸福里' } });

    await user.ok('first-resident', 'login', {});
    await user.ok('first-resident', 'recordConsent', { kind: 'privacy', granted: true, version: PRIVACY_VERSION });
    const dir = await user.ok('first-resident', 'directory', {});
    expect(dir.buildings.map((b) => b.name)).toEqual(['1号楼', '2号楼']);
    const b1 = dir.buildings[0];
    expect(b1.units).toEqual(['1', '2']);
    const req = await user.ok('first-resident', 'requestBinding', { name: '测试住户', buildingId: b1.buildingId, unit: '2', room: '201' });
    await user.ok('admin-1', 'verifyBinding', { bindingId: req.bindingId });
    expect((await user.ok('first-resident', 'login', {})).household).toMatchObject({ buildingName: '1号楼', room: '201', verified: true });
  });
});

describe('where bootstrap writes', () => {
  const none = () => undefined;
  const args = (a: Record<string, string>) => (name: string) => a[name];
  const secrets = { TENCENTCLOUD_SECRETID: 'AKID…', TENCENTCLOUD_SECRETKEY: 'key' };

  it('the local emulator by default, or at --url', () => {
    expect(targetOf(none, {})).toEqual({ env: 'linli-local', url: 'http://127.0.0.1:3900' });
    expect(targetOf(args({ url: 'http://127.0.0.1:4000', env: 'drill' }), {})).toEqual({ env: 'drill', url: 'http://127.0.0.1:4000' });
  });

  it('CloudBase itself with TCB_ENV (or --env) and a CAM key, as the README says', () => {
    expect(targetOf(none, { TCB_ENV: 'linli-prod-1a2b', ...secrets })).toEqual({ env: 'linli-prod-1a2b', url: null });
    expect(targetOf(args({ env: 'linli-prod-1a2b' }), secrets)).toEqual({ env: 'linli-prod-1a2b', url: null });
    // --url always means the emulator
    expect(targetOf(args({ url: 'http://127.0.0.1:3900' }), { TCB_ENV: 'linli-prod-1a2b', ...secrets })).toEqual({ env: 'linli-prod-1a2b', url: 'http://127.0.0.1:3900' });
    // a key without an environment is a mistake, not a silent local run
    expect(() => targetOf(none, secrets)).toThrow(/TCB_ENV/);
  });

  it('the README tells the same', () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Starting a real compound'), readme.indexOf('\n## ', readme.indexOf('## Starting a real compound') + 5));
    for (const word of ['TCB_ENV', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY', 'no `--url`']) expect(section).toContain(word);
  });
});

describe('appointing a street officer locally (--officer)', () => {
  it('the command appoints an officer over a compound; they see it in the console, and the appointment is in its audit log', async () => {
    const env = freshEnv('officer');
    const register = parseRegister(fs.readFileSync(path.join(__dirname, '../fixtures/register.sample.csv'), 'utf8'));
    const { compoundId } = await bootstrapCompound(sdk(env).database(), { compoundName: '和平里', address: '', adminOpenid: 'admin-2', register, now: new Date() });
    const run = (extra: string[]) =>
      promisify(execFile)(process.execPath, [require.resolve('tsx/cli'), 'scripts/bootstrap.ts', '--officer', 'officer-1', ...extra, '--url', emulatorUrl(), '--env', env], {
        cwd: path.join(__dirname, '../..'),
        env: { ...process.env, TCB_ENV: '', TENCENTCLOUD_SECRETID: '', TENCENTCLOUD_SECRETKEY: '' },
      });
    const out = await run(['--compounds', compoundId, '--name', '周街道']);
    expect(out.stdout).toContain(`officer-1`);
    const admin = client<AdminContract>(env, 'admin');
    expect((await admin.ok('officer-1', 'compounds', {})).items.map((c) => c.name)).toEqual(['和平里']);
    expect((await admin.ok('officer-1', 'overview', { compoundId })).compoundName).toBe('和平里');
    const log = await admin.ok('admin-2', 'auditLog', { action: 'bootstrap.officer' });
    expect(log.items).toHaveLength(1);
    // an unknown compound is refused by the command
    await expect(run(['--compounds', 'no-such-compound'])).rejects.toMatchObject({ stderr: expect.stringContaining('no compound no-such-compound') });
  }, 60_000);
});
