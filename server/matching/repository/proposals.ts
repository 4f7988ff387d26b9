import { and, desc, eq, sql } from 'drizzle-orm';
import { systemClock } from '../../platform/clock.ts';
import { alias } from 'drizzle-orm/pg-core';
import type { Access, Actor } from '../../../core/authz/index.ts';
import { AppError, notFound, versionConflict } from '../../../core/errors.ts';
import { checkPlacement } from '../../../core/internships/placement-check.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import {
  allocationProposals,
  allocationRuns,
  internshipApplications,
  internshipPosts,
  organisations,
  students,
} from '../../platform/db/schema/index.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import { accept, rules } from '../../internships/index.ts';
import { countOf } from '../../platform/db/paging.ts';

const school = alias(organisations, 'proposal_school');
const enterprise = alias(organisations, 'proposal_enterprise');

const columns = {
  id: allocationProposals.id,
  runId: allocationProposals.runId,
  studentId: allocationProposals.studentId,
  studentName: students.name,
  schoolId: allocationProposals.schoolId,
  schoolName: school.name,
  postId: allocationProposals.postId,
  postTitle: internshipPosts.title,
  enterpriseId: allocationProposals.enterpriseId,
  enterpriseName: enterprise.name,
  status: allocationProposals.status,
  schoolDecision: allocationProposals.schoolDecision,
  enterpriseDecision: allocationProposals.enterpriseDecision,
  reason: allocationProposals.reason,
  applicationId: allocationProposals.applicationId,
  version: allocationProposals.version,
  score: allocationProposals.score,
  parts: allocationProposals.breakdown,
};

const scoped = (access: Access) =>
  scopeWhere(access, {
    organisationId: [allocationProposals.schoolId, allocationProposals.enterpriseId],
    districtId: school.districtId,
    userId: students.userId,
  });

const select = (db: Db | Tx) =>
  db
    .select(columns)
    .from(allocationProposals)
    .innerJoin(students, eq(students.id, allocationProposals.studentId))
    .innerJoin(school, eq(school.id, allocationProposals.schoolId))
    .innerJoin(enterprise, eq(enterprise.id, allocationProposals.enterpriseId))
    .innerJoin(internshipPosts, eq(internshipPosts.id, allocationProposals.postId));

const toApi = <T extends { score: string }>(r: T) => ({ ...r, score: Number(r.score) });

export async function listProposals(db: Db, access: Access, q: { runId?: string; status?: string; page: number; pageSize: number }) {
  const where = and(
    scoped(access),
    q.runId ? eq(allocationProposals.runId, q.runId) : undefined,
    q.status ? eq(allocationProposals.status, q.status as 'proposed') : sql`${allocationProposals.status} <> 'superseded'`,
  );
  const [items, total] = await Promise.all([
    select(db)
      .where(where)
      .orderBy(desc(allocationProposals.score), allocationProposals.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(allocationProposals)
        .innerJoin(students, eq(students.id, allocationProposals.studentId))
        .innerJoin(school, eq(school.id, allocationProposals.schoolId))
        .where(where),
    ),
  ]);
  return { items: items.map(toApi), total, page: q.page, pageSize: q.pageSize };
}

export async function getProposal(db: Db | Tx, access: Access, id: string) {
  const [row] = await select(db).where(and(eq(allocationProposals.id, id), scoped(access)));
  if (!row) throw notFound('分配建议');
  return toApi(row);
}

/**
 * The school or the enterprise of the pair confirms or rejects a proposal. A rejection ends it (the pair is
 * never proposed again). When both have confirmed, the proposal becomes an application in the internship
 * flow — approved by the school and accepted by the enterprise through the same acceptance that checks places
 * and the caps, so a proposal can never oversell a post.
 */
