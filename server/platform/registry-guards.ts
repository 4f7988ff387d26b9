import { and, eq, inArray } from 'drizzle-orm';
import { inScope, type Access } from '../../core/authz/index.ts';
import { scopeWhere } from './http/scope-sql.ts';
import { AppError, notFound } from '../../core/errors.ts';
import type { Db, Tx } from './db/engine.ts';
import { organisations } from './db/schema/index.ts';

/**
 * Checks shared by the school side of the register (programs, major groups, teachers, students): the
 * school a new record goes into, and what a unique index refused.
 */

export interface SchoolRef {
  id: string;
  code: string;
  name: string;
  districtId: string | null;
  status: 'active' | 'pending' | 'archived';
}

/**
 * The school a record is created in, within the caller's scope for the action — else 404 naming the field,
 * as for any record outside the scope — and not archived (409): an archived school takes no new records.
 */
export async function schoolForWrite(db: Db | Tx, access: Access, schoolId: string, field = 'schoolId'): Promise<SchoolRef> {
  const [school] = await db
    .select({
      id: organisations.id,
      code: organisations.code,
      name: organisations.name,
      districtId: organisations.districtId,
      status: organisations.status,
    })
    .from(organisations)
    .where(and(eq(organisations.id, schoolId), eq(organisations.kind, 'school')));
  if (!school || !inScope(access, { organisationId: school.id, districtId: school.districtId })) {
    throw new AppError('NOT_FOUND', '学校不存在或不在您的管理范围内', { fields: { [field]: '学校不存在或不在您的管理范围内' } });
  }
  assertSchoolOpen(school);
  return school;
}

export function assertSchoolOpen(school: { status: string }) {
  if (school.status === 'archived') throw new AppError('CONFLICT', '该学校已归档，不能再登记或修改其信息；如需恢复请联系市教育局');
}

/** The constraint a PostgreSQL unique_violation names, however the driver wraps the error; null for other errors. */
export function uniqueViolation(err: unknown): string | null {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const o = e as { code?: unknown; constraint?: unknown; constraint_name?: unknown };
    if (o.code === '23505') return String(o.constraint ?? o.constraint_name ?? '');
  }
  return null;
}

/** Refuse an archived record's edit (restore it first), the same way for every kind. */
export function assertNotArchived(archived: boolean, what: string) {
  if (archived) throw new AppError('CONFLICT', `${what}已归档，请先恢复后再修改`);
}

/** A user's search text as a LIKE pattern part: % and _ match themselves. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A school, enterprise or district named in a filter must be one the caller reaches: otherwise 404. */
export async function assertOrganisationReachable(
  db: Db,
  access: Access,
  id: string,
  kinds: ('school' | 'enterprise' | 'district')[],
  what: string,
) {
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.id, id),
        inArray(organisations.kind, kinds),
        scopeWhere(access, { organisationId: organisations.id, districtId: organisations.districtId }),
      ),
    );
  if (!org) throw notFound(what);
}
