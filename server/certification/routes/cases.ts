import { actingOrganisation } from '../../../core/authz/index.ts';
import { todayOf } from '../../../core/calendar.ts';
import { AppError } from '../../../core/errors.ts';
import { idParams } from '../../../contracts/common.ts';
import { evidenceFile, evidenceParams, evidenceUploadQuery } from '../../../contracts/cockpit.ts';
import {
  annualReportCreate,
  caseApply,
  caseDecision,
  caseListQuery,
  certificationCase,
  certificationCasePage,
  certifiedList,
  districtReview,
  eligibility,
  enterpriseParams,
  expertReviewOpen,
  planPublish,
} from '../../../contracts/certification.ts';
import { addEvidence, evidenceOf, readEvidence } from '../../platform/evidence.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { sendFile, uploadedFile } from '../../platform/http/upload.ts';
import {
  applyForCertification,
  certifiedEnterprises,
  decide,
  eligibilityOf,
  getCase,
  listCases,
  openExpertReview,
  publishPlan,
  reviewInDistrict,
  submitAnnualReport,
} from '../repository/cases.ts';
import { z } from 'zod';

const tags = ['certification'];

const selfCheck = defineRoute({
  method: 'GET',
  url: '/api/certification/enterprises/:enterpriseId/eligibility',
  tags,
  access: { resource: 'certificationCase', action: 'read' },
  summary: '产教融合型企业条件自查：逐项列出基本条件与择一条件，平台数据可核验的已核验（满足/不满足），其余需上传佐证材料',
  params: enterpriseParams,
  response: eligibility,
  handler: ({ services, access, params }) => eligibilityOf(services.database.db, access, params.enterpriseId, todayOf(services.now())),
});

const list = defineRoute({
  method: 'GET',
  url: '/api/certification/cases',
  tags,
  access: { resource: 'certificationCase', action: 'read' },
  summary: '产教融合型企业申报与培育认定流程（按阶段；区县看本区县，市教育局与市直部门看全市）',
  query: caseListQuery,
  response: certificationCasePage,
  handler: ({ services, access, query }) => listCases(services.database.db, access, query, todayOf(services.now())),
});

const detail = defineRoute({
  method: 'GET',
  url: '/api/certification/cases/:id',
  tags,
  access: { resource: 'certificationCase', action: 'read' },
  summary: '申报详情：各阶段日期、期限（规划逾期、培育期、年度报告）与申报时预填的登记数据',
  params: idParams,
  response: certificationCase.extend({ evidence: z.array(evidenceFile) }),
  handler: async ({ services, access, params }) => {
    const db = services.database.db;
    const c = await getCase(db, access, params.id, todayOf(services.now()));
    return { ...c, evidence: (await evidenceOf(db, 'certificationCase', [c.id])).get(c.id) ?? [] };
  },
});

const apply = defineRoute({
  method: 'POST',
  url: '/api/certification/cases',
  tags,
  access: { resource: 'certificationCase', action: 'apply' },
  status: 201,
  summary: '企业申报产教融合型企业（登记数据自动预填；在办申报或取消认定后5年内不得申报）',
  body: caseApply,
  response: certificationCase,
  handler: ({ services, access, body, write }) => {
    const now = services.now();
    return write((tx, audit) => applyForCertification(tx, audit, access, body, todayOf(now), now));
  },
});

const review = defineRoute({
  method: 'POST',
  url: '/api/certification/cases/:id/district-review',
  tags,
  access: { resource: 'certificationCase', action: 'districtReview' },
  summary: '区县初审（通过或不通过，附意见）',
  params: idParams,
  body: districtReview,
  response: certificationCase,
  handler: ({ services, access, params, body, write }) => {
    const now = services.now();
    return write((tx, audit) => reviewInDistrict(tx, audit, access, params.id, body, todayOf(now), now));
  },
});

const decision = defineRoute({
  method: 'POST',
  url: '/api/certification/cases/:id/decisions',
  tags,
  access: { resource: 'certificationCase', action: 'decide' },
  summary:
    '市教育局决定：资格审查、确认专家评审结论（按专家评分汇总，全部评分提交后；评审文件可选）、纳入培育储备库、认定（级别与文号）、公示期满确认、取消认定（事由）',
  params: idParams,
  body: caseDecision,
  response: certificationCase,
  handler: ({ services, access, params, body, write }) => {
    const now = services.now();
    return write((tx, audit) => decide(tx, audit, access, params.id, body, todayOf(now), now));
  },
});

