import { z } from 'zod';
import { IMPORT_ENTITIES } from '../core/imports/spec.ts';
import { job } from './jobs.ts';
import { carrierListQuery } from './carriers.ts';
import { enterpriseListQuery } from './enterprises.ts';
import { majorGroupListQuery } from './major-groups.ts';
import { programListQuery } from './programs.ts';
import { registrationListQuery } from './registrations.ts';
import { schoolListQuery, studentListQuery } from './registry.ts';
import { teacherListQuery } from './teachers.ts';

/** Spreadsheet import and export of the register (任务 item 4). */
export const importEntity = z.enum(IMPORT_ENTITIES);

/** The upload's file name (it decides .xlsx or .csv); may also come in the X-File-Name header (URL-encoded). */
export const importUploadQuery = z.strictObject({ fileName: z.string().trim().min(1).max(200).optional() });

export const importIssue = z.object({ row: z.number().nullable(), column: z.string().nullable(), reason: z.string() });

export const importAccepted = z.object({
  importId: z.string(),
  job,
  format: z.enum(['xlsx', 'csv']),
  /** CSV: the encoding the file will be read in (utf-8, utf-8-bom or gbk), and its label. */
  encoding: z.string().nullable(),
  encodingLabel: z.string().nullable(),
  /** Non-empty rows found at upload, header included (CSV: non-blank lines). */
  rowEstimate: z.number(),
  /** The same Idempotency-Key was sent before: this is the import it started. */
  existing: z.boolean(),
});

/**
 * The result of an import job (`GET /api/jobs/:id` → result). `outcome: 'rejected'` means at least one row was
 * wrong and nothing was written; the first issues are here, all of them (up to 10,000) at `reportUrl`.
 */
export const importResult = z.object({
  importId: z.string(),
  entity: importEntity,
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  encoding: z.string().nullable(),
  outcome: z.enum(['imported', 'rejected']),
  rowsRead: z.number(),
  skippedExampleRows: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  issueCount: z.number(),
  issues: z.array(importIssue),
  reportUrl: z.string().nullable(),
});
export type ImportResult = z.infer<typeof importResult>;

export const importSummary = z.object({
  id: z.string(),
  entity: importEntity,
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  encoding: z.string().nullable(),
  byteSize: z.number(),
  jobId: z.string().nullable(),
  outcome: z.enum(['imported', 'rejected']).nullable(),
  issueCount: z.number().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

// Exports take the list endpoints' own query (paging is accepted and ignored: an export is the whole list).
export const schoolExportQuery = schoolListQuery;

export const studentExportQuery = studentListQuery.extend({
  /** Clear ID numbers and phones: needs studentPersonalInfo.read, and every exported student is logged. */
  personalInfo: z.stringbool().default(false),
});

export const enterpriseExportQuery = enterpriseListQuery;

export const teacherExportQuery = teacherListQuery;
export const programExportQuery = programListQuery;
export const majorGroupExportQuery = majorGroupListQuery;
export const carrierExportQuery = carrierListQuery;
export const registrationExportQuery = registrationListQuery;
