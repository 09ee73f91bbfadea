// The emulator serves the H5 build as static hosting behind a CDN does: text gzipped for a browser
// that takes it (and only then), the page never cached, hashed assets for a year.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Emulator } from '../../../emulator/server';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-static-'));
const js = `console.log(${JSON.stringify('你呼我应 '.repeat(400))});\n`;
let emulator: Emulator;
let url: string;

beforeAll(async () => {
  fs.mkdirSync(path.join(dir, 'js'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="app"></div>');
  fs.writeFileSync(path.join(dir, 'js', 'app.1234abcd.js'), js);
  fs.writeFileSync(path.join(dir, 'tiny.css'), 'a{}');
  emulator = new Emulator({ dataDir: null, functionsDirs: [], staticDir: dir });
  url = await emulator.listen();
});

afterAll(async () => {
  await emulator.close();
});

const get = (p: string, encoding?: string) =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    // node's fetch would decode the body itself: ask with http to see what went over the wire
    const req = require('node:http').get(`${url}${p}`, { headers: encoding ? { 'accept-encoding': encoding } : {} }, (res: import('node:http').IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
  });

test('a script goes out gzipped to a browser that accepts it, and decompresses to the file', async () => {
  const res = await get('/js/app.1234abcd.js', 'gzip, deflate, br');
  expect(res.status).toBe(200);
  expect(res.headers['content-encoding']).toBe('gzip');
  expect(res.headers.vary).toBe('accept-encoding');
  expect(res.headers['cache-control']).toContain('immutable');
  expect(res.body.length).toBeLessThan(Buffer.byteLength(js) / 4);
  expect(zlib.gunzipSync(res.body).toString('utf8')).toBe(js);
});

test('without gzip in accept-encoding, and for tiny files, the bytes are the file', async () => {
  const plain = await get('/js/app.1234abcd.js');
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.toString('utf8')).toBe(js);
  const tiny = await get('/tiny.css', 'gzip');
  expect(tiny.headers['content-encoding']).toBeUndefined();
  expect(tiny.body.toString('utf8')).toBe('a{}');
});

test('the page itself is never cached, and an unknown path answers the page (hash routing)', async () => {
  const res = await get('/#/pages/home/index', 'gzip');
  expect(res.headers['cache-control']).toBe('no-cache');
  expect((await get('/nothing/here')).body.toString('utf8')).toContain('id="app"');
});
