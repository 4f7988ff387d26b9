import { todayOf } from '../../../core/calendar.ts';
import { systemClock } from '../../platform/clock.ts';
import { and, eq, sql } from 'drizzle-orm';
import type { Access, Actor } from '../../../core/authz/index.ts';
import { AppError, notFound } from '../../../core/errors.ts';
import { mentorSide, organisationSide } from '../../../core/internships/parties.ts';
import { checkPlacement } from '../../../core/internships/placement-check.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Tx } from '../../platform/db/engine.ts';
import {
  internshipApplications,
  internshipEvaluations,
  internshipLogs,
  internshipPosts,
  students,
} from '../../platform/db/schema/index.ts';
import { issueOutcome, openStudentAccount } from '../../credit-bank/index.ts';
import { inviteInternshipRating } from '../../surveys/index.ts';
import { draftAgreementOnOpen, refuse } from './agreements.ts';
import { takePlace } from './applications.ts';
import {
  findInternship,
  getInternship,
  openInternship,
  requireStatus,
  setInternship,
  partiesOf,
  type InternshipRow,
} from './internships.ts';
import { rules } from './posts.ts';

/**
 * An internship ends early: its application is withdrawn and its place goes back to the post. The internship row
 * is locked by the caller and its state checked under the lock, so a place is released once however many
 * requests race; the counter moves in one statement and never below zero.
 */
async function endEarly(
  tx: Tx,
  audit: Auditor,
  actor: Actor,
  row: InternshipRow,
  status: 'withdrawn' | 'terminated' | 'reassigned',
  reason: string,
  today: string,
) {
  await setInternship(tx, row.i.id, { status, endedOn: today, endReason: reason });
  await tx
    .update(internshipApplications)
    .set({
      status: 'withdrawn',
      updatedAt: systemClock(),
      decisions: sql`${internshipApplications.decisions} || ${JSON.stringify([{ at: systemClock().toISOString(), by: actor.userId, status: 'withdrawn', reason: `${status}：${reason}` }])}::jsonb`,
    })
    .where(eq(internshipApplications.id, row.i.applicationId));
  await tx
    .update(internshipPosts)
    .set({ placesTaken: sql`${internshipPosts.placesTaken} - 1` })
    .where(and(eq(internshipPosts.id, row.i.postId), sql`${internshipPosts.placesTaken} > 0`));
  await audit.record({
    action: status,
    entityType: 'internship',
    entityId: row.i.id,
    before: { status: row.i.status },
    after: { status, reason, endedOn: today },
  });
}

/** The student withdraws from his/her own internship. */
export async function withdraw(tx: Tx, audit: Auditor, actor: Actor, access: Access, id: string, reason: string, now: Date) {
  const row = await findInternship(tx, access, id, true);
  if (row.studentUserId !== actor.userId)
    throw new AppError('NOT_THE_PARTY', '只有实习学生本人可以申请退出', { fields: { internshipId: '不是您的实习' } });
  requireStatus(row, ['accepted', 'active'], '退出');
  const today = todayOf(now);
  await endEarly(tx, audit, actor, row, 'withdrawn', reason, today);
  return getInternship(tx, access, id, today);
}

/** The school or the enterprise of the internship ends it. */
export async function terminate(tx: Tx, audit: Auditor, actor: Actor, access: Access, id: string, reason: string, now: Date) {
  const row = await findInternship(tx, access, id, true);
  if (!organisationSide(actor, partiesOf(row))) {
    throw new AppError('NOT_THE_PARTY', '只有该实习的学校或实习单位可以终止实习', { fields: { internshipId: '不是您所在单位的实习' } });
  }
  requireStatus(row, ['accepted', 'active'], '终止');
  const today = todayOf(now);
  await endEarly(tx, audit, actor, row, 'terminated', reason, today);
  return getInternship(tx, access, id, today);
}

/**
 * The school moves its student to another published post: a place is taken there under the same race-safe
 * counter and caps as an acceptance, the old place is released, and a new internship (new agreement, new
 * insurance) begins. The regulation's placement rules are checked for the new post as for an application.
 */
