// 通知公告
import { defineDomain } from '../manifest';
import { noticeContract } from './contract';

export const noticeDomain = defineDomain({
  name: 'notice',
  title: '通知公告',
  service: { title: '通知公告', desc: '停水停电、物业公示、政策宣传', page: 'list/index' },
  pages: ['list/index', 'detail/index', 'edit/index', 'stats/index', 'manage/index'],
  tools: [
    { key: 'new-notice', title: '发布通知', desc: '停水停电、物业公示、政策宣传：置顶、重要提醒、阅读统计', page: 'edit/index', action: noticeContract.publish },
    { key: 'my-notices', title: '我发布的', desc: '已发布的通知、阅读人数和未读住户', page: 'manage/index', action: noticeContract.listManaged },
  ],
  templates: ['noticeImportant'],
  jobs: true,
  personalData: [
    { key: 'noticeReads', collection: 'notice_reads', owner: 'userId', erase: 'delete' },
    { key: 'noticeEdits', collection: 'notice_versions', owner: 'editorId', erase: { editorId: null }, only: ['noticeId', 'version', 'createdAt'] },
    { key: 'noticesPublished', collection: 'notices', owner: 'publisherId', erase: { publisherName: '已注销用户' }, only: ['_id', 'title', 'category', 'publishAt'] },
  ],
});
