import { z } from 'zod';
import { integer, queryInteger, text, versioned } from './common.ts';

/** 郑州市产业人才供需与就业状况年度报告 (二 (五) 16): drafted by the platform, edited and published by the bureau. */

const year = (message: string) => ({ year: queryInteger(message).min(2000, '年度不早于2000年').max(2100, '年度不晚于2100年') });
export const reportYearParams = z.strictObject(year('年度须为整数'));

export const reportDraftBody = z.strictObject({
  year: integer('年度须为整数').min(2000, '年度不早于2000年').max(2100, '年度不晚于2100年'),
});
export type ReportDraftBody = z.infer<typeof reportDraftBody>;

export const reportEditBody = z.strictObject({
  ...versioned,
  foreword: text(4000).trim().min(1, '请填写前言'),
  conclusion: text(4000).trim().min(1, '请填写结论与建议'),
});
export type ReportEditBody = z.infer<typeof reportEditBody>;

/** Redraft and publish name the version read, like every edit. */
export const reportVersionBody = z.strictObject({ ...versioned });

const cell = z.union([z.string(), z.number()]);
const table = z.object({
  caption: z.string(),
  dataDate: z.string(),
  columns: z.array(z.object({ title: z.string(), width: z.number().optional(), align: z.enum(['left', 'right', 'center']).optional() })),
  rows: z.array(z.array(cell)),
  empty: z.string().optional(),
});
const chart = z.object({
  caption: z.string(),
  dataDate: z.string(),
  unit: z.string(),
  bars: z.array(z.object({ label: z.string(), value: z.number() })),
  target: z.number().optional(),
});
export const reportContent = z.object({
  title: z.string(),
  year: z.number(),
  dataDate: z.string(),
  lastMonth: z.string().nullable(),
  sections: z.array(z.object({ heading: z.string(), paragraphs: z.array(z.string()), charts: z.array(chart), tables: z.array(table) })),
});

export const REPORT_STATUS_LABELS = { draft: '草稿', published: '已发布' } as const;

export const reportSummary = z.object({
  year: z.number(),
  title: z.string(),
  status: z.enum(['draft', 'published']),
  dataDate: z.string(),
  draftedAt: z.string(),
  publishedAt: z.string().nullable(),
  version: z.number(),
});
export type ReportSummary = z.infer<typeof reportSummary>;

export const reportList = z.object({
  items: z.array(reportSummary),
  /** The year a new draft defaults to: the latest graduation year with 留郑率 data and no report yet. */
  suggestedYear: z.number().nullable(),
  article: z.string(),
  note: z.string(),
});

export const reportDetail = reportSummary.extend({ foreword: z.string(), conclusion: z.string(), content: reportContent });
export type ReportDetail = z.infer<typeof reportDetail>;

/** The public page's list: published reports only. */
export const publicReportList = z.object({
  items: z.array(z.object({ year: z.number(), title: z.string(), dataDate: z.string(), publishedAt: z.string() })),
});
