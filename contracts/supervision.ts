import { z } from 'zod';
import { integer, paging, queryInteger, versionNumber } from './common.ts';
import { evidenceFile } from './cockpit.ts';

/** Task supervision (三 18 督导): the 29 tasks, periodic progress reports, ratings, the league table. */

export const taskParams = z.strictObject({ no: queryInteger('任务序号应为整数').min(1).max(999) });

export const period = z.object({ key: z.string(), label: z.string(), start: z.string(), end: z.string(), due: z.string() });

export const unitRef = z.object({ code: z.string(), name: z.string() });

export const task = z.object({
  no: z.number(),
  area: z.string(),
  article: z.string(),
  text: z.string(),
  leadUnit: unitRef,
  coUnits: z.array(unitRef),
  targets: z.array(z.object({ code: z.string(), name: z.string() })),
  /** The part the caller's unit plays in the task. */
  myRole: z.enum(['lead', 'co']).nullable(),
  /** Report slots (unit organisations) of the current period, and how many reported. */
  current: z.object({ expected: z.number(), submitted: z.number() }),
  /** Slots of past-due periods still without a report (within the caller's scope). */
  overdue: z.number(),
});
export const taskList = z.object({
  document: z.string(),
  frequency: z.string(),
  dueAfterDays: z.number(),
  periods: z.array(period),
  currentPeriod: period.nullable(),
  items: z.array(task),
});
export const taskListQuery = z.strictObject({ mine: z.enum(['true', 'false']).optional() });

const figureKind = z.enum(['count', 'share', 'amount', 'duration'], { error: '数值类型应为 count、share、amount 或 duration' });
export const reportFigure = z.strictObject({
  label: z.string().trim().min(1, '请填写指标名称').max(100),
  kind: figureKind,
  value: z.number({ error: '请填写数值' }),
  unit: z.string().trim().max(10).optional(),
});

export const taskReportCreate = z.strictObject({
  period: z.string().max(10),
  text: z.string().trim().min(1, '请填写工作进展').max(10_000, '进展说明不能超过10000字'),
  figures: z.array(reportFigure).max(30, '数据项不能超过30个').default([]),
});
export const taskReportUpdate = z.strictObject({
  text: z.string().trim().min(1, '请填写工作进展').max(10_000, '进展说明不能超过10000字').optional(),
  figures: z.array(reportFigure).max(30, '数据项不能超过30个').optional(),
  version: versionNumber,
});
export const taskReportRating = z.strictObject({
  score: integer('评分应为整数').min(0, '评分应在0–100之间').max(100, '评分应在0–100之间'),
  comment: z.string().trim().max(2000).optional(),
  version: versionNumber,
});

export const taskReport = z.object({
  id: z.string(),
  taskNo: z.number(),
  period: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  unitCode: z.string(),
  districtId: z.string().nullable(),
  text: z.string(),
  figures: z.array(z.object({ label: z.string(), kind: z.string(), value: z.number(), unit: z.string().optional() })),
  submittedAt: z.string(),
  late: z.boolean(),
  status: z.enum(['submitted', 'rated']),
  score: z.number().nullable(),
  ratingComment: z.string().nullable(),
  ratedAt: z.string().nullable(),
  version: z.number(),
  evidence: z.array(evidenceFile),
});
export type TaskReport = z.infer<typeof taskReport>;
export const taskReportListQuery = z.strictObject({
  taskNo: queryInteger().min(1).max(999).optional(),
  period: z.string().max(10).optional(),
  status: z.enum(['submitted', 'rated']).optional(),
  ...paging,
});
export const taskReportPage = z.object({ items: z.array(taskReport), total: z.number(), page: z.number(), pageSize: z.number() });

export const taskDetail = task.extend({ reports: z.array(taskReport) });

export const leagueQuery = z.strictObject({ period: z.string().max(10).optional() });
export const leagueRow = z.object({
  rank: z.number(),
  districtId: z.string(),
  name: z.string(),
  total: z.number().nullable(),
  timeliness: z.number().nullable(),
  quality: z.number().nullable(),
  indicators: z.number().nullable(),
  dueSlots: z.number(),
  onTime: z.number(),
  rated: z.number(),
});
export const league = z.object({
  period: z.string().nullable(),
  weights: z.object({ timeliness: z.number(), quality: z.number(), indicators: z.number() }),
  indicators: z.array(z.string()),
  article: z.string(),
  items: z.array(leagueRow),
});
export type League = z.infer<typeof league>;
