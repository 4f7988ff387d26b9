import {
  assessmentListQuery,
  assessmentPage,
  assessmentPut,
  assessmentReview,
  demoApplication,
  demoApplicationPut,
  demoDecision,
  demoListQuery,
  demoPage,
  mySmartCampus as mySmartCampusSchema,
  smartCampusAssessment,
  smartCampusStandard,
} from '../../../contracts/digital.ts';
import { idParams } from '../../../contracts/common.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import {
  getAssessment,
  getStandard,
  listAssessments,
  publishStandard,
  putMyAssessment,
  reviewAssessment,
} from '../repository/smart-campus.ts';
import { applyDemo, decideDemo, getDemoApplication, listDemoApplications, mySmartCampus } from '../repository/demo-schools.ts';

/**
 * The smart-campus standard, schools' self-assessments and the bureau's review (smart_campus_share), and
 * applications to be a 智慧职教示范校 with the bureau's decision (smart_demo_schools), 二 (四) 11.
 */
const tags = ['digital'];

const standard = defineRoute({
  method: 'GET',
  url: '/api/digital/smart-campus/standard',
  tags,
  access: { resource: 'smartCampus', action: 'read' },
  summary: '现行智慧校园建设标准（市教育局发布的版本）及政策文件中的条目',
  response: smartCampusStandard,
  handler: ({ services }) => getStandard(services.database.db),
});

const publish = defineRoute({
  method: 'POST',
  url: '/api/digital/smart-campus/standard',
  tags,
  access: { resource: 'smartCampus', action: 'review' },
  summary: '市教育局发布政策文件中的智慧校园建设标准（与现行版本相同时不重复发布）',
  response: smartCampusStandard,
  handler: ({ services, actor, write }) => write((tx, audit) => publishStandard(tx, audit, actor?.userId ?? null, services.now())),
});

const assessments = defineRoute({
  method: 'GET',
  url: '/api/digital/smart-campus/assessments',
  tags,
  access: { resource: 'smartCampus', action: 'read' },
  summary: '对照现行标准的智慧校园自评（按数据范围；待审核的排在前面），及职业学校达标数',
  query: assessmentListQuery,
  response: assessmentPage,
  handler: ({ services, access, query }) => listAssessments(services.database.db, access, query),
});

const assessment = defineRoute({
  method: 'GET',
  url: '/api/digital/smart-campus/assessments/:id',
  tags,
  access: { resource: 'smartCampus', action: 'read' },
  summary: '一份智慧校园自评（逐条结果与依据）',
  params: idParams,
  response: smartCampusAssessment,
  handler: ({ services, access, params }) => getAssessment(services.database.db, access, params.id),
});

const mine = defineRoute({
  method: 'GET',
  url: '/api/digital/smart-campus/mine',
  tags,
  access: { resource: 'smartCampus', action: 'assess' },
  summary: '本校对照现行标准的智慧校园自评、示范校申报及能否申报',
  response: mySmartCampusSchema,
  handler: ({ services, access }) => mySmartCampus(services.database.db, access),
});

const assess = defineRoute({
  method: 'PUT',
  url: '/api/digital/smart-campus/mine',
  tags,
  access: { resource: 'smartCampus', action: 'assess' },
  summary: '学校对照现行标准逐条自评并提交审核（每条须填写且只能填写标准中的条目；审核通过前可更正，须提供版本号）',
  body: assessmentPut,
  response: smartCampusAssessment,
  handler: ({ services, access, actor, body, write }) =>
    write((tx, audit) => putMyAssessment(tx, audit, access, actor?.userId ?? null, body, services.now())),
});

const review = defineRoute({
  method: 'POST',
  url: '/api/digital/smart-campus/assessments/:id/review',
  tags,
  access: { resource: 'smartCampus', action: 'review' },
  summary: '市教育局审核一份待审核的智慧校园自评：通过或退回（退回须说明理由）',
  params: idParams,
  body: assessmentReview,
  response: smartCampusAssessment,
  handler: ({ services, access, actor, params, body, write }) =>
    write((tx, audit) => reviewAssessment(tx, audit, access, actor?.userId ?? null, params.id, body, services.now())),
});

const demoList = defineRoute({
  method: 'GET',
  url: '/api/digital/demo-schools',
  tags,
  access: { resource: 'smartDemoSchool', action: 'read' },
  summary: '智慧职教示范校申报（按数据范围；待认定的排在前面），附各校智慧校园自评情况',
  query: demoListQuery,
  response: demoPage,
  handler: ({ services, access, query }) => listDemoApplications(services.database.db, access, query),
});

const demoDetail = defineRoute({
  method: 'GET',
  url: '/api/digital/demo-schools/:id',
  tags,
  access: { resource: 'smartDemoSchool', action: 'read' },
  summary: '一份智慧职教示范校申报',
  params: idParams,
  response: demoApplication,
  handler: ({ services, access, params }) => getDemoApplication(services.database.db, access, params.id),
});

const apply = defineRoute({
  method: 'PUT',
  url: '/api/digital/demo-schools/mine',
  tags,
  access: { resource: 'smartDemoSchool', action: 'apply' },
  summary: '学校申报智慧职教示范校（须智慧校园自评经审核达标；不予认定后可再次申报，须提供版本号）',
  body: demoApplicationPut,
  response: demoApplication,
  handler: ({ services, access, actor, body, write }) =>
    write((tx, audit) => applyDemo(tx, audit, access, actor?.userId ?? null, body, services.now())),
});

const decide = defineRoute({
  method: 'POST',
  url: '/api/digital/demo-schools/:id/decision',
  tags,
  access: { resource: 'smartDemoSchool', action: 'decide' },
  summary: '市教育局认定或不予认定智慧职教示范校（认定时学校须仍达到智慧校园标准；不予认定须说明理由）',
  params: idParams,
  body: demoDecision,
  response: demoApplication,
  handler: ({ services, access, actor, params, body, write }) =>
    write((tx, audit) => decideDemo(tx, audit, access, actor?.userId ?? null, params.id, body, services.now())),
});

export const smartCampusRoutes: AnyRoute[] = [
  standard,
  publish,
  assessments,
  assessment,
  mine,
  assess,
  review,
  demoList,
  demoDetail,
  apply,
  decide,
];
