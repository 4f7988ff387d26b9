import { sql } from 'drizzle-orm';
import type {
  CarrierTally,
  EnterpriseTally,
  FundedProjectTally,
  InternshipPlacesTally,
  MajorGroupTally,
  ProgramTally,
  RegisterTallies,
  SchoolTally,
  TeacherTally,
} from '../../../core/indicators/index.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { offeredPlaces } from '../../internships/index.ts';
import { trainingFundTallies } from '../../certification/index.ts';
import { destinationTallies } from '../../graduates/index.ts';
import { fundingTallies } from '../../funding/index.ts';
import { digitalTallies } from '../../digital/index.ts';
import { internationalTallies } from '../../international/index.ts';
import { practicalCourseTallies } from '../../practical-courses/index.ts';
import { headlinePartsByDistrict } from '../../../core/graduates/index.ts';
import { graduatesPolicy } from '../../../policy/index.ts';
import { practiceDays, type PracticeCheck } from './practice-sql.ts';
import { partTimeTarget } from './part-time-sql.ts';
import { countedCarrier } from './carrier-sql.ts';

/**
 * The register, counted once per recompute and grouped by district: every computed indicator, city-wide
 * and per district, and the cluster figures come from these few grouped queries (no per-district loop).
 */
export interface ClusterTally {
  districtId: string | null;
  clusterCode: string | null;
  enterprises: number;
  certified: number;
}

export interface CarrierClusterTally extends CarrierTally {
  clusterCode: string | null;
}

export interface Tallies extends RegisterTallies {
  carriers: CarrierClusterTally[];
  clusters: ClusterTally[];
}

const CERTIFIED = sql`('certified_city', 'certified_province', 'certified_nation')`;

