import type { Actor } from './context.ts';
import { forbidden } from './service-error.ts';

// Access rules: a role says what an actor may do, the org path says where. A unit sees its own
// forms, a department its units', a finance bureau everything in its tree.

export type Role = Actor['role'];

export const inScope = (actor: Actor, path: string): boolean => path.startsWith(actor.orgPath);

export const EDITOR_ROLES: readonly Role[] = ['unit-filler', 'admin'];
export const REVIEWER_ROLES: readonly Role[] = ['department-reviewer', 'finance-reviewer', 'admin'];

export function requireRole(actor: Actor, roles: readonly Role[], what: string): void {
  if (!roles.includes(actor.role)) throw forbidden(`当前角色无权${what}`);
}

export function requireAdmin(actor: Actor, what: string): void {
  requireRole(actor, ['admin'], what);
}

/** What the UI may offer this actor. */
export function permissionsOf(actor: Actor) {
  return {
    editForms: EDITOR_ROLES.includes(actor.role),
    reviewForms: REVIEWER_ROLES.includes(actor.role),
    publishForms: actor.role === 'finance-reviewer' || actor.role === 'admin',
    manageOrgs: actor.role === 'admin',
    manageUsers: actor.role === 'admin',
  };
}

/** Which org kinds a role may be attached to. */
export const ROLE_ORG_KINDS: Record<Role, readonly Actor['orgKind'][]> = {
  'unit-filler': ['unit'],
  'department-reviewer': ['department'],
  'finance-reviewer': ['finance'],
  admin: ['finance', 'department', 'unit'],
};

/** Which org kinds may sit under a parent of each kind (财政部门 → 主管部门 → 实施单位). */
export const CHILD_KINDS: Record<Actor['orgKind'], readonly Actor['orgKind'][]> = {
  finance: ['finance', 'department'],
  department: ['department', 'unit'],
  unit: [],
};
