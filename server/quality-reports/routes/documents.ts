import type { FastifyReply } from 'fastify';
import type { QualityReport } from '../../../contracts/quality-reports.ts';
import { pdfDownload, xlsxDownload } from '../../platform/exports/download.ts';
import { renderA4Pdf } from '../../platform/pdf/a4-document.ts';
import { reportPdfSpec, titleOf } from '../documents/report-pdf.ts';
import { reportTablesWorkbook } from '../documents/report-xlsx.ts';

/** The report's A4 PDF, opened in the browser's viewer to print. */
export async function sendReportPdf(reply: FastifyReply, report: QualityReport, now: Date): Promise<Buffer> {
  const pdf = await renderA4Pdf(reportPdfSpec(report, now));
  pdfDownload(reply, titleOf(report), now, true);
  return pdf;
}

export function sendReportXlsx(reply: FastifyReply, report: QualityReport, now: Date) {
  xlsxDownload(reply, `${titleOf(report)}附表`, now);
  return reportTablesWorkbook(report);
}
