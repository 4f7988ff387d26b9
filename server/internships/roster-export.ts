import { and, asc, eq, gt, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Access } from '../../core/authz/index.ts';
import { yearSpan } from '../../core/internships/placement-rate.ts';
import type { Db } from '../platform/db/engine.ts';
import { internshipApplications, internshipPosts, majors, organisations, programs, students } from '../platform/db/schema/index.ts';
import { scopeWhere } from '../platform/http/scope-sql.ts';
import { isPlaced, postInYear } from './repository/placed.ts';
import { logStudentPiiReads } from '../platform/exports/pii-log.ts';
import type { ClearPii } from '../platform/exports/download.ts';
import { streamWorkbook } from '../platform/exports/xlsx-stream.ts';

/**
 * The placement roster (实习学生名册) of a year as .xlsx: every student placed on a post running in the year,
 * within the caller's roster scope (a school its students, an enterprise its interns, a district placements of
 * its schools or at its enterprises), narrowed to one school, enterprise or district. ID numbers and phones are
 * masked unless `clear` is given; then only students within the personal-information scope are exported, each
 * one logged in pii_access_log before its row is written.
 */
const BATCH = 2000;
const school = alias(organisations, 'school');
const enterpriseOrg = alias(organisations, 'enterprise_org');

export const ROSTER_COLUMNS = [
  { header: '学校', width: 24 },
  { header: '学生姓名', width: 12 },
  { header: '身份证号', width: 22 },
  { header: '性别', width: 6 },
  { header: '入学年份', width: 10 },
  { header: '专业代码', width: 10 },
  { header: '专业名称', width: 18 },
  { header: '手机号', width: 14 },
  { header: '实习单位', width: 24 },
  { header: '实习岗位', width: 20 },
  { header: '实习类型', width: 10 },
  { header: '开始日期', width: 12 },
  { header: '结束日期', width: 12 },
  { header: '月报酬（元）', width: 12 },
] as const;

const KIND_LABELS = { observation: '认识实习', placement: '岗位实习' } as const;
const SEX_LABELS = { male: '男', female: '女' } as const;

export interface RosterFilter {
  year: number;
  schoolId?: string;
  enterpriseId?: string;
  districtId?: string;
}

export function exportRoster(db: Db, access: Access, f: RosterFilter, clear: ClearPii | null) {
  const where = and(
    isPlaced(),
    postInYear(yearSpan(f.year)),
    or(
      scopeWhere(access, {
        organisationId: [internshipApplications.schoolId, internshipApplications.enterpriseId],
        districtId: school.districtId,
      }),
      scopeWhere(access, { districtId: enterpriseOrg.districtId }),
    ),
    clear ? scopeWhere(clear.access, { organisationId: students.schoolId, userId: students.userId }) : undefined,
    f.schoolId ? eq(internshipApplications.schoolId, f.schoolId) : undefined,
    f.enterpriseId ? eq(internshipApplications.enterpriseId, f.enterpriseId) : undefined,
    f.districtId ? or(eq(school.districtId, f.districtId), eq(enterpriseOrg.districtId, f.districtId)) : undefined,
  );
  return streamWorkbook('实习学生名册', ROSTER_COLUMNS, async (add, drain) => {
    let after: After | null = null;
    for (;;) {
      const page = await rosterPage(db, where, after);
      if (!page.length) break;
      if (clear)
        await logStudentPiiReads(
          db,
          clear,
          page.map((r) => r.studentId),
        );
      for (const r of page) {
        add([
          r.schoolName,
          r.studentName,
          clear ? clear.pii.decrypt(r.idNumberCipher) : r.idNumberMasked,
          SEX_LABELS[r.sex],
          r.cohort,
          r.majorCode ?? '',
          r.majorName ?? '',
          clear ? (r.phoneCipher ? clear.pii.decrypt(r.phoneCipher) : '') : (r.phoneMasked ?? ''),
          r.enterpriseName,
          r.postTitle,
          KIND_LABELS[r.kind],
          r.startDate,
          r.endDate,
          r.monthlyPayYuan,
        ]);
      }
      await drain();
      const last = page.at(-1)!;
      after = { schoolCode: last.schoolCode, studentName: last.studentName, id: last.id };
      if (page.length < BATCH) break;
    }
  });
}

type After = { schoolCode: string; studentName: string; id: string };

/** A page keyed on (school code, student name, application id): the file comes out grouped by school and sorted. */
function rosterPage(db: Db, where: SQL | undefined, after: After | null) {
  return db
    .select({
      id: internshipApplications.id,
      studentId: students.id,
      schoolCode: school.code,
      schoolName: school.name,
      studentName: students.name,
      sex: students.sex,
      cohort: students.cohort,
      idNumberMasked: students.idNumberMasked,
      idNumberCipher: students.idNumberCipher,
      phoneMasked: students.phoneMasked,
      phoneCipher: students.phoneCipher,
      majorCode: majors.code,
      majorName: majors.name,
      enterpriseName: enterpriseOrg.name,
      postTitle: internshipPosts.title,
      kind: internshipPosts.kind,
      startDate: internshipPosts.startDate,
      endDate: internshipPosts.endDate,
      monthlyPayYuan: internshipPosts.monthlyPayYuan,
    })
    .from(internshipApplications)
    .innerJoin(internshipPosts, eq(internshipPosts.id, internshipApplications.postId))
    .innerJoin(students, eq(students.id, internshipApplications.studentId))
    .innerJoin(school, eq(school.id, internshipApplications.schoolId))
    .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, internshipApplications.enterpriseId))
    .leftJoin(programs, eq(programs.id, students.programId))
    .leftJoin(majors, eq(majors.id, programs.majorId))
    .where(
      and(
        where,
        after
          ? or(
              gt(school.code, after.schoolCode),
              and(eq(school.code, after.schoolCode), gt(students.name, after.studentName)),
              and(eq(school.code, after.schoolCode), eq(students.name, after.studentName), gt(internshipApplications.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(school.code), asc(students.name), asc(internshipApplications.id))
    .limit(BATCH);
}
