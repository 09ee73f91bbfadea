// Stored document shapes (DESIGN §3). What leaves a function is shaped by the output contracts.
import type { Jurisdiction } from '@core/convention/rules';
import type { BaseDoc } from './db';

/**
 * What the content check and the moderators decided: `review` held (in the moderation queue), `hidden`
 * hidden by a moderator (out of the queue, never public again unless approved), `pass` public.
 */
export type Moderation = 'pass' | 'review' | 'hidden';
import type { Choice, ConventionKind, Phase, TallyResult, VoteRule } from '@core/convention/rules';
import type { Audience } from '@core/event/rules';
import type { Category, Handler, RequestState, RequestStats, Urgency } from '@core/request/rules';
import type { Role } from '@core/roles';

export interface ConsentRecord {
  granted: boolean;
  version: string;
  at: Date;
}

/** The caller's latest binding, kept on the user so a login needs no second read. */
export interface BindingSummary {
  bindingId: string;
  /** The compound applied to: a visitor reads its public notices (absent on old records). */
  compoundId?: string;
  state: BindingDoc['state'];
  householdId: string;
  buildingId: string;
  buildingName: string;
  unit: string;
  room: string;
  relation: BindingDoc['relation'];
  reason: string | null;
  createdAt: Date;
}

export interface HomeSummary {
  buildingId: string;
  buildingName: string;
  unit: string;
  room: string;
}

export interface UserDoc extends BaseDoc {
  openid: string;
  compoundId: string | null;
  compoundName: string | null;
  displayName: string;
  phone: string | null;
  roles: Role[];
  householdId: string | null;
  householdRelation: 'owner' | 'family' | 'tenant' | null;
  /** Where the verified household is (denormalised from the household for display). */
  home: HomeSummary | null;
  binding: BindingSummary | null;
  /** Party membership (政治面貌): only with the separate `party` consent; the badge only if opted in. */
  party: { member: boolean; kind: 'registered' | 'mobile' | null; showBadge: boolean } | null;
  consents: Partial<Record<'privacy' | 'party' | 'publishName', ConsentRecord>>;
  elderMode: boolean;
  /** Subscription-message credits by template key: one send per acceptance (DESIGN §5). */
  subscriptions?: Partial<Record<string, number>>;
  /** Minors need guardian consent for volunteering (DESIGN §4.2); derived from birthYear when given. */
  isMinor: boolean;
  /** Optional (personal data): only the year, enough for the age rules of volunteering. */
  birthYear?: number | null;
  /** The compounds a street officer oversees (appointed above the compound: scripts/bootstrap.ts --officer). */
  officerScope?: string[];
  /** A guardian's consent for a minor (志愿服务条例 art. 16; PIPL art. 31 under 14). */
  guardian?: { name: string; phone: string; relation: string; at: Date } | null;
  points: number;
  serviceHours: number;
  demo?: boolean;
}

/** A user record with nothing known yet but the WeChat identity; callers add what they know. */
export function blankUser(openid: string, now: Date, known: Partial<Omit<UserDoc, '_id'>> = {}): Omit<UserDoc, '_id'> {
  return {
    openid,
    compoundId: null,
    compoundName: null,
    displayName: '邻居',
    phone: null,
    roles: [],
    householdId: null,
    householdRelation: null,
    home: null,
    binding: null,
    party: null,
    consents: {},
    elderMode: false,
    isMinor: false,
    points: 0,
    serviceHours: 0,
    createdAt: now,
    updatedAt: now,
    ...known,
  };
}

