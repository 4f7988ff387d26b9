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
import { defineRoute } from '../../platform/http/route.ts';
import { startAllocationRun } from '../commands/start-allocation-run.ts';
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
    handler: ({ actor, access, body, write }) => write((tx, audit) => startAllocationRun(tx, audit, actor!, access, body)),
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
