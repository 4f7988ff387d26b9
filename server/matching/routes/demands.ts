import { idParams } from '../../../contracts/common.ts';
import { demand, demandCreate, demandListQuery, demandPage, demandUpdate } from '../../../contracts/matching.ts';
import { accessFor } from '../../../core/authz/index.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { createDemand, getDemand, listDemands, updateDemand } from '../repository/demands.ts';

export const demandRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/demands',
    tags: ['matching'],
    access: { resource: 'demand', action: 'read' },
    summary: '企业需求列表（开放的需求人人可见；草稿仅本企业和市教育局）',
    query: demandListQuery,
    response: demandPage,
    handler: ({ services, actor, query }) =>
      listDemands(services.database.db, accessFor(actor!, { resource: 'demand', action: 'create' }), query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/demands/:id',
    tags: ['matching'],
    access: { resource: 'demand', action: 'read' },
    summary: '需求详情',
    params: idParams,
    response: demand,
    handler: ({ services, actor, params }) =>
      getDemand(services.database.db, accessFor(actor!, { resource: 'demand', action: 'create' }), params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/demands',
    tags: ['matching'],
    access: { resource: 'demand', action: 'create' },
    status: 201,
    summary: '发布需求：人才、实习（关联实习岗位）、员工培训、技术难题；市教育局可代企业发布',
    body: demandCreate,
    response: demand,
    handler: ({ actor, access, body, write }) => write((tx, audit) => createDemand(tx, audit, actor!, access, body)),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/demands/:id',
    tags: ['matching'],
    access: { resource: 'demand', action: 'update' },
    summary: '修改需求或其状态（开放、已满足、关闭）',
    params: idParams,
    body: demandUpdate,
    response: demand,
    handler: ({ access, params, body, write }) => write((tx, audit) => updateDemand(tx, audit, access, params.id, body)),
  }),
];
