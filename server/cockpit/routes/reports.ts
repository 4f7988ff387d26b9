import { todayOf } from '../../../core/calendar.ts';
import { idParams } from '../../../contracts/common.ts';
import { evidenceFile, evidenceParams, evidenceUploadQuery } from '../../../contracts/cockpit.ts';
import {
  league,
  leagueQuery,
  taskReport,
  taskReportListQuery,
  taskReportPage,
  taskReportRating,
  taskReportUpdate,
} from '../../../contracts/supervision.ts';
import { AppError } from '../../../core/errors.ts';
import { XLSX_MIME } from '../../platform/exports/xlsx-stream.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { addEvidence, readEvidence } from '../../platform/evidence.ts';
import { getTaskReport, listTaskReports, rateTaskReport, updateTaskReport } from '../repository/supervision.ts';
import { supervisionDocument, supervisionWorkbook } from '../supervision/exports.ts';
import { renderA4Pdf } from '../../platform/pdf/a4-document.ts';
import { pdfDownload } from '../../platform/exports/download.ts';
import { buildLeague } from '../supervision/league.ts';
import { sendFile, uploadedFile } from '../../platform/http/upload.ts';

const list = defineRoute({
  method: 'GET',
  url: '/api/reports',
  tags: ['supervision'],
  access: { resource: 'supervision', action: 'read' },
  summary: '任务进展报告列表（本单位的；区县看本区域的；市教育局看全部）',
  query: taskReportListQuery,
  response: taskReportPage,
  handler: ({ services, access, query }) => listTaskReports(services.database.db, access, query),
});

const detail = defineRoute({
  method: 'GET',
  url: '/api/reports/:id',
  tags: ['supervision'],
  access: { resource: 'supervision', action: 'read' },
  summary: '进展报告详情',
  params: idParams,
  response: taskReport,
  handler: ({ services, access, params }) => getTaskReport(services.database.db, access, params.id),
});

const update = defineRoute({
  method: 'PATCH',
  url: '/api/reports/:id',
  tags: ['supervision'],
  access: { resource: 'supervision', action: 'report' },
  summary: '修改本单位的进展报告（评分前；需提供读取时的版本号）',
  params: idParams,
  body: taskReportUpdate,
  response: taskReport,
  handler: ({ services, access, params, body, write }) =>
    write((tx, audit) => updateTaskReport(tx, audit, access, params.id, body, services.now())),
});

const rate = defineRoute({
  method: 'POST',
  url: '/api/reports/:id/rating',
  tags: ['supervision'],
  access: { resource: 'supervision', action: 'rate' },
  summary: '市教育局评分（0–100分）并填写评语',
  params: idParams,
  body: taskReportRating,
  response: taskReport,
  handler: ({ services, actor, params, body, write }) =>
    write((tx, audit) => rateTaskReport(tx, audit, params.id, actor!.userId, body, services.now())),
});

const upload = defineRoute({
  method: 'POST',
  url: '/api/reports/:id/evidence',
  tags: ['supervision'],
  access: { resource: 'supervision', action: 'report' },
  summary: '上传佐证材料（请求体为文件内容，application/octet-stream；PDF/JPG/PNG/XLSX/DOCX，按文件内容识别，不超过10 MB）',
  params: idParams,
  query: evidenceUploadQuery,
  response: evidenceFile,
  status: 201,
  handler: async ({ access, actor, params, query, req, write }) => {
    const { fileName, data } = uploadedFile(req, query.fileName);
    return write(async (tx, audit) => {
      const report = await getTaskReport(tx, access, params.id);
      if (report.status === 'rated') throw new AppError('CONFLICT', '该报告已评分，不能再上传材料');
      return addEvidence(tx, audit, 'taskReport', report.id, fileName, data, actor!.userId);
    });
  },
});

const download = defineRoute({
  method: 'GET',
  url: '/api/reports/:id/evidence/:fileId',
  tags: ['supervision'],
  access: { resource: 'supervision', action: 'read' },
  summary: '下载佐证材料',
  params: evidenceParams,
  handler: async ({ services, access, params, reply }) => {
    const report = await getTaskReport(services.database.db, access, params.id);
    return sendFile(reply, await readEvidence(services.database.db, 'taskReport', report.id, params.fileId));
  },
});

const leagueTable = defineRoute({
  method: 'GET',
  url: '/api/reports/league',
  tags: ['supervision'],
  access: { resource: 'supervision', action: 'read' },
  summary: '区县(市)、开发区督导考核排名（累计或某一期次；计分方案见政策文件）',
  query: leagueQuery,
  response: league,
  handler: ({ services, query }) => buildLeague(services.database.readDb, services.now(), query.period),
});

const exportXlsx = defineRoute({
  method: 'GET',
  url: '/api/reports/export',
  tags: ['supervision'],
  access: { resource: 'supervision', action: 'export' },
  summary: '导出督导情况（.xlsx：进展报告及评分、逾期未报、区县排名）',
  query: leagueQuery,
  handler: async ({ services, query, reply }) => {
    const data = await supervisionWorkbook(services.database.readDb, services.now(), query.period);
    const name = `任务督导_${query.period ?? '累计'}_${todayOf(services.now()).replace(/-/g, '')}.xlsx`;
    reply
      .header('content-type', XLSX_MIME)
      .header('content-disposition', `attachment; filename="supervision.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .header('cache-control', 'no-store');
    return data;
  },
});

const print = defineRoute({
  method: 'GET',
  url: '/api/reports/supervision.pdf',
  tags: ['supervision'],
  access: { resource: 'supervision', action: 'export' },
  summary: '督导报告（A4 PDF：区县排名、任务清单落实情况、逾期未报送清单）',
  query: leagueQuery,
  handler: async ({ services, query, reply }) => {
    const now = services.now();
    const pdf = await renderA4Pdf(await supervisionDocument(services.database.readDb, now, query.period));
    pdfDownload(reply, '任务落实督导报告', now, true);
    return pdf;
  },
});

export const reportRoutes: AnyRoute[] = [list, leagueTable, exportXlsx, print, detail, update, rate, upload, download];
