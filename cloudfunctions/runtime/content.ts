// User text goes through WeChat's content check (msgSecCheck v2, the ctx.text port). risky →
// rejected; review → stored but held for the moderation queue (DESIGN §5).
import type { Moderation } from './model';
import type { ContentVerdict, Scene } from './ports';
import type { Ctx } from './serve';

export type { ContentVerdict, Scene };

export function checkText(ctx: Ctx, content: string, scene: Scene): Promise<ContentVerdict> {
  return ctx.text.check(content, scene, ctx.openid);
}

/** Edited text is checked again: its verdict stands, except that an edit never un-hides what a moderator hid. */
export async function recheckText(ctx: Ctx, current: Moderation, content: string, scene: Scene): Promise<Moderation> {
  const verdict = await checkText(ctx, content, scene);
  return current === 'hidden' ? 'hidden' : verdict;
}
