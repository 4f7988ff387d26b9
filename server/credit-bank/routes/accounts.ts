import { idParams } from '../../../contracts/common.ts';
import {
  account,
  accountListQuery,
  accountOpen,
  accountOpened,
  accountPage,
  openForStudentsBody,
  openForStudentsResult,
} from '../../../contracts/credit-bank.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { getAccount, listAccounts, openAccount, openForStudents, ownAccount, stripInternal } from '../repository/accounts.ts';

const tags = ['credit-bank'];
const who = (ctx: { actor: { userId: string } | null; services: { now(): Date } }) => ({
  userId: ctx.actor?.userId ?? null,
  now: ctx.services.now(),
});
export { who };

export const accountRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/credit-bank/accounts',
    tags,
    access: { resource: 'creditAccount', action: 'read' },
    summary: '学习账户列表（按数据范围）',
    query: accountListQuery,
    response: accountPage,
    handler: ({ services, access, query }) => listAccounts(services.database.db, access, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/credit-bank/accounts/me',
    tags,
    access: { resource: 'creditAccount', action: 'read' },
    summary: '本人的学习账户（学生首次使用时自动开户）',
    response: account,
    // Opening on first use is a write, so it goes through the audited transaction like any other.
    handler: ({ access, actor, write }) =>
      write(async (tx, audit) => stripInternal(await getAccount(tx, access, await ownAccount(tx, actor!.userId, audit)))),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/credit-bank/accounts/:id',
    tags,
    access: { resource: 'creditAccount', action: 'read' },
    summary: '学习账户详情',
    params: idParams,
    response: account,
    handler: async ({ services, access, params }) => stripInternal(await getAccount(services.database.db, access, params.id)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/credit-bank/accounts',
    tags,
    access: { resource: 'creditAccount', action: 'open' },
    status: 201,
    summary: '开设学习账户（本校学生，或企业职工等其他学习者；可同时为学习者开通登录账号）',
    body: accountOpen,
    response: accountOpened,
    handler: ({ access, actor, body, services, write }) =>
      write((tx, audit) => openAccount(tx, audit, actor!, access, services.pii, body, services.now())),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/credit-bank/accounts/open-for-students',
    tags,
    access: { resource: 'creditAccount', action: 'open' },
    summary: '为学校全部在籍学生开设学习账户（已有账户的跳过）',
    body: openForStudentsBody,
    response: openForStudentsResult,
    handler: ({ access, body, write }) => write((tx, audit) => openForStudents(tx, audit, access, body.schoolId)),
  }),
];
