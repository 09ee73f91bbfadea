// 志愿服务 in the WeChat build: a member books a shift the leader has just put on the rota and checks in
// with the leader's rotating code; the certificate is drawn on a Canvas 2D and saved to the album
// once the privacy prompt is agreed. Demo compound data (emulator/seed-volunteer.ts).
import { bootAs, callAs, expectClean, waitFor, type WeappSession } from './helpers/simulate';

let s: WeappSession | undefined;
afterEach(() => s?.close());


test('a member books a new shift and checks in with the leader’s rotating code', async () => {
  const place = `西门岗亭 ${Date.now().toString(36)}`;
  const startAt = new Date(Date.now() + 10 * 60_000).toISOString();
  const endAt = new Date(Date.now() + 130 * 60_000).toISOString();
  const created = await callAs('demo-grid', 'volunteer', 'createShifts', { teamId: 'demo-team-patrol', startAt, endAt, place, capacity: 2 });
  expect(created.ok).toBe(true);
  const [shiftId] = created.data.shiftIds as string[];

  s = await bootAs('demo-member');
  await s.open('/packages/volunteer/team/index?id=demo-team-patrol');
  await s.waitForText(place);
  const row = await s.waitFor(`js-shift-${shiftId}`);
  const book = row.querySelector('[class*="js-book"]') as HTMLElement;
  expect(book).not.toBeNull();
  await s.tap(book);
  await waitFor(() => s!.cloudCalls.some((c) => c.action === 'bookShift' && c.result?.ok), 'the booking');
  await waitFor(() => s!.find(`js-shift-${shiftId}`)?.querySelector('[class*="js-code-input"]'), 'the code form on the booked shift');

  const code = await callAs('demo-grid', 'volunteer', 'shiftCode', { shiftId });
  expect(code.ok).toBe(true);
  const booked = s.find(`js-shift-${shiftId}`)!;
  const input = booked.querySelector('[class*="js-code-input"]') as HTMLElement;
  // the first code form on the page is the earliest shift's: this one
  expect(s.find('js-code-input')).toBe(input);
  await s.input('js-code-input', code.data.code);
  await s.tap(booked.querySelector('[class*="js-check-in"]') as HTMLElement);
  await waitFor(() => s!.cloudCalls.find((c) => c.action === 'shiftCheck'), 'the check-in');
  expect(s.cloudCalls.filter((c) => c.action === 'shiftCheck').map((c) => [c.data, c.result.ok])).toEqual([[{ shiftId, kind: 'in', code: code.data.code }, true]]);
  await waitFor(() => s!.find(`js-shift-${shiftId}`)?.textContent?.includes('已签到'), 'the shift marked 已签到');

  const roster = await callAs('demo-grid', 'volunteer', 'shiftRoster', { shiftId });
  expect(roster.data.items).toEqual([expect.objectContaining({ name: '张卫东', checkedOutAt: null, checkedInAt: expect.any(String) })]);
  expectClean(s);
});

test('the certificate is drawn on a canvas and saved to the album after the privacy prompt', async () => {
  s = await bootAs('demo-member');
  await s.open('/packages/volunteer/certificate/index');
  await s.waitForText('兹证明 张卫东');
  const number = /ZY\d{12}[\dX]/.exec(s.text())?.[0];
  expect(number).toBeTruthy();

  await s.tap('js-save-image');
  await s.waitForText('隐私保护提示');
  await s.agreePrivacy('js-privacy-agree');
  await waitFor(() => s!.savedImages.length > 0, 'the image saved to the album');
  const canvas = s.canvases.get('vo-cert-canvas');
  expect(canvas?.texts[0]).toBe('志愿服务证明');
  expect(canvas!.texts.join('')).toContain(number);
  expect(canvas?.rects.filter((r) => r.fill === '#1f1f1f').length).toBeGreaterThan(100);

  const check = await callAs('demo-resident', 'volunteer', 'verifyCertificate', { number });
  expect(check.data).toMatchObject({ valid: true, nameMasked: expect.stringMatching(/^张/), totalHours: '2.0' });
  expectClean(s);
});
