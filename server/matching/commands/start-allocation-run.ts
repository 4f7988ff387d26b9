import { and, eq, isNull, sql } from 'drizzle-orm';
import { inScope, type Access, type Actor } from '../../../core/authz/index.ts';
import { AppError, notFound } from '../../../core/errors.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Tx } from '../../platform/db/engine.ts';
import { allocationRuns, organisations } from '../../platform/db/schema/index.ts';
import { submitJob } from '../../platform/jobs/submit.ts';
import { ALLOCATION_JOB } from '../allocation-job.ts';

/**
 * Starts an allocation run — the whole city (the bureau only) or one school the caller reaches — as a job: one
 * run at a time per scope (two clicks at once start one run; the other is told a run is under way), the run and
 * its job written and audited together.
 */
export async function startAllocationRun(
  tx: Tx,
  audit: Auditor,
  actor: Actor,
  access: Access,
  input: { scope: 'city' | 'school'; schoolId?: string },
) {
  let schoolId: string | null = null;
  if (input.scope === 'city') {
    if (access.kind !== 'city') throw new AppError('FORBIDDEN', '全市实习分配由市教育局发起');
  } else {
    schoolId = input.schoolId ?? actor.memberships.find((m) => m.role === 'school_admin')?.organisationId ?? null;
    if (!schoolId || !inScope(access, { organisationId: schoolId }))
      throw new AppError('NOT_FOUND', '学校不存在或不在您的管理范围内', { fields: { schoolId: '学校不存在或不在您的管理范围内' } });
    const [s] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, schoolId), eq(organisations.kind, 'school')));
    if (!s) throw notFound('学校');
  }
  // Serialises starts of the same scope until this transaction ends, so the check below sees the other's run.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`allocation-run:${schoolId ?? 'city'}`}))`);
  const [busy] = await tx
    .select({ id: allocationRuns.id })
    .from(allocationRuns)
    .where(and(eq(allocationRuns.status, 'running'), schoolId ? eq(allocationRuns.schoolId, schoolId) : isNull(allocationRuns.schoolId)));
  if (busy) throw new AppError('CONFLICT', '已有一次分配正在进行，请等待其完成');
  const [run] = await tx
    .insert(allocationRuns)
    .values({ scope: input.scope, schoolId, createdBy: actor.userId })
    .returning({ id: allocationRuns.id });
  const { job } = await submitJob(tx, {
    kind: ALLOCATION_JOB,
    input: { runId: run!.id },
    createdBy: actor.userId,
    organisationId: schoolId,
  });
  await tx.update(allocationRuns).set({ jobId: job.id }).where(eq(allocationRuns.id, run!.id));
  await audit.record({
    action: 'create',
    entityType: 'allocationRun',
    entityId: run!.id,
    after: { scope: input.scope, schoolId, jobId: job.id },
  });
  return { jobId: job.id, runId: run!.id };
}
