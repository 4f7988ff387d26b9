import {
  publicReportList,
  reportDetail,
  reportDraftBody,
  reportEditBody,
  reportList,
  reportVersionBody,
  reportYearParams,
} from '../../../contracts/employment-report.ts';
import { todayOf } from '../../../core/calendar.ts';
import { pdfDownload, xlsxDownload } from '../../platform/exports/download.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { reportPdf, reportWorkbook } from '../documents.ts';
import { draftReport } from '../gather.ts';
import {
  createDraft,
  draftedReport,
  editReport,
  getReport,
  listReports,
  printable,
  publishedReport,
  publishedReports,
  publishReport,
  redraft,
} from '../repository/reports.ts';

/**
 * 郑州市产业人才供需与就业状况年度报告 (二 (五) 16): the bureau drafts a year's report from the data, edits its foreword
 * and conclusion, redraws its figures while a draft, and publishes it; the public statistics page lists published
 * reports with their A4 PDF and .xlsx of tables.
 */
const tags = ['employment-report'];
const NAME = '人才供需与就业状况年度报告';
const read = { resource: 'employmentReport', action: 'read' } as const;
const edit = { resource: 'employmentReport', action: 'edit' } as const;

const list = defineRoute({
  method: 'GET',
  url: '/api/employment-reports',
  tags,
  access: read,
  summary: '历年人才供需与就业状况年度报告（草稿与已发布）及建议起草的年度',
  response: reportList,
  handler: ({ services }) => listReports(services.database.db),
});

const detail = defineRoute({
  method: 'GET',
  url: '/api/employment-reports/:year',
  tags,
  access: read,
  summary: '一个年度的报告：各章节文字、图表和表格（每表注明数据日期），前言和结论',
  params: reportYearParams,
  response: reportDetail,
  handler: ({ services, params }) => getReport(services.database.db, params.year),
});

const draft = defineRoute({
  method: 'POST',
  url: '/api/employment-reports',
  tags,
  access: edit,
  summary: '按平台数据起草某年度（毕业届别）的报告：需求、供给、去向、留郑率与中职升学率、预测、专业预警',
  body: reportDraftBody,
  response: reportDetail,
  status: 201,
  async handler({ services, actor, body, write }) {
    const now = services.now();
    const drafted = await draftReport(services.database.db, body.year, todayOf(now));
    return write((tx, audit) => createDraft(tx, audit, actor!.userId, body.year, drafted, now));
  },
});

const refresh = defineRoute({
  method: 'POST',
  url: '/api/employment-reports/:year/redraft',
  tags,
  access: edit,
  summary: '草稿按当前数据重新生成图表和表格（前言和结论保留；须提供读取时的版本号）',
  params: reportYearParams,
  body: reportVersionBody,
  response: reportDetail,
  async handler({ services, actor, params, body, write }) {
    const now = services.now();
    await getReport(services.database.db, params.year); // not found before seconds of forecasting
    const drafted = await draftReport(services.database.db, params.year, todayOf(now));
    return write((tx, audit) => redraft(tx, audit, actor!.userId, params.year, body.version, drafted, now));
  },
});

const update = defineRoute({
  method: 'PUT',
  url: '/api/employment-reports/:year',
  tags,
  access: edit,
  summary: '修改草稿的前言和结论与建议（须提供读取时的版本号；已发布的报告不能修改）',
  params: reportYearParams,
  body: reportEditBody,
  response: reportDetail,
  handler: ({ services, params, body, write }) => write((tx, audit) => editReport(tx, audit, params.year, body, services.now())),
});

const publish = defineRoute({
  method: 'POST',
  url: '/api/employment-reports/:year/publish',
  tags,
  access: edit,
  summary: '发布年度报告：此后内容冻结，并在公开统计页提供 PDF 和 .xlsx',
  params: reportYearParams,
  body: reportVersionBody,
  response: reportDetail,
  handler: ({ services, actor, params, body, write }) =>
    write((tx, audit) => publishReport(tx, audit, actor!.userId, params.year, body.version, services.now())),
});

const pdf = defineRoute({
  method: 'GET',
  url: '/api/employment-reports/:year/pdf',
  tags,
  access: read,
  summary: '年度报告的 A4 PDF（草稿注明“未发布”）',
  params: reportYearParams,
  async handler({ services, params, reply }) {
    const printed = await reportPdf(await draftedReport(services.database.db, params.year), services.now());
    pdfDownload(reply, `${params.year}年度${NAME}`, services.now());
    return printed;
  },
});

const xlsx = defineRoute({
  method: 'GET',
  url: '/api/employment-reports/:year/xlsx',
  tags,
  access: read,
  summary: '年度报告各表（.xlsx，每表一页，注明数据日期）',
  params: reportYearParams,
  async handler({ services, params, reply }) {
    const book = await reportWorkbook(await draftedReport(services.database.db, params.year));
    xlsxDownload(reply, `${params.year}年度${NAME}_数据表`, services.now());
    return book;
  },
});

const publicList = defineRoute({
  method: 'GET',
  url: '/api/public/employment-reports',
  tags,
  access: 'public',
  summary: '已发布的人才供需与就业状况年度报告（公开）',
  response: publicReportList,
  handler: ({ services }) => publishedReports(services.database.db),
});

const publicPdf = defineRoute({
  method: 'GET',
  url: '/api/public/employment-reports/:year/pdf',
  tags,
  access: 'public',
  summary: '已发布年度报告的 A4 PDF（公开；草稿不可见）',
  params: reportYearParams,
  async handler({ services, params, reply }) {
    const db = services.database.db;
    const printed = await reportPdf(await printable(db, await publishedReport(db, params.year)), services.now());
    pdfDownload(reply, `${params.year}年度${NAME}`, services.now(), true);
    return printed;
  },
});

const publicXlsx = defineRoute({
  method: 'GET',
  url: '/api/public/employment-reports/:year/xlsx',
  tags,
  access: 'public',
  summary: '已发布年度报告各表（.xlsx，公开）',
  params: reportYearParams,
  async handler({ services, params, reply }) {
    const db = services.database.db;
    const book = await reportWorkbook(await printable(db, await publishedReport(db, params.year)));
    xlsxDownload(reply, `${params.year}年度${NAME}_数据表`, services.now());
    return book;
  },
});

export const employmentReportRoutes: AnyRoute[] = [
  list,
  draft,
  detail,
  update,
  refresh,
  publish,
  pdf,
  xlsx,
  publicList,
  publicPdf,
  publicXlsx,
];
