import { and, asc, eq, gt, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Access } from '../../../core/authz/index.ts';
import type { StudentListQuery } from '../../../contracts/registry.ts';
import { labelOf, STUDENT_STATUS_LABELS, studentSpec } from '../../../core/imports/index.ts';
import type { Db } from '../../platform/db/engine.ts';
import { majors, organisations, programs, students } from '../../platform/db/schema/index.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import { studentListWhere } from '../repository/students.ts';
import type { ClearPii } from '../../platform/exports/download.ts';
import { logStudentPiiReads } from '../../platform/exports/pii-log.ts';
import { streamWorkbook } from '../../platform/exports/xlsx-stream.ts';
import { syncNameSort } from '../repository/name-sort.ts';

const BATCH = 2000;

const scoped = (access: Access) =>
  scopeWhere(access, { organisationId: students.schoolId, districtId: organisations.districtId, userId: students.userId });

/**
 * The students list (the filters and scope of GET /api/students) as .xlsx, with the import template's
 * columns so an export can be corrected and imported again. ID numbers and phones are masked unless `clear`
 * is given; then only students within the personal-information scope are exported, and each one exported is
 * recorded in pii_access_log before its row is written. Read school by school, in pages, keyed on
 * (cohort, name, id) so each page uses the school index and the file comes out sorted.
 */
export function exportStudents(db: Db, access: Access, q: StudentListQuery, clear: ClearPii | null) {
  const where = and(studentListWhere(access, q), clear ? scoped(clear.access) : undefined);
  return streamWorkbook(
    '学生',
    studentSpec.columns.map((c) => ({ header: c.header, width: c.text ? 22 : 14 })),
    async (add, drain) => {
      await syncNameSort(db, 'students');
      const schoolIds = await db
        .selectDistinct({ id: students.schoolId, code: organisations.code })
        .from(students)
        .innerJoin(organisations, eq(organisations.id, students.schoolId))
        .where(where)
        .orderBy(asc(organisations.code));
      for (const { id: schoolId } of schoolIds) {
        let after: After | null = null;
        for (;;) {
          const page = await studentPage(db, and(where, eq(students.schoolId, schoolId)), after);
          if (!page.length) break;
          if (clear)
            await logStudentPiiReads(
              db,
              clear,
              page.map((s) => s.id),
            );
          for (const s of page) {
            add([
              s.schoolCode,
              s.schoolName,
              s.name,
              clear ? clear.pii.decrypt(s.idNumberCipher) : s.idNumberMasked,
              s.birthDate,
              s.majorCode ?? '',
              s.majorName ?? '',
              s.cohort,
              clear ? (s.phoneCipher ? clear.pii.decrypt(s.phoneCipher) : '') : (s.phoneMasked ?? ''),
              labelOf(STUDENT_STATUS_LABELS, s.status as 'enrolled'),
            ]);
          }
          await drain();
          const last = page.at(-1)!;
          after = { cohort: last.cohort, nameSort: last.nameSort ?? '', id: last.id };
          if (page.length < BATCH) break;
        }
      }
    },
  );
}

type After = { cohort: number; nameSort: string; id: string };
const school = alias(organisations, 'school');

function studentPage(db: Db, where: SQL | undefined, after: After | null) {
  return db
    .select({
      id: students.id,
      cohort: students.cohort,
      name: students.name,
      nameSort: students.nameSort,
      birthDate: students.birthDate,
      status: students.status,
      idNumberMasked: students.idNumberMasked,
      phoneMasked: students.phoneMasked,
      idNumberCipher: students.idNumberCipher,
      phoneCipher: students.phoneCipher,
      schoolCode: school.code,
      schoolName: school.name,
      majorCode: majors.code,
      majorName: majors.name,
    })
    .from(students)
    .innerJoin(organisations, eq(organisations.id, students.schoolId))
    .innerJoin(school, eq(school.id, students.schoolId))
    .leftJoin(programs, eq(programs.id, students.programId))
    .leftJoin(majors, eq(majors.id, programs.majorId))
    .where(
      and(
        where,
        after
          ? or(
              gt(students.cohort, after.cohort),
              and(eq(students.cohort, after.cohort), gt(students.nameSort, after.nameSort)),
              and(eq(students.cohort, after.cohort), eq(students.nameSort, after.nameSort), gt(students.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(students.cohort), asc(students.nameSort), asc(students.id))
    .limit(BATCH);
}
