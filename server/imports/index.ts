/**
 * The imports capability's public surface: what the rest of the server may use of it. Everything else in
 * server/imports/ is internal (test/core/layers.test.ts keeps it so).
 */
export { registerImportJobs } from './kinds.ts';
export { importRoutes } from './routes/imports.ts';
export { registerUploadParser } from './upload-parser.ts';
