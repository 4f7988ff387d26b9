/**
 * The jobs capability's public surface: what the rest of the server may use of it. Everything else in
 * server/jobs/ is internal (test/core/layers.test.ts keeps it so).
 */
export { jobRoutes } from './routes.ts';
