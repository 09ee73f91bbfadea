// 报名加入, 申请更正 and 为队员登记时长 as forms: what a blank form holds and what is sent for what was
// typed, in China time. The inputs are checked against the contract.
import { volunteerContract } from '@core/volunteer/contract';
import { BLANK_TEAM, blankJoinForm, blankLogForm, correctionFormOf, correctionInput, joinInput, logChoiceProblem, logServiceInput, splitSkills, teamCreateInput, teamFormOf, teamUpdateInput } from '@core/volunteer/form';

describe('报名加入 form', () => {
  it('splits skills at the separators people type', () => {
    expect(splitSkills('电工、急救, 水管；  护理 ')).toEqual(['电工', '急救', '水管', '护理']);
    expect(splitSkills('  ')).toEqual([]);
  });

  it('sends the skills as a list and the availability only when given', () => {
    expect(joinInput('t1', blankJoinForm())).toEqual({ teamId: 't1', skills: [] });
    const input = joinInput('t1', { skills: '电工，急救', availability: ' 周末上午 ' });
    expect(input).toEqual({ teamId: 't1', skills: ['电工', '急救'], availability: '周末上午' });
    expect(volunteerContract.join.input.safeParse(input).success).toBe(true);
  });
});

describe('申请更正 form', () => {
  it('starts from the record\'s times in China time and sends them back as instants with the reason', () => {
    const form = correctionFormOf({ startAt: '2026-11-28T01:00:00.000Z', endAt: '2026-11-28T03:30:00.000Z' });
    expect(form).toEqual({ start: '2026-11-28 09:00', end: '2026-11-28 11:30', reason: '' });
    const input = correctionInput('r1', { ...form, end: '2026-11-28 12:00', reason: ' 忘记签退 ' });
    expect(input).toEqual({ recordId: 'r1', startAt: '2026-11-28T09:00:00+08:00', endAt: '2026-11-28T12:00:00+08:00', reason: '忘记签退' });
    expect(volunteerContract.correctService.input.safeParse(input).success).toBe(true);
  });
});

describe('为队员登记时长 form', () => {
  // 2026-12-01 00:30 China time: still the first of December there
  const now = new Date('2026-11-30T16:30:00Z');

  it('starts today 09:00–11:00 China time with nobody chosen, and asks for the member first', () => {
    const form = blankLogForm(now);
    expect(form).toEqual({ volunteerId: null, start: '2026-12-01 09:00', end: '2026-12-01 11:00', content: '' });
    expect(logChoiceProblem(form)).toBe('请选择队员');
    expect(logChoiceProblem({ ...form, volunteerId: 'u1' })).toBeNull();
  });

  it('sends the service as the leader\'s own kind of record for the member', () => {
    const input = logServiceInput('t1', { ...blankLogForm(now), volunteerId: 'u1', content: ' 修水管 ' });
    expect(input).toEqual({ source: 'other', teamId: 't1', volunteerId: 'u1', startAt: '2026-12-01T09:00:00+08:00', endAt: '2026-12-01T11:00:00+08:00', content: '修水管' });
    expect(volunteerContract.logService.input.safeParse(input).success).toBe(true);
  });
});

describe('组建服务队 form (createTeam)', () => {
  it('starts blank: approval needed, no limit, not risky', () => {
    expect(BLANK_TEAM).toEqual({ name: '', kind: 'patrol', description: '', capacity: '0', needsApproval: true, risky: false, skills: '', contact: '' });
  });

  it('sends the team trimmed, its skills as a list, its leaders, and no contact when none was typed', () => {
    const input = teamCreateInput({ ...BLANK_TEAM, name: ' 楼道清洁队 ', kind: 'environment', description: ' 每周六 ', capacity: ' ', skills: '电工, 急救', contact: '  ' }, ['u1']);
    expect(input).toEqual({ name: '楼道清洁队', kind: 'environment', description: '每周六', capacity: 0, needsApproval: true, risky: false, leaderIds: ['u1'], skillsSought: ['电工', '急救'] });
    expect(volunteerContract.createTeam.input.safeParse(input).success).toBe(true);
    expect(teamCreateInput({ ...BLANK_TEAM, name: '队', contact: ' 028-1 ', capacity: '12' }, [])).toMatchObject({ contact: '028-1', capacity: 12 });
  });

  it('sends a capacity that is not a number as typed, for the contract to refuse (it was quietly 0)', () => {
    const input = teamCreateInput({ ...BLANK_TEAM, name: '队', description: '做什么', capacity: '二十' }, ['u1']);
    expect(Number.isNaN(input.capacity)).toBe(true);
    expect(volunteerContract.createTeam.input.safeParse(input).success).toBe(false);
  });
});

describe('队伍设置 form (updateTeam)', () => {
  const team = { teamId: 't1', name: '红袖标巡逻队', kind: 'patrol' as const, description: '每晚巡逻', capacity: 20, needsApproval: true, risky: false, skillsSought: ['急救'], contact: '党群服务中心' };

  it('starts from the team as it is', () => {
    expect(teamFormOf(team)).toEqual({ name: '红袖标巡逻队', kind: 'patrol', description: '每晚巡逻', capacity: '20', needsApproval: true, risky: false, skills: '急救', contact: '党群服务中心' });
  });

  it('sends only what changed, trimmed, with the skills as a list', () => {
    expect(teamUpdateInput(team, teamFormOf(team))).toEqual({ teamId: 't1' });
    const input = teamUpdateInput(team, { ...teamFormOf(team), name: ' 红袖标夜巡队 ', risky: true, skills: '急救、电工', capacity: '30', contact: '' });
    expect(input).toEqual({ teamId: 't1', name: '红袖标夜巡队', risky: true, skillsSought: ['急救', '电工'], capacity: 30, contact: '' });
    expect(volunteerContract.updateTeam.input.safeParse(input).success).toBe(true);
  });

  it('sends a capacity that is not a whole number as typed, for the contract to refuse', () => {
    const input = teamUpdateInput(team, { ...teamFormOf(team), capacity: '2.5' });
    expect(volunteerContract.updateTeam.input.safeParse(input).success).toBe(false);
  });
});
