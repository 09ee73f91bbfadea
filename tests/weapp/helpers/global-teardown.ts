import fs from 'node:fs';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export default async function globalTeardown(): Promise<void> {
  const e = (globalThis as Record<string, unknown>).__linliWeapp as { pid: number; dataDir: string } | undefined;
  if (!e) return;
  try {
    process.kill(e.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  for (let i = 0; i < 30 && alive(e.pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(e.pid)) process.kill(e.pid, 'SIGKILL');
  fs.rmSync(e.dataDir, { recursive: true, force: true });
}
