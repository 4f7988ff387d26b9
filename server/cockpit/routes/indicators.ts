import { idParams } from '../../../contracts/common.ts';
import {
  codeParams,
  evidenceFile,
  evidenceParams,
  evidenceUploadQuery,
  history,
  historyQuery,
  indicatorList,
  indicatorReport,
  indicatorReportCreate,
  indicatorReportListQuery,
  indicatorReportPage,
  indicatorReportReview,
  publicationUpdate,
} from '../../../contracts/cockpit.ts';
import { job } from '../../../contracts/jobs.ts';
import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import { indicatorDefinition } from '../../../core/indicators/index.ts';
import { currentPlan } from '../../../policy/index.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { resolveScope } from '../indicators/cockpit.ts';
import { INDICATORS_RECOMPUTE_JOB, queueRecompute } from '../indicators/job.ts';
import { publications, setPublication, valueHistory } from '../repository/indicators.ts';
import {
  createIndicatorReport,
  getIndicatorReport,
  listIndicatorReports,
  reviewIndicatorReport,
  targetByCode,
} from '../repository/indicators-reports.ts';
import { toJob } from '../../platform/jobs/repository.ts';
import { addEvidence, readEvidence } from '../../platform/evidence.ts';
import { sendFile, uploadedFile } from '../../platform/http/upload.ts';

const list = defineRoute({
  method: 'GET',
  url: '/api/indicators',
  tags: ['indicators'],
  access: { resource: 'indicator', action: 'read' },
  summary: '指标定义（按政策文件目标）：计算方式、口径、责任单位、是否公开',
  response: indicatorList,
  async handler({ services }) {
    const pubs = await publications(services.database.db);
    return {
      items: currentPlan.targets.map((t) => {
        const def = indicatorDefinition(t.code)!;
        return {
          code: t.code,
          name: t.name,
          article: t.article,
          unit: t.unit,
          method: def.method,
          basis: def.basis,
          published: pubs.get(t.code)?.published ?? false,
          publicationVersion: pubs.get(t.code)?.version ?? 0,
          responsibleUnits: t.responsibleUnits,
        };
      }),
    };
  },
});

const valueHistoryRoute = defineRoute({
  method: 'GET',
  url: '/api/indicators/:code/history',
  tags: ['indicators'],
  access: { resource: 'indicator', action: 'read' },
  summary: '指标历史值（每次重算一条；全市或某区县）',
  params: codeParams,
  query: historyQuery,
  response: history,
  async handler({ services, access, params, query }) {
    targetByCode(params.code);
    const { scope } = await resolveScope(services.database.db, access, query.districtId);
    return { code: params.code, scope, items: await valueHistory(services.database.db, params.code, scope, query.limit) };
  },
});

const recompute = defineRoute({
  method: 'POST',
  url: '/api/indicators/recompute',
  tags: ['indicators'],
  access: { resource: 'indicator', action: 'recompute' },
  summary: '重算全部指标（后台任务，进度见 /api/jobs/:id）',
  body: z.strictObject({}).optional(),
  response: job,
  status: 202,
  async handler({ services, actor, write }) {
    const row = await write(async (tx, audit) => {
      const queued = await queueRecompute(tx, actor!.userId, 'manual');
      await audit.record({ action: 'submit', entityType: 'job', entityId: queued.id, after: { kind: INDICATORS_RECOMPUTE_JOB } });
      return queued;
    });
    services.pokeJobs();
    return toJob(row);
  },
});

const publish = defineRoute({
  method: 'PUT',
  url: '/api/indicators/:code/publication',
  tags: ['indicators'],
  access: { resource: 'indicator', action: 'publish' },
  summary: '设置指标是否在公开统计页发布（留痕）',
  params: codeParams,
  body: publicationUpdate,
  response: z.object({ code: z.string(), published: z.boolean(), version: z.number() }),
  handler: ({ services, actor, params, body, write }) => {
    targetByCode(params.code);
    return write((tx, audit) => setPublication(tx, audit, params.code, body.published, actor!.userId, services.now()));
  },
});

