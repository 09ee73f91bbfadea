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
  /**
   * Grows with use (per resident, per request, per event…). A query on it that no index serves
   * times out in production once the collection is large; the emulator's strict mode refuses it.
   */
  grows?: boolean;
}

export const COLLECTIONS = {
  // a handful per deployment; the directory lists them by name
  compounds: { indexes: [{ name: 'by_name', keys: [['name', 1]] }] },
  buildings: {
    indexes: [
      { name: 'by_compound', keys: [['compoundId', 1], ['order', 1]] },
      // a grid worker's buildings, across compounds (gridUserIds is an array: one key per element)
      { name: 'by_grid_user', keys: [['gridUserIds', 1]] },
    ],
  },
  households: {
    grows: true,
    indexes: [
      { name: 'uniq_room', keys: [['compoundId', 1], ['buildingId', 1], ['unit', 1], ['room', 1]], unique: true },
      // binding looks a room up by building, which already names the compound
      { name: 'by_room', keys: [['buildingId', 1], ['unit', 1], ['room', 1]] },
    ],
  },
  users: {
    grows: true,
    indexes: [
      { name: 'uniq_openid', keys: [['openid', 1]], unique: true },
      { name: 'by_household', keys: [['householdId', 1]] },
      { name: 'by_compound_name', keys: [['compoundId', 1], ['displayName', 1]] },
      { name: 'by_compound_roles', keys: [['compoundId', 1], ['roles', 1]] },
      { name: 'by_notice_subscription', keys: [['compoundId', 1], ['subscriptions.noticeImportant', 1]] },
    ],
  },
  bindings: {
    grows: true,
    indexes: [
      { name: 'by_state', keys: [['compoundId', 1], ['state', 1], ['buildingId', 1]] },
      // one pending binding per user: pendingKey is the userId while pending, closed:<_id> after
      { name: 'uniq_pending', keys: [['pendingKey', 1]], unique: true },
      { name: 'by_user', keys: [['userId', 1], ['createdAt', -1]] },
      // a 楼栋长/网格员's queue: the bindings stamped with their id (gridUserIds is an array: one key per element)
      { name: 'by_grid_user', keys: [['gridUserIds', 1], ['compoundId', 1], ['state', 1], ['createdAt', 1]] },
    ],
  },
  audit_logs: {
    grows: true,
    indexes: [
      { name: 'by_target', keys: [['compoundId', 1], ['target', 1], ['createdAt', -1]] },
      { name: 'by_actor', keys: [['actorId', 1], ['createdAt', -1]] },
      // the console's audit log, newest first within a compound
      { name: 'by_compound_time', keys: [['compoundId', 1], ['createdAt', -1]] },
    ],
  },
  requests: {
    grows: true,
    indexes: [
      { name: 'uniq_idempotency', keys: [['reporterId', 1], ['idempotencyKey', 1]], unique: true },
      { name: 'by_state', keys: [['compoundId', 1], ['state', 1], ['dueAt', 1]] },
      // the scheduler's sweeps over every compound: overdue open requests, resolved ones left unrated
      { name: 'by_state_due', keys: [['state', 1], ['dueAt', 1]] },
      { name: 'by_state_resolved', keys: [['state', 1], ['resolvedAt', 1]] },
      // the list pages, each read in its own order: the hall by due time, public ones and a
      // resident's own newest first
      { name: 'by_hall', keys: [['compoundId', 1], ['handlers', 1], ['state', 1], ['dueAt', 1]] },
      { name: 'by_public', keys: [['compoundId', 1], ['visibility', 1], ['createdAt', -1]] },
      { name: 'by_reporter', keys: [['reporterId', 1], ['createdAt', -1]] },
      // 我认领的, and a person's handled tasks for the privacy export and erasure
      { name: 'by_assignee', keys: [['assigneeId', 1], ['updatedAt', -1]] },
      // the steps a person wrote into other people's requests (privacy export and erasure)
      { name: 'by_timeline_actor', keys: [['timeline.actorId', 1]] },
      // the ledger by period (台账)
      { name: 'by_compound_created', keys: [['compoundId', 1], ['createdAt', -1]] },
    ],
  },
  stats_counters: { indexes: [] },
  teams: {
    grows: true,
    indexes: [
      { name: 'by_compound', keys: [['compoundId', 1], ['createdAt', -1]] },
      // a leader's teams (leaders is an array of objects: a multikey index on its userId)
      { name: 'by_leader', keys: [['leaders.userId', 1]] },
    ],
  },
  team_members: {
    grows: true,
    indexes: [
      // one open membership per (team, person): activeKey teamId:userId while pending or active, closed:<_id> after
      { name: 'uniq_active_membership', keys: [['activeKey', 1]], unique: true },
      { name: 'by_team', keys: [['teamId', 1], ['status', 1], ['createdAt', 1]] },
      { name: 'by_user', keys: [['userId', 1], ['status', 1]] },
    ],
  },
  // 排班: one shift of a team's rota; `booked` is the seat counter (guarded increment)
  shifts: {
    grows: true,
    indexes: [
      { name: 'by_team', keys: [['teamId', 1], ['startAt', 1]] },
      { name: 'by_compound', keys: [['compoundId', 1], ['startAt', 1]] },
    ],
  },
  // one booking per (shift, person): _id shiftId:userId
  shift_bookings: {
    grows: true,
    indexes: [
      { name: 'by_shift', keys: [['shiftId', 1], ['status', 1]] },
      { name: 'by_user', keys: [['userId', 1], ['startAt', -1]] },
    ],
  },
  // the service-hours ledger: one record per source (a fixed _id: task-…, shift-…, event-…)
  service_records: {
    grows: true,
    indexes: [
      { name: 'by_volunteer', keys: [['userId', 1], ['startAt', -1]] },
      // a task's records by the volunteer who served it (the request detail: hours logged?)
      { name: 'by_ref', keys: [['refId', 1], ['userId', 1]] },
      { name: 'by_team_pending', keys: [['teamId', 1], ['verifiedAt', 1]] },
      { name: 'by_compound_pending', keys: [['compoundId', 1], ['source', 1], ['verifiedAt', 1]] },
      { name: 'by_compound_month', keys: [['compoundId', 1], ['month', 1]] },
      { name: 'by_compound_start', keys: [['compoundId', 1], ['startAt', -1]] },
      // a record's corrections (one live correction per record)
      { name: 'by_corrects', keys: [['corrects', 1]] },
      // a compound's corrections: the originals they replace come out of the aggregated figures
      { name: 'by_compound_corrects', keys: [['compoundId', 1], ['corrects', 1]] },
    ],
  },
  // 志愿服务证明: _id is the certificate number, checked by anyone
  certificates: { grows: true, indexes: [{ name: 'by_user', keys: [['userId', 1], ['createdAt', -1]] }] },
  // 五星楼栋长: one rating per resident per month (_id month:raterId)
  leader_ratings: {
    grows: true,
    indexes: [
      { name: 'by_month', keys: [['compoundId', 1], ['month', 1]] },
      // a person's ratings (privacy export and erasure)
      { name: 'by_rater', keys: [['raterId', 1]] },
    ],
  },
  conventions: {
    grows: true,
    indexes: [
      { name: 'by_compound', keys: [['compoundId', 1], ['updatedAt', -1]] },
      // the scheduler closes votes at their end, in every compound
      { name: 'by_phase_end', keys: [['phase', 1], ['vote.endsAt', 1]] },
      // an auditor's conventions (privacy export and erasure)
      { name: 'by_auditor', keys: [['auditors.userId', 1]] },
    ],
  },
  // every version of a convention's text (_id conventionId:v<n>)
  convention_versions: { grows: true, indexes: [{ name: 'by_convention', keys: [['conventionId', 1], ['version', -1]] }] },
  convention_comments: {
    grows: true,
    indexes: [
      { name: 'by_article', keys: [['conventionId', 1], ['articleNo', 1], ['createdAt', 1]] },
      { name: 'by_author', keys: [['authorId', 1]] },
      // the console's moderation queue
      { name: 'by_moderation', keys: [['compoundId', 1], ['moderation', 1], ['createdAt', -1]] },
    ],
  },
  // one support per (comment, person): _id commentId:userId
  comment_supports: {
    grows: true,
    indexes: [
      { name: 'by_user_convention', keys: [['userId', 1], ['conventionId', 1]] },
      // a convention's supports by comment, counted by the reconciliation
      { name: 'by_convention_comment', keys: [['conventionId', 1], ['commentId', 1]] },
    ],
  },
  // the register a vote is counted against, fixed when it opens: one entry per unit (or resident)
  vote_register: {
    grows: true,
    indexes: [
      { name: 'by_building', keys: [['conventionId', 1], ['buildingId', 1], ['unit', 1]] },
      { name: 'by_user', keys: [['userId', 1]] },
      // a unit's entry read with the caller (convention.get)
      { name: 'by_household', keys: [['conventionId', 1], ['householdId', 1]] },
    ],
  },
  ballots: {
    grows: true,
    indexes: [
      // one ballot per voter key: an owner (units summed), a household, or a resident
      { name: 'uniq_household_ballot', keys: [['conventionId', 1], ['voterKey', 1]], unique: true },
      { name: 'by_convention', keys: [['conventionId', 1], ['createdAt', 1]] },
      { name: 'by_caster', keys: [['castBy', 1]] },
      // the ballots cast for the caller's unit, read with the caller (convention.get)
      { name: 'by_household', keys: [['conventionId', 1], ['householdId', 1]] },
      // 代办 entries by the worker who made them (privacy export and erasure)
      { name: 'by_acting', keys: [['actedBy.userId', 1]] },
    ],
  },
  // written proxies (委托书): _id conventionId:voterKey, one per voter key
  vote_proxies: {
    grows: true,
    indexes: [
      { name: 'by_convention', keys: [['conventionId', 1], ['createdAt', 1]] },
      { name: 'by_holder', keys: [['proxyUserId', 1], ['conventionId', 1]] },
      { name: 'by_grantor', keys: [['grantorId', 1], ['conventionId', 1]] },
    ],
  },
  convention_objections: {
    grows: true,
    indexes: [
      { name: 'by_convention', keys: [['conventionId', 1], ['createdAt', 1]] },
      { name: 'by_author', keys: [['authorId', 1]] },
    ],
  },
  // 签署承诺: _id conventionId:userId, once per person
  convention_signatures: {
    grows: true,
    indexes: [
      { name: 'by_user', keys: [['userId', 1]] },
      // a convention's signatures, counted by the reconciliation
      { name: 'by_convention', keys: [['conventionId', 1]] },
    ],
  },
  events: {
    grows: true,
    indexes: [
      { name: 'by_start', keys: [['compoundId', 1], ['startAt', 1]] },
      // the scheduler's reminder sweep: published events starting soon, in every compound
      { name: 'by_state_start', keys: [['state', 1], ['startAt', 1]] },
      { name: 'by_organizer', keys: [['organizerId', 1]] },
    ],
  },
  registrations: {
    grows: true,
    indexes: [
      { name: 'uniq_event_user', keys: [['eventId', 1], ['userId', 1]], unique: true },
      { name: 'by_queue', keys: [['eventId', 1], ['status', 1], ['queuedAt', 1]] },
      // the waitlist by number: its head (promotion) and the count ahead of someone (their place)
      { name: 'by_waitlist_no', keys: [['eventId', 1], ['status', 1], ['waitlistNo', 1]] },
      // 我的报名, and the privacy export and erasure
      { name: 'by_user', keys: [['userId', 1], ['eventStartAt', -1]] },
      { name: 'by_compound_start', keys: [['compoundId', 1], ['eventStartAt', -1]] },
      // 活动报名台账 per building
      { name: 'by_compound_building_start', keys: [['compoundId', 1], ['buildingId', 1], ['eventStartAt', -1]] },
    ],
  },
  notices: {
    grows: true,
    indexes: [
      { name: 'by_publish', keys: [['compoundId', 1], ['state', 1], ['publishAt', -1]] },
      // important notices not yet announced (notifiedAt null), in every compound
      { name: 'by_announcement', keys: [['important', 1], ['notifiedAt', 1], ['publishAt', 1]] },
      // the notice list: pinned first, then newest
      { name: 'by_pinned', keys: [['compoundId', 1], ['state', 1], ['pinned', -1], ['publishAt', -1]] },
      { name: 'by_publisher', keys: [['publisherId', 1]] },
    ],
  },
  notice_reads: {
    grows: true,
    indexes: [
      { name: 'uniq_notice_user', keys: [['noticeId', 1], ['userId', 1]], unique: true },
      { name: 'by_user', keys: [['userId', 1]] },
    ],
  },
  // every edit of a published notice (物业公示 history is public)
  notice_versions: {
    grows: true,
    indexes: [
      { name: 'by_notice', keys: [['noticeId', 1], ['version', -1]] },
      // a person's edits, for the privacy export and erasure
      { name: 'by_editor', keys: [['editorId', 1]] },
    ],
  },
  notice_household_reads: { grows: true, indexes: [{ name: 'by_notice', keys: [['noticeId', 1], ['buildingId', 1]] }] },
  moderation: { grows: true, indexes: [] },
  // 举报: one report per person per item (_id kind:refId:userId)
  reports: {
    grows: true,
    indexes: [
      { name: 'by_item', keys: [['compoundId', 1], ['state', 1], ['createdAt', -1]] },
      { name: 'by_user', keys: [['userId', 1]] },
    ],
  },
  // 三方联席会议: agenda items (a request, an article, a proposal) and the meetings that decide them
  agenda_items: {
    grows: true,
    indexes: [
      { name: 'by_meeting', keys: [['compoundId', 1], ['meetingId', 1], ['createdAt', 1]] },
      { name: 'by_proposer', keys: [['proposedById', 1]] },
      { name: 'by_ref', keys: [['refId', 1]] },
    ],
  },
  meetings: { grows: true, indexes: [{ name: 'by_compound', keys: [['compoundId', 1], ['at', -1]] }] },
  // ledger exports produced in storage (an expiring link, not a function reply)
  exports: {
    grows: true,
    indexes: [
      { name: 'by_requester', keys: [['requestedBy', 1], ['createdAt', -1]] },
      // the sweep: stalled running exports, expired files
      { name: 'by_status_updated', keys: [['status', 1], ['updatedAt', 1]] },
      { name: 'by_status_expires', keys: [['status', 1], ['expiresAt', 1]] },
    ],
  },
  // 消息中心: what happened to a person's things, written by the messages port
  inbox: { grows: true, indexes: [{ name: 'by_user', keys: [['userId', 1], ['createdAt', -1]] }] },
  subscriptions: { grows: true, indexes: [] },
} satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];
