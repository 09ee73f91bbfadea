// 志愿服务 in the demo compound: the 红袖标巡逻队 (led by the grid, one application waiting, a patrol
// shift tomorrow) and the 党员请修队 (led by the branch), with the member's verified and pending hours.
import type { BookingDoc, MembershipDoc, ServiceRecordDoc, ShiftDoc, TeamDoc } from '../cloudfunctions/runtime/model';
import type { Database } from './db';

const COMPOUND = 'demo-compound';

export function seedVolunteerContent(db: Database, now: Date): void {
  const H = 3_600_000;
  const at = (h: number) => new Date(now.getTime() + h * H);
  const stamp = { createdAt: now, updatedAt: now };
  const team = (over: Partial<TeamDoc> & Pick<TeamDoc, '_id' | 'name' | 'kind' | 'description' | 'leaders'>): TeamDoc => ({
    compoundId: COMPOUND, capacity: 0, needsApproval: true, risky: false, skillsSought: [], contact: '', memberCount: 0, pendingCount: 0, createdBy: 'u-demo-branch', ...stamp, ...over,
  });
  db.insert('teams', [
    team({
      _id: 'demo-team-patrol', name: '红袖标巡逻队', kind: 'patrol', description: '每晚 19:00–21:00 在小区内巡逻，留意消防通道、电动车充电和陌生人员。',
      leaders: [{ userId: 'u-demo-grid', name: '刘芳' }], capacity: 20, skillsSought: ['巡逻', '急救'], contact: '党群服务中心值班室', memberCount: 2, pendingCount: 1,
    }),
    team({
      _id: 'demo-team-repair', name: '党员请修队', kind: 'repair', description: '为独居老人、困难家庭上门修水电、换灯泡，不收费。',
      leaders: [{ userId: 'u-demo-branch', name: '孙红梅' }], needsApproval: false, skillsSought: ['电工', '水管'], memberCount: 2,
    }),
  ]);
  const member = (teamId: string, userId: string, status: MembershipDoc['status'], over: Partial<MembershipDoc> = {}): MembershipDoc & { _id: string } => ({
    _id: `demo-m-${teamId.replace('demo-team-', '')}-${userId.replace('u-demo-', '')}`, compoundId: COMPOUND, teamId, userId, status, activeKey: `${teamId}:${userId}`,
    skills: [], availability: '', minor: false, reason: null, decidedBy: status === 'active' ? 'u-demo-branch' : null, ...stamp, ...over,
  });
  db.insert('team_members', [
    member('demo-team-patrol', 'u-demo-grid', 'active'),
    member('demo-team-patrol', 'u-demo-member', 'active', { skills: ['急救'], availability: '工作日晚上' }),
    member('demo-team-patrol', 'u-demo-resident-2', 'pending', { skills: ['巡逻'], availability: '周末晚上' }),
    member('demo-team-repair', 'u-demo-branch', 'active'),
    member('demo-team-repair', 'u-demo-member', 'active', { skills: ['电工'] }),
  ]);
  const shift: ShiftDoc & { _id: string } = {
    _id: 'demo-shift-patrol', compoundId: COMPOUND, teamId: 'demo-team-patrol', teamName: '红袖标巡逻队', risky: false, startAt: at(28), endAt: at(30), place: '小区东门岗亭',
    capacity: 4, booked: 1, codeSecret: 'demo-shift-secret-not-for-production', createdBy: 'u-demo-grid', ...stamp,
  };
  db.insert('shifts', [shift]);
  const booking: BookingDoc & { _id: string } = {
    _id: 'demo-shift-patrol:u-demo-member', compoundId: COMPOUND, shiftId: 'demo-shift-patrol', teamId: 'demo-team-patrol', userId: 'u-demo-member', status: 'booked',
    startAt: shift.startAt, checkedInAt: null, checkedOutAt: null, ...stamp,
  };
  db.insert('shift_bookings', [booking]);
  const record = (over: Partial<ServiceRecordDoc> & Pick<ServiceRecordDoc, 'startAt' | 'endAt'> & { _id: string }): ServiceRecordDoc & { _id: string } => {
    const minutes = Math.round((over.endAt.getTime() - over.startAt.getTime()) / 60_000);
    const month = new Date(over.startAt.getTime() + 8 * H).toISOString().slice(0, 7);
    return {
      compoundId: COMPOUND, userId: 'u-demo-member', volunteerName: '张卫东', teamId: 'demo-team-patrol', teamName: '红袖标巡逻队', source: 'shift', refId: 'demo-team-patrol',
      organizer: '红袖标巡逻队', content: '红袖标巡逻队值守', place: '小区东门岗亭', hours: Math.round(minutes / 6) / 10, minutes, month, verifiedBy: null, verifiedAt: null,
      rejected: null, corrects: null, loggedBy: 'u-demo-grid', points: Math.floor(minutes / 60) * 10, ...stamp, ...over,
    };
  };
  db.insert('service_records', [
    record({ _id: 'demo-record-patrol', startAt: at(-5 * 24 - 5), endAt: at(-5 * 24 - 3), verifiedBy: 'u-demo-grid', verifiedAt: at(-5 * 24) }),
    record({
      _id: 'demo-record-repair', teamId: 'demo-team-repair', teamName: '党员请修队', organizer: '党员请修队', refId: 'demo-team-repair', source: 'other',
      content: '为 2 栋独居老人更换水龙头', place: '2栋1单元', startAt: at(-2 * 24 - 4), endAt: at(-2 * 24 - 2.5), loggedBy: 'u-demo-member',
    }),
  ]);
}
