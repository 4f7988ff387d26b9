import { idParams } from '../../../contracts/common.ts';
import {
  teacher,
  teacherCreate,
  teacherDetail,
  teacherDetailQuery,
  teacherListQuery,
  teacherPage,
  teacherPersonalInfo,
  teacherUpdate,
} from '../../../contracts/teachers.ts';
import { archiveRoutes } from '../../platform/http/archive-routes.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { createTeacher, getTeacherDetail, listTeachers, setTeacherArchived, updateTeacher } from '../repository/teachers.ts';
import { readTeacherPersonalInfo } from '../repository/teacher-identity.ts';
import { todayOf } from '../../../core/calendar.ts';

const list = defineRoute({
  method: 'GET',
  url: '/api/teachers',
  tags: ['teachers'],
  access: { resource: 'teacher', action: 'read' },
  summary: '教师列表（按数据范围；可按聘用类型、任教类别、是否“双师型”、是否已开通账号筛选）',
  query: teacherListQuery,
  response: teacherPage,
  handler: ({ services, access, query }) => listTeachers(services.database.db, access, query),
});

const detail = defineRoute({
  method: 'GET',
  url: '/api/teachers/:id',
  tags: ['teachers'],
  access: { resource: 'teacher', action: 'read' },
  summary: '教师详情：“双师型”佐证、企业实践记录，以及截至 asOf（默认今天）每5年累计企业实践是否满1年（二 (三) 10）',
  params: idParams,
  query: teacherDetailQuery,
  response: teacherDetail,
  handler: ({ services, access, params, query }) =>
    getTeacherDetail(services.database.db, access, params.id, query.asOf ?? todayOf(services.now())),
});

const personalInfo = defineRoute({
  method: 'GET',
  url: '/api/teachers/:id/personal-info',
  tags: ['teachers'],
  access: { resource: 'teacherPersonalInfo', action: 'read' },
  summary: '查看教师身份证号原文（每次查看均记录）',
  params: idParams,
  response: teacherPersonalInfo,
  handler: ({ services, access, params, actor, requestId }) =>
    readTeacherPersonalInfo(services.database.db, services.pii, access, params.id, { userId: actor!.userId, requestId }),
});

const create = defineRoute({
  method: 'POST',
  url: '/api/teachers',
  tags: ['teachers'],
  access: { resource: 'teacher', action: 'create' },
  status: 201,
  summary: '登记教师（认定为“双师型”须附证书信息）',
  body: teacherCreate,
  response: teacher,
  handler: ({ access, body, services, write }) =>
    write((tx, audit) => createTeacher(tx, audit, access, body, services.now(), services.pii)),
});

const update = defineRoute({
  method: 'PATCH',
  url: '/api/teachers/:id',
  tags: ['teachers'],
  access: { resource: 'teacher', action: 'update' },
  summary: '修改教师信息（需提供读取时的版本号；practicePeriods 整体替换）',
  params: idParams,
  body: teacherUpdate,
  response: teacher,
  handler: ({ access, params, body, services, write }) =>
    write((tx, audit) => updateTeacher(tx, audit, access, params.id, body, services.now(), services.pii)),
});

const archived = archiveRoutes({
  base: '/api/teachers',
  tag: 'teachers',
  access: { resource: 'teacher', action: 'archive' },
  noun: '教师',
  kept: '不删除：账号、企业实践记录保留',
  response: teacher,
  setArchived: setTeacherArchived,
});

export const teacherRoutes: AnyRoute[] = [list, detail, personalInfo, create, update, ...archived];
