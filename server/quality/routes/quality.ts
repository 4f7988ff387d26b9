import { z } from 'zod';
import {
  qualityCollectedItem,
  qualityCollectedList,
  qualityCollectedParams,
  qualityCollectedPut,
  qualityCollectedQuery,
  qualityCommission,
  qualityCommissionCreate,
  qualityCommissionList,
  qualityFinding,
  qualityFindingParams,
  qualityFindingPut,
  qualityMonitoring,
  qualityMonitoringParams,
  qualityRanking as qualityRankingSchema,
  qualitySchoolParams,
  qualitySchoolResult,
  qualitySystemAnswer,
  qualitySystemCheck,
  qualitySystemDraft,
  qualityYearParams,
  qualityYearQuery,
} from '../../../contracts/quality.ts';
import { job } from '../../../contracts/jobs.ts';
import { accessFor } from '../../../core/authz/index.ts';
import { todayOf } from '../../../core/calendar.ts';
import { validationFailed } from '../../../core/errors.ts';
import { systemFor, systemProblems } from '../../../core/quality/index.ts';
import { qualityPolicy as policy } from '../../../policy/index.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { toJob } from '../../platform/jobs/repository.ts';
import { QUALITY_EVALUATE_JOB, queueEvaluation } from '../job.ts';
import { listCollected, putCollected } from '../repository/collected.ts';
import { createCommission, listCommissions, putFinding } from '../repository/commissions.ts';
import { monitoring, qualityRanking, schoolResult } from '../repository/results.ts';
import { systemOrNotFound } from '../repository/system.ts';

/**
 * 职业教育质量评价 (三 18; 任务清单 27): the indicator system of a year, the bureau's evaluation run, the ranking
 * by dimension, a school's result with its trend, process monitoring, collected indicators, the third-party
 * evaluators' commissions and findings.
 */
const tags = ['quality'];

const system = defineRoute({
  method: 'GET',
  url: '/api/quality/system',
  tags,
  access: { resource: 'qualityResult', action: 'read' },
  summary: '某年度适用的质量评价指标体系（四个核心维度、指标、权重、数据来源、底线与目标；默认本年度）',
  query: qualityYearQuery,
  response: qualitySystemAnswer,
  handler: async ({ services, query }) => {
    const year = query.year ?? Number(todayOf(services.now()).slice(0, 4));
    return {
      year,
      article: policy.article,
      note: policy.note,
      passScore: policy.passScore,
      maxAdjustment: policy.maxAdjustment,
      system: systemFor(policy, year),
    };
  },
});

const checkSystem = defineRoute({
  method: 'POST',
  url: '/api/quality/systems/check',
  tags,
  access: { resource: 'qualityResult', action: 'evaluate' },
  summary: '校验一份新年度指标体系草案（权重之和、指标来源与公式等）；有误时逐项指出（写入政策文件前使用）',
  body: qualitySystemDraft,
  response: qualitySystemCheck,
  handler: async ({ body }) => {
    const problems = systemProblems(body.system);
    if (problems.length)
      throw validationFailed(
        Object.fromEntries(problems.map((p) => [`system.${p.path}`, p.message])),
        `指标体系草案有 ${problems.length} 处错误`,
      );
    return { ok: true as const };
  },
});

const evaluate = defineRoute({
  method: 'POST',
  url: '/api/quality/evaluations/:year',
  tags,
  access: { resource: 'qualityResult', action: 'evaluate' },
  summary: '计算全部学校某年度的质量评价（后台任务，进度见 /api/jobs/:id；重复计算更新结果，不重复记录）',
  params: qualityYearParams,
  body: z.strictObject({}).optional(),
  response: job,
  status: 202,
  async handler({ services, actor, params, write }) {
    systemOrNotFound(params.year);
    const row = await write(async (tx, audit) => {
      const queued = await queueEvaluation(tx, actor!.userId, params.year);
      await audit.record({
        action: 'submit',
        entityType: 'job',
        entityId: queued.id,
        after: { kind: QUALITY_EVALUATE_JOB, year: params.year },
      });
      return queued;
    });
    services.pokeJobs();
    return toJob(row);
  },
});

