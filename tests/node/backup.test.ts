// Backup → reset → restore of the demo compound on the emulator, through the real wx-server-sdk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backup, declaredCollections, fileIdsIn, NotEmptyError, parseCli, planSteps, readCollection, restore, stamp } from '../../scripts/backup';
import { control, emulatorUrl, freshEnv, sdk } from './helpers/cloud';

type Docs = Record<string, Array<Record<string, unknown>>>;

async function everything(env: string): Promise<Docs> {
  const db = sdk(env).database();
  const out: Docs = {};
  for (const name of declaredCollections()) out[name] = await readCollection(db, name);
  return out;
}

/** Paths of every Date in a value: the types must survive, not only the text. */
function datePaths(v: unknown, at = '', out: string[] = []): string[] {
  if (v instanceof Date) out.push(at);
  else if (Array.isArray(v)) v.forEach((x, i) => datePaths(x, `${at}[${i}]`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) datePaths(x, `${at}.${k}`, out);
  return out;
}

describe('backups', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-backup-test-'));
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('backs up every collection and the stored files, and restores them, dates as dates, into the emptied environment and into another', async () => {
    const env = freshEnv('backup');
    await control(env, '/seed', 'POST', { kind: 'demo' });
    const cloud = sdk(env);
    // a stored photo a document refers to, with a name that needs care
    const photo = Buffer.from('not really a jpeg \u0000\u00ff 报修照片');
    const { fileID } = await cloud.uploadFile({ cloudPath: 'requests/backup test/照片 1.jpg', fileContent: photo });
    await cloud.database().collection('requests').add({ data: { _id: 'backup-photo', photos: [fileID], when: new Date('1960-05-01T00:00:00Z'), n: 2.5 } as never });

    // every collection the emulator holds is a declared one, so the backup misses none
    const held = await control<{ items: Array<{ name: string; count: number }> }>(env, '/collections');
    const declared = new Set(declaredCollections());
    expect(held.items.filter((c) => c.count > 0 && !declared.has(c.name)).map((c) => c.name)).toEqual([]);

    const before = await everything(env);
    const total = Object.values(before).reduce((n, d) => n + d.length, 0);
    expect(total).toBeGreaterThan(500);

    const lines: string[] = [];
    const { dir, manifest } = await backup({ target: { env, url: emulatorUrl() }, outDir: out, cloud, now: new Date('2026-12-01T01:30:00Z'), log: (l) => lines.push(l) });
    expect(path.basename(dir)).toBe(`${env}-20261201-0930`);
    // paging by _id is what CloudBase's own _id index serves: the emulator reports no missing index
    expect((await control<{ items: unknown[] }>(env, '/unindexed')).items).toEqual([]);
    expect(manifest.collections.map((c) => c.name)).toEqual(declaredCollections());
    for (const c of manifest.collections) {
      expect(c.count).toBe(before[c.name].length);
      expect(fs.readFileSync(path.join(dir, c.file), 'utf8').split('\n').filter(Boolean)).toHaveLength(c.count);
    }
    expect(manifest.files).toEqual([expect.objectContaining({ fileID, cloudPath: 'requests/backup test/照片 1.jpg', size: photo.length })]);
    expect(fs.readFileSync(path.join(dir, manifest.files[0].file!))).toEqual(photo);
    // a Date is written as EJSON, so it comes back as a Date
    expect(fs.readFileSync(path.join(dir, 'requests.jsonl'), 'utf8')).toContain('"when":{"$date":{"$numberLong":"-305164800000"}}');

    await control(env, '/reset', 'POST');
    expect(Object.values(await everything(env)).every((d) => d.length === 0)).toBe(true);

    const r = await restore({ archive: dir, target: { env, url: emulatorUrl() }, cloud: sdk(env) });
    expect(r.collections.every((c) => c.verified)).toBe(true);
    expect(r.replaced).toBe(0);
    const after = await everything(env);
    for (const name of declaredCollections()) expect({ name, docs: after[name] }).toEqual({ name, docs: before[name] });
    const dates = datePaths(before);
    expect(dates.length).toBeGreaterThan(500);
    expect(datePaths(after)).toEqual(dates);
    expect(after.users.find((u) => u.openid === 'demo-resident')!.createdAt).toBeInstanceOf(Date);
    const { fileContent } = await sdk(env).downloadFile({ fileID });
    expect(Buffer.from(fileContent as Buffer)).toEqual(photo);

    // the same archive into another environment: the photo gets that environment's file id
    const other = freshEnv('restore');
    await restore({ archive: dir, target: { env: other, url: emulatorUrl() }, cloud: sdk(other) });
    const moved = (await readCollection(sdk(other).database(), 'requests')).find((d) => d._id === 'backup-photo')!;
    const [newId] = [...fileIdsIn(moved)];
    expect(newId).not.toBe(fileID);
    expect(newId).toContain(other);
    expect(Buffer.from((await sdk(other).downloadFile({ fileID: newId })).fileContent as Buffer)).toEqual(photo);
  });

  it('refuses an environment that holds data unless forced, and a damaged archive', async () => {
    const env = freshEnv('backup-force');
    await control(env, '/seed', 'POST', { kind: 'demo' });
    const { dir } = await backup({ target: { env, url: emulatorUrl() }, outDir: out, cloud: sdk(env), files: false });
    await expect(restore({ archive: dir, target: { env, url: emulatorUrl() }, cloud: sdk(env) })).rejects.toThrow(NotEmptyError);
    await expect(restore({ archive: dir, target: { env, url: emulatorUrl() }, cloud: sdk(env) })).rejects.toThrow(/is not empty \(.*users \d+/);

    // a document added since the backup goes: --force replaces the collections
    await sdk(env).database().collection('notices').add({ data: { _id: 'after-backup', title: 'x' } as never });
    const r = await restore({ archive: dir, target: { env, url: emulatorUrl() }, cloud: sdk(env), force: true });
    expect(r.replaced).toBeGreaterThan(500);
    expect((await readCollection(sdk(env).database(), 'notices')).some((d) => d._id === 'after-backup')).toBe(false);

    const damaged = path.join(out, 'damaged');
    fs.cpSync(dir, damaged, { recursive: true });
    fs.appendFileSync(path.join(damaged, 'users.jsonl'), '{"_id":"intruder"}\n');
    await expect(restore({ archive: damaged, target: { env: freshEnv('x'), url: emulatorUrl() }, cloud: sdk(freshEnv('x')) })).rejects.toThrow(
      /damaged[\s\S]*users.jsonl does not match/,
    );
  });

  it('plans a production run without credentials (--dry-run)', () => {
    const b = planSteps(parseCli(['--cloud', '--env', 'prod-1a2b', '--dry-run'], 'backup'));
    expect(b[0]).toMatch(/TENCENTCLOUD_SECRETID/);
    expect(b[1]).toBe('connect wx-server-sdk 4.0.2 to the CloudBase environment prod-1a2b');
    expect(b.filter((s) => s.startsWith('read '))).toHaveLength(declaredCollections().length);
    const r = parseCli(['backups/prod-1a2b-20261201-0930', '--cloud', '--env', 'prod-new', '--dry-run'], 'restore');
    expect(r.archive).toBe('backups/prod-1a2b-20261201-0930');
    expect(planSteps(r).join('\n')).toMatch(/stop if any holds one \(--force replaces them\)/);
    expect(() => parseCli(['--cloud'], 'backup')).toThrow(/--env/);
    expect(parseCli([], 'backup').target).toEqual({ env: 'linli-local', url: 'http://127.0.0.1:3900' });
    expect(stamp(new Date('2026-12-31T16:05:00Z'))).toBe('20270101-0005');
  });
});
