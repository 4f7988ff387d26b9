import { and, eq, isNull } from 'drizzle-orm';
import { idParams } from '../../../contracts/common.ts';
import {
  allocationRunCreate,
  allocationRunListQuery,
  allocationRunPage,
  allocationRunStarted,
  proposal,
  proposalDecision,
  proposalListQuery,
  proposalPage,
} from '../../../contracts/matching.ts';
import { inScope } from '../../../core/authz/index.ts';
import { AppError, notFound } from '../../../core/errors.ts';
import { allocationRuns, organisations } from '../../platform/db/schema/index.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { submitJob } from '../../platform/jobs/submit.ts';
import { ALLOCATION_JOB } from '../allocation-job.ts';
import { decideProposal, listProposals, listRuns } from '../repository/proposals.ts';

export const allocationRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/matching/allocation-runs',
    tags: ['matching'],
    access: { resource: 'allocation', action: 'run' },
    status: 202,
    summary:
      '发起实习分配（全市由市教育局，本校由学校）：求实习学生 × 有名额的岗位，在名额与10%/20%比例上限内总匹配分最高；后台任务，进度见 /api/jobs/:id',
    body: allocationRunCreate,
    response: allocationRunStarted,
    handler: ({ actor, access, body, write }) =>
      write(async (tx, audit) => {
        let schoolId: string | null = null;
        if (body.scope === 'city') {
          if (access.kind !== 'city') throw new AppError('FORBIDDEN', '全市实习分配由市教育局发起');
        } else {
          schoolId = body.schoolId ?? actor!.memberships.find((m) => m.role === 'school_admin')?.organisationId ?? null;
          if (!schoolId || !inScope(access, { organisationId: schoolId }))
            throw new AppError('NOT_FOUND', '学校不存在或不在您的管理范围内', { fields: { schoolId: '学校不存在或不在您的管理范围内' } });
          const [s] = await tx
            .select({ id: organisations.id })
            .from(organisations)
            .where(and(eq(organisations.id, schoolId), eq(organisations.kind, 'school')));
          if (!s) throw notFound('学校');
        }
        const [busy] = await tx
          .select({ id: allocationRuns.id })
          .from(allocationRuns)
          .where(
            and(eq(allocationRuns.status, 'running'), schoolId ? eq(allocationRuns.schoolId, schoolId) : isNull(allocationRuns.schoolId)),
          );
        if (busy) throw new AppError('CONFLICT', '已有一次分配正在进行，请等待其完成');
        const [run] = await tx
          .insert(allocationRuns)
          .values({ scope: body.scope, schoolId, createdBy: actor!.userId })
          .returning({ id: allocationRuns.id });
        const { job } = await submitJob(tx, {
          kind: ALLOCATION_JOB,
          input: { runId: run!.id },
          createdBy: actor!.userId,
          organisationId: schoolId,
        });
        await tx.update(allocationRuns).set({ jobId: job.id }).where(eq(allocationRuns.id, run!.id));
        await audit.record({
          action: 'create',
          entityType: 'allocationRun',
          entityId: run!.id,
          after: { scope: body.scope, schoolId, jobId: job.id },
        });
        return { jobId: job.id, runId: run!.id };
      }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/matching/allocation-runs',
    tags: ['matching'],
    access: { resource: 'allocation', action: 'read' },
    summary: '实习分配记录（学校只见本校发起的）',
    query: allocationRunListQuery,
    response: allocationRunPage,
    handler: ({ services, access, query }) => listRuns(services.database.db, access, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/matching/proposals',
    tags: ['matching'],
    access: { resource: 'allocationProposal', action: 'read' },
    summary: '分配建议（学校、企业、学生本人按范围），每条附得分构成',
    query: proposalListQuery,
    response: proposalPage,
    handler: ({ services, access, query }) => listProposals(services.database.db, access, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/matching/proposals/:id/decision',
    tags: ['matching'],
    access: { resource: 'allocationProposal', action: 'decide' },
    summary: '学校或企业确认/拒绝分配建议；双方确认后成为实习申请并由企业接收（名额与比例上限照常检查）',
    params: idParams,
    body: proposalDecision,
    response: proposal,
    handler: ({ actor, access, params, body, services, write }) =>
      write((tx, audit) => decideProposal(tx, audit, actor!, access, params.id, body, services.now())),
  }),
];