const reports = defineRoute({
  method: 'GET',
  url: '/api/indicators/reports',
  tags: ['indicators'],
  access: { resource: 'indicator', action: 'read' },
  summary: '指标填报列表（区县看本区域的）',
  query: indicatorReportListQuery,
  response: indicatorReportPage,
  handler: ({ services, access, query }) => listIndicatorReports(services.database.db, access, query),
});

const reportDetail = defineRoute({
  method: 'GET',
  url: '/api/indicators/reports/:id',
  tags: ['indicators'],
  access: { resource: 'indicator', action: 'read' },
  summary: '指标填报详情',
  params: idParams,
  response: indicatorReport,
  handler: ({ services, access, params }) => getIndicatorReport(services.database.db, access, params.id),
});

const submit = defineRoute({
  method: 'POST',
  url: '/api/indicators/:code/reports',
  tags: ['indicators'],
  access: { resource: 'indicator', action: 'report' },
  summary: '责任单位填报指标值（仅“填报”类指标；比例以百分数计，如60表示60%）',
  params: codeParams,
  body: indicatorReportCreate,
  response: indicatorReport,
  status: 201,
  handler: ({ services, access, actor, params, body, write }) =>
    write((tx, audit) => createIndicatorReport(tx, audit, access, actor!.userId, params.code, body, services.now())),
});

const review = defineRoute({
  method: 'POST',
  url: '/api/indicators/reports/:id/review',
  tags: ['indicators'],
  access: { resource: 'indicator', action: 'review' },
  summary: '市教育局审核指标填报（通过后自动重算指标）',
  params: idParams,
  body: indicatorReportReview,
  response: indicatorReport,
  async handler({ services, actor, params, body, write }) {
    const result = await write(async (tx, audit) => {
      const reviewed = await reviewIndicatorReport(tx, audit, params.id, actor!.userId, body, services.now());
      if (reviewed.status === 'accepted') await queueRecompute(tx, actor!.userId, `report:${reviewed.id}`);
      return reviewed;
    });
    services.pokeJobs();
    return result;
  },
});

const upload = defineRoute({
  method: 'POST',
  url: '/api/indicators/reports/:id/evidence',
  tags: ['indicators'],
  access: { resource: 'indicator', action: 'report' },
  summary: '上传指标填报的佐证材料（application/octet-stream；PDF/JPG/PNG/XLSX/DOCX，不超过10 MB）',
  params: idParams,
  query: evidenceUploadQuery,
  response: evidenceFile,
  status: 201,
  handler: async ({ access, actor, params, query, req, write }) => {
    const { fileName, data } = uploadedFile(req, query.fileName);
    return write(async (tx, audit) => {
      // The report permission reaches the caller's own organisations: another unit's report is not found.
      const report = await getIndicatorReport(tx, access, params.id);
      if (report.status !== 'submitted') throw new AppError('CONFLICT', '该填报已审核，不能再上传材料');
      return addEvidence(tx, audit, 'indicatorReport', report.id, fileName, data, actor!.userId);
    });
  },
});

const download = defineRoute({
  method: 'GET',
  url: '/api/indicators/reports/:id/evidence/:fileId',
  tags: ['indicators'],
  access: { resource: 'indicator', action: 'read' },
  summary: '下载指标填报的佐证材料',
  params: evidenceParams,
  handler: async ({ services, access, params, reply }) => {
    const report = await getIndicatorReport(services.database.db, access, params.id);
    return sendFile(reply, await readEvidence(services.database.db, 'indicatorReport', report.id, params.fileId));
  },
});

export const indicatorRoutes: AnyRoute[] = [
  list,
  reports,
  recompute,
  reportDetail,
  review,
  upload,
  download,
  valueHistoryRoute,
  publish,
  submit,
];
