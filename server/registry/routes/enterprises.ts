import { idParams } from '../../../contracts/common.ts';
import {
  enterprise,
  enterpriseCreate,
  enterpriseDetail,
  enterpriseListQuery,
  enterprisePage,
  enterpriseUpdate,
} from '../../../contracts/enterprises.ts';
import { accessFor } from '../../../core/authz/index.ts';
import { archiveRoutes } from '../../platform/http/archive-routes.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import {
  createEnterprise,
  getEnterpriseDetail,
  listEnterprises,
  setEnterpriseArchived,
  updateEnterprise,
} from '../repository/enterprises.ts';

const list = defineRoute({
  method: 'GET',
  url: '/api/enterprises',
  tags: ['enterprises'],
  access: { resource: 'enterprise', action: 'read' },
  summary: '企业列表（按数据范围；可按区县、规模、行业、产业集群、规上、产教融合状态筛选）',
  query: enterpriseListQuery,
  response: enterprisePage,
  handler: ({ services, access, query }) => listEnterprises(services.database.db, access, query),
});

const detail = defineRoute({
  method: 'GET',
  url: '/api/enterprises/:id',
  tags: ['enterprises'],
  access: { resource: 'enterprise', action: 'read' },
  summary: '企业详情，含《实施方案》对该企业的实习岗位和培训经费要求',
  params: idParams,
  response: enterpriseDetail,
  handler: ({ services, access, params }) => getEnterpriseDetail(services.database.db, access, params.id),
});

const create = defineRoute({
  method: 'POST',
  url: '/api/enterprises',
  tags: ['enterprises'],
  access: { resource: 'enterprise', action: 'create' },
  status: 201,
  summary: '登记企业（区县限本区县；统一社会信用代码按GB 32100-2015校验）',
  body: enterpriseCreate,
  response: enterprise,
  handler: ({ access, body, services, write }) => write((tx, audit) => createEnterprise(tx, audit, access, body, services.now())),
});

const update = defineRoute({
  method: 'PATCH',
  url: '/api/enterprises/:id',
  tags: ['enterprises'],
  access: { resource: 'enterprise', action: 'update' },
  summary: '修改企业信息（需提供读取时的版本号；代码和区县的更正限区县和市教育局，产教融合状态限市教育局）',
  params: idParams,
  body: enterpriseUpdate,
  response: enterprise,
  handler: ({ access, actor, params, body, services, write }) => {
    const powers = {
      correct: accessFor(actor!, { resource: 'enterprise', action: 'correct' }),
      certify: accessFor(actor!, { resource: 'enterprise', action: 'certify' }),
    };
    return write((tx, audit) => updateEnterprise(tx, audit, access, powers, params.id, body, services.now()));
  },
});

const archived = archiveRoutes({
  base: '/api/enterprises',
  tag: 'enterprises',
  access: { resource: 'enterprise', action: 'archive' },
  noun: '企业',
  kept: '不删除：被引用的记录仍可查阅',
  response: enterprise,
  setArchived: setEnterpriseArchived,
});

export const enterpriseRoutes: AnyRoute[] = [list, detail, create, update, ...archived];
