import { z } from 'zod';
import { REPORT_KINDS } from '../core/quality-reports/facts.ts';
import { REPORT_STATUSES } from '../core/quality-reports/workflow.ts';
import { idParams, pageOf, paging, queryInteger, text, versionNumber } from './common.ts';

/** 质量年度报告 (三 18): schools', enterprises' and the city's 中职 annual quality reports. */

export const reportYearParams = z.strictObject({
  year: queryInteger('年度应为整数').min(2000, '年度格式不正确').max(9999, '年度格式不正确'),
});
export const reportIdParams = idParams;

export const reportListQuery = z.strictObject({
  year: queryInteger('年度应为整数').min(2000, '年度格式不正确').max(9999, '年度格式不正确').optional(),
  status: z.enum(REPORT_STATUSES, '状态取值不正确').optional(),
  kind: z.enum(REPORT_KINDS, '报告类型取值不正确').optional(),
  ...paging,
});
export type ReportListQuery = z.infer<typeof reportListQuery>;

export const publicReportQuery = reportListQuery.pick({ year: true, kind: true, page: true, pageSize: true });
export type PublicReportQuery = z.infer<typeof publicReportQuery>;

/**
 * The parts being saved, by part code (a part not sent keeps its text). The policy's per-part limit is checked by
 * the server and named per part; the schema's own cap only keeps a request sane.
 */
export const partsPut = z.strictObject({
  parts: z.record(z.string().max(40), text(50_000)),
  /** The version read; omitted when the year's report does not exist yet. */
  version: versionNumber.optional(),
});
export type PartsPut = z.infer<typeof partsPut>;

export const versionBody = z.strictObject({ version: versionNumber });

export const returnBody = z.strictObject({
  comments: z.record(z.string().max(40), text(5_000)),
  version: versionNumber,
});
export type ReturnBody = z.infer<typeof returnBody>;

export const reportTableRow = z.object({
  fact: z.string(),
  label: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  display: z.string(),
  dataDate: z.string(),
  source: z.string().nullable(),
  basis: z.number().optional(),
});
export const reportTable = z.object({ code: z.string(), title: z.string(), dataDate: z.string(), rows: z.array(reportTableRow) });

export const reportPart = z.object({
  code: z.string(),
  title: z.string(),
  maxChars: z.number(),
  text: z.string(),
  /** The bureau's comment when it returned the report. */
  comment: z.string().nullable(),
});

export const reportPartner = z.object({
  schoolId: z.string(),
  name: z.string(),
  confirmed: z.boolean(),
  confirmedAt: z.string().nullable(),
});

export const qualityReport = z.object({
  /** null: the year's report has not been saved yet (a blank draft with live tables). */
  id: z.string().nullable(),
  kind: z.enum(REPORT_KINDS),
  kindLabel: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  districtName: z.string().nullable(),
  year: z.number(),
  status: z.enum(REPORT_STATUSES),
  statusLabel: z.string(),
  parts: z.array(reportPart),
  tables: z.array(reportTable),
  /** True once submitted: the tables are the snapshot the bureau reviews and the public reads. */
  tablesFrozen: z.boolean(),
  dataDate: z.string(),
  /** Table rows without data ("表名：行名"). */
  missing: z.array(z.string()),
  partners: z.array(reportPartner),
  version: z.number(),
  submittedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  canEdit: z.boolean(),
  canReview: z.boolean(),
  canConfirm: z.boolean(),
});
export type QualityReport = z.infer<typeof qualityReport>;

export const reportSummary = z.object({
  id: z.string(),
  kind: z.enum(REPORT_KINDS),
  kindLabel: z.string(),
  organisationName: z.string(),
  districtName: z.string().nullable(),
  year: z.number(),
  status: z.enum(REPORT_STATUSES),
  statusLabel: z.string(),
  submittedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** Partner schools of an enterprise's report still to confirm. */
  partnersWaiting: z.number(),
});
export type ReportSummary = z.infer<typeof reportSummary>;
/** A page of the reports matching: newest year first, those waiting for review first. */
export const reportList = pageOf(reportSummary);
export type ReportList = z.infer<typeof reportList>;
