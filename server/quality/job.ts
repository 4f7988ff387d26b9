import { sql } from 'drizzle-orm';
import { todayOf } from '../../core/calendar.ts';
import { systemFor } from '../../core/quality/index.ts';
import { qualityPolicy } from '../../policy/index.ts';
import { rows, type Db, type Tx } from '../platform/db/engine.ts';
import type { JobHandler } from '../platform/jobs/registry.ts';
import { submitJob } from '../platform/jobs/submit.ts';
import { evaluateSchools, rerank } from './repository/evaluate.ts';
import { surveyScores } from './repository/survey-scores.ts';

export const QUALITY_EVALUATE_JOB = 'quality.evaluate';
/** Schools evaluated per transaction: a checkpoint after each, so a retry or a takeover goes on from the next. */
const BATCH = 100;

/**
 * Job `quality.evaluate`: every active school's evaluation of a year, in batches of schools in id order. The
 * checkpoint is the last school id done; each batch upserts its rows in one transaction with the checkpoint's
 * save after it, so a run taken over re-does at most one batch and never doubles a row (one per school and year).
 * The year is ranked at the end.
 */
export const qualityEvaluateJob: JobHandler = async ({ services, jobId, input, checkpoint, progress, saveCheckpoint }) => {
  const db = services.database.db;
  const now = services.now();
  const year = Number(input.year);
  const system = systemFor(qualityPolicy, year);
  if (!system) throw new Error(`${year} 年度没有适用的质量评价指标体系`);
  const ids = (
    await rows<{ id: string }>(
      db,
      sql`select o.id from organisations o join schools s on s.organisation_id = o.id where o.status = 'active' order by o.id`,
    )
  ).map((r) => r.id);
  const after = typeof checkpoint?.after === 'string' ? checkpoint.after : null;
  const todo = after ? ids.filter((id) => id > after) : ids;
  const surveys = await surveyScores(db, year);
  let done = ids.length - todo.length;
  for (let k = 0; k < todo.length; k += BATCH) {
    const batch = todo.slice(k, k + BATCH);
    await progress({ done, total: ids.length, message: `${year} 年度：已评价 ${done} / ${ids.length} 所学校` });
    await evaluateSchools(db, { year, today: todayOf(now), system, schoolIds: batch, surveys, jobId, now });
    done += batch.length;
    await saveCheckpoint({ after: batch.at(-1)! });
  }
  await rerank(db, year);
  await progress({ done: ids.length, total: ids.length, message: `${year} 年度：${ids.length} 所学校已评价并排名` });
  return { year, schools: ids.length, systemVersion: system.version };
};

/** Queues the evaluation of a year (the bureau's button); followed at /api/jobs/:id. */
export async function queueEvaluation(db: Db | Tx, userId: string | null, year: number, idempotencyKey?: string) {
  const { job } = await submitJob(db, {
    kind: QUALITY_EVALUATE_JOB,
    input: { year },
    ...(idempotencyKey && { idempotencyKey }),
    createdBy: userId,
    organisationId: null,
  });
  return job;
}
