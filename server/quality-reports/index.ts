/**
 * The quality-reports capability's public surface (issue 17 item 4): 质量年度报告 of schools, enterprises (jointly
 * with their partner schools) and the city's 中职 report; its routes, and the generation of a report's PDF for the
 * benchmark and any later bulk printing.
 */
export { qualityReportRoutes } from './routes/reports.ts';
export { reportPdfSpec, titleOf } from './documents/report-pdf.ts';
