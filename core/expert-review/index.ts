/** Expert review, shared by project calls and certification: conflicts, assignment, scores, aggregation, outliers. */
export * from './conflicts.ts';
export * from './assignment.ts';
export * from './scoring.ts';
export * from './policy.ts';
