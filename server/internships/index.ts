/**
 * The internships capability's public surface: what the rest of the server may use of it. Everything else in
 * server/internships/ is internal (test/core/layers.test.ts keeps it so).
 */
export { getAgreement, recordInsurance, signAgreement, startInternship } from './repository/agreements.ts';
export { countAlerts, listAlerts } from './repository/alerts.ts';
export { accept, apply, approve, reject } from './repository/applications.ts';
export { complete, withdraw } from './repository/endings.ts';
export { assignEnterpriseMentor, assignSchoolMentor } from './repository/mentors.ts';
export { offeredPlaces } from './repository/placed.ts';
export { createPost, publishPost, rules } from './repository/posts.ts';
export { commentLog, evaluate, writeLog } from './repository/progress.ts';
export { internshipRoutes } from './routes/index.ts';
export { internshipStatsRoutes } from './routes/stats.ts';