export interface CompoundDoc extends BaseDoc {
  name: string;
  address: string;
  district: string;
  street: string;
  community: string;
  /** Where owners' votes must go through a city system (Beijing, Shenzhen, Sichuan): votes are advisory here. */
  ownersVoteOfficialSystem: boolean;
  settings: {
    slaHours: { emergency: number; utilities: number; general: number; complex: number };
    /** 公约与表决 (absent: the defaults — no official system, 7 objection days, no 从多 figure). */
    voting?: {
      /** Whose rule on owners' e-votes applies (convention.setVotingSettings); absent before it existed. */
      jurisdiction?: Jurisdiction;
      /** The compound's own name for the official e-voting system (or, before `jurisdiction`, the only setting); null: the rule's name. */
      officialSystem: string | null;
      objectionDays: number;
      /** The compound's 议事规则 count non-voters with the majority (shown apart, decides nothing). */
      nonVotersWithMajority: boolean;
    };
  };
}

export interface BuildingDoc extends BaseDoc {
  compoundId: string;
  name: string;
  order: number;
  units: string[];
  floors: number;
  /** 楼栋长/网格员: first responders for the building. */
  gridUserIds: string[];
  /** 单元长 of each unit (absent on buildings made before). */
  unitLeaders?: Array<{ unit: string; userId: string }>;
}

export interface HouseholdDoc extends BaseDoc {
  compoundId: string;
  compoundName: string;
  buildingId: string;
  buildingName: string;
  unit: string;
  room: string;
  /** 专有部分面积 in m², from the property register. */
  area: number;
  /** The register's owner key: units of one owner share it (one head in owners' votes). */
  ownerKey: string | null;
  occupancy: 'owner' | 'tenant' | 'vacant';
  verifiedMemberIds: string[];
}

export interface BindingDoc extends BaseDoc {
  compoundId: string;
  /** Absent on bindings made before it was kept. */
  compoundName?: string;
  userId: string;
  buildingId: string;
  buildingName: string;
  area: number;
  unit: string;
  room: string;
  householdId: string;
  relation: 'owner' | 'family' | 'tenant';
  state: 'pending' | 'verified' | 'rejected' | 'cancelled';
  /** userId while pending, closed:<_id> afterwards (see collections.ts on unique keys). */
  pendingKey: string;
  reviewerId: string | null;
  reason: string | null;
  /** Set when a grid user records the binding for a resident without a phone (logged). */
  actingFor?: boolean;
  /**
   * Who may review it besides the branch: the building's 楼栋长/网格员 when it was filed, kept in step
   * while it is pending (user.assignGrid, user.setRoles). Absent on bindings made before: read the building.
   */
  gridUserIds?: string[];
  /** The name and phone the applicant gave the 楼栋长 to verify with (absent on bindings made before). */
  applicantName?: string;
  applicantPhone?: string | null;
  /** The applicant's compound when they filed it (null: none; absent on bindings made before). */
  fromCompoundId?: string | null;
}

export interface AuditDoc extends BaseDoc {
  compoundId: string | null;
  actorId: string | null;
  actorRoles: Role[];
  action: string;
  target: string;
  detail: Record<string, unknown>;
}

export interface SubscriptionDoc extends BaseDoc {
  userId: string;
  templateKey: string;
  credits: number;
}

export interface TimelineDoc {
  at: Date;
  action: string;
  actorId: string | null;
  actorName: string;
  actorRole: string | null;
  fromState: RequestState | null;
  toState: RequestState;
  note: string | null;
  photos: string[];
}

