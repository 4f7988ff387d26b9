import { useMemo } from 'react';
import type { Me } from '../../../../../contracts/auth.ts';
import { accessFor, inScope, type Actor, type Membership, type Permission, type ScopeTarget } from '../../../../../core/authz/index.ts';
import { useMe } from '../../../auth/session.tsx';

/** The signed-in user as the server's policy sees them, built from /api/auth/me. */
export function actorOf(me: Me): Actor {
  return {
    userId: me.user.id,
    username: me.user.username,
    displayName: me.user.displayName,
    memberships: me.roles.map((r) => ({
      organisationId: r.organisation.id,
      organisationKind: r.organisation.kind as Membership['organisationKind'],
      districtId: r.organisation.districtId,
      role: r.role,
    })),
  };
}

export type Can = (permission: Permission, target?: ScopeTarget) => boolean;

/**
 * Whether the user may do something, answered by the same policy table the server enforces
 * (core/authz/grants.ts), so buttons are shown to exactly the roles whose requests would be accepted.
 * With a target, the record must also lie within the grant's scope (a partner reads a carrier but only
 * its lead's side edits it). The server still decides; this only hides what would be refused.
 */
export function useCan(): Can {
  const me = useMe();
  return useMemo(() => {
    const actor = actorOf(me);
    return (permission, target) => {
      const access = accessFor(actor, permission);
      return target ? inScope(access, target) : access.kind !== 'none';
    };
  }, [me]);
}

/** The organisations of a given kind the user belongs to (a school admin's school, an enterprise admin's enterprise). */
export function useOwnOrganisations(kind: Membership['organisationKind']) {
  const me = useMe();
  return useMemo(() => {
    const seen = new Map<string, { id: string; name: string; districtId: string | null }>();
    for (const r of me.roles) if (r.organisation.kind === kind) seen.set(r.organisation.id, r.organisation);
    return [...seen.values()];
  }, [me, kind]);
}