export async function registerTallies(db: Db, practiceShareMin: number, year: number): Promise<Tallies> {
  const [carriers, clusters, schools, teachers, programs, majorGroups, internshipPlaces, trainingFund, destinations] = await Promise.all([
    // An operating carrier counts once the bureau or its district has verified it on evidence, not on its lead's word.
    rows<CarrierClusterTally>(
      db,
      sql`
      select district_id as "districtId", kind, level, status, legal_person as "legalPerson", cluster_code as "clusterCode", count(*)::int as n
      from carriers where archived_at is null and ${countedCarrier(sql`carriers`)} group by 1, 2, 3, 4, 5, 6`,
    ),
    rows<ClusterTally>(
      db,
      sql`
      select o.district_id as "districtId", e.cluster_code as "clusterCode", count(*)::int as enterprises,
        (count(*) filter (where e.integration_status in ${CERTIFIED}))::int as certified
      from enterprises e join organisations o on o.id = e.organisation_id where o.status = 'active' group by 1, 2`,
    ),
    rows<SchoolTally>(
      db,
      sql`
      select o.district_id as "districtId", (count(*) filter (where s.enterprise_run))::int as "enterpriseRun",
        (count(*) filter (where s.staffing_quota > 0))::int as "quotaSchools",
        (count(*) filter (where s.staffing_quota > 0 and coalesce(pt.n, 0) = ${partTimeTarget(sql`s.staffing_quota`)}))::int as "quotaFilled"
      from schools s join organisations o on o.id = s.organisation_id
      left join (select school_id, count(*)::int as n from teachers
                 where status = 'active' and employment in ('partTime', 'industryMentor') group by school_id) pt on pt.school_id = o.id
      where o.status = 'active' group by 1`,
    ),
    // practiceMet is counted from the stored per-teacher days once the run has them (practiceTallies).
    rows<TeacherTally>(
      db,
      sql`
      select o.district_id as "districtId", (count(*) filter (where t.subject = 'specialty'))::int as specialty,
        (count(*) filter (where t.subject = 'specialty' and t.dual_qualified))::int as "dualQualified", 0 as "practiceMet"
      from teachers t join organisations o on o.id = t.school_id
      where t.status = 'active' and o.status = 'active' group by 1`,
    ),
    rows<ProgramTally>(
      db,
      sql`
      select o.district_id as "districtId", count(p.practice_share)::int as "withShare",
        coalesce(sum(p.practice_share), 0)::float8 as "shareSum",
        (count(*) filter (where p.practice_share >= ${practiceShareMin}))::int as meeting
      from programs p join organisations o on o.id = p.school_id where p.status = 'active' and o.status = 'active' group by 1`,
    ),
    rows<MajorGroupTally>(
      db,
      sql`
      select o.district_id as "districtId", count(*)::int as "keyMajors"
      from major_groups g join organisations o on o.id = g.school_id
      where g.key_major and g.status = 'active' and o.status = 'active' group by 1`,
    ),
    rows<InternshipPlacesTally>(
      db,
      sql`
      select o.district_id as "districtId", coalesce(sum(e.staff_count), 0)::int as staff, coalesce(sum(offered.places), 0)::int as places
      from enterprises e join organisations o on o.id = e.organisation_id
      left join ${offeredPlaces(year)} on offered.enterprise_id = o.id
      where e.above_designated_size and o.status = 'active' group by 1`,
    ),
    // The enterprises' own declarations of the last full year (certification capability).
    trainingFundTallies(db, year - 1),
    // Graduates' destinations grouped by what the two definitions look at (core/graduates decides which count).
    destinationTallies(db, sql`true`),
  ]);
  const graduates = headlinePartsByDistrict(graduatesPolicy, destinations).parts;
  // Projects funded by published calls (项目申报), in the applicant's district.
  const fundedProjects = await rows<FundedProjectTally>(
    db,
    sql`
    select a.district_id as "districtId", c.kind as "callKind", count(*)::int as n
    from call_applications a join calls c on c.id = a.call_id
    where c.status = 'published' and a.decision = 'funded' group by 1, 2`,
  );
  // Public 高职 / 中职 schools against the funding thresholds (the schools' own declarations, funding capability).
  const funding = await fundingTallies(db);
  // Recognised online courses, smart-campus self-assessments and demo schools (digital capability).
  const digital = await digitalTallies(db);
  // Verified international records (the owners' records, checked by the bureau: international capability).
  const international = await internationalTallies(db);
  // 劳动技术/职业体验 courses the schools developed with enterprises (practical-courses capability).
  const practicalCourses = await practicalCourseTallies(db);
  const enterprises: EnterpriseTally[] = clusters.map((c) => ({ districtId: c.districtId, certified: c.certified }));
  return {
    carriers,
    clusters,
    enterprises,
    schools,
    teachers,
    programs,
    majorGroups,
    internshipPlaces,
    trainingFund,
    graduates,
    fundedProjects,
    funding,
    digital,
    international,
    practicalCourses,
  };
}

/**
 * Stores every active specialty teacher's enterprise-practice days for the run (replacing the previous run's)
 * and counts, per district, those who meet the rule: the indicator and its drill-down read the same days.
 */
export async function storePracticeDays(
  tx: Db | Tx,
  runId: string,
  practice: PracticeCheck,
  teachers: TeacherTally[],
): Promise<TeacherTally[]> {
  await tx.execute(sql`delete from teacher_practice_days where run_id <> ${runId}`);
  await tx.execute(sql`
    insert into teacher_practice_days (run_id, teacher_id, district_id, days)
    select ${runId}, t.id, o.district_id, ${practiceDays(practice, sql`t.id`)}
    from teachers t join organisations o on o.id = t.school_id
    where t.status = 'active' and t.subject = 'specialty' and o.status = 'active'`);
  const met = await rows<{ districtId: string | null; n: number }>(
    tx,
    sql`
    select district_id as "districtId", count(*)::int as n from teacher_practice_days
    where run_id = ${runId} and days >= ${practice.requiredDays} group by 1`,
  );
  return teachers.map((t) => ({ ...t, practiceMet: met.find((x) => x.districtId === t.districtId)?.n ?? 0 }));
}