/** 你呼我应: one resident request. `timeline` is append-only (pushed, never rewritten). */
export interface RequestDoc extends BaseDoc {
  compoundId: string;
  reporterId: string;
  reporterOpenid: string;
  reporterName: string;
  reporterPhone: string | null;
  /** The reporter had accepted status messages when filing (the client asks just before). */
  notifyReporter: boolean;
  category: Category;
  content: string;
  urgency: Urgency;
  visibility: 'public' | 'private';
  buildingId: string | null;
  buildingName: string | null;
  unit: string | null;
  /** The reporter's own room when the report is about their building; staff only. */
  room: string | null;
  area: string | null;
  photos: string[];
  handlers: Handler[];
  /** The building's grid users when the request was routed. */
  gridUserIds: string[];
  state: RequestState;
  escalationLevel: number;
  assigneeId: string | null;
  assigneeName: string | null;
  /** 代办: the worker who filed it for the resident, and the consent noted (absent: the resident did). */
  actedBy?: { userId: string; name: string; consentNote: string } | null;
  /** 我也遇到: who joined the report (absent on old requests). */
  metooIds?: string[];
  metooCount?: number;
  idempotencyKey: string;
  moderation: Moderation;
  dueAt: Date;
  /** YYYY-MM in China time, for the monthly figures. */
  month: string;
  firstResponseAt: Date | null;
  respondedOnTime: boolean | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  rating: number | null;
  fixed: boolean | null;
  satisfied: boolean | null;
  comment: string | null;
  closedUnrated: boolean;
  /** Derived on every write (domain requestStats): the rates are sums of these. */
  stats: RequestStats;
  timeline: TimelineDoc[];
}

/** 活动报名: one event. `confirmedCount` is the seat counter: a seat is taken by a guarded increment. */
export interface EventDoc extends BaseDoc {
  compoundId: string;
  title: string;
  description: string;
  startAt: Date;
  endAt: Date;
  place: string;
  capacity: number;
  signupDeadline: Date;
  audience: Audience;
  creditsHours: boolean;
  state: 'published' | 'cancelled';
  cancelReason: string | null;
  confirmedCount: number;
  /**
   * The waitlist's sequence: the last number handed out. A full event's registration takes the next
   * one in the same guarded update that finds it full, so numbers are unique and follow arrival
   * (absent on events made before it: counts from 1).
   */
  waitlistSeq?: number;
  /** How many wait now (the answer to "how many are ahead", kept beside the sequence). */
  waitlistCount?: number;
  /** The database's clock when the last number was handed out: the registration's queuedAt. */
  waitlistAt?: Date;
  /** Events made before the sequence kept the queue as user ids; read only for its length. */
  waitlist?: string[];
  organizerId: string;
  organizerName: string;
  moderation: Moderation;
  /** Server-only secret behind the rotating check-in code. */
  checkinSecret: string;
}

export interface RegistrationDoc extends BaseDoc {
  compoundId: string;
  eventId: string;
  userId: string;
  openid: string;
  name: string;
  phone: string | null;
  home: string | null;
  /** The registrant's building when they registered (absent on registrations made before it was kept). */
  buildingId?: string | null;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  /**
   * When this registration (last) joined; for a waitlisted one, the database's clock when its number
   * was handed out, so ordering by queuedAt then _id follows the numbers (ties: use waitlistNo).
   */
  queuedAt: Date;
  /** The waitlist number taken from the event's sequence (null once seated directly); the queue's order. */
  waitlistNo?: number | null;
  checkedInAt: Date | null;
  remindedAt: Date | null;
  notify: boolean;
  eventTitle: string;
  eventStartAt: Date;
  eventPlace: string;
  /** 代办: the worker who registered the resident, and the consent noted. */
  actedBy?: { userId: string; name: string; consentNote: string };
}

/**
 * 志愿服务记录 (民政部令第67号): actual service, one record per source (a fixed _id), verified by the
 * team leader, the organiser or the grid. Corrections are new records naming the one they replace.
 */
export interface ServiceRecordDoc extends BaseDoc {
  compoundId: string;
  userId: string;
  /** Absent on records written before the ledger (event check-ins). */
  volunteerName?: string;
  teamId?: string | null;
  teamName?: string | null;
  source: 'event' | 'task' | 'patrol' | 'shift' | 'other';
  refId: string;
  organizer: string;
  content: string;
  place?: string;
  startAt: Date;
  endAt: Date;
  /** Hours as first written (events); `minutes` is the ledger's unit. */
  hours: number;
  minutes?: number;
  /** YYYY-MM of the start, China time. */
  month?: string;
  verifiedBy: string | null;
  verifiedAt?: Date | null;
  rejected?: { reason: string; by: string; at: Date } | null;
  corrects?: string | null;
  loggedBy?: string;
  points?: number;
  /** Why it was written pending although its source verifies it (it clashes with other records of the person). */
  conflict?: string | null;
}

