/**
 * The home capability's public surface: what the rest of the server may use of it. Everything else in
 * server/home/ is internal (test/core/layers.test.ts keeps it so).
 */
export { homeRoutes } from './routes/home.ts';
