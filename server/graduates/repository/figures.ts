import { sql, type SQL } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import {
  latestMeasuredYear,
  maskName,
  progressionRole,
  rateOf,
  rateParts,
  retentionRole,
  type DestinationTally,
} from '../../../core/graduates/index.ts';
import type { Figures, FiguresDrillQuery, FiguresQuery } from '../../../contracts/graduates.ts';
import { currentPlan, graduatesPolicy as policy } from '../../../policy/index.ts';
import { rows, type Db } from '../../platform/db/engine.ts';
import { graduateDestinations } from '../../platform/db/schema/index.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';

/**
 * 留郑率 and 中职升学率 from the destinations: the SQL counts destinations in groups (by year, survey point,
 * school level, category, place, study level and the breakdown's key), core/graduates/rules.ts decides which
 * count for which figure, so the cockpit, this page and the drill-down share one definition.
 */
export interface KeyedTally extends DestinationTally {
  districtId: string | null;
  key: string | null;
  name: string | null;
}

const scoped = (access: Access) =>
  scopeWhere(access, { organisationId: graduateDestinations.schoolId, districtId: graduateDestinations.districtId }) ?? sql`true`;

const KEYS: Record<FiguresQuery['by'], { key: SQL; name: SQL; join: SQL }> = {
  school: { key: sql`graduate_destinations.school_id::text`, name: sql`so.name`, join: sql`` },
  district: {
    key: sql`graduate_destinations.district_id::text`,
    name: sql`dist.name`,
    join: sql`left join organisations dist on dist.id = graduate_destinations.district_id`,
  },
  major: {
    key: sql`m.code`,
    name: sql`m.name`,
    join: sql`left join programs p on p.id = graduate_destinations.program_id left join majors m on m.id = p.major_id`,
  },
  cluster: {
    key: sql`cm.cluster_code`,
    name: sql`ic.name`,
    join: sql`left join programs p on p.id = graduate_destinations.program_id left join majors m on m.id = p.major_id
      left join lateral (select x.cluster_code from cluster_majors x where x.major_code = m.code order by x.cluster_code limit 1) cm on true
      left join industry_clusters ic on ic.code = cm.cluster_code`,
  },
};

/** Destinations counted in groups, optionally keyed by a breakdown; `where` narrows (scope). */
export async function destinationTallies(db: Db, where: SQL, by?: FiguresQuery['by']): Promise<KeyedTally[]> {
  const k = by ? KEYS[by] : { key: sql`null::text`, name: sql`null::text`, join: sql`` };
  return rows<KeyedTally>(
    db,
    sql`select graduate_destinations.graduation_year as "graduationYear", graduate_destinations.survey_point as "surveyPoint", sc.level as "schoolLevel",
      graduate_destinations.category_code as "categoryCode", graduate_destinations.in_zhengzhou as "inZhengzhou",
      graduate_destinations.study_level as "studyLevel", graduate_destinations.study_full_time as "studyFullTime",
      graduate_destinations.district_id as "districtId", ${k.key} as key, ${k.name} as name, count(*)::int as n
    from graduate_destinations join schools sc on sc.organisation_id = graduate_destinations.school_id
      join organisations so on so.id = graduate_destinations.school_id ${k.join}
    where so.status = 'active' and ${where}
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`,
  );
}

const targetOf = (code: string) => {
  const t = currentPlan.targets.find((x) => x.code === code);
  return t && 'value' in t ? t.value : 0;
};
const parts = (which: 'retention' | 'progression', xs: readonly KeyedTally[]) => {
  const p = rateParts(policy, which, xs);
  return { ...p, value: rateOf(p) };
};