export interface TeamDoc extends BaseDoc {
  compoundId: string;
  name: string;
  kind: import('@core/volunteer/rules').TeamKind;
  description: string;
  capacity: number;
  needsApproval: boolean;
  risky: boolean;
  skillsSought: string[];
  contact: string;
  leaders: Array<{ userId: string; name: string }>;
  memberCount: number;
  pendingCount: number;
  createdBy: string;
}

export interface MembershipDoc extends BaseDoc {
  compoundId: string;
  teamId: string;
  userId: string;
  status: import('@core/volunteer/rules').MembershipState;
  /** teamId:userId while pending or active; closed:<_id> after (one open membership per person). */
  activeKey: string;
  skills: string[];
  availability: string;
  minor: boolean;
  reason: string | null;
  decidedBy: string | null;
}

export interface ShiftDoc extends BaseDoc {
  compoundId: string;
  teamId: string;
  teamName: string;
  risky: boolean;
  startAt: Date;
  endAt: Date;
  place: string;
  capacity: number;
  booked: number;
  /** Server-only secret behind the rotating check-in code. */
  codeSecret: string;
  createdBy: string;
}

export interface BookingDoc extends BaseDoc {
  compoundId: string;
  shiftId: string;
  teamId: string;
  userId: string;
  status: 'booked' | 'cancelled';
  startAt: Date;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
}

export interface CertificateDoc extends BaseDoc {
  compoundId: string;
  userId: string;
  name: string;
  volunteerNo: string;
  totalMinutes: number;
  content: string[];
  periodFrom: Date | null;
  periodTo: Date | null;
  issuer: string;
  handler: string;
  contact: string;
  revoked?: boolean;
}

export interface LeaderRatingDoc extends BaseDoc {
  compoundId: string;
  month: string;
  raterId: string;
  buildingId: string;
  leaderId: string;
  leaderName: string;
  score: number;
  comment: string | null;
  moderation: 'pass' | 'review';
}

/** 通知公告. Visible from publishAt; `readCount` counts people, households are counted separately. */
export interface NoticeDoc extends BaseDoc {
  compoundId: string;
  category: 'outage' | 'disclosure' | 'policy' | 'event' | 'other';
  title: string;
  content: string;
  images: string[];
  attachments: Array<{ name: string; fileId: string }>;
  feeTable: Array<{ item: string; amount: number; period: string }>;
  pinned: boolean;
  important: boolean;
  audience: { kind: 'compound' | 'buildings'; buildingIds?: string[] };
  publishAt: Date;
  state: 'published' | 'archived';
  publisherId: string;
  publisherName: string;
  readCount: number;
  moderation: Moderation;
  notifiedAt: Date | null;
  /** 1 at publication (absent on notices stored before versions: 1), +1 per edit a reader sees. */
  version?: number;
  /** The last edit after publication; publishAt stays the original. */
  editedAt?: Date | null;
}

/** One edit of a published notice (_id noticeId:v<version>, so two edits at once cannot take one version). */
export interface NoticeVersionDoc extends BaseDoc {
  compoundId: string;
  noticeId: string;
  version: number;
  editorId: string;
  changes: Array<{ field: 'title' | 'content' | 'fee' | 'images' | 'attachments'; label: string; before: string | null; after: string | null; beforeAmount: number | null; afterAmount: number | null }>;
  /** What readers saw before this edit. */
  previous: { title: string; content: string; feeTable: Array<{ item: string; amount: number; period: string }> };
}

