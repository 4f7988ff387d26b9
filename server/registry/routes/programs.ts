import { idParams } from '../../../contracts/common.ts';
import { program, programCreate, programDetail, programListQuery, programPage, programUpdate } from '../../../contracts/programs.ts';
import { archiveRoutes } from '../../platform/http/archive-routes.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { createProgram, getProgramDetail, listPrograms, setProgramArchived, updateProgram } from '../repository/programs.ts';

const list = defineRoute({
  method: 'GET',
  url: '/api/programs',
  tags: ['programs'],
  access: { resource: 'program', action: 'read' },
  summary: '开设专业列表（按数据范围；可按学校、专业、层次和实践教学课时是否达标筛选）',
  query: programListQuery,
  response: programPage,
  handler: ({ services, access, query }) => listPrograms(services.database.db, access, query),
});

const detail = defineRoute({
  method: 'GET',
  url: '/api/programs/:id',
  tags: ['programs'],
  access: { resource: 'program', action: 'read' },
  summary: '开设专业详情：逐年招生和毕业人数，实践性教学课时占比是否达到《实施方案》要求（二 (三) 8）',
  params: idParams,
  response: programDetail,
  handler: ({ services, access, params }) => getProgramDetail(services.database.db, access, params.id),
});

const create = defineRoute({
  method: 'POST',
  url: '/api/programs',
  tags: ['programs'],
  access: { resource: 'program', action: 'create' },
  status: 201,
  summary: '登记开设专业（专业取自专业目录的某一版本）',
  body: programCreate,
  response: program,
  handler: ({ access, body, services, write }) => write((tx, audit) => createProgram(tx, audit, access, body, services.now())),
});

const update = defineRoute({
  method: 'PATCH',
  url: '/api/programs/:id',
  tags: ['programs'],
  access: { resource: 'program', action: 'update' },
  summary: '修改开设专业（需提供读取时的版本号；years 整体替换）',
  params: idParams,
  body: programUpdate,
  response: program,
  handler: ({ access, params, body, services, write }) =>
    write((tx, audit) => updateProgram(tx, audit, access, params.id, body, services.now())),
});

const archived = archiveRoutes({
  base: '/api/programs',
  tag: 'programs',
  access: { resource: 'program', action: 'archive' },
  noun: '开设专业',
  kept: '不删除：学生和专业群仍引用它',
  response: program,
  setArchived: setProgramArchived,
});

export const programRoutes: AnyRoute[] = [list, detail, create, update, ...archived];
