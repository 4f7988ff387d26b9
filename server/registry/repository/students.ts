import { and, asc, desc, eq, gte, ilike, isNotNull, isNull, like, lt, sql, type SQL } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { notFound } from '../../../core/errors.ts';
import type { Student, StudentListQuery } from '../../../contracts/registry.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { majors, organisations, piiAccessLog, programs, students } from '../../platform/db/schema/index.ts';
import { countOf } from '../../platform/db/paging.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { escapeLike } from '../../platform/registry-guards.ts';
import { nameSortPrefixRange, syncNameSort } from './name-sort.ts';

/** Reads of students: masked personal information only, except the logged personal-information read. */

const columns = {
  id: students.id,
  name: students.name,
  schoolId: students.schoolId,
  schoolName: organisations.name,
  programId: students.programId,
  programName: majors.name,
  cohort: students.cohort,
  sex: students.sex,
  birthDate: students.birthDate,
  idNumberMasked: students.idNumberMasked,
  phoneMasked: students.phoneMasked,
  status: students.status,
  hasAccount: sql<boolean>`${students.userId} is not null`,
  archived: sql<boolean>`${students.archivedAt} is not null`,
  version: students.version,
};

export const scopedStudents = (access: Access) =>
  scopeWhere(access, { organisationId: students.schoolId, districtId: organisations.districtId, userId: students.userId });

function selectStudents(db: Db | Tx) {
  return db
    .select(columns)
    .from(students)
    .innerJoin(organisations, eq(organisations.id, students.schoolId))
    .leftJoin(programs, eq(programs.id, students.programId))
    .leftJoin(majors, eq(majors.id, programs.majorId));
}

const SORTS: Record<StudentListQuery['sort'], SQL[]> = {
  name: [asc(students.nameSort)],
  '-name': [desc(students.nameSort)],
  cohort: [asc(students.cohort), asc(students.nameSort)],
  '-cohort': [desc(students.cohort), asc(students.nameSort)],
};

/**
 * Names starting with `prefix`. Chinese names have no case, so for a caseless prefix a plain LIKE does what
 * ILIKE would and can use the pattern index (students_active_name_pattern_idx) for the total. The redundant
 * `name >= prefix` (a string sorts after its own prefix) lets the name-ordered index start at the prefix
 * instead of walking every name before it: city-wide, 「王」 otherwise read ~400,000 index entries before its
 * first match (bench/lists.ts).
 */
function namePrefix(prefix: string): SQL | undefined {
  const pattern = `${escapeLike(prefix)}%`;
  // The same names' span of the pinyin key, for the name-sorted pages (see nameSortPrefixRange).
  const span = nameSortPrefixRange(prefix);
  const keyed = span ? and(gte(students.nameSort, span.from), lt(students.nameSort, span.to)) : undefined;
  if (prefix.toLowerCase() !== prefix.toUpperCase()) return and(ilike(students.name, pattern), keyed);
  return and(like(students.name, pattern), gte(students.name, prefix), keyed);
}

/**
 * The list's total. The bureau's city-wide scope needs no school row, and without the join PostgreSQL counts
 * 500,000 students from an index alone (about half the time, bench/lists.ts).
 */
function countStudents(db: Db, access: Access) {
  const count = db
    .select({ total: sql<number>`count(*)::int` })
    .from(students)
    .$dynamic();
  return access.kind === 'city' ? count : count.innerJoin(organisations, eq(organisations.id, students.schoolId));
}

/** The list's scope and filters: the page and the export select the same students. */
export function studentListWhere(access: Access, q: StudentListQuery) {
  return and(
    scopedStudents(access),
    q.includeArchived ? undefined : isNull(students.archivedAt),
    q.schoolId ? eq(students.schoolId, q.schoolId) : undefined,
    q.programId ? eq(students.programId, q.programId) : undefined,
    q.cohort ? eq(students.cohort, q.cohort) : undefined,
    q.status ? eq(students.status, q.status) : undefined,
    q.hasAccount === undefined ? undefined : q.hasAccount ? isNotNull(students.userId) : isNull(students.userId),
    // A name prefix (a clerk types the start of a name): see namePrefix.
    q.q ? namePrefix(q.q) : undefined,
  );
}

export async function listStudents(db: Db, access: Access, q: StudentListQuery) {
  await syncNameSort(db, 'students');
  const where = studentListWhere(access, q);
  const [items, total] = await Promise.all([
    selectStudents(db)
      .where(where)
      .orderBy(...SORTS[q.sort], asc(students.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(countStudents(db, access).where(where)),
  ]);
  return { items: items as Student[], total, page: q.page, pageSize: q.pageSize };
}

export async function getStudent(db: Db | Tx, access: Access, id: string): Promise<Student> {
  const [row] = await selectStudents(db).where(and(eq(students.id, id), scopedStudents(access)));
  if (!row) throw notFound('学生');
  return row as Student;
}

/** The ID number and phone in clear, for a caller the personal-information policy allows; every read is logged. */
export async function readStudentPersonalInfo(
  db: Db,
  pii: PiiCipher,
  access: Access,
  id: string,
  reader: { userId: string; requestId: string },
) {
  const [row] = await db
    .select({ idNumberCipher: students.idNumberCipher, phoneCipher: students.phoneCipher })
    .from(students)
    .innerJoin(organisations, eq(organisations.id, students.schoolId))
    .where(and(eq(students.id, id), scopedStudents(access)));
  if (!row) throw notFound('学生');
  await db.insert(piiAccessLog).values({
    userId: reader.userId,
    entityType: 'student',
    entityId: id,
    fields: ['idNumber', 'phone'],
    requestId: reader.requestId,
  });
  return { idNumber: pii.decrypt(row.idNumberCipher), phone: row.phoneCipher ? pii.decrypt(row.phoneCipher) : null };
}
