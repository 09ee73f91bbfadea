// 工作台 in the WeChat build: 说 → 商 — a grid worker puts a resident's request on the agenda of the
// 三方联席会议, the committee calls the meeting with it and records the decision, and the reporter
// finds the decision on the request's timeline. The dashboard draws its charts on Canvas 2D.
import { callsOf, expectClean, oneUserAtATime, waitFor } from './helpers/simulate';

const as = oneUserAtATime();

test('a request goes to the 三方联席会议 and its decision comes back onto the timeline', async () => {
  const decision = `物业三日内更换楼道灯 ${Date.now().toString(36)}`;
  const grid = await as('demo-grid');
  await grid.open('/packages/request/detail/index?id=demo-request-lamp');
  await grid.tap('js-propose');
  await grid.waitFor('js-dialog-propose');
  await grid.tap('nut-dialog-footer-ok');
  const proposed = await waitFor(() => callsOf(grid, 'admin', 'propose')[0], 'the proposal');
  expect(proposed.result.ok).toBe(true);
  expect(proposed.data).toMatchObject({ kind: 'request', refId: 'demo-request-lamp' });
  const itemId: string = proposed.result.data.itemId;
  await grid.waitForText('已提交议题');
  expectClean(grid);

  const committee = await as('demo-committee');
  await committee.open('/packages/admin/meetings/index');
  await committee.tap(await committee.waitFor(`js-agenda-${itemId}`));
  await committee.waitForText('将商议上面选中的 1 个议题');
  await committee.input('js-meeting-title', '12月三方联席会议');
  await committee.tap('js-create-meeting');
  await waitFor(() => committee.current.route === 'packages/admin/meeting/index', 'the meeting page after creating it');
  const [created] = callsOf(committee, 'admin', 'createMeeting');
  expect(created.result.ok).toBe(true);
  expect(created.data).toMatchObject({ title: '12月三方联席会议', itemIds: [itemId] });
  await committee.waitFor(`js-item-${itemId}`);
  await committee.input('js-decision-input', decision);
  await committee.tap('js-decide');
  await committee.waitForText(decision);
  expect(callsOf(committee, 'admin', 'decide').map((c) => c.result.ok)).toEqual([true]);
  expectClean(committee);

  const reporter = await as('demo-resident');
  await reporter.open('/packages/request/detail/index?id=demo-request-lamp');
  await reporter.waitForText('三方联席会议商议');
  await reporter.waitForText(`12月三方联席会议：${decision}`);
  expectClean(reporter);
});

test('the dashboard draws its charts on Canvas 2D beside the tables', async () => {
  const s = await as('demo-branch');
  await s.open('/packages/admin/dashboard/index');
  await s.waitForText('三率趋势');
  await s.settle();
  await waitFor(() => s.canvases.size >= 1, 'a chart drawn on a canvas');
  expectClean(s);
});
