// The one declaration of every collection and its indexes. The emulator enforces it; the
// provisioning script (scripts/provision.ts) creates the same collections and indexes on CloudBase.

export interface IndexSpec {
  name: string;
  keys: Array<[field: string, direction: 1 | -1]>;
  unique?: boolean;
}

// A unique index holds for every document, missing fields counting as null (MongoDB; CloudBase
// offers no sparse or partial index). "One active X per Y" therefore keeps the key present on
// every document: the natural key while active, `closed:<_id>` once it is not.

export interface CollectionSpec {
  indexes: IndexSpec[];
}

export const COLLECTIONS = {
  compounds: { indexes: [] },
  buildings: { indexes: [{ name: 'by_compound', keys: [['compoundId', 1], ['order', 1]] }] },
  households: {
    indexes: [
      { name: 'uniq_room', keys: [['compoundId', 1], ['buildingId', 1], ['unit', 1], ['room', 1]], unique: true },
    ],
  },
  users: {
    indexes: [
      { name: 'uniq_openid', keys: [['openid', 1]], unique: true },
      { name: 'by_household', keys: [['householdId', 1]] },
    ],
  },
  bindings: {
    indexes: [
      { name: 'by_state', keys: [['compoundId', 1], ['state', 1], ['buildingId', 1]] },
      // one pending binding per user: pendingKey is the userId while pending, closed:<_id> after
      { name: 'uniq_pending', keys: [['pendingKey', 1]], unique: true },
    ],
  },
  audit_logs: { indexes: [{ name: 'by_target', keys: [['compoundId', 1], ['target', 1], ['createdAt', -1]] }] },
  requests: {
    indexes: [
      { name: 'uniq_idempotency', keys: [['reporterId', 1], ['idempotencyKey', 1]], unique: true },
      { name: 'by_state', keys: [['compoundId', 1], ['state', 1], ['dueAt', 1]] },
    ],
  },
  stats_counters: { indexes: [] },
  teams: { indexes: [] },
  team_members: {
    indexes: [{ name: 'uniq_active_membership', keys: [['activeKey', 1]], unique: true }],
  },
  service_records: { indexes: [{ name: 'by_volunteer', keys: [['userId', 1], ['startAt', -1]] }] },
  conventions: { indexes: [] },
  convention_comments: { indexes: [] },
  ballots: { indexes: [{ name: 'uniq_household_ballot', keys: [['conventionId', 1], ['voterKey', 1]], unique: true }] },
  events: { indexes: [{ name: 'by_start', keys: [['compoundId', 1], ['startAt', 1]] }] },
  registrations: {
    indexes: [
      { name: 'uniq_event_user', keys: [['eventId', 1], ['userId', 1]], unique: true },
      { name: 'by_queue', keys: [['eventId', 1], ['status', 1], ['queuedAt', 1]] },
    ],
  },
  notices: { indexes: [{ name: 'by_publish', keys: [['compoundId', 1], ['state', 1], ['publishAt', -1]] }] },
  notice_reads: { indexes: [{ name: 'uniq_notice_user', keys: [['noticeId', 1], ['userId', 1]], unique: true }] },
  notice_versions: { indexes: [{ name: 'by_notice', keys: [['noticeId', 1], ['version', -1]] }] },
  notice_household_reads: { indexes: [{ name: 'by_notice', keys: [['noticeId', 1], ['buildingId', 1]] }] },
  moderation: { indexes: [] },
  // 消息中心: what happened to a person's things, written by the messages port
  inbox: { indexes: [{ name: 'by_user', keys: [['userId', 1], ['createdAt', -1]] }] },
  subscriptions: { indexes: [] },
} satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];
