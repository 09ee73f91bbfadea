// 召开会议, 会议决定, 参会人员与纪要 and 台账导出 as forms: blank forms, what is sent, and what is asked
// before the schema is. The inputs are checked against the contract.
import { adminContract } from '@core/admin/contract';
import { LEDGERS } from '@core/admin/rules';
import {
  blankLedgerForm,
  blankMeetingForm,
  dayBound,
  decisionInput,
  decisionProblem,
  ledgerByBuilding,
  ledgerExportInput,
  ledgerPeriodProblem,
  meetingInput,
  minutesFormOf,
  minutesInput,
  minutesProblem,
} from '@core/admin/form';

describe('召开会议 form', () => {
  it('starts a week from today at 19:00 China time in the usual room', () => {
    expect(blankMeetingForm(new Date('2026-12-01T04:00:00Z'))).toEqual({ title: '', when: '2026-12-08 19:00', place: '党群服务中心会议室' });
  });

  it('sends the picked agenda items only when there are some', () => {
    const form = { title: ' 12月联席会议 ', when: '2026-12-08 19:00', place: ' 会议室 ' };
    expect(meetingInput(form, [])).toEqual({ title: '12月联席会议', at: '2026-12-08T19:00:00+08:00', place: '会议室' });
    const input = meetingInput(form, ['i1', 'i2']);
    expect(input.itemIds).toEqual(['i1', 'i2']);
    expect(adminContract.createMeeting.input.safeParse(input).success).toBe(true);
  });
});

describe('会议决定 and 纪要', () => {
  it('asks for a decision in the meeting\'s words when it is blank', () => {
    expect(decisionProblem(decisionInput('i1', '  '))).toBe('请写下会议的决定');
    const input = decisionInput('i1', ' 物业本周更换读卡器 ');
    expect(input).toEqual({ itemId: 'i1', decision: '物业本周更换读卡器' });
    expect(decisionProblem(input)).toBeNull();
  });

  it('offers the three parties to fill in, unless the meeting has its attendees', () => {
    expect(minutesFormOf({ attendees: [], minutes: '' }).attendees).toEqual([{ name: '', role: '党支部' }, { name: '', role: '业委会' }, { name: '', role: '物业' }]);
    expect(minutesFormOf({ attendees: [{ name: '李', role: '物业' }], minutes: '纪要' })).toEqual({ attendees: [{ name: '李', role: '物业' }], minutes: '纪要' });
  });

  it('leaves out attendees without a name and asks for the minutes', () => {
    const form = { attendees: [{ name: ' 李 ', role: ' 物业 ' }, { name: '', role: '业委会' }], minutes: '  ' };
    expect(minutesProblem(minutesInput('m1', form))).toBe('请填写会议纪要');
    const input = minutesInput('m1', { ...form, minutes: ' 讨论门禁 ' });
    expect(input).toEqual({ meetingId: 'm1', minutes: '讨论门禁', attendees: [{ name: '李', role: '物业' }] });
    expect(minutesProblem(input)).toBeNull();
    expect(adminContract.recordMinutes.input.safeParse(input).success).toBe(true);
  });
});

describe('台账导出 form', () => {
  it('bounds a period by whole China days', () => {
    expect(dayBound('2026-11-01')).toBe('2026-11-01T00:00:00+08:00');
    expect(dayBound('2026-11-30', true)).toBe('2026-12-01T00:00:00+08:00');
  });

  it('a period may not start after it ends', () => {
    const form = blankLedgerForm();
    expect(ledgerPeriodProblem(form)).toBeNull();
    expect(ledgerPeriodProblem({ ...form, from: '2026-11-01' })).toBeNull();
    expect(ledgerPeriodProblem({ ...form, from: '2026-11-02', to: '2026-11-01' })).toBe('开始日期不能晚于结束日期');
    expect(ledgerPeriodProblem({ ...form, from: '2026-11-01', to: '2026-11-01' })).toBeNull();
  });

  it('sends the building for the ledgers whose rows have one (not service records, not the audit log), and only one building', () => {
    expect(ledgerExportInput(blankLedgerForm())).toEqual({ ledger: 'requests', format: 'xlsx' });
    const input = ledgerExportInput({ ...blankLedgerForm(), from: '2026-11-01', to: '2026-11-30', buildingId: 'b1' });
    expect(input).toEqual({ ledger: 'requests', format: 'xlsx', from: '2026-11-01T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00', buildingId: 'b1' });
    expect(adminContract.exportLedger.input.safeParse(input).success).toBe(true);
    expect(LEDGERS.filter(ledgerByBuilding)).toEqual(['requests', 'registrations', 'ballots', 'notices']);
    expect(ledgerExportInput({ ...blankLedgerForm(), ledger: 'notices', buildingId: 'b2' })).toEqual({ ledger: 'notices', format: 'xlsx', buildingId: 'b2' });
    expect(ledgerByBuilding('audit')).toBe(false);
    expect(ledgerExportInput({ ...blankLedgerForm(), ledger: 'service_records', format: 'csv', buildingId: 'b1' })).toEqual({ ledger: 'service_records', format: 'csv' });
  });
});
