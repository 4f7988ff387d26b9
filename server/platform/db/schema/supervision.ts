import { boolean, customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';

/** bytea as a Buffer on both engines (node-postgres answers Buffer, PGlite Uint8Array). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
  toDriver: (v) => v,
});

export interface ReportFigure {
  label: string;
  kind: 'count' | 'share' | 'amount' | 'duration';
  value: number;
  unit?: string;
}

/**
 * A periodic progress report (三 18 督导) of one responsible unit on one task of the task list. One per unit,
 * task and period; the unit edits it until the bureau rates it.
 */
export const taskReports = pgTable(
  'task_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskNo: integer('task_no').notNull(),
    period: text('period').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The reporting organisation's district (a district reports for itself), for district data scope. */
    districtId: uuid('district_id').references(() => organisations.id),
    unitCode: text('unit_code').notNull(),
    text: text('text').notNull(),
    figures: jsonb('figures').$type<ReportFigure[]>().notNull().default([]),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    /** Submitted after the period's due date. */
    late: boolean('late').notNull().default(false),
    status: text('status', { enum: ['submitted', 'rated'] })
      .notNull()
      .default('submitted'),
    score: integer('score'),
    ratingComment: text('rating_comment'),
    ratedBy: uuid('rated_by').references(() => users.id),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('task_reports_task_period_org_uq').on(t.taskNo, t.period, t.organisationId),
    index('task_reports_org_idx').on(t.organisationId),
    index('task_reports_period_idx').on(t.period),
  ],
);

/**
 * Evidence files (佐证材料) of task reports and indicator reports, in the database so that any app server
 * can serve them (app servers keep no files). Type checked by content (core/supervision/evidence.ts).
 */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerKind: text('owner_kind', {
      enum: ['taskReport', 'indicatorReport', 'certificationCase', 'internationalRecord', 'carrier'],
    }).notNull(),
    ownerId: uuid('owner_id').notNull(),
    fileName: text('file_name').notNull(),
    type: text('type').notNull(),
    mediaType: text('media_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evidence_files_owner_idx').on(t.ownerKind, t.ownerId)],
);
