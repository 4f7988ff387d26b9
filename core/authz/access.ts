import type { Actor } from './roles.ts';
import { grantsFor, type Permission } from './grants.ts';

/**
 * What a caller may reach for one permission: nothing, everything, or the union of the districts,
 * organisations and own records their memberships grant.
 */
export type Access =
  { kind: 'none' } | { kind: 'city' } | { kind: 'limited'; districtIds: string[]; organisationIds: string[]; userId: string | null };

/** Where a record sits, for the scope check. Fields a resource does not have stay undefined. */
export interface ScopeTarget {
  organisationId?: string | null;
  districtId?: string | null;
  userId?: string | null;
}

export function accessFor(actor: Actor, permission: Permission): Access {
  const grants = grantsFor(permission);
  const districtIds = new Set<string>();
  const organisationIds = new Set<string>();
  let self = false;
  let granted = false;
  for (const m of actor.memberships) {
    const scope = grants[m.role];
    if (!scope) continue;
    granted = true;
    if (scope === 'city') return { kind: 'city' };
    if (scope === 'district' && m.districtId) districtIds.add(m.districtId);
    if (scope === 'organisation') organisationIds.add(m.organisationId);
    if (scope === 'self') self = true;
  }
  if (!granted) return { kind: 'none' };
  return { kind: 'limited', districtIds: [...districtIds], organisationIds: [...organisationIds], userId: self ? actor.userId : null };
}

export function inScope(access: Access, target: ScopeTarget): boolean {
  if (access.kind === 'city') return true;
  if (access.kind === 'none') return false;
  return (
    (target.districtId != null && access.districtIds.includes(target.districtId)) ||
    (target.organisationId != null && access.organisationIds.includes(target.organisationId)) ||
    (target.userId != null && access.userId === target.userId)
  );
}

/**
 * The organisation a caller acts for under a permission: the first membership whose role the permission
 * grants, else their first membership. Audit rows, imports and default choices (a school admin's own school)
 * all name it the same way.
 */
export function actingOrganisation(actor: Actor, permission: Permission): string | null {
  const grants = grantsFor(permission);
  return actor.memberships.find((m) => grants[m.role])?.organisationId ?? actor.memberships[0]?.organisationId ?? null;
}