export async function graduateFigures(db: Db, access: Access, q: FiguresQuery): Promise<Figures> {
  const tallies = await destinationTallies(db, scoped(access), q.by);
  const years = [...new Set(tallies.map((t) => t.graduationYear))].sort((a, b) => b - a);
  const year =
    q.graduationYear ??
    latestMeasuredYear(policy, 'retention', tallies) ??
    latestMeasuredYear(policy, 'progression', tallies) ??
    years[0] ??
    null;
  const ofYear = tallies.filter((t) => t.graduationYear === year);
  const keys = new Map<string | null, string>();
  for (const t of ofYear) keys.set(t.key, t.name ?? (q.by === 'cluster' ? '未对接产业集群' : q.by === 'major' ? '未登记专业' : '未登记'));
  const rowsOut = [...keys].map(([key, name]) => {
    const mine = ofYear.filter((t) => t.key === key);
    return { key, name, retention: parts('retention', mine), progression: parts('progression', mine) };
  });
  rowsOut.sort(
    (a, b) =>
      b.retention.denominator + b.progression.denominator - (a.retention.denominator + a.progression.denominator) ||
      a.name.localeCompare(b.name, 'zh'),
  );
  return {
    graduationYear: year,
    years: years.map((y) => {
      const mine = tallies.filter((t) => t.graduationYear === y);
      return { graduationYear: y, retention: parts('retention', mine), progression: parts('progression', mine) };
    }),
    retention: {
      ...parts('retention', ofYear),
      target: targetOf(policy.retention.target),
      surveyPoint: policy.retention.surveyPoint,
      definition: policy.retention.definition,
      article: policy.retention.source.article,
    },
    progression: {
      ...parts('progression', ofYear),
      target: targetOf(policy.progression.target),
      surveyPoint: policy.progression.surveyPoint,
      definition: policy.progression.definition,
      article: policy.progression.source.article,
    },
    by: q.by,
    rows: rowsOut,
  };
}

/**
 * The graduates behind one figure (of one breakdown row), names masked: those in its denominator, the counted
 * ones (numerator) first. The same rules decide as for the figure.
 */
export async function figureGraduates(db: Db, access: Access, q: FiguresDrillQuery, extraWhere: SQL = sql`true`) {
  const def = q.measure === 'retention' ? policy.retention : policy.progression;
  const role = q.measure === 'retention' ? retentionRole : progressionRole;
  const keyFilter = q.by && q.key !== undefined ? sql`${KEYS[q.by].key} is not distinct from ${q.key === '' ? null : q.key}` : sql`true`;
  const found = await rows<{
    id: string;
    name: string;
    schoolName: string;
    majorName: string | null;
    schoolLevel: DestinationTally['schoolLevel'];
    categoryCode: string;
    inZhengzhou: boolean;
    studyLevel: string | null;
    studyFullTime: boolean | null;
    studySchool: string | null;
    employerName: string | null;
    place: string | null;
  }>(
    db,
    sql`select graduate_destinations.id, s.name, so.name as "schoolName", m.name as "majorName", sc.level as "schoolLevel",
      graduate_destinations.category_code as "categoryCode", graduate_destinations.in_zhengzhou as "inZhengzhou",
      graduate_destinations.study_level as "studyLevel", graduate_destinations.study_full_time as "studyFullTime",
      graduate_destinations.study_school as "studySchool", graduate_destinations.employer_name as "employerName", ld.name as place
    from graduate_destinations join students s on s.id = graduate_destinations.student_id
      join schools sc on sc.organisation_id = graduate_destinations.school_id join organisations so on so.id = graduate_destinations.school_id
      left join organisations ld on ld.id = graduate_destinations.location_district_id
      ${q.by === 'district' ? KEYS.district.join : sql``}
      left join programs p on p.id = graduate_destinations.program_id left join majors m on m.id = p.major_id
      ${q.by === 'cluster' ? sql`left join lateral (select x.cluster_code from cluster_majors x where x.major_code = m.code order by x.cluster_code limit 1) cm on true` : sql``}
    where so.status = 'active' and graduate_destinations.graduation_year = ${q.graduationYear} and graduate_destinations.survey_point = ${def.surveyPoint}
      and ${scoped(access)} and ${keyFilter} and ${extraWhere}
    order by so.name, s.name_sort, graduate_destinations.id`,
  );
  const all = found
    .map((r) => ({ r, x: role(policy, { ...r, surveyPoint: def.surveyPoint }) }))
    .filter(({ x }) => x.denominator && (!q.part || (q.part === 'counted') === x.numerator));
  all.sort((a, b) => Number(b.x.numerator) - Number(a.x.numerator));
  const page = all.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  return {
    items: page.map(({ r, x }) => ({
      id: r.id,
      name: maskName(r.name),
      schoolName: r.schoolName,
      majorName: r.majorName,
      categoryName: policy.categories.find((c) => c.code === r.categoryCode)?.name ?? r.categoryCode,
      place:
        (r.studySchool ?? r.employerName)
          ? `${r.studySchool ?? r.employerName}（${r.place ?? (r.inZhengzhou ? '郑州市' : '郑州市外')}）`
          : (r.place ?? '—'),
      counted: x.numerator,
    })),
    total: all.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}
