/**
 * The demo capability's public surface: what the rest of the server may use of it. Everything else in
 * server/demo/ is internal (test/core/layers.test.ts keeps it so).
 */
export { seedIfEmpty } from './seed.ts';
export type { DemoLogin } from './seed.ts';
