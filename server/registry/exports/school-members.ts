import { and, asc, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { EMPLOYMENT_LABELS, labelOf, programSpec, SUBJECT_LABELS, teacherSpec, YES_NO_LABEL } from '../../../core/imports/index.ts';
import type { ProgramListQuery } from '../../../contracts/programs.ts';
import type { TeacherListQuery } from '../../../contracts/teachers.ts';
import { rows, type Db } from '../../platform/db/engine.ts';
import { majors, organisations, programs, teacherIdNumbers, teachers } from '../../platform/db/schema/index.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import { programListWhere } from '../repository/programs.ts';
import { teacherListWhere } from '../repository/teachers.ts';
import { streamWorkbook } from '../../platform/exports/xlsx-stream.ts';
import { syncNameSort } from '../repository/name-sort.ts';

const BATCH = 2000;

/** The schools in scope (and filter), by 学校标识码: exports go school by school so each page uses the school index. */
async function schoolsOf(db: Db, access: Access, schoolId: string | undefined) {
  return db
    .select({ id: organisations.id, code: organisations.code, name: organisations.name })
    .from(organisations)
    .where(
      and(
        eq(organisations.kind, 'school'),
        scopeWhere(access, { organisationId: organisations.id, districtId: organisations.districtId }),
        schoolId ? eq(organisations.id, schoolId) : undefined,
      ),
    )
    .orderBy(asc(organisations.code));
}

type TeacherRow = {
  id: string;
  name: string;
  nameSort: string | null;
  masked: string | null;
  employment: 'fullTime' | 'partTime' | 'industryMentor';
  subject: 'specialty' | 'general';
  dual: boolean;
};

/**
 * The teacher list (the filters and scope of GET /api/teachers) as .xlsx in the
 * import template's columns; the ID number, when the teacher was imported with one, is masked.
 */
export function exportTeachers(db: Db, access: Access, q: TeacherListQuery) {
  const filter = teacherListWhere(access, q);
  return streamWorkbook(
    '教师',
    teacherSpec.columns.map((c) => ({ header: c.header, width: c.text ? 22 : 14 })),
    async (add, drain) => {
      await syncNameSort(db, 'teachers');
      for (const school of await schoolsOf(db, access, q.schoolId)) {
        let after: { nameSort: string; id: string } | null = null;
        for (;;) {
          const where: SQL | undefined = and(
            eq(teachers.schoolId, school.id),
            filter,
            after
              ? or(gt(teachers.nameSort, after.nameSort), and(eq(teachers.nameSort, after.nameSort), gt(teachers.id, after.id)))
              : undefined,
          );
          const page: TeacherRow[] = await db
            .select({
              id: teachers.id,
              name: teachers.name,
              nameSort: teachers.nameSort,
              masked: teacherIdNumbers.idNumberMasked,
              employment: teachers.employment,
              subject: teachers.subject,
              dual: teachers.dualQualified,
            })
            .from(teachers)
            .innerJoin(organisations, eq(organisations.id, teachers.schoolId))
            .leftJoin(teacherIdNumbers, eq(teacherIdNumbers.teacherId, teachers.id))
            .where(where)
            .orderBy(asc(teachers.nameSort), asc(teachers.id))
            .limit(BATCH);
          for (const t of page) {
            add([
              school.code,
              school.name,
              t.name,
              t.masked ?? '',
              labelOf(EMPLOYMENT_LABELS, t.employment),
              labelOf(SUBJECT_LABELS, t.subject),
              YES_NO_LABEL(t.dual),
            ]);
          }
          await drain();
          if (page.length < BATCH) break;
          after = { nameSort: page.at(-1)!.nameSort ?? '', id: page.at(-1)!.id };
        }
      }
    },
  );
}

/**
 * The program list (the filters and scope of GET /api/programs) as .xlsx in the
 * import template's columns, with each program's latest recorded year (or its current intake without one).
 */
export function exportPrograms(db: Db, access: Access, q: ProgramListQuery) {
  const filter = programListWhere(access, q);
  return streamWorkbook(
    '开设专业',
    programSpec.columns.map((c) => ({ header: c.header, width: c.key.endsWith('Name') ? 28 : 14 })),
    async (add, drain) => {
      for (const school of await schoolsOf(db, access, q.schoolId)) {
        const list = await db
          .select({
            id: programs.id,
            code: majors.code,
            name: majors.name,
            startYear: programs.startYear,
            enrolment: programs.enrolment,
            share: programs.practiceShare,
          })
          .from(programs)
          .innerJoin(majors, eq(majors.id, programs.majorId))
          .innerJoin(organisations, eq(organisations.id, programs.schoolId))
          .where(and(eq(programs.schoolId, school.id), filter))
          .orderBy(asc(majors.code));
        const latest = new Map(
          (list.length
            ? await rows<{ programId: string; year: number; enrolment: number | null; graduates: number | null }>(
                db,
                sql`
        select distinct on (program_id) program_id as "programId", year, enrolment, graduates from program_years
        where program_id = any(${sql.param(list.map((p) => p.id))}::uuid[]) order by program_id, year desc`,
              )
            : []
          ).map((y) => [y.programId, y]),
        );
        for (const p of list) {
          const y = latest.get(p.id);
          add([
            school.code,
            school.name,
            p.code,
            p.name,
            p.startYear,
            y?.year ?? '',
            y ? (y.enrolment ?? '') : p.enrolment,
            y?.graduates ?? '',
            p.share === null ? '' : `${Math.round(Number(p.share) * 1000) / 10}%`,
          ]);
        }
        await drain();
      }
    },
  );
}
