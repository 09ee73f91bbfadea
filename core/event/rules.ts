// 活动报名: who may register, capacity and the waitlist, check-in windows. Pure: time comes in.

/** Who publishes and runs events (DESIGN §2): the owners' committee; the party branch may do everything. */
export const EVENT_ORGANISERS = ['committee', 'branch'] as const;

export const AUDIENCE_KINDS = ['all', 'buildings', 'members'] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

export interface Audience {
  kind: AudienceKind;
  buildingIds?: string[];
}

export interface EventFacts {
  state: 'published' | 'cancelled';
  startAt: Date;
  endAt: Date;
  signupDeadline: Date;
  /** 0 = unlimited */
  capacity: number;
  audience: Audience;
}

export interface Attendee {
  roles: readonly string[];
  buildingId: string | null;
}

export type EventVerdict = { ok: true } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT'; message: string };

export function inAudience(audience: Audience, who: Attendee): boolean {
  if (audience.kind === 'all') return true;
  if (audience.kind === 'members') return who.roles.includes('member');
  return !!who.buildingId && (audience.buildingIds ?? []).includes(who.buildingId);
}

/** May this person register now? Capacity is not decided here: seats are taken atomically. */
export function canRegister(e: EventFacts, who: Attendee, now: Date): EventVerdict {
  if (e.state === 'cancelled') return { ok: false, code: 'CONFLICT', message: '活动已取消' };
  if (!inAudience(e.audience, who)) {
    const message = e.audience.kind === 'members' ? '本活动仅限党员/志愿者报名' : '本活动仅限指定楼栋的居民报名';
    return { ok: false, code: 'FORBIDDEN', message };
  }
  if (now.getTime() > e.signupDeadline.getTime()) return { ok: false, code: 'CONFLICT', message: '报名已截止' };
  if (now.getTime() >= e.endAt.getTime()) return { ok: false, code: 'CONFLICT', message: '活动已结束' };
  return { ok: true };
}

export function isUnlimited(capacity: number): boolean {
  return capacity === 0;
}

/** Places left, or null for an unlimited event. */
export function placesLeft(capacity: number, confirmed: number): number | null {
  return isUnlimited(capacity) ? null : Math.max(0, capacity - confirmed);
}

/** A capacity change: growing frees places for the waitlist; shrinking below the confirmed is refused. */
export function checkCapacityChange(newCapacity: number, confirmed: number): EventVerdict {
  if (!isUnlimited(newCapacity) && newCapacity < confirmed) {
    return { ok: false, code: 'CONFLICT', message: `已有 ${confirmed} 人报名成功，名额不能少于 ${confirmed}` };
  }
  return { ok: true };
}

export interface EventTimes {
  startAt: Date;
  endAt: Date;
  signupDeadline: Date;
}

/** The times an organiser enters must make sense together. */
export function checkTimes(t: EventTimes, now: Date, isNew: boolean): string | null {
  if (t.endAt.getTime() <= t.startAt.getTime()) return '结束时间要晚于开始时间';
  if (t.signupDeadline.getTime() > t.startAt.getTime()) return '报名截止时间不能晚于活动开始';
  if (isNew && t.endAt.getTime() <= now.getTime()) return '活动时间已过';
  if (t.endAt.getTime() - t.startAt.getTime() > 14 * 24 * 3_600_000) return '单次活动不能超过 14 天';
  return null;
}

/** Check-in opens 30 minutes before the start and closes 30 minutes after the end. */
export const CHECKIN_MARGIN_MS = 30 * 60_000;
/** The organiser's code changes every minute; the previous minute's code is still accepted. */
export const CHECKIN_WINDOW_MS = 60_000;

export function checkinOpen(e: { startAt: Date; endAt: Date }, now: Date): boolean {
  const t = now.getTime();
  return t >= e.startAt.getTime() - CHECKIN_MARGIN_MS && t <= e.endAt.getTime() + CHECKIN_MARGIN_MS;
}

export function checkinWindow(now: Date): number {
  return Math.floor(now.getTime() / CHECKIN_WINDOW_MS);
}

/** Volunteer hours credited for attending: the event's length, in half hours, at most 8 h a day. */
export function creditedHours(e: { startAt: Date; endAt: Date }): number {
  const hours = (e.endAt.getTime() - e.startAt.getTime()) / 3_600_000;
  return Math.min(8, Math.round(hours * 2) / 2);
}

/** Reminders go out this long before the start to confirmed registrants who asked. */
export const REMIND_BEFORE_MS = 2 * 3_600_000;
