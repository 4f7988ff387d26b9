import { todayOf } from '../../../core/calendar.ts';
import { z } from 'zod';
import { idParams } from '../../../contracts/common.ts';
import {
  agreement,
  alertListQuery,
  enterpriseMentorRequest,
  schoolMentorRequest,
  alertPage,
  checkin,
  checkinCreate,
  checkinPage,
  commentCreate,
  completeRequest,
  evaluationCreate,
  insuranceRequest,
  internshipDetail,
  internshipListQuery,
  internshipPage,
  log,
  logComment,
  logCreate,
  logListQuery,
  logPage,
  logParams,
  reasonRequest,
  reassignRequest,
  signRequest,
  startRequest,
} from '../../../contracts/internship-lifecycle.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { generateAgreement, getAgreement, recordInsurance, signAgreement, startInternship } from '../repository/agreements.ts';
import { listAlerts } from '../repository/alerts.ts';
import { complete, reassign, terminate, withdraw } from '../repository/endings.ts';
import { getInternship, listInternships } from '../repository/internships.ts';
import { checkIn, commentLog, evaluate, listCheckins, listLogs, writeLog } from '../repository/progress.ts';
import { assignEnterpriseMentor, assignSchoolMentor } from '../repository/mentors.ts';
import { agreementDocument } from '../agreement.ts';
import { renderA4Pdf } from '../../platform/pdf/a4-document.ts';
import { pdfDownload } from '../../platform/exports/download.ts';

const tags = ['internships'];
const read = { resource: 'internship', action: 'read' } as const;

