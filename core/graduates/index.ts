/** Graduates' destinations (issue 16): the national categories, the rules a destination meets, the two headline figures. */
export * from './policy.ts';
export * from './rules.ts';
export * from './warnings.ts';
