import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';

/**
 * Indicators of the plan's targets (core/indicators). A recompute run (job `indicators.recompute`) stores
 * every indicator's value city-wide and per district in `indicator_values` (the history, never updated) and
 * one rolled-up document per scope in `indicator_snapshots`, which is all the cockpit reads per request.
 */
export const indicatorRuns = pgTable(
  'indicator_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobId: uuid('job_id'),
    status: text('status', { enum: ['running', 'done'] })
      .notNull()
      .default('running'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    durationMs: integer('duration_ms'),
  },
  (t) => [index('indicator_runs_done_idx').on(t.status, t.finishedAt)],
);

export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The policy file's target code. */
    code: text('code').notNull(),
    /** `city`, or the id of a district organisation. */
    scope: text('scope').notNull(),
    value: doublePrecision('value'),
    numerator: doublePrecision('numerator'),
    denominator: doublePrecision('denominator'),
    measuredAt: timestamp('measured_at', { withTimezone: true }).notNull(),
    source: text('source', { enum: ['computed', 'reported'] }).notNull(),
    /** The accepted report a reported value comes from. */
    reportId: uuid('report_id'),
    runId: uuid('run_id')
      .notNull()
      .references(() => indicatorRuns.id),
  },
  (t) => [index('indicator_values_code_scope_idx').on(t.code, t.scope, t.measuredAt), index('indicator_values_run_idx').on(t.runId)],
);

/** The cockpit's read model: one document per run and scope (values, parts, trends, districts, clusters). */
export const indicatorSnapshots = pgTable(
  'indicator_snapshots',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => indicatorRuns.id),
    scope: text('scope').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'indicator_snapshots_pk', columns: [t.runId, t.scope] })],
);

/**
 * Each active specialty teacher's distinct days of enterprise practice in the window ending on the day of the
 * latest run (the 教师企业实践 indicator's parts): the cockpit's drill-down reads them instead of merging every
 * teacher's periods per request. Only the latest run's rows are kept; a run replaces them in its transaction.
 */
export const teacherPracticeDays = pgTable(
  'teacher_practice_days',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => indicatorRuns.id),
    teacherId: uuid('teacher_id').notNull(),
    districtId: uuid('district_id'),
    days: integer('days').notNull(),
  },
  (t) => [primaryKey({ name: 'teacher_practice_days_pk', columns: [t.runId, t.teacherId] })],
);

/**
 * A value of a `reported` indicator, submitted by one of the target's responsible units with evidence and
 * accepted or rejected by the bureau. A district's report is that district's value; others are city-wide.
 */
export const indicatorReports = pgTable(
  'indicator_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    /** The district the value is for; null for a city-wide value. */
    districtId: uuid('district_id').references(() => organisations.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    unitCode: text('unit_code').notNull(),
    value: doublePrecision('value').notNull(),
    measuredOn: date('measured_on').notNull(),
    note: text('note'),
    status: text('status', { enum: ['submitted', 'accepted', 'rejected'] })
      .notNull()
      .default('submitted'),
    reviewComment: text('review_comment'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('indicator_reports_code_idx').on(t.code, t.status), index('indicator_reports_org_idx').on(t.organisationId)],
);

/** Which indicators the bureau publishes on the public statistics page (三 18; every change audited). */
export const indicatorPublications = pgTable('indicator_publications', {
  code: text('code').primaryKey(),
  published: boolean('published').notNull().default(false),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
