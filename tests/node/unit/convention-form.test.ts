// 起草公约, 开始征求意见 and 发起表决 as forms: a new draft and a revision, what is sent for each, the
// consultation's closing time, the voting window and the auditors. Inputs are checked against the contract.
import { conventionContract } from '@core/convention/contract';
import {
  MAX_AUDITORS,
  addAuditor,
  blankOpenVotingForm,
  consultationEndProblem,
  conventionFormOf,
  createConventionInput,
  openVotingField,
  openVotingInput,
  openVotingRuleProblem,
  openVotingWindowProblem,
  startConsultationInput,
  updateConventionInput,
  type Auditor,
} from '@core/convention/form';

const counter = () => {
  let n = 0;
  return () => ++n;
};
// 2026-12-01 12:00 China time
const now = new Date('2026-12-01T04:00:00Z');

describe('起草公约 form', () => {
  it('a new draft is a residents\' convention with one empty article to fill in', () => {
    expect(conventionFormOf(null, counter())).toEqual({ title: '', kind: 'residents_convention', summary: '', articles: [{ key: 1, title: '', body: '' }], changelog: '', adopted: [] });
  });

  it('a revision starts from the convention, each article with its own key, and no changelog yet', () => {
    const form = conventionFormOf({ title: '文明公约', kind: 'management_rules', summary: '说明', articles: [{ title: '养犬', body: '拴绳' }, { title: '停车', body: '划线' }] }, counter());
    expect(form.articles.map((a) => a.key)).toEqual([1, 2]);
    expect(form).toMatchObject({ title: '文明公约', kind: 'management_rules', summary: '说明', changelog: '', adopted: [] });
  });

  it('sends trimmed text, leaves out wholly blank articles and an empty summary', () => {
    const form = {
      ...conventionFormOf(null, counter()),
      title: ' 文明公约 ',
      summary: '  ',
      articles: [{ key: 1, title: ' 养犬 ', body: ' 拴绳 ' }, { key: 2, title: ' ', body: '' }, { key: 3, title: '', body: '只有正文' }],
    };
    const input = createConventionInput(form);
    expect(input).toEqual({ title: '文明公约', kind: 'residents_convention', articles: [{ title: '养犬', body: '拴绳' }, { title: '', body: '只有正文' }] });
  });

  it('a revision sends its changelog and the comments it takes up, never the kind', () => {
    const form = { ...conventionFormOf({ title: '文明公约', kind: 'residents_convention', summary: '说明', articles: [{ title: '养犬', body: '拴绳' }] }, counter()), changelog: ' 采纳意见 ' };
    const input = updateConventionInput(form, 'c1');
    expect(input).toEqual({ conventionId: 'c1', title: '文明公约', summary: '说明', articles: [{ title: '养犬', body: '拴绳' }], changelog: '采纳意见' });
    expect(conventionContract.update.input.safeParse(input).success).toBe(true);
    expect(updateConventionInput({ ...form, adopted: ['k1'] }, 'c1').adoptedCommentIds).toEqual(['k1']);
  });
});

describe('开始征求意见', () => {
  it('a closing time, when set, must be after now', () => {
    expect(consultationEndProblem(null, now)).toBeNull();
    expect(consultationEndProblem('2026-12-15 20:00', now)).toBeNull();
    expect(consultationEndProblem('2026-12-01 12:00', now)).toBe('征求意见截止时间必须晚于现在');
    expect(consultationEndProblem('2026-11-30 20:00', now)).toBe('征求意见截止时间必须晚于现在');
  });

  it('sends the closing time as a China-time instant, or none', () => {
    expect(startConsultationInput('c1', null)).toEqual({ conventionId: 'c1' });
    expect(startConsultationInput('c1', '2026-12-15 20:00')).toEqual({ conventionId: 'c1', endsAt: '2026-12-15T20:00:00+08:00' });
  });
});

describe('发起表决 form', () => {
  it('starts with the rule the law gives the kind, now, until a week from tomorrow 20:00, no auditors', () => {
    const form = blankOpenVotingForm('management_rules', now);
    expect(form).toEqual({ rule: 'owners_ordinary', electorate: 'households', startNow: true, start: '2026-12-02 08:00', end: '2026-12-09 20:00', auditors: [] });
  });

  it('checks the window against now, on the window field', () => {
    const form = blankOpenVotingForm('residents_convention', now);
    expect(openVotingWindowProblem(form, now)).toBeNull();
    expect(openVotingWindowProblem({ ...form, end: '2026-12-01 12:30' }, now)).toEqual({ message: '表决时间至少 1 小时', field: 'window' });
    expect(openVotingWindowProblem({ ...form, startNow: false, start: '2026-11-30 08:00' }, now)).toEqual({ message: '开始时间不能早于现在', field: 'window' });
    expect(openVotingWindowProblem({ ...form, end: '2026-11-30 20:00' }, now)?.message).toBe('截止时间必须晚于现在');
  });

  it('marks the rule field when the rule is weaker than the kind takes', () => {
    const form = blankOpenVotingForm('parking_rules', now);
    expect(openVotingRuleProblem(form, 'parking_rules')).toBeNull();
    expect(openVotingRuleProblem({ ...form, rule: 'owners_ordinary' }, 'parking_rules')).toEqual({ message: expect.stringContaining('四分之三'), field: 'rule' });
    expect(openVotingRuleProblem({ ...form, rule: 'consultation' }, 'parking_rules')).toBeNull();
  });

  it('sends a start only when not starting now, and the electorate only for a residents\' meeting', () => {
    const form = { ...blankOpenVotingForm('residents_convention', now), auditors: [{ userId: 'u1', name: '李' }] };
    const input = openVotingInput(form, 'c1');
    expect(input).toEqual({ conventionId: 'c1', rule: 'residents_meeting', endsAt: '2026-12-09T20:00:00+08:00', auditorIds: ['u1'], electorate: 'households' });
    expect(conventionContract.openVoting.input.safeParse(input).success).toBe(true);
    const later = openVotingInput({ ...form, startNow: false, electorate: 'residents' }, 'c1');
    expect(later).toMatchObject({ startsAt: '2026-12-02T08:00:00+08:00', electorate: 'residents' });
    const owners = openVotingInput({ ...form, rule: 'owners_major', electorate: 'residents' }, 'c1');
    expect(owners).not.toHaveProperty('electorate');
    expect(owners).not.toHaveProperty('startsAt');
  });

  it('marks the auditor picker for a problem with auditorIds', () => {
    expect(openVotingField('auditorIds')).toBe('auditors');
    expect(openVotingField('endsAt')).toBe('endsAt');
    expect(openVotingField(undefined)).toBeUndefined();
  });

  it('adds an auditor once, and not a tenth', () => {
    const li = { userId: 'u1', name: '李' };
    expect(addAuditor([], li)).toEqual([li]);
    expect(addAuditor([li], li)).toBeNull();
    const nine: Auditor[] = Array.from({ length: MAX_AUDITORS }, (_, i) => ({ userId: `a${i}`, name: `${i}` }));
    expect(addAuditor(nine, li)).toBeNull();
  });
});
