/**
 * The meta capability's public surface: what the rest of the server may use of it. Everything else in
 * server/meta/ is internal (test/core/layers.test.ts keeps it so).
 */
export { metaRoutes } from './routes.ts';
