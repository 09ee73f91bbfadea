// 用户与房屋认证
import { defineDomain } from '../manifest';
import { userContract } from './contract';

export const userDomain = defineDomain({
  name: 'user',
  title: '用户与房屋认证',
  pages: ['consent/index', 'binding/index', 'verify/index', 'privacy/index', 'profile/index', 'roles/index', 'inbox/index'],
  tools: [
    { key: 'verify', title: '住户认证审核', desc: '核实本楼栋住户的房屋认证申请', page: 'verify/index', action: userContract.listPendingBindings },
    {
      key: 'roles',
      title: '人员与角色',
      desc: '设置楼栋长、党员志愿者、业委会等角色（留痕）',
      page: 'roles/index',
      action: userContract.setRoles,
      fallback: { title: '人员名册', desc: '查看本小区已登记人员', action: userContract.searchUsers },
    },
  ],
  templates: [],
  jobs: true,
  // the user record itself becomes an anonymous tombstone (user.deleteMyAccount)
  personalData: [
    { key: 'bindings', collection: 'bindings', owner: 'userId', erase: 'delete' },
    { key: 'inbox', collection: 'inbox', owner: 'userId', erase: 'delete' },
    { key: 'auditTrail', collection: 'audit_logs', owner: 'actorId', erase: 'keep', kept: '操作留痕依法保存（不少于一年），只保留匿名编号' },
  ],
});
