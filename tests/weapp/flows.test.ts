// The main flows, tapped through in the WeChat build as the browser tests do in the H5 build:
// first use (consent, binding); reporting a request, finding it in 我的反映 and following its
// timeline as the property accepts it; registering for an event and being promoted from the
// waitlist; the check-in code's native component and checking in by scan or by code; a notice's unread
// dot; the privacy prompt before a privacy-scoped API. One WeChat user at a time, demo compound data.
import qrcode from 'qrcode-generator';
import { callAs, callsOf, expectClean, oneUserAtATime, waitFor } from './helpers/simulate';

const as = oneUserAtATime();

test('first use: a newcomer consents to the privacy terms and applies for a household', async () => {
  const newcomer = `weapp-new-${Date.now().toString(36)}`;
  const room = `${(Date.now() % 9) + 1}01`;
  const s = await as(newcomer);
  await s.open('/pages/home/index');
  await s.waitForText('欢迎使用邻里共治');

  await s.tap('js-start-consent');
  expect(s.current.route).toBe('packages/user/consent/index');
  await s.waitForText('我们收集哪些信息');
  // the button row's flex rule (`.ll-actions > .nut-button`) needs the buttons as its direct children
  const row = [...(await s.waitFor('ll-actions')).children];
  expect(row.map((el) => el.getAttribute('class')?.split(/\s+/).some((c) => c.endsWith('nut-button')))).toEqual([true, true]);
  await s.tap('js-agree');
  expect(callsOf(s, 'user', 'recordConsent').map((c) => c.result.ok)).toEqual([true]);

  await waitFor(() => s.current.route === 'packages/user/binding/index', 'the binding page after consent');
  await s.waitFor('js-binding-form');
  await s.tapText('js-buildings', '4栋');
  await s.tapText('js-units', '2单元');
  await s.input('js-room', '12 01');
  await s.tap('js-submit-binding');
  await s.waitForText('房号只能包含数字和字母');
  expect(callsOf(s, 'user', 'requestBinding')).toEqual([]);

  await s.input('js-room', room);
  await s.tap('js-submit-binding');
  // the 楼栋长 verifies by name: the form asks for it
  await s.waitForText('请填写姓名');
  expect(callsOf(s, 'user', 'requestBinding')).toEqual([]);
  await s.input('js-name', '马晓燕');
  await s.tap('js-submit-binding');
  await s.waitFor('js-binding-pending');
  await s.waitForText(`4栋2单元${room}室`);
  const [req] = callsOf(s, 'user', 'requestBinding');
  expect(req.result.ok).toBe(true);
  expect(req.data).toMatchObject({ buildingId: 'demo-b4', unit: '2', room });

  // the grid worker of building 4 has it in the queue
  const queue = await callAs('demo-grid', 'user', 'listPendingBindings');
  expect(queue.ok).toBe(true);
  expect(queue.data.items).toContainEqual(expect.objectContaining({ buildingId: 'demo-b4', unit: '2', room }));
  expectClean(s);
});

test('a resident reports a problem from the home page, finds it in 我的反映 and follows its timeline', async () => {
  const content = `2栋1单元电梯按钮失灵，按了没反应 ${Date.now().toString(36)}`;
  const s = await as('demo-resident-2');
  await s.open('/pages/home/index');
  await s.waitForText('李建国');
  await s.tap('js-report');
  expect(s.current.route).toBe('packages/request/report/index');
  await s.waitFor('js-report-form');
  await s.tap('js-category-repair');
  await s.input('js-content', content);
  await s.tap('js-building-demo-b2');
  await s.tap('js-unit-1');
  await s.tap('js-urgency-general');
  await s.tap('js-submit-request');

  // the report replaces itself with the request's detail page
  await waitFor(() => s.current.route === 'packages/request/detail/index', 'the request detail after submitting');
  await s.waitForText(content);
  await s.waitForText('待受理');
  const [submit] = callsOf(s, 'request', 'create');
  expect(submit.result.ok).toBe(true);
  expect(submit.data).toMatchObject({ category: 'repair', content, location: { buildingId: 'demo-b2', unit: '1' }, urgency: 'general' });
  const requestId: string = submit.result.data.requestId;
  expect(s.current.query.id).toBe(requestId);

  await s.open('/packages/request/mine/index');
  await s.waitForText(content);
  const row = await s.waitFor(`js-request-${requestId}`);
  await s.tap(row);
  expect(s.current.route).toBe('packages/request/detail/index');
  await s.waitForText('提交反映');
  expectClean(s);

  // a repair goes to the property company: it accepts from its workbench
  const staff = await as('demo-property');
  await staff.open('/packages/request/work/index');
  await staff.tap(await staff.waitFor(`js-request-${requestId}`));
  expect(staff.current.route).toBe('packages/request/detail/index');
  await staff.tap('js-action-accept');
  expect(callsOf(staff, 'request', 'accept').map((c) => c.result.ok)).toEqual([true]);
  expectClean(staff);

  // and the resident follows it on the timeline
  const again = await as('demo-resident-2');
  await again.open(`/packages/request/detail/index?id=${requestId}`);
  await again.waitForText('已受理');
  await again.waitForText('陈志强（物业）');
  expectClean(again);
});

