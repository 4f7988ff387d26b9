import { and, eq, ne, sql } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { maskIdNumber, maskPhone } from '../../../core/codes/index.ts';
import { AppError, notFound, validationFailed, versionConflict, type FieldErrors } from '../../../core/errors.ts';
import { checkIdentity, checkPhone } from '../../../core/registry/student-identity.ts';
import type { Student, StudentCreate, StudentUpdate } from '../../../contracts/registry.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Tx } from '../../platform/db/engine.ts';
import { organisations, programs, students } from '../../platform/db/schema/index.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { assertNotArchived, assertSchoolOpen, schoolForWrite, uniqueViolation } from '../../platform/registry-guards.ts';
import { getStudent, scopedStudents } from './students.ts';

/**
 * Enrolling and editing students. The ID number is checked (GB 11643) and cross-checked with the birth date
 * and sex; it and the phone are stored encrypted with a blind index and masked copies, never in clear, and
 * enter the audit log only as "changed" (redacted).
 */

export interface StudentWriteContext {
  pii: PiiCipher;
  now: Date;
}

const PERSONAL = ['idNumber', 'phone'] as const;

const idTaken = () =>
  new AppError('CONFLICT', '该身份证号码的学生已登记', { fields: { idNumber: '该身份证号码的学生已登记，请勿重复登记' } });

async function assertIdFree(tx: Tx, index: string, exceptId?: string) {
  const [taken] = await tx
    .select({ id: students.id })
    .from(students)
    .where(and(eq(students.idNumberIndex, index), exceptId ? ne(students.id, exceptId) : undefined));
  if (taken) throw idTaken();
}

/** A program of the student's school that is still offered, or a field error. */
async function programProblem(tx: Tx, schoolId: string, programId: string): Promise<string | null> {
  const [p] = await tx
    .select({ id: programs.id })
    .from(programs)
    .where(and(eq(programs.id, programId), eq(programs.schoolId, schoolId), eq(programs.status, 'active')));
  return p ? null : '开设专业不存在或不是该校在办的专业';
}

function protectedId(pii: PiiCipher, idNumber: string) {
  return { idNumberCipher: pii.encrypt(idNumber), idNumberIndex: pii.index(idNumber), idNumberMasked: maskIdNumber(idNumber) };
}

function protectedPhone(pii: PiiCipher, phone: string | null) {
  return phone === null ? { phoneCipher: null, phoneMasked: null } : { phoneCipher: pii.encrypt(phone), phoneMasked: maskPhone(phone) };
}

export async function createStudent(
  tx: Tx,
  audit: Auditor,
  access: Access,
  input: StudentCreate,
  ctx: StudentWriteContext,
): Promise<Student> {
  await schoolForWrite(tx, access, input.schoolId);
  const fields: FieldErrors = {};
  const identity = checkIdentity({ idNumber: input.idNumber, birthDate: input.birthDate, sex: input.sex }, ctx.now);
  if (!identity.ok) Object.assign(fields, identity.fields);
  const phone = input.phone == null ? null : checkPhone(input.phone);
  if (phone && !phone.ok) fields.phone = phone.reason;
  const programError = input.programId ? await programProblem(tx, input.schoolId, input.programId) : null;
  if (programError) fields.programId = programError;
  if (Object.keys(fields).length || !identity.ok) throw validationFailed(fields);
  const id = protectedId(ctx.pii, identity.idNumber);
  await assertIdFree(tx, id.idNumberIndex);
  let studentId: string;
  try {
    const [row] = await tx
      .insert(students)
      .values({
        schoolId: input.schoolId,
        programId: input.programId ?? null,
        name: input.name,
        cohort: input.cohort,
        birthDate: identity.birthDate,
        sex: identity.sex,
        status: input.status,
        ...id,
        ...protectedPhone(ctx.pii, phone?.ok ? phone.phone : null),
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: students.id });
    studentId = row!.id;
  } catch (err) {
    if (uniqueViolation(err) !== null) throw idTaken();
    throw err;
  }
  const after = await getStudent(tx, { kind: 'city' }, studentId);
  await audit.record({
    action: 'create',
    entityType: 'student',
    entityId: studentId,
    after: { ...auditView(after), idNumber: id.idNumberIndex, phone: phone?.ok ? phone.phone : null },
    redact: PERSONAL,
  });
  return after;
}

/** What the edit reads of the stored record besides the public view: protected values and the school's state. */
async function storedOf(tx: Tx, access: Access, id: string) {
  const [row] = await tx
    .select({
      schoolId: students.schoolId,
      schoolStatus: organisations.status,
      archivedAt: students.archivedAt,
      idNumberCipher: students.idNumberCipher,
      idNumberIndex: students.idNumberIndex,
      phoneCipher: students.phoneCipher,
    })
    .from(students)
    .innerJoin(organisations, eq(organisations.id, students.schoolId))
    .where(and(eq(students.id, id), scopedStudents(access)));
  if (!row) throw notFound('学生');
  return row;
}

