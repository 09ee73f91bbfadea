// Provisions a CloudBase environment from the project's own declarations: every collection and
// index of cloudfunctions/runtime/collections.ts (unique and secondary, the same declaration the
// emulator enforces and answers queries from), security
// rules that deny all client access (the mini-program only talks to functions), and the bundled
// functions with their timer triggers.
//
//   TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… npm run provision -- --env <envId> [--dry-run] [--skip-functions]
import fs from 'node:fs';
import path from 'node:path';
import { COLLECTIONS, type CollectionSpec } from '../cloudfunctions/runtime/collections';
import { buildFunctions, functionNames } from './build-functions';

export interface IndexPlan {
  IndexName: string;
  MgoKeySchema: { MgoIsUnique: boolean; MgoIndexKeys: Array<{ Name: string; Direction: '1' | '-1' }> };
}

export interface ProvisionPlan {
  collections: Array<{ name: string; indexes: IndexPlan[]; rule: { read: false; write: false } }>;
  functions: Array<{ name: string; timeout: number; triggers: Array<{ name: string; type: 'timer'; config: string }> }>;
}

/** What would be created, as manager-node's request shapes. Pure: tested without credentials. */
export function planProvisioning(collections: Record<string, CollectionSpec>, functionsDir: string): ProvisionPlan {
  return {
    collections: Object.entries(collections).map(([name, spec]) => ({
      name,
      indexes: spec.indexes.map((i) => ({
        IndexName: i.name,
        MgoKeySchema: {
          MgoIsUnique: !!i.unique,
          MgoIndexKeys: i.keys.map(([field, dir]) => ({ Name: field, Direction: dir === 1 ? ('1' as const) : ('-1' as const) })),
        },
      })),
      rule: { read: false, write: false },
    })),
    functions: fs.existsSync(functionsDir)
      ? fs
          .readdirSync(functionsDir)
          .filter((n) => fs.existsSync(path.join(functionsDir, n, 'config.json')))
          .sort()
          .map((name) => {
            const cfg = JSON.parse(fs.readFileSync(path.join(functionsDir, name, 'config.json'), 'utf8'));
            return { name, timeout: cfg.timeout ?? 3, triggers: cfg.triggers ?? [] };
          })
      : [],
  };
}

/** One line per index: what `--dry-run` shows before the request shapes. */
export function describeIndexes(plan: ProvisionPlan): string {
  const lines: string[] = [];
  for (const c of plan.collections) {
    if (!c.indexes.length) lines.push(`  ${c.name}: no index beyond _id`);
    for (const i of c.indexes) {
      const keys = i.MgoKeySchema.MgoIndexKeys.map((k) => `${k.Name} ${k.Direction === '1' ? 'asc' : 'desc'}`).join(', ');
      lines.push(`  ${c.name}.${i.IndexName} (${keys}) ${i.MgoKeySchema.MgoIsUnique ? 'unique' : 'secondary'}`);
    }
  }
  return `indexes to create:\n${lines.join('\n')}`;
}

async function apply(plan: ProvisionPlan, envId: string, functionsDir: string, skipFunctions: boolean): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const CloudBase = require('@cloudbase/manager-node');
  const app = new CloudBase({
    secretId: process.env.TENCENTCLOUD_SECRETID,
    secretKey: process.env.TENCENTCLOUD_SECRETKEY,
    token: process.env.TENCENTCLOUD_SESSIONTOKEN,
    envId,
  });
  for (const c of plan.collections) {
    await app.database.createCollectionIfNotExists(c.name);
    for (const index of c.indexes) {
      const exists = await app.database.checkIndexExists(c.name, index.IndexName);
      // an existing index would be dropped and recreated: leave it alone
      if (!exists.Exists) await app.database.updateCollection(c.name, { CreateIndexes: [index] });
    }
    await app.commonService().call({
      Action: 'ModifySafeRule',
      Param: { EnvId: envId, CollectionName: c.name, AclTag: 'CUSTOM', Rule: JSON.stringify(c.rule) },
    });
    const back = await app.commonService().call({ Action: 'DescribeSafeRule', Param: { EnvId: envId, CollectionName: c.name } });
    if (back.AclTag !== 'CUSTOM' || JSON.stringify(JSON.parse(back.Rule ?? '{}')) !== JSON.stringify(c.rule)) {
      throw new Error(`security rule of ${c.name} did not stick: ${JSON.stringify(back)}`);
    }
    console.log(`  collection ${c.name}: ${c.indexes.length} indexes, client access denied`);
  }
  if (skipFunctions) return;
  for (const f of plan.functions) {
    await app.functions.createFunction({
      func: { name: f.name, runtime: 'Nodejs18.15', timeout: f.timeout, installDependency: true, triggers: f.triggers },
      functionRootPath: functionsDir,
      force: true,
    });
    console.log(`  function ${f.name}: deployed (timeout ${f.timeout} s, ${f.triggers.length} timer triggers)`);
  }
}

async function main() {
  const argv = process.argv.slice(2);
  const envId = argv[argv.indexOf('--env') + 1];
  const dryRun = argv.includes('--dry-run');
  if (!argv.includes('--env') || !envId) {
    console.error('usage: npm run provision -- --env <envId> [--dry-run] [--skip-functions]');
    process.exit(2);
  }
  const functionsDir = path.resolve(__dirname, '..', 'dist', 'cloudfunctions');
  await buildFunctions({ minify: true, quiet: true });
  const plan = planProvisioning(COLLECTIONS, functionsDir);
  console.log(`CloudBase environment ${envId}: ${plan.collections.length} collections, functions ${functionNames().join(', ')}`);
  if (dryRun) {
    console.log(describeIndexes(plan));
    console.log(JSON.stringify(plan, null, 2));
    return;
  }
  if (!process.env.TENCENTCLOUD_SECRETID || !process.env.TENCENTCLOUD_SECRETKEY) {
    console.error('set TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (a CAM key with TCB access)');
    process.exit(2);
  }
  await apply(plan, envId, functionsDir, argv.includes('--skip-functions'));
  console.log('done');
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