const ranking = defineRoute({
  method: 'GET',
  url: '/api/quality/results',
  tags,
  access: { resource: 'qualityResult', action: 'read' },
  summary: '某年度各学校的质量评价得分、分维度得分与排名（按数据范围；第三方评价机构只见受委托的学校；默认最近评价年度）',
  query: qualityYearQuery,
  response: qualityRankingSchema,
  handler: ({ services, access, query }) => qualityRanking(services.database.db, access, query.year, services.now()),
});

const result = defineRoute({
  method: 'GET',
  url: '/api/quality/results/:year/:schoolId',
  tags,
  access: { resource: 'qualityResult', action: 'read' },
  summary: '一所学校某年度的评价结果：各维度与指标的数值、得分、数据依据，排名、历年走势和第三方评价意见',
  params: qualitySchoolParams,
  response: qualitySchoolResult,
  handler: ({ services, access, params }) => schoolResult(services.database.db, access, params.year, params.schoolId),
});

const monitor = defineRoute({
  method: 'GET',
  url: '/api/quality/monitoring/:schoolId',
  tags,
  access: { resource: 'qualityResult', action: 'read' },
  summary: '过程监测：学校本年度各项指标的当前值（与评价同一算法），以及低于底线或较上期下滑的指标',
  params: qualityMonitoringParams,
  response: qualityMonitoring,
  handler: ({ services, access, params }) => monitoring(services.database.db, access, params.schoolId, services.now()),
});

const collected = defineRoute({
  method: 'GET',
  url: '/api/quality/collected',
  tags,
  access: { resource: 'qualityCollected', action: 'read' },
  summary: '一所学校某年度的填报类指标（数值、佐证、填报人），以及当前用户可填报哪些',
  query: qualityCollectedQuery,
  response: qualityCollectedList,
  handler: ({ services, access, actor, query }) =>
    listCollected(
      services.database.db,
      access,
      accessFor(actor!, { resource: 'qualityCollected', action: 'enter' }),
      query.year,
      query.schoolId,
    ),
});

const putCollectedRoute = defineRoute({
  method: 'PUT',
  url: '/api/quality/collected/:year/:schoolId/:code',
  tags,
  access: { resource: 'qualityCollected', action: 'enter' },
  summary: '拥有该事实的单位填报一项填报类指标（附佐证；更正时须提供读取时的版本号）；平台可计算或问卷得出的指标不能填报',
  params: qualityCollectedParams,
  body: qualityCollectedPut,
  response: qualityCollectedItem,
  handler: ({ services, access, actor, params, body, write }) =>
    write((tx, audit) =>
      putCollected(
        tx,
        audit,
        accessFor(actor!, { resource: 'qualityCollected', action: 'read' }),
        access,
        actor!.userId,
        params,
        body,
        services.now(),
      ),
    ),
});

const commissions = defineRoute({
  method: 'GET',
  url: '/api/quality/commissions',
  tags,
  access: { resource: 'qualityCommission', action: 'read' },
  summary: '第三方评价委托（市教育局见全部及可委托的评价机构；评价机构见委托给本机构的）',
  response: qualityCommissionList,
  handler: ({ services, access }) => listCommissions(services.database.db, access),
});

const commission = defineRoute({
  method: 'POST',
  url: '/api/quality/commissions',
  tags,
  access: { resource: 'qualityCommission', action: 'manage' },
  summary: '市教育局委托第三方评价机构评价某年度的一批学校',
  body: qualityCommissionCreate,
  response: qualityCommission,
  status: 201,
  handler: ({ services, actor, body, write }) => write((tx, audit) => createCommission(tx, audit, actor!.userId, body, services.now())),
});

const finding = defineRoute({
  method: 'PUT',
  url: '/api/quality/findings/:year/:schoolId/:dimension',
  tags,
  access: { resource: 'qualityFinding', action: 'write' },
  summary: '受委托的第三方评价机构对一所学校一个维度的评价意见和评分调整（在政策规定的分值以内；更正时须提供版本号）',
  params: qualityFindingParams,
  body: qualityFindingPut,
  response: qualityFinding,
  handler: ({ services, access, actor, params, body, write }) =>
    write((tx, audit) => putFinding(tx, audit, access, actor!.userId, params, body, services.now())),
});

export const qualityRoutes: AnyRoute[] = [
  system,
  checkSystem,
  evaluate,
  ranking,
  result,
  monitor,
  collected,
  putCollectedRoute,
  commissions,
  commission,
  finding,
];
