/**
 * The notifications capability's public surface: what the rest of the server may use of it. Everything else in
 * server/notifications/ is internal (test/core/layers.test.ts keeps it so).
 */
export { notificationRoutes } from './routes.ts';
