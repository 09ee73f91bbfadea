// 发布活动 / 编辑活动 as plain data (core/event/form): the blank form, what it sends, its problems, what an edit changes.
import { eventContract } from '@core/event/contract';
import { blankEventForm, eventEdits, eventFieldOf, eventInputOf, type EventForm } from '@core/event/form';

const now = new Date('2026-12-01T02:00:00.000Z'); // 10:00 Beijing
const filled = (over: Partial<EventForm> = {}): EventForm => ({ ...blankEventForm(now), title: '重阳节敬老茶话会', description: '茶话会', place: '活动室', capacity: '30', ...over });

describe('活动 form', () => {
  it('starts tomorrow afternoon in Beijing, for everyone', () => {
    expect(blankEventForm(now)).toMatchObject({ start: '2026-12-02 14:00', end: '2026-12-02 16:00', deadline: '2026-12-02 12:00', audience: 'all', capacity: '' });
  });

  it('sends the contract’s create input, buildings sorted', () => {
    const data = eventInputOf(filled({ audience: 'buildings', buildingIds: ['b2', 'b1'] }));
    expect(data).toMatchObject({ capacity: 30, startAt: '2026-12-02T14:00:00+08:00', audience: { kind: 'buildings', buildingIds: ['b1', 'b2'] } });
    expect(eventContract.create.input.safeParse(data).success).toBe(true);
  });

  it('names the problem and its field; the three times are one field', () => {
    expect(eventInputOf(filled({ capacity: ' ' }))).toEqual({ message: '请填写名额，不限人数请填 0', field: 'capacity' });
    expect(eventInputOf(filled({ audience: 'buildings' }))).toEqual({ message: '请选择可以报名的楼栋', field: 'audience' });
    expect(['startAt', 'endAt', 'signupDeadline', 'title'].map(eventFieldOf)).toEqual(['times', 'times', 'times', 'title']);
  });

  it('an edit sends only what changed', () => {
    const before = eventInputOf(filled());
    const after = eventInputOf(filled({ capacity: '40', place: '二楼活动室' }));
    if ('message' in before || 'message' in after) throw new Error('invalid');
    expect(eventEdits(before, after)).toEqual({ capacity: 40, place: '二楼活动室' });
    expect(eventEdits(before, before)).toEqual({});
  });
});
