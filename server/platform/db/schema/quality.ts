import { date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/**
 * 职业教育质量评价 (三 18; 任务清单 27). `quality_results`: a school's evaluation of one year as the evaluation job
 * last computed it — its indicator values, the scores per dimension (with each party's view and each indicator's
 * score) and the total, its rank among the schools of the year, the data date. One row per school and year: a
 * recomputation replaces it, keeping the values it replaces (`previous_values`) so that process monitoring can
 * tell an indicator that fell since the last computation.
 */
export const qualityResults = pgTable(
  'quality_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id),
    districtId: uuid('district_id').references(() => organisations.id),
    systemVersion: integer('system_version').notNull(),
    dataDate: date('data_date').notNull(),
    total: numeric('total', { precision: 5, scale: 1, mode: 'number' }),
    rank: integer('rank'),
    /** core/quality `DimensionResult[]`. */
    dimensions: jsonb('dimensions').notNull(),
    /** core/quality `IndicatorValues`: indicator code → value (null: no data yet). */
    indicatorValues: jsonb('indicator_values').notNull(),
    /** Indicator code → the parts behind its value (numerator / denominator, or a survey's answers / invited). */
    indicatorParts: jsonb('indicator_parts').notNull(),
    previousValues: jsonb('previous_values'),
    jobId: uuid('job_id'),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('quality_results_year_school_uq').on(t.year, t.schoolId), index('quality_results_school_idx').on(t.schoolId)],
);

/**
 * A collected indicator's value (source `collected` in the policy): entered once by the party that owns the fact
 * (the school, or the bureau), with its evidence. Indicators the platform can compute are never entered here.
 */
export const qualityCollected = pgTable(
  'quality_collected',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id),
    districtId: uuid('district_id').references(() => organisations.id),
    year: integer('year').notNull(),
    indicatorCode: text('indicator_code').notNull(),
    value: numeric('value', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    evidence: text('evidence').notNull(),
    enteredBy: uuid('entered_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('quality_collected_school_year_code_uq').on(t.schoolId, t.year, t.indicatorCode)],
);

/** The bureau commissions a third-party evaluation organisation (第三方评价机构) for a year and a set of schools. */
export const qualityCommissions = pgTable(
  'quality_commissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    evaluatorId: uuid('evaluator_id')
      .notNull()
      .references(() => organisations.id),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [uniqueIndex('quality_commissions_evaluator_year_uq').on(t.evaluatorId, t.year)],
);

export const qualityCommissionSchools = pgTable(
  'quality_commission_schools',
  {
    commissionId: uuid('commission_id')
      .notNull()
      .references(() => qualityCommissions.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [
    primaryKey({ name: 'quality_commission_schools_pk', columns: [t.commissionId, t.schoolId] }),
    index('quality_commission_schools_school_idx').on(t.schoolId),
  ],
);

/** An evaluator's finding on one dimension of a commissioned school: its text and an adjustment within the policy's limit. */
export const qualityFindings = pgTable(
  'quality_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    commissionId: uuid('commission_id')
      .notNull()
      .references(() => qualityCommissions.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id),
    dimension: text('dimension').notNull(),
    text: text('text').notNull(),
    adjustment: numeric('adjustment', { precision: 4, scale: 1, mode: 'number' }).notNull().default(0),
    authorId: uuid('author_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('quality_findings_commission_school_dimension_uq').on(t.commissionId, t.schoolId, t.dimension)],
);