const openReview = defineRoute({
  method: 'POST',
  url: '/api/certification/cases/:id/expert-review',
  tags,
  access: { resource: 'certificationCase', action: 'decide' },
  status: 201,
  summary: '市教育局发起专家评审：资格审查通过的申报进入评审（回避申报企业及其合作方的专家，评分细则与人数见政策文件）',
  params: idParams,
  body: expertReviewOpen,
  response: certificationCase,
  handler: ({ services, access, actor, params, body, write }) => {
    const organisationId = actingOrganisation(actor!, { resource: 'certificationCase', action: 'decide' });
    if (!organisationId) throw new AppError('FORBIDDEN', '您的账号不属于任何单位');
    const today = todayOf(services.now());
    return write((tx, audit) => openExpertReview(tx, audit, access, organisationId, params.id, body.version, today));
  },
});

const plan = defineRoute({
  method: 'POST',
  url: '/api/certification/cases/:id/plan',
  tags,
  access: { resource: 'certificationCase', action: 'report' },
  summary: '企业公开三年建设规划（纳入培育储备库后3个月内）',
  params: idParams,
  body: planPublish,
  response: certificationCase,
  handler: ({ services, access, params, body, write }) => {
    const now = services.now();
    return write((tx, audit) => publishPlan(tx, audit, access, params.id, body, todayOf(now), now));
  },
});

const annual = defineRoute({
  method: 'POST',
  url: '/api/certification/cases/:id/annual-reports',
  tags,
  access: { resource: 'certificationCase', action: 'report' },
  status: 201,
  summary: '报送年度产教融合报告（次年1月底前；数据由当年申报与登记信息预填）',
  params: idParams,
  body: annualReportCreate,
  response: certificationCase,
  handler: ({ services, access, actor, params, body, write }) => {
    const now = services.now();
    return write((tx, audit) => submitAnnualReport(tx, audit, access, params.id, body, actor!.userId, todayOf(now), now));
  },
});

const upload = defineRoute({
  method: 'POST',
  url: '/api/certification/cases/:id/evidence',
  tags,
  access: { resource: 'certificationCase', action: 'attach' },
  status: 201,
  summary: '上传申报佐证材料或专家评审意见（application/octet-stream；PDF/JPG/PNG/XLSX/DOCX，不超过10 MB）',
  params: idParams,
  query: evidenceUploadQuery,
  response: evidenceFile,
  handler: async ({ services, access, actor, params, query, req, write }) => {
    const { fileName, data } = uploadedFile(req, query.fileName);
    const today = todayOf(services.now());
    return write(async (tx, audit) => {
      const c = await getCase(tx, access, params.id, today);
      return addEvidence(tx, audit, 'certificationCase', c.id, fileName, data, actor!.userId);
    });
  },
});

const download = defineRoute({
  method: 'GET',
  url: '/api/certification/cases/:id/evidence/:fileId',
  tags,
  access: { resource: 'certificationCase', action: 'read' },
  summary: '下载申报材料',
  params: evidenceParams,
  handler: async ({ services, access, params, reply }) => {
    const db = services.database.db;
    const c = await getCase(db, access, params.id, todayOf(services.now()));
    return sendFile(reply, await readEvidence(db, 'certificationCase', c.id, params.fileId));
  },
});

const certified = defineRoute({
  method: 'GET',
  url: '/api/public/certified-enterprises',
  tags,
  access: 'public',
  summary: '产教融合型企业名单（公开：认定级别、文号、认定日期与有效期；公示中的另行标注）',
  response: certifiedList,
  handler: ({ services }) => certifiedEnterprises(services.database.db, todayOf(services.now())),
});

export const caseRoutes: AnyRoute[] = [
  selfCheck,
  list,
  detail,
  apply,
  review,
  decision,
  openReview,
  plan,
  annual,
  upload,
  download,
  certified,
];
