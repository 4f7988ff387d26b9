import { and, asc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../../core/errors.ts';
import {
  aggregate,
  assignExperts,
  checkScores,
  CONFLICT_REASON_LABELS,
  conflictsOf,
  outliers,
  rank,
  relationMap,
  totalOf,
  type Aggregation,
  type ConflictData,
  type ReviewExpert,
  type ReviewSubject,
  type RubricItem,
} from '../../../core/expert-review/index.ts';
import type { RoundResults, ScoreSubmit } from '../../../contracts/expert-review.ts';
import { expertReviewPolicy } from '../../../policy/index.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import {
  carrierPartners,
  carriers,
  experts,
  reviewAssignments,
  reviewRounds,
  reviewSubjects,
  users,
} from '../../platform/db/schema/index.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import { expertOfUser } from './experts.ts';

export interface RoundOpening {
  ownerKind: string;
  ownerId: string;
  organisationId: string;
  title: string;
  rubric: RubricItem[];
  aggregation: Aggregation;
  expertsPerSubject: number;
  blind: boolean;
  heldOn: string;
}

export interface SubjectOpening {
  subjectKind: string;
  subjectId: string;
  title: string;
  summary: string;
  field: string | null;
  applicantOrganisationIds: string[];
  applicantNames: string;
}

/** Opens a round with its subjects (the owner's submitted applications, as submitted). Returns the round's id. */
export async function openRound(tx: Tx, audit: Auditor, round: RoundOpening, subjects: SubjectOpening[]): Promise<string> {
  const [row] = await tx
    .insert(reviewRounds)
    .values({ ...round, rubric: round.rubric })
    .returning({ id: reviewRounds.id });
  const id = row!.id;
  if (subjects.length) {
    for (let i = 0; i < subjects.length; i += 500)
      await tx.insert(reviewSubjects).values(subjects.slice(i, i + 500).map((s) => ({ ...s, roundId: id })));
  }
  await audit.record({
    action: 'create',
    entityType: 'review_round',
    entityId: id,
    after: {
      ownerKind: round.ownerKind,
      ownerId: round.ownerId,
      subjects: subjects.length,
      expertsPerSubject: round.expertsPerSubject,
      blind: round.blind,
    },
  });
  return id;
}

async function roundFor(db: Db | Tx, access: Access, id: string, lock = false) {
  const q = db
    .select()
    .from(reviewRounds)
    .where(and(eq(reviewRounds.id, id), scopeWhere(access, { organisationId: reviewRounds.organisationId })));
  const [round] = lock ? await q.for('update') : await q;
  if (!round) throw notFound('评审');
  return round;
}

/** The round of an owner (a call), or null before its review opened. */
export async function roundOfOwner(db: Db | Tx, ownerKind: string, ownerId: string) {
  const [round] = await db
    .select({ id: reviewRounds.id, status: reviewRounds.status, version: reviewRounds.version })
    .from(reviewRounds)
    .where(and(eq(reviewRounds.ownerKind, ownerKind), eq(reviewRounds.ownerId, ownerId)));
  return round ?? null;
}

/** The rounds of many owners of one kind (a list of certification cases), keyed by owner id. */
export async function roundsOfOwners(db: Db | Tx, ownerKind: string, ownerIds: string[]) {
  const out = new Map<string, { id: string; status: 'open' | 'assigned' | 'closed'; version: number }>();
  if (!ownerIds.length) return out;
  const found = await db
    .select({ ownerId: reviewRounds.ownerId, id: reviewRounds.id, status: reviewRounds.status, version: reviewRounds.version })
    .from(reviewRounds)
    .where(and(eq(reviewRounds.ownerKind, ownerKind), inArray(reviewRounds.ownerId, ownerIds)));
  for (const r of found) out.set(r.ownerId, { id: r.id, status: r.status, version: r.version });
  return out;
}

/**
 * Conflict facts for the subjects' applicants: partners through a carrier (its lead and partners are partners of
 * each other), and co-applicants of the rounds held within the policy's window before this one (any owner).
 */
