import type { Access } from '../authz/access.ts';

/**
 * The organisation a staff member acts for under a permission (the first the grant reaches): the issuer of an
 * outcome, the opener of an account. City-wide access acts for no organisation.
 */
export function actingOrganisation(access: Access): string | null {
  return access.kind === 'limited' ? (access.organisationIds[0] ?? null) : null;
}
