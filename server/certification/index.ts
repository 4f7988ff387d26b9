/**
 * The certification capability's public surface (产教融合型企业, issue 14): the enterprises' yearly declarations
 * and what the cockpit computes from them. Everything else in server/certification/ is internal.
 */
export { declarationRoutes } from './routes/declarations.ts';
export { caseRoutes } from './routes/cases.ts';
export { documentRoutes } from './routes/documents.ts';
export { reportingRoutes } from './routes/reporting.ts';
export { surchargeCreditRoutes } from './routes/surcharge-credit.ts';
export { CERTIFICATION_REMIND_JOB, certificationRemindJob, queueCertificationReminders } from './jobs/reminders.ts';
export { CERTIFICATION_EXPIRE_JOB, certificationExpireJob, queueCertificationExpiry } from './jobs/expiry.ts';
export { declarationYearOn, fundRules } from './repository/declarations.ts';
export { trainingFundTallies, trainingFundDrill } from './indicators.ts';
