import { sql, type SQL } from 'drizzle-orm';
import type { InternationalTally } from '../../../core/indicators/index.ts';
import { INTERNATIONAL_KIND_LABELS } from '../../../core/international/index.ts';
import { rows, type Db } from '../../platform/db/engine.ts';

/**
 * international_projects as the cockpit counts it (二 (四) 13): every verified record is one project, in its owner's
 * district. A record awaiting the bureau or returned does not count — never on the owner's word alone.
 */
export function internationalTallies(db: Db): Promise<InternationalTally[]> {
  return rows<InternationalTally>(
    db,
    sql`select r.district_id as "districtId", count(*)::int as n from international_records r where r.status = 'verified' group by 1`,
  );
}

const kindLabel = sql`(case r.kind ${sql.join(
  Object.entries(INTERNATIONAL_KIND_LABELS).map(([k, v]) => sql`when ${k} then ${v}`),
  sql` `,
)} end)`;

/** The cockpit's drill-down: each verified record over `where` (on records `r`), newest first. */
export function internationalDrill(where: SQL) {
  const all = sql`r.status = 'verified' and ${where}`;
  return {
    columns: [
      ['name', '名称'],
      ['kind', '类型'],
      ['organisation', '登记单位'],
      ['district', '所在区域'],
      ['country', '合作国家（地区）'],
      ['startedOn', '开始日期'],
      ['verifiedOn', '核验日期'],
    ] as Array<[string, string]>,
    list: sql`select r.id, r.title as name, ${kindLabel} as kind, o.name as organisation, d.name as district, r.country,
      r.started_on::text as "startedOn", to_char(r.verified_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as "verifiedOn"
      from international_records r join organisations o on o.id = r.organisation_id left join organisations d on d.id = r.district_id
      where ${all} order by r.started_on desc, r.id`,
    count: sql`select count(*)::int as n from international_records r where ${all}`,
  };
}
