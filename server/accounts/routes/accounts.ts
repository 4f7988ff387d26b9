import {
  accountCreate,
  accountCreated,
  accountListQuery,
  accountPage,
  accountStatus,
  accountStatusUpdate,
} from '../../../contracts/accounts.ts';
import { idParams } from '../../../contracts/common.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { createAccount, listAccounts, setAccountDisabled } from '../repository/accounts.ts';
import { openLearner } from '../../credit-bank/index.ts';

const list = defineRoute({
  method: 'GET',
  url: '/api/accounts',
  tags: ['accounts'],
  access: { resource: 'account', action: 'read' },
  summary: '账号列表（按数据范围）',
  query: accountListQuery,
  response: accountPage,
  handler: ({ services, access, query }) => listAccounts(services.database.db, access, query),
});

const create = defineRoute({
  method: 'POST',
  url: '/api/accounts',
  tags: ['accounts'],
  access: { resource: 'account', action: 'create' },
  status: 201,
  summary: '创建账号：返回一次性初始密码，首次登录须修改',
  body: accountCreate,
  response: accountCreated,
  handler: ({ access, actor, body, services, write }) =>
    write(async (tx, audit) => {
      if (body.role !== 'learner') return createAccount(tx, audit, actor!, access, body);
      // A learner signs in to reach a learning account: both are opened together, by the credit bank's one path.
      const opened = await openLearner(
        tx,
        audit,
        actor!,
        access,
        services.pii,
        {
          holderName: body.displayName,
          idNumber: body.idNumber!,
          organisationId: body.organisationId,
          username: body.username,
        },
        services.now(),
      );
      const signIn = opened.signIn!;
      return { id: signIn.id, username: signIn.username, initialPassword: signIn.initialPassword, creditAccountNo: opened.accountNo };
    }),
});

const status = defineRoute({
  method: 'PATCH',
  url: '/api/accounts/:id',
  tags: ['accounts'],
  access: { resource: 'account', action: 'disable' },
  summary: '停用或启用账号（本单位人员；停用后立即不能登录）',
  params: idParams,
  body: accountStatusUpdate,
  response: accountStatus,
  handler: ({ access, actor, params, body, write }) =>
    write((tx, audit) => setAccountDisabled(tx, audit, actor!, access, params.id, body.disabled)),
});

export const accountRoutes: AnyRoute[] = [list, create, status];
