// Starts a real compound without demo data: the compound, its buildings and households from the
// property register (CSV), and the first 党支部 administrator, who assigns every other role in the app.
//
//   npm run bootstrap -- --compound "某某小区" --admin-openid <openid> --households register.csv
//                        [--address …] [--url http://127.0.0.1:3900] [--env linli-local]
//   npm run bootstrap -- --officer <openid> --compounds <compoundId,…> [--name 周国平] [--url …] [--env …]
//     appoints a street officer (社区/街道) over those compounds: the role is given above the compound,
//     never by the branch inside it (BRANCH_GRANTABLE leaves it out)
//
// CSV columns (header row required): building,unit,room,area[,owner_key]
//   building  楼栋 name, e.g. 1栋      unit  单元, e.g. 1      room  房号, e.g. 1201
//   area      专有部分面积 in m²       owner_key  same value for units of one owner (optional)
// Against a real CloudBase environment: export TCB_ENV and a CAM key (TENCENTCLOUD_SECRETID/KEY) and
// give no --url (targetOf; see README).
import fs from 'node:fs';
import { blankUser, type BuildingDoc, type CompoundDoc, type HouseholdDoc, type UserDoc } from '../cloudfunctions/runtime/model';

export interface RegisterRow {
  building: string;
  unit: string;
  room: string;
  area: number;
  ownerKey: string | null;
}

/** Parses the property register; throws with the line number of the first bad row. */
export function parseRegister(text: string): RegisterRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim());
  if (!lines.length) throw new Error('the register is empty');
  const header = lines[0].split(',').map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  for (const need of ['building', 'unit', 'room', 'area']) if (col(need) < 0) throw new Error(`the register has no "${need}" column`);
  const seen = new Set<string>();
  return lines.slice(1).map((line, i) => {
    const cells = line.split(',').map((c) => c.trim());
    const row: RegisterRow = {
      building: cells[col('building')],
      unit: cells[col('unit')],
      room: cells[col('room')],
      area: Number(cells[col('area')]),
      ownerKey: col('owner_key') >= 0 && cells[col('owner_key')] ? cells[col('owner_key')] : null,
    };
    const where = `line ${i + 2}`;
    if (!row.building || !row.unit || !row.room) throw new Error(`${where}: building, unit and room are required`);
    if (!/^[0-9A-Za-z-]{1,10}$/.test(row.room)) throw new Error(`${where}: room "${row.room}" must be letters and digits`);
    if (!Number.isFinite(row.area) || row.area <= 0 || row.area > 10_000) throw new Error(`${where}: area "${cells[col('area')]}" is not a positive number of m²`);
    const key = `${row.building}/${row.unit}/${row.room}`;
    if (seen.has(key)) throw new Error(`${where}: ${key} appears twice`);
    seen.add(key);
    return row;
  });
}

type Db = any; // wx-server-sdk database; its typings widen every result

export async function bootstrapCompound(
  db: Db,
  opts: { compoundName: string; address: string; adminOpenid: string; register: RegisterRow[]; now: Date },
): Promise<{ compoundId: string; buildings: number; households: number; adminUserId: string }> {
  const stamp = { createdAt: opts.now, updatedAt: opts.now };
  const compound: Omit<CompoundDoc, '_id' | 'compoundId'> = {
    name: opts.compoundName,
    address: opts.address,
    district: '',
    street: '',
    community: '',
    ownersVoteOfficialSystem: false,
    settings: { slaHours: { emergency: 2, utilities: 24, general: 168, complex: 360 } },
    ...stamp,
  };
  const compoundId: string = (await db.collection('compounds').add({ data: compound }))._id;
  await db.collection('compounds').doc(compoundId).update({ data: { compoundId } });

  const buildingNames = [...new Set(opts.register.map((r) => r.building))];
  const buildingIds = new Map<string, string>();
  for (const [order, name] of buildingNames.entries()) {
    const rows = opts.register.filter((r) => r.building === name);
    const building: Omit<BuildingDoc, '_id'> = {
      compoundId,
      name,
      order: order + 1,
      units: [...new Set(rows.map((r) => r.unit))],
      floors: Math.max(1, ...rows.map((r) => Math.floor(Number(r.room.replace(/\D/g, '')) / 100) || 1)),
      gridUserIds: [],
      ...stamp,
    };
    buildingIds.set(name, (await db.collection('buildings').add({ data: building }))._id);
  }
  const households: Array<Omit<HouseholdDoc, '_id'>> = opts.register.map((r) => ({
    compoundId,
    compoundName: opts.compoundName,
    buildingId: buildingIds.get(r.building)!,
    buildingName: r.building,
    unit: r.unit,
    room: r.room,
    area: r.area,
    ownerKey: r.ownerKey,
    occupancy: 'owner',
    verifiedMemberIds: [],
    ...stamp,
  }));
  for (let i = 0; i < households.length; i += 500) {
    await db.collection('households').add({ data: households.slice(i, i + 500) });
  }

  const existing = (await db.collection('users').where({ openid: opts.adminOpenid }).limit(1).get()).data[0] as UserDoc | undefined;
  let adminUserId: string;
  if (existing) {
    adminUserId = existing._id;
    const roles = [...new Set([...existing.roles, 'branch'])];
    await db.collection('users').doc(existing._id).update({ data: { roles, compoundId, compoundName: opts.compoundName, updatedAt: opts.now } });
  } else {
    const admin = blankUser(opts.adminOpenid, opts.now, { compoundId, compoundName: opts.compoundName, displayName: '党支部管理员', roles: ['branch'] });
    adminUserId = (await db.collection('users').add({ data: admin }))._id;
  }
  await db.collection('audit_logs').add({
    data: { compoundId, actorId: null, actorRoles: [], action: 'bootstrap', target: `compounds/${compoundId}`, detail: { admin: adminUserId, households: households.length }, ...stamp },
  });
  return { compoundId, buildings: buildingIds.size, households: households.length, adminUserId };
}

