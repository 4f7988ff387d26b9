export * from './roles.ts';
export * from './grants.ts';
export * from './access.ts';
export * from './assignment.ts';
