import { sql } from 'drizzle-orm';
import { todayOf } from '../../../core/calendar.ts';
import type { Access } from '../../../core/authz/index.ts';
import { AppError, notFound, validationFailed } from '../../../core/errors.ts';
import { COURSE_LEVEL_LABELS, type CompletionPost } from '../../../contracts/digital.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import { rows, type Tx } from '../../platform/db/engine.ts';
import { issueOutcome, openStudentAccount } from '../../credit-bank/index.ts';
import { ownSchool } from './own-school.ts';

/**
 * Course credit reaches the credit bank (二 (四) 11 "开展学分银行建设试点"): the providing school records that one of
 * its students completed a course the bureau recognised; the course's credits are deposited on the student's
 * account as an `onlineCourse` learning outcome issued by the school. The key `online-course:<course>:<student>` makes
 * a repeated call (a double click, a retry) answer the outcome already issued instead of depositing twice.
 */
export async function recordCompletion(
  tx: Tx,
  audit: Auditor,
  access: Access,
  userId: string | null,
  courseId: string,
  body: CompletionPost,
  now: Date,
) {
  const school = await ownSchool(tx, access);
  const [course] = await rows<{
    id: string;
    title: string;
    status: string;
    level: string;
    credits: number;
    majorCodes: string[];
    url: string;
  }>(
    tx,
    sql`select id, title, status, level, credits::float8 as credits, major_codes as "majorCodes", url from online_courses
      where id = ${courseId} and school_id = ${school.id}`,
  );
  if (!course) throw notFound('在线课程');
  if (course.status !== 'recognised')
    throw new AppError('INVALID_STATE', '课程经市教育局认定后，其学分方可存入学分银行', { fields: { status: '未认定' } });
  const [student] = await rows<{ id: string }>(tx, sql`select id from students where id = ${body.studentId} and school_id = ${school.id}`);
  if (!student) throw notFound('学生');
  if (body.completedOn > todayOf(now)) throw validationFailed({ completedOn: '结业日期不能晚于今天' });
  const accountId = await openStudentAccount(tx, student.id);
  const issuer: Access = { kind: 'limited', organisationIds: [school.id], districtIds: [], userId: null };
  const outcome = await issueOutcome(
    tx,
    audit,
    issuer,
    {
      accountNo: accountId,
      kind: 'onlineCourse',
      title: `精品在线课程：${course.title}`.slice(0, 100),
      field: course.majorCodes[0],
      credits: course.credits,
      hours: body.hours,
      ...(body.grade ? { grade: body.grade } : {}),
      achievedOn: body.completedOn,
      evidenceUrl: course.url,
      evidenceNote: `${school.name}开设、市教育局认定的${COURSE_LEVEL_LABELS[course.level]}精品在线课程`,
      idempotencyKey: `online-course:${course.id}:${student.id}`,
    },
    { userId, now },
  );
  return { outcomeId: outcome.id, courseId: course.id, studentId: student.id, credits: course.credits, completedOn: outcome.achievedOn };
}
