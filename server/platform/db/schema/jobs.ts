import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export interface JobProgress {
  done: number;
  total: number | null;
  message: string;
}

/**
 * Long work (imports, city-wide allocation, reports) as rows: any app server's runner may claim a queued job;
 * a job whose runner stopped heart-beating is claimed again and resumes from its checkpoint.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    status: text('status', { enum: ['queued', 'running', 'succeeded', 'failed'] })
      .notNull()
      .default('queued'),
    /** Submitting the same work twice (same kind and key) returns the first job instead of starting another. */
    idempotencyKey: text('idempotency_key'),
    input: jsonb('input').$type<Record<string, unknown>>().notNull(),
    progress: jsonb('progress').$type<JobProgress>().notNull().default({ done: 0, total: null, message: '排队中' }),
    checkpoint: jsonb('checkpoint').$type<Record<string, unknown>>(),
    result: jsonb('result').$type<Record<string, unknown>>(),
    error: jsonb('error').$type<{ code: string; message: string; fields?: Record<string, string> }>(),
    attempts: integer('attempts').notNull().default(0),
    createdBy: uuid('created_by'),
    organisationId: uuid('organisation_id'),
    lockedBy: text('locked_by'),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('jobs_kind_key_uq').on(t.kind, t.idempotencyKey),
    index('jobs_status_idx').on(t.status, t.createdAt),
    index('jobs_created_by_idx').on(t.createdBy, t.createdAt),
  ],
);
