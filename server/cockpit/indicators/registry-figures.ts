import { sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../../platform/db/engine.ts';

/** Which part of the register a home page counts: the whole city, one district or one school. */
export type FigureScope = { kind: 'city' } | { kind: 'district'; districtId: string } | { kind: 'school'; schoolId: string };

function orgFilter(scope: FigureScope, alias: string): SQL {
  const a = sql.raw(alias);
  if (scope.kind === 'district') return sql`${a}.district_id = ${scope.districtId}`;
  if (scope.kind === 'school') return sql`${a}.id = ${scope.schoolId}`;
  return sql`true`;
}

export interface RegistryFigures {
  schools: number;
  enterprises: number;
  certifiedEnterprises: number;
  teachers: number;
  specialtyTeachers: number;
  dualQualifiedTeachers: number;
  students: number;
  programs: number;
  programsWithPracticeShare: number;
  programsMeetingPracticeShare: number;
  isDemo: boolean;
}

/**
 * The registry counts behind the home pages, in one round trip. A caller that has already counted the scope's
 * students (the district's per-school table) passes the total, so the same index entries are not walked twice.
 */
export async function registryFigures(
  db: Db,
  scope: FigureScope,
  practiceShareMin: number,
  counted: { students?: number } = {},
): Promise<RegistryFigures> {
  // The scope's schools once, and one pass each over its teachers and its programs (the counts are filters of it).
  const [r] = await rows<RegistryFigures>(
    db,
    sql`
    with sch as (select o.id from organisations o where o.kind = 'school' and o.status = 'active' and ${orgFilter(scope, 'o')}),
    t as (
      select count(*)::int as "teachers", (count(*) filter (where t.subject = 'specialty'))::int as "specialtyTeachers",
        (count(*) filter (where t.subject = 'specialty' and t.dual_qualified))::int as "dualQualifiedTeachers"
      from teachers t where t.status = 'active' and t.school_id in (select id from sch)),
    p as (
      select count(*)::int as "programs", count(p.practice_share)::int as "programsWithPracticeShare",
        (count(*) filter (where p.practice_share >= ${practiceShareMin}))::int as "programsMeetingPracticeShare"
      from programs p where p.status = 'active' and p.school_id in (select id from sch))
    select
      (select count(*)::int from sch) as "schools",
      (select count(*)::int from organisations o where o.kind = 'enterprise' and o.status = 'active' and ${scope.kind === 'school' ? sql`false` : orgFilter(scope, 'o')}) as "enterprises",
      (select count(*)::int from organisations o join enterprises e on e.organisation_id = o.id
         where o.status = 'active' and e.integration_status like 'certified%' and ${scope.kind === 'school' ? sql`false` : orgFilter(scope, 'o')}) as "certifiedEnterprises",
      t."teachers", t."specialtyTeachers", t."dualQualifiedTeachers",
      ${counted.students !== undefined ? sql`${counted.students}::int` : sql`(select count(*)::int from students s where s.status = 'enrolled' and s.archived_at is null and s.school_id in (select id from sch))`} as "students",
      p."programs", p."programsWithPracticeShare", p."programsMeetingPracticeShare",
      exists (select 1 from organisations o where o.is_demo) as "isDemo"
    from t, p
  `,
  );
  return r!;
}

/** The registry counts of one district (null: organisations without one), as a recompute stores them. */
export type DistrictFigures = Omit<RegistryFigures, 'isDemo'> & { districtId: string | null };

const COUNTS = [
  'schools',
  'enterprises',
  'certifiedEnterprises',
  'teachers',
  'specialtyTeachers',
  'dualQualifiedTeachers',
  'students',
  'programs',
  'programsWithPracticeShare',
  'programsMeetingPracticeShare',
] as const;

/**
 * The same counts as `registryFigures`, for every district at once: one grouped pass over each table instead of
 * one scan per district (the bureau's home at city scale). The daily recompute stores them in the city snapshot.
 */
export async function registryFiguresByDistrict(db: Db, practiceShareMin: number): Promise<DistrictFigures[]> {
  const active = sql`(select o.id, o.district_id from organisations o where o.kind = 'school' and o.status = 'active')`;
  const [orgs, teachers, students, programs] = await Promise.all([
    rows<{ districtId: string | null; schools: number; enterprises: number; certifiedEnterprises: number }>(
      db,
      sql`
      select o.district_id as "districtId", (count(*) filter (where o.kind = 'school'))::int as schools,
        (count(*) filter (where o.kind = 'enterprise'))::int as enterprises,
        (count(*) filter (where o.kind = 'enterprise' and e.integration_status like 'certified%'))::int as "certifiedEnterprises"
      from organisations o left join enterprises e on e.organisation_id = o.id
      where o.status = 'active' and o.kind in ('school', 'enterprise') group by 1`,
    ),
    rows<{ districtId: string | null; teachers: number; specialtyTeachers: number; dualQualifiedTeachers: number }>(
      db,
      sql`
      select a.district_id as "districtId", count(*)::int as teachers, (count(*) filter (where t.subject = 'specialty'))::int as "specialtyTeachers",
        (count(*) filter (where t.subject = 'specialty' and t.dual_qualified))::int as "dualQualifiedTeachers"
      from teachers t join ${active} a on a.id = t.school_id where t.status = 'active' group by 1`,
    ),
    rows<{ districtId: string | null; students: number }>(
      db,
      sql`
      select a.district_id as "districtId", count(*)::int as students
      from students s join ${active} a on a.id = s.school_id where s.status = 'enrolled' and s.archived_at is null group by 1`,
    ),
    rows<{ districtId: string | null; programs: number; programsWithPracticeShare: number; programsMeetingPracticeShare: number }>(
      db,
      sql`
      select a.district_id as "districtId", count(*)::int as programs, count(p.practice_share)::int as "programsWithPracticeShare",
        (count(*) filter (where p.practice_share >= ${practiceShareMin}))::int as "programsMeetingPracticeShare"
      from programs p join ${active} a on a.id = p.school_id where p.status = 'active' group by 1`,
    ),
  ]);
  const by = new Map<string | null, DistrictFigures>();
  for (const part of [...orgs, ...teachers, ...students, ...programs] as Array<Partial<DistrictFigures> & { districtId: string | null }>) {
    const row =
      by.get(part.districtId) ?? ({ districtId: part.districtId, ...Object.fromEntries(COUNTS.map((k) => [k, 0])) } as DistrictFigures);
    by.set(part.districtId, { ...row, ...part });
  }
  return [...by.values()];
}

/** The whole city's counts from the districts' (each organisation belongs to at most one district). */
export function cityFigures(districts: readonly DistrictFigures[]): Omit<RegistryFigures, 'isDemo'> {
  return Object.fromEntries(COUNTS.map((k) => [k, districts.reduce((a, d) => a + d[k], 0)])) as Omit<RegistryFigures, 'isDemo'>;
}

export const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);
