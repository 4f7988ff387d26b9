import { todayOf } from '../../../core/calendar.ts';
import { systemClock } from '../../platform/clock.ts';
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Access } from '../../../core/authz/index.ts';
import { AppError, notFound } from '../../../core/errors.ts';
import { agreementState } from '../../../core/internships/agreement.ts';
import type { InternshipParties } from '../../../core/internships/parties.ts';
import type { InternshipDetail } from '../../../contracts/internship-lifecycle.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import {
  internshipAgreements,
  internshipApplications,
  internshipEvaluations,
  internshipInsurance,
  internshipLogs,
  internshipPosts,
  internships,
  internshipSignatures,
  organisations,
  students,
  teachers,
  users,
} from '../../platform/db/schema/index.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import { countOf } from '../../platform/db/paging.ts';
import { rules } from './posts.ts';

const school = alias(organisations, 'school');
const enterprise = alias(organisations, 'enterprise');

/** A placement is the school's, the enterprise's, the school's district's and the student's own. */
export const internshipScope = (access: Access) =>
  scopeWhere(access, {
    organisationId: [internships.schoolId, internships.enterpriseId],
    districtId: internships.districtId,
    userId: students.userId,
  });

const columns = {
  i: internships,
  postTitle: internshipPosts.title,
  studentName: students.name,
  studentUserId: students.userId,
  birthDate: students.birthDate,
  schoolName: school.name,
  enterpriseName: enterprise.name,
  schoolMentorName: teachers.name,
  schoolMentorUserId: teachers.userId,
};

function select(db: Db | Tx) {
  return db
    .select(columns)
    .from(internships)
    .innerJoin(internshipPosts, eq(internshipPosts.id, internships.postId))
    .innerJoin(students, eq(students.id, internships.studentId))
    .innerJoin(school, eq(school.id, internships.schoolId))
    .innerJoin(enterprise, eq(enterprise.id, internships.enterpriseId))
    .leftJoin(teachers, eq(teachers.id, internships.schoolMentorId));
}
export type InternshipRow = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];

/** The parties of an internship as core/internships/parties.ts decides sides from them. */
export const partiesOf = (row: InternshipRow): InternshipParties => ({
  schoolId: row.i.schoolId,
  enterpriseId: row.i.enterpriseId,
  studentUserId: row.studentUserId,
  schoolMentorUserId: row.schoolMentorUserId,
});

/** Agreement completeness and insurance of several internships, in two queries. */
async function statusOf(db: Db | Tx, found: InternshipRow[], today: string) {
  const ids = found.map((r) => r.i.id);
  const [sigs, insured] = ids.length
    ? await Promise.all([
        db
          .select({
            internshipId: internshipAgreements.internshipId,
            party: internshipSignatures.party,
            signedAt: internshipSignatures.signedAt,
          })
          .from(internshipAgreements)
          .leftJoin(internshipSignatures, eq(internshipSignatures.agreementId, internshipAgreements.id))
          .where(inArray(internshipAgreements.internshipId, ids)),
        db
          .select({ internshipId: internshipInsurance.internshipId })
          .from(internshipInsurance)
          .where(inArray(internshipInsurance.internshipId, ids)),
      ])
    : [[], []];
  const withAgreement = new Set(sigs.map((s) => s.internshipId));
  const insuredIds = new Set(insured.map((x) => x.internshipId));
  return new Map(
    found.map((r) => {
      const mine = sigs
        .filter((s) => s.internshipId === r.i.id && s.party)
        .map((s) => ({ party: s.party!, signedOn: todayOf(s.signedAt!) }));
      const complete = withAgreement.has(r.i.id) && agreementState(mine, r.birthDate, today, rules).complete;
      return [r.i.id, { agreementComplete: complete, insured: insuredIds.has(r.i.id) }];
    }),
  );
}