export async function updateStudent(
  tx: Tx,
  audit: Auditor,
  access: Access,
  id: string,
  change: StudentUpdate,
  ctx: StudentWriteContext,
): Promise<Student> {
  const stored = await storedOf(tx, access, id);
  assertNotArchived(stored.archivedAt !== null, '学生');
  assertSchoolOpen({ status: stored.schoolStatus });
  const before = await getStudent(tx, access, id);
  const fields: FieldErrors = {};
  // A birth date or sex edited alone must still agree with the stored number; a new number re-derives both.
  const touchesIdentity = change.idNumber !== undefined || change.birthDate !== undefined || change.sex !== undefined;
  const identity = touchesIdentity
    ? checkIdentity(
        { idNumber: change.idNumber ?? ctx.pii.decrypt(stored.idNumberCipher), birthDate: change.birthDate, sex: change.sex },
        ctx.now,
      )
    : null;
  if (identity && !identity.ok) Object.assign(fields, identity.fields);
  const phone = change.phone == null ? null : checkPhone(change.phone);
  if (phone && !phone.ok) fields.phone = phone.reason;
  const programError = change.programId ? await programProblem(tx, stored.schoolId, change.programId) : null;
  if (programError) fields.programId = programError;
  if (Object.keys(fields).length) throw validationFailed(fields);

  const newId = identity?.ok && change.idNumber !== undefined ? protectedId(ctx.pii, identity.idNumber) : null;
  const idChanged = newId !== null && newId.idNumberIndex !== stored.idNumberIndex;
  if (idChanged) await assertIdFree(tx, newId.idNumberIndex, id);
  const newPhone = change.phone === undefined ? undefined : phone?.ok ? phone.phone : null;

  const { version, idNumber: _i, phone: _p, birthDate: _b, sex: _s, ...facts } = change;
  let bumped;
  try {
    bumped = await tx
      .update(students)
      .set({
        ...facts,
        ...(identity?.ok && { birthDate: identity.birthDate, sex: identity.sex }),
        ...(idChanged && newId),
        ...(newPhone !== undefined && protectedPhone(ctx.pii, newPhone)),
        version: sql`${students.version} + 1`,
        updatedAt: ctx.now,
      })
      .where(and(eq(students.id, id), eq(students.version, version)))
      .returning({ id: students.id });
  } catch (err) {
    if (uniqueViolation(err) !== null) throw idTaken();
    throw err;
  }
  if (!bumped.length) throw versionConflict();
  const after = await getStudent(tx, { kind: 'city' }, id);
  const oldPhone = stored.phoneCipher ? ctx.pii.decrypt(stored.phoneCipher) : null;
  await audit.record({
    action: 'update',
    entityType: 'student',
    entityId: id,
    redact: PERSONAL,
    before: { ...auditView(before), idNumber: stored.idNumberIndex, phone: oldPhone },
    after: {
      ...auditView(after),
      idNumber: idChanged ? newId.idNumberIndex : stored.idNumberIndex,
      phone: newPhone === undefined ? oldPhone : newPhone,
    },
  });
  return after;
}

/**
 * Archive (a record entered by mistake, a duplicate) instead of delete: internships, credits and audit rows
 * refer to the student. Hidden from lists unless `includeArchived`; the enrolment status is left as it was.
 */
export async function setStudentArchived(
  tx: Tx,
  audit: Auditor,
  access: Access,
  id: string,
  version: number,
  archived: boolean,
  now: Date,
): Promise<Student> {
  const stored = await storedOf(tx, access, id);
  if (archived && stored.archivedAt) throw new AppError('CONFLICT', '学生记录已归档');
  if (!archived && !stored.archivedAt) throw new AppError('CONFLICT', '学生记录未归档');
  if (!archived) assertSchoolOpen({ status: stored.schoolStatus });
  const bumped = await tx
    .update(students)
    .set({ archivedAt: archived ? now : null, version: sql`${students.version} + 1`, updatedAt: now })
    .where(and(eq(students.id, id), eq(students.version, version)))
    .returning({ id: students.id });
  if (!bumped.length) throw versionConflict();
  await audit.record({
    action: archived ? 'archive' : 'restore',
    entityType: 'student',
    entityId: id,
    before: { archived: !archived },
    after: { archived },
  });
  return getStudent(tx, { kind: 'city' }, id);
}

/** The stored facts of a student for an audit row (masked values and derived names left out). */
function auditView(s: Student): Record<string, unknown> {
  return {
    schoolId: s.schoolId,
    programId: s.programId,
    name: s.name,
    cohort: s.cohort,
    birthDate: s.birthDate,
    sex: s.sex,
    status: s.status,
  };
}
