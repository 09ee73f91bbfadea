// Who may call an action, and whether a person may: pure, without zod, so the app's menus and page
// gates (core/manifest.ts, src/routes.ts) load on the first screen without any schema.
import { hasAnyRole, type Role } from './roles';

/**
 * Who may call an action, declared once beside its schemas: the function's runtime enforces it and
 * the app derives its menus and page gates from it (`can`). Object-level rights (this request, this
 * event) stay on the server and arrive as view fields.
 */
export type Access = { readonly kind: 'anyone' } | { readonly kind: 'user' } | { readonly kind: 'roles'; readonly roles: readonly Role[] };

/** No user record needed (login). */
export const anyone = { kind: 'anyone' } as const;
/** Any known caller. */
export const user = { kind: 'user' } as const;
/** A known caller holding one of these roles. */
export const roles = (...wanted: readonly Role[]) => ({ kind: 'roles', roles: wanted }) as const;

/** May a person with these roles call this action? (`null`: not signed in yet.) */
export function can(session: { roles: readonly Role[] } | null | undefined, action: { access: Access }): boolean {
  const a = action.access;
  if (a.kind === 'anyone') return true;
  if (!session) return false;
  return a.kind === 'user' || hasAnyRole(session.roles, a.roles);
}
