// Deploys the backend to a CloudBase environment: bundles the cloud functions, provisions the
// database (collections, indexes, deny-all security rules — scripts/provision.ts), uploads every
// function with its timeout, timer triggers (the scheduler's `sweep`, every 10 minutes) and the
// subscription template ids as environment variables, then reads the functions back.
//
//   TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… LINLI_TEMPLATE_…=… npm run deploy -- --env <envId>
//   npm run deploy -- --env <envId> --dry-run       every step, no credentials, nothing touched
//   options: --skip-functions (database only), --skip-database (functions only)
import path from 'node:path';
import { COLLECTIONS } from '../cloudfunctions/runtime/collections';
import { buildFunctions, functionNames } from './build-functions';
import {
  FUNCTION_ENV_VARIABLES,
  applyDatabase,
  applyFunctions,
  functionEnvVariables,
  manager,
  planProvisioning,
  verifyFunctions,
  type ProvisionPlan,
} from './provision';

const root = path.resolve(__dirname, '..');
export const functionsSrcDir = path.join(root, 'cloudfunctions');
export const functionsOutDir = path.join(root, 'dist', 'cloudfunctions');

export interface DeployOptions {
  envId: string;
  skipFunctions?: boolean;
  skipDatabase?: boolean;
  /** where the template ids and the CAM key are read (default process.env) */
  env?: NodeJS.ProcessEnv;
}

export interface Step {
  id: string;
  text: string;
}

export interface DeployPlan {
  envId: string;
  provision: ProvisionPlan;
  steps: Step[];
  /** what is missing for a real run or for everything to work once deployed */
  warnings: string[];
  /** a real run cannot start without these */
  blockers: string[];
}

const describeTrigger = (t: { name: string; config: string }) => `timer trigger ${t.name} "${t.config}"`;

/** Every step of a deployment, from the sources alone: pure, no credentials, nothing built. */
export function planDeploy(opts: DeployOptions): DeployPlan {
  const env = opts.env ?? process.env;
  const provision = planProvisioning(COLLECTIONS, functionsSrcDir, functionEnvVariables(env));
  const steps: Step[] = [];
  const warnings: string[] = [];
  const blockers: string[] = [];
  if (!/^[a-z0-9][a-z0-9-]{2,}$/i.test(opts.envId)) blockers.push(`"${opts.envId}" does not look like a CloudBase environment id (e.g. linli-prod-1g2h3i4j)`);
  if (!env.TENCENTCLOUD_SECRETID || !env.TENCENTCLOUD_SECRETKEY) blockers.push('TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY are not set (a CAM key with CloudBase access)');
  const missing = FUNCTION_ENV_VARIABLES.filter((k) => !env[k]);
  if (missing.length && !opts.skipFunctions) {
    warnings.push(
      `${missing.join(', ')} not set: the functions fall back — to local-… template ids, and those subscription messages fail (set them to the template ids of the WeChat console); ` +
        'without LINLI_H5_ORIGIN a 志愿服务 certificate\'s QR holds a code only the mini-program reads',
    );
  }
  steps.push({ id: 'credentials', text: `manager-node (@cloudbase/manager-node) for environment ${opts.envId} with the CAM key of TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY` });
  if (!opts.skipFunctions) {
    steps.push({
      id: 'build',
      text: `bundle ${functionNames(functionsSrcDir).join(', ')} with esbuild (minified) into dist/cloudfunctions/<name>/ (index.js, package.json with wx-server-sdk 4.0.2, config.json)`,
    });
  }
  if (!opts.skipDatabase) {
    for (const c of provision.collections) {
      const idx = c.indexes.map((i) => `${i.IndexName}${i.MgoKeySchema.MgoIsUnique ? ' (unique)' : ''}`);
      steps.push({
        id: `collection:${c.name}`,
        text: `collection ${c.name}: create if missing; ${idx.length ? `create indexes not yet there: ${idx.join(', ')}` : 'no index beyond _id'}; security rule {"read":false,"write":false} (ModifySafeRule, read back with DescribeSafeRule)`,
      });
    }
  }
  if (!opts.skipFunctions) {
    for (const f of provision.functions) {
      const vars = Object.keys(f.envVariables);
      steps.push({
        id: `function:${f.name}`,
        text:
          `function ${f.name}: createFunction (force) Nodejs18.15, timeout ${f.timeout} s, wx-server-sdk installed in the cloud` +
          `${f.triggers.length ? `, ${f.triggers.map(describeTrigger).join(', ')}` : ''}` +
          `${vars.length ? `, environment ${vars.join(', ')}` : ''}`,
      });
    }
    steps.push({ id: 'verify', text: `read every function back (getFunctionDetail): timer triggers and environment variables as planned` });
  }
  return { envId: opts.envId, provision, steps, warnings, blockers };
}

export async function deploy(opts: DeployOptions, log = console.log): Promise<void> {
  const plan = planDeploy(opts);
  if (plan.blockers.length) throw new Error(plan.blockers.join('; '));
  const app = manager(opts.envId);
  if (!opts.skipFunctions) {
    log('building the functions …');
    await buildFunctions({ minify: true, quiet: true });
  }
  // the built folders carry the same config.json as the sources (plus the openapi permissions)
  const built = planProvisioning(COLLECTIONS, functionsOutDir, functionEnvVariables(opts.env ?? process.env));
  if (!opts.skipFunctions && built.functions.map((f) => f.name).join() !== plan.provision.functions.map((f) => f.name).join()) {
    throw new Error(`dist/cloudfunctions holds ${built.functions.map((f) => f.name).join(', ')}, the sources ${plan.provision.functions.map((f) => f.name).join(', ')}`);
  }
  if (!opts.skipDatabase) {
    log(`database of ${opts.envId}:`);
    await applyDatabase(app, plan.provision, opts.envId, log);
  }
  if (!opts.skipFunctions) {
    log(`functions of ${opts.envId}:`);
    await applyFunctions(app, built, functionsOutDir, log);
    await verifyFunctions(app, built, log);
  }
}

export function parseDeployArgs(argv: string[]): DeployOptions & { dryRun: boolean } {
  const i = argv.indexOf('--env');
  const envId = i >= 0 ? argv[i + 1] : undefined;
  if (!envId || envId.startsWith('--')) throw new Error('usage: npm run deploy -- --env <envId> [--dry-run] [--skip-functions | --skip-database]');
  return { envId, dryRun: argv.includes('--dry-run'), skipFunctions: argv.includes('--skip-functions'), skipDatabase: argv.includes('--skip-database') };
}

export function printPlan(plan: DeployPlan, log = console.log): void {
  plan.steps.forEach((s, n) => log(`  ${String(n + 1).padStart(2)}. ${s.text}`));
  for (const w of plan.warnings) log(`  ! ${w}`);
  for (const b of plan.blockers) log(`  ✗ a real run needs: ${b}`);
}

async function main() {
  let args: ReturnType<typeof parseDeployArgs>;
  try {
    args = parseDeployArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  const plan = planDeploy(args);
  if (args.dryRun) {
    console.log(`deploy to CloudBase environment ${args.envId} (dry run: nothing is built, sent or changed)`);
    printPlan(plan);
    return;
  }
  if (plan.blockers.length) {
    plan.blockers.forEach((b) => console.error(b));
    process.exit(2);
  }
  for (const w of plan.warnings) console.warn(`! ${w}`);
  const t = Date.now();
  await deploy(args);
  console.log(`deployed to ${args.envId} in ${((Date.now() - t) / 1000).toFixed(0)} s`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(`deploy failed: ${(e as Error).message}`);
    process.exit(1);
  });
}
