// The pure parts of the user forms (房屋认证, 个人资料): a blank form, the form as the action's input,
// and the checks that need no schema. The page's hook keeps the state and calls the action.
import type { InputOf } from '../contract';
import { isMinorBy } from '../volunteer/rules';
import type { GridMap, RELATIONS, Session, UserContract } from './contract';

/** A problem for the form, and the field it is about when there is one. */
export interface FormIssue {
  message: string;
  field?: string;
}

export type Relation = (typeof RELATIONS)[number];

export interface BindingForm {
  buildingId: string | null;
  unit: string | null;
  room: string;
  relation: Relation;
  name: string;
  phone: string;
}

/** The placeholder name every new user starts with; the form asks for a real one instead. */
const DEFAULT_NAME = '邻居';

export function blankBindingForm(displayName?: string): BindingForm {
  return { buildingId: null, unit: null, room: '', relation: 'owner', name: !displayName || displayName === DEFAULT_NAME ? '' : displayName, phone: '' };
}

/** The building and unit are chosen, not typed: say which is missing before the schema does. */
export function bindingChoiceProblem(form: BindingForm): FormIssue | null {
  if (!form.buildingId) return { message: '请选择楼栋', field: 'buildingId' };
  if (!form.unit) return { message: '请选择单元', field: 'unit' };
  return null;
}

export function bindingInput(form: BindingForm): InputOf<UserContract['requestBinding']> {
  const phone = form.phone.trim();
  return {
    buildingId: form.buildingId ?? '',
    unit: form.unit ?? '',
    room: form.room.trim(),
    relation: form.relation,
    name: form.name.trim(),
    ...(phone ? { phone } : {}),
  };
}

type Profile = Session['profile'];
export type PartyKind = 'registered' | 'mobile';

export interface ProfileForm {
  name: string;
  /** A new phone; empty keeps the one on record. */
  phone: string;
  member: boolean;
  kind: PartyKind;
  badge: boolean;
  birthYear: string;
  guardian: { name: string; phone: string; relation: string };
}

export const blankGuardian = (): ProfileForm['guardian'] => ({ name: '', phone: '', relation: '' });

export function profileFormOf(profile: Profile): ProfileForm {
  return {
    name: profile.displayName,
    phone: '',
    member: !!profile.party?.member,
    kind: profile.party?.kind ?? 'registered',
    badge: !!profile.party?.showBadge,
    birthYear: profile.birthYear ? String(profile.birthYear) : '',
    guardian: blankGuardian(),
  };
}

/**
 * What to send: the name always; a phone, birth year or guardian only when given or changed; party
 * membership only with its own consent (without it the field is not sent at all).
 */
export function profileInput(form: ProfileForm, profile: Profile, partyConsent: boolean): InputOf<UserContract['updateProfile']> {
  const data: InputOf<UserContract['updateProfile']> = { displayName: form.name };
  const phone = form.phone.trim();
  if (phone) data.phone = phone;
  const year = form.birthYear.trim() ? Number(form.birthYear.trim()) : null;
  if (year !== (profile.birthYear ?? null)) data.birthYear = year;
  const g = { name: form.guardian.name.trim(), phone: form.guardian.phone.trim(), relation: form.guardian.relation.trim() };
  if (g.name || g.phone || g.relation) data.guardian = g;
  if (partyConsent) data.party = form.member ? { member: true, kind: form.kind, showBadge: form.badge } : null;
  return data;
}

/**
 * Whether to ask for a guardian: not when one is on record; yes when the server says the person is a
 * minor, or the year being typed would make them one (before it is saved, so the guardian can be
 * sent with it).
 */
export function asksGuardian(form: ProfileForm, profile: Profile, now: Date): boolean {
  if (profile.guardianConsent) return false;
  const typed = form.birthYear.trim();
  return !!profile.minor || (/^\d{4}$/.test(typed) && isMinorBy(Number(typed), now));
}

/** What a 楼栋长/网格员 is given: building ids, and units as `buildingId:unit` keys (one choice each). */
export interface GridAssignment {
  buildings: string[];
  units: string[];
}

export const unitKey = (buildingId: string, unit: string): string => `${buildingId}:${unit}`;

/** Where the person leads today, as the form starts. */
export function gridAssignmentOf(grid: GridMap, userId: string): GridAssignment {
  return {
    buildings: grid.buildings.filter((b) => b.grid.some((g) => g.userId === userId)).map((b) => b.buildingId),
    units: grid.buildings.flatMap((b) => b.units.filter((u) => u.leaders.some((l) => l.userId === userId)).map((u) => unitKey(b.buildingId, u.unit))),
  };
}

export function gridAssignmentInput(userId: string, a: GridAssignment): InputOf<UserContract['assignGrid']> {
  return {
    userId,
    buildingIds: a.buildings,
    units: a.units.map((k) => {
      const at = k.indexOf(':');
      return { buildingId: k.slice(0, at), unit: k.slice(at + 1) };
    }),
  };
}

/** `key` in the list or out of it. */
export function toggled<T>(list: readonly T[], key: T): T[] {
  return list.includes(key) ? list.filter((k) => k !== key) : [...list, key];
}
