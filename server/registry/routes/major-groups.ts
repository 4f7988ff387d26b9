import { idParams } from '../../../contracts/common.ts';
import {
  majorGroup,
  majorGroupCreate,
  majorGroupDetail,
  majorGroupListQuery,
  majorGroupPage,
  majorGroupUpdate,
} from '../../../contracts/major-groups.ts';
import { accessFor } from '../../../core/authz/index.ts';
import { archiveRoutes } from '../../platform/http/archive-routes.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import {
  createMajorGroup,
  getMajorGroupDetail,
  listMajorGroups,
  setMajorGroupArchived,
  updateMajorGroup,
} from '../repository/major-groups.ts';

const list = defineRoute({
  method: 'GET',
  url: '/api/major-groups',
  tags: ['majorGroups'],
  access: { resource: 'majorGroup', action: 'read' },
  summary: '专业群列表（按数据范围；可按学校、产业集群、是否产教融合型重点专业筛选）',
  query: majorGroupListQuery,
  response: majorGroupPage,
  handler: ({ services, access, query }) => listMajorGroups(services.database.db, access, query),
});

const detail = defineRoute({
  method: 'GET',
  url: '/api/major-groups/:id',
  tags: ['majorGroups'],
  access: { resource: 'majorGroup', action: 'read' },
  summary: '专业群详情：成员专业及其是否属于所对接产业集群的专业',
  params: idParams,
  response: majorGroupDetail,
  handler: ({ services, access, params }) => getMajorGroupDetail(services.database.db, access, params.id),
});

const create = defineRoute({
  method: 'POST',
  url: '/api/major-groups',
  tags: ['majorGroups'],
  access: { resource: 'majorGroup', action: 'create' },
  status: 201,
  summary: '登记专业群（对接《实施方案》产业集群；产教融合型重点专业由市教育局认定）',
  body: majorGroupCreate,
  response: majorGroup,
  handler: ({ access, actor, body, services, write }) => {
    const designate = accessFor(actor!, { resource: 'majorGroup', action: 'designate' });
    return write((tx, audit) => createMajorGroup(tx, audit, access, designate, body, services.now()));
  },
});

const update = defineRoute({
  method: 'PATCH',
  url: '/api/major-groups/:id',
  tags: ['majorGroups'],
  access: { resource: 'majorGroup', action: 'update' },
  summary: '修改专业群（需提供读取时的版本号；programIds 整体替换；keyMajor 限市教育局）',
  params: idParams,
  body: majorGroupUpdate,
  response: majorGroup,
  handler: ({ access, actor, params, body, services, write }) => {
    const designate = accessFor(actor!, { resource: 'majorGroup', action: 'designate' });
    return write((tx, audit) => updateMajorGroup(tx, audit, access, designate, params.id, body, services.now()));
  },
});

const archived = archiveRoutes({
  base: '/api/major-groups',
  tag: 'majorGroups',
  access: { resource: 'majorGroup', action: 'archive' },
  noun: '专业群',
  kept: '保留成员记录',
  response: majorGroup,
  setArchived: setMajorGroupArchived,
});

export const majorGroupRoutes: AnyRoute[] = [list, detail, create, update, ...archived];
