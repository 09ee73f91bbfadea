// The authorization matrix's and the fuzzer's world: every function's contract and handlers, the
// identities that call them (the demo roles, a stranger, an applicant, a user and an officer of
// another compound), one environment per caller with the demo seed plus a second compound, and an
// in-process caller per function (createCaller: the same validation and access path as serve()).
import type { ContractSpec } from '@core/contract';
import { DOMAINS } from '@core/domains';
import type { Envelope } from '@core/errors';
import type { Role } from '@core/roles';
import { adminContract } from '@core/admin/contract';
import { conventionContract } from '@core/convention/contract';
import { eventContract } from '@core/event/contract';
import { noticeContract } from '@core/notice/contract';
import { requestContract } from '@core/request/contract';
import { schedulerContract } from '@core/scheduler/contract';
import { userContract } from '@core/user/contract';
import { volunteerContract } from '@core/volunteer/contract';
import { handlers as adminHandlers } from '../../../cloudfunctions/admin';
import { handlers as conventionHandlers } from '../../../cloudfunctions/convention';
import { handlers as eventHandlers } from '../../../cloudfunctions/event/handlers';
import { handlers as noticeHandlers } from '../../../cloudfunctions/notice/handlers';
import { handlers as requestHandlers } from '../../../cloudfunctions/request/handlers';
import { handlers as schedulerHandlers } from '../../../cloudfunctions/scheduler/handlers';
import { handlers as userHandlers } from '../../../cloudfunctions/user/handlers';
import { handlers as volunteerHandlers } from '../../../cloudfunctions/volunteer';
import { blankUser } from '../../../cloudfunctions/runtime/model';
import type { Ports } from '../../../cloudfunctions/runtime/ports';
import { createCaller, type Handlers } from '../../../cloudfunctions/runtime/serve';
import { control, freshEnv, invoke, sdk } from './cloud';

// ---- functions ---------------------------------------------------------------------------------

function fn<C extends ContractSpec>(contract: C, handlers: Handlers<C>, http = false) {
  return { contract: contract as ContractSpec, caller: createCaller(contract, handlers) as unknown as Caller, http };
}
type Caller = (src: { openid: string; db: unknown; ports?: Partial<Ports> }) => (action: string, data: unknown) => Promise<Envelope<unknown>>;

/** Every cloud function with its contract. The scheduler fans out to the others through
 * cloud.callFunction, which only the function host wires to an environment: it is called over HTTP. */
export const FUNCTIONS: Record<string, ReturnType<typeof fn>> = {
  user: fn(userContract, userHandlers),
  request: fn(requestContract, requestHandlers),
  volunteer: fn(volunteerContract, volunteerHandlers),
  event: fn(eventContract, eventHandlers),
  notice: fn(noticeContract, noticeHandlers),
  convention: fn(conventionContract, conventionHandlers),
  admin: fn(adminContract, adminHandlers),
  scheduler: fn(schedulerContract, schedulerHandlers, true),
};
export const FUNCTION_NAMES = [...DOMAINS.map((d) => d.name), 'scheduler'];

// ---- identities --------------------------------------------------------------------------------

export const OTHER = 'other-compound';
/** The roles the other compound's user holds there: every compound role, so calls get past the
 * declared access and reach the handlers' own compound checks. */
const OTHER_ROLES: Role[] = ['resident', 'member', 'grid', 'committee', 'branch'];

export interface Identity {
  key: string;
  /** Short column label in the printed matrix. */
  label: string;
  openid: string;
  roles: Role[];
  /** Known to the system (has a user record). */
  known: boolean;
}

export const IDENTITIES: Identity[] = [
  { key: 'resident', label: 'res', openid: 'demo-resident', roles: ['resident'], known: true },
  { key: 'member', label: 'mem', openid: 'demo-member', roles: ['resident', 'member'], known: true },
  { key: 'grid', label: 'grid', openid: 'demo-grid', roles: ['resident', 'grid'], known: true },
  { key: 'property', label: 'prop', openid: 'demo-property', roles: ['property'], known: true },
  { key: 'committee', label: 'comm', openid: 'demo-committee', roles: ['resident', 'committee'], known: true },
  { key: 'branch', label: 'brch', openid: 'demo-branch', roles: ['resident', 'member', 'branch'], known: true },
  { key: 'officer', label: 'offi', openid: 'demo-officer', roles: ['officer'], known: true },
  /** Never logged in: no OPENID reaches the function. */
  { key: 'stranger', label: 'strg', openid: '', roles: [], known: false },
  /** Logged in, household applied for and not yet verified (seed: 马晓燕, 1栋1单元802). */
  { key: 'applicant', label: 'appl', openid: 'seed-pending-802', roles: [], known: true },
  { key: 'other', label: 'oth', openid: 'other-staff', roles: OTHER_ROLES, known: true },
  { key: 'otherOfficer', label: 'othO', openid: 'other-officer', roles: ['officer'], known: true },
];
export type Who = (typeof IDENTITIES)[number]['key'];
/** Callers outside the demo compound (or not yet in it): a demo record is none of their business. */
export const OUTSIDERS = new Set(['applicant', 'other', 'otherOfficer']);

