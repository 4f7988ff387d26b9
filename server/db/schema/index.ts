export * from './organisations.ts';
export * from './accounts.ts';
export * from './audit.ts';
export * from './catalogues.ts';
export * from './registry.ts';
export * from './jobs.ts';
export * from './imports.ts';
export * from './search.ts';
