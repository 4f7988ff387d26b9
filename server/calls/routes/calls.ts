import { z } from 'zod';
import { idParams } from '../../../contracts/common.ts';
import {
  application,
  applicationCreate,
  applicationListQuery,
  applicationPage,
  applicationPrefill,
  applicationUpdate,
  call,
  callCreate,
  callKindList,
  callListQuery,
  callPage,
  callStep,
  callUpdate,
  decisionRequest,
  objection,
  objectionAnswer,
  objectionList,
  objectionRaise,
  publicCalls,
  ranking,
} from '../../../contracts/calls.ts';
import { accessFor, type Actor } from '../../../core/authz/index.ts';
import { callsPolicy } from '../../../policy/index.ts';
import { pdfDownload, xlsxDownload } from '../../platform/exports/download.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { decisionListPdf } from '../decision-list.ts';
import { exportApplications, exportDecisions, exportScores } from '../exports.ts';
import { answerObjection, callObjectionList, myObjection, raiseObjection } from '../repository/objections.ts';
import {
  createApplication,
  confirmPartner,
  getApplication,
  listApplications,
  prefill,
  submitApplication,
  updateApplication,
  withdrawApplication,
  type ApplicationAccess,
} from '../repository/applications.ts';
import {
  callRanking,
  createCall,
  decideCall,
  getCall,
  kindView,
  listCalls,
  openCall,
  publicCalls as publicList,
  publishCall,
  startReview,
  updateCall,
} from '../repository/calls.ts';

const tags = ['calls'];
const manageOf = (actor: Actor) => accessFor(actor, { resource: 'call', action: 'manage' });
const appAccess = (actor: Actor): ApplicationAccess => ({
  read: accessFor(actor, { resource: 'callApplication', action: 'read' }),
  manage: manageOf(actor),
});

const step = (url: string, summary: string, run: typeof openCall) =>
  defineRoute({
    method: 'POST',
    url,
    tags,
    access: { resource: 'call', action: 'manage' },
    summary,
    params: idParams,
    body: callStep,
    response: call,
    handler: ({ services, access, params, body, write }) =>
      write((tx, audit) => run(tx, audit, access, params.id, body.version, services.now())),
  });

export const callRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/call-kinds',
    tags,
    access: 'authenticated',
    summary: '项目申报类别（政策文件）：对应目标、申报主体、申报条件、申报材料、评分细则',
    response: callKindList,
    handler: async () => callsPolicy.kinds.map(kindView),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/public/calls',
    tags,
    access: 'public',
    summary: '公开页面：正在申报的指南和已公示的立项结果',
    response: publicCalls,
    handler: ({ services }) => publicList(services.database.db, services.now()),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/calls',
    tags,
    access: { resource: 'call', action: 'read' },
    summary: '申报指南列表（草稿仅发布单位可见）',
    query: callListQuery,
    response: callPage,
    handler: ({ services, actor, query }) => listCalls(services.database.db, manageOf(actor!), query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/calls/:id',
    tags,
    access: { resource: 'call', action: 'read' },
    summary: '申报指南详情',
    params: idParams,
    response: call,
    handler: ({ services, actor, params }) => getCall(services.database.db, manageOf(actor!), params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/calls',
    tags,
    access: { resource: 'call', action: 'manage' },
    status: 201,
    summary: '起草申报指南（类别取自政策文件，填写预算和起止日期）',
    body: callCreate,
    response: call,
    handler: ({ actor, access, body, write }) => write((tx, audit) => createCall(tx, audit, actor!, access, body)),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/calls/:id',
    tags,
    access: { resource: 'call', action: 'manage' },
    summary: '修改申报指南草稿',
    params: idParams,
    body: callUpdate,
    response: call,
    handler: ({ access, params, body, write }) => write((tx, audit) => updateCall(tx, audit, access, params.id, body)),
  }),
  step('/api/calls/:id/open', '发布申报指南：符合条件的学校、企业收到通知，公开页面可见', openCall),
  step('/api/calls/:id/review', '申报截止后进入评审：已提交的申报书交专家评审', startReview),
  step('/api/calls/:id/publish', '公示立项结果（公示期按政策文件）', publishCall),
  defineRoute({
    method: 'GET',
    url: '/api/calls/:id/ranking',
    tags,
    access: { resource: 'call', action: 'manage' },
    summary: '评审排名：每份申报的汇总分、名次、偏离提示数和立项结果',
    params: idParams,
    response: ranking,
    handler: ({ services, access, params }) => callRanking(services.database.db, access, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/calls/:id/decisions',
    tags,
    access: { resource: 'call', action: 'manage' },
    summary: '立项决定：立项的申报和金额，合计不超过预算、各不超过申请金额（带版本号，两人同时决定时后者须刷新）',
    params: idParams,
    body: decisionRequest,
    response: ranking,
    handler: ({ services, access, params, body, write }) =>
      write((tx, audit) => decideCall(tx, audit, access, params.id, body, services.now())),
  }),
  ...(
    [
      ['applications', '申报书', exportApplications],
      ['scores', '专家评分', exportScores],
      ['decisions', '立项结果', exportDecisions],
    ] as const
  ).map(([what, name, run]) =>
    defineRoute({
      method: 'GET',
      url: `/api/calls/:id/export/${what}`,
      tags,
      access: { resource: 'call', action: 'manage' },
      summary: `导出${name}（.xlsx）`,
      params: idParams,
      async handler({ services, access, params, reply }) {
        const stream = await run(services.database.db, access, params.id);
        xlsxDownload(reply, name, services.now());
        return stream;
      },
    }),
  ),
];

