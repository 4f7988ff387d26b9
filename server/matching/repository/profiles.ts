import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { systemClock } from '../../platform/clock.ts';
import { alias } from 'drizzle-orm/pg-core';
import type { Access } from '../../../core/authz/index.ts';
import { AppError, notFound, versionConflict } from '../../../core/errors.ts';
import type { StudentProfileUpdate } from '../../../contracts/matching.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import {
  carrierPartners,
  carriers,
  clusterMajors,
  majorGroups,
  majors,
  organisations,
  programYears,
  programs,
  studentProfiles,
  students,
  teachers,
  trainingCourses,
} from '../../platform/db/schema/index.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';

const school = alias(organisations, 'profile_school');

const studentScope = (access: Access) =>
  scopeWhere(access, { organisationId: students.schoolId, districtId: school.districtId, userId: students.userId });

const EMPTY = {
  skills: [] as string[],
  certificates: [] as string[],
  preferredDistrictIds: [] as string[],
  preferredClusterCodes: [] as string[],
  minMonthlyPayYuan: null,
  availableFrom: null,
  availableTo: null,
  seekingInternship: false,
  discoverable: false,
  version: 0,
};

/** The student whose profile is meant: the one named, or the caller's own record. */
export async function resolveStudent(db: Db | Tx, access: Access, userId: string, studentId: string | undefined) {
  const [s] = await db
    .select({ id: students.id })
    .from(students)
    .innerJoin(school, eq(school.id, students.schoolId))
    .where(and(studentId ? eq(students.id, studentId) : eq(students.userId, userId), isNull(students.archivedAt), studentScope(access)));
  if (!s) throw notFound('学生');
  return s.id;
}

export async function getStudentProfile(db: Db | Tx, access: Access, studentId: string) {
  const [row] = await db
    .select({
      studentId: students.id,
      studentName: students.name,
      schoolId: students.schoolId,
      schoolName: school.name,
      programId: students.programId,
      majorCode: majors.code,
      majorName: majors.name,
      cohort: students.cohort,
      profile: studentProfiles,
    })
    .from(students)
    .innerJoin(school, eq(school.id, students.schoolId))
    .leftJoin(programs, eq(programs.id, students.programId))
    .leftJoin(majors, eq(majors.id, programs.majorId))
    .leftJoin(studentProfiles, eq(studentProfiles.studentId, students.id))
    .where(and(eq(students.id, studentId), studentScope(access)));
  if (!row) throw notFound('学生');
  const { profile, ...rest } = row;
  const p = profile ?? EMPTY;
  return {
    ...rest,
    skills: p.skills,
    certificates: p.certificates,
    preferredDistrictIds: p.preferredDistrictIds,
    preferredClusterCodes: p.preferredClusterCodes,
    minMonthlyPayYuan: p.minMonthlyPayYuan,
    availableFrom: p.availableFrom,
    availableTo: p.availableTo,
    seekingInternship: p.seekingInternship,
    discoverable: p.discoverable,
    version: p.version,
  };
}

/** The student (or the school) keeps the profile; the first save creates it (version 0 → 1). */
export async function saveStudentProfile(tx: Tx, audit: Auditor, access: Access, studentId: string, input: StudentProfileUpdate) {
  const before = await getStudentProfile(tx, access, studentId);
  const { version, ...terms } = input;
  if (terms.availableFrom && terms.availableTo && terms.availableTo < terms.availableFrom) {
    throw new AppError('VALIDATION_FAILED', '可实习结束日期不能早于开始日期', { fields: { availableTo: '结束日期不能早于开始日期' } });
  }
  if (terms.preferredDistrictIds?.length) {
    const found = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(inArray(organisations.id, terms.preferredDistrictIds), eq(organisations.kind, 'district')));
    if (found.length !== new Set(terms.preferredDistrictIds).size)
      throw new AppError('VALIDATION_FAILED', '意向区域中有不存在的区县', { fields: { preferredDistrictIds: '意向区域中有不存在的区县' } });
  }
  const changed = Object.fromEntries(
    Object.entries(terms).filter(([k, v]) => v !== undefined && JSON.stringify(v) !== JSON.stringify(before[k as keyof typeof before])),
  );
  if (version !== before.version) throw versionConflict();
  if (version === 0) {
    const [row] = await tx
      .insert(studentProfiles)
      .values({ studentId, ...changed })
      .onConflictDoNothing()
      .returning({ id: studentProfiles.studentId });
    if (!row) throw versionConflict();
  } else {
    const [row] = await tx
      .update(studentProfiles)
      .set({ ...changed, version: sql`${studentProfiles.version} + 1`, updatedAt: systemClock() })
      .where(and(eq(studentProfiles.studentId, studentId), eq(studentProfiles.version, version)))
      .returning({ id: studentProfiles.studentId });
    if (!row) throw versionConflict();
  }
  await audit.record({
    action: version === 0 ? 'create' : 'update',
    entityType: 'studentProfile',
    entityId: studentId,
    before: Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof typeof before]])),
    after: changed,
  });
  return getStudentProfile(tx, access, studentId);
}

