import { JobRegistry } from './platform/jobs/registry.ts';
import { SEARCH_REINDEX_JOB, searchReindexJob } from './search/index.ts';
import { registerImportJobs } from './imports/index.ts';
import {
  INDICATORS_RECOMPUTE_JOB,
  indicatorsRecomputeJob,
  queueRecompute,
  queueReminders,
  SUPERVISION_REMIND_JOB,
  supervisionRemindJob,
} from './cockpit/index.ts';
import type { DailyJob } from './platform/jobs/daily.ts';
import { ALLOCATION_JOB, allocationJob } from './matching/index.ts';
import { queueSeries, SERIES_MONTHLY_JOB, seriesMonthlyJob } from './forecast/index.ts';
import { QUALITY_EVALUATE_JOB, qualityEvaluateJob, queueEvaluation } from './quality/index.ts';
import { PLATFORM_TIDY_JOB, platformTidyJob, queueTidy } from './platform/jobs/tidy.ts';

/** Every job kind of the platform. Features add their handlers here. */
export function createJobRegistry(): JobRegistry {
  const registry = new JobRegistry();
  registry.register(SEARCH_REINDEX_JOB, searchReindexJob);
  registerImportJobs(registry);
  registry.register(INDICATORS_RECOMPUTE_JOB, indicatorsRecomputeJob);
  registry.register(SUPERVISION_REMIND_JOB, supervisionRemindJob);
  registry.register(ALLOCATION_JOB, allocationJob);
  registry.register(PLATFORM_TIDY_JOB, platformTidyJob);
  registry.register(SERIES_MONTHLY_JOB, seriesMonthlyJob);
  registry.register(QUALITY_EVALUATE_JOB, qualityEvaluateJob);
  return registry;
}

/** Jobs `npm start` queues once a day (server/platform/jobs/daily.ts). */
export const DAILY_JOBS: readonly DailyJob[] = [
  { kind: SUPERVISION_REMIND_JOB, queue: (db, key) => queueReminders(db, null, key) },
  { kind: INDICATORS_RECOMPUTE_JOB, queue: (db, key) => queueRecompute(db, null, 'daily', key) },
  { kind: PLATFORM_TIDY_JOB, queue: queueTidy },
  // The day's run rewrites the current month's row of every talent series (the key ends with YYYY-MM-DD).
  { kind: SERIES_MONTHLY_JOB, queue: (db, key) => queueSeries(db, null, key.slice(-10, -3), key) },
  // The running year's quality evaluation, so process monitoring and the school's reminder follow the data (三 18).
  { kind: QUALITY_EVALUATE_JOB, queue: (db, key) => queueEvaluation(db, null, Number(key.slice(-10, -6)), key) },
];