/** Appoints (or re-scopes) a street officer over existing compounds; audited in each of them. */
export async function appointOfficer(
  db: any,
  opts: { openid: string; compoundIds: string[]; name?: string; now: Date },
): Promise<{ userId: string; compounds: string[] }> {
  const found: string[] = [];
  for (const id of opts.compoundIds) {
    const c = (await db.collection('compounds').where({ _id: id }).limit(1).get()).data[0];
    if (!c) throw new Error(`no compound ${id}`);
    found.push(id);
  }
  const first = (await db.collection('compounds').where({ _id: found[0] }).limit(1).get()).data[0] as CompoundDoc;
  const existing = (await db.collection('users').where({ openid: opts.openid }).limit(1).get()).data[0] as UserDoc | undefined;
  let userId: string;
  if (existing) {
    userId = existing._id;
    const roles = [...new Set([...existing.roles, 'officer'])];
    await db.collection('users').doc(userId).update({
      data: { roles, officerScope: found, compoundId: existing.compoundId ?? first._id, compoundName: existing.compoundName ?? first.name, updatedAt: opts.now },
    });
  } else {
    const officer = blankUser(opts.openid, opts.now, { compoundId: first._id, compoundName: first.name, displayName: opts.name ?? '街道干部', roles: ['officer'] });
    userId = (await db.collection('users').add({ data: { ...officer, officerScope: found } }))._id;
  }
  for (const id of found) {
    await db.collection('audit_logs').add({
      data: { compoundId: id, actorId: null, actorRoles: [], action: 'bootstrap.officer', target: `users/${userId}`, detail: { compounds: found }, createdAt: opts.now, updatedAt: opts.now },
    });
  }
  return { userId, compounds: found };
}

async function main() {
  const argv = process.argv.slice(2);
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const officer = arg('officer');
  if (officer) {
    const compounds = (arg('compounds') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (!compounds.length) {
      console.error('usage: npm run bootstrap -- --officer <openid> --compounds <compoundId,…> [--name 姓名]');
      process.exit(2);
    }
    const db = connect(arg);
    const r = await appointOfficer(db, { openid: officer, compoundIds: compounds, name: arg('name'), now: new Date() });
    console.log(`${officer} (${r.userId}) is now the officer over ${r.compounds.join(', ')}`);
    return;
  }
  const compoundName = arg('compound');
  const adminOpenid = arg('admin-openid');
  if (!compoundName || !adminOpenid) {
    console.error('usage: npm run bootstrap -- --compound "某某小区" --admin-openid <openid> --households register.csv [--url http://127.0.0.1:3900] [--env linli-local]');
    process.exit(2);
  }
  const file = arg('households');
  if (!file) {
    console.error('give the property register: --households register.csv (columns building,unit,room,area[,owner_key])');
    process.exit(2);
  }
  const register = parseRegister(fs.readFileSync(file, 'utf8'));
  const r = await bootstrapCompound(connect(arg), { compoundName, address: arg('address') ?? '', adminOpenid, register, now: new Date() });
  console.log(`created ${compoundName} (${r.compoundId}): ${r.buildings} buildings, ${r.households} households; ${adminOpenid} is its 党支部 administrator`);
}

/**
 * Where to write: the emulator at --url; else, with a CAM key (TENCENTCLOUD_SECRETID/KEY) and an
 * environment (TCB_ENV or --env), CloudBase itself; else the local emulator's default address.
 */
export function targetOf(arg: (name: string) => string | undefined, env: Record<string, string | undefined>): { env: string; url: string | null } {
  const envId = arg('env') || env.TCB_ENV || '';
  const url = arg('url');
  if (url) return { env: envId || 'linli-local', url };
  if (env.TENCENTCLOUD_SECRETID && env.TENCENTCLOUD_SECRETKEY) {
    if (!envId) throw new Error('a CloudBase key is set but no environment: export TCB_ENV=<envId> (or pass --env), or give --url for the local emulator');
    return { env: envId, url: null };
  }
  return { env: envId || 'linli-local', url: 'http://127.0.0.1:3900' };
}

/** The database of the target (see targetOf). */
function connect(arg: (name: string) => string | undefined) {
  process.env.TENCENTCLOUD ??= 'true';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk');
  const target = targetOf(arg, process.env);
  console.log(target.url ? `writing to the local emulator ${target.url}, environment ${target.env}` : `writing to CloudBase environment ${target.env}`);
  cloud.init({
    env: target.env,
    ...(target.url ? { serviceUrl: `${target.url.replace(/\/+$/, '')}/admin` } : {}),
    secretId: process.env.TENCENTCLOUD_SECRETID || 'local',
    secretKey: process.env.TENCENTCLOUD_SECRETKEY || 'local',
    ...(process.env.TENCENTCLOUD_SESSIONTOKEN ? { sessionToken: process.env.TENCENTCLOUD_SESSIONTOKEN } : {}),
  });
  return cloud.database();
}

if (require.main === module) {
  main().catch((e) => {
    console.error(`bootstrap failed: ${(e as Error).message}`);
    process.exit(1);
  });
}
