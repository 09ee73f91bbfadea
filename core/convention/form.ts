// The pure parts of the convention forms (起草/修改公约, 开始征求意见, 发起表决): blank forms, the forms
// as the actions' inputs, and the checks of times that the schemas cannot make (they need `now`).
import type { InputOf } from '../contract';
import { formDay, formTimeToIso } from '../time';
import type { ConventionContract } from './contract';
import { defaultRule, ruleTooWeak, votingWindowProblem, type ConventionKind, type Electorate, type VoteRule } from './rules';

/** A problem for the form, and the field it is about when there is one. */
export interface FormIssue {
  message: string;
  field?: string;
}

export interface DraftArticle {
  /** A stable key for React while articles move. */
  key: number;
  title: string;
  body: string;
}

export interface ConventionForm {
  title: string;
  kind: ConventionKind;
  summary: string;
  articles: DraftArticle[];
  /** A revision only: what changed, and the comments it takes up. */
  changelog: string;
  adopted: string[];
}

interface Original {
  title: string;
  kind: ConventionKind;
  summary: string;
  articles: ReadonlyArray<{ title: string; body: string }>;
}

/** A new draft (one empty article) or the convention being revised; `key` numbers the articles. */
export function conventionFormOf(original: Original | null, key: () => number): ConventionForm {
  if (!original) return { title: '', kind: 'residents_convention', summary: '', articles: [{ key: key(), title: '', body: '' }], changelog: '', adopted: [] };
  return { title: original.title, kind: original.kind, summary: original.summary, articles: original.articles.map((a) => ({ key: key(), title: a.title, body: a.body })), changelog: '', adopted: [] };
}

/** Trimmed; an article left wholly blank is dropped, not sent. */
function draftOf(form: ConventionForm) {
  const articles = form.articles.map((a) => ({ title: a.title.trim(), body: a.body.trim() })).filter((a) => a.title || a.body);
  const summary = form.summary.trim();
  return { title: form.title.trim(), ...(summary ? { summary } : {}), articles };
}

export function createConventionInput(form: ConventionForm): InputOf<ConventionContract['create']> {
  return { ...draftOf(form), kind: form.kind };
}

/** A revision: the kind stays; the changelog and the comments it takes up go with it. */
export function updateConventionInput(form: ConventionForm, conventionId: string): InputOf<ConventionContract['update']> {
  return { conventionId, ...draftOf(form), changelog: form.changelog.trim(), ...(form.adopted.length ? { adoptedCommentIds: form.adopted } : {}) };
}

/** 征求意见截止时间 (optional, a form time): it must be after `now`. */
export function consultationEndProblem(until: string | null, now: Date): string | null {
  if (until && Date.parse(formTimeToIso(until)) <= now.getTime()) return '征求意见截止时间必须晚于现在';
  return null;
}

export function startConsultationInput(conventionId: string, until: string | null): InputOf<ConventionContract['startConsultation']> {
  return until ? { conventionId, endsAt: formTimeToIso(until) } : { conventionId };
}

export interface Auditor {
  userId: string;
  name: string;
}

export const MAX_AUDITORS = 9;

export interface OpenVotingForm {
  rule: VoteRule;
  /** A residents' meeting only: who votes. */
  electorate: Electorate;
  /** Start on submit instead of at `start`. */
  startNow: boolean;
  start: string;
  end: string;
  auditors: Auditor[];
}

/** The rule the law gives this kind; voting from tomorrow 08:00 to a week later 20:00 unless started now. */
export function blankOpenVotingForm(kind: ConventionKind, now: Date): OpenVotingForm {
  return { rule: defaultRule(kind), electorate: 'households', startNow: true, start: formDay(1, '08:00', now), end: formDay(8, '20:00', now), auditors: [] };
}

/** The window checked against `now` (the server checks it again): on the `window` field. */
export function openVotingWindowProblem(form: OpenVotingForm, now: Date): FormIssue | null {
  const startsAt = form.startNow ? now : new Date(formTimeToIso(form.start));
  const problem = votingWindowProblem(startsAt, new Date(formTimeToIso(form.end)), now);
  return problem ? { message: problem, field: 'window' } : null;
}

/** A binding rule weaker than the kind takes (the server checks it again): on the `rule` field. */
export function openVotingRuleProblem(form: OpenVotingForm, kind: ConventionKind): FormIssue | null {
  const problem = ruleTooWeak(kind, form.rule);
  return problem ? { message: problem, field: 'rule' } : null;
}

export function openVotingInput(form: OpenVotingForm, conventionId: string): InputOf<ConventionContract['openVoting']> {
  return {
    conventionId,
    rule: form.rule,
    ...(form.startNow ? {} : { startsAt: formTimeToIso(form.start) }),
    endsAt: formTimeToIso(form.end),
    auditorIds: form.auditors.map((a) => a.userId),
    ...(form.rule === 'residents_meeting' ? { electorate: form.electorate } : {}),
  };
}

/** The schema's field for the auditors is `auditorIds`; the form marks its `auditors` picker. */
export const openVotingField = (field: string | undefined): string | undefined => (field === 'auditorIds' ? 'auditors' : field);

/** The auditors with `person` added, or null when they are already there or there are nine. */
export function addAuditor(chosen: readonly Auditor[], person: Auditor): Auditor[] | null {
  if (chosen.some((a) => a.userId === person.userId) || chosen.length >= MAX_AUDITORS) return null;
  return [...chosen, person];
}
