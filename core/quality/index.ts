/** The multi-party quality evaluation of vocational schools (issue 17; 三 18): the indicator system, facts, scoring. */
export * from './policy.ts';
export * from './facts.ts';
export * from './scoring.ts';
