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
  volunteerList: p('volunteer', 'list/index'),
  volunteerTeam: p('volunteer', 'team/index'),
  volunteerMine: p('volunteer', 'mine/index'),
  volunteerCertificate: p('volunteer', 'certificate/index'),
  volunteerVerify: p('volunteer', 'verify/index'),
  volunteerManage: p('volunteer', 'manage/index'),
  volunteerStats: p('volunteer', 'stats/index'),
  volunteerRate: p('volunteer', 'rate/index'),
  conventionList: p('convention', 'list/index'),
  conventionDetail: p('convention', 'detail/index'),
  conventionBallot: p('convention', 'ballot/index'),
  conventionResult: p('convention', 'result/index'),
  conventionEdit: p('convention', 'edit/index'),
  conventionOpen: p('convention', 'open/index'),
  conventionAudit: p('convention', 'audit/index'),
  conventionProgress: p('convention', 'progress/index'),
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

/** A 志愿服务 team's page (队伍详情) or its leader's page (队伍管理). */
export function teamUrl(teamId: string, page: 'volunteerTeam' | 'volunteerManage' = 'volunteerTeam'): string {
  return `${ROUTES[page]}?id=${encodeURIComponent(teamId)}`
}

/** A convention page for one convention: its detail by default, or 投票, 结果, 修改, 发起表决, 监票, 投票进度. */
export function conventionUrl(
  conventionId: string,
  page: 'conventionDetail' | 'conventionBallot' | 'conventionResult' | 'conventionEdit' | 'conventionOpen' | 'conventionAudit' | 'conventionProgress' = 'conventionDetail',
): string {
  return `${ROUTES[page]}?id=${encodeURIComponent(conventionId)}`
}

/** 工作台 pages that take a parameter: one meeting, or one compound's dashboard (officers). */
export function adminUrl(page: 'adminMeeting' | 'adminDashboard', param: string): string {
  return page === 'adminMeeting' ? `${ROUTES.adminMeeting}?id=${encodeURIComponent(param)}` : `${ROUTES.adminDashboard}?compoundId=${encodeURIComponent(param)}`
}

export function go(url: string) {
  void Taro.navigateTo({ url })
}