async function conflictData(tx: Tx, roundId: string, heldOn: string, applicantIds: string[]): Promise<ConflictData> {
  if (!applicantIds.length) return { partners: new Map(), recentCoApplicants: new Map() };
  const touched = sql`(select ${carriers.id} from ${carriers} where ${carriers.leadOrganisationId} = any(${sql.param(applicantIds)}::uuid[]) and ${carriers.archivedAt} is null
    union select ${carrierPartners.carrierId} from ${carrierPartners} where ${carrierPartners.organisationId} = any(${sql.param(applicantIds)}::uuid[]))`;
  const leads = await tx
    .select({ carrierId: carriers.id, organisationId: carriers.leadOrganisationId })
    .from(carriers)
    .where(sql`${carriers.id} in ${touched}`);
  const partners = await tx
    .select({ carrierId: carrierPartners.carrierId, organisationId: carrierPartners.organisationId })
    .from(carrierPartners)
    .where(sql`${carrierPartners.carrierId} in ${touched}`);
  const byCarrier = new Map<string, string[]>();
  for (const r of [...leads, ...partners]) byCarrier.set(r.carrierId, [...(byCarrier.get(r.carrierId) ?? []), r.organisationId]);
  const partnerPairs: [string, string][] = [];
  for (const orgs of byCarrier.values()) for (const a of orgs) for (const b of orgs) if (a < b) partnerPairs.push([a, b]);

  const years = expertReviewPolicy.recentCoApplicantYears;
  const earlier = await tx
    .select({ ids: reviewSubjects.applicantOrganisationIds })
    .from(reviewSubjects)
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewSubjects.roundId))
    .where(
      and(
        ne(reviewRounds.id, roundId),
        sql`${reviewRounds.heldOn} > (${heldOn}::date - make_interval(years => ${years}))::date`,
        sql`${reviewRounds.heldOn} <= ${heldOn}::date`,
        sql`cardinality(${reviewSubjects.applicantOrganisationIds}) > 1`,
        sql`${reviewSubjects.applicantOrganisationIds} && ${sql.param(applicantIds)}::uuid[]`,
      ),
    );
  const coPairs: [string, string][] = [];
  for (const { ids } of earlier) for (const a of ids) for (const b of ids) if (a < b) coPairs.push([a, b]);
  return { partners: relationMap(partnerPairs), recentCoApplicants: relationMap(coPairs) };
}

async function reviewPool(tx: Tx) {
  return tx
    .select({ id: experts.id, organisationId: experts.organisationId, fields: experts.fields })
    .from(experts)
    .innerJoin(users, eq(users.id, experts.userId))
    .where(and(eq(experts.active, true), eq(users.disabled, false)))
    .orderBy(asc(experts.id));
}

const subjectOf = (s: { id: string; subjectKind: string; applicantOrganisationIds: string[]; field: string | null }): ReviewSubject => ({
  ref: { kind: s.subjectKind, id: s.id },
  applicantOrganisationIds: s.applicantOrganisationIds,
  field: s.field,
});

/**
 * Assigns the pool's active experts to every subject of the round (core/expert-review/assignment.ts): each
 * subject gets the round's number of experts, none with a conflict, the load balanced. Runs again (replacing the
 * assignment) only while no score sheet has been submitted.
 */
export async function runAssignment(tx: Tx, audit: Auditor, access: Access, roundId: string, version: number) {
  const round = await roundFor(tx, access, roundId, true);
  if (round.version !== version) throw versionConflict();
  if (round.status === 'closed') throw new AppError('INVALID_STATE', '评审已结束，不能重新分配专家');
  const [done] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.roundId, roundId), isNotNull(reviewAssignments.submittedAt)));
  if (done!.n > 0) throw new AppError('INVALID_STATE', '已有专家提交评分，不能整体重新分配；请逐个调整');
  const subjects = await tx.select().from(reviewSubjects).where(eq(reviewSubjects.roundId, roundId)).orderBy(asc(reviewSubjects.id));
  if (!subjects.length) throw new AppError('RULE_VIOLATION', '没有需要评审的申报');
  const pool = await reviewPool(tx);
  const reviewExperts: ReviewExpert[] = pool.map((e) => ({ id: e.id, organisationId: e.organisationId, fields: e.fields }));
  const applicantIds = [...new Set(subjects.flatMap((s) => s.applicantOrganisationIds))];
  const data = await conflictData(tx, roundId, round.heldOn, applicantIds);
  const result = assignExperts({
    subjects: subjects.map(subjectOf),
    experts: reviewExperts,
    perSubject: round.expertsPerSubject,
    conflicts: data,
  });
  if (!result.ok) {
    const first = result.short.slice(0, 5).map((s) => `“${subjects[s.subjectIndex]!.title}”（可回避后仅 ${s.eligible} 名）`);
    throw new AppError(
      'RULE_VIOLATION',
      `专家库中回避利益冲突后可评审的专家不足每份 ${round.expertsPerSubject} 名：${first.join('、')}${result.short.length > 5 ? ` 等 ${result.short.length} 份` : ''}。请增补专家或减少每份的专家数`,
      { details: { short: result.short.map((s) => ({ reviewSubjectId: subjects[s.subjectIndex]!.id, eligible: s.eligible })) } },
    );
  }
  await tx.delete(reviewAssignments).where(eq(reviewAssignments.roundId, roundId));
  const rows = result.pairs.map((p) => ({ roundId, reviewSubjectId: subjects[p.subjectIndex]!.id, expertId: pool[p.expertIndex]!.id }));
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(reviewAssignments).values(rows.slice(i, i + 1000));
  const [after] = await tx
    .update(reviewRounds)
    .set({ status: 'assigned', version: sql`${reviewRounds.version} + 1` })
    .where(eq(reviewRounds.id, roundId))
    .returning({ version: reviewRounds.version });
  const used = result.loads.filter((_, i) => result.loads[i]! >= 0);
  const summary = {
    assigned: rows.length,
    conflictsExcluded: result.conflictsExcluded,
    minLoad: Math.min(...used),
    maxLoad: Math.max(...used),
    version: after!.version,
  };
  await audit.record({ action: 'assign', entityType: 'review_round', entityId: roundId, after: summary });
  return summary;
}