function toApi(r: InternshipRow, s: { agreementComplete: boolean; insured: boolean }) {
  const i = r.i;
  return {
    id: i.id,
    applicationId: i.applicationId,
    postId: i.postId,
    postTitle: r.postTitle,
    kind: i.kind,
    studentId: i.studentId,
    studentName: r.studentName,
    schoolId: i.schoolId,
    schoolName: r.schoolName,
    enterpriseId: i.enterpriseId,
    enterpriseName: r.enterpriseName,
    status: i.status,
    plannedStart: i.plannedStart,
    plannedEnd: i.plannedEnd,
    startedOn: i.startedOn,
    endedOn: i.endedOn,
    monthlyPayYuan: i.monthlyPayYuan,
    dailyHours: i.dailyHours,
    weeklyHours: i.weeklyHours,
    location: i.location,
    outcome: i.outcome,
    endReason: i.endReason,
    learningOutcomeId: i.learningOutcomeId,
    agreementComplete: s.agreementComplete,
    insured: s.insured,
    schoolMentor: i.schoolMentorId ? { teacherId: i.schoolMentorId, name: r.schoolMentorName ?? '', userId: r.schoolMentorUserId } : null,
    enterpriseMentor: i.enterpriseMentorName ? { name: i.enterpriseMentorName, phoneMasked: i.enterpriseMentorPhoneMasked ?? '' } : null,
    version: i.version,
    createdAt: i.createdAt.toISOString(),
  };
}

export async function listInternships(
  db: Db,
  access: Access,
  q: { status?: string; studentId?: string; postId?: string; page: number; pageSize: number },
  today: string,
) {
  const where = and(
    internshipScope(access),
    q.status ? eq(internships.status, q.status as 'active') : undefined,
    q.studentId ? eq(internships.studentId, q.studentId) : undefined,
    q.postId ? eq(internships.postId, q.postId) : undefined,
  );
  const [found, total] = await Promise.all([
    select(db)
      .where(where)
      .orderBy(desc(internships.createdAt), internships.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(internships)
        .innerJoin(students, eq(students.id, internships.studentId))
        .where(where),
    ),
  ]);
  const status = await statusOf(db, found, today);
  return { items: found.map((r) => toApi(r, status.get(r.i.id)!)), total, page: q.page, pageSize: q.pageSize };
}

/** One internship the caller reaches, or 404. `lock` takes the row lock every state change starts with. */
export async function findInternship(db: Db | Tx, access: Access, id: string, lock = false): Promise<InternshipRow> {
  const query = select(db).where(and(eq(internships.id, id), internshipScope(access)));
  const [row] = lock ? await query.for('update', { of: internships }) : await query;
  if (!row) throw notFound('实习');
  return row;
}

export function requireStatus(row: InternshipRow, allowed: string[], what: string) {
  if (!allowed.includes(row.i.status)) {
    throw new AppError('INVALID_STATE', `实习当前状态为「${STATUS_NAMES[row.i.status]}」，不能${what}`, {
      details: { status: row.i.status },
    });
  }
}
const STATUS_NAMES: Record<string, string> = {
  accepted: '待开始',
  active: '实习中',
  completed: '已完成',
  withdrawn: '学生退出',
  terminated: '已终止',
  reassigned: '已调岗',
};

export async function getInternship(db: Db | Tx, access: Access, id: string, today: string): Promise<InternshipDetail> {
  const row = await findInternship(db, access, id);
  const [agreement, [ins], evaluations, [last]] = await Promise.all([
    loadAgreement(db, row, today),
    db.select().from(internshipInsurance).where(eq(internshipInsurance.internshipId, id)),
    db
      .select({ e: internshipEvaluations, authorName: users.displayName })
      .from(internshipEvaluations)
      .innerJoin(users, eq(users.id, internshipEvaluations.authorId))
      .where(eq(internshipEvaluations.internshipId, id))
      .orderBy(internshipEvaluations.createdAt),
    db
      .select({ weekStart: internshipLogs.weekStart })
      .from(internshipLogs)
      .where(eq(internshipLogs.internshipId, id))
      .orderBy(desc(internshipLogs.weekStart))
      .limit(1),
  ]);
  return {
    ...toApi(row, { agreementComplete: agreement?.complete ?? false, insured: Boolean(ins) }),
    agreement,
    insurance: ins
      ? {
          insurer: ins.insurer,
          policyNo: ins.policyNo,
          coverageStart: ins.coverageStart,
          coverageEnd: ins.coverageEnd,
          payer: ins.payer,
          recordedAt: ins.recordedAt.toISOString(),
          version: ins.version,
        }
      : null,
    evaluations: evaluations.map(({ e, authorName }) => ({
      stage: e.stage,
      party: e.party,
      score: e.score,
      comment: e.comment,
      authorName,
      createdAt: e.createdAt.toISOString(),
    })),
    lastLogWeek: last?.weekStart ?? null,
  };
}

