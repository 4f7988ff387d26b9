import { idParams } from '../../../contracts/common.ts';
import {
  application,
  applicationCheck as applicationCheckAnswer,
  applicationCheckQuery,
  applicationListQuery,
  applicationPage,
  applyRequest,
  decisionRequest,
  rejectRequest,
} from '../../../contracts/internships.ts';
import { todayOf } from '../../../core/calendar.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { accept, applicationCheck, apply, approve, getApplication, listApplications, reject } from '../repository/applications.ts';

export const applicationRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/internship-applications',
    tags: ['internships'],
    access: { resource: 'internshipApplication', action: 'read' },
    summary: '实习申请列表（学生本人、学校、企业、区县按范围）',
    query: applicationListQuery,
    response: applicationPage,
    handler: ({ services, access, query }) => listApplications(services.database.db, access, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/internship-applications/:id',
    tags: ['internships'],
    access: { resource: 'internshipApplication', action: 'read' },
    summary: '实习申请详情',
    params: idParams,
    response: application,
    handler: ({ services, access, params }) => getApplication(services.database.db, access, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/internship-posts/:id/applications',
    tags: ['internships'],
    access: { resource: 'internshipApplication', action: 'apply' },
    status: 201,
    summary: '申请实习岗位（检查年龄、年级等规定）',
    params: idParams,
    body: applyRequest,
    response: application,
    handler: ({ actor, access, params, body, services, write }) =>
      write((tx, audit) => apply(tx, audit, actor!, access, params.id, body.studentId, todayOf(services.now()))),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/internship-posts/:id/application-check',
    tags: ['internships'],
    access: { resource: 'internshipApplication', action: 'apply' },
    summary: '能否申请该岗位：已截止、与本人已确定的实习时间重叠、不符合实习规定或已申请时说明原因',
    params: idParams,
    query: applicationCheckQuery,
    response: applicationCheckAnswer,
    handler: ({ actor, access, params, query, services }) =>
      applicationCheck(services.database.db, actor!, access, params.id, query.studentId, todayOf(services.now())),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/internship-applications/:id/approve',
    tags: ['internships'],
    access: { resource: 'internshipApplication', action: 'approve' },
    summary: '学校审核通过',
    params: idParams,
    body: decisionRequest,
    response: application,
    handler: ({ actor, access, params, write }) => write((tx, audit) => approve(tx, audit, actor!, access, params.id)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/internship-applications/:id/accept',
    tags: ['internships'],
    access: { resource: 'internshipApplication', action: 'accept' },
    summary: '企业接收：名额和比例上限在并发下也不会超出',
    params: idParams,
    body: decisionRequest,
    response: application,
    handler: ({ actor, access, params, services, write }) =>
      write((tx, audit) => accept(tx, audit, actor!, access, params.id, services.now())),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/internship-applications/:id/reject',
    tags: ['internships'],
    access: { resource: 'internshipApplication', action: 'reject' },
    summary: '学校或企业拒绝（须填写理由）',
    params: idParams,
    body: rejectRequest,
    response: application,
    handler: ({ actor, access, params, body, write }) => write((tx, audit) => reject(tx, audit, actor!, access, params.id, body.reason)),
  }),
];