export const TEST_PORTS = (sent: string[]): Ports => ({
  text: { check: async () => 'pass' },
  messages: { send: async (to, key) => (sent.push(`${to.userId}:${key}`), false) },
  files: {
    upload: async (p) => `cloud://test/${p}`,
    tempUrls: async (ids) => Object.fromEntries(ids.map((i) => [i, `https://files.test/${i}`])),
    download: async () => Buffer.alloc(0),
    remove: async () => undefined,
  },
});

// ---- the world ---------------------------------------------------------------------------------

/** Records made in setUp whose ids the fixtures aim at. */
export interface Refs {
  commentId: string;
  itemId: string;
  meetingId: string;
  exportId: string;
  /** Filed by demo-resident, accepted and resolved by demo-grid: waits for the reporter's confirmation. */
  resolvedId: string;
  other: { requestId: string; noticeId: string; eventId: string; teamId: string; conventionId: string };
}

export interface World {
  env: string;
  db: any;
  refs: Refs;
  /** Subscription/inbox messages the handlers sent through the test's messenger. */
  sent: string[];
  phones: Map<string, string>;
  call(fnName: string, who: Identity | string, action: string, data: unknown): Promise<Envelope<unknown>>;
  hash(): Promise<Record<string, string>>;
}

function must<T>(r: Envelope<T>, what: string): T {
  if (!r.ok) throw new Error(`setup: ${what} failed: ${r.code} ${r.message}`);
  return r.data;
}

const soon = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

async function addOtherCompound(db: any): Promise<void> {
  const now = new Date();
  const stamp = { createdAt: now, updatedAt: now };
  const compoundName = '青松苑';
  await db.collection('compounds').add({
    data: {
      _id: OTHER, compoundId: OTHER, name: compoundName, address: '另一个区松林路 1 号', district: '另一个区', street: '松林街道', community: '松林社区',
      ownersVoteOfficialSystem: false, settings: { slaHours: { emergency: 2, utilities: 24, general: 168, complex: 360 } }, ...stamp,
    },
  });
  await db.collection('buildings').add({ data: { _id: 'other-b1', compoundId: OTHER, name: '1栋', order: 1, units: ['1'], floors: 6, gridUserIds: ['u-other-staff'], ...stamp } });
  await db.collection('households').add({
    data: {
      _id: 'other-h1-1-101', compoundId: OTHER, compoundName, buildingId: 'other-b1', buildingName: '1栋', unit: '1', room: '101', area: 88.5, ownerKey: 'other-owner-101',
      occupancy: 'owner', verifiedMemberIds: ['u-other-staff'], ...stamp,
    },
  });
  const home = { buildingId: 'other-b1', buildingName: '1栋', unit: '1', room: '101' };
  await db.collection('bindings').add({
    data: {
      _id: 'bind-u-other-staff', compoundId: OTHER, userId: 'u-other-staff', ...home, area: 88.5, householdId: 'other-h1-1-101', relation: 'owner', state: 'verified',
      pendingKey: 'closed:bind-u-other-staff', reviewerId: 'u-other-staff', reason: null, ...stamp,
    },
  });
  const consents = { privacy: { granted: true, version: '2026-11-v1', at: now } };
  await db.collection('users').add({
    data: {
      _id: 'u-other-staff',
      ...blankUser('other-staff', now, {
        compoundId: OTHER, compoundName, displayName: '钱松', phone: '13700001111', roles: OTHER_ROLES, householdId: 'other-h1-1-101', householdRelation: 'owner', home, consents,
        binding: { bindingId: 'bind-u-other-staff', state: 'verified', householdId: 'other-h1-1-101', ...home, relation: 'owner', reason: null, createdAt: now },
      }),
    },
  });
  await db.collection('users').add({
    data: { _id: 'u-other-officer', ...blankUser('other-officer', now, { compoundId: OTHER, compoundName, displayName: '吴街道', phone: '13700002222', roles: ['officer'], consents }), officerScope: [OTHER] },
  });
}

