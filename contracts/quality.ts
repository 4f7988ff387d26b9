import { z } from 'zod';
import { queryInteger, text, versionNumber } from './common.ts';

/** 职业教育质量评价 (三 18; 任务清单 27): the indicator system, results, monitoring, collected values, commissions, findings. */

const year = queryInteger('年度应为整数').min(2000, '年度格式不正确').max(9999, '年度格式不正确');
const dimensionCode = z.enum(['integration', 'skills', 'employment', 'service'], '维度取值不正确');

export const qualityYearQuery = z.strictObject({ year: year.optional() });
export const qualityYearParams = z.strictObject({ year });
export const qualitySchoolParams = z.strictObject({ year, schoolId: z.uuid('学校编号格式不正确') });
export const qualityMonitoringParams = z.strictObject({ schoolId: z.uuid('学校编号格式不正确') });
export const qualityCollectedParams = z.strictObject({
  year,
  schoolId: z.uuid('学校编号格式不正确'),
  code: z
    .string()
    .max(64)
    .regex(/^[a-z][a-z0-9_]*$/, '指标代码格式不正确'),
});
export const qualityFindingParams = z.strictObject({ year, schoolId: z.uuid('学校编号格式不正确'), dimension: dimensionCode });

const indicatorSpec = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  direction: z.enum(['higher', 'lower']),
  weight: z.number(),
  source: z.enum(['computed', 'survey', 'collected']),
  party: z.enum(['government', 'industry', 'enterprise', 'school']),
  formula: z.string().optional(),
  owner: z.enum(['school', 'bureau']).optional(),
  floor: z.number(),
  target: z.number(),
});
export const qualitySystem = z.object({
  fromYear: z.number(),
  version: z.number(),
  dimensions: z.array(z.object({ code: dimensionCode, name: z.string(), weight: z.number(), indicators: z.array(indicatorSpec) })),
  parties: z.array(z.object({ code: z.enum(['government', 'industry', 'enterprise', 'school']), name: z.string(), weight: z.number() })),
});
export const qualitySystemAnswer = z.object({
  year: z.number(),
  article: z.string(),
  note: z.string(),
  passScore: z.number(),
  maxAdjustment: z.number(),
  system: qualitySystem.nullable(),
});
export type QualitySystemAnswer = z.infer<typeof qualitySystemAnswer>;

/** A draft system the bureau checks before it is written into the policy file: any JSON; the answer lists its problems. */
export const qualitySystemDraft = z.strictObject({ system: z.record(z.string(), z.unknown()) });
export const qualitySystemCheck = z.object({ ok: z.literal(true) });

const indicatorRow = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  source: z.enum(['computed', 'survey', 'collected']),
  party: z.string(),
  floor: z.number(),
  target: z.number(),
  /** null: no data yet. */
  value: z.number().nullable(),
  score: z.number().nullable(),
  /** The parts of a share (numerator / denominator) or a survey's answers / invited, when there are. */
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
});
const dimensionRow = z.object({
  code: dimensionCode,
  name: z.string(),
  weight: z.number(),
  computed: z.number().nullable(),
  adjustment: z.number(),
  score: z.number().nullable(),
  parties: z.array(z.object({ code: z.string(), name: z.string(), score: z.number().nullable() })),
  indicators: z.array(indicatorRow),
});

/** One school's line in the ranking. */
export const qualityRankRow = z.object({
  schoolId: z.string(),
  schoolName: z.string(),
  districtName: z.string().nullable(),
  total: z.number().nullable(),
  rank: z.number().nullable(),
  dimensions: z.record(z.string(), z.number().nullable()),
});
export const qualityRanking = z.object({
  year: z.number(),
  years: z.array(z.number()),
  dataDate: z.string().nullable(),
  computedAt: z.string().nullable(),
  /** Schools ranked (of the whole city), for the "rank of N". */
  ranked: z.number(),
  dimensions: z.array(z.object({ code: dimensionCode, name: z.string(), weight: z.number() })),
  items: z.array(qualityRankRow),
});
export type QualityRanking = z.infer<typeof qualityRanking>;

