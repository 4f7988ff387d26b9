import { idParams } from '../../../contracts/common.ts';
import { school, schoolCreate, schoolDetail, schoolListQuery, schoolPage, schoolUpdate } from '../../../contracts/registry.ts';
import { accessFor } from '../../../core/authz/index.ts';
import { archiveRoutes } from '../../platform/http/archive-routes.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { schoolStandings } from '../repository/school-standings.ts';
import { createSchool, getSchool, listSchools, setSchoolArchived, updateSchool } from '../repository/schools.ts';
import { todayOf } from '../../../core/calendar.ts';

const list = defineRoute({
  method: 'GET',
  url: '/api/schools',
  tags: ['schools'],
  access: { resource: 'school', action: 'read' },
  summary: '学校列表（按数据范围；已归档的默认不显示）',
  query: schoolListQuery,
  response: schoolPage,
  handler: ({ services, access, query }) => listSchools(services.database.db, access, query),
});

const detail = defineRoute({
  method: 'GET',
  url: '/api/schools/:id',
  tags: ['schools'],
  access: { resource: 'school', action: 'read' },
  summary: '学校详情，含兼职教师比例、“双师型”比例、教师企业实践和实践教学课时的达标情况（阈值取自政策文件）',
  params: idParams,
  response: schoolDetail,
  async handler({ services, access, params }) {
    const db = services.database.db;
    const found = await getSchool(db, access, params.id);
    return { ...found, standings: await schoolStandings(db, found, todayOf(services.now())) };
  },
});

const create = defineRoute({
  method: 'POST',
  url: '/api/schools',
  tags: ['schools'],
  access: { resource: 'school', action: 'create' },
  status: 201,
  summary: '登记学校（市教育局；学校标识码为10位数字）',
  body: schoolCreate,
  response: school,
  handler: ({ access, body, services, write }) => write((tx, audit) => createSchool(tx, audit, access, body, services.now())),
});

const update = defineRoute({
  method: 'PATCH',
  url: '/api/schools/:id',
  tags: ['schools'],
  access: { resource: 'school', action: 'update' },
  summary: '修改学校信息（需提供读取时的版本号；学校标识码、区县和办学层次的更正限区县和市教育局）',
  params: idParams,
  body: schoolUpdate,
  response: school,
  handler: ({ access, actor, params, body, services, write }) => {
    const correct = accessFor(actor!, { resource: 'school', action: 'correct' });
    return write((tx, audit) => updateSchool(tx, audit, access, correct, params.id, body, services.now()));
  },
});

const archived = archiveRoutes({
  base: '/api/schools',
  tag: 'schools',
  access: { resource: 'school', action: 'archive' },
  noun: '学校',
  kept: '不删除：其专业、教师、学生等记录保留可查',
  response: school,
  setArchived: setSchoolArchived,
});

export const schoolRoutes: AnyRoute[] = [list, detail, create, update, ...archived];