/** The agreement of an internship with its signatures and what is still missing; null before it is generated. */
export async function loadAgreement(db: Db | Tx, row: InternshipRow, today: string) {
  const [a] = await db.select().from(internshipAgreements).where(eq(internshipAgreements.internshipId, row.i.id));
  if (!a) return null;
  const sigs = await db
    .select({ s: internshipSignatures, signerName: users.displayName })
    .from(internshipSignatures)
    .innerJoin(users, eq(users.id, internshipSignatures.signedBy))
    .where(eq(internshipSignatures.agreementId, a.id))
    .orderBy(internshipSignatures.signedAt);
  const state = agreementState(
    sigs.map(({ s }) => ({ party: s.party, signedOn: todayOf(s.signedAt) })),
    row.birthDate,
    today,
    rules,
  );
  return {
    id: a.id,
    internshipId: a.internshipId,
    templateVersion: a.templateVersion,
    text: a.text,
    textSha256: a.textSha256,
    generatedAt: a.generatedAt.toISOString(),
    signatures: sigs.map(({ s, signerName }) => ({
      party: s.party,
      signerName,
      signedAt: s.signedAt.toISOString(),
      guardianName: s.guardianName,
      guardianRelation: s.guardianRelation,
    })),
    requiredParties: state.required,
    missingParties: state.missing,
    complete: state.complete,
  };
}

/**
 * Refuses a second live internship of a student on overlapping dates. The student row is locked first, so two
 * acceptances (or a reassignment) for one student on several app servers are checked one after the other.
 */
export async function assertNoOverlap(tx: Tx, studentId: string, range: { start: string; end: string }, except?: string) {
  await tx.select({ id: students.id }).from(students).where(eq(students.id, studentId)).for('update');
  const [clash] = await tx
    .select({ id: internships.id, start: internships.plannedStart, end: internships.plannedEnd, title: internshipPosts.title })
    .from(internships)
    .innerJoin(internshipPosts, eq(internshipPosts.id, internships.postId))
    .where(
      and(
        eq(internships.studentId, studentId),
        inArray(internships.status, ['accepted', 'active']),
        sql`${internships.plannedStart} <= ${range.end} and ${range.start} <= ${internships.plannedEnd}`,
        except ? ne(internships.id, except) : undefined,
      ),
    )
    .limit(1);
  if (clash) {
    throw new AppError(
      'OVERLAPPING_INTERNSHIP',
      `该学生已有时间重叠的实习（${clash.title}，${clash.start} 至 ${clash.end}），同一时间只能参加一个实习`,
      {
        fields: { studentId: '与已有实习时间重叠' },
        details: { internshipId: clash.id },
      },
    );
  }
}

/** Opens the internship of an application just accepted, with the post's terms as agreed. */
export async function openInternship(tx: Tx, audit: Auditor, applicationId: string, replacesId?: string) {
  const [a] = await tx
    .select({ app: internshipApplications, post: internshipPosts, districtId: organisations.districtId })
    .from(internshipApplications)
    .innerJoin(internshipPosts, eq(internshipPosts.id, internshipApplications.postId))
    .innerJoin(organisations, eq(organisations.id, internshipApplications.schoolId))
    .where(eq(internshipApplications.id, applicationId));
  const { app, post } = a!;
  await assertNoOverlap(tx, app.studentId, { start: post.startDate, end: post.endDate }, replacesId);
  const [created] = await tx
    .insert(internships)
    .values({
      applicationId,
      postId: post.id,
      studentId: app.studentId,
      schoolId: app.schoolId,
      enterpriseId: app.enterpriseId,
      districtId: a!.districtId,
      kind: post.kind,
      plannedStart: post.startDate,
      plannedEnd: post.endDate,
      monthlyPayYuan: post.monthlyPayYuan,
      samePostWageYuan: post.samePostWageYuan,
      dailyHours: post.dailyHours,
      weeklyHours: post.weeklyHours,
      location: post.location,
      replacesId: replacesId ?? null,
    })
    .returning({ id: internships.id });
  await audit.record({
    action: 'open',
    entityType: 'internship',
    entityId: created!.id,
    after: { applicationId, postId: post.id, studentId: app.studentId, replacesId: replacesId ?? null },
  });
  return created!.id;
}

/** Moves an internship to a new state with the optimistic version bump; callers hold the row lock. */
export async function setInternship(tx: Tx, id: string, values: Partial<typeof internships.$inferInsert>) {
  await tx
    .update(internships)
    .set({ ...values, version: sql`${internships.version} + 1`, updatedAt: systemClock() })
    .where(eq(internships.id, id));
}
