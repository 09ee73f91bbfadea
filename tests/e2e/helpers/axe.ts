// axe-core in the browser tier: injected from node_modules into the page under test, run on the
// whole document, and reduced to what a person would be blocked by (serious and critical).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

const root = path.resolve(__dirname, '../../..');
const AXE = require.resolve('axe-core/axe.min.js');
export const AXE_REPORT = path.join(root, 'tests/artifacts/axe.json');

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  /** The first few offending nodes (CSS selector and a snippet of their HTML). */
  nodes: string[];
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string }[] }[];
}

/** Runs axe-core on the page (WCAG 2.0/2.1 A and AA plus best practices) and returns every violation. */
export async function axe(page: Page): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ path: AXE });
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    }),
  )) as AxeResult;
  return result.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    nodes: v.nodes.slice(0, 4).map((n) => `${JSON.stringify(n.target)} ${n.html.slice(0, 160)}`),
  }));
}

export const blocking = (f: AxeFinding) => f.impact === 'serious' || f.impact === 'critical';

/** Adds one page's findings to tests/artifacts/axe.json (all impacts, for the record). */
export function record(name: string, findings: AxeFinding[]): void {
  fs.mkdirSync(path.dirname(AXE_REPORT), { recursive: true });
  let all: Record<string, AxeFinding[]> = {};
  try {
    all = JSON.parse(fs.readFileSync(AXE_REPORT, 'utf8')) as Record<string, AxeFinding[]>;
  } catch {
    /* first page of the run */
  }
  all[name] = findings;
  fs.writeFileSync(AXE_REPORT, JSON.stringify(all, null, 2));
}
