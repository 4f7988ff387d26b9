import { z } from 'zod';
import { paging, queryInteger, versionNumber } from './common.ts';

/**
 * The plan cockpit (大屏) and the indicators behind it: one answer with everything the large-screen page
 * shows, drill-downs from each number to its records, reported indicator values and publication.
 */
const targetCode = z.string().regex(/^[a-z][a-z0-9_]*$/, '指标代码格式不正确');
const isoDate = z.iso.date('日期格式应为YYYY-MM-DD');

export const indicatorStatus = z.enum(['green', 'amber', 'red', 'unknown']);
export const trendPoint = z.object({ month: z.string(), value: z.number().nullable() });

export const targetProgress = z.object({
  code: z.string(),
  name: z.string(),
  article: z.array(z.string()),
  kind: z.string(),
  unit: z.string(),
  comparator: z.enum(['>=', '<=', 'between']),
  /** The target value; for a range, min and max instead. */
  goal: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  deadline: z.string().nullable(),
  method: z.enum(['computed', 'reported']),
  /** What is counted, in Chinese. */
  basis: z.string(),
  responsibleUnits: z.array(z.object({ code: z.string(), name: z.string() })),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** 0–1 (above 1 when exceeded) and the share of the plan's time elapsed, 0–1. */
  progress: z.number().nullable(),
  elapsed: z.number(),
  status: indicatorStatus,
  measuredAt: z.string().nullable(),
  trend: z.array(trendPoint),
  published: z.boolean(),
  /** In a district's view, a count the plan sets for the whole city: the district's part of it, not assessed alone. */
  cityTotal: z.boolean(),
});
export type TargetProgress = z.infer<typeof targetProgress>;

export const cockpitDistrict = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  devZone: z.boolean(),
  values: z.record(z.string(), z.number().nullable()),
  league: z.object({ rank: z.number(), total: z.number().nullable() }).nullable(),
});

export const cockpitCluster = z.object({
  code: z.string(),
  name: z.string(),
  enterprises: z.number(),
  certifiedEnterprises: z.number(),
  carriers: z.number(),
});

export const cockpitAlert = z.object({
  level: z.enum(['red', 'amber', 'info']),
  kind: z.enum(['indicator', 'overdue', 'pendingRating', 'pendingReview', 'noSnapshot']),
  message: z.string(),
  code: z.string().optional(),
  taskNo: z.number().optional(),
  count: z.number().optional(),
});

export const cockpit = z.object({
  plan: z.object({ id: z.string(), document: z.string(), title: z.string(), issued: z.string(), horizon: z.string() }),
  scope: z.object({ kind: z.enum(['city', 'district']), districtId: z.string().nullable(), name: z.string() }),
  computedAt: z.string().nullable(),
  runId: z.string().nullable(),
  /** The plan's time elapsed (issue date to horizon), 0–1. */
  elapsed: z.number(),
  summary: z.object({ green: z.number(), amber: z.number(), red: z.number(), unknown: z.number() }),
  targets: z.array(targetProgress),
  districts: z.array(cockpitDistrict),
  clusters: z.array(cockpitCluster),
  supervision: z.object({
    period: z.object({ key: z.string(), label: z.string(), due: z.string() }).nullable(),
    expected: z.number(),
    submitted: z.number(),
    overdue: z.number(),
    pendingRating: z.number(),
    pendingReview: z.number(),
  }),
  alerts: z.array(cockpitAlert),
});
export type Cockpit = z.infer<typeof cockpit>;

export const cockpitQuery = z.strictObject({ districtId: z.uuid('区县编号格式不正确').optional() });
export const codeParams = z.strictObject({ code: targetCode });

export const drillQuery = z.strictObject({
  districtId: z.uuid('区县编号格式不正确').optional(),
  /** Enterprises and carriers of one industry cluster (the cockpit's cluster chart). */
  cluster: z
    .string()
    .regex(/^[a-z_]{2,40}$/, '产业集群代码格式不正确')
    .optional(),
  ...paging,
});

/** The records behind a number, as a generic table: names and masked values only for people. */
export const drillResult = z.object({
  code: z.string(),
  title: z.string(),
  basis: z.string(),
  columns: z.array(z.object({ key: z.string(), title: z.string() })),
  items: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type DrillResult = z.infer<typeof drillResult>;

export const historyQuery = z.strictObject({
  districtId: z.uuid('区县编号格式不正确').optional(),
  limit: queryInteger().min(1).max(500).default(100),
});
export const historyPoint = z.object({
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  measuredAt: z.string(),
  source: z.enum(['computed', 'reported']),
  reportId: z.string().nullable(),
});
export const history = z.object({ code: z.string(), scope: z.string(), items: z.array(historyPoint) });

export const indicatorSummary = z.object({
  code: z.string(),
  name: z.string(),
  article: z.array(z.string()),
  unit: z.string(),
  method: z.enum(['computed', 'reported']),
  basis: z.string(),
  published: z.boolean(),
  publicationVersion: z.number(),
  responsibleUnits: z.array(z.string()),
});
export const indicatorList = z.object({ items: z.array(indicatorSummary) });

export const publicationUpdate = z.strictObject({ published: z.boolean() });

// ---- reported values --------------------------------------------------------------------------

export const indicatorReportCreate = z.strictObject({
  /** In the target's unit: percent for shares (60 = 60%), yuan, a count. */
  value: z.number({ error: '请填写数值' }),
  measuredOn: isoDate,
  note: z.string().trim().max(2000).optional(),
});
export const indicatorReportReview = z.strictObject({
  decision: z.enum(['accept', 'reject'], { error: '请选择通过或退回' }),
  comment: z.string().trim().max(2000).optional(),
  version: versionNumber,
});
export const evidenceFile = z.object({
  id: z.string(),
  fileName: z.string(),
  type: z.string(),
  mediaType: z.string(),
  byteSize: z.number(),
  createdAt: z.string(),
});
export const indicatorReport = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  districtId: z.string().nullable(),
  organisationId: z.string(),
  organisationName: z.string(),
  unitCode: z.string(),
  value: z.number(),
  measuredOn: z.string(),
  note: z.string().nullable(),
  status: z.enum(['submitted', 'accepted', 'rejected']),
  reviewComment: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  evidence: z.array(evidenceFile),
});
export type IndicatorReport = z.infer<typeof indicatorReport>;
export const indicatorReportListQuery = z.strictObject({
  code: targetCode.optional(),
  status: z.enum(['submitted', 'accepted', 'rejected']).optional(),
  ...paging,
});
export const indicatorReportPage = z.object({ items: z.array(indicatorReport), total: z.number(), page: z.number(), pageSize: z.number() });

export const evidenceUploadQuery = z.strictObject({ fileName: z.string().trim().min(1).max(200).optional() });
export const evidenceParams = z.strictObject({ id: z.uuid('编号格式不正确'), fileId: z.uuid('编号格式不正确') });

// ---- public statistics -------------------------------------------------------------------------

export const publicStatistic = z.object({
  code: z.string(),
  name: z.string(),
  article: z.array(z.string()),
  unit: z.string(),
  comparator: z.enum(['>=', '<=', 'between']),
  goal: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  deadline: z.string().nullable(),
  value: z.number().nullable(),
  progress: z.number().nullable(),
  status: indicatorStatus,
  measuredAt: z.string().nullable(),
});
export const publicStatistics = z.object({
  plan: z.object({ document: z.string(), title: z.string() }),
  computedAt: z.string().nullable(),
  items: z.array(publicStatistic),
});
