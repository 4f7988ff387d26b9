import { sql, type SQL } from 'drizzle-orm';
import type { FundingGroup } from '../../../core/funding/index.ts';
import { fundingPolicy as policy } from '../../../policy/index.ts';
import { rows, type Db } from '../../platform/db/engine.ts';
import { higherFloorYuan } from './declarations.ts';

/**
 * The two funding targets as the cockpit counts them (二 (五) 14): every active public school of the group is in
 * the denominator (a school that has not declared counts as not shown to meet), and those whose declaration of the
 * measured year meets the threshold are the numerator. The measured year is the latest a public school of the group
 * declared for; for 中职, the latest that also has the 市财政局's 普高 figure (without it nothing can be judged).
 */
const list = (xs: readonly string[]) =>
  sql`(${sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  )})`;

const levelsOf = (g: FundingGroup) => list(g === 'higher' ? policy.higherLevels : policy.secondaryLevels);

function measuredYear(g: FundingGroup): SQL {
  return g === 'higher'
    ? sql`(select max(fd.year) from funding_declarations fd join schools fs on fs.organisation_id = fd.school_id
        where fs.ownership = 'public' and fs.level in ${levelsOf(g)})`
    : sql`(select max(fd.year) from funding_declarations fd join schools fs on fs.organisation_id = fd.school_id
        join high_school_funding fh on fh.year = fd.year where fs.ownership = 'public' and fs.level in ${levelsOf(g)})`;
}

/** One row per active public school of the group in `where` (over organisations `o`): its figure and standing. */
export function fundingSchoolsSql(g: FundingGroup, where: SQL): SQL {
  const threshold = g === 'higher' ? sql`${higherFloorYuan()}::int` : sql`h.per_student_yuan`;
  const meets = g === 'higher' ? sql`d.per_student_yuan >= ${threshold}` : sql`d.per_student_yuan > ${threshold}`;
  return sql`select o.id, o.name, o.district_id as "districtId", dist.name as district, y.year, d.students,
      d.per_student_yuan as "perStudentYuan", ${threshold} as "thresholdYuan", coalesce(${meets}, false) as meets
    from schools s join organisations o on o.id = s.organisation_id left join organisations dist on dist.id = o.district_id
    cross join (select ${measuredYear(g)} as year) y
    left join funding_declarations d on d.school_id = o.id and d.year = y.year
    left join high_school_funding h on h.year = y.year
    where o.status = 'active' and s.ownership = 'public' and s.level in ${levelsOf(g)} and ${where}`;
}

export interface FundingTally {
  districtId: string | null;
  group: FundingGroup;
  schools: number;
  meeting: number;
}

export async function fundingTallies(db: Db): Promise<FundingTally[]> {
  const per = (g: FundingGroup) =>
    rows<FundingTally>(
      db,
      sql`select x."districtId", ${g} as "group", count(*)::int as schools, (count(*) filter (where x.meets))::int as meeting
        from (${fundingSchoolsSql(g, sql`true`)}) x group by 1`,
    );
  return (await Promise.all([per('higher'), per('secondary')])).flat();
}

/** The cockpit's drill-down of a funding target: each school, below-threshold and undeclared first. */
export function fundingDrill(g: FundingGroup, where: SQL) {
  const schools = fundingSchoolsSql(g, where);
  return {
    columns: [
      ['name', '学校'],
      ['district', '所在区域'],
      ['year', '统计年度'],
      ['perStudentYuan', '生均财政拨款（元）'],
      ['thresholdYuan', g === 'higher' ? '下限（元）' : '当地普高生均（元）'],
      ['meets', g === 'higher' ? '达标（不低于下限）' : '达标（高于普高）'],
    ] as Array<[string, string]>,
    list: sql`select x.id, x.name, x.district, x.year, x."perStudentYuan", x."thresholdYuan", x.meets from (${schools}) x
      order by x.meets, x."perStudentYuan" nulls first, x.name, x.id`,
    count: sql`select count(*)::int as n from (${schools}) x`,
  };
}
