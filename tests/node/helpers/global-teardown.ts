import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const e = (globalThis as Record<string, unknown>).__linliEmulator as { pid: number; dataDir: string } | undefined;
  if (!e) return;
  try {
    process.kill(e.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  fs.rmSync(e.dataDir, { recursive: true, force: true });
}
