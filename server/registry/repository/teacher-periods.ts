import { and, asc, eq, inArray } from 'drizzle-orm';
import { validationFailed, type FieldErrors } from '../../../core/errors.ts';
import type { PracticePeriodInput } from '../../../contracts/teachers.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { organisations, teacherPracticePeriods } from '../../platform/db/schema/index.ts';

/** A teacher's 企业实践 periods: checked, replaced as a whole on edit, read with the enterprise's current name. */

export async function periodsOf(db: Db | Tx, teacherId: string) {
  return db
    .select({
      id: teacherPracticePeriods.id,
      enterpriseId: teacherPracticePeriods.organisationId,
      enterpriseName: organisations.name,
      typedName: teacherPracticePeriods.enterpriseName,
      startDate: teacherPracticePeriods.startDate,
      endDate: teacherPracticePeriods.endDate,
    })
    .from(teacherPracticePeriods)
    .leftJoin(organisations, eq(organisations.id, teacherPracticePeriods.organisationId))
    .where(eq(teacherPracticePeriods.teacherId, teacherId))
    .orderBy(asc(teacherPracticePeriods.startDate), asc(teacherPracticePeriods.id))
    .then((rows) => rows.map(({ typedName, ...p }) => ({ ...p, enterpriseName: p.enterpriseName ?? typedName })));
}

/** A registered enterprise named by id must exist (400 naming the period's field otherwise). */
export async function checkPeriods(db: Db | Tx, periods: readonly PracticePeriodInput[]) {
  const ids = [...new Set(periods.flatMap((p) => (p.enterpriseId ? [p.enterpriseId] : [])))];
  if (!ids.length) return;
  const found = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(inArray(organisations.id, ids), eq(organisations.kind, 'enterprise')));
  const ok = new Set(found.map((o) => o.id));
  const fields: FieldErrors = {};
  periods.forEach((p, i) => {
    if (p.enterpriseId && !ok.has(p.enterpriseId)) fields[`practicePeriods.${i}.enterpriseId`] = '所选企业不存在';
  });
  if (Object.keys(fields).length) throw validationFailed(fields);
}

export async function replacePeriods(tx: Tx, teacherId: string, periods: readonly PracticePeriodInput[]) {
  await tx.delete(teacherPracticePeriods).where(eq(teacherPracticePeriods.teacherId, teacherId));
  if (!periods.length) return;
  await tx.insert(teacherPracticePeriods).values(
    periods.map((p) => ({
      teacherId,
      organisationId: p.enterpriseId ?? null,
      // The register's name wins for a registered enterprise; the typed one is kept only for the others.
      enterpriseName: p.enterpriseId ? null : (p.enterpriseName ?? null),
      startDate: p.startDate,
      endDate: p.endDate ?? null,
    })),
  );
}

/** The periods as an audit row shows them (without generated ids, so an unchanged list diffs as unchanged). */
export async function periodsForAudit(db: Db | Tx, teacherId: string) {
  return (await periodsOf(db, teacherId)).map(({ id: _id, ...p }) => p);
}
