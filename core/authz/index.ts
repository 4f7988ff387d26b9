export * from './roles.ts';
export * from './policy.ts';
export * from './access.ts';
export * from './assignment.ts';
