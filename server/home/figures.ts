import { sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../db/engine.ts';

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

/** The registry counts behind the home pages, in one round trip. */
export async function registryFigures(db: Db, scope: FigureScope, practiceShareMin: number): Promise<RegistryFigures> {
  const schoolOrgs = sql`(select o.id from organisations o where o.kind = 'school' and o.status = 'active' and ${orgFilter(scope, 'o')})`;
  const [r] = await rows<RegistryFigures>(db, sql`
    select
      (select count(*)::int from organisations o where o.kind = 'school' and o.status = 'active' and ${orgFilter(scope, 'o')}) as "schools",
      (select count(*)::int from organisations o where o.kind = 'enterprise' and o.status = 'active' and ${scope.kind === 'school' ? sql`false` : orgFilter(scope, 'o')}) as "enterprises",
      (select count(*)::int from organisations o join enterprises e on e.organisation_id = o.id
         where o.status = 'active' and e.integration_status like 'certified%' and ${scope.kind === 'school' ? sql`false` : orgFilter(scope, 'o')}) as "certifiedEnterprises",
      (select count(*)::int from teachers t where t.status = 'active' and t.school_id in ${schoolOrgs}) as "teachers",
      (select count(*)::int from teachers t where t.status = 'active' and t.subject = 'specialty' and t.school_id in ${schoolOrgs}) as "specialtyTeachers",
      (select count(*)::int from teachers t where t.status = 'active' and t.subject = 'specialty' and t.dual_qualified and t.school_id in ${schoolOrgs}) as "dualQualifiedTeachers",
      (select count(*)::int from students s where s.status = 'enrolled' and s.archived_at is null and s.school_id in ${schoolOrgs}) as "students",
      (select count(*)::int from programs p where p.status = 'active' and p.school_id in ${schoolOrgs}) as "programs",
      (select count(*)::int from programs p where p.status = 'active' and p.practice_share is not null and p.school_id in ${schoolOrgs}) as "programsWithPracticeShare",
      (select count(*)::int from programs p where p.status = 'active' and p.practice_share >= ${practiceShareMin} and p.school_id in ${schoolOrgs}) as "programsMeetingPracticeShare",
      exists (select 1 from organisations o where o.is_demo) as "isDemo"
  `);
  return r!;
}

export const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);
