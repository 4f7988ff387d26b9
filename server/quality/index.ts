/**
 * The quality capability's public surface (issue 17): the multi-party quality evaluation of vocational schools.
 * `schoolFacts` is what the platform already holds about each school in a year (the computed indicators; the
 * schools' annual quality reports read it too).
 */
export { schoolFacts, type SchoolFacts, type SchoolFactsQuery } from './repository/school-facts.ts';
export type { Fact, SchoolFactValues } from '../../core/quality/facts.ts';
export { listCommissions } from './repository/commissions.ts';
export { qualityRoutes } from './routes/quality.ts';
export { QUALITY_EVALUATE_JOB, qualityEvaluateJob, queueEvaluation } from './job.ts';
export { evaluateSchools, rerank } from './repository/evaluate.ts';
export { surveyScores } from './repository/survey-scores.ts';
export { storedSlippingCount } from './repository/results.ts';
