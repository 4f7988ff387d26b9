import type { Tx } from '../db/engine.ts';
import type { JobHandler } from '../jobs/registry.ts';
import { submitJob } from '../jobs/submit.ts';
import { recomputeIndicators } from './recompute.ts';

export const INDICATORS_RECOMPUTE_JOB = 'indicators.recompute';

/**
 * Job `indicators.recompute`: one snapshot of every indicator, city-wide and per district. A run is written
 * in one transaction, so a retried or taken-over job simply runs again (no checkpoint needed).
 */
export const indicatorsRecomputeJob: JobHandler = async ({ services, jobId, progress }) => {
  const result = await recomputeIndicators(services.database.db, {
    now: services.now(), jobId,
    progress: (done, total, message) => progress({ done, total, message }),
  });
  return result;
};

/** Queues a recompute (the bureau's button, or an accepted reported value); followed at /api/jobs/:id. */
export async function queueRecompute(tx: Tx, userId: string | null, reason: string) {
  const { job } = await submitJob(tx, { kind: INDICATORS_RECOMPUTE_JOB, input: { reason }, createdBy: userId, organisationId: null });
  return job;
}
