// 志愿服务
import { defineDomain } from '../manifest';
import { volunteerContract } from './contract';

const GONE = '已注销用户';

export const volunteerDomain = defineDomain({
  name: 'volunteer',
  title: '志愿服务',
  service: { title: '志愿服务', desc: '加入志愿服务队，排班值守，记录服务时长', page: 'list/index' },
  pages: ['list/index', 'team/index', 'mine/index', 'certificate/index', 'verify/index', 'manage/index', 'stats/index', 'rate/index'],
  tools: [
    { key: 'new-team', title: '志愿队伍', desc: '组建服务队、指定队长；各队时长与排行', page: 'stats/index', action: volunteerContract.createTeam,
      fallback: { title: '志愿服务统计', desc: '各队服务时长、排行榜', action: volunteerContract.teamStats } },
    { key: 'leader-ratings', title: '五星楼栋长', desc: '居民每月为楼栋长评分，查看各楼栋平均分', page: 'stats/index', action: volunteerContract.leaderRatings },
  ],
  templates: [],
  // reconciliation of the team and shift counters (cloudfunctions/volunteer/reconcile.ts)
  jobs: true,
  personalData: [
    { key: 'memberships', collection: 'team_members', owner: 'userId', erase: 'delete' },
    { key: 'shiftBookings', collection: 'shift_bookings', owner: 'userId', erase: 'delete' },
    {
      key: 'serviceRecords',
      collection: 'service_records',
      owner: 'userId',
      erase: { volunteerName: GONE },
      kept: '志愿服务时长记录依《志愿服务条例》保存，只保留匿名编号',
    },
    { key: 'certificates', collection: 'certificates', owner: 'userId', erase: { name: GONE, revoked: true }, kept: '已出具的志愿服务证明保留编号以备查验，注销后显示为已注销' },
    { key: 'leaderRatingsGiven', collection: 'leader_ratings', owner: 'raterId', erase: 'delete' },
    { key: 'teamsLed', collection: 'teams', owner: 'leaders.userId', erase: 'keep', only: ['_id', 'name', 'kind'], arrays: [{ field: 'leaders', owner: 'userId', set: { name: GONE } }] },
  ],
});
