import { todayOf } from '../../../core/calendar.ts';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../../core/errors.ts';
import { figuresProblems } from '../../../core/indicators/index.ts';
import { openPeriods, roleInTask } from '../../../core/supervision/index.ts';
import type { TaskReport } from '../../../contracts/supervision.ts';
import { currentPlan } from '../../../policy/index.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { organisations, taskReports, type ReportFigure } from '../../platform/db/schema/index.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import { actingUnits, planPeriods, unitOrganisations } from '../supervision/world.ts';
import { evidenceOf } from '../../platform/evidence.ts';
import { countOf } from '../../platform/db/paging.ts';

/** A task of the plan by its number, or NOT_FOUND. */
export function taskByNo(no: number) {
  const t = currentPlan.tasks.find((x) => x.no === no);
  if (!t) throw notFound('任务');
  return t;
}

const scoped = (access: Access) => scopeWhere(access, { organisationId: taskReports.organisationId, districtId: taskReports.districtId });

function selectReports(db: Db | Tx) {
  return db
    .select({
      id: taskReports.id,
      taskNo: taskReports.taskNo,
      period: taskReports.period,
      organisationId: taskReports.organisationId,
      organisationName: organisations.name,
      unitCode: taskReports.unitCode,
      districtId: taskReports.districtId,
      text: taskReports.text,
      figures: taskReports.figures,
      submittedAt: taskReports.submittedAt,
      late: taskReports.late,
      status: taskReports.status,
      score: taskReports.score,
      ratingComment: taskReports.ratingComment,
      ratedAt: taskReports.ratedAt,
      version: taskReports.version,
    })
    .from(taskReports)
    .innerJoin(organisations, eq(organisations.id, taskReports.organisationId));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectReports>['where']>>[number];

async function withEvidence(db: Db | Tx, found: Row[]): Promise<TaskReport[]> {
  const files = await evidenceOf(
    db,
    'taskReport',
    found.map((r) => r.id),
  );
  return found.map((r) => ({
    ...r,
    submittedAt: r.submittedAt.toISOString(),
    ratedAt: r.ratedAt?.toISOString() ?? null,
    evidence: files.get(r.id) ?? [],
  }));
}

export async function listTaskReports(
  db: Db,
  access: Access,
  q: { taskNo?: number; period?: string; status?: 'submitted' | 'rated'; page: number; pageSize: number },
) {
  const where = and(
    scoped(access),
    q.taskNo ? eq(taskReports.taskNo, q.taskNo) : undefined,
    q.period ? eq(taskReports.period, q.period) : undefined,
    q.status ? eq(taskReports.status, q.status) : undefined,
  );
  const [found, total] = await Promise.all([
    selectReports(db)
      .where(where)
      .orderBy(desc(taskReports.period), asc(taskReports.taskNo), asc(organisations.name))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(taskReports)
        .where(where),
    ),
  ]);
  return { items: await withEvidence(db, found), total, page: q.page, pageSize: q.pageSize };
}

/** A report within the caller's scope, or NOT_FOUND (another unit's report does not exist for the caller). */
export async function getTaskReport(db: Db | Tx, access: Access, id: string): Promise<TaskReport> {
  const found = await selectReports(db).where(and(eq(taskReports.id, id), scoped(access)));
  if (!found.length) throw notFound('进展报告');
  return (await withEvidence(db, found))[0]!;
}

export async function taskReportsOf(db: Db, access: Access, taskNo: number): Promise<TaskReport[]> {
  const found = await selectReports(db)
    .where(and(eq(taskReports.taskNo, taskNo), scoped(access)))
    .orderBy(desc(taskReports.period), asc(organisations.name))
    .limit(500);
  return withEvidence(db, found);
}

function checkFigures(figures: readonly ReportFigure[]) {
  const problems = figuresProblems(figures);
  if (Object.keys(problems).length) throw validationFailed(problems, '数据项与其含义矛盾，请按提示修改');
}

/**
 * A unit's progress report on a task. Only an organisation standing for one of the task's units may report
 * (another unit's task answers 404, as any record outside the caller's scope); one report per unit and period.
 */
