import { sql, type SQL } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { scopeSqlOn } from '../../platform/http/scope-sql.ts';

/**
 * Which schools (organisations aliased `o`) a caller reaches in the quality evaluation of a year: its grant's
 * reach (the city, a district, its own school), and for a 第三方评价机构 the schools the bureau commissioned it to
 * evaluate that year — no other. Outside it a school is not found (404).
 */
export function qualitySchoolsSql(access: Access, year: number): SQL {
  const own = scopeSqlOn(access, { organisationId: 'o.id', districtId: 'o.district_id' });
  if (access.kind !== 'limited' || !access.organisationIds.length) return own;
  const orgs = sql.join(
    access.organisationIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return sql`(${own} or exists (select 1 from quality_commission_schools qcs join quality_commissions qc on qc.id = qcs.commission_id
    where qcs.school_id = o.id and qc.year = ${year} and qc.evaluator_id in (${orgs})))`;
}
