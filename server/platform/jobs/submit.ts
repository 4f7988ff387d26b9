import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/engine.ts';
import { jobs } from '../db/schema/index.ts';

export interface JobRequest {
  kind: string;
  input: Record<string, unknown>;
  /** The same key for the same kind returns the job already submitted (a double click, a retried upload). */
  idempotencyKey?: string;
  createdBy: string | null;
  organisationId: string | null;
}

export async function submitJob(db: Db | Tx, req: JobRequest) {
  const [created] = await db.insert(jobs).values(req).onConflictDoNothing().returning();
  if (created) return { job: created, existing: false };
  const [existing] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, req.kind), eq(jobs.idempotencyKey, req.idempotencyKey!)));
  return { job: existing!, existing: true };
}
