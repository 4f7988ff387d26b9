import { idParams } from '../../../contracts/common.ts';
import { reasonBody, rule, ruleCreate, ruleListQuery, rulePage, ruleRevise } from '../../../contracts/credit-bank.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { agreeRule, archiveRule, createRule, getRule, listRules, reviseRule } from '../repository/rules.ts';
import { who } from './accounts.ts';

const tags = ['credit-bank'];

export const ruleRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/credit-bank/rules',
    tags,
    access: { resource: 'recognitionRule', action: 'read' },
    summary: '学分认定与转换规则（本单位为一方的）',
    query: ruleListQuery,
    response: rulePage,
    handler: ({ services, access, query }) => listRules(services.database.db, access, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/credit-bank/rules/:id',
    tags,
    access: { resource: 'recognitionRule', action: 'read' },
    summary: '认定规则详情',
    params: idParams,
    response: rule,
    handler: ({ services, access, params }) => getRule(services.database.db, access, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/credit-bank/rules',
    tags,
    access: { resource: 'recognitionRule', action: 'write' },
    status: 201,
    summary: '提出认定规则（提出方视为已同意，对方同意后生效）',
    body: ruleCreate,
    response: rule,
    handler: (ctx) => ctx.write((tx, audit) => createRule(tx, audit, ctx.access, ctx.body, who(ctx))),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/credit-bank/rules/:id/versions',
    tags,
    access: { resource: 'recognitionRule', action: 'write' },
    status: 201,
    summary: '提出规则新版本（双方同意后生效，旧版本至新版生效日止）',
    params: idParams,
    body: ruleRevise,
    response: rule,
    handler: (ctx) => ctx.write((tx, audit) => reviseRule(tx, audit, ctx.access, ctx.params.id, ctx.body, who(ctx))),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/credit-bank/rules/:id/agree',
    tags,
    access: { resource: 'recognitionRule', action: 'write' },
    summary: '本方同意认定规则',
    params: idParams,
    response: rule,
    handler: (ctx) => ctx.write((tx, audit) => agreeRule(tx, audit, ctx.access, ctx.params.id, who(ctx))),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/credit-bank/rules/:id/archive',
    tags,
    access: { resource: 'recognitionRule', action: 'archive' },
    summary: '归档认定规则（此后不再据此认定）',
    params: idParams,
    body: reasonBody,
    response: rule,
    handler: (ctx) => ctx.write((tx, audit) => archiveRule(tx, audit, ctx.access, ctx.params.id, ctx.body.reason, ctx.services.now())),
  }),
];
