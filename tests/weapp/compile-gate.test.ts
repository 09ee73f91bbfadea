/**
 * @jest-environment node
 */
// The compile gate: what WeChat's own compilers say about dist/weapp, and whether every style rule
// written in src/**/*.scss made it into the WeChat build (Taro's plugin-html drops some silently).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileWxml, compileWxss, droppedRules } from '../../scripts/weapp';

describe('the WeChat build compiles with WeChat’s compilers', () => {
  it('wcc compiles every .wxml of dist/weapp', () => {
    const r = compileWxml();
    expect(r.files).toBeGreaterThan(20);
    expect(r.errors).toEqual([]);
  });

  it('wcsc compiles every .wxss of dist/weapp', () => {
    const r = compileWxss();
    expect(r.files).toBeGreaterThan(20);
    expect(r.errors).toEqual([]);
  });

  it('no rule of src/**/*.scss is dropped from the weapp styles', () => {
    const r = droppedRules();
    expect(r.checked).toBeGreaterThan(200);
    expect(r.dropped.map((d) => `${d.scss}: ${d.selector}`)).toEqual([]);
  });
});

describe('the gate itself', () => {
  it('reports broken WXML, which nothing else catches offline', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-wxml-'));
    try {
      fs.writeFileSync(path.join(dir, 'index.wxml'), '<view class="a"><text>unclosed</view>');
      const r = compileWxml(dir);
      expect(r.errors.join('\n')).toMatch(/index\.wxml/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
