/**
 * The cockpit capability's public surface: what the rest of the server may use of it. Everything else in
 * server/cockpit/ is internal (test/core/layers.test.ts keeps it so).
 */
export { INDICATORS_RECOMPUTE_JOB, indicatorsRecomputeJob, queueRecompute } from './indicators/job.ts';
export { cityFigures, registryFigures, registryFiguresByDistrict, share } from './indicators/registry-figures.ts';
export type { FigureScope, RegistryFigures } from './indicators/registry-figures.ts';
export { practiceCheckOn, practiceDays, type PracticeCheck } from './indicators/practice-sql.ts';
export { latestSnapshot } from './repository/indicators.ts';
export { createTaskReport, rateTaskReport } from './repository/supervision.ts';
export { cockpitRoutes } from './routes/cockpit.ts';
export { indicatorRoutes } from './routes/indicators.ts';
export { publicStatsRoutes } from './routes/public-stats.ts';
export { reportRoutes } from './routes/reports.ts';
export { taskRoutes } from './routes/tasks.ts';
export { SUPERVISION_REMIND_JOB, queueReminders, supervisionRemindJob } from './supervision/reminders.ts';
export { actingUnits, loadSupervision, planPeriods, unitOrganisations } from './supervision/world.ts';
