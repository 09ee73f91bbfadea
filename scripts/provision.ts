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

export interface FunctionPlan {
  name: string;
  timeout: number;
  triggers: Array<{ name: string; type: 'timer'; config: string }>;
  /** the function's environment variables on CloudBase: the template ids cloudfunctions/runtime/ports.ts reads */
  envVariables: Record<string, string>;
}

export interface ProvisionPlan {
  collections: Array<{ name: string; indexes: IndexPlan[]; rule: { read: false; write: false } }>;
  functions: FunctionPlan[];
}

/**
 * What the functions read from their environment at run time (cloudfunctions/runtime/ports.ts
 * templateId): the subscription template ids, and the H5 site's origin (the 志愿服务 certificate's QR
 * code opens its check page there). CloudBase has no other way to hand them over, so every deployed
 * function gets the ones set where the deployment runs.
 */
export const FUNCTION_ENV_VARIABLES = ['LINLI_TEMPLATE_REQUEST_STATUS', 'LINLI_TEMPLATE_EVENT', 'LINLI_TEMPLATE_NOTICE', 'LINLI_TEMPLATE_VOTE', 'LINLI_H5_ORIGIN'] as const;

export function functionEnvVariables(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(FUNCTION_ENV_VARIABLES.filter((k) => env[k]).map((k) => [k, env[k] as string]));
}

/** What would be created, as manager-node's request shapes. Pure: tested without credentials. */
export function planProvisioning(
  collections: Record<string, CollectionSpec>,
  functionsDir: string,
  envVariables: Record<string, string> = {},
): ProvisionPlan {
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
            return { name, timeout: cfg.timeout ?? 3, triggers: cfg.triggers ?? [], envVariables: { ...envVariables } };
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

/** manager-node for one environment, with the CAM key from the environment. */
export function manager(envId: string) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const CloudBase = require('@cloudbase/manager-node');
  return new CloudBase({
    secretId: process.env.TENCENTCLOUD_SECRETID,
    secretKey: process.env.TENCENTCLOUD_SECRETKEY,
    token: process.env.TENCENTCLOUD_SESSIONTOKEN,
    envId,
  });
}
type Manager = ReturnType<typeof manager>;

/** Collections, the indexes not there yet, and each collection's rule (read back). */
export async function applyDatabase(app: Manager, plan: ProvisionPlan, envId: string, log = console.log): Promise<void> {
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
    log(`  collection ${c.name}: ${c.indexes.length} indexes, client access denied`);
  }
}

/** Each bundled function (code, timeout, environment variables, timer triggers), replacing what is there. */
export async function applyFunctions(app: Manager, plan: ProvisionPlan, functionsDir: string, log = console.log): Promise<void> {
  for (const f of plan.functions) {
    await app.functions.createFunction({
      func: {
        name: f.name,
        runtime: 'Nodejs18.15',
        timeout: f.timeout,
        installDependency: true,
        triggers: f.triggers,
        ...(Object.keys(f.envVariables).length ? { envVariables: f.envVariables } : {}),
      },
      functionRootPath: functionsDir,
      force: true,
    });
    log(`  function ${f.name}: deployed (timeout ${f.timeout} s, ${f.triggers.length} timer triggers, ${Object.keys(f.envVariables).length} environment variables)`);
  }
}

/** Reads every function back: its timer triggers and environment variables are the planned ones. */
export async function verifyFunctions(app: Manager, plan: ProvisionPlan, log = console.log): Promise<void> {
  const problems: string[] = [];
  for (const f of plan.functions) {
    const info = (await app.functions.getFunctionDetail(f.name)) as {
      Triggers?: Array<{ TriggerName: string; Type: string; TriggerDesc?: string }>;
      Environment?: { Variables?: Array<{ Key: string; Value: string }> };
    };
    for (const t of f.triggers) {
      const found = (info.Triggers ?? []).find((x) => x.TriggerName === t.name);
      if (!found) problems.push(`${f.name}: timer trigger ${t.name} is missing`);
      else if (found.TriggerDesc && !found.TriggerDesc.includes(t.config)) problems.push(`${f.name}: trigger ${t.name} is ${found.TriggerDesc}, not ${t.config}`);
    }
    const vars = new Map((info.Environment?.Variables ?? []).map((v) => [v.Key, v.Value]));
    for (const [k, v] of Object.entries(f.envVariables)) if (vars.get(k) !== v) problems.push(`${f.name}: ${k} is not set as deployed`);
  }
  if (problems.length) throw new Error(`the deployed functions differ from the plan:\n  ${problems.join('\n  ')}`);
  log(`  ${plan.functions.length} functions read back: triggers and environment variables as planned`);
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
  const plan = planProvisioning(COLLECTIONS, functionsDir, functionEnvVariables());
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
  const app = manager(envId);
  await applyDatabase(app, plan, envId);
  if (!argv.includes('--skip-functions')) await applyFunctions(app, plan, functionsDir);
  console.log('done');
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
