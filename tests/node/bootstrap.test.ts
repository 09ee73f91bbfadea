// A real compound from its property register, and its first 党支部 administrator.
import fs from 'node:fs';
import path from 'node:path';
import type { UserContract } from '@core/user/contract';
import { PRIVACY_VERSION } from '@core/user/contract';
import { bootstrapCompound, parseRegister } from '../../scripts/bootstrap';
import { client, freshEnv, sdk } from './helpers/cloud';

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
