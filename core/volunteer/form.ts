// The pure parts of the volunteer forms (报名加入, 申请更正, 为队员登记时长): blank forms, the forms as the
// actions' inputs, and the checks that need no schema. The pages' hooks keep the state and send.
import type { InputOf } from '../contract';
import { formDay, formTimeToIso, isoToFormTime } from '../time';
import type { TeamView, VolunteerContract } from './contract';
import type { TeamKind } from './rules';

type Instant = Date | string | number;

/** 「急救、电工」 → ['急救', '电工']: the separators people type. */
export function splitSkills(text: string): string[] {
  return text
    .split(/[,，、;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface JoinForm {
  /** As typed: separated by 、 or commas or spaces. */
  skills: string;
  availability: string;
}

export const blankJoinForm = (): JoinForm => ({ skills: '', availability: '' });

export function joinInput(teamId: string, form: JoinForm): InputOf<VolunteerContract['join']> {
  const availability = form.availability.trim();
  return { teamId, skills: splitSkills(form.skills), ...(availability ? { availability } : {}) };
}

/** 申请更正: the times as recorded, to be changed, and why. */
export interface CorrectionForm {
  start: string;
  end: string;
  reason: string;
}

export function correctionFormOf(record: { startAt: Instant; endAt: Instant }): CorrectionForm {
  return { start: isoToFormTime(record.startAt), end: isoToFormTime(record.endAt), reason: '' };
}

export function correctionInput(recordId: string, form: CorrectionForm): InputOf<VolunteerContract['correctService']> {
  return { recordId, startAt: formTimeToIso(form.start), endAt: formTimeToIso(form.end), reason: form.reason.trim() };
}

/** A leader logs service for a member of the team: who, when, what. */
export interface LogForm {
  volunteerId: string | null;
  start: string;
  end: string;
  content: string;
}

/** Today 09:00–11:00 (China time), nobody chosen. */
export function blankLogForm(now: Instant): LogForm {
  return { volunteerId: null, start: formDay(0, '09:00', now), end: formDay(0, '11:00', now), content: '' };
}

/** The member is chosen, not typed: say so before the schema does. */
export function logChoiceProblem(form: LogForm): string | null {
  return form.volunteerId ? null : '请选择队员';
}

export function logServiceInput(teamId: string, form: LogForm): InputOf<VolunteerContract['logService']> {
  return { source: 'other', teamId, volunteerId: form.volunteerId ?? '', startAt: formTimeToIso(form.start), endAt: formTimeToIso(form.end), content: form.content.trim() };
}

/** 队伍设置: what a leader may change of their team (the leaders themselves are the committee's to name). */
export interface TeamForm {
  name: string;
  kind: TeamKind;
  description: string;
  /** As typed; 0 for no limit. */
  capacity: string;
  needsApproval: boolean;
  risky: boolean;
  /** As typed: separated by 、 or commas or spaces. */
  skills: string;
  contact: string;
}

type TeamNow = Pick<TeamView, 'teamId' | 'name' | 'kind' | 'description' | 'capacity' | 'needsApproval' | 'risky' | 'skillsSought' | 'contact'>;

export function teamFormOf(t: TeamNow): TeamForm {
  return {
    name: t.name, kind: t.kind, description: t.description, capacity: String(t.capacity), needsApproval: t.needsApproval, risky: t.risky,
    skills: t.skillsSought.join('、'), contact: t.contact,
  };
}

/** 组建服务队: a new team needs approval to join and takes anyone (0) until the committee says otherwise. */
export const BLANK_TEAM: TeamForm = { name: '', kind: 'patrol', description: '', capacity: '0', needsApproval: true, risky: false, skills: '', contact: '' };

/** The capacity as typed: empty is 0 (no limit); anything else goes to the contract as a number (it refuses what is not one). */
function capacityOf(form: TeamForm): number {
  return form.capacity.trim() === '' ? 0 : Number(form.capacity.trim());
}

/** A new team with these leaders (the contact left out when empty). */
export function teamCreateInput(form: TeamForm, leaderIds: string[]): InputOf<VolunteerContract['createTeam']> {
  const contact = form.contact.trim();
  return {
    name: form.name.trim(), kind: form.kind, description: form.description.trim(), capacity: capacityOf(form), needsApproval: form.needsApproval, risky: form.risky,
    leaderIds, skillsSought: splitSkills(form.skills), ...(contact ? { contact } : {}),
  };
}

/** Only what changed: a save that changes nothing sends the team id alone. */
export function teamUpdateInput(t: TeamNow, form: TeamForm): InputOf<VolunteerContract['updateTeam']> {
  const out: InputOf<VolunteerContract['updateTeam']> = { teamId: t.teamId };
  const name = form.name.trim();
  const description = form.description.trim();
  const capacity = capacityOf(form);
  const skills = splitSkills(form.skills);
  const contact = form.contact.trim();
  if (name !== t.name) out.name = name;
  if (form.kind !== t.kind) out.kind = form.kind;
  if (description !== t.description) out.description = description;
  if (capacity !== t.capacity) out.capacity = capacity;
  if (form.needsApproval !== t.needsApproval) out.needsApproval = form.needsApproval;
  if (form.risky !== t.risky) out.risky = form.risky;
  if (skills.join('|') !== t.skillsSought.join('|')) out.skillsSought = skills;
  if (contact !== t.contact) out.contact = contact;
  return out;
}
