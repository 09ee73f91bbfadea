// 房屋认证 and 个人资料 as forms: what a blank form holds, what is sent for what was typed, what is asked
// before the schema is, and when a guardian is asked for. The inputs are checked against the contract.
import { userContract, type GridMap, type Session } from '@core/user/contract';
import {
  asksGuardian,
  bindingChoiceProblem,
  bindingInput,
  blankBindingForm,
  gridAssignmentInput,
  gridAssignmentOf,
  profileFormOf,
  profileInput,
  toggled,
  unitKey,
} from '@core/user/form';

const profile = (over: Partial<Session['profile']> = {}): Session['profile'] => ({
  displayName: '王阿姨',
  phoneMasked: '138****1234',
  elderMode: false,
  party: null,
  badge: false,
  ...over,
});

describe('房屋认证 form', () => {
  it('starts with nothing chosen, as an owner, with the name unless it is the placeholder 邻居', () => {
    expect(blankBindingForm('王阿姨')).toEqual({ buildingId: null, unit: null, room: '', relation: 'owner', name: '王阿姨', phone: '' });
    expect(blankBindingForm('邻居').name).toBe('');
    expect(blankBindingForm(undefined).name).toBe('');
  });

  it('asks for the building, then the unit, on their own fields', () => {
    const form = blankBindingForm('王阿姨');
    expect(bindingChoiceProblem(form)).toEqual({ message: '请选择楼栋', field: 'buildingId' });
    expect(bindingChoiceProblem({ ...form, buildingId: 'b1' })).toEqual({ message: '请选择单元', field: 'unit' });
    expect(bindingChoiceProblem({ ...form, buildingId: 'b1', unit: '2' })).toBeNull();
  });

  it('sends what was typed trimmed, and no phone when none was given (an elder is verified at the door)', () => {
    const form = { ...blankBindingForm('王阿姨'), buildingId: 'b1', unit: '2', room: ' 1201 ', name: ' 王芳 ' };
    const input = bindingInput(form);
    expect(input).toEqual({ buildingId: 'b1', unit: '2', room: '1201', relation: 'owner', name: '王芳' });
    expect(userContract.requestBinding.input.safeParse(input).success).toBe(true);
    expect(bindingInput({ ...form, phone: ' 13800001234 ', relation: 'tenant' })).toMatchObject({ phone: '13800001234', relation: 'tenant' });
  });
});

describe('个人资料 form', () => {
  it('starts from the profile: the name, party membership, the birth year; never a phone or a guardian', () => {
    const form = profileFormOf(profile({ party: { member: true, kind: 'mobile', showBadge: true }, birthYear: 1958 }));
    expect(form).toEqual({ name: '王阿姨', phone: '', member: true, kind: 'mobile', badge: true, birthYear: '1958', guardian: { name: '', phone: '', relation: '' } });
    expect(profileFormOf(profile())).toMatchObject({ member: false, kind: 'registered', badge: false, birthYear: '' });
  });

  it('sends the name always, and a phone, birth year or guardian only when given or changed', () => {
    const p = profile({ birthYear: 1958 });
    const form = profileFormOf(p);
    expect(profileInput(form, p, false)).toEqual({ displayName: '王阿姨' });
    expect(profileInput({ ...form, birthYear: '' }, p, false)).toEqual({ displayName: '王阿姨', birthYear: null });
    const changed = profileInput({ ...form, phone: ' 13900001111 ', birthYear: '2012', guardian: { name: ' 王强 ', phone: '13800001234', relation: '父亲' } }, p, false);
    expect(changed).toEqual({ displayName: '王阿姨', phone: '13900001111', birthYear: 2012, guardian: { name: '王强', phone: '13800001234', relation: '父亲' } });
    expect(userContract.updateProfile.input.safeParse(changed).success).toBe(true);
  });

  it('sends party membership only with its own consent, and null for not a member', () => {
    const p = profile();
    const form = { ...profileFormOf(p), member: true, kind: 'mobile' as const, badge: true };
    expect(profileInput(form, p, false)).not.toHaveProperty('party');
    expect(profileInput(form, p, true).party).toEqual({ member: true, kind: 'mobile', showBadge: true });
    expect(profileInput({ ...form, member: false }, p, true).party).toBeNull();
  });

  it('asks for a guardian for a minor — by the server or by the year being typed — unless one is on record', () => {
    const now = new Date('2026-12-01T04:00:00Z');
    const form = profileFormOf(profile());
    expect(asksGuardian(form, profile(), now)).toBe(false);
    expect(asksGuardian({ ...form, birthYear: '2012' }, profile(), now)).toBe(true);
    expect(asksGuardian({ ...form, birthYear: '1990' }, profile(), now)).toBe(false);
    expect(asksGuardian({ ...form, birthYear: '201' }, profile(), now)).toBe(false);
    expect(asksGuardian(form, profile({ minor: true }), now)).toBe(true);
    expect(asksGuardian({ ...form, birthYear: '2012' }, profile({ minor: true, guardianConsent: true }), now)).toBe(false);
  });
});

describe('网格分配', () => {
  const person = (userId: string, displayName: string) => ({ userId, displayName });
  const grid = {
    households: 40,
    buildings: [
      { buildingId: 'b1', name: '1栋', households: 20, grid: [person('u1', '李')], units: [{ unit: '1', households: 10, leaders: [person('u2', '张')] }, { unit: '2', households: 10, leaders: [] }] },
      { buildingId: 'b2', name: '2栋', households: 20, grid: [], units: [{ unit: '1', households: 20, leaders: [person('u1', '李')] }] },
    ],
  } as unknown as GridMap;

  it('starts from where the person leads today', () => {
    expect(gridAssignmentOf(grid, 'u1')).toEqual({ buildings: ['b1'], units: ['b2:1'] });
    expect(gridAssignmentOf(grid, 'u2')).toEqual({ buildings: [], units: ['b1:1'] });
    expect(gridAssignmentOf(grid, 'u9')).toEqual({ buildings: [], units: [] });
  });

  it('sends the buildings and the units as building and unit', () => {
    const input = gridAssignmentInput('u1', { buildings: ['b1', 'b2'], units: [unitKey('b2', '1'), unitKey('b1', '2')] });
    expect(input).toEqual({ userId: 'u1', buildingIds: ['b1', 'b2'], units: [{ buildingId: 'b2', unit: '1' }, { buildingId: 'b1', unit: '2' }] });
    expect(userContract.assignGrid.input.safeParse(input).success).toBe(true);
  });

  it('toggles a choice in or out', () => {
    expect(toggled(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'a')).toEqual(['b']);
  });
});