/** The bureau puts one more expert on one subject (replacing one who declined): refused when in conflict. */
export async function addAssignment(tx: Tx, audit: Auditor, access: Access, roundId: string, reviewSubjectId: string, expertId: string) {
  const round = await roundFor(tx, access, roundId, true);
  if (round.status !== 'assigned') throw new AppError('INVALID_STATE', round.status === 'closed' ? '评审已结束' : '请先分配专家');
  const [subject] = await tx
    .select()
    .from(reviewSubjects)
    .where(and(eq(reviewSubjects.id, reviewSubjectId), eq(reviewSubjects.roundId, roundId)));
  if (!subject) throw notFound('评审对象');
  const [expert] = await tx.select().from(experts).where(eq(experts.id, expertId));
  if (!expert) throw notFound('评审专家');
  if (!expert.active) throw new AppError('RULE_VIOLATION', '该专家已停用', { fields: { expertId: '专家已停用' } });
  const data = await conflictData(tx, roundId, round.heldOn, subject.applicantOrganisationIds);
  const reasons = conflictsOf({ id: expert.id, organisationId: expert.organisationId, fields: expert.fields }, subjectOf(subject), data);
  if (reasons.length)
    throw new AppError('RULE_VIOLATION', `利益冲突须回避：${reasons.map((r) => CONFLICT_REASON_LABELS[r]).join('；')}`, {
      fields: { expertId: reasons.map((r) => CONFLICT_REASON_LABELS[r]).join('；') },
      details: { conflicts: reasons },
    });
  const inserted = await tx
    .insert(reviewAssignments)
    .values({ roundId, reviewSubjectId, expertId })
    .onConflictDoNothing()
    .returning({ id: reviewAssignments.id });
  if (!inserted.length) throw new AppError('CONFLICT', '该专家已分配评审这份申报', { fields: { expertId: '已分配' } });
  await audit.record({
    action: 'create',
    entityType: 'review_assignment',
    entityId: inserted[0]!.id,
    after: { roundId, reviewSubjectId, expertId },
  });
  return { id: inserted[0]!.id };
}

/** Removes an assignment nobody has scored yet (an expert who declined). */
export async function removeAssignment(tx: Tx, audit: Auditor, access: Access, roundId: string, assignmentId: string) {
  const round = await roundFor(tx, access, roundId, true);
  if (round.status === 'closed') throw new AppError('INVALID_STATE', '评审已结束');
  const [row] = await tx
    .delete(reviewAssignments)
    .where(and(eq(reviewAssignments.id, assignmentId), eq(reviewAssignments.roundId, roundId), isNull(reviewAssignments.submittedAt)))
    .returning();
  if (!row) throw notFound('未评分的分配');
  await audit.record({
    action: 'delete',
    entityType: 'review_assignment',
    entityId: assignmentId,
    before: { reviewSubjectId: row.reviewSubjectId, expertId: row.expertId },
  });
}

/** Ends scoring: the owner decides from the results as they stand. */
export async function closeRound(tx: Tx, audit: Auditor, roundId: string) {
  await tx
    .update(reviewRounds)
    .set({ status: 'closed', version: sql`${reviewRounds.version} + 1` })
    .where(eq(reviewRounds.id, roundId));
  await audit.record({ action: 'close', entityType: 'review_round', entityId: roundId, after: { status: 'closed' } });
}