/**
 * A school's capability profile, assembled from the register: its programs with intake and graduates by year
 * and the clusters each major feeds, its teachers by field, the carriers it leads or partners in, its major groups.
 */
export async function getSchoolProfile(db: Db, schoolId: string) {
  const district = alias(organisations, 'profile_district');
  const [s] = await db
    .select({
      schoolId: organisations.id,
      schoolName: organisations.name,
      districtId: organisations.districtId,
      districtName: district.name,
    })
    .from(organisations)
    .leftJoin(district, eq(district.id, organisations.districtId))
    .where(and(eq(organisations.id, schoolId), eq(organisations.kind, 'school')));
  if (!s) throw notFound('学校');
  const [progs, years, links, fields, carrierRows, groups, courses] = await Promise.all([
    db
      .select({
        programId: programs.id,
        majorCode: majors.code,
        majorName: majors.name,
        categoryName: majors.categoryName,
        divisionName: majors.divisionName,
        enrolment: programs.enrolment,
      })
      .from(programs)
      .innerJoin(majors, eq(majors.id, programs.majorId))
      .where(and(eq(programs.schoolId, schoolId), eq(programs.status, 'active')))
      .orderBy(asc(majors.code)),
    db
      .select({
        programId: programYears.programId,
        year: programYears.year,
        enrolment: programYears.enrolment,
        graduates: programYears.graduates,
      })
      .from(programYears)
      .innerJoin(programs, eq(programs.id, programYears.programId))
      .where(eq(programs.schoolId, schoolId))
      .orderBy(asc(programYears.year)),
    db
      .select({ clusterCode: clusterMajors.clusterCode, majorCode: clusterMajors.majorCode })
      .from(clusterMajors)
      .innerJoin(majors, eq(majors.code, clusterMajors.majorCode))
      .innerJoin(programs, eq(programs.majorId, majors.id))
      .where(eq(programs.schoolId, schoolId)),
    db
      .select({
        field: sql<string>`coalesce(${teachers.subjectName}, '未填写')`,
        teachers: sql<number>`count(*)::int`,
        dualQualified: sql<number>`count(*) filter (where ${teachers.dualQualified})::int`,
      })
      .from(teachers)
      .where(and(eq(teachers.schoolId, schoolId), eq(teachers.status, 'active')))
      .groupBy(sql`coalesce(${teachers.subjectName}, '未填写')`)
      .orderBy(sql`count(*) desc`, sql`coalesce(${teachers.subjectName}, '未填写')`)
      .limit(50),
    db
      .selectDistinct({ id: carriers.id, name: carriers.name, kind: carriers.kind })
      .from(carriers)
      .leftJoin(carrierPartners, eq(carrierPartners.carrierId, carriers.id))
      .where(and(isNull(carriers.archivedAt), or(eq(carriers.leadOrganisationId, schoolId), eq(carrierPartners.organisationId, schoolId))))
      .orderBy(carriers.name)
      .limit(100),
    db
      .select({ id: majorGroups.id, name: majorGroups.name, clusterCode: majorGroups.clusterCode, keyMajor: majorGroups.keyMajor })
      .from(majorGroups)
      .where(and(eq(majorGroups.schoolId, schoolId), eq(majorGroups.status, 'active')))
      .orderBy(majorGroups.name),
    db
      .select({
        id: trainingCourses.id,
        name: trainingCourses.name,
        majorCode: trainingCourses.majorCode,
        majorName: sql<
          string | null
        >`(select ${majors.name} from ${majors} where ${majors.code} = ${trainingCourses.majorCode} order by ${majors.id} limit 1)`,
        hours: trainingCourses.hours,
        mode: trainingCourses.mode,
        trainees: trainingCourses.trainees,
        capacityPerYear: trainingCourses.capacityPerYear,
      })
      .from(trainingCourses)
      .where(and(eq(trainingCourses.schoolId, schoolId), eq(trainingCourses.status, 'active')))
      .orderBy(trainingCourses.name),
  ]);
  return {
    ...s,
    programs: progs.map((p) => ({
      ...p,
      clusters: [...new Set(links.filter((l) => l.majorCode === p.majorCode).map((l) => l.clusterCode))].sort(),
      years: years.filter((y) => y.programId === p.programId).map(({ programId: _p, ...y }) => y),
    })),
    teacherFields: fields,
    carriers: carrierRows,
    majorGroups: groups,
    trainingCourses: courses,
  };
}
