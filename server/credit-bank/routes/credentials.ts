import { z } from 'zod';
import { idParams } from '../../../contracts/common.ts';
import {
  credentialIssue,
  credentialListQuery,
  credentialPage,
  credentialRecord,
  reasonBody,
  signingKey,
  signingKeyList,
} from '../../../contracts/credit-bank.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { getCredential, issueCredential, listCredentials, revokeCredential } from '../repository/credentials.ts';
import { listKeys, revokeKey, rotateKey } from '../repository/keys.ts';
import { who } from './accounts.ts';

const tags = ['credit-bank'];

export const credentialRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/credit-bank/credentials',
    tags,
    access: { resource: 'credential', action: 'read' },
    summary: '已出具的可验证凭证',
    query: credentialListQuery,
    response: credentialPage,
    handler: ({ services, access, query }) => listCredentials(services.database.db, access, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/credit-bank/credentials/:id',
    tags,
    access: { resource: 'credential', action: 'read' },
    summary: '凭证详情（含签名的 JSON）',
    params: idParams,
    response: credentialRecord,
    handler: ({ services, access, params }) => getCredential(services.database.db, access, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/credit-bank/credentials',
    tags,
    access: { resource: 'credential', action: 'issue' },
    status: 201,
    summary: '出具可验证凭证（单项成果或成绩单；W3C VC 2.0 / Open Badges 3.0，Ed25519 签名）',
    body: credentialIssue,
    response: credentialRecord,
    handler: (ctx) => ctx.write((tx, audit) => issueCredential(tx, audit, ctx.access, ctx.services.pii, ctx.body, who(ctx))),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/credit-bank/credentials/:id/revoke',
    tags,
    access: { resource: 'credential', action: 'revoke' },
    summary: '撤销凭证（验证时显示撤销原因）',
    params: idParams,
    body: reasonBody,
    response: credentialRecord,
    handler: (ctx) => ctx.write((tx, audit) => revokeCredential(tx, audit, ctx.access, ctx.params.id, ctx.body.reason, ctx.services.now())),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/credit-bank/keys',
    tags,
    access: { resource: 'credentialKey', action: 'manage' },
    summary: '平台签名密钥（仅公钥）',
    response: signingKeyList,
    handler: ({ services }) => listKeys(services.database.db),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/credit-bank/keys/rotate',
    tags,
    access: { resource: 'credentialKey', action: 'manage' },
    status: 201,
    summary: '轮换签名密钥（旧密钥签发的凭证仍可验证）',
    body: z.strictObject({}).optional(),
    response: signingKey,
    handler: (ctx) => ctx.write((tx, audit) => rotateKey(tx, audit, ctx.services.pii, ctx.services.now())),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/credit-bank/keys/:id/revoke',
    tags,
    access: { resource: 'credentialKey', action: 'manage' },
    summary: '吊销签名密钥（其签发的凭证验证失败并显示原因）',
    params: idParams,
    body: reasonBody,
    response: signingKey,
    handler: (ctx) => ctx.write((tx, audit) => revokeKey(tx, audit, ctx.services.pii, ctx.params.id, ctx.body.reason, ctx.services.now())),
  }),
];