/** A round's subjects with their sheets, aggregate score, outlier flags and rank (computed from the sheets, never stored). */
export async function roundResults(db: Db | Tx, access: Access, roundId: string): Promise<RoundResults> {
  const round = await roundFor(db, access, roundId);
  const rubric = round.rubric as RubricItem[];
  // One query after the other: inside a transaction they share one connection.
  const subjects = await db.select().from(reviewSubjects).where(eq(reviewSubjects.roundId, roundId)).orderBy(asc(reviewSubjects.id));
  const sheets = await db
    .select({
      id: reviewAssignments.id,
      reviewSubjectId: reviewAssignments.reviewSubjectId,
      expertId: reviewAssignments.expertId,
      expertName: users.displayName,
      scores: reviewAssignments.scores,
      total: reviewAssignments.total,
      comment: reviewAssignments.comment,
      submittedAt: reviewAssignments.submittedAt,
    })
    .from(reviewAssignments)
    .innerJoin(experts, eq(experts.id, reviewAssignments.expertId))
    .innerJoin(users, eq(users.id, experts.userId))
    .where(eq(reviewAssignments.roundId, roundId))
    .orderBy(asc(users.displayName), asc(reviewAssignments.id));
  const bySubject = new Map<string, typeof sheets>();
  const loads = new Map<string, { expertId: string; expertName: string; assigned: number; submitted: number }>();
  for (const s of sheets) {
    bySubject.set(s.reviewSubjectId, [...(bySubject.get(s.reviewSubjectId) ?? []), s]);
    const l = loads.get(s.expertId) ?? { expertId: s.expertId, expertName: s.expertName, assigned: 0, submitted: 0 };
    l.assigned++;
    if (s.submittedAt) l.submitted++;
    loads.set(s.expertId, l);
  }
  const k = expertReviewPolicy.outlierMadFactor;
  const scored = subjects.map((s) => {
    const mine = bySubject.get(s.id) ?? [];
    const done = mine.filter((m) => m.submittedAt !== null && m.total !== null);
    const totals = done.map((m) => m.total!);
    const flags = outliers(totals, k);
    const flagOf = new Map(done.map((m, i) => [m.id, flags[i]!]));
    return {
      reviewSubjectId: s.id,
      subjectKind: s.subjectKind,
      subjectId: s.subjectId,
      title: s.title,
      applicantNames: s.applicantNames,
      field: s.field,
      sheets: mine.map((m) => ({
        assignmentId: m.id,
        expertId: m.expertId,
        expertName: m.expertName,
        total: m.total,
        scores: (m.scores as Record<string, number> | null) ?? null,
        comment: m.comment,
        submittedAt: m.submittedAt?.toISOString() ?? null,
        outlier: flagOf.get(m.id) ?? false,
      })),
      submitted: done.length,
      score: aggregate(totals, round.aggregation, expertReviewPolicy.trimmedMeanDrop),
      rank: null as number | null,
    };
  });
  const ranked = rank(
    scored,
    (s) => s.score,
    (s) => s.reviewSubjectId,
  );
  return {
    id: round.id,
    ownerKind: round.ownerKind,
    ownerId: round.ownerId,
    title: round.title,
    status: round.status,
    aggregation: round.aggregation,
    expertsPerSubject: round.expertsPerSubject,
    blind: round.blind,
    rubric,
    outlierMadFactor: k,
    subjects: ranked.map((r) => ({ ...r.item, rank: r.rank })),
    loads: [...loads.values()].sort((a, b) => b.assigned - a.assigned || a.expertName.localeCompare(b.expertName)),
    version: round.version,
  };
}

// ——— the expert's own sheets ———

const taskColumns = {
  id: reviewAssignments.id,
  roundId: reviewRounds.id,
  roundTitle: reviewRounds.title,
  blind: reviewRounds.blind,
  rubric: reviewRounds.rubric,
  roundStatus: reviewRounds.status,
  subjectKind: reviewSubjects.subjectKind,
  title: reviewSubjects.title,
  summary: reviewSubjects.summary,
  field: reviewSubjects.field,
  applicantNames: reviewSubjects.applicantNames,
  scores: reviewAssignments.scores,
  total: reviewAssignments.total,
  comment: reviewAssignments.comment,
  submittedAt: reviewAssignments.submittedAt,
  version: reviewAssignments.version,
};

