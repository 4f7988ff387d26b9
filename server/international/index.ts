/**
 * The international capability's public surface (issue 18 item 4): 国际交流与合作 records.
 * `internationalSummary(db, organisationId, year)` gives a school's verified counts of a year for its annual
 * quality report (国际影响表); the cockpit counts international_projects through `internationalTallies` and lists
 * them through `internationalDrill`.
 */
export { internationalRoutes } from './routes/international.ts';
export { internationalSummary } from './repository/summary.ts';
export { internationalDrill, internationalTallies } from './repository/indicator.ts';
export type { InternationalSummary } from '../../core/international/index.ts';
