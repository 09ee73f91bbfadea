// User text goes through WeChat's content check (msgSecCheck v2). risky → rejected;
// review → stored but held for the moderation queue (DESIGN §5).
import { cloud } from './cloud';
import { fail } from '@core/errors';
import type { Ctx } from './serve';

export type ContentVerdict = 'pass' | 'review';
/** msgSecCheck scenes: 1 资料, 2 评论, 3 论坛, 4 社交日志. */
export type Scene = 1 | 2 | 3 | 4;

export async function checkText(ctx: Ctx, content: string, scene: Scene): Promise<ContentVerdict> {
  if (!content.trim()) return 'pass';
  const res = (await cloud.openapi.security.msgSecCheck({
    openid: ctx.openid,
    scene,
    version: 2,
    content: content.slice(0, 2500),
  } as never)) as { result?: { suggest?: string } };
  const suggest = res.result?.suggest ?? 'pass';
  if (suggest === 'risky') throw fail.rejected();
  return suggest === 'review' ? 'review' : 'pass';
}
