import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { systemClock } from '../../platform/clock.ts';
import { alias } from 'drizzle-orm/pg-core';
import type { Access, Actor } from '../../../core/authz/index.ts';
import { AppError, notFound } from '../../../core/errors.ts';
import { clashingInternship, postOpen } from '../../../core/internships/offer.ts';
import { checkPlacement, internCaps } from '../../../core/internships/placement-check.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import { rows, type Db, type Tx } from '../../platform/db/engine.ts';
import {
  enterprises,
  internshipApplications,
  internshipPosts,
  internships,
  organisations,
  students,
} from '../../platform/db/schema/index.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import { countOf } from '../../platform/db/paging.ts';
import { rules } from './posts.ts';
import { draftAgreementOnOpen } from './agreements.ts';
import { openInternship } from './internships.ts';
import { todayOf } from '../../../core/calendar.ts';

const school = alias(organisations, 'school');
const enterprise = alias(organisations, 'enterprise');

const columns = {
  id: internshipApplications.id,
  postId: internshipApplications.postId,
  postTitle: internshipPosts.title,
  studentId: internshipApplications.studentId,
  studentName: students.name,
  schoolId: internshipApplications.schoolId,
  enterpriseId: internshipApplications.enterpriseId,
  status: internshipApplications.status,
  source: internshipApplications.source,
  createdAt: internshipApplications.createdAt,
  enterpriseName: enterprise.name,
  schoolName: school.name,
  reason: sql<string | null>`${internshipApplications.decisions} -> -1 ->> 'reason'`,
};

const scoped = (access: Access) =>
  scopeWhere(access, {
    organisationId: [internshipApplications.schoolId, internshipApplications.enterpriseId],
    districtId: school.districtId,
    userId: students.userId,
  });

function selectApplications(db: Db | Tx) {
  return db
    .select(columns)
    .from(internshipApplications)
    .innerJoin(internshipPosts, eq(internshipPosts.id, internshipApplications.postId))
    .innerJoin(students, eq(students.id, internshipApplications.studentId))
    .innerJoin(school, eq(school.id, internshipApplications.schoolId))
    .innerJoin(enterprise, eq(enterprise.id, internshipApplications.enterpriseId));
}

const toApi = <T extends { createdAt: Date }>(r: T) => ({ ...r, createdAt: r.createdAt.toISOString() });

export async function listApplications(db: Db, access: Access, q: { status?: string; postId?: string; page: number; pageSize: number }) {
  const where = and(
    scoped(access),
    q.status ? eq(internshipApplications.status, q.status as 'applied') : undefined,
    q.postId ? eq(internshipApplications.postId, q.postId) : undefined,
  );
  const [items, total] = await Promise.all([
    selectApplications(db)
      .where(where)
      .orderBy(desc(internshipApplications.createdAt), internshipApplications.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(internshipApplications)
        .innerJoin(students, eq(students.id, internshipApplications.studentId))
        .innerJoin(school, eq(school.id, internshipApplications.schoolId))
        .where(where),
    ),
  ]);
  return { items: items.map(toApi), total, page: q.page, pageSize: q.pageSize };
}

export async function getApplication(db: Db | Tx, access: Access, id: string) {
  const [row] = await selectApplications(db).where(and(eq(internshipApplications.id, id), scoped(access)));
  if (!row) throw notFound('实习申请');
  return toApi(row);
}

type StudentRow = typeof students.$inferSelect;
type PostRow = typeof internshipPosts.$inferSelect;

/** The applying student (the caller, or the school's student named) and the published post, or NOT_FOUND. */
async function studentAndPost(db: Db | Tx, actor: Actor, access: Access, postId: string, studentId: string | undefined) {
  const [student] = await db
    .select({ s: students })
    .from(students)
    .where(
      and(
        studentId ? eq(students.id, studentId) : eq(students.userId, actor.userId),
        scopeWhere(access, { organisationId: students.schoolId, userId: students.userId }),
      ),
    );
  if (!student)
    throw new AppError('NOT_FOUND', '学生不存在或不在您的管理范围内', { fields: { studentId: '学生不存在或不在您的管理范围内' } });
  const [post] = await db
    .select()
    .from(internshipPosts)
    .where(and(eq(internshipPosts.id, postId), eq(internshipPosts.status, 'published')));
  if (!post) throw notFound('实习岗位');
  return { student: student.s, post };
}

