import { idParams } from '../../../contracts/common.ts';
import {
  transfer,
  transferCreate,
  transferDecision,
  transferItemParams,
  transferListQuery,
  transferPage,
} from '../../../contracts/credit-bank.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { createTransfer, decideItem, getTransfer, listTransfers } from '../repository/transfers.ts';
import { who } from './accounts.ts';

const tags = ['credit-bank'];

export const transferRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/credit-bank/transfers',
    tags,
    access: { resource: 'creditTransfer', action: 'read' },
    summary: '学分转换申请列表',
    query: transferListQuery,
    response: transferPage,
    handler: ({ services, access, query }) => listTransfers(services.database.db, access, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/credit-bank/transfers/:id',
    tags,
    access: { resource: 'creditTransfer', action: 'read' },
    summary: '学分转换申请详情（含每项的认定结果与理由）',
    params: idParams,
    response: transfer,
    handler: ({ services, access, params }) => getTransfer(services.database.db, access, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/credit-bank/transfers',
    tags,
    access: { resource: 'creditTransfer', action: 'request' },
    status: 201,
    summary: '申请学分转换（有规则的自动认定并入账，其余转人工审核）',
    body: transferCreate,
    response: transfer,
    handler: (ctx) => ctx.write((tx, audit) => createTransfer(tx, audit, ctx.access, ctx.body, who(ctx))),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/credit-bank/transfers/:id/items/:itemId/decision',
    tags,
    access: { resource: 'creditTransfer', action: 'decide' },
    summary: '人工认定一项（认定并入账或不予认定，须写明理由）',
    params: transferItemParams,
    body: transferDecision,
    response: transfer,
    handler: (ctx) => ctx.write((tx, audit) => decideItem(tx, audit, ctx.access, ctx.params.id, ctx.params.itemId, ctx.body, who(ctx))),
  }),
];
