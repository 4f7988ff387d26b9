import { idParams } from '../../../contracts/common.ts';
import { outcome, outcomeIssue, outcomeListQuery, outcomePage, reasonBody } from '../../../contracts/credit-bank.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { getOutcome, issueOutcome, listOutcomes, revokeOutcome } from '../repository/outcomes.ts';
import { who } from './accounts.ts';

const tags = ['credit-bank'];

export const outcomeRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/credit-bank/outcomes',
    tags,
    access: { resource: 'learningOutcome', action: 'read' },
    summary: '学习成果列表（学习者本人、所在学校、签发单位可见）',
    query: outcomeListQuery,
    response: outcomePage,
    handler: ({ services, access, query }) => listOutcomes(services.database.db, access, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/credit-bank/outcomes/:id',
    tags,
    access: { resource: 'learningOutcome', action: 'read' },
    summary: '学习成果详情',
    params: idParams,
    response: outcome,
    handler: ({ services, access, params }) => getOutcome(services.database.db, access, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/credit-bank/outcomes',
    tags,
    access: { resource: 'learningOutcome', action: 'issue' },
    status: 201,
    summary: '签发学习成果（按学习者提供的账号；同一幂等键重复提交返回同一成果）',
    body: outcomeIssue,
    response: outcome,
    handler: (ctx) => ctx.write((tx, audit) => issueOutcome(tx, audit, ctx.access, ctx.body, who(ctx))),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/credit-bank/outcomes/:id/revoke',
    tags,
    access: { resource: 'learningOutcome', action: 'revoke' },
    summary: '撤销学习成果（相关账目以冲正条目更正）',
    params: idParams,
    body: reasonBody,
    response: outcome,
    handler: (ctx) => ctx.write((tx, audit) => revokeOutcome(tx, audit, ctx.access, ctx.params.id, ctx.body.reason, who(ctx))),
  }),
];
