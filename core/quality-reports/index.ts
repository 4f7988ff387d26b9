export * from './facts.ts';
export * from './narrative.ts';
export * from './policy.ts';
export * from './tables.ts';
export * from './workflow.ts';