/**
 * Why a student may not apply for a published post today, as the error an application would be refused with
 * (null when the student may): the post has ended (POST_EXPIRED), it overlaps an internship the student is on
 * or has been accepted for (OVERLAPPING_INTERNSHIP), or a placement rule of the regulation (RULE_VIOLATION).
 * apply() refuses with it, and the post page asks for it to disable the button and say why.
 */
async function applyBlocker(db: Db | Tx, student: StudentRow, post: PostRow, today: string): Promise<AppError | null> {
  if (!postOpen(post, today)) {
    return new AppError('POST_EXPIRED', `该岗位已于${post.endDate}结束，不再接受申请`, { fields: { postId: '岗位已截止' } });
  }
  const live = await db
    .select({ id: internships.id, start: internships.plannedStart, end: internships.plannedEnd, title: internshipPosts.title })
    .from(internships)
    .innerJoin(internshipPosts, eq(internshipPosts.id, internships.postId))
    .where(and(eq(internships.studentId, student.id), inArray(internships.status, ['accepted', 'active'])));
  const clash = clashingInternship(post, live);
  if (clash) {
    return new AppError(
      'OVERLAPPING_INTERNSHIP',
      `已有时间重叠的实习（${clash.title}，${clash.start} 至 ${clash.end}），实习期间不能申请时间重叠的岗位`,
      {
        fields: { postId: '与正在进行或已确定的实习时间重叠' },
        details: { internshipId: clash.id },
      },
    );
  }
  const violations = checkPlacement(student, post, rules);
  if (violations.length) {
    return new AppError('RULE_VIOLATION', violations[0]!.message, {
      fields: Object.fromEntries(violations.map((v) => [v.field, v.message])),
      details: { violations },
    });
  }
  return null;
}

/** Whether the student may apply for the post today, and if not why (the post page's button). */
export async function applicationCheck(db: Db, actor: Actor, access: Access, postId: string, studentId: string | undefined, today: string) {
  const { student, post } = await studentAndPost(db, actor, access, postId, studentId);
  const [already] = await db
    .select({ id: internshipApplications.id })
    .from(internshipApplications)
    .where(and(eq(internshipApplications.postId, post.id), eq(internshipApplications.studentId, student.id)));
  const blocker = already ? new AppError('ALREADY_APPLIED', '已申请过该岗位') : await applyBlocker(db, student, post, today);
  return { canApply: blocker === null, code: blocker?.code ?? null, reason: blocker?.message ?? null };
}

/** A student applies for a post (or the school for its student); the post's dates and the regulation's placement rules are checked first. */
export async function apply(
  tx: Tx,
  audit: Auditor,
  actor: Actor,
  access: Access,
  postId: string,
  studentId: string | undefined,
  today: string,
) {
  const { student, post } = await studentAndPost(tx, actor, access, postId, studentId);
  const blocker = await applyBlocker(tx, student, post, today);
  if (blocker) throw blocker;
  const [row] = await tx
    .insert(internshipApplications)
    .values({
      postId,
      studentId: student.id,
      schoolId: student.schoolId,
      enterpriseId: post.enterpriseId,
    })
    .onConflictDoNothing()
    .returning({ id: internshipApplications.id });
  if (!row) throw new AppError('ALREADY_APPLIED', '已申请过该岗位，请勿重复申请', { fields: { postId: '已申请过该岗位' } });
  await audit.record({
    action: 'apply',
    entityType: 'internshipApplication',
    entityId: row.id,
    after: { postId, studentId: student.id, status: 'applied' },
  });
  return getApplication(tx, access, row.id);
}

async function transition(
  tx: Tx,
  audit: Auditor,
  access: Access,
  id: string,
  from: string[],
  to: 'school_approved' | 'accepted' | 'rejected',
  by: string,
  reason?: string,
) {
  const [app] = await tx
    .select({ status: internshipApplications.status })
    .from(internshipApplications)
    .innerJoin(students, eq(students.id, internshipApplications.studentId))
    .innerJoin(school, eq(school.id, internshipApplications.schoolId))
    .where(and(eq(internshipApplications.id, id), scoped(access)))
    .for('update', { of: internshipApplications });
  if (!app) throw notFound('实习申请');
  if (!from.includes(app.status)) throw new AppError('INVALID_STATE', `当前状态（${app.status}）下不能进行此操作`);
  await tx
    .update(internshipApplications)
    .set({
      status: to,
      updatedAt: systemClock(),
      decisions: sql`${internshipApplications.decisions} || ${JSON.stringify([{ at: systemClock().toISOString(), by, status: to, ...(reason && { reason }) }])}::jsonb`,
    })
    .where(eq(internshipApplications.id, id));
  await audit.record({
    action: to,
    entityType: 'internshipApplication',
    entityId: id,
    before: { status: app.status },
    after: { status: to, ...(reason && { reason }) },
  });
  return getApplication(tx, access, id);
}

