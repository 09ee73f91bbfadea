// 公约与表决
import { defineDomain } from '../manifest';
import { conventionContract } from './contract';

const GONE = '已注销用户';
const RECORD = '表决记录依法保存（业主可在一年内诉请撤销决定，最高法解释第十二条），只保留匿名编号';

export const conventionDomain = defineDomain({
  name: 'convention',
  title: '公约与表决',
  service: { title: '公约表决', desc: '居民公约、管理规约征求意见与表决', page: 'list/index' },
  pages: ['list/index', 'detail/index', 'ballot/index', 'result/index', 'edit/index', 'open/index', 'audit/index', 'progress/index'],
  tools: [
    { key: 'new-convention', title: '起草公约', desc: '条款逐条征求意见、修订、发起表决、公示结果', page: 'edit/index', action: conventionContract.create },
  ],
  templates: ['voteReminder'],
  jobs: true,
  personalData: [
    { key: 'conventionComments', collection: 'convention_comments', owner: 'authorId', erase: { authorName: GONE, text: '（该用户已注销，意见已删除）', publishName: false } },
    { key: 'commentSupports', collection: 'comment_supports', owner: 'userId', erase: 'delete' },
    { key: 'ballots', collection: 'ballots', owner: 'castBy', erase: 'keep', only: ['_id', 'conventionId', 'unit', 'buildingName', 'source', 'createdAt'], kept: RECORD },
    { key: 'ballotsEnteredFor', collection: 'ballots', owner: 'actedBy.userId', erase: { 'actedBy.name': GONE }, only: ['_id', 'conventionId', 'unit', 'source', 'actedBy', 'createdAt'], kept: RECORD },
    { key: 'voteRegister', collection: 'vote_register', owner: 'userId', erase: 'keep', only: ['_id', 'conventionId', 'label'], kept: RECORD },
    { key: 'proxiesGiven', collection: 'vote_proxies', owner: 'grantorId', erase: { grantorName: GONE }, kept: RECORD },
    { key: 'proxiesHeld', collection: 'vote_proxies', owner: 'proxyUserId', erase: { proxyName: GONE }, kept: RECORD },
    { key: 'objections', collection: 'convention_objections', owner: 'authorId', erase: { authorName: GONE }, kept: RECORD },
    { key: 'conventionSignatures', collection: 'convention_signatures', owner: 'userId', erase: 'delete' },
    {
      key: 'conventionAuditing',
      collection: 'conventions',
      owner: 'auditors.userId',
      erase: 'keep',
      only: ['_id', 'title', 'phase'],
      arrays: [{ field: 'auditors', owner: 'userId', set: { name: GONE } }],
    },
  ],
});