/** 消息中心: one entry of a person's inbox (written by the messages port beside the WeChat message). */
export interface InboxDoc extends BaseDoc {
  userId: string;
  kind: 'requestStatus' | 'eventReminder' | 'noticeImportant' | 'voteReminder' | 'moderation';
  title: string;
  body: string;
  page: string;
  readAt: Date | null;
}

export interface NoticeReadDoc extends BaseDoc {
  compoundId: string;
  noticeId: string;
  userId: string;
  householdId: string | null;
  /** The version the person read (absent on reads stored before versions: 1). */
  version?: number;
}

/** The first read of a notice by any member of a household (_id noticeId:householdId). */
export interface NoticeHouseholdReadDoc extends BaseDoc {
  compoundId: string;
  noticeId: string;
  householdId: string;
  buildingId: string;
}

/** 公约: the current text lives here; every version (the first included) is in convention_versions. */
export interface ConventionDoc extends BaseDoc {
  compoundId: string;
  title: string;
  kind: ConventionKind;
  summary: string;
  articles: Array<{ title: string; body: string }>;
  version: number;
  phase: Phase;
  createdBy: string;
  consultationEndsAt: Date | null;
  commentCount: number;
  /** Comments per article number ('0' for the whole convention). */
  articleComments: Record<string, number>;
  /** 监票人 (top level so a person's erasure can blank their name). */
  auditors: Array<{ userId: string; name: string }>;
  vote: {
    rule: VoteRule;
    requestedRule: VoteRule;
    electorate: 'owners' | 'households' | 'residents';
    advisory: string | null;
    startsAt: Date;
    endsAt: Date;
    electorateHeads: number;
    electorateArea: number;
    openedBy: string;
    openedAt: Date;
    closedAt: Date | null;
  } | null;
  /** The tally at closing, kept with the record (ballots, register, proxies stay in their collections). */
  result: (Omit<TallyResult, 'criteria'> & {
    criteria: TallyResult['criteria'];
    sources: { online: { heads: number; area: number }; paper: { heads: number; area: number } };
    /** Per building, register rows (units; people in a per-resident count), not voter keys: they do not add up to the totals' heads. Areas do. */
    byBuilding: Array<{
      buildingId: string; buildingName: string; electorateHeads: number; partHeads: number; agreeHeads: number; disagreeHeads: number; abstainHeads: number;
      /** Absent on results counted before the areas were added. */
      electorateArea?: number; partArea?: number; agreeArea?: number; disagreeArea?: number; abstainArea?: number;
    }>;
    nonVoters: { label: string; agreeHeads: number; agreeArea: number } | null;
    countedAt: Date;
    postedAt: Date;
    noticeId: string | null;
    objectionEndsAt: Date;
  }) | null;
  withdrawnReason: string | null;
  filing: { state: 'none' | 'submitted' | 'filed'; office: string | null; at: Date | null } | null;
  signatures: number;
  /** The claim of the drafter opening its vote (convention.openVoting); absent until someone opens one. */
  openingToken?: string | null;
}

export interface ConventionVersionDoc extends BaseDoc {
  compoundId: string;
  conventionId: string;
  version: number;
  title: string;
  summary: string;
  articles: Array<{ title: string; body: string }>;
  note: string;
  adoptedCommentIds: string[];
  /** Where each adopted comment was made (no text or name: those stay with the comment). Absent on older versions. */
  adoptedComments?: Array<{ commentId: string; articleNo: number | null }>;
  editorId: string;
}

export interface ConventionCommentDoc extends BaseDoc {
  compoundId: string;
  conventionId: string;
  /** 0: the whole convention. */
  articleNo: number;
  parentId: string | null;
  authorId: string;
  authorName: string;
  /** The author consented to publish their name (else it is masked). */
  publishName: boolean;
  text: string;
  version: number;
  supportCount: number;
  moderation: 'pass' | 'review';
  hidden: { reason: string; by: string; at: Date } | null;
  answer: { text: string; adopted: boolean | null; reason: string | null; by: string; at: Date } | null;
}

