import { or, sql, type SQL } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { creditAccounts } from '../../platform/db/schema/index.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';

/**
 * Who reaches a learning account: the learner (self), the school or enterprise that holds it, its district,
 * the bureau. Outcomes, transfers, ledger entries and credentials add their own party (issuer, target school).
 */
export const accountScope = (access: Access) =>
  scopeWhere(access, {
    organisationId: creditAccounts.organisationId,
    districtId: creditAccounts.districtId,
    userId: creditAccounts.userId,
  });

/** Either condition reaches the row (undefined = no restriction, for city-wide access). */
export function eitherScope(access: Access, a: SQL | undefined, b: SQL | undefined): SQL | undefined {
  if (access.kind === 'city') return undefined;
  return or(a ?? sql`false`, b ?? sql`false`);
}

export { actingOrganisation } from '../../../core/credit-bank/issuer.ts';

export const num = (v: string | number | null): number | null => (v === null ? null : Number(v));
export const iso = (d: Date | string | null): string | null =>
  d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString();
