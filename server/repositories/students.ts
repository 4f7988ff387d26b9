import { and, asc, eq, ilike, sql } from 'drizzle-orm';
import type { Access } from '../../core/authz/index.ts';
import { notFound } from '../../core/errors.ts';
import type { Db } from '../db/engine.ts';
import { majors, organisations, piiAccessLog, programs, students } from '../db/schema/index.ts';
import { countOf } from './paging.ts';
import { scopeWhere } from '../http/scope-sql.ts';
import type { PiiCipher } from '../pii.ts';

const columns = {
  id: students.id, name: students.name, schoolId: students.schoolId, schoolName: organisations.name,
  programName: majors.name, cohort: students.cohort, sex: students.sex, birthDate: students.birthDate,
  idNumberMasked: students.idNumberMasked, phoneMasked: students.phoneMasked, status: students.status,
};

const scoped = (access: Access) =>
  scopeWhere(access, { organisationId: students.schoolId, districtId: organisations.districtId, userId: students.userId });

function selectStudents(db: Db) {
  return db.select(columns).from(students)
    .innerJoin(organisations, eq(organisations.id, students.schoolId))
    .leftJoin(programs, eq(programs.id, students.programId))
    .leftJoin(majors, eq(majors.id, programs.majorId));
}

export async function listStudents(db: Db, access: Access, q: { q?: string; schoolId?: string; cohort?: number; page: number; pageSize: number }) {
  const where = and(
    scoped(access),
    q.schoolId ? eq(students.schoolId, q.schoolId) : undefined,
    q.cohort ? eq(students.cohort, q.cohort) : undefined,
    q.q ? ilike(students.name, `${q.q}%`) : undefined,
  );
  const [items, total] = await Promise.all([
    selectStudents(db).where(where).orderBy(asc(students.name), asc(students.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    countOf(db.select({ total: sql<number>`count(*)::int` }).from(students).innerJoin(organisations, eq(organisations.id, students.schoolId)).where(where)),
  ]);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getStudent(db: Db, access: Access, id: string) {
  const [row] = await selectStudents(db).where(and(eq(students.id, id), scoped(access)));
  if (!row) throw notFound('学生');
  return row;
}

/** The ID number and phone in clear, for a caller the personal-information policy allows; every read is logged. */
export async function readStudentPersonalInfo(db: Db, pii: PiiCipher, access: Access, id: string, reader: { userId: string; requestId: string }) {
  const [row] = await db
    .select({ idNumberCipher: students.idNumberCipher, phoneCipher: students.phoneCipher })
    .from(students).innerJoin(organisations, eq(organisations.id, students.schoolId))
    .where(and(eq(students.id, id), scoped(access)));
  if (!row) throw notFound('学生');
  await db.insert(piiAccessLog).values({
    userId: reader.userId, entityType: 'student', entityId: id, fields: ['idNumber', 'phone'], requestId: reader.requestId,
  });
  return { idNumber: pii.decrypt(row.idNumberCipher), phone: row.phoneCipher ? pii.decrypt(row.phoneCipher) : null };
}