type TaskRow = { [K in keyof typeof taskColumns]: (typeof taskColumns)[K]['_']['data'] | null };

const taskView = (r: TaskRow) => ({
  id: r.id!,
  roundId: r.roundId!,
  roundTitle: r.roundTitle!,
  blind: r.blind!,
  rubric: r.rubric as RubricItem[],
  subjectKind: r.subjectKind!,
  title: r.title!,
  summary: r.summary!,
  field: r.field,
  // Blind review: the applicant's names never leave the server for the expert.
  applicantNames: r.blind ? null : r.applicantNames,
  scores: (r.scores as Record<string, number> | null) ?? null,
  total: r.total,
  comment: r.comment,
  submittedAt: r.submittedAt?.toISOString() ?? null,
  open: r.roundStatus === 'assigned',
  version: r.version!,
});

const tasksOf = (db: Db | Tx, expertId: string) =>
  db
    .select(taskColumns)
    .from(reviewAssignments)
    .innerJoin(reviewSubjects, eq(reviewSubjects.id, reviewAssignments.reviewSubjectId))
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewAssignments.roundId))
    .where(eq(reviewAssignments.expertId, expertId))
    .$dynamic();

export async function listMyTasks(db: Db, userId: string, q: { page: number; pageSize: number; status?: 'pending' | 'submitted' }) {
  const expert = await expertOfUser(db, userId);
  if (!expert) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const status =
    q.status === 'pending'
      ? isNull(reviewAssignments.submittedAt)
      : q.status === 'submitted'
        ? isNotNull(reviewAssignments.submittedAt)
        : undefined;
  const where = and(eq(reviewAssignments.expertId, expert.id), status);
  const [rows, [count]] = await Promise.all([
    tasksOf(db, expert.id)
      .where(where)
      .orderBy(
        sql`${reviewAssignments.submittedAt} is not null`,
        asc(reviewRounds.heldOn),
        asc(reviewSubjects.title),
        asc(reviewAssignments.id),
      )
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(reviewAssignments)
      .where(where),
  ]);
  return { items: rows.map(taskView), total: count!.n, page: q.page, pageSize: q.pageSize };
}

/** One of the caller's sheets; another expert's, or a subject not assigned to the caller, is not found. */
export async function getMyTask(db: Db | Tx, userId: string, assignmentId: string) {
  const expert = await expertOfUser(db, userId);
  if (!expert) throw notFound('评审任务');
  const [row] = await tasksOf(db, expert.id).where(and(eq(reviewAssignments.id, assignmentId), eq(reviewAssignments.expertId, expert.id)));
  if (!row) throw notFound('评审任务');
  return taskView(row);
}

/**
 * Submits (or, while the round is open, revises) the caller's sheet. Each sheet is its own row, written under
 * its version: two experts submitting at once touch two rows, and the aggregate is computed from the rows when
 * read, so there is no shared total to corrupt.
 */
export async function submitScore(tx: Tx, audit: Auditor, userId: string, assignmentId: string, input: ScoreSubmit, now: Date) {
  const task = await getMyTask(tx, userId, assignmentId);
  if (!task.open) throw new AppError('INVALID_STATE', '评审已结束或尚未开始，不能提交评分');
  const errors = checkScores(task.rubric, input.scores);
  if (Object.keys(errors).length)
    throw validationFailed(
      Object.fromEntries(Object.entries(errors).map(([code, msg]) => [`scores.${code}`, msg])),
      '评分不符合评分细则，请按提示修改',
    );
  const total = totalOf(task.rubric, input.scores);
  const [row] = await tx
    .update(reviewAssignments)
    .set({ scores: input.scores, total, comment: input.comment, submittedAt: now, version: sql`${reviewAssignments.version} + 1` })
    .where(and(eq(reviewAssignments.id, assignmentId), eq(reviewAssignments.version, input.version)))
    .returning({ id: reviewAssignments.id });
  if (!row) throw versionConflict();
  await audit.record({
    action: task.submittedAt ? 'update' : 'submit',
    entityType: 'review_assignment',
    entityId: assignmentId,
    before: task.submittedAt ? { scores: task.scores, total: task.total } : undefined,
    after: { scores: input.scores, total },
  });
  return getMyTask(tx, userId, assignmentId);
}

/** Subjects of a round whose sheets are not all in (the owner warns before closing). */
export async function unscoredCount(db: Db | Tx, roundId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.roundId, roundId), isNull(reviewAssignments.submittedAt)));
  return row!.n;
}
