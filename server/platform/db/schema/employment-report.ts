import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';

/**
 * 郑州市产业人才供需与就业状况年度报告 (二 (五) 16 行业就业状况年度发布制度): one row per report year. The platform
 * drafts `content` from the data (its tables dated by `data_date`); the bureau edits the foreword and conclusion,
 * may redraft while it is a draft, and publishes it — a published report is frozen, so what the public page
 * prints is what was published.
 */
export const employmentReports = pgTable('employment_reports', {
  /** The graduation year (届) the report covers; demand is the 12 months up to `content.lastMonth`. */
  year: integer('year').primaryKey(),
  status: text('status', { enum: ['draft', 'published'] }).notNull(),
  /** The drafted report (contracts/employment-report.ts `reportContent`): sections, tables, charts. */
  content: jsonb('content').notNull(),
  foreword: text('foreword').notNull(),
  conclusion: text('conclusion').notNull(),
  /** The business day the figures were read (YYYY-MM-DD), printed under every table. */
  dataDate: text('data_date').notNull(),
  draftedBy: uuid('drafted_by').references(() => users.id),
  draftedAt: timestamp('drafted_at', { withTimezone: true }).notNull(),
  publishedBy: uuid('published_by').references(() => users.id),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
