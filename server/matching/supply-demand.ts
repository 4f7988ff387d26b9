import { sql } from 'drizzle-orm';
import type { Access } from '../../core/authz/index.ts';
import { rows, type Db } from '../platform/db/engine.ts';

type By = 'cluster' | 'major' | 'district';

/**
 * The bureau's view of unmet demand against unplaced supply. Demand: people still wanted by open talent
 * demands plus places left on published internship posts (internship demands are counted through their
 * posts, not twice). Supply: enrolled students seeking an internship who hold no accepted application.
 * By cluster a student counts under every cluster their major feeds (the mapping is many-to-many), so the
 * cluster rows do not add up to the total; by major and by district each person counts once.
 */
export async function supplyDemand(db: Db, access: Access, by: By, today: string) {
  // A district sees its own district's demand and its own schools' students.
  const districts = access.kind === 'limited' ? access.districtIds : null;
  const inDistrict = (col: ReturnType<typeof sql>) => {
    if (!districts) return sql``;
    if (districts.length === 0) return sql`and false`;
    return sql`and ${col} in (${sql.join(
      districts.map((d) => sql`${d}::uuid`),
      sql`, `,
    )})`;
  };
  const demandKey = {
    cluster: sql`coalesce(o.cluster_code, '')`,
    major: sql`coalesce(m.code, '')`,
    district: sql`coalesce(o.district_id::text, '')`,
  }[by];
  const demandRows = await rows<{ key: string; n: number }>(
    db,
    sql`
    with o as (
      select d.cluster_code, d.major_codes, d.district_id, d.headcount as n from demands d
      where d.status = 'open' and d.kind = 'talent' and d.headcount is not null ${inDistrict(sql`d.district_id`)}
      union all
      select coalesce(dm.cluster_code, e.cluster_code), p.major_codes, p.district_id, p.places - p.places_taken from internship_posts p
      left join enterprises e on e.organisation_id = p.enterprise_id
      left join demands dm on dm.internship_post_id = p.id
      where p.status = 'published' and p.places > p.places_taken and p.end_date >= ${today} ${inDistrict(sql`p.district_id`)}
    )
    select ${demandKey} as key, sum(o.n)::int as n from o
    ${by === 'major' ? sql`left join lateral (select unnest(case when cardinality(o.major_codes) = 0 then array[null]::text[] else o.major_codes end) as code) m on true` : sql``}
    group by 1`,
  );
  const supplyKey = {
    cluster: sql`coalesce(cm.cluster_code, '')`,
    major: sql`coalesce(mj.code, '')`,
    district: sql`coalesce(sc.district_id::text, '')`,
  }[by];
  const supplyRows = await rows<{ key: string; n: number }>(
    db,
    sql`
    select ${supplyKey} as key, count(distinct s.id)::int as n
    from students s
    join student_profiles sp on sp.student_id = s.id and sp.seeking_internship
    join organisations sc on sc.id = s.school_id
    left join programs pr on pr.id = s.program_id
    left join majors mj on mj.id = pr.major_id
    ${by === 'cluster' ? sql`left join cluster_majors cm on cm.major_code = mj.code` : sql``}
    where s.status = 'enrolled' and s.archived_at is null ${inDistrict(sql`sc.district_id`)}
      and not exists (select 1 from internship_applications a where a.student_id = s.id and a.status = 'accepted')
    group by 1`,
  );
  const names = await rows<{ key: string; name: string }>(
    db,
    {
      cluster: sql`select code as key, name from industry_clusters`,
      major: sql`select distinct on (code) code as key, name from majors order by code`,
      district: sql`select id::text as key, name from organisations where kind = 'district'`,
    }[by],
  );
  const nameOf = new Map(names.map((n) => [n.key, n.name]));
  const table = new Map<string, { demandOpen: number; supplySeeking: number }>();
  const at = (k: string) => table.get(k) ?? (table.set(k, { demandOpen: 0, supplySeeking: 0 }), table.get(k)!);
  for (const r of demandRows) at(r.key).demandOpen += r.n;
  for (const r of supplyRows) at(r.key).supplySeeking += r.n;
  const unnamed = { cluster: '方案所列集群之外', major: '不限专业 / 未登记专业', district: '未知区县' }[by];
  const result = [...table.entries()]
    .map(([key, v]) => ({ key, name: key ? (nameOf.get(key) ?? key) : unnamed, ...v, gap: v.demandOpen - v.supplySeeking }))
    .sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap) || a.key.localeCompare(b.key));
  const [totals] = await rows<{ demandOpen: number; supplySeeking: number }>(
    db,
    sql`select
    (select coalesce(sum(headcount), 0)::int from demands d where status = 'open' and kind = 'talent' ${inDistrict(sql`d.district_id`)})
    + (select coalesce(sum(places - places_taken), 0)::int from internship_posts p where status = 'published' and places > places_taken and end_date >= ${today} ${inDistrict(sql`p.district_id`)}) as "demandOpen",
    (select count(*)::int from students s join student_profiles sp on sp.student_id = s.id and sp.seeking_internship join organisations sc on sc.id = s.school_id
      where s.status = 'enrolled' and s.archived_at is null ${inDistrict(sql`sc.district_id`)}
      and not exists (select 1 from internship_applications a where a.student_id = s.id and a.status = 'accepted')) as "supplySeeking"`,
  );
  return { by, rows: result, totals: totals! };
}
