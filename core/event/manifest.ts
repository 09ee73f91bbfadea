// 活动报名
import { defineDomain } from '../manifest';
import { eventContract } from './contract';

export const eventDomain = defineDomain({
  name: 'event',
  title: '活动报名',
  service: { title: '活动报名', desc: '下午茶、义诊、主题党日', page: 'list/index' },
  pages: ['list/index', 'detail/index', 'edit/index', 'attendees/index', 'checkin-code/index', 'mine/index'],
  tools: [{ key: 'new-event', title: '发布活动', desc: '茶话会、义诊、主题党日：报名、候补、签到一站办', page: 'edit/index', action: eventContract.create }],
  templates: ['eventReminder'],
  jobs: true,
  personalData: [
    {
      key: 'registrations',
      collection: 'registrations',
      owner: 'userId',
      erase: { name: '已注销用户', phone: null, openid: '', home: null, buildingId: null, notify: false },
      omit: ['openid'],
      kept: '报名与签到记录用于活动统计，注销后不再关联您的姓名、电话和住址',
    },
    { key: 'eventsOrganised', collection: 'events', owner: 'organizerId', erase: { organizerName: '已注销用户' }, only: ['_id', 'title', 'startAt', 'place', 'state'] },
  ],
});
