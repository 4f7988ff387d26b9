import { todayOf } from '../../../core/calendar.ts';
import { idParams } from '../../../contracts/common.ts';
import { annualReportParams, caseListQuery } from '../../../contracts/certification.ts';
import { pdfDownload, xlsxDownload } from '../../platform/exports/download.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { exportPipeline } from '../exports.ts';
import { annualReportPdf, applicationPdf } from '../print.ts';

const tags = ['certification'];

const application = defineRoute({
  method: 'GET',
  url: '/api/certification/cases/:id/application.pdf',
  tags,
  access: { resource: 'certificationCase', action: 'read' },
  summary: '产教融合型企业申报书（A4 PDF：企业基本情况、申报时预填的登记数据与年度申报、条件自查、申报说明、办理情况）',
  params: idParams,
  async handler({ services, access, params, reply }) {
    const now = services.now();
    const pdf = await applicationPdf(services.database.db, access, params.id, todayOf(now), now);
    pdfDownload(reply, '产教融合型企业申报书', now);
    return pdf;
  },
});

const annualReport = defineRoute({
  method: 'GET',
  url: '/api/certification/cases/:id/annual-reports/:year/report.pdf',
  tags,
  access: { resource: 'certificationCase', action: 'read' },
  summary: '产教融合型企业年度报告（A4 PDF：报送的年度数据与工作情况）',
  params: annualReportParams,
  async handler({ services, access, params, reply }) {
    const now = services.now();
    const pdf = await annualReportPdf(services.database.db, access, params.id, params.year, todayOf(now), now);
    pdfDownload(reply, `产教融合型企业${params.year}年度报告`, now);
    return pdf;
  },
});

const pipeline = defineRoute({
  method: 'GET',
  url: '/api/exports/certification-cases',
  tags: ['exports', ...tags],
  access: { resource: 'certificationCase', action: 'read' },
  summary: '导出产教融合型企业培育认定流程（.xlsx，筛选条件同流程列表：阶段、日期、期限与逾期）',
  query: caseListQuery,
  async handler({ services, access, query, reply }) {
    const now = services.now();
    xlsxDownload(reply, '产教融合型企业培育认定', now);
    return exportPipeline(services.database.db, access, query, todayOf(now));
  },
});

export const documentRoutes: AnyRoute[] = [application, annualReport, pipeline];
