// Roles (DESIGN §2) and who may act on what.

export const ROLES = ['resident', 'member', 'grid', 'property', 'committee', 'branch', 'officer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  member: '党员/志愿者',
  grid: '楼栋长/网格员',
  property: '物业',
  committee: '业委会',
  branch: '党支部',
  officer: '社区/街道',
};

/** Staff roles see personal data of the residents they serve (full phone numbers, rooms). */
export const STAFF_ROLES: readonly Role[] = ['grid', 'property', 'committee', 'branch', 'officer'];

export function hasAnyRole(roles: readonly Role[], wanted: readonly Role[]): boolean {
  return wanted.some((r) => roles.includes(r));
}

/**
 * Roles held by people who serve the compound without living in it (the property company, the
 * community/street office): nothing asks them to verify a household, though they may if they live there.
 */
export const WORKPLACE_ROLES: readonly Role[] = ['property', 'officer'];

/** Whether this account is a work account that needs no household (see WORKPLACE_ROLES). */
export function worksWithoutHousehold(roles: readonly Role[]): boolean {
  return hasAnyRole(roles, WORKPLACE_ROLES);
}

/** Roles the party branch may grant inside its compound; officers are appointed above it. */
export const BRANCH_GRANTABLE: readonly Role[] = ['resident', 'member', 'grid', 'property', 'committee', 'branch'];
