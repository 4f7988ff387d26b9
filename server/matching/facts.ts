import { and, eq, gt, gte, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { StudentFacts } from '../../core/internships/placement-check.ts';
import type { Opportunity, Supply } from '../../core/matching/score.ts';
import type { Db, Tx } from '../platform/db/engine.ts';
import { TRAINING_MODE_LABELS } from '../../contracts/training-courses.ts';
import type { Course } from '../../core/matching/training.ts';
import {
  demands,
  enterprises,
  internshipPosts,
  majors,
  organisations,
  programs,
  studentProfiles,
  students,
  trainingCourses,
} from '../platform/db/schema/index.ts';

/**
 * The facts scoring reads, loaded in bulk: published posts with places left (with the skills of their linked
 * demand), open demands, and students with their major, school district and profile.
 */

const enterprise = alias(organisations, 'facts_enterprise');
const district = alias(organisations, 'facts_district');
const school = alias(organisations, 'facts_school');

export interface PostFacts extends Opportunity {
  id: string;
  title: string;
  enterpriseId: string;
  enterpriseName: string;
  districtName: string | null;
  kind: 'observation' | 'placement';
  places: number;
  placesTaken: number;
  positionStaff: number;
  enterpriseStaff: number | null;
  nightShift: boolean;
  tasks: string[];
  startDate: string;
  endDate: string;
}

export async function loadOpenPosts(db: Db | Tx, today: string, where?: SQL): Promise<PostFacts[]> {
  const rows = await db
    .select({
      id: internshipPosts.id,
      title: internshipPosts.title,
      enterpriseId: internshipPosts.enterpriseId,
      enterpriseName: enterprise.name,
      districtId: internshipPosts.districtId,
      districtName: district.name,
      kind: internshipPosts.kind,
      places: internshipPosts.places,
      placesTaken: internshipPosts.placesTaken,
      positionStaff: internshipPosts.positionStaff,
      enterpriseStaff: enterprises.staffCount,
      clusterCode: sql<string | null>`coalesce(${demands.clusterCode}, ${enterprises.clusterCode})`,
      majorCodes: internshipPosts.majorCodes,
      skills: demands.skills,
      certificates: demands.certificates,
      monthlyPayYuan: internshipPosts.monthlyPayYuan,
      nightShift: internshipPosts.nightShift,
      tasks: internshipPosts.tasks,
      startDate: internshipPosts.startDate,
      endDate: internshipPosts.endDate,
    })
    .from(internshipPosts)
    .innerJoin(enterprise, eq(enterprise.id, internshipPosts.enterpriseId))
    .leftJoin(enterprises, eq(enterprises.organisationId, internshipPosts.enterpriseId))
    .leftJoin(district, eq(district.id, internshipPosts.districtId))
    .leftJoin(demands, eq(demands.internshipPostId, internshipPosts.id))
    .where(
      and(
        eq(internshipPosts.status, 'published'),
        gt(internshipPosts.places, internshipPosts.placesTaken),
        gte(internshipPosts.endDate, today),
        where,
      ),
    )
    .orderBy(internshipPosts.id);
  return rows.map((r) => ({ ...r, skills: r.skills ?? [], certificates: r.certificates ?? [] }));
}

export interface DemandFacts extends Opportunity {
  id: string;
  title: string;
  kind: 'talent' | 'internship' | 'training' | 'technology';
  enterpriseId: string;
  enterpriseName: string;
  districtName: string | null;
  headcount: number | null;
  internshipPostId: string | null;
}

export async function loadOpenDemands(db: Db | Tx, where?: SQL): Promise<DemandFacts[]> {
  return db
    .select({
      id: demands.id,
      title: demands.title,
      kind: demands.kind,
      enterpriseId: demands.enterpriseId,
      enterpriseName: enterprise.name,
      districtId: demands.districtId,
      districtName: district.name,
      clusterCode: demands.clusterCode,
      majorCodes: demands.majorCodes,
      skills: demands.skills,
      certificates: demands.certificates,
      monthlyPayYuan: demands.monthlyPayYuan,
      startDate: demands.startDate,
      endDate: demands.endDate,
      headcount: demands.headcount,
      internshipPostId: demands.internshipPostId,
    })
    .from(demands)
    .innerJoin(enterprise, eq(enterprise.id, demands.enterpriseId))
    .leftJoin(district, eq(district.id, demands.districtId))
    .where(and(eq(demands.status, 'open'), where))
    .orderBy(demands.id);
}

export interface StudentSupply extends Supply, StudentFacts {
  id: string;
  name: string;
  schoolId: string;
  schoolName: string;
  majorName: string | null;
  discoverable: boolean;
}

export async function loadStudents(db: Db | Tx, where: SQL | undefined): Promise<StudentSupply[]> {
  const rows = await db
    .select({
      id: students.id,
      name: students.name,
      schoolId: students.schoolId,
      schoolName: school.name,
      districtId: school.districtId,
      birthDate: students.birthDate,
      cohort: students.cohort,
      sex: students.sex,
      majorCode: majors.code,
      majorName: majors.name,
      p: studentProfiles,
    })
    .from(students)
    .innerJoin(school, eq(school.id, students.schoolId))
    .leftJoin(programs, eq(programs.id, students.programId))
    .leftJoin(majors, eq(majors.id, programs.majorId))
    .leftJoin(studentProfiles, eq(studentProfiles.studentId, students.id))
    .where(and(isNull(students.archivedAt), eq(students.status, 'enrolled'), where))
    .orderBy(students.id);
  return rows.map(({ p, ...r }) => ({
    ...r,
    skills: p?.skills ?? [],
    certificates: p?.certificates ?? [],
    preferredDistrictIds: p?.preferredDistrictIds ?? [],
    preferredClusterCodes: p?.preferredClusterCodes ?? [],
    minMonthlyPayYuan: p?.minMonthlyPayYuan ?? null,
    availableFrom: p?.availableFrom ?? null,
    availableTo: p?.availableTo ?? null,
    discoverable: p?.discoverable ?? false,
  }));
}

/** Pre-ranking groups of students: (major code, school district), as `${majorCode}|${districtId ?? ''}`. */
const groupKey = sql<string>`${majors.code} || '|' || coalesce(${school.districtId}::text, '')`;

/** How many enrolled students opted in to be found there are per group, among the majors given. */
export async function countDiscoverableByGroup(db: Db | Tx, codes: string[]): Promise<{ key: string; count: number }[]> {
  return db
    .select({ key: groupKey, count: sql<number>`count(*)::int` })
    .from(studentProfiles)
    .innerJoin(students, eq(students.id, studentProfiles.studentId))
    .innerJoin(school, eq(school.id, students.schoolId))
    .innerJoin(programs, eq(programs.id, students.programId))
    .innerJoin(majors, eq(majors.id, programs.majorId))
    .where(
      and(
        eq(studentProfiles.discoverable, true),
        isNull(students.archivedAt),
        eq(students.status, 'enrolled'),
        inArray(majors.code, codes),
      ),
    )
    .groupBy(groupKey);
}

/** Students of the given groups; the major codes alone as well, so that the program index narrows the scan. */
export const studentsInGroups = (keys: string[]) =>
  and(inArray(majors.code, [...new Set(keys.map((k) => k.split('|')[0]!))]), inArray(groupKey, keys));

export const onlySeeking = eq(studentProfiles.seekingInternship, true);
export const onlyDiscoverable = eq(studentProfiles.discoverable, true);
export const studentWithId = (id: string) => eq(students.id, id);
export const studentsWithMajors = (codes: string[]) => inArray(majors.code, codes);

/** Schools' active training courses (二 (二) 5), by school: what a training demand's 培训课程 part reads. */
export async function loadCoursesBySchool(db: Db | Tx, schoolIds?: readonly string[]): Promise<Map<string, Course[]>> {
  if (schoolIds && schoolIds.length === 0) return new Map();
  const rows = await db
    .select({
      id: trainingCourses.id,
      schoolId: trainingCourses.schoolId,
      name: trainingCourses.name,
      majorCode: trainingCourses.majorCode,
      hours: trainingCourses.hours,
      mode: trainingCourses.mode,
      capacityPerYear: trainingCourses.capacityPerYear,
    })
    .from(trainingCourses)
    .where(and(eq(trainingCourses.status, 'active'), schoolIds ? inArray(trainingCourses.schoolId, [...new Set(schoolIds)]) : undefined))
    .orderBy(trainingCourses.id);
  const bySchool = new Map<string, Course[]>();
  for (const { schoolId, mode, ...c } of rows) {
    let list = bySchool.get(schoolId);
    if (!list) bySchool.set(schoolId, (list = []));
    list.push({ ...c, modeLabel: TRAINING_MODE_LABELS[mode] });
  }
  return bySchool;
}
