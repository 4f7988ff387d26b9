import { inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Access } from '../../../core/authz/index.ts';
import { carriers } from '../../platform/db/schema/index.ts';

/**
 * Who reaches a carrier. Reading: its lead's and its partners' organisations, the districts of the carrier,
 * of its lead and of its partners, and the city. Writing: the lead's side only (the lead organisation, the
 * district the carrier sits in), never a partner. `leadDistrict` is the lead organisation's district column
 * of the query the condition goes into.
 */
export function carrierReadScope(access: Access, leadDistrict: PgColumn): SQL | undefined {
  if (access.kind === 'city') return undefined;
  if (access.kind === 'none') return sql`false`;
  const parts: SQL[] = [];
  const { organisationIds: orgs, districtIds: districts } = access;
  if (orgs.length) {
    parts.push(inArray(carriers.leadOrganisationId, orgs));
    parts.push(
      sql`exists (select 1 from carrier_partners cp where cp.carrier_id = ${carriers.id} and cp.organisation_id in ${list(orgs)})`,
    );
  }
  if (districts.length) {
    parts.push(inArray(carriers.districtId, districts), inArray(leadDistrict, districts));
    parts.push(sql`exists (select 1 from carrier_partners cp join organisations po on po.id = cp.organisation_id
      where cp.carrier_id = ${carriers.id} and po.district_id in ${list(districts)})`);
  }
  return parts.length ? or(...parts) : sql`false`;
}

export function carrierWriteScope(access: Access, leadDistrict: PgColumn): SQL | undefined {
  if (access.kind === 'city') return undefined;
  if (access.kind === 'none') return sql`false`;
  const parts: SQL[] = [];
  if (access.organisationIds.length) parts.push(inArray(carriers.leadOrganisationId, access.organisationIds));
  if (access.districtIds.length) parts.push(sql`coalesce(${carriers.districtId}, ${leadDistrict}) in ${list(access.districtIds)}`);
  return parts.length ? or(...parts) : sql`false`;
}

const list = (ids: string[]) =>
  sql`(${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )})`;
