// The largest setData payload (bytes of JSON) each page sent while the weapp tier ran, kept in
// dist/weapp-setdata.json for `npm run bench` (WeChat's limit is 1 MB a call; our budget 256 KB).
import fs from 'node:fs';
import path from 'node:path';
import { root } from '../../../scripts/h5';

export const setDataFile = path.join(root, 'dist', 'weapp-setdata.json');
export const SETDATA_BUDGET = 256 * 1024;

export function readSetData(): Record<string, number> {
  try {
    return JSON.parse(fs.readFileSync(setDataFile, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

export function recordSetData(route: string, bytes: number): void {
  const all = readSetData();
  all[route] = Math.max(all[route] ?? 0, bytes);
  fs.mkdirSync(path.dirname(setDataFile), { recursive: true });
  fs.writeFileSync(setDataFile, `${JSON.stringify(all, null, 2)}\n`);
}
