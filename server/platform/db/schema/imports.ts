import { customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ImportIssue } from '../../../../core/imports/issues.ts';
import { teachers } from './registry.ts';

/** bytea as a Buffer on both engines (node-postgres answers Buffer, PGlite Uint8Array). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
  toDriver: (v) => v,
});

/**
 * An uploaded spreadsheet and what became of it. The file lives in the database, not on an app server's
 * disk, so whichever server's job runner claims the import can read it. The bytes hold personal
 * information in clear, so they are dropped as soon as the import has an outcome; the error report stays.
 */
export const importFiles = pgTable(
  'import_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entity: text('entity', { enum: ['schools', 'enterprises', 'teachers', 'students', 'programs', 'outcomes', 'destinations'] }).notNull(),
    fileName: text('file_name').notNull(),
    format: text('format', { enum: ['xlsx', 'csv'] }).notNull(),
    /** CSV only: the encoding the file was read in (utf-8, utf-8-bom or gbk). */
    encoding: text('encoding'),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data'),
    createdBy: uuid('created_by').notNull(),
    organisationId: uuid('organisation_id'),
    jobId: uuid('job_id'),
    outcome: text('outcome', { enum: ['imported', 'rejected'] }),
    /** The full error report (up to the cap); the job's result carries only the first few. */
    issues: jsonb('issues').$type<ImportIssue[]>(),
    issueCount: integer('issue_count'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_files_created_by_idx').on(t.createdBy, t.createdAt)],
);

/**
 * A teacher's 居民身份证号码, the natural key of the teacher import, protected like students' (AES-256-GCM
 * cipher, keyed blind index for look-up and uniqueness, masked form for screens). A side table because the
 * teachers table has no identity column of its own; it can fold into teachers if one is added.
 */
export const teacherIdNumbers = pgTable(
  'teacher_id_numbers',
  {
    teacherId: uuid('teacher_id')
      .primaryKey()
      .references(() => teachers.id),
    idNumberCipher: text('id_number_cipher').notNull(),
    idNumberIndex: text('id_number_index').notNull(),
    idNumberMasked: text('id_number_masked').notNull(),
  },
  (t) => [uniqueIndex('teacher_id_numbers_index_uq').on(t.idNumberIndex)],
);
