// The pure parts of the 工作台 forms (召开会议, 会议决定, 参会人员与纪要, 台账导出): blank forms, the
// forms as the actions' inputs, and the checks that need no schema. The pages' hooks keep the state.
import type { InputOf } from '../contract';
import { china, formDay, formTimeToIso, fromChina } from '../time';
import type { AdminContract, MeetingView } from './contract';
import type { Ledger } from './rules';

type Instant = Date | string | number;

export interface MeetingForm {
  title: string;
  /** A form time, 'YYYY-MM-DD HH:mm' (China time). */
  when: string;
  place: string;
}

/** A week from today at 19:00, in the usual room. */
export function blankMeetingForm(now: Instant): MeetingForm {
  return { title: '', when: formDay(7, '19:00', now), place: '党群服务中心会议室' };
}

/** The meeting with the agenda items picked for it (none: they can be scheduled later). */
export function meetingInput(form: MeetingForm, itemIds: readonly string[]): InputOf<AdminContract['createMeeting']> {
  return { title: form.title.trim(), at: formTimeToIso(form.when), place: form.place.trim(), ...(itemIds.length ? { itemIds: [...itemIds] } : {}) };
}

export function decisionInput(itemId: string, text: string): InputOf<AdminContract['decide']> {
  return { itemId, decision: text.trim() };
}

/** An empty decision is asked for in the meeting's words, not the schema's. */
export function decisionProblem(input: { decision: string }): string | null {
  return input.decision ? null : '请写下会议的决定';
}

export type Attendee = MeetingView['attendees'][number];

export interface MinutesForm {
  attendees: Attendee[];
  minutes: string;
}

/** The three parties of a 三方联席会议 to fill in, unless the meeting already has its attendees. */
export function minutesFormOf(meeting: Pick<MeetingView, 'attendees' | 'minutes'>): MinutesForm {
  const attendees = meeting.attendees.length ? meeting.attendees : [{ name: '', role: '党支部' }, { name: '', role: '业委会' }, { name: '', role: '物业' }];
  return { attendees: attendees.map((a) => ({ ...a })), minutes: meeting.minutes };
}

/** Attendees without a name are left out (an unfilled row of the three). */
export function minutesInput(meetingId: string, form: MinutesForm): InputOf<AdminContract['recordMinutes']> {
  const attendees = form.attendees.map((a) => ({ name: a.name.trim(), role: a.role.trim() })).filter((a) => a.name);
  return { meetingId, minutes: form.minutes.trim(), attendees };
}

export function minutesProblem(input: { minutes: string }): string | null {
  return input.minutes ? null : '请填写会议纪要';
}

/** '2026-11-01' (China time) → the instant the day starts; `end` gives the start of the next day (periods end before it). */
export function dayBound(day: string, end = false): string {
  // china() carries the wall clock in a UTC-mode dayjs: its own offset (Z) would say +00:00
  const start = china(fromChina(day));
  return `${(end ? start.add(1, 'day') : start).format('YYYY-MM-DD')}T00:00:00+08:00`;
}

export type LedgerFormat = 'csv' | 'xlsx';

export interface LedgerForm {
  ledger: Ledger;
  format: LedgerFormat;
  /** Days, 'YYYY-MM-DD'; empty: no bound. */
  from: string;
  to: string;
  /** 'all' or one building (the ledgers that have one: ledgerByBuilding). */
  buildingId: string;
  /** An officer's choice of compound in scope; empty: the caller's own. */
  compoundId: string;
}

export const blankLedgerForm = (): LedgerForm => ({ ledger: 'requests', format: 'xlsx', from: '', to: '', buildingId: 'all', compoundId: '' });

/** The ledgers whose rows have a building (service records and the audit log have none: refused there). */
export const ledgerByBuilding = (ledger: Ledger): boolean => ledger !== 'service_records' && ledger !== 'audit';

export function ledgerPeriodProblem(form: LedgerForm): string | null {
  return form.from && form.to && form.from > form.to ? '开始日期不能晚于结束日期' : null;
}

/** The period as instants (the whole of both days); the building only where the ledger has one. */
export function ledgerExportInput(form: LedgerForm): InputOf<AdminContract['exportLedger']> {
  return {
    ledger: form.ledger,
    format: form.format,
    ...(form.from ? { from: dayBound(form.from) } : {}),
    ...(form.to ? { to: dayBound(form.to, true) } : {}),
    ...(ledgerByBuilding(form.ledger) && form.buildingId !== 'all' ? { buildingId: form.buildingId } : {}),
    ...(form.compoundId ? { compoundId: form.compoundId } : {}),
  };
}
