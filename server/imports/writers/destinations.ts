import { sql } from 'drizzle-orm';
import { inScope } from '../../../core/authz/index.ts';
import { AppError } from '../../../core/errors.ts';
import type { DestinationRecord, ImportIssue } from '../../../core/imports/index.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import { destinationProblems, upsertImportedDestinations, type ImportedDestination } from '../../graduates/index.ts';
import type { EntityWriter, Item, WriteContext } from './types.ts';

/**
 * 毕业去向 in bulk (issue 16). Before anything is written every row is checked against the register: the ID
 * number names a student of a school the importer keeps, whose name agrees, who has graduated; the fields the
 * category asks for are there (core/graduates/rules.ts, as for the form); a graduate has one graduation year
 * across survey points (in the file and as stored). Rows are then upserted by (student, survey point).
 */
interface Student {
  id: string;
  idx: string;
  name: string;
  schoolId: string;
  schoolName: string;
  districtId: string | null;
  programId: string | null;
  status: 'enrolled' | 'graduated' | 'withdrawn';
  cohort: number;
}

async function studentsOf(db: Db | Tx, indexes: string[]): Promise<Map<string, Student>> {
  const found = await rows<Student>(
    db,
    sql`select s.id, s.id_number_index as idx, s.name, s.school_id as "schoolId", o.name as "schoolName", o.district_id as "districtId", s.program_id as "programId",
      s.status, s.cohort from students s join organisations o on o.id = s.school_id
      where s.id_number_index = any(${sql.param(indexes)}::text[]) and s.archived_at is null`,
  );
  return new Map(found.map((s) => [s.idx, s]));
}

const COLUMN: Record<string, string> = {
  categoryCode: '毕业去向',
  graduationYear: '毕业年份',
  employerName: '单位名称',
  employerOrganisationId: '单位统一社会信用代码',
  industryCode: '行业代码',
  studySchool: '录取学校',
  studyLevel: '就读层次',
  studyFullTime: '是否全日制',
  districtId: '所在区县',
};

async function prepare(db: Db | Tx, batch: readonly Item<DestinationRecord>[], ctx: WriteContext) {
  const indexes = batch.map((b) => ctx.pii.index(b.record.idNumber));
  const students = await studentsOf(db, indexes);
  const usccs = [...new Set(batch.map((b) => b.record.employerUscc).filter((x): x is string => !!x))];
  const employers = usccs.length
    ? await rows<{ id: string; code: string; name: string }>(
        db,
        sql`select id, code, name from organisations where kind = 'enterprise' and status = 'active' and code = any(${sql.param(usccs)}::text[])`,
      )
    : [];
  const ids = [...students.values()].map((s) => s.id);
  const storedYears = ids.length
    ? await rows<{ studentId: string; surveyPoint: string; year: number }>(
        db,
        sql`select student_id as "studentId", survey_point as "surveyPoint", graduation_year as year from graduate_destinations
          where student_id = any(${sql.param(ids)}::uuid[])`,
      )
    : [];
  const issues: ImportIssue[] = [];
  const items: ImportedDestination[] = [];
  const fileYears = new Map<string, number>();
  batch.forEach((b, i) => {
    const r = b.record;
    const s = students.get(indexes[i]!);
    const fail = (column: string | null, reason: string) => issues.push({ row: b.row, column, reason });
    if (!s || !inScope(ctx.access, { organisationId: s.schoolId, districtId: s.districtId }))
      return fail('身份证号码', '学生库中没有该身份证号码的学生，或该学生不在您管理的学校');
    if (s.name !== r.name) return fail('姓名', `姓名“${r.name}”与学生库中该身份证号码的姓名不一致`);
    const employer = r.employerUscc ? employers.find((e) => e.code === r.employerUscc) : undefined;
    const input = {
      graduationYear: r.graduationYear,
      surveyPoint: r.surveyPoint,
      categoryCode: r.categoryCode,
      employerName: r.employerName ?? null,
      employerOrganisationId: employer?.id ?? null,
      industryCode: r.industryCode ?? null,
      studySchool: r.studySchool ?? null,
      studyLevel: r.studyLevel ?? null,
      studyFullTime: r.studyFullTime ?? null,
      districtId: r.districtId,
      note: r.note ?? null,
    };
    const problems = destinationProblems(input, s, ctx.refs.today);
    if (problems.notGraduated) return fail('身份证号码', problems.notGraduated);
    for (const [field, reason] of Object.entries(problems.fields)) fail(COLUMN[field] ?? null, reason);
    const other = storedYears.find((y) => y.studentId === s.id && y.surveyPoint !== r.surveyPoint && y.year !== r.graduationYear);
    const inFile = fileYears.get(s.id);
    if (other)
      fail(
        '毕业年份',
        `该毕业生${other.surveyPoint === 'graduation' ? '毕业时' : '其他调查时点'}已登记毕业年份为${other.year}年，同一毕业生的毕业年份须一致`,
      );
    else if (inFile !== undefined && inFile !== r.graduationYear) fail('毕业年份', '同一毕业生在本文件中的毕业年份不一致');
    fileYears.set(s.id, r.graduationYear);
    if (!Object.keys(problems.fields).length) items.push({ row: b.row, student: s, input, employer: employer ?? null });
  });
  return { issues, items };
}

export const destinationWriter: EntityWriter<DestinationRecord> = {
  async conflicts(db, batch, ctx) {
    return (await prepare(db, batch, ctx)).issues;
  },
  async write(tx, batch, ctx, tally) {
    const { issues, items } = await prepare(tx, batch, ctx);
    // Checked before writing too; a change since then (a student's status, another point's year) means re-checking the file.
    if (issues.length) throw new AppError('CONFLICT', `第${issues[0]!.row}行：${issues[0]!.reason}。数据在校验后发生了变化，请重新导入`);
    await upsertImportedDestinations(tx, items, ctx.audit, tally);
  },
};