export interface CommentSupportDoc extends BaseDoc {
  conventionId: string;
  commentId: string;
  userId: string;
}

/** One entry of a vote's register: a unit (owners, households) or a resident 18+. */
export interface VoteRegisterDoc extends BaseDoc {
  compoundId: string;
  conventionId: string;
  /** The ballot key this entry votes under: o:<ownerKey>, h:<householdId> or u:<userId>. */
  voterKey: string;
  /** The whole key's area in 0.01 m² (an owner's units summed); 0 for residents' meetings. */
  keyArea: number;
  /** This unit's own area in 0.01 m². */
  area: number;
  householdId: string;
  buildingId: string;
  buildingName: string;
  unit: string;
  room: string;
  /** "3栋1单元502" */
  label: string;
  /** The resident (residents' meetings counted per person); null for units. */
  userId: string | null;
}

export interface BallotDoc extends BaseDoc {
  compoundId: string;
  conventionId: string;
  voterKey: string;
  choice: Choice;
  source: 'online' | 'paper';
  /** Who cast it online (the owner, a co-owner or a proxy holder); the auditor who entered a paper one; the owner of a 代办 entry. */
  castBy: string;
  proxyId: string | null;
  householdId: string;
  buildingId: string;
  buildingName: string;
  unit: string;
  /** 代办: the grid worker or branch member who entered this owner's paper ballot for them (castBy is the owner). */
  actedBy?: { userId: string; name: string; consentNote: string } | null;
}

export interface VoteProxyDoc extends BaseDoc {
  compoundId: string;
  conventionId: string;
  voterKey: string;
  householdId: string;
  unit: string;
  grantorId: string;
  grantorName: string;
  proxyUserId: string;
  proxyName: string;
  state: 'active' | 'used' | 'revoked';
}

export interface ObjectionDoc extends BaseDoc {
  compoundId: string;
  conventionId: string;
  authorId: string;
  authorName: string;
  unit: string;
  text: string;
  answer: { text: string; by: string; at: Date } | null;
}

export interface SignatureDoc extends BaseDoc {
  compoundId: string;
  conventionId: string;
  userId: string;
}

/** 举报: one per person per item. */
export interface ReportDoc extends BaseDoc {
  compoundId: string;
  kind: import('@core/admin/rules').ModerationKind;
  refId: string;
  userId: string;
  reason: string;
  state: 'open' | 'approved' | 'hidden';
}

export interface AgendaItemDoc extends BaseDoc {
  compoundId: string;
  kind: import('@core/admin/rules').AgendaKind;
  refId: string | null;
  title: string;
  note: string;
  proposedById: string;
  proposedBy: string;
  meetingId: string | null;
  decision: { text: string; at: Date; by: string } | null;
}

export interface MeetingDoc extends BaseDoc {
  compoundId: string;
  title: string;
  at: Date;
  place: string;
  attendees: Array<{ name: string; role: string }>;
  minutes: string;
  state: 'planned' | 'held';
  createdBy: string;
}

export interface ExportDoc extends BaseDoc {
  compoundId: string;
  requestedBy: string;
  ledger: import('@core/admin/rules').Ledger;
  format: 'csv' | 'xlsx';
  filter: { from: Date | null; to: Date | null; buildingId: string | null };
  status: 'running' | 'ready' | 'failed' | 'expired';
  /** While running, the rows the ledger holds for the filter; once ready, the rows written. */
  rows: number;
  /** Rows read so far (the progress of a background export). */
  rowsDone?: number;
  /** The chunks built so far, stored as JSON until the file is put together. */
  parts?: string[];
  /** Whether the file shows whole names and phone numbers (decided by the exporter's role when asked). */
  whole?: boolean;
  /** A background export still running after this has died: it is reported failed. */
  deadlineAt?: Date | null;
  fileId: string | null;
  filename: string | null;
  expiresAt: Date | null;
  message: string | null;
}
