export * from './policy.ts';
export * from './records.ts';
