import { and, asc, eq, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { eligibilityDate, newestEligibleCohort, placementRate, yearSpan } from '../../../core/internships/placement-rate.ts';
import type { PlacementRates } from '../../../contracts/internship-stats.ts';
import type { Db } from '../../platform/db/engine.ts';
import {
  clusterMajors,
  industryClusters,
  internshipApplications,
  internshipPosts,
  majors,
  organisations,
  programs,
  students,
} from '../../platform/db/schema/index.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import { rules } from './posts.ts';
import { isPlaced, isPlacementKind, postInYear } from './placed.ts';

/**
 * Placement rates by school, major or cluster within the caller's scope: enrolled students of the cohorts old
 * enough for 岗位实习 (the regulation's placement_min_study_year on the day), and how many of them are placed on
 * a 岗位实习 post running in the year. A cluster is reached through the student's major (cluster_majors), so a
 * major feeding two clusters counts in both rows; the totals count each student once.
 */
export async function placementRates(
  db: Db,
  access: Access,
  q: { year: number; by: 'school' | 'major' | 'cluster'; districtId?: string },
  today: string,
): Promise<PlacementRates> {
  const asOf = eligibilityDate(q.year, today);
  const cohort = newestEligibleCohort(asOf, rules.placementMinStudyYear);
  const placed = sql`exists (select 1 from ${internshipApplications} join ${internshipPosts} on ${internshipPosts.id} = ${internshipApplications.postId}
    where ${internshipApplications.studentId} = ${students.id} and ${isPlaced()} and ${isPlacementKind()} and ${postInYear(yearSpan(q.year))})`;
  const where: SQL | undefined = and(
    eq(students.status, 'enrolled'),
    isNull(students.archivedAt),
    lte(students.cohort, cohort),
    scopeWhere(access, { organisationId: students.schoolId, districtId: organisations.districtId }),
    q.districtId ? eq(organisations.districtId, q.districtId) : undefined,
  );
  const counts = { eligible: sql<number>`count(*)::int`, placed: sql<number>`(count(*) filter (where ${placed}))::int` };
  const base = (key: SQL, name: SQL) =>
    db
      .select({ key: sql<string | null>`${key}`, name: sql<string | null>`${name}`, ...counts })
      .from(students)
      .innerJoin(organisations, eq(organisations.id, students.schoolId));
  let grouped: { key: string | null; name: string | null; eligible: number; placed: number }[];
  if (q.by === 'school') {
    grouped = await base(sql`${organisations.id}`, sql`${organisations.name}`)
      .where(where)
      .groupBy(organisations.id, organisations.name)
      .orderBy(asc(organisations.name));
  } else if (q.by === 'major') {
    grouped = await base(sql`${majors.code}`, sql`${majors.name}`)
      .leftJoin(programs, eq(programs.id, students.programId))
      .leftJoin(majors, eq(majors.id, programs.majorId))
      .where(where)
      .groupBy(majors.code, majors.name)
      .orderBy(asc(majors.code));
  } else {
    grouped = await base(sql`${industryClusters.code}`, sql`${industryClusters.name}`)
      .leftJoin(programs, eq(programs.id, students.programId))
      .leftJoin(majors, eq(majors.id, programs.majorId))
      .leftJoin(clusterMajors, eq(clusterMajors.majorCode, majors.code))
      .leftJoin(industryClusters, eq(industryClusters.code, clusterMajors.clusterCode))
      .where(where)
      .groupBy(industryClusters.code, industryClusters.name, industryClusters.sortOrder)
      .orderBy(asc(industryClusters.sortOrder));
  }
  const [total] = await db.select(counts).from(students).innerJoin(organisations, eq(organisations.id, students.schoolId)).where(where);
  const unnamed = { school: '', major: '未登记专业', cluster: '未对应产业集群' }[q.by];
  const rows = grouped.map((r) => ({
    key: r.key,
    name: r.name ?? unnamed,
    eligible: r.eligible,
    placed: r.placed,
    rate: placementRate(r.placed, r.eligible),
  }));
  rows.sort((a, b) => (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0));
  const rule = rules.ref('placement_min_study_year');
  return {
    year: q.year,
    asOf,
    newestEligibleCohort: cohort,
    rule,
    by: q.by,
    rows,
    totals: {
      key: null,
      name: '合计',
      eligible: total?.eligible ?? 0,
      placed: total?.placed ?? 0,
      rate: placementRate(total?.placed ?? 0, total?.eligible ?? 0),
    },
  };
}
