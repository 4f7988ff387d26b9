import type { Db, Tx } from '../../platform/db/engine.ts';
import type { JobHandler } from '../../platform/jobs/registry.ts';
import { submitJob } from '../../platform/jobs/submit.ts';
import { recomputeIndicators } from './recompute.ts';

export const INDICATORS_RECOMPUTE_JOB = 'indicators.recompute';

/**
 * Job `indicators.recompute`: one snapshot of every indicator, city-wide and per district. A run is written
 * in one transaction, so a retried or taken-over job simply runs again (no checkpoint needed).
 */
export const indicatorsRecomputeJob: JobHandler = async ({ services, jobId, progress }) => {
  const result = await recomputeIndicators(services.database.db, {
    now: services.now(),
    jobId,
    progress: (done, total, message) => progress({ done, total, message }),
  });
  return result;
};

/**
 * Queues a recompute (the bureau's button, an accepted reported value, or the daily run that gives every
 * indicator its history even when nobody presses the button); followed at /api/jobs/:id.
 */
export async function queueRecompute(tx: Db | Tx, userId: string | null, reason: string, idempotencyKey?: string) {
  const { job } = await submitJob(tx, {
    kind: INDICATORS_RECOMPUTE_JOB,
    input: { reason },
    ...(idempotencyKey && { idempotencyKey }),
    createdBy: userId,
    organisationId: null,
  });
  return job;
}
