// 你呼我应
import { defineDomain } from '../manifest';
import { requestContract } from './contract';

const GONE = '已注销用户';

export const requestDomain = defineDomain({
  name: 'request',
  title: '你呼我应',
  service: { title: '你呼我应', desc: '反映问题、求助，网格员限时响应', page: 'mine/index' },
  pages: ['report/index', 'mine/index', 'detail/index', 'hall/index', 'work/index', 'stats/index', 'board/index'],
  tools: [
    { key: 'requests', title: '反映工作台', desc: '受理、办理居民反映，按期限提醒', page: 'work/index', action: requestContract.listAssigned },
    { key: 'hall', title: '任务大厅', desc: '认领邻里求助任务', page: 'hall/index', action: requestContract.listHall },
    { key: 'stats', title: '三率统计', desc: '响应率、解决率、满意率', page: 'stats/index', action: requestContract.stats },
  ],
  templates: ['requestStatus'],
  jobs: true,
  personalData: [
    {
      key: 'myRequests',
      collection: 'requests',
      owner: 'reporterId',
      erase: { reporterName: GONE, reporterPhone: null, reporterOpenid: '', notifyReporter: false, room: null },
      omit: ['reporterOpenid'],
      kept: '反映记录用于小区办理情况统计，注销后不再关联您的姓名、电话和房号',
    },
    { key: 'requestsHandled', collection: 'requests', owner: 'assigneeId', erase: { assigneeName: GONE }, only: ['_id', 'category', 'content', 'state', 'createdAt', 'resolvedAt'], kept: '您认领或办理过的事项保留办理记录，不再显示您的姓名' },
    { key: 'requestSteps', collection: 'requests', owner: 'timeline.actorId', erase: 'keep', only: ['_id', 'category', 'createdAt'], arrays: [{ field: 'timeline', owner: 'actorId', set: { actorName: GONE } }] },
  ],
});
