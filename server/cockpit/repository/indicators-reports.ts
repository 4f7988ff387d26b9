import { todayOf } from '../../../core/calendar.ts';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Access } from '../../../core/authz/index.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../../core/errors.ts';
import { figureKindOfTarget, figureProblem, indicatorDefinition } from '../../../core/indicators/index.ts';
import type { IndicatorReport } from '../../../contracts/cockpit.ts';
import { currentPlan } from '../../../policy/index.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { indicatorReports, organisations } from '../../platform/db/schema/index.ts';
import { scopeWhere } from '../../platform/http/scope-sql.ts';
import { actingUnits, unitOrganisations } from '../supervision/world.ts';
import { countOf } from '../../platform/db/paging.ts';
import { evidenceOf } from '../../platform/evidence.ts';

/** A target of the policy file by code, or NOT_FOUND. */
export function targetByCode(code: string) {
  const t = currentPlan.targets.find((x) => x.code === code);
  if (!t) throw notFound('指标');
  return t;
}

const scoped = (access: Access) =>
  scopeWhere(access, { organisationId: indicatorReports.organisationId, districtId: indicatorReports.districtId });

function selectReports(db: Db | Tx) {
  return db
    .select({
      id: indicatorReports.id,
      code: indicatorReports.code,
      districtId: indicatorReports.districtId,
      organisationId: indicatorReports.organisationId,
      organisationName: organisations.name,
      unitCode: indicatorReports.unitCode,
      value: indicatorReports.value,
      measuredOn: indicatorReports.measuredOn,
      note: indicatorReports.note,
      status: indicatorReports.status,
      reviewComment: indicatorReports.reviewComment,
      reviewedAt: indicatorReports.reviewedAt,
      version: indicatorReports.version,
      createdAt: indicatorReports.createdAt,
    })
    .from(indicatorReports)
    .innerJoin(organisations, eq(organisations.id, indicatorReports.organisationId));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectReports>['where']>>[number];

async function withEvidence(db: Db | Tx, found: Row[]): Promise<IndicatorReport[]> {
  const files = await evidenceOf(
    db,
    'indicatorReport',
    found.map((r) => r.id),
  );
  return found.map((r) => ({
    ...r,
    name: currentPlan.targets.find((t) => t.code === r.code)?.name ?? r.code,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    evidence: files.get(r.id) ?? [],
  }));
}

export async function listIndicatorReports(
  db: Db,
  access: Access,
  q: { code?: string; status?: 'submitted' | 'accepted' | 'rejected'; page: number; pageSize: number },
) {
  const where = and(
    scoped(access),
    q.code ? eq(indicatorReports.code, q.code) : undefined,
    q.status ? eq(indicatorReports.status, q.status) : undefined,
  );
  const [found, total] = await Promise.all([
    selectReports(db)
      .where(where)
      .orderBy(desc(indicatorReports.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(indicatorReports)
        .where(where),
    ),
  ]);
  return { items: await withEvidence(db, found), total, page: q.page, pageSize: q.pageSize };
}

export async function getIndicatorReport(db: Db | Tx, access: Access, id: string): Promise<IndicatorReport> {
  const found = await selectReports(db).where(and(eq(indicatorReports.id, id), scoped(access)));
  if (!found.length) throw notFound('指标填报');
  return (await withEvidence(db, found))[0]!;
}

/**
 * A value of a reported indicator from one of the target's responsible units. A value that contradicts the
 * target's definition (a share above 100%, a negative count) is refused naming the field; a target that the
 * platform computes itself takes no reports; another unit's target answers 404.
 */
export async function createIndicatorReport(
  tx: Tx,
  audit: Auditor,
  access: Access,
  userId: string,
  code: string,
  body: { value: number; measuredOn: string; note?: string },
  now: Date,
): Promise<IndicatorReport> {
  const target = targetByCode(code);
  const def = indicatorDefinition(code);
  if (def?.method !== 'reported') throw validationFailed({ code: '该指标由平台根据登记数据自动计算，无需填报' });
  const org = actingUnits({ orgs: await unitOrganisations(tx) }, access).find((o) => target.responsibleUnits.includes(o.unit));
  if (!org) throw new AppError('NOT_FOUND', '指标不存在或不由本单位负责填报');
  const problem = figureProblem(figureKindOfTarget(target), body.value);
  if (problem) throw validationFailed({ value: `${target.name}：${problem}` }, '填报的数值与指标含义矛盾，请按提示修改');
  if (body.measuredOn > todayOf(now)) throw validationFailed({ measuredOn: '统计日期不能晚于今天' });
  const [row] = await tx
    .insert(indicatorReports)
    .values({
      code,
      districtId: org.kind === 'district' ? org.id : null,
      organisationId: org.id,
      unitCode: org.unit,
      value: body.value,
      measuredOn: body.measuredOn,
      note: body.note ?? null,
      submittedBy: userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: indicatorReports.id });
  await audit.record({
    action: 'create',
    entityType: 'indicator_report',
    entityId: row!.id,
    after: { code, value: body.value, measuredOn: body.measuredOn },
  });
  return getIndicatorReport(tx, { kind: 'city' }, row!.id);
}

/** The bureau accepts (the value enters the indicators at the next recompute) or sends it back. */
export async function reviewIndicatorReport(
  tx: Tx,
  audit: Auditor,
  id: string,
  userId: string,
  review: { decision: 'accept' | 'reject'; comment?: string; version: number },
  now: Date,
): Promise<IndicatorReport> {
  const before = await getIndicatorReport(tx, { kind: 'city' }, id);
  if (before.status !== 'submitted') throw new AppError('CONFLICT', '该填报已审核');
  const status = review.decision === 'accept' ? 'accepted' : 'rejected';
  const bumped = await tx
    .update(indicatorReports)
    .set({
      status,
      reviewComment: review.comment ?? null,
      reviewedBy: userId,
      reviewedAt: now,
      updatedAt: now,
      version: sql`${indicatorReports.version} + 1`,
    })
    .where(and(eq(indicatorReports.id, id), eq(indicatorReports.version, review.version)))
    .returning({ id: indicatorReports.id });
  if (!bumped.length) throw versionConflict();
  await audit.record({
    action: 'review',
    entityType: 'indicator_report',
    entityId: id,
    before: { status: before.status },
    after: { status, reviewComment: review.comment ?? null },
  });
  return getIndicatorReport(tx, { kind: 'city' }, id);
}
