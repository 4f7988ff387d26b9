/**
 * The directory capability's public surface: what the rest of the server may use of it. Everything else in
 * server/directory/ is internal (test/core/layers.test.ts keeps it so).
 */
export { directoryRoutes } from './routes.ts';
