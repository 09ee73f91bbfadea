// Background work on CloudBase: a function starts a fresh invocation of itself (`{ $task, args }`,
// see ServeOptions.tasks) and answers its caller at once. callFunction waits for the callee's reply,
// so the caller waits only until the call has left (HANDOFF_MS), never for the work: the callee runs
// on under its own timeout. A call lost on the way is picked up by the function's scheduled job.
import { cloud } from './cloud';

const HANDOFF_MS = 300;

export async function startTask(fn: string, task: string, args: Record<string, unknown>, onError: (e: unknown) => Promise<void>): Promise<void> {
  const call = Promise.resolve()
    .then(() => cloud.callFunction({ name: fn, data: { $task: task, args } }) as Promise<unknown>)
    .then((res) => {
      const reply = (res as unknown as { result?: { ok?: boolean; code?: string; message?: string } }).result;
      if (reply && reply.ok === false) throw new Error(`${fn} task ${task}: ${reply.code} ${reply.message ?? ''}`);
    })
    .catch(onError)
    .catch((e: unknown) => console.error(`[tasks] ${fn}.${task} failed and could not be recorded`, e));
  await Promise.race([call, new Promise((r) => setTimeout(r, HANDOFF_MS))]);
}
