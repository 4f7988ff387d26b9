/**
 * The personal-data capability's public surface: what the rest of the server may use of it. Everything else in
 * server/personal-data/ is internal (test/core/layers.test.ts keeps it so).
 */
export { personalDataRoutes } from './routes.ts';
