import { idParams } from '../../../../contracts/common.ts';
import { school, schoolListQuery, schoolPage, schoolUpdate } from '../../../../contracts/registry.ts';
import { defineRoute, type AnyRoute } from '../../../http/route.ts';
import { getSchool, listSchools, updateSchool } from '../../../repositories/schools.ts';

const list = defineRoute({
  method: 'GET', url: '/api/schools', tags: ['schools'], access: { resource: 'school', action: 'read' },
  summary: '学校列表（按数据范围）',
  query: schoolListQuery, response: schoolPage,
  handler: ({ services, access, query }) => listSchools(services.database.db, access, query),
});

const detail = defineRoute({
  method: 'GET', url: '/api/schools/:id', tags: ['schools'], access: { resource: 'school', action: 'read' },
  summary: '学校详情', params: idParams, response: school,
  handler: ({ services, access, params }) => getSchool(services.database.db, access, params.id),
});

const update = defineRoute({
  method: 'PATCH', url: '/api/schools/:id', tags: ['schools'], access: { resource: 'school', action: 'update' },
  summary: '修改学校信息（需提供读取时的版本号）', params: idParams, body: schoolUpdate, response: school,
  handler: ({ access, params, body, services, write }) =>
    write((tx, audit) => updateSchool(tx, audit, access, params.id, body, services.now())),
});

export const schoolRoutes: AnyRoute[] = [list, detail, update];
