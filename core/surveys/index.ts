export * from './policy.ts';
export * from './rules.ts';
