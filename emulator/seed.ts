// Demo data: 红湖公园城 — 6 buildings, 216 households with areas, about 250 residents, and one
// fixed identity per role (README lists them). Deterministic: the same seed every time.
import { blankUser, type BindingDoc, type BuildingDoc, type CompoundDoc, type HouseholdDoc, type UserDoc } from '../cloudfunctions/common/model';
import type { Role } from '../cloudfunctions/common/roles';
import type { Database } from './db';
import { DEMO_IDENTITIES } from './demo-identities';

export { DEMO_IDENTITIES };

export const DEMO_COMPOUND_ID = 'demo-compound';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = ['建华', '秀英', '桂芳', '志明', '丽娟', '国强', '淑珍', '海燕', '文军', '玉兰', '建平', '红霞', '德明', '春梅', '永刚', '小红', '俊杰', '雅琴', '宏伟', '静', '磊', '婷', '浩然', '晓东', '凤英', '家豪', '子涵', '思远', '明辉', '秀梅'];

/** A tiny deterministic generator so the demo is the same on every machine. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function seedDemo(db: Database, now = new Date()): { users: number; households: number } {
  const rand = rng(20261122);
  const t = now;
  const stamp = { createdAt: t, updatedAt: t };
  const compound: CompoundDoc = {
    _id: DEMO_COMPOUND_ID,
    compoundId: DEMO_COMPOUND_ID,
    name: '红湖公园城',
    address: '成都市新都区红湖路 88 号',
    district: '新都区',
    street: '大丰街道',
    community: '红湖社区',
    ownersVoteOfficialSystem: false,
    settings: { slaHours: { emergency: 2, utilities: 24, general: 168, complex: 360 } },
    ...stamp,
  };
  db.insert('compounds', [compound]);

  const buildings: BuildingDoc[] = [];
  const households: HouseholdDoc[] = [];
  for (let b = 1; b <= 6; b++) {
    const buildingId = `demo-b${b}`;
    buildings.push({ _id: buildingId, compoundId: DEMO_COMPOUND_ID, name: `${b}栋`, order: b, units: ['1', '2'], floors: 9, gridUserIds: [], ...stamp });
    for (const unit of ['1', '2']) {
      for (let floor = 1; floor <= 9; floor++) {
        for (let door = 1; door <= 2; door++) {
          const room = `${floor}0${door}`;
          const area = Math.round((68 + rand() * 72) * 100) / 100;
          households.push({
            _id: `demo-h${b}-${unit}-${room}`,
            compoundId: DEMO_COMPOUND_ID,
            compoundName: compound.name,
            buildingId,
            buildingName: `${b}栋`,
            unit,
            room,
            area,
            ownerKey: `owner-${b}-${unit}-${room}`,
            occupancy: rand() < 0.12 ? 'tenant' : rand() < 0.04 ? 'vacant' : 'owner',
            verifiedMemberIds: [],
            ...stamp,
          });
        }
      }
    }
  }
  // the developer still holds a few unsold units: one owner key for all of them (司法解释 art. 9)
  for (const h of households.filter((x) => x.buildingId === 'demo-b6' && x.unit === '1' && x.room.startsWith('9'))) {
    h.ownerKey = 'developer';
    h.occupancy = 'vacant';
  }
  const hById = new Map(households.map((h) => [h._id, h]));

  const users: UserDoc[] = [];
  const bindings: BindingDoc[] = [];
  const baseUser = (openid: string, displayName: string, roles: Role[], householdId: string | null, i: number): UserDoc => ({
    _id: `u-${openid}`,
    ...blankUser(openid, t, {
      compoundId: DEMO_COMPOUND_ID,
      compoundName: compound.name,
      displayName,
      phone: `13${(8 + (i % 2)).toString()}${String(10000000 + i * 7919).slice(-8)}`,
      roles,
      householdId,
      householdRelation: householdId ? 'owner' : null,
      consents: { privacy: { granted: true, version: '2026-11-v1', at: t } },
      demo: true,
    }),
  });
  const bind = (u: UserDoc, h: HouseholdDoc, state: BindingDoc['state'] = 'verified') => {
    const binding: BindingDoc = {
      _id: `bind-${u._id}`,
      compoundId: DEMO_COMPOUND_ID,
      userId: u._id,
      buildingId: h.buildingId,
      buildingName: h.buildingName,
      area: h.area,
      unit: h.unit,
      room: h.room,
      householdId: h._id,
      relation: u.householdRelation ?? 'owner',
      state,
      pendingKey: state === 'pending' ? u._id : `closed:bind-${u._id}`,
      reviewerId: state === 'verified' ? 'u-demo-grid' : null,
      reason: null,
      ...stamp,
    };
    bindings.push(binding);
    u.binding = {
      bindingId: binding._id,
      state,
      householdId: h._id,
      buildingId: h.buildingId,
      buildingName: h.buildingName,
      unit: h.unit,
      room: h.room,
      relation: binding.relation,
      reason: null,
      createdAt: t,
    };
    if (state === 'verified') {
      h.verifiedMemberIds.push(u._id);
      u.home = { buildingId: h.buildingId, buildingName: h.buildingName, unit: h.unit, room: h.room };
    }
  };

  DEMO_IDENTITIES.forEach((d, i) => {
    const hid = d.home ? `demo-h${d.home[0]}-${d.home[1]}-${d.home[2]}` : null;
    const u = baseUser(d.openid, d.name, d.roles, hid, i + 1);
    if (d.openid === 'demo-resident') u.elderMode = true;
    if (d.roles.includes('member')) {
      u.consents.party = { granted: true, version: '2026-11-v1', at: t };
      u.party = { member: true, kind: 'registered', showBadge: true };
    }
    users.push(u);
    if (hid) bind(u, hById.get(hid)!);
  });
  buildings[0].gridUserIds.push('u-demo-grid');
  buildings[3].gridUserIds.push('u-demo-grid');

  // about 240 more residents across the compound; one in ten households has two
  let i = 100;
  for (const h of households) {
    if (h.occupancy === 'vacant' || h.verifiedMemberIds.length) continue;
    const count = rand() < 0.1 ? 2 : 1;
    for (let k = 0; k < count; k++) {
      const name = SURNAMES[Math.floor(rand() * SURNAMES.length)] + GIVEN[Math.floor(rand() * GIVEN.length)];
      const u = baseUser(`seed-${i}`, name, ['resident'], h._id, i);
      u.householdRelation = k === 0 ? (h.occupancy === 'tenant' ? 'tenant' : 'owner') : 'family';
      if (rand() < 0.08) {
        u.roles.push('member');
        u.consents.party = { granted: true, version: '2026-11-v1', at: t };
        u.party = { member: true, kind: rand() < 0.8 ? 'registered' : 'mobile', showBadge: rand() < 0.5 };
      }
      users.push(u);
      bind(u, h);
      i++;
    }
  }
  // grid users for the other buildings, picked from their own residents
  for (const b of buildings) {
    if (b.gridUserIds.length) continue;
    const leader = users.find((u) => u.householdId && hById.get(u.householdId)?.buildingId === b._id && u.openid.startsWith('seed-'));
    if (leader) {
      leader.roles.push('grid');
      b.gridUserIds.push(leader._id);
    }
  }
  // two newcomers waiting for verification in building 1, so the grid user has work on day one
  for (const [n, room] of [
    ['马晓燕', '802'],
    ['何志勇', '901'],
  ] as const) {
    const u = baseUser(`seed-pending-${room}`, n, [], null, i++);
    u.householdRelation = null;
    users.push(u);
    bind(u, hById.get(`demo-h1-1-${room}`)!, 'pending');
  }

  db.insert('buildings', buildings);
  db.insert('households', households);
  db.insert('users', users);
  db.insert('bindings', bindings);
  return { users: users.length, households: households.length };
}

export function isEmpty(db: Database): boolean {
  return (db.collections.get('compounds')?.docs.size ?? 0) === 0;
}