export const approve = (tx: Tx, audit: Auditor, actor: Actor, access: Access, id: string) =>
  transition(tx, audit, access, id, ['applied'], 'school_approved', actor.userId);

export const reject = (tx: Tx, audit: Auditor, actor: Actor, access: Access, id: string, reason: string) =>
  transition(tx, audit, access, id, ['applied', 'school_approved'], 'rejected', actor.userId, reason);

/**
 * The enterprise accepts an approved application. Places and the regulation's caps can never be oversold,
 * however many app servers accept at once: the enterprise row is locked for the count, and the post's
 * counter only moves while it is below the places.
 */
export async function accept(tx: Tx, audit: Auditor, actor: Actor, access: Access, id: string, now: Date) {
  const today = todayOf(now);
  const [app] = await tx
    .select({
      enterpriseId: internshipApplications.enterpriseId,
      postId: internshipApplications.postId,
      status: internshipApplications.status,
    })
    .from(internshipApplications)
    .innerJoin(students, eq(students.id, internshipApplications.studentId))
    .innerJoin(school, eq(school.id, internshipApplications.schoolId))
    .where(and(eq(internshipApplications.id, id), scoped(access)));
  if (!app) throw notFound('实习申请');
  if (app.status !== 'school_approved')
    throw new AppError('INVALID_STATE', app.status === 'accepted' ? '该申请已被接收' : '学校审核通过后企业才能接收');
  await takePlace(tx, app.enterpriseId, app.postId, today);
  const accepted = await transition(tx, audit, access, id, ['school_approved'], 'accepted', actor.userId);
  // The internship (with its overlap check) and its agreement to sign are born with the acceptance, in one transaction.
  await draftAgreementOnOpen(tx, audit, await openInternship(tx, audit, id), now);
  return accepted;
}

/**
 * Takes one place on a post within its places and the regulation's caps. Race-safe across app servers: the
 * enterprise row is locked for the count, and the post's counter only moves while it is below the places.
 * Used by acceptance and by a school's reassignment.
 */
export async function takePlace(tx: Tx, enterpriseId: string, postId: string, today: string) {
  const app = { enterpriseId, postId };
  const [enterprise] = await tx
    .select({ staffCount: enterprises.staffCount })
    .from(enterprises)
    .where(eq(enterprises.organisationId, app.enterpriseId))
    .for('update');
  if (!enterprise) throw new AppError('INVALID_STATE', '企业登记信息不完整（缺少职工人数），不能接收实习生');
  const [post] = await tx.select().from(internshipPosts).where(eq(internshipPosts.id, app.postId));
  if (post!.kind === 'placement') {
    const [counts] = await rows<{ atEnterprise: number; atPost: number }>(
      tx,
      sql`
      select count(*)::int as "atEnterprise", count(*) filter (where p.id = ${post!.id})::int as "atPost"
      from internship_applications a join internship_posts p on p.id = a.post_id
      where a.enterprise_id = ${app.enterpriseId} and a.status = 'accepted' and p.kind = 'placement' and p.end_date >= ${today}`,
    );
    const caps = internCaps(enterprise.staffCount, post!.positionStaff, rules);
    if (counts!.atEnterprise + 1 > caps.enterprise) {
      const r = rules.ref('intern_enterprise_cap');
      throw new AppError(
        'INTERN_CAP_EXCEEDED',
        `岗位实习学生已达企业在岗职工的${rules.enterpriseCap * 100}%（上限 ${caps.enterprise} 人）（${r.name}，${r.article}）`,
        { details: { rule: r } },
      );
    }
    if (counts!.atPost + 1 > caps.position) {
      const r = rules.ref('intern_position_cap');
      throw new AppError(
        'INTERN_CAP_EXCEEDED',
        `该岗位实习学生已达同类岗位在岗职工的${rules.positionCap * 100}%（上限 ${caps.position} 人）（${r.name}，${r.article}）`,
        { details: { rule: r } },
      );
    }
  }
  const taken = await tx
    .update(internshipPosts)
    .set({ placesTaken: sql`${internshipPosts.placesTaken} + 1` })
    .where(and(eq(internshipPosts.id, app.postId), sql`${internshipPosts.placesTaken} < ${internshipPosts.places}`))
    .returning({ id: internshipPosts.id });
  if (!taken.length) throw new AppError('PLACES_EXHAUSTED', '该岗位名额已满');
}