export const qualityFinding = z.object({
  dimension: dimensionCode,
  text: z.string(),
  adjustment: z.number(),
  evaluatorName: z.string(),
  version: z.number(),
  updatedAt: z.string(),
});

export const qualitySchoolResult = z.object({
  year: z.number(),
  schoolId: z.string(),
  schoolName: z.string(),
  districtName: z.string().nullable(),
  dataDate: z.string(),
  computedAt: z.string(),
  systemVersion: z.number(),
  total: z.number().nullable(),
  rank: z.number().nullable(),
  ranked: z.number(),
  dimensions: z.array(dimensionRow),
  trend: z.array(z.object({ year: z.number(), total: z.number().nullable(), rank: z.number().nullable(), change: z.number().nullable() })),
  findings: z.array(qualityFinding),
  /** The caller may enter findings on this school (a commissioned evaluator). */
  canReview: z.boolean(),
  maxAdjustment: z.number(),
});
export type QualitySchoolResult = z.infer<typeof qualitySchoolResult>;

/** Process monitoring: the school's indicators computed now, and those slipping. */
export const qualityMonitoring = z.object({
  year: z.number(),
  schoolId: z.string(),
  schoolName: z.string(),
  dataDate: z.string(),
  /** What "falling" compares with: last year's evaluation, or this year's previous computation. */
  comparedWith: z.string().nullable(),
  indicators: z.array(indicatorRow.extend({ dimension: dimensionCode, previous: z.number().nullable() })),
  slipping: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      dimension: dimensionCode,
      value: z.number(),
      floor: z.number(),
      previous: z.number().nullable(),
      reasons: z.array(z.enum(['below_floor', 'falling'])),
    }),
  ),
});
export type QualityMonitoring = z.infer<typeof qualityMonitoring>;

export const qualityCollectedPut = z.strictObject({
  value: z.number('请填写数值').min(0, '数值不能为负').max(1e11, '数值过大，请核对单位'),
  evidence: text(2000).trim().min(4, '请说明佐证材料（名称、文号或出处），至少4个字'),
  version: versionNumber.optional(),
});
export type QualityCollectedPut = z.infer<typeof qualityCollectedPut>;

export const qualityCollectedItem = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  owner: z.enum(['school', 'bureau']),
  value: z.number().nullable(),
  evidence: z.string().nullable(),
  enteredByName: z.string().nullable(),
  version: z.number().nullable(),
  updatedAt: z.string().nullable(),
  /** The caller is the party that enters it. */
  canEnter: z.boolean(),
});
export const qualityCollectedList = z.object({
  year: z.number(),
  schoolId: z.string(),
  schoolName: z.string(),
  items: z.array(qualityCollectedItem),
});
export type QualityCollectedList = z.infer<typeof qualityCollectedList>;
export const qualityCollectedQuery = z.strictObject({ year, schoolId: z.uuid('学校编号格式不正确') });

export const qualityCommissionCreate = z.strictObject({
  year,
  evaluatorId: z.uuid('评价机构编号格式不正确'),
  schoolIds: z.array(z.uuid('学校编号格式不正确')).min(1, '请至少选择一所学校').max(2000, '学校过多'),
  note: text(500).trim().nullable().optional(),
});
export type QualityCommissionCreate = z.infer<typeof qualityCommissionCreate>;
export const qualityCommission = z.object({
  id: z.string(),
  year: z.number(),
  evaluatorId: z.string(),
  evaluatorName: z.string(),
  note: z.string().nullable(),
  schools: z.array(z.object({ id: z.string(), name: z.string() })),
  createdAt: z.string(),
});
export const qualityCommissionList = z.object({
  items: z.array(qualityCommission),
  evaluators: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type QualityCommissionList = z.infer<typeof qualityCommissionList>;

export const qualityFindingPut = z.strictObject({
  text: text(4000).trim().min(10, '评价意见至少10个字'),
  adjustment: z.number('调整分值应为数字').multipleOf(0.1, '调整分值最多一位小数').default(0),
  version: versionNumber.optional(),
});
export type QualityFindingPut = z.infer<typeof qualityFindingPut>;
