// 工作台
import { defineDomain } from '../manifest';
import { adminContract } from './contract';

const GONE = '已注销用户';

export const adminDomain = defineDomain({
  name: 'admin',
  title: '工作台',
  pages: ['dashboard/index', 'ledgers/index', 'audit/index', 'moderation/index', 'meetings/index', 'meeting/index', 'compounds/index'],
  tools: [
    { key: 'dashboard', title: '数据看板', desc: '三率、超期反映、志愿时长、活动、表决与通知触达', page: 'dashboard/index', action: adminContract.overview },
    { key: 'ledgers', title: '台账导出', desc: '反映、志愿、报名、表决、通知、操作日志（CSV/XLSX）', page: 'ledgers/index', action: adminContract.exportLedger },
    { key: 'moderation', title: '内容审核', desc: '待审核与被举报的内容', page: 'moderation/index', action: adminContract.moderationQueue },
    { key: 'meetings', title: '三方联席会议', desc: '议题、会议纪要与决定，结果回写居民反映', page: 'meetings/index', action: adminContract.agenda },
    { key: 'compounds', title: '辖区小区', desc: '街道视角：各小区三率、超期与表决进度', page: 'compounds/index', action: adminContract.compounds },
  ],
  templates: [],
  jobs: true,
  personalData: [
    { key: 'reports', collection: 'reports', owner: 'userId', erase: 'delete' },
    { key: 'proposals', collection: 'agenda_items', owner: 'proposedById', erase: { proposedBy: GONE }, kept: '提交三方联席会议的议题和决定是议事记录，注销后不再显示您的姓名' },
    { key: 'exports', collection: 'exports', owner: 'requestedBy', erase: 'keep', only: ['_id', 'ledger', 'format', 'createdAt'], kept: '台账导出记录留痕' },
  ],
});
