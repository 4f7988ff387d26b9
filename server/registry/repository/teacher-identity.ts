import { and, eq, ne } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { maskIdNumber, validateIdNumber } from '../../../core/codes/index.ts';
import { AppError, notFound, validationFailed } from '../../../core/errors.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { organisations, piiAccessLog, teacherIdNumbers, teachers } from '../../platform/db/schema/index.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';

/**
 * A teacher's 居民身份证号码, kept beside the record in teacher_id_numbers (the import's natural key): checked
 * with GB 11643, stored encrypted with a blind index and a masked copy, never in clear; unique across the city.
 */

/** The blind index of the stored number (what the audit log records, redacted), or null. */
export async function storedTeacherIdIndex(db: Db | Tx, teacherId: string): Promise<string | null> {
  const [row] = await db
    .select({ idx: teacherIdNumbers.idNumberIndex })
    .from(teacherIdNumbers)
    .where(eq(teacherIdNumbers.teacherId, teacherId));
  return row?.idx ?? null;
}

/** Check a number before anything is written: the normalised value, or a field error. */
export function checkTeacherIdNumber(raw: string, now: Date): string {
  const check = validateIdNumber(raw, now);
  if (!check.valid) throw validationFailed({ idNumber: check.reason });
  return check.value;
}

/** Store (replace) or remove the number; returns the new blind index. */
export async function setTeacherIdNumber(tx: Tx, pii: PiiCipher, teacherId: string, idNumber: string | null): Promise<string | null> {
  if (idNumber === null) {
    await tx.delete(teacherIdNumbers).where(eq(teacherIdNumbers.teacherId, teacherId));
    return null;
  }
  const idx = pii.index(idNumber);
  const [taken] = await tx
    .select({ id: teacherIdNumbers.teacherId })
    .from(teacherIdNumbers)
    .where(and(eq(teacherIdNumbers.idNumberIndex, idx), ne(teacherIdNumbers.teacherId, teacherId)));
  if (taken) throw new AppError('CONFLICT', '该身份证号码的教师已登记', { fields: { idNumber: '该身份证号码的教师已登记，请勿重复登记' } });
  const row = { idNumberCipher: pii.encrypt(idNumber), idNumberIndex: idx, idNumberMasked: maskIdNumber(idNumber) };
  await tx
    .insert(teacherIdNumbers)
    .values({ teacherId, ...row })
    .onConflictDoUpdate({ target: teacherIdNumbers.teacherId, set: row });
  return idx;
}

/** The number in clear, for a caller the personal-information policy allows; every read is logged. */
export async function readTeacherPersonalInfo(
  db: Db,
  pii: PiiCipher,
  access: Access,
  id: string,
  reader: { userId: string; requestId: string },
) {
  const [row] = await db
    .select({ id: teachers.id, cipher: teacherIdNumbers.idNumberCipher })
    .from(teachers)
    .innerJoin(organisations, eq(organisations.id, teachers.schoolId))
    .leftJoin(teacherIdNumbers, eq(teacherIdNumbers.teacherId, teachers.id))
    .where(and(eq(teachers.id, id), scopeWhere(access, { organisationId: teachers.schoolId, districtId: organisations.districtId })));
  if (!row) throw notFound('教师');
  if (row.cipher === null) return { idNumber: null };
  await db
    .insert(piiAccessLog)
    .values({ userId: reader.userId, entityType: 'teacher', entityId: id, fields: ['idNumber'], requestId: reader.requestId });
  return { idNumber: pii.decrypt(row.cipher) };
}
