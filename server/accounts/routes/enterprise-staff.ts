import { z } from 'zod';
import { accountFields, accountCreated, accountPage } from '../../../contracts/accounts.ts';
import { idParams, paging } from '../../../contracts/common.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { createAccount, listAccounts } from '../repository/accounts.ts';
import { assertEnterpriseInScope } from '../../registry/index.ts';

/**
 * An enterprise's staff accounts (企业管理员 manage their colleagues' sign-ins). Thin wrappers over the shared
 * account code, with the organisation and role fixed, so the policy and checks are the same as /api/accounts.
 */
const staffAccountCreate = accountFields.pick({ username: true, displayName: true }).strict();

const list = defineRoute({
  method: 'GET',
  url: '/api/enterprises/:id/accounts',
  tags: ['enterprises'],
  access: { resource: 'account', action: 'read' },
  summary: '本企业的账号',
  params: idParams,
  query: z.strictObject({ ...paging }),
  response: accountPage,
  async handler({ services, access, params, query }) {
    const { db } = services.database;
    await assertEnterpriseInScope(db, access, params.id);
    return listAccounts(db, access, { organisationId: params.id, page: query.page, pageSize: query.pageSize });
  },
});

const create = defineRoute({
  method: 'POST',
  url: '/api/enterprises/:id/accounts',
  tags: ['enterprises'],
  access: { resource: 'account', action: 'create' },
  status: 201,
  summary: '为本企业创建企业管理员账号：返回一次性初始密码，首次登录须修改',
  params: idParams,
  body: staffAccountCreate,
  response: accountCreated,
  async handler({ services, access, actor, params, body, write }) {
    await assertEnterpriseInScope(services.database.db, access, params.id);
    return write((tx, audit) => createAccount(tx, audit, actor!, access, { ...body, organisationId: params.id, role: 'enterprise_admin' }));
  },
});

export const enterpriseAccountRoutes: AnyRoute[] = [list, create];
