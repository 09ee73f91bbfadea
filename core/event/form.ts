// The 发布活动 / 编辑活动 form as plain data: a blank form (tomorrow afternoon), a form from a stored
// event, the form as the contract's create input (or the one problem with it), and what an edit
// changed. No React, no Taro: the time is passed in.
import type { InputOf } from '../contract';
import { formDay, formTimeToIso, isoToFormTime } from '../time';
import type { EventContract, EventView } from './contract';
import type { AudienceKind } from './rules';

export type CreateInput = InputOf<EventContract['create']>;

/** The one problem with a form, and the field it is about. */
export interface FormIssue {
  message: string;
  field?: string;
}

export interface EventForm {
  title: string;
  description: string;
  place: string;
  /** As typed; '0' = no limit. */
  capacity: string;
  /** 'YYYY-MM-DD HH:mm' Beijing. */
  start: string;
  end: string;
  deadline: string;
  audience: AudienceKind;
  buildingIds: string[];
  creditsHours: boolean;
}

/** A new event: tomorrow 14:00–16:00, sign up until 12:00, for everyone. */
export function blankEventForm(now: Date): EventForm {
  return {
    title: '',
    description: '',
    place: '',
    capacity: '',
    start: formDay(1, '14:00', now),
    end: formDay(1, '16:00', now),
    deadline: formDay(1, '12:00', now),
    audience: 'all',
    buildingIds: [],
    creditsHours: false,
  };
}

export function eventFormOf(v: EventView): EventForm {
  return {
    title: v.title,
    description: v.description,
    place: v.place,
    capacity: String(v.capacity),
    start: isoToFormTime(v.startAt),
    end: isoToFormTime(v.endAt),
    deadline: isoToFormTime(v.signupDeadline),
    audience: v.audience.kind,
    buildingIds: v.audience.buildingIds,
    creditsHours: v.creditsHours,
  };
}

/** The form as the contract's create input, or the problem with the form and the field it is about. */
export function eventInputOf(f: EventForm): CreateInput | FormIssue {
  const capacity = f.capacity.trim();
  if (!capacity) return { message: '请填写名额，不限人数请填 0', field: 'capacity' };
  if (f.audience === 'buildings' && !f.buildingIds.length) return { message: '请选择可以报名的楼栋', field: 'audience' };
  return {
    title: f.title.trim(),
    description: f.description.trim(),
    startAt: formTimeToIso(f.start),
    endAt: formTimeToIso(f.end),
    place: f.place.trim(),
    capacity: Number(capacity),
    signupDeadline: formTimeToIso(f.deadline),
    audience: f.audience === 'buildings' ? { kind: 'buildings', buildingIds: [...f.buildingIds].sort() } : { kind: f.audience },
    creditsHours: f.creditsHours,
  };
}

/** The form's field for a contract field (the three times share one card). */
export function eventFieldOf(key: string | undefined): string | undefined {
  return key === 'startAt' || key === 'endAt' || key === 'signupDeadline' ? 'times' : key;
}

/** Only the fields an edit changed. */
export function eventEdits(before: CreateInput, after: CreateInput): Partial<CreateInput> {
  const out: Partial<CreateInput> = {};
  for (const key of Object.keys(after) as Array<keyof CreateInput>) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) Object.assign(out, { [key]: after[key] });
  }
  return out;
}
