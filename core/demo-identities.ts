// The fixed demo identities, one per role (README lists them). Data only: the H5 dev identity
// switcher imports this too.
import type { Role } from './roles';

export interface DemoIdentity {
  openid: string;
  name: string;
  roles: Role[];
  /** building number (1-6), unit, room; null = not bound */
  home: [number, string, string] | null;
  note: string;
}

export const DEMO_IDENTITIES: DemoIdentity[] = [
  { openid: 'demo-resident', name: '王秀兰', roles: ['resident'], home: [1, '1', '301'], note: '居民，1 栋（长者）' },
  { openid: 'demo-resident-2', name: '李建国', roles: ['resident'], home: [2, '1', '502'], note: '居民，2 栋' },
  { openid: 'demo-member', name: '张卫东', roles: ['resident', 'member'], home: [3, '2', '701'], note: '党员志愿者，3 栋，亮身份' },
  { openid: 'demo-grid', name: '刘芳', roles: ['resident', 'grid'], home: [1, '2', '201'], note: '楼栋长/网格员，负责 1 栋、4 栋' },
  { openid: 'demo-property', name: '陈志强', roles: ['property'], home: null, note: '物业服务中心' },
  { openid: 'demo-committee', name: '赵丽华', roles: ['resident', 'committee'], home: [5, '1', '902'], note: '业委会主任，5 栋' },
  { openid: 'demo-branch', name: '孙红梅', roles: ['resident', 'member', 'branch'], home: [6, '2', '402'], note: '党支部书记，6 栋' },
  { openid: 'demo-officer', name: '周国平', roles: ['officer'], home: null, note: '社区/街道干部' },
];