export async function createTaskReport(
  tx: Tx,
  audit: Auditor,
  access: Access,
  userId: string,
  taskNo: number,
  body: { period: string; text: string; figures: ReportFigure[] },
  now: Date,
): Promise<TaskReport> {
  const task = taskByNo(taskNo);
  const org = actingUnits({ orgs: await unitOrganisations(tx) }, access).find((o) => roleInTask(task, o.unit));
  if (!org) throw new AppError('NOT_FOUND', '任务不存在或不由本单位承担');
  const today = todayOf(now);
  const period = openPeriods(planPeriods(), today).find((p) => p.key === body.period);
  if (!period) throw validationFailed({ period: `报送期次应为已开始的期次，如${openPeriods(planPeriods(), today).at(-1)?.key ?? '—'}` });
  checkFigures(body.figures);
  const [dup] = await tx
    .select({ id: taskReports.id })
    .from(taskReports)
    .where(and(eq(taskReports.taskNo, taskNo), eq(taskReports.period, period.key), eq(taskReports.organisationId, org.id)));
  if (dup) throw new AppError('CONFLICT', '本单位已报送该任务本期的进展报告，请修改原报告', { details: { reportId: dup.id } });
  const [row] = await tx
    .insert(taskReports)
    .values({
      taskNo,
      period: period.key,
      organisationId: org.id,
      districtId: org.kind === 'district' ? org.id : org.districtId,
      unitCode: org.unit,
      text: body.text,
      figures: body.figures,
      submittedBy: userId,
      submittedAt: now,
      late: today > period.due,
    })
    .returning({ id: taskReports.id });
  await audit.record({
    action: 'create',
    entityType: 'task_report',
    entityId: row!.id,
    after: { taskNo, period: period.key, organisationId: org.id, late: today > period.due, figures: body.figures.length },
  });
  return getTaskReport(tx, { kind: 'city' }, row!.id);
}

/** Edits by the reporting unit until the bureau has rated the report. */
export async function updateTaskReport(
  tx: Tx,
  audit: Auditor,
  access: Access,
  id: string,
  change: { text?: string; figures?: ReportFigure[]; version: number },
  now: Date,
): Promise<TaskReport> {
  const before = await getTaskReport(tx, access, id);
  if (before.status === 'rated') throw new AppError('CONFLICT', '该报告已评分，不能再修改');
  if (change.figures) checkFigures(change.figures);
  const bumped = await tx
    .update(taskReports)
    .set({
      ...(change.text !== undefined && { text: change.text }),
      ...(change.figures && { figures: change.figures }),
      version: sql`${taskReports.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(taskReports.id, id), eq(taskReports.version, change.version)))
    .returning({ id: taskReports.id });
  if (!bumped.length) throw versionConflict();
  await audit.record({
    action: 'update',
    entityType: 'task_report',
    entityId: id,
    before: { text: before.text, figures: JSON.stringify(before.figures) },
    after: { text: change.text ?? before.text, figures: JSON.stringify(change.figures ?? before.figures) },
  });
  return getTaskReport(tx, { kind: 'city' }, id);
}

/** The bureau's rating (score 0–100 and comment); a rating may be revised. */
export async function rateTaskReport(
  tx: Tx,
  audit: Auditor,
  id: string,
  userId: string,
  rating: { score: number; comment?: string; version: number },
  now: Date,
): Promise<TaskReport> {
  const before = await getTaskReport(tx, { kind: 'city' }, id);
  const bumped = await tx
    .update(taskReports)
    .set({
      status: 'rated',
      score: rating.score,
      ratingComment: rating.comment ?? null,
      ratedBy: userId,
      ratedAt: now,
      version: sql`${taskReports.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(taskReports.id, id), eq(taskReports.version, rating.version)))
    .returning({ id: taskReports.id });
  if (!bumped.length) throw versionConflict();
  await audit.record({
    action: 'rate',
    entityType: 'task_report',
    entityId: id,
    before: { score: before.score, ratingComment: before.ratingComment },
    after: { score: rating.score, ratingComment: rating.comment ?? null },
  });
  return getTaskReport(tx, { kind: 'city' }, id);
}

/** All reports of some periods (exports), with the organisation's name. */
export async function reportsForExport(db: Db, periods: string[]) {
  return selectReports(db)
    .where(periods.length ? inArray(taskReports.period, periods) : undefined)
    .orderBy(asc(taskReports.period), asc(taskReports.taskNo), asc(organisations.name));
}
