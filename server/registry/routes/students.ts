import { idParams } from '../../../contracts/common.ts';
import { student, studentCreate, studentListQuery, studentPage, studentPersonalInfo, studentUpdate } from '../../../contracts/registry.ts';
import { archiveRoutes } from '../../platform/http/archive-routes.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { createStudent, setStudentArchived, updateStudent } from '../repository/student-writes.ts';
import { getStudent, listStudents, readStudentPersonalInfo } from '../repository/students.ts';

const list = defineRoute({
  method: 'GET',
  url: '/api/students',
  tags: ['students'],
  access: { resource: 'student', action: 'read' },
  summary: '学生列表（身份证号、手机号已脱敏；已归档的默认不显示）',
  query: studentListQuery,
  response: studentPage,
  handler: ({ services, access, query }) => listStudents(services.database.db, access, query),
});

const detail = defineRoute({
  method: 'GET',
  url: '/api/students/:id',
  tags: ['students'],
  access: { resource: 'student', action: 'read' },
  summary: '学生详情（脱敏）',
  params: idParams,
  response: student,
  handler: ({ services, access, params }) => getStudent(services.database.db, access, params.id),
});

const personalInfo = defineRoute({
  method: 'GET',
  url: '/api/students/:id/personal-info',
  tags: ['students'],
  access: { resource: 'studentPersonalInfo', action: 'read' },
  summary: '查看学生身份证号和手机号原文（每次查看均记录）',
  params: idParams,
  response: studentPersonalInfo,
  handler: ({ services, access, params, actor, requestId }) =>
    readStudentPersonalInfo(services.database.db, services.pii, access, params.id, { userId: actor!.userId, requestId }),
});

const create = defineRoute({
  method: 'POST',
  url: '/api/students',
  tags: ['students'],
  access: { resource: 'student', action: 'create' },
  status: 201,
  summary: '登记学生（身份证号按GB 11643校验，出生日期和性别由号码推出并核对；身份证号、手机号加密存储）',
  body: studentCreate,
  response: student,
  handler: ({ access, body, services, write }) =>
    write((tx, audit) => createStudent(tx, audit, access, body, { pii: services.pii, now: services.now() })),
});

const update = defineRoute({
  method: 'PATCH',
  url: '/api/students/:id',
  tags: ['students'],
  access: { resource: 'student', action: 'update' },
  summary: '修改学生信息（需提供读取时的版本号）',
  params: idParams,
  body: studentUpdate,
  response: student,
  handler: ({ access, params, body, services, write }) =>
    write((tx, audit) => updateStudent(tx, audit, access, params.id, body, { pii: services.pii, now: services.now() })),
});

const archived = archiveRoutes({
  base: '/api/students',
  tag: 'students',
  access: { resource: 'student', action: 'archive' },
  noun: '学生记录',
  kept: '误录、重复；不删除',
  response: student,
  setArchived: setStudentArchived,
});

export const studentRoutes: AnyRoute[] = [list, detail, personalInfo, create, update, ...archived];