export async function reassign(
  tx: Tx,
  audit: Auditor,
  actor: Actor,
  access: Access,
  id: string,
  body: { postId: string; reason: string },
  now: Date,
) {
  const row = await findInternship(tx, access, id, true);
  requireStatus(row, ['accepted', 'active'], '调岗');
  if (body.postId === row.i.postId) throw new AppError('VALIDATION_FAILED', '请选择另一个岗位', { fields: { postId: '与当前岗位相同' } });
  const [post] = await tx
    .select()
    .from(internshipPosts)
    .where(and(eq(internshipPosts.id, body.postId), eq(internshipPosts.status, 'published')));
  if (!post) throw notFound('实习岗位');
  const today = todayOf(now);
  if (post.endDate < today) throw new AppError('VALIDATION_FAILED', '该岗位的实习期已结束', { fields: { postId: '实习期已结束' } });
  const [student] = await tx.select().from(students).where(eq(students.id, row.i.studentId));
  const violations = checkPlacement(student!, { ...post, startDate: post.startDate < today ? today : post.startDate }, rules);
  if (violations.length) refuse(violations);
  await endEarly(tx, audit, actor, row, 'reassigned', body.reason, today);
  await takePlace(tx, post.enterpriseId, post.id, today);
  const [app] = await tx
    .insert(internshipApplications)
    .values({
      postId: post.id,
      studentId: row.i.studentId,
      schoolId: row.i.schoolId,
      enterpriseId: post.enterpriseId,
      status: 'accepted',
      decisions: [{ at: now.toISOString(), by: actor.userId, status: 'accepted', reason: `学校调岗：${body.reason}` }],
    })
    .onConflictDoNothing()
    .returning({ id: internshipApplications.id });
  if (!app) throw new AppError('ALREADY_APPLIED', '该学生已有此岗位的有效申请，请直接处理该申请', { fields: { postId: '已有有效申请' } });
  await audit.record({
    action: 'reassign',
    entityType: 'internshipApplication',
    entityId: app.id,
    after: { postId: post.id, studentId: row.i.studentId, status: 'accepted', from: id },
  });
  const newId = await openInternship(tx, audit, app.id, id);
  // Same student, same school: the school mentor follows the student; the new enterprise names its own.
  if (row.i.schoolMentorId) await setInternship(tx, newId, { schoolMentorId: row.i.schoolMentorId });
  await draftAgreementOnOpen(tx, audit, newId, now);
  return getInternship(tx, access, newId, today);
}

/**
 * The school completes the internship once both mentors gave their mid-term and final evaluations. A passed
 * internship is deposited in the student's credit-bank account as a learning outcome of kind internship, issued
 * by the school, under a key of the internship: a retried completion cannot deposit it twice. The student is then
 * asked to rate the internship unit (surveys).
 */
export async function complete(
  tx: Tx,
  audit: Auditor,
  actor: Actor,
  access: Access,
  id: string,
  body: { outcome: 'passed' | 'failed'; hours?: number; comment?: string },
  now: Date,
) {
  const row = await findInternship(tx, access, id, true);
  if (mentorSide(actor, partiesOf(row)) !== 'school') {
    throw new AppError('NOT_THE_PARTY', '实习由该生的学校指导教师或学校管理员确认完成', {
      fields: { internshipId: '您不是该生的学校指导教师' },
    });
  }
  requireStatus(row, ['active'], '确认完成');
  const evals = await tx.select().from(internshipEvaluations).where(eq(internshipEvaluations.internshipId, id));
  const missing = (['midterm', 'final'] as const).flatMap((stage) =>
    (['school', 'enterprise'] as const)
      .filter((party) => !evals.some((e) => e.stage === stage && e.party === party))
      .map((party) => `${party === 'school' ? '学校' : '企业'}${stage === 'midterm' ? '中期' : '终期'}评价`),
  );
  if (missing.length) throw new AppError('INVALID_STATE', `尚缺${missing.join('、')}，不能确认完成`, { details: { missing } });
  const today = todayOf(now);
  let learningOutcomeId: string | null = null;
  if (body.outcome === 'passed') {
    const [logged] = await tx
      .select({ hours: sql<number>`coalesce(sum(${internshipLogs.hoursWorked}), 0)::int` })
      .from(internshipLogs)
      .where(eq(internshipLogs.internshipId, id));
    const hours = body.hours ?? logged!.hours;
    if (hours < 1)
      throw new AppError('VALIDATION_FAILED', '周志中没有学时记录，请填写记入学分银行的学时', { fields: { hours: '请填写学时' } });
    const finals = evals.filter((e) => e.stage === 'final');
    const score = Math.round(finals.reduce((s, e) => s + e.score, 0) / finals.length);
    const [post] = await tx
      .select({ majorCodes: internshipPosts.majorCodes })
      .from(internshipPosts)
      .where(eq(internshipPosts.id, row.i.postId));
    const accountId = await openStudentAccount(tx, row.i.studentId);
    const schoolAccess: Access = { kind: 'limited', organisationIds: [row.i.schoolId], districtIds: [], userId: null };
    const outcome = await issueOutcome(
      tx,
      audit,
      schoolAccess,
      {
        accountNo: accountId,
        kind: 'internship',
        title: `岗位实习：${row.postTitle}（${row.enterpriseName}）`.slice(0, 100),
        field: post?.majorCodes[0],
        hours,
        grade: String(score),
        achievedOn: today,
        evidenceNote:
          `实习 ${id}：${row.i.startedOn} 至 ${today}，学校与企业终期评价平均 ${score} 分${body.comment ? `；${body.comment}` : ''}`.slice(
            0,
            500,
          ),
        idempotencyKey: `internship:${id}`,
      },
      { userId: actor.userId, now },
    );
    learningOutcomeId = outcome.id;
  }
  await setInternship(tx, id, { status: 'completed', endedOn: today, outcome: body.outcome, learningOutcomeId });
  // The student rates the unit (岗位实习评价, anonymous to it), whatever the outcome.
  await inviteInternshipRating(
    tx,
    {
      internshipId: id,
      studentUserId: row.studentUserId,
      schoolId: row.i.schoolId,
      enterpriseId: row.i.enterpriseId,
      enterpriseName: row.enterpriseName,
    },
    now,
  );
  await audit.record({
    action: 'complete',
    entityType: 'internship',
    entityId: id,
    before: { status: 'active' },
    after: { status: 'completed', outcome: body.outcome, learningOutcomeId },
  });
  return getInternship(tx, access, id, today);
}
