// Every page of dist/weapp's app.json, main package and subpackages, opened in miniprogram-simulate
// as someone who uses it: it shows what the emulator holds for them, with no console error and
// without reaching for a browser-only global.
import fs from 'node:fs';
import path from 'node:path';
import { weappDir } from '../../scripts/weapp';
import { bootAs, type WeappSession } from './helpers/simulate';
import { SETDATA_BUDGET, recordSetData } from './helpers/setdata';

interface PageCase {
  url: string;
  as: string;
  /** Texts (from the demo compound's data where possible) the page must show. */
  shows: (string | RegExp)[];
}

// A visitor who has not consented yet: what the binding page tells them.
const visitor = `weapp-visitor-${Date.now().toString(36)}`;

const PAGES: PageCase[] = [
  { url: '/pages/home/index', as: 'demo-grid', shows: ['刘芳，您好', '住户认证待审核', '全小区停电检修通知', '阳光下午茶'] },
  { url: '/pages/services/index', as: 'demo-grid', shows: ['你呼我应', '反映工作台', '住户认证审核'] },
  { url: '/pages/me/index', as: 'demo-resident', shows: ['王秀兰', '1栋1单元301室（已认证）', '隐私与个人数据'] },
  { url: '/packages/user/consent/index', as: visitor, shows: ['我们收集哪些信息', '同意并继续'] },
  { url: '/packages/user/binding/index', as: visitor, shows: ['认证房屋前，请先阅读并同意隐私保护指引'] },
  { url: '/packages/user/verify/index', as: 'demo-grid', shows: ['马晓燕', '1栋1单元802室', '核实通过'] },
  { url: '/packages/user/privacy/index', as: 'demo-resident', shows: ['已同意（2026-11-v1）', '导出我的数据', '注销账号'] },
  { url: '/packages/user/profile/index', as: 'demo-member', shows: ['139****3757', '亮身份'] },
  { url: '/packages/user/roles/index', as: 'demo-branch', shows: ['设置角色', '楼栋长/网格员'] },
  { url: '/packages/user/inbox/index', as: 'demo-resident', shows: ['消息中心', '您的反映已受理', '楼道灯不亮'] },
  { url: '/packages/request/report/index', as: 'demo-resident', shows: ['反映什么问题？', '6栋', '提交反映'] },
  { url: '/packages/request/mine/index', as: 'demo-resident', shows: ['楼道灯不亮'] },
  { url: '/packages/request/detail/index?id=demo-request-lamp', as: 'demo-resident', shows: ['处理人刘芳', '已联系物业电工，明天上午来修'] },
  { url: '/packages/request/hall/index', as: 'demo-member', shows: ['两袋米扛上 6 楼', '认领'] },
  { url: '/packages/request/work/index', as: 'demo-grid', shows: ['楼道灯不亮', '两袋米'] },
  { url: '/packages/request/board/index', as: 'demo-resident', shows: ['2栋门禁刷卡没反应', '2 位邻居也遇到'] },
  { url: '/packages/request/stats/index', as: 'demo-branch', shows: [/\d+(\.\d)?%响应率/, '满意率'] },
  { url: '/packages/volunteer/list/index', as: 'demo-member', shows: ['红袖标巡逻队', '党员请修队', '已加入', '需要：巡逻、急救'] },
  { url: '/packages/volunteer/team/index?id=demo-team-patrol', as: 'demo-member', shows: ['刘芳', '小区东门岗亭', '已预约', '签到'] },
  { url: '/packages/volunteer/mine/index', as: 'demo-member', shows: ['2.0 小时', '已核实', '待核实', '为 2 栋独居老人更换水龙头'] },
  { url: '/packages/volunteer/certificate/index', as: 'demo-member', shows: ['兹证明 张卫东', /ZY\d{12}[\dX]/, '红湖社区居民委员会', '保存图片到相册'] },
  { url: '/packages/volunteer/verify/index?number=ZY2026124242422', as: 'demo-resident', shows: ['没有找到这份证明'] },
  { url: '/packages/volunteer/manage/index?id=demo-team-patrol', as: 'demo-grid', shows: ['红袖标巡逻队', '李建国', '周末晚上', '批准'] },
  { url: '/packages/volunteer/stats/index', as: 'demo-branch', shows: ['红袖标巡逻队', '党员请修队', '组建服务队'] },
  { url: '/packages/volunteer/rate/index', as: 'demo-resident', shows: ['为1栋的楼栋长评分', '提交评分'] },
  { url: '/packages/event/list/index', as: 'demo-resident', shows: ['阳光下午茶', '义诊进小区', '名额已满，可候补'] },
  { url: '/packages/event/detail/index?id=demo-event-tea', as: 'demo-resident', shows: ['党群服务中心一楼活动室', '组织者赵丽华'] },
  { url: '/packages/event/edit/index', as: 'demo-committee', shows: ['活动名称', '计入志愿服务时长', '发布活动'] },
  { url: '/packages/event/attendees/index?id=demo-event-clinic', as: 'demo-committee', shows: [/已报名 \d+ 人/, '候补'] },
  { url: '/packages/event/checkin-code/index?id=demo-event-tea', as: 'demo-committee', shows: ['阳光下午茶', /\d{6}\d+ 秒后自动更换/] },
  { url: '/packages/event/mine/index', as: 'demo-resident', shows: ['报名、候补和签到记录'] },
  { url: '/packages/notice/list/index', as: 'demo-resident', shows: ['全小区停电检修通知', '2026年10月物业费收支公示'] },
  { url: '/packages/notice/detail/index?id=demo-notice-fees', as: 'demo-committee', shows: ['费用明细', '54,269.50', '阅读统计'] },
  { url: '/packages/notice/edit/index', as: 'demo-property', shows: ['通知类别', '物业可发布', '发布通知'] },
  { url: '/packages/notice/stats/index?id=demo-notice-outage', as: 'demo-property', shows: [/已读住户 \d+ \/ \d+ 户/, '未读住户'] },
  { url: '/packages/notice/manage/index', as: 'demo-property', shows: ['全小区停电检修通知', /已读 \d+ 人/] },
  // 公约与表决: the demo compound's parking convention under an owners' vote, and a 居民公约 in consultation
  { url: '/packages/convention/list/index', as: 'demo-resident', shows: ['全部公约', '表决中', /第 \d+ 稿/] },
  { url: '/packages/convention/detail/index?id=demo-convention-parking', as: 'demo-resident', shows: ['表决规则', '监票人', /第 1 条/, '对整个公约的意见'] },
  { url: '/packages/convention/ballot/index?id=demo-convention-parking', as: 'demo-resident', shows: ['一户一票，投票后不可更改', '《民法典》第二百七十八条', '投票时间'] },
  { url: '/packages/convention/result/index?id=demo-convention-parking', as: 'demo-committee', shows: ['依据', /参与表决(面积|人数)/, '异议与答复'] },
  { url: '/packages/convention/edit/index', as: 'demo-committee', shows: ['条款（1 条）', '居民公约', '保存草案'] },
  { url: '/packages/convention/open/index?id=demo-convention-civility', as: 'demo-committee', shows: ['《城市居民委员会组织法》第九、十条', '居民会议的投票人', '发起表决'] },
  { url: '/packages/convention/audit/index?id=demo-convention-parking', as: 'demo-committee', shows: ['监票人', /选票（\d+/, /委托书（\d+）/, '录入纸质选票'] },
  { url: '/packages/convention/progress/index?id=demo-convention-parking', as: 'demo-grid', shows: ['全小区', /\d+ \/ \d+/, '提醒未投票住户'] },
  // 工作台
  { url: '/packages/admin/dashboard/index', as: 'demo-branch', shows: [/(\d+(\.\d)?%|暂无)响应率/, '三率趋势', '正在办理的反映', '通知触达'] },
  { url: '/packages/admin/ledgers/index', as: 'demo-committee', shows: ['居民反映台账', 'Excel（XLSX）', '还没有导出'] },
  { url: '/packages/admin/audit/index', as: 'demo-branch', shows: ['清除筛选', /操作记录|没有符合条件的操作记录/] },
  { url: '/packages/admin/moderation/index', as: 'demo-committee', shows: [/待处理 \d+ 条|没有待审核或被举报的内容/] },
  { url: '/packages/admin/meetings/index', as: 'demo-committee', shows: ['召开会议', '创建会议'] },
  { url: '/packages/admin/meeting/index', as: 'demo-committee', shows: ['没有找到这次会议'] },
  { url: '/packages/admin/compounds/index', as: 'demo-officer', shows: ['红湖', '响应率'] },
];

