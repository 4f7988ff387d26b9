import { idParams } from '../../../contracts/common.ts';
import { carrier, carrierCreate, carrierListQuery, carrierPage, carrierUpdate } from '../../../contracts/carriers.ts';
import { accessFor } from '../../../core/authz/index.ts';
import { archiveRoutes } from '../../platform/http/archive-routes.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { createCarrier, getCarrier, listCarriers, setCarrierArchived, updateCarrier } from '../repository/carriers.ts';

const list = defineRoute({
  method: 'GET',
  url: '/api/carriers',
  tags: ['carriers'],
  access: { resource: 'carrier', action: 'read' },
  summary: '产教融合载体列表（牵头单位、参与单位及其所在区县可见）',
  query: carrierListQuery,
  response: carrierPage,
  handler: ({ services, access, query }) => listCarriers(services.database.db, access, query),
});

const detail = defineRoute({
  method: 'GET',
  url: '/api/carriers/:id',
  tags: ['carriers'],
  access: { resource: 'carrier', action: 'read' },
  summary: '载体详情',
  params: idParams,
  response: carrier,
  handler: ({ services, access, params }) => getCarrier(services.database.db, access, params.id),
});

const create = defineRoute({
  method: 'POST',
  url: '/api/carriers',
  tags: ['carriers'],
  access: { resource: 'carrier', action: 'create' },
  status: 201,
  summary: '登记载体（学校、企业限本单位牵头；区县限本区县；认定信息限市教育局）',
  body: carrierCreate,
  response: carrier,
  handler: ({ access, actor, body, services, write }) => {
    const powers = { certify: accessFor(actor!, { resource: 'carrier', action: 'certify' }) };
    return write((tx, audit) => createCarrier(tx, audit, access, powers, body, services.now()));
  },
});

const update = defineRoute({
  method: 'PATCH',
  url: '/api/carriers/:id',
  tags: ['carriers'],
  access: { resource: 'carrier', action: 'update' },
  summary: '修改载体（需提供读取时的版本号；参与单位只能查看）',
  params: idParams,
  body: carrierUpdate,
  response: carrier,
  handler: ({ access, actor, params, body, services, write }) => {
    const powers = { certify: accessFor(actor!, { resource: 'carrier', action: 'certify' }) };
    return write((tx, audit) => updateCarrier(tx, audit, access, powers, params.id, body, services.now()));
  },
});

const archived = archiveRoutes({
  base: '/api/carriers',
  tag: 'carriers',
  access: { resource: 'carrier', action: 'archive' },
  noun: '载体',
  kept: '不删除',
  response: carrier,
  setArchived: setCarrierArchived,
});

export const carrierRoutes: AnyRoute[] = [list, detail, create, update, ...archived];
