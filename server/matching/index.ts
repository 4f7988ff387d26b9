/**
 * The matching capability's public surface: what the rest of the server may use of it. Everything else in
 * server/matching/ is internal (test/core/layers.test.ts keeps it so).
 */
export { ALLOCATION_JOB, allocationJob } from './allocation-job.ts';
export { createDemand } from './repository/demands.ts';
export { matchingRoutes } from './routes/index.ts';
