/**
 * The audit-log capability's public surface: what the rest of the server may use of it. Everything else in
 * server/audit-log/ is internal (test/core/layers.test.ts keeps it so).
 */
export { auditRoutes } from './routes.ts';
