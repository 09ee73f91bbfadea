// The harness's own guards can fail: a browser-only global throws and is recorded, a missing text
// times out, a console error is caught, and an agree with an untapped button is refused.
import { bootAs, type WeappSession } from './helpers/simulate';

let s: WeappSession | undefined;
afterEach(() => s?.close());

test('browser-only globals throw once the app has booted, and the touch is recorded', async () => {
  s = await bootAs('demo-resident');
  const g = globalThis as unknown as Record<string, unknown>;
  expect(() => g.localStorage).toThrow(/WeChat has no localStorage/);
  expect(() => g.XMLHttpRequest).toThrow(ReferenceError);
  expect([...new Set(s.browserTouches)]).toEqual(['localStorage', 'XMLHttpRequest']);
  s.close();
  s = undefined;
  // given back after the session
  expect(() => g.localStorage).not.toThrow();
});

test('a text the page does not show times out, and console errors are collected', async () => {
  s = await bootAs('demo-resident');
  await s.open('/pages/me/index');
  await s.waitForText('王秀兰');
  await expect(s.waitForText('这句话不在页面上', 300)).rejects.toThrow(/timed out waiting for text/);
  console.error('boom');
  expect(s.consoleErrors).toEqual(['boom']);
});

test('WeChat refuses a privacy agree naming a button that was never tapped', async () => {
  s = await bootAs('demo-resident-2');
  await s.open('/packages/request/report/index');
  await s.waitFor('js-report-form');
  const wx = (globalThis as unknown as { wx: { chooseImage(o: object): Promise<unknown>; onNeedPrivacyAuthorization(fn: unknown): void } }).wx;
  // an app that answers "agree" without showing anything
  wx.onNeedPrivacyAuthorization((resolve: (a: object) => void) => resolve({ event: 'agree', buttonId: 'll-privacy-agree' }));
  await expect(wx.chooseImage({ count: 1 })).rejects.toMatchObject({ errMsg: expect.stringMatching(/not tapped/) });
});