export const applicationRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/call-applications',
    tags,
    access: 'authenticated',
    summary: '申报书列表：本单位的和作为合作单位的；发布单位看本单位指南的全部；区县看本区县申报单位的',
    query: applicationListQuery,
    response: applicationPage,
    handler: ({ services, actor, query }) => listApplications(services.database.db, appAccess(actor!), query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/call-applications/:id',
    tags,
    access: 'authenticated',
    summary: '申报书详情（含合作单位确认情况与申报条件核验结果）',
    params: idParams,
    response: application,
    handler: ({ services, actor, params }) => getApplication(services.database.db, appAccess(actor!), params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/calls/:id/prefill',
    tags,
    access: { resource: 'callApplication', action: 'write' },
    summary: '申报预填：本单位载体的合作单位、本校在册教师、所属产业集群',
    params: idParams,
    response: applicationPrefill,
    handler: ({ services, actor, params }) => prefill(services.database.db, actor!, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/calls/:id/applications',
    tags,
    access: { resource: 'callApplication', action: 'write' },
    status: 201,
    summary: '开始申报（每个单位每批一份，先存草稿）',
    params: idParams,
    body: applicationCreate,
    response: application,
    handler: ({ services, actor, params, body, write }) =>
      write((tx, audit) => createApplication(tx, audit, actor!, appAccess(actor!), params.id, body.title, services.now())),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/call-applications/:id',
    tags,
    access: { resource: 'callApplication', action: 'write' },
    summary: '编辑申报书草稿（合作单位、团队成员、申报材料、申请金额）',
    params: idParams,
    body: applicationUpdate,
    response: application,
    handler: ({ services, actor, access, params, body, write }) =>
      write((tx, audit) => updateApplication(tx, audit, access, appAccess(actor!), params.id, body, services.now())),
  }),
  ...(
    [
      ['submit', '提交申报书（截止日期前；逐条核验申报条件，不符合的逐条列出）', submitApplication],
      ['withdraw', '撤回申报书（截止日期前）', withdrawApplication],
    ] as const
  ).map(([what, summary, run]) =>
    defineRoute({
      method: 'POST',
      url: `/api/call-applications/:id/${what}`,
      tags,
      access: { resource: 'callApplication', action: 'write' },
      summary,
      params: idParams,
      body: callStep,
      response: application,
      handler: ({ services, actor, access, params, body, write }) =>
        write((tx, audit) => run(tx, audit, access, appAccess(actor!), params.id, body.version, services.now())),
    }),
  ),
  defineRoute({
    method: 'POST',
    url: '/api/call-applications/:id/confirm',
    tags,
    access: { resource: 'callApplication', action: 'write' },
    summary: '合作单位确认参与（本单位承担的内容）',
    params: idParams,
    body: z.strictObject({}),
    response: application,
    handler: ({ services, actor, access, params, write }) =>
      write((tx, audit) => confirmPartner(tx, audit, access, appAccess(actor!), params.id, services.now())),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/calls/:id/decision-list',
    tags,
    access: { resource: 'call', action: 'manage' },
    summary: '立项名单公示（A4 PDF）：立项决定作出后即可预览，公示后注明公示期和异议方式',
    params: idParams,
    async handler({ services, access, params, reply }) {
      const pdf = await decisionListPdf(services.database.db, access, params.id, services.now());
      pdfDownload(reply, '立项名单公示', services.now(), true);
      return pdf;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/public/calls/:id/decision-list',
    tags,
    access: 'public',
    summary: '已公示的立项名单（A4 PDF，公开）',
    params: idParams,
    async handler({ services, params, reply }) {
      const pdf = await decisionListPdf(services.database.db, null, params.id, services.now());
      pdfDownload(reply, '立项名单公示', services.now(), true);
      return pdf;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/call-applications/:id/objection',
    tags,
    access: { resource: 'callApplication', action: 'write' },
    status: 201,
    summary: '公示期内对本单位申报的评审结果提出异议（写明理由；每份申报一次）',
    params: idParams,
    body: objectionRaise,
    response: objection,
    handler: ({ services, actor, access, params, body, write }) =>
      write((tx, audit) => raiseObjection(tx, audit, access, actor!.userId, params.id, body.reasons, services.now())),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/call-applications/:id/objection',
    tags,
    access: { resource: 'callApplication', action: 'read' },
    summary: '对一份申报提出的异议及答复（未提出时为空；能查看申报书的单位可查看）',
    params: idParams,
    response: z.object({ objection: objection.nullable() }),
    handler: ({ services, actor, params }) => myObjection(services.database.db, appAccess(actor!), params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/calls/:id/objections',
    tags,
    access: { resource: 'call', action: 'manage' },
    summary: '一批申报公示期内收到的异议及答复，公示期是否结束、结果是否生效',
    params: idParams,
    response: objectionList,
    handler: ({ services, access, params }) => callObjectionList(services.database.db, access, params.id, services.now()),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/call-objections/:id/answer',
    tags,
    access: { resource: 'call', action: 'manage' },
    summary: '答复异议（成立或不成立，写明意见；须提供读取时的版本号），申报单位收到通知',
    params: idParams,
    body: objectionAnswer,
    response: objection,
    handler: ({ services, actor, access, params, body, write }) =>
      write((tx, audit) => answerObjection(tx, audit, access, actor!.userId, params.id, body, services.now())),
  }),
];
