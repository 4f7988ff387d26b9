import { idParams } from '../../../../contracts/common.ts';
import { student, studentListQuery, studentPage, studentPersonalInfo } from '../../../../contracts/registry.ts';
import { defineRoute, type AnyRoute } from '../../../http/route.ts';
import { getStudent, listStudents, readStudentPersonalInfo } from '../../../repositories/students.ts';

const list = defineRoute({
  method: 'GET', url: '/api/students', tags: ['students'], access: { resource: 'student', action: 'read' },
  summary: '学生列表（身份证号、手机号已脱敏）', query: studentListQuery, response: studentPage,
  handler: ({ services, access, query }) => listStudents(services.database.db, access, query),
});

const detail = defineRoute({
  method: 'GET', url: '/api/students/:id', tags: ['students'], access: { resource: 'student', action: 'read' },
  summary: '学生详情（脱敏）', params: idParams, response: student,
  handler: ({ services, access, params }) => getStudent(services.database.db, access, params.id),
});

const personalInfo = defineRoute({
  method: 'GET', url: '/api/students/:id/personal-info', tags: ['students'],
  access: { resource: 'studentPersonalInfo', action: 'read' },
  summary: '查看学生身份证号和手机号原文（每次查看均记录）', params: idParams, response: studentPersonalInfo,
  handler: ({ services, access, params, actor, requestId }) =>
    readStudentPersonalInfo(services.database.db, services.pii, access, params.id, { userId: actor!.userId, requestId }),
});

export const studentRoutes: AnyRoute[] = [list, detail, personalInfo];