/** A fresh environment: the demo seed with its day-one content, a second compound, and the records the fixtures need. */
export async function makeWorld(label: string): Promise<World> {
  const env = freshEnv(label);
  await control(env, '/seed', 'POST', { kind: 'demo', content: true });
  // as the functions' own init (runtime/cloud.ts): a missing document reads as null, not an error
  const db: any = sdk(env, undefined, { throwOnNotFound: false }).database();
  await addOtherCompound(db);
  const sent: string[] = [];
  const ports = TEST_PORTS(sent);
  const openidOf = (who: Identity | string) => (typeof who === 'string' ? who : who.openid);
  const call = async (fnName: string, who: Identity | string, action: string, data: unknown): Promise<Envelope<unknown>> => {
    const f = FUNCTIONS[fnName];
    if (f.http) return (await invoke(env, fnName, { action, data }, openidOf(who))).body;
    return f.caller({ openid: openidOf(who), db, ports })(action, data);
  };

  // the other compound's own records (ids other compounds' callers must never reach)
  const other = {
    requestId: (must(await call('request', 'other-staff', 'create', {
      category: 'repair', content: '青松苑 1 栋电梯异响', location: { buildingId: 'other-b1', unit: '1' }, urgency: 'general', visibility: 'public', idempotencyKey: 'other-req-0001',
    }), 'other request') as { requestId: string }).requestId,
    noticeId: (must(await call('notice', 'other-staff', 'publish', {
      category: 'other', title: '青松苑通知', content: '<p>青松苑内部通知</p>', audience: { kind: 'compound' },
    }), 'other notice') as { noticeId: string }).noticeId,
    eventId: (must(await call('event', 'other-staff', 'create', {
      title: '青松苑活动', description: '青松苑内部活动', startAt: soon(72), endAt: soon(74), place: '青松苑广场', capacity: 10, signupDeadline: soon(70), audience: { kind: 'all' }, creditsHours: false,
    }), 'other event') as { eventId: string }).eventId,
    teamId: (must(await call('volunteer', 'other-staff', 'createTeam', {
      name: '青松苑巡逻队', kind: 'patrol', description: '青松苑巡逻', capacity: 10, needsApproval: false, risky: false, leaderIds: ['u-other-staff'],
    }), 'other team') as { teamId: string }).teamId,
    conventionId: (must(await call('convention', 'other-staff', 'create', {
      title: '青松苑公约', kind: 'residents_convention', articles: [{ title: '第一条', body: '青松苑内容' }],
    }), 'other convention') as { conventionId: string }).conventionId,
  };

  // demo records the seed does not have
  const commentId = (must(await call('convention', 'demo-resident', 'comment', { conventionId: 'demo-convention-civility', articleNo: 1, text: '建议增加电动车充电的具体时间' }), 'comment') as { commentId: string }).commentId;
  const itemId = (must(await call('admin', 'demo-resident', 'propose', { kind: 'proposal', title: '加装电梯议题', note: '2 栋老人多' }), 'propose') as { itemId: string }).itemId;
  const meetingId = (must(await call('admin', 'demo-branch', 'createMeeting', { title: '十二月联席会议', at: soon(48), place: '党群服务中心' }), 'meeting') as { meetingId: string }).meetingId;
  const exportId = (must(await call('admin', 'demo-branch', 'exportLedger', { ledger: 'requests', format: 'csv' }), 'export') as { exportId: string }).exportId;
  const resolvedId = (must(await call('request', 'demo-resident', 'create', {
    category: 'repair', content: '1栋1单元 2 楼窗户玻璃裂了', location: { buildingId: 'demo-b1', unit: '1' }, urgency: 'general', visibility: 'private', idempotencyKey: 'setup-resolved-01',
  }), 'resolved request') as { requestId: string }).requestId;
  must(await call('request', 'demo-grid', 'accept', { requestId: resolvedId }), 'accept');
  must(await call('request', 'demo-grid', 'resolve', { requestId: resolvedId, note: '已更换玻璃' }), 'resolve');

  const phones = new Map<string, string>();
  for (const i of IDENTITIES.filter((x) => x.openid)) {
    const u = (await db.collection('users').where({ openid: i.openid }).get()).data[0] as { phone: string | null } | undefined;
    if (u?.phone) phones.set(i.openid, u.phone);
  }
  sent.length = 0;
  return {
    env, db, sent, phones, call,
    refs: { commentId, itemId, meetingId, exportId, resolvedId, other },
    hash: async () => (await control<{ hashes: Record<string, string> }>(env, '/hash')).hashes,
  };
}
