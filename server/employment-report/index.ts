/**
 * The employment-report capability's public surface (issue 16 item 6): 郑州市产业人才供需与就业状况年度报告, drafted
 * from the forecast and graduates capabilities' figures, published by the bureau, printed as an A4 PDF and .xlsx.
 */
export { employmentReportRoutes } from './routes/reports.ts';
export { draftReport } from './gather.ts';
