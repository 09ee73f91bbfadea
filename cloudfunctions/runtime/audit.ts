// Append-only audit trail (DESIGN §3): who did what to which record, from which role.
import type { Ctx } from './serve';

export async function audit(ctx: Ctx, action: string, target: string, detail: Record<string, unknown> = {}, compoundId?: string): Promise<void> {
  await ctx.db.collection('audit_logs').add({
    data: {
      // the compound acted on: the caller's own, or one an officer named (checked in scope by the handler)
      compoundId: compoundId ?? ctx.compoundId,
      actorId: ctx.user?._id ?? null,
      actorRoles: ctx.roles,
      action,
      target,
      detail,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    },
  });
}

/** An audit row written by a scheduled job (no caller: the console shows 系统). */
export async function auditJob(
  io: { db: Ctx['db']; now: Date },
  compoundId: string | null,
  action: string,
  target: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await io.db.collection('audit_logs').add({
    data: { compoundId, actorId: null, actorRoles: [], action, target, detail, createdAt: io.now, updatedAt: io.now },
  });
}