test('registering for an event, and being promoted from the waitlist when someone cancels', async () => {
  // a free place: confirmed at once
  const s = await as('demo-resident-2');
  await s.open('/packages/event/detail/index?id=demo-event-tea');
  await s.waitForText('阳光下午茶');
  await s.tap('js-register');
  await s.waitFor('js-my-registration');
  await s.waitForText('报名成功，请按时参加');
  expect(callsOf(s, 'event', 'register').map((c) => c.result.data?.status)).toEqual(['confirmed']);
  expectClean(s);

  // the full clinic: waitlisted, then promoted when a confirmed neighbour cancels
  const m = await as('demo-member');
  await m.open('/packages/event/detail/index?id=demo-event-clinic');
  await m.waitForText('名额已满');
  await m.tap('js-register');
  const position = await m.waitFor('js-my-position');
  expect(position.textContent).toMatch(/候补第 1 位/);
  expect(callsOf(m, 'event', 'register').map((c) => c.result.data?.status)).toEqual(['waitlisted']);

  const cancel = await callAs('seed-100', 'event', 'cancel', { eventId: 'demo-event-clinic' });
  expect(cancel.ok).toBe(true);
  await m.open('/packages/event/detail/index?id=demo-event-clinic');
  await m.waitForText('报名成功，请按时参加');
  expect(m.find('js-my-position')).toBeUndefined();
  expectClean(m);
});

test('the organiser’s check-in code is the native component: the QR as views (no canvas), 长辈模式, copy, rotation', async () => {
  const s = await as('demo-committee');
  await s.open('/packages/event/checkin-code/index?id=demo-event-tea');
  await s.waitForText('秒后自动更换');
  const [issued] = callsOf(s, 'event', 'issueCheckinCode');
  expect(issued.result.ok).toBe(true);
  const { code, qrText } = issued.result.data as { code: string; qrText: string };
  await s.waitForText(code);
  expect(s.wxCalls.filter((c) => c.api === 'setKeepScreenOn').map((c) => c.args.keepScreenOn)).toEqual([true]);

  // the QR is the native component's dark runs, module for module what src/components/QrCode/QrCode.tsx's
  // settings make of qrText (error correction M, smallest version); no canvas is drawn on
  const qr = qrcode(0, 'M');
  qr.addData(qrText);
  qr.make();
  const n = qr.getModuleCount();
  let dark = 0;
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) dark++;
  const rows = await waitFor(() => (s.all('ck-qr-row').length ? s.all('ck-qr-row') : null), 'the QR rows of the native component');
  expect(rows).toHaveLength(n);
  const px = (el: HTMLElement, prop: string) => Number(new RegExp(`(?:^|;)\\s*${prop}:\\s*(\\d+)px`).exec(el.getAttribute('style') ?? '')?.[1]);
  const cell = px(rows[0], 'height');
  expect(cell).toBeGreaterThan(1);
  expect(s.all('ck-qr-dark').reduce((sum, run) => sum + px(run, 'width') / cell, 0)).toBe(dark);
  expect(s.current.comp.dom.querySelector('wx-canvas')).toBeNull();
  expect(s.canvases.size).toBe(0);

  // 长辈模式 reaches into the component (page styles do not)
  expect(s.find('ck--elder')).toBeUndefined();
  await s.tap('js-elder-toggle');
  await s.waitFor('ck--elder');

  // a tap on the digits copies the code (a privacy-scoped API: the app's prompt first)
  await s.tap('ck-digits');
  await s.waitForText('隐私保护提示');
  await s.agreePrivacy('js-privacy-agree');
  await waitFor(() => s.wxCalls.find((c) => c.api === 'setClipboardData'), 'setClipboardData');
  expect(s.wxCalls.filter((c) => c.api === 'setClipboardData').map((c) => c.args.data)).toEqual([code]);

  // when the code's time is up the component asks the page for the next one (rotate): the page is
  // shown again two minutes later, by this device's clock
  const realNow = Date.now;
  const later = realNow() + 120_000;
  Date.now = () => later;
  try {
    s.current.comp.triggerPageLifeTime('show');
  } finally {
    Date.now = realNow;
  }
  await waitFor(() => callsOf(s, 'event', 'issueCheckinCode').length === 2 && callsOf(s, 'event', 'issueCheckinCode')[1].result, 'the next code issued');
  const next = callsOf(s, 'event', 'issueCheckinCode')[1].result.data as { code: string };
  await s.waitForText(new RegExp(`${next.code}\\d+ 秒后自动更换`));
  expectClean(s);
});

