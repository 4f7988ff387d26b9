import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';
import { REPORT_KINDS } from '../../../../core/quality-reports/facts.ts';
import { REPORT_STATUSES } from '../../../../core/quality-reports/workflow.ts';

/**
 * 质量年度报告 (三 18): one report per organisation per year — a school's, an enterprise's (published jointly with
 * its partner schools) or the city's 中职 report (the bureau's). `parts` holds the narrative by part code;
 * `comments` the bureau's comments per part when it returned the report; `tables` the generated tables frozen at
 * submission (null while the report is with its author: the tables are then computed live), with their data date.
 * `district_id` is the author's district (a district reads its schools' reports).
 */
export const qualityReports = pgTable(
  'quality_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: REPORT_KINDS }).notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    districtId: uuid('district_id').references(() => organisations.id),
    year: integer('year').notNull(),
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('draft'),
    parts: jsonb('parts').$type<Record<string, string>>().notNull().default({}),
    comments: jsonb('comments').$type<Record<string, string>>().notNull().default({}),
    tables: jsonb('tables').$type<unknown[]>(),
    dataDate: date('data_date'),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('quality_reports_organisation_year_uq').on(t.organisationId, t.year),
    index('quality_reports_year_status_idx').on(t.year, t.status),
    index('quality_reports_district_idx').on(t.districtId),
  ],
);

/** The partner schools of an enterprise's report, fixed at its submission; each confirms before the bureau approves. */
export const qualityReportPartners = pgTable(
  'quality_report_partners',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => qualityReports.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.schoolId] }), index('quality_report_partners_school_idx').on(t.schoolId)],
);
