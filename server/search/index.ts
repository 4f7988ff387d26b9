/**
 * The search capability's public surface: what the rest of the server may use of it. Everything else in
 * server/search/ is internal (test/core/layers.test.ts keeps it so).
 */
export { SEARCH_REINDEX_JOB, searchReindexJob } from './job.ts';
export { searchRoutes } from './routes/search.ts';
export { reindexAll, reindexEntity } from './search-index.ts';
