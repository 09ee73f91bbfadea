// Where pages are: every route is a page of a domain's subpackage (core/domains.ts), so a route that
// no domain declares cannot be written here (tests/app/routes.test.ts checks them against app.config).
import Taro from '@tarojs/taro'
import { pageUrl } from '@core/manifest'

const p = pageUrl

export const ROUTES = {
  consent: p('user', 'consent/index'),
  binding: p('user', 'binding/index'),
  verify: p('user', 'verify/index'),
  privacy: p('user', 'privacy/index'),
  profile: p('user', 'profile/index'),
  roles: p('user', 'roles/index'),
  inbox: p('user', 'inbox/index'),
  requestReport: p('request', 'report/index'),
  requestMine: p('request', 'mine/index'),
  requestDetail: p('request', 'detail/index'),
  requestHall: p('request', 'hall/index'),
  requestWork: p('request', 'work/index'),
  requestStats: p('request', 'stats/index'),
  requestBoard: p('request', 'board/index'),
  eventList: p('event', 'list/index'),
  eventDetail: p('event', 'detail/index'),
  eventEdit: p('event', 'edit/index'),
  eventAttendees: p('event', 'attendees/index'),
  eventCheckinCode: p('event', 'checkin-code/index'),
  eventMine: p('event', 'mine/index'),
  noticeList: p('notice', 'list/index'),
  noticeDetail: p('notice', 'detail/index'),
  noticeEdit: p('notice', 'edit/index'),
  noticeStats: p('notice', 'stats/index'),
  noticeManage: p('notice', 'manage/index'),
  adminDashboard: p('admin', 'dashboard/index'),
  adminLedgers: p('admin', 'ledgers/index'),
  adminAudit: p('admin', 'audit/index'),
  adminModeration: p('admin', 'moderation/index'),
  adminMeetings: p('admin', 'meetings/index'),
  adminMeeting: p('admin', 'meeting/index'),
  adminCompounds: p('admin', 'compounds/index'),
}

/** The detail page of one request. */
export function requestDetailUrl(requestId: string): string {
  return `${ROUTES.requestDetail}?id=${encodeURIComponent(requestId)}`
}

/** An event page for one event: its detail by default, or the edit form, 报名名单, 签到码. */
export function eventUrl(eventId: string, page: 'eventDetail' | 'eventEdit' | 'eventAttendees' | 'eventCheckinCode' = 'eventDetail'): string {
  return `${ROUTES[page]}?id=${encodeURIComponent(eventId)}`
}

/** A notice page for one notice: its detail by default, or the edit form, 阅读统计. */
export function noticeUrl(noticeId: string, page: 'noticeDetail' | 'noticeEdit' | 'noticeStats' = 'noticeDetail'): string {
  return `${ROUTES[page]}?id=${encodeURIComponent(noticeId)}`
}

/** 工作台 pages that take a parameter: one meeting, or one compound's dashboard (officers). */
export function adminUrl(page: 'adminMeeting' | 'adminDashboard', param: string): string {
  return page === 'adminMeeting' ? `${ROUTES.adminMeeting}?id=${encodeURIComponent(param)}` : `${ROUTES.adminDashboard}?compoundId=${encodeURIComponent(param)}`
}

export function go(url: string) {
  void Taro.navigateTo({ url })
}
