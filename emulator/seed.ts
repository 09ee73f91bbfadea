// Demo data: 红湖公园城 — 6 buildings, 216 households with areas, about 250 residents, and one
// fixed identity per role (README lists them). Deterministic: the same seed every time.
import { CATEGORY_LABELS, monthOf, requestStats, routeRequest } from '@core/request/rules';
import { thing } from '../cloudfunctions/runtime/notify';
import {
  blankUser,
  type BindingDoc,
  type BuildingDoc,
  type CompoundDoc,
  type EventDoc,
  type HouseholdDoc,
  type InboxDoc,
  type NoticeDoc,
  type RegistrationDoc,
  type RequestDoc,
  type UserDoc,
} from '../cloudfunctions/runtime/model';
import type { Role } from '@core/roles';
import type { Database } from './db';
import { DEMO_IDENTITIES } from '@core/demo-identities';
import { seedVolunteerContent } from './seed-volunteer';

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
      // as user.requestBinding files it: the building's grid, what the applicant gave to verify with
      gridUserIds: [...(buildings.find((b) => b._id === h.buildingId)?.gridUserIds ?? [])],
      applicantName: u.displayName,
      applicantPhone: u.phone,
      fromCompoundId: u.compoundId,
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
    // the street office's officer oversees the demo compound (appointed above it: scripts/bootstrap.ts --officer)
    if (d.roles.includes('officer')) u.officerScope = [DEMO_COMPOUND_ID];
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

  // 公约与表决: the compound's 居民公约 out for comments, and a parking convention under an owners' vote
  // (art. 278 items 6–8: ≥ 3/4), so the consultation and the ballot have something on day one
  const articles = [
    { title: '第一条 邻里和睦', body: '居民之间互相尊重、互相帮助，遇到矛盾先协商，协商不成可请楼栋长或居委会调解。' },
    { title: '第二条 公共环境', body: '楼道、消防通道不堆放杂物，不私拉电线为电动车充电；垃圾分类投放，定时定点。' },
    { title: '第三条 文明养犬', body: '遛狗牵绳，及时清理粪便；不在电梯、儿童游乐区等公共区域放任犬只活动。' },
    { title: '第四条 噪音', body: '晚 22 时至早 7 时不进行装修等产生噪音的活动，广场舞音量适度。' },
    { title: '第五条 附则', body: '本公约经居民会议讨论通过后施行，报街道办事处备案。' },
  ];
  const parking = [
    { title: '第一条 适用范围', body: '本公约适用于小区内公共道路及地面公共车位的停放与收费。' },
    { title: '第二条 收费标准', body: '地面公共车位每月 150 元，收入扣除管理成本后归全体业主共有，每季度公示。' },
    { title: '第三条 优先安排', body: '有老人、残疾人的家庭优先安排靠近单元门的车位。' },
  ];
  const blank = { commentCount: 0, articleComments: {}, withdrawnReason: null, filing: null, signatures: 0, result: null, ...stamp };
  const day = 86_400_000;
  const keyArea = new Map<string, number>();
  const keyOf = (h: HouseholdDoc) => `o:${h.ownerKey ?? h._id}`;
  for (const h of households) keyArea.set(keyOf(h), (keyArea.get(keyOf(h)) ?? 0) + Math.round(h.area * 100));
  const parkingVote = {
    rule: 'owners_major' as const, requestedRule: 'owners_major' as const, electorate: 'owners' as const, advisory: null,
    startsAt: new Date(t.getTime() - day), endsAt: new Date(t.getTime() + 6 * day), electorateHeads: keyArea.size,
    electorateArea: [...keyArea.values()].reduce((a, b) => a + b, 0), openedBy: 'u-demo-committee', openedAt: new Date(t.getTime() - day), closedAt: null,
  };
  db.insert('conventions', [
    {
      _id: 'demo-convention-civility', compoundId: DEMO_COMPOUND_ID, title: '红湖公园城居民公约', kind: 'residents_convention',
      summary: '居委会与业委会共同起草，请各位居民逐条提出意见。', articles, version: 1, phase: 'consultation', createdBy: 'u-demo-committee',
      consultationEndsAt: new Date(t.getTime() + 14 * day), auditors: [], vote: null, ...blank,
    },
    {
      _id: 'demo-convention-parking', compoundId: DEMO_COMPOUND_ID, title: '地面停车管理公约', kind: 'parking_rules',
      summary: '公共道路停车收费属于改变共有部分用途，须经参与表决面积和人数四分之三以上同意。', articles: parking, version: 2, phase: 'voting',
      createdBy: 'u-demo-committee', consultationEndsAt: new Date(t.getTime() - 2 * day), auditors: [{ userId: 'u-demo-committee', name: '赵丽华' }], vote: parkingVote, ...blank,
    },
  ]);
  db.insert('convention_versions', [
    { _id: 'demo-convention-civility:v1', compoundId: DEMO_COMPOUND_ID, conventionId: 'demo-convention-civility', version: 1, title: '红湖公园城居民公约', summary: '居委会与业委会共同起草，请各位居民逐条提出意见。', articles, note: '初稿', adoptedCommentIds: [], editorId: 'u-demo-committee', ...stamp },
    { _id: 'demo-convention-parking:v1', compoundId: DEMO_COMPOUND_ID, conventionId: 'demo-convention-parking', version: 1, title: '地面停车管理公约', summary: '', articles: parking.slice(0, 2), note: '初稿', adoptedCommentIds: [], editorId: 'u-demo-committee', ...stamp },
    { _id: 'demo-convention-parking:v2', compoundId: DEMO_COMPOUND_ID, conventionId: 'demo-convention-parking', version: 2, title: '地面停车管理公约', summary: '', articles: parking, note: '采纳意见：增加老人、残疾人家庭优先条款', adoptedCommentIds: [], editorId: 'u-demo-committee', ...stamp },
  ]);
  // the register the parking vote counts against, and the first ballots (building 3 voted early, two on paper)
  db.insert('vote_register', households.map((h) => ({
    _id: `demo-convention-parking:${h._id}`, compoundId: DEMO_COMPOUND_ID, conventionId: 'demo-convention-parking', voterKey: keyOf(h), keyArea: keyArea.get(keyOf(h))!,
    area: Math.round(h.area * 100), householdId: h._id, buildingId: h.buildingId, buildingName: h.buildingName, unit: h.unit, room: h.room,
    label: `${h.buildingName}${h.unit}单元${h.room}`, userId: null, ...stamp,
  })));
  const early = households.filter((h) => h.buildingId === 'demo-b3' && h.unit === '1').slice(0, 12);
  const ownerOf = (h: HouseholdDoc) => users.find((u) => u.householdId === h._id && u.householdRelation === 'owner');
  db.insert('ballots', early.map((h, i) => ({
    _id: `demo-ballot-${i}`, compoundId: DEMO_COMPOUND_ID, conventionId: 'demo-convention-parking', voterKey: keyOf(h), choice: i % 4 === 3 ? 'disagree' : 'agree',
    // an owner with the app voted online; the others on paper, entered by the auditor
    source: ownerOf(h) ? 'online' : 'paper', castBy: ownerOf(h)?._id ?? 'u-demo-committee', proxyId: null, householdId: h._id, buildingId: h.buildingId,
    buildingName: h.buildingName, unit: `${h.buildingName}${h.unit}单元${h.room}`, createdAt: new Date(t.getTime() - day / 2), updatedAt: new Date(t.getTime() - day / 2),
  })));

  db.insert('buildings', buildings);
  db.insert('households', households);
  db.insert('users', users);
  db.insert('bindings', bindings);
  return { users: users.length, households: households.length };
}

