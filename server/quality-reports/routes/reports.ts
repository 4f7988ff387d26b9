import {
  partsPut,
  publicReportQuery,
  qualityReport,
  reportIdParams,
  reportList,
  reportListQuery,
  reportYearParams,
  returnBody,
  versionBody,
} from '../../../contracts/quality-reports.ts';
import { accessFor, type Access, type Actor } from '../../../core/authz/index.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { approveReport, confirmReport, returnReport } from '../commands/review.ts';
import { saveParts, submitReport, tablesToFreeze } from '../commands/write.ts';
import { getReport, listReports, myReport, publishedReport, publishedReports } from '../repository/reports.ts';
import { sendReportPdf, sendReportXlsx } from './documents.ts';

/**
 * 质量年度报告 (三 18): the author's own report of a year (save parts, submit), the reports in the caller's scope, the
 * bureau's review (return with comments per part, approve to publish), a partner school's confirmation of an
 * enterprise's joint report, the printable PDF and the tables' .xlsx, and the published reports for anyone.
 */
const tags = ['quality-reports'];

const NONE: Access = { kind: 'none' };
/** Every grant a report's reader may hold, for what the report shows it may do. */
function accesses(actor: Actor | null, read: Access) {
  const of = (action: 'confirm' | 'review' | 'write') => (actor ? accessFor(actor, { resource: 'qualityReport', action }) : NONE);
  return { read, confirm: of('confirm'), review: of('review'), write: of('write') };
}

const list = defineRoute({
  method: 'GET',
  url: '/api/quality-reports',
  tags,
  access: { resource: 'qualityReport', action: 'read' },
  summary: '范围内的质量年度报告（学校、企业、全市中职；合作学校还可见与其联合发布的企业报告），待审核的排在前面',
  query: reportListQuery,
  response: reportList,
  handler: ({ services, access, actor, query }) => listReports(services.database.db, access, accesses(actor, access).confirm, query),
});

const mine = defineRoute({
  method: 'GET',
  url: '/api/quality-reports/mine/:year',
  tags,
  access: { resource: 'qualityReport', action: 'write' },
  summary: '本单位某年度的质量年度报告（未保存过时为空白草稿）：各部分正文、字数上限、由平台数据生成的指标表',
  params: reportYearParams,
  response: qualityReport,
  handler: ({ services, access, params }) => myReport(services.database.db, access, params.year, services.now()),
});

const save = defineRoute({
  method: 'PUT',
  url: '/api/quality-reports/mine/:year',
  tags,
  access: { resource: 'qualityReport', action: 'write' },
  summary: '保存本单位报告的部分正文（超过字数上限时指明部分；已提交的报告不能修改；须提供读取时的版本号）',
  params: reportYearParams,
  body: partsPut,
  response: qualityReport,
  async handler({ services, access, actor, params, body, write }) {
    await write((tx, audit) => saveParts(tx, audit, access, actor?.userId ?? null, params.year, body, services.now()));
    return myReport(services.database.db, access, params.year, services.now());
  },
});

const submit = defineRoute({
  method: 'POST',
  url: '/api/quality-reports/mine/:year/submit',
  tags,
  access: { resource: 'qualityReport', action: 'write' },
  summary: '提交本单位报告：各部分须已填写，指标表连同数据日期冻结；全市中职报告提交即公开',
  params: reportYearParams,
  body: versionBody,
  response: qualityReport,
  async handler({ services, access, actor, params, body, write }) {
    const db = services.database.db;
    const frozen = await tablesToFreeze(db, access, params.year, services.now());
    await write((tx, audit) => submitReport(tx, audit, access, actor?.userId ?? null, params.year, body.version, services.now(), frozen));
    return myReport(db, access, params.year, services.now());
  },
});

const detail = defineRoute({
  method: 'GET',
  url: '/api/quality-reports/:id',
  tags,
  access: { resource: 'qualityReport', action: 'read' },
  summary: '一份质量年度报告：正文、审核意见、指标表（提交后为冻结的快照）、合作学校确认情况',
  params: reportIdParams,
  response: qualityReport,
  handler: ({ services, access, actor, params }) => getReport(services.database.db, accesses(actor, access), params.id, services.now()),
});

