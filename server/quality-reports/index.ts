/**
 * The quality-reports capability's public surface (issue 17 item 4): 质量年度报告 of schools, enterprises (jointly
 * with their partner schools) and the city's 中职 report. The demo seeds reports in every state with the tables
 * submission would freeze (`liveTables`) and an enterprise's partner schools (`partnerSchoolsOf`); the
 * benchmark renders reports with `reportPdfSpec`.
 */
export { qualityReportRoutes } from './routes/reports.ts';
export { reportPdfSpec, titleOf } from './documents/report-pdf.ts';
export { liveTables } from './repository/tables.ts';
export { partnerSchools as partnerSchoolsOf } from './repository/facts.ts';
export { composeReport, ownRow } from './repository/reports.ts';