export const lifecycleRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/internships',
    tags,
    access: read,
    summary: '实习列表（学生本人、学校、企业、区县按范围）',
    query: internshipListQuery,
    response: internshipPage,
    handler: ({ services, access, query }) => listInternships(services.database.db, access, query, todayOf(services.now())),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/internships/:id',
    tags,
    access: read,
    summary: '实习详情：协议签署、保险、评价',
    params: idParams,
    response: internshipDetail,
    handler: ({ services, access, params }) => getInternship(services.database.db, access, params.id, todayOf(services.now())),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/internships/:id/agreement',
    tags,
    access: { resource: 'internship', action: 'draftAgreement' },
    summary: '按示范文本生成三方协议（尚无人签字时可重新生成）',
    params: idParams,
    body: z.strictObject({}),
    response: agreement,
    handler: ({ access, params, services, write }) => write((tx, audit) => generateAgreement(tx, audit, access, params.id, services.now())),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/internships/:id/agreement',
    tags,
    access: read,
    summary: '三方协议文本与签署情况',
    params: idParams,
    response: agreement,
    handler: ({ services, access, params }) => getAgreement(services.database.db, access, params.id, todayOf(services.now())),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/internships/:id/agreement.pdf',
    tags,
    access: read,
    summary: '三方协议（A4 PDF，含签署记录与文本摘要）',
    params: idParams,
    async handler({ services, access, params, reply }) {
      const now = services.now();
      const a = await getAgreement(services.database.db, access, params.id, todayOf(now));
      pdfDownload(reply, `三方协议_${a.id.slice(0, 8)}`, now, true);
      reply.send(await renderA4Pdf(agreementDocument(a, todayOf(now), now)));
      return null;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/internships/:id/agreement/signatures',
    tags,
    access: { resource: 'internship', action: 'sign' },
    status: 201,
    summary: '签署三方协议：学校、实习单位、学生本人各签一次；未满18周岁学生的监护人签字由学校登记',
    params: idParams,
    body: signRequest,
    response: agreement,
    handler: ({ actor, access, params, body, services, write }) =>
      write((tx, audit) => signAgreement(tx, audit, actor!, access, params.id, body, services.now())),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/internships/:id/insurance',
    tags,
    access: { resource: 'internship', action: 'insure' },
    summary: '登记实习责任保险（投保方为学校或实习单位，不得由学生承担）',
    params: idParams,
    body: insuranceRequest,
    response: internshipDetail,
    handler: ({ actor, access, params, body, services, write }) =>
      write((tx, audit) => recordInsurance(tx, audit, actor!, access, params.id, body, services.now())),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/internships/:id/start',
    tags,
    access: { resource: 'internship', action: 'start' },
    summary: '开始实习：三方协议签齐且保险覆盖开始日期',
    params: idParams,
    body: startRequest,
    response: internshipDetail,
    handler: ({ access, params, body, services, write }) =>
      write((tx, audit) => startInternship(tx, audit, access, params.id, body.startDate, services.now())),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/internships/:id/school-mentor',
    tags,
    access: { resource: 'internship', action: 'assignMentor' },
    summary: '学校指定学校指导教师（本校在职教师；此后由其评阅周志、评价并确认完成）',
    params: idParams,
    body: schoolMentorRequest,
    response: internshipDetail,
    handler: ({ actor, access, params, body, services, write }) =>
      write((tx, audit) => assignSchoolMentor(tx, audit, actor!, access, params.id, body.teacherId, services.now())),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/internships/:id/enterprise-mentor',
    tags,
    access: { resource: 'internship', action: 'assignMentor' },
    summary: '实习单位指定企业指导人员（姓名、手机号；手机号加密保存、脱敏显示）',
    params: idParams,
    body: enterpriseMentorRequest,
    response: internshipDetail,
    handler: ({ actor, access, params, body, services, write }) =>
      write((tx, audit) => assignEnterpriseMentor(tx, audit, actor!, access, services.pii, params.id, body, services.now())),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/internships/:id/logs',
    tags,
    access: read,
    summary: '实习周志及指导教师评语',
    params: idParams,
    query: logListQuery,
    response: logPage,
    handler: ({ services, access, params, query }) => listLogs(services.database.db, access, params.id, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/internships/:id/logs',
    tags,
    access: { resource: 'internship', action: 'log' },
    status: 201,
    summary: '学生提交实习周志',
    params: idParams,
    body: logCreate,
    response: log,
    handler: ({ actor, access, params, body, services, write }) =>
      write((tx, audit) => writeLog(tx, audit, actor!, access, params.id, body, services.now())),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/internships/:id/logs/:logId/comments',
    tags,
    access: { resource: 'internship', action: 'mentor' },
    status: 201,
    summary: '学校或企业指导教师评阅周志',
    params: logParams,
    body: commentCreate,
    response: logComment,
    handler: ({ actor, access, params, body, write }) =>
      write((tx, audit) => commentLog(tx, audit, actor!, access, params.id, params.logId, body.comment)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/internships/:id/checkins',
    tags,
    access: read,
    summary: '签到记录',
    params: idParams,
    query: logListQuery,
    response: checkinPage,
    handler: ({ services, access, params, query }) => listCheckins(services.database.db, access, params.id, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/internships/:id/checkins',
    tags,
    access: { resource: 'internship', action: 'log' },
    status: 201,
    summary: '学生每日签到（地点可选）',
    params: idParams,
    body: checkinCreate,
    response: checkin,
    handler: ({ actor, access, params, body, services, write }) =>
      write((tx, audit) => checkIn(tx, audit, actor!, access, params.id, body, services.now())),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/internships/:id/evaluations',
    tags,
    access: { resource: 'internship', action: 'mentor' },
    status: 201,
    summary: '中期 / 终期评价（学校、企业指导教师各一次）',
    params: idParams,
    body: evaluationCreate,
    response: internshipDetail,
    handler: ({ actor, access, params, body, services, write }) =>
      write((tx, audit) => evaluate(tx, audit, actor!, access, params.id, body, services.now())),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/internships/:id/complete',
    tags,
    access: { resource: 'internship', action: 'complete' },
    summary: '学校确认实习完成；合格的记入学分银行（岗位实习成果）',
    params: idParams,
    body: completeRequest,
    response: internshipDetail,
    handler: ({ actor, access, params, body, services, write }) =>
      write((tx, audit) => complete(tx, audit, actor!, access, params.id, body, services.now())),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/internships/:id/withdraw',
    tags,
    access: { resource: 'internship', action: 'withdraw' },
    summary: '学生退出实习（须填写理由，名额释放）',
    params: idParams,
    body: reasonRequest,
    response: internshipDetail,
    handler: ({ actor, access, params, body, services, write }) =>
      write((tx, audit) => withdraw(tx, audit, actor!, access, params.id, body.reason, services.now())),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/internships/:id/terminate',
    tags,
    access: { resource: 'internship', action: 'terminate' },
    summary: '学校或实习单位终止实习（须填写理由，名额释放）',
    params: idParams,
    body: reasonRequest,
    response: internshipDetail,
    handler: ({ actor, access, params, body, services, write }) =>
      write((tx, audit) => terminate(tx, audit, actor!, access, params.id, body.reason, services.now())),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/internships/:id/reassign',
    tags,
    access: { resource: 'internship', action: 'reassign' },
    summary: '学校为学生调换岗位（须填写理由；新岗位按名额和比例上限占位，原名额释放）',
    params: idParams,
    body: reassignRequest,
    response: internshipDetail,
    handler: ({ actor, access, params, body, services, write }) =>
      write((tx, audit) => reassign(tx, audit, actor!, access, params.id, body, services.now())),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/internship-alerts',
    tags,
    access: { resource: 'internshipAlert', action: 'read' },
    summary: '学校实习预警：协议未签齐、未投保、两周未交周志、报酬低于下限、时间超限',
    query: alertListQuery,
    response: alertPage,
    handler: ({ services, access, query }) => listAlerts(services.database.db, access, query, todayOf(services.now())),
  }),
];
