import fs from 'node:fs';

interface Unindexed {
  collection: string;
  op: string;
  shape: string;
  order?: Record<string, number>;
  functionName: string | null;
  action: string | null;
  refused: boolean;
  count: number;
}

/** Name the queries strict index mode refused: a failing test only sees the function's error. */
async function reportUnindexed(url: string): Promise<void> {
  try {
    const { items } = (await (await fetch(`${url}/__emulator/unindexed`)).json()) as { items: Unindexed[] };
    if (process.env.LINLI_UNINDEXED_OUT) fs.writeFileSync(process.env.LINLI_UNINDEXED_OUT, JSON.stringify(items, null, 2));
    const refused = items.filter((u) => u.refused);
    if (!refused.length) return;
    console.warn(
      `\nStrict index mode refused ${refused.length} kind(s) of query (a test that expects a refusal shows here too; otherwise declare an index in cloudfunctions/runtime/collections.ts):\n` +
        refused
          .map((u) => `  ${u.functionName ?? 'SDK'}.${u.action ?? '?'}: ${u.op} ${u.collection} ${u.shape}${u.order ? ` order ${JSON.stringify(u.order)}` : ''} ×${u.count}`)
          .join('\n'),
    );
  } catch {
    /* the emulator is already gone */
  }
}

export default async function globalTeardown(): Promise<void> {
  const e = (globalThis as Record<string, unknown>).__linliEmulator as { pid: number; dataDir: string } | undefined;
  if (!e) return;
  if (process.env.LINLI_TEST_EMULATOR_URL) await reportUnindexed(process.env.LINLI_TEST_EMULATOR_URL);
  try {
    process.kill(e.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  fs.rmSync(e.dataDir, { recursive: true, force: true });
}