const sendBack = defineRoute({
  method: 'POST',
  url: '/api/quality-reports/:id/return',
  tags,
  access: { resource: 'qualityReport', action: 'review' },
  summary: '市教育局退回报告修改，逐部分给出审核意见',
  params: reportIdParams,
  body: returnBody,
  response: qualityReport,
  async handler({ services, actor, params, body, write }) {
    const access = accesses(actor, readOf(actor));
    await write((tx, audit) => returnReport(tx, audit, access, actor?.userId ?? null, params.id, body, services.now()));
    return getReport(services.database.db, access, params.id, services.now());
  },
});

const approve = defineRoute({
  method: 'POST',
  url: '/api/quality-reports/:id/approve',
  tags,
  access: { resource: 'qualityReport', action: 'review' },
  summary: '市教育局审核通过并公开报告（企业报告须各合作学校确认后）',
  params: reportIdParams,
  body: versionBody,
  response: qualityReport,
  async handler({ services, actor, params, body, write }) {
    const access = accesses(actor, readOf(actor));
    await write((tx, audit) => approveReport(tx, audit, access, actor?.userId ?? null, params.id, body.version, services.now()));
    return getReport(services.database.db, access, params.id, services.now());
  },
});

const confirm = defineRoute({
  method: 'POST',
  url: '/api/quality-reports/:id/confirm',
  tags,
  access: { resource: 'qualityReport', action: 'confirm' },
  summary: '合作学校确认与企业联合发布其质量年度报告',
  params: reportIdParams,
  response: qualityReport,
  async handler({ services, actor, params, write }) {
    const access = accesses(actor, readOf(actor));
    await write((tx, audit) => confirmReport(tx, audit, access, actor?.userId ?? null, params.id, services.now()));
    return getReport(services.database.db, access, params.id, services.now());
  },
});

const pdf = defineRoute({
  method: 'GET',
  url: '/api/quality-reports/:id/pdf',
  tags,
  access: { resource: 'qualityReport', action: 'read' },
  summary: '报告的 A4 PDF（正文与附表，附表注明数据日期；未公开的报告标明状态）',
  params: reportIdParams,
  handler: async ({ services, access, actor, params, reply }) =>
    sendReportPdf(reply, await getReport(services.database.db, accesses(actor, access), params.id, services.now()), services.now()),
});

const xlsx = defineRoute({
  method: 'GET',
  url: '/api/quality-reports/:id/xlsx',
  tags,
  access: { resource: 'qualityReport', action: 'read' },
  summary: '报告附表（六张指标表）的 .xlsx',
  params: reportIdParams,
  handler: async ({ services, access, actor, params, reply }) =>
    sendReportXlsx(reply, await getReport(services.database.db, accesses(actor, access), params.id, services.now()), services.now()),
});

const publicList = defineRoute({
  method: 'GET',
  url: '/api/public/quality-reports',
  tags,
  access: 'public',
  summary: '已公开的质量年度报告（学校、企业与合作学校联合发布、全市中职）',
  query: publicReportQuery,
  response: reportList,
  handler: ({ services, query }) => publishedReports(services.database.db, query),
});

const publicDetail = defineRoute({
  method: 'GET',
  url: '/api/public/quality-reports/:id',
  tags,
  access: 'public',
  summary: '一份已公开的质量年度报告',
  params: reportIdParams,
  response: qualityReport,
  handler: ({ services, params }) => publishedReport(services.database.db, params.id, services.now()),
});

const publicPdf = defineRoute({
  method: 'GET',
  url: '/api/public/quality-reports/:id/pdf',
  tags,
  access: 'public',
  summary: '已公开报告的 A4 PDF',
  params: reportIdParams,
  handler: async ({ services, params, reply }) =>
    sendReportPdf(reply, await publishedReport(services.database.db, params.id, services.now()), services.now()),
});

/** The reviewer's and partner's reads reach what the read grant reaches. */
const readOf = (actor: Actor | null): Access => (actor ? accessFor(actor, { resource: 'qualityReport', action: 'read' }) : NONE);

export const qualityReportRoutes: AnyRoute[] = [
  list,
  mine,
  save,
  submit,
  detail,
  sendBack,
  approve,
  confirm,
  pdf,
  xlsx,
  publicList,
  publicDetail,
  publicPdf,
];