export async function decideProposal(
  tx: Tx,
  audit: Auditor,
  actor: Actor,
  access: Access,
  id: string,
  body: { decision: 'confirm' | 'reject'; reason?: string; version: number },
  now: Date,
) {
  const [p] = await tx
    .select({ proposal: allocationProposals })
    .from(allocationProposals)
    .innerJoin(students, eq(students.id, allocationProposals.studentId))
    .innerJoin(school, eq(school.id, allocationProposals.schoolId))
    .where(
      and(
        eq(allocationProposals.id, id),
        scopeWhere(access, { organisationId: [allocationProposals.schoolId, allocationProposals.enterpriseId] }),
      ),
    )
    .for('update', { of: allocationProposals });
  if (!p) throw notFound('分配建议');
  const row = p.proposal;
  if (row.version !== body.version) throw versionConflict();
  if (row.status !== 'proposed')
    throw new AppError('INVALID_STATE', row.status === 'superseded' ? '该建议已被新的分配结果取代' : '该建议已处理');
  const orgs = access.kind === 'limited' ? access.organisationIds : [];
  const side = orgs.includes(row.schoolId) ? 'school' : orgs.includes(row.enterpriseId) ? 'enterprise' : null;
  if (!side) throw notFound('分配建议');
  if ((side === 'school' ? row.schoolDecision : row.enterpriseDecision) !== null) throw new AppError('INVALID_STATE', '您已处理过该建议');
  const decision = body.decision === 'confirm' ? 'confirmed' : 'rejected';
  const set: Partial<typeof allocationProposals.$inferInsert> =
    side === 'school' ? { schoolDecision: decision } : { enterpriseDecision: decision };
  if (decision === 'rejected') Object.assign(set, { status: 'rejected', reason: body.reason ?? null });
  const other = side === 'school' ? row.enterpriseDecision : row.schoolDecision;
  if (decision === 'confirmed' && other === 'confirmed') {
    set.status = 'confirmed';
    set.applicationId = await becomeApplication(tx, audit, actor, access, row, now);
  }
  await tx
    .update(allocationProposals)
    .set({ ...set, version: sql`${allocationProposals.version} + 1`, updatedAt: systemClock() })
    .where(eq(allocationProposals.id, id));
  await audit.record({
    action: decision === 'confirmed' ? `${side}_confirm` : `${side}_reject`,
    entityType: 'allocationProposal',
    entityId: id,
    before: { status: row.status },
    after: { ...set, ...(body.reason && { reason: body.reason }) },
  });
  return getProposal(tx, access, id);
}

async function becomeApplication(
  tx: Tx,
  audit: Auditor,
  actor: Actor,
  access: Access,
  row: typeof allocationProposals.$inferSelect,
  now: Date,
) {
  const [facts] = await tx
    .select({ student: students, post: internshipPosts })
    .from(students)
    .innerJoin(internshipPosts, eq(internshipPosts.id, row.postId))
    .where(eq(students.id, row.studentId));
  if (!facts || facts.post.status !== 'published') throw new AppError('INVALID_STATE', '岗位已不再开放');
  const violations = checkPlacement(facts.student, facts.post, rules);
  if (violations.length) throw new AppError('RULE_VIOLATION', violations[0]!.message, { details: { violations } });
  const [busy] = await tx
    .select({ id: internshipApplications.id })
    .from(internshipApplications)
    .where(and(eq(internshipApplications.studentId, row.studentId), eq(internshipApplications.status, 'accepted')));
  if (busy) throw new AppError('INVALID_STATE', '该学生已有被接收的实习');
  const at = now.toISOString();
  const [app] = await tx
    .insert(internshipApplications)
    .values({
      postId: row.postId,
      studentId: row.studentId,
      schoolId: row.schoolId,
      enterpriseId: row.enterpriseId,
      status: 'school_approved',
      source: 'allocation',
      decisions: [{ at, by: actor.userId, status: 'school_approved', reason: '学校确认实习分配建议' }],
    })
    .onConflictDoNothing()
    .returning({ id: internshipApplications.id });
  if (!app) throw new AppError('ALREADY_APPLIED', '该学生已申请此岗位，请在实习申请中处理');
  await audit.record({
    action: 'apply',
    entityType: 'internshipApplication',
    entityId: app.id,
    after: { postId: row.postId, studentId: row.studentId, status: 'school_approved', source: 'allocation' },
  });
  await accept(tx, audit, actor, access, app.id, now);
  return app.id;
}

export async function listRuns(db: Db, access: Access, q: { page: number; pageSize: number }) {
  const runSchool = alias(organisations, 'run_school');
  const where = scopeWhere(access, { organisationId: allocationRuns.schoolId });
  const [items, total] = await Promise.all([
    db
      .select({ run: allocationRuns, schoolName: runSchool.name })
      .from(allocationRuns)
      .leftJoin(runSchool, eq(runSchool.id, allocationRuns.schoolId))
      .where(where)
      .orderBy(desc(allocationRuns.createdAt), allocationRuns.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(allocationRuns)
        .where(where),
    ),
  ]);
  return {
    items: items.map(({ run, schoolName }) => ({
      id: run.id,
      jobId: run.jobId,
      scope: run.scope,
      schoolId: run.schoolId,
      schoolName,
      status: run.status,
      students: run.students,
      posts: run.posts,
      candidateArcs: run.candidateArcs,
      proposed: run.proposed,
      totalScore: run.totalScore === null ? null : Number(run.totalScore),
      prunedProposed: run.prunedProposed,
      prunedTotalScore: run.prunedTotalScore === null ? null : Number(run.prunedTotalScore),
      pricingRounds: run.pricingRounds,
      pricedArcs: run.pricedArcs,
      timings: run.timings ?? null,
      createdAt: run.createdAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