test('checking in with the rotating code: scanning the organiser’s QR, or typing its six digits', async () => {
  // an event starting in 20 minutes: check-in opens 30 minutes before the start
  const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
  const created = await callAs('demo-committee', 'event', 'create', {
    title: `楼道议事会 ${Date.now().toString(36)}`,
    description: '一起商量楼道堆物清理',
    startAt: minutes(20),
    endAt: minutes(80),
    place: '1栋架空层',
    capacity: 0,
    signupDeadline: minutes(10),
    audience: { kind: 'all' },
    creditsHours: false,
  });
  expect(created.ok).toBe(true);
  const eventId: string = created.data.eventId;
  for (const who of ['demo-member', 'demo-resident-2']) expect((await callAs(who, 'event', 'register', { eventId })).data.status).toBe('confirmed');

  const organiser = await as('demo-committee');
  await organiser.open(`/packages/event/checkin-code/index?id=${eventId}`);
  await organiser.waitForText('秒后自动更换');
  const { code, qrText } = callsOf(organiser, 'event', 'issueCheckinCode')[0].result.data as { code: string; qrText: string };
  await organiser.waitForText(code);

  // 扫码签到: scanCode is privacy-scoped, so the prompt comes first
  const m = await as('demo-member');
  m.scanResult = qrText;
  await m.open(`/packages/event/detail/index?id=${eventId}`);
  await m.tap('js-checkin-scan');
  await m.waitForText('隐私保护提示');
  await m.agreePrivacy('js-privacy-agree');
  await m.waitForText('签到成功');
  expect(callsOf(m, 'event', 'checkin').map((c) => [c.data, c.result.ok])).toEqual([[{ eventId, code }, true]]);
  expectClean(m);

  // the six digits typed in
  const r = await as('demo-resident-2');
  await r.open(`/packages/event/detail/index?id=${eventId}`);
  await r.input('js-checkin-input', code);
  await r.tap('js-checkin-submit');
  await r.waitForText('签到成功');
  expect(callsOf(r, 'event', 'checkin').map((c) => c.result.ok)).toEqual([true]);
  expectClean(r);

  const list = await callAs('demo-committee', 'event', 'attendees', { eventId });
  expect(list.ok).toBe(true);
  expect(JSON.stringify(list.data)).toMatch(/"checkedIn":true[\s\S]*"checkedIn":true/);
});

test('reading a notice clears its unread dot', async () => {
  const s = await as('demo-resident-2');
  await s.open('/packages/notice/list/index');
  const row = await s.waitFor('js-notice-demo-notice-outage');
  expect(row.querySelector('[class*="js-unread-dot"]')).not.toBeNull();

  await s.tap(row);
  expect(s.current.route).toBe('packages/notice/detail/index');
  await s.waitForText('全小区停电检修通知');
  expect(callsOf(s, 'notice', 'get').map((c) => c.data)).toEqual([{ noticeId: 'demo-notice-outage' }]);

  // a moment of reading, then the navigation bar's back button: WeChat pops the page and shows the
  // list again (the list skips a refresh on a show within 1 s of mounting, see useRefreshOnShow)
  await new Promise((r) => setTimeout(r, 1100));
  await s.back();
  expect(s.current.route).toBe('packages/notice/list/index');
  await waitFor(() => {
    const r = s.find('js-notice-demo-notice-outage');
    return r && !r.querySelector('[class*="js-unread-dot"]');
  }, 'the unread dot to clear');
  expectClean(s);
});

test('a privacy-scoped API waits for the user: 拒绝 fails it, 同意 (open-type button) lets the photo through', async () => {
  const s = await as('demo-resident-2');
  await s.open('/packages/request/report/index');
  await s.waitFor('js-report-form');

  await s.tap('js-add-photo');
  await s.waitForText('隐私保护提示');
  expect(s.privacyAnswers).toEqual(['exposureAuthorization']);
  await s.tap('js-privacy-disagree');
  await waitFor(() => !s.text().includes('隐私保护提示'), 'the prompt to close');
  expect(s.privacyAnswers).toEqual(['exposureAuthorization', 'disagree']);
  expect(callsOf(s, 'request', 'uploadPhoto')).toEqual([]);

  await s.tap('js-add-photo');
  await s.waitForText('隐私保护提示');
  await s.agreePrivacy('js-privacy-agree');
  expect(s.privacyAnswers).toEqual(['exposureAuthorization', 'disagree', 'exposureAuthorization', 'agree']);
  const upload = await waitFor(() => callsOf(s, 'request', 'uploadPhoto')[0], 'the photo upload');
  expect(upload.result.ok).toBe(true);
  await s.waitFor('js-photo');
  await waitFor(() => !s.text().includes('隐私保护提示'), 'the prompt to close after agreeing');

  // agreed once: the next pick asks no more
  await s.tap('js-add-photo');
  await waitFor(() => callsOf(s, 'request', 'uploadPhoto').length === 2, 'the second upload');
  expect(s.privacyAnswers).toHaveLength(4);
  expectClean(s);
});