export function isEmpty(db: Database): boolean {
  return (db.collections.get('compounds')?.docs.size ?? 0) === 0;
}

/**
 * A few things happening in the demo compound, so the app does not open empty: two notices, two
 * events (one already full), and requests in three states. Only `npm start` / `--seed demo` adds
 * these; tests seed the compound alone (POST /__emulator/seed) and make their own.
 */
export function seedSampleContent(db: Database, now = new Date()): void {
  const H = 3_600_000;
  const at = (h: number) => new Date(now.getTime() + h * H);
  const stamp = { createdAt: now, updatedAt: now };
  const notice = (over: Partial<NoticeDoc> & Pick<NoticeDoc, '_id' | 'title' | 'category' | 'content'>): NoticeDoc => ({
    compoundId: DEMO_COMPOUND_ID,
    images: [],
    attachments: [],
    feeTable: [],
    pinned: false,
    important: false,
    audience: { kind: 'compound' },
    publishAt: at(-2),
    state: 'published',
    publisherId: 'u-demo-committee',
    publisherName: '业主委员会',
    readCount: 0,
    moderation: 'pass',
    notifiedAt: at(-2),
    ...stamp,
    ...over,
  });
  db.insert('notices', [
    notice({
      _id: 'demo-notice-outage',
      category: 'outage',
      title: '12月1日全小区停电检修通知',
      content: '<p>接供电公司通知，12月1日（周一）9:00—15:00 小区线路检修，全小区停电。</p><p>请提前做好准备：冰箱少开门，电梯停运期间请走楼梯，行动不便的老人可联系楼栋长帮忙。</p>',
      pinned: true,
      important: true,
      publisherId: 'u-demo-property',
      publisherName: '物业服务中心',
    }),
    notice({
      _id: 'demo-notice-fees',
      category: 'disclosure',
      title: '2026年10月物业费收支公示',
      content: '<p>根据《物业管理条例》，现将 10 月物业费收支情况公示如下，如有疑问请于 7 日内向业委会反映。</p>',
      feeTable: [
        { item: '物业费收入', amount: 186420, period: '2026-10' },
        { item: '公共收益（广告位）', amount: 12000, period: '2026-10' },
        { item: '保洁绿化支出', amount: -58300, period: '2026-10' },
        { item: '秩序维护支出', amount: -64250.5, period: '2026-10' },
        { item: '电梯维保支出', amount: -21600, period: '2026-10' },
      ],
      publisherId: 'u-demo-property',
      publisherName: '物业服务中心',
      publishAt: at(-30),
    }),
  ]);

  const event = (over: Partial<EventDoc> & Pick<EventDoc, '_id' | 'title' | 'description' | 'place' | 'capacity'>): EventDoc => ({
    compoundId: DEMO_COMPOUND_ID,
    startAt: at(72),
    endAt: at(74),
    signupDeadline: at(70),
    audience: { kind: 'all' },
    creditsHours: false,
    state: 'published',
    cancelReason: null,
    confirmedCount: 0,
    waitlist: [],
    organizerId: 'u-demo-committee',
    organizerName: '赵丽华',
    moderation: 'pass',
    checkinSecret: 'demo-secret-not-for-production',
    ...stamp,
    ...over,
  });
  db.insert('events', [
    event({ _id: 'demo-event-tea', title: '阳光下午茶', description: '社区活动室，茶点、聊天，还有社区医生的冬季保健小讲座。欢迎邻居们带上家里的老人一起来。', place: '党群服务中心一楼活动室', capacity: 30 }),
    event({
      _id: 'demo-event-clinic',
      title: '义诊进小区',
      description: '三甲医院专家现场量血压、测血糖、看慢病。名额有限，额满可候补。',
      place: '小区中心广场',
      capacity: 2,
      confirmedCount: 2,
      startAt: at(120),
      endAt: at(123),
      signupDeadline: at(118),
      creditsHours: true,
    }),
  ]);
  const reg = (id: string, userId: string, name: string, queuedAt: Date): RegistrationDoc => ({
    _id: id,
    compoundId: DEMO_COMPOUND_ID,
    eventId: 'demo-event-clinic',
    userId,
    openid: userId.replace(/^u-/, ''),
    name,
    phone: null,
    home: null,
    status: 'confirmed',
    queuedAt,
    checkedInAt: null,
    remindedAt: null,
    notify: false,
    eventTitle: '义诊进小区',
    eventStartAt: at(120),
    eventPlace: '小区中心广场',
    ...stamp,
  });
  db.insert('registrations', [reg('demo-reg-1', 'u-seed-100', '居民', at(-5)), reg('demo-reg-2', 'u-seed-101', '居民', at(-4))]);

  const request = (over: Partial<RequestDoc> & Pick<RequestDoc, '_id' | 'category' | 'content' | 'reporterId' | 'reporterName'>): RequestDoc => {
    const doc: RequestDoc = {
      compoundId: DEMO_COMPOUND_ID,
      reporterOpenid: over.reporterId.replace(/^u-/, ''),
      reporterPhone: null,
      notifyReporter: false,
      urgency: 'general',
      visibility: 'private',
      buildingId: 'demo-b1',
      buildingName: '1栋',
      unit: '1',
      room: null,
      area: null,
      photos: [],
      handlers: routeRequest(over.category, true),
      gridUserIds: ['u-demo-grid'],
      state: 'submitted',
      escalationLevel: 0,
      assigneeId: null,
      assigneeName: null,
      idempotencyKey: `seed-${over._id}`,
      moderation: 'pass',
      dueAt: at(160),
      month: monthOf(now),
      firstResponseAt: null,
      respondedOnTime: null,
      resolvedAt: null,
      closedAt: null,
      rating: null,
      fixed: null,
      satisfied: null,
      comment: null,
      closedUnrated: false,
      stats: requestStats({ state: 'submitted', createdAt: at(-8), firstResponseAt: null, respondedOnTime: null, resolvedAt: null, rating: null, satisfied: null, escalationLevel: 0 }),
      timeline: [{ at: at(-8), action: 'create', actorId: over.reporterId, actorName: over.reporterName, actorRole: 'resident', fromState: null, toState: 'submitted', note: null, photos: [] }],
      createdAt: at(-8),
      updatedAt: at(-8),
      ...over,
    };
    doc.stats = requestStats(doc);
    return doc;
  };
  const step = (h: number, action: string, actorId: string, actorName: string, actorRole: string, fromState: RequestDoc['state'], toState: RequestDoc['state'], note: string | null) =>
    ({ at: at(h), action, actorId, actorName, actorRole, fromState, toState, note, photos: [] }) as RequestDoc['timeline'][number];
  const help = request({ _id: 'demo-request-help', category: 'help', content: '家里老人腿脚不便，想请志愿者帮忙把两袋米扛上 6 楼。', reporterId: 'u-seed-102', reporterName: '居民', urgency: 'utilities', dueAt: at(16) });
  const lamp = request({
    _id: 'demo-request-lamp',
    category: 'repair',
    content: '1栋1单元 3 楼楼道灯不亮，晚上下楼看不清。',
    reporterId: 'u-demo-resident',
    reporterName: '王秀兰',
    room: '301',
    state: 'in_progress',
    assigneeId: 'u-demo-grid',
    assigneeName: '刘芳',
    firstResponseAt: at(-6),
    respondedOnTime: true,
  });
  lamp.timeline.push(step(-6, 'accept', 'u-demo-grid', '刘芳', 'grid', 'submitted', 'accepted', '已联系物业电工，明天上午来修'), step(-5, 'start', 'u-demo-grid', '刘芳', 'grid', 'accepted', 'in_progress', null));
  lamp.stats = requestStats(lamp);
  const gate = request({
    _id: 'demo-request-gate',
    visibility: 'public',
    metooIds: ['u-seed-110', 'u-seed-111'],
    metooCount: 2,
    category: 'property',
    content: '2栋门禁刷卡没反应，老人进出不方便。',
    reporterId: 'u-demo-resident-2',
    reporterName: '李建国',
    buildingId: 'demo-b2',
    buildingName: '2栋',
    gridUserIds: [],
    state: 'closed',
    assigneeId: 'u-demo-property',
    assigneeName: '陈志强',
    firstResponseAt: at(-7),
    respondedOnTime: true,
    resolvedAt: at(-3),
    closedAt: at(-2),
    rating: 5,
    fixed: true,
    satisfied: true,
    comment: '修得很快，谢谢物业',
  });
  gate.timeline.push(
    step(-7, 'accept', 'u-demo-property', '陈志强', 'property', 'submitted', 'accepted', null),
    step(-3, 'resolve', 'u-demo-property', '陈志强', 'property', 'accepted', 'resolved', '已更换读卡器'),
    step(-2, 'confirm', 'u-demo-resident-2', '李建国', 'resident', 'resolved', 'closed', '评分 5 星；问题已解决；修得很快，谢谢物业'),
  );
  gate.stats = requestStats(gate);
  db.insert('requests', [help, lamp, gate]);
  // what the lamp's acceptance told its reporter in 消息中心 (the words tellReporter writes)
  const told: InboxDoc = {
    _id: 'demo-inbox-lamp-accepted',
    userId: 'u-demo-resident',
    kind: 'requestStatus',
    title: '您的反映已受理',
    body: `${thing(`${CATEGORY_LABELS.repair}：${lamp.content}`)}（已联系物业电工，明天上午来修）`,
    page: 'packages/request/detail/index?id=demo-request-lamp',
    readAt: null,
    createdAt: at(-6),
    updatedAt: at(-6),
  };
  db.insert('inbox', [told]);
  seedVolunteerContent(db, now);
}
