import { JobRegistry } from './registry.ts';
import { SEARCH_REINDEX_JOB, searchReindexJob } from '../search/job.ts';
import { registerImportJobs } from '../imports/kinds.ts';
import { INDICATORS_RECOMPUTE_JOB, indicatorsRecomputeJob } from '../indicators/job.ts';

/** Every job kind of the platform. Features add their handlers here. */
export function createJobRegistry(): JobRegistry {
  const registry = new JobRegistry();
  registry.register(SEARCH_REINDEX_JOB, searchReindexJob);
  registerImportJobs(registry);
  registry.register(INDICATORS_RECOMPUTE_JOB, indicatorsRecomputeJob);
  return registry;
}