const routeOf = (url: string) => url.split('?')[0].replace(/^\//, '');

test('the list covers every page of the built app.json', () => {
  const app = JSON.parse(fs.readFileSync(path.join(weappDir, 'app.json'), 'utf8')) as {
    pages: string[];
    subPackages?: { root: string; pages: string[] }[];
  };
  const all = [...app.pages, ...(app.subPackages ?? []).flatMap((p) => p.pages.map((q) => `${p.root}/${q}`))];
  expect(all.length).toBeGreaterThanOrEqual(26);
  expect([...new Set(PAGES.map((p) => routeOf(p.url)))].sort()).toEqual([...all].sort());
});

describe.each(PAGES)('$url', ({ url, as, shows }) => {
  let s: WeappSession | undefined;
  afterEach(() => s?.close());

  test(`renders for ${as}`, async () => {
    s = await bootAs(as);
    await s.open(url);
    for (const text of shows) await s.waitForText(text);
    await s.settle();
    expect(s.cloudCalls.length).toBeGreaterThan(0);
    expect(s.cloudCalls.filter((c) => c.result?.ok !== true).map((c) => `${c.name}.${c.action}: ${c.result?.code}`)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
    expect(s.browserTouches).toEqual([]);
    const largest = s.setDataBytes.get(routeOf(url)) ?? 0;
    expect(largest).toBeGreaterThan(0);
    expect(largest).toBeLessThan(SETDATA_BUDGET);
    recordSetData(routeOf(url), largest);
  });
});
