/**
 * The accounts capability's public surface: what the rest of the server may use of it. Everything else in
 * server/accounts/ is internal (test/core/layers.test.ts keeps it so).
 */
export { accountRoutes } from './routes/accounts.ts';
export { authRoutes } from './routes/auth.ts';
export { bulkAccountRoutes } from './routes/bulk-accounts.ts';
export { enterpriseAccountRoutes } from './routes/enterprise-staff.ts';
