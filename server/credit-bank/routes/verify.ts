import { z } from 'zod';
import { idParams } from '../../../contracts/common.ts';
import { verification, verifyBody } from '../../../contracts/credit-bank.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { createRateLimiter } from '../../platform/http/rate-limit.ts';
import { publicCredential, verifyCredential } from '../repository/credentials.ts';
import { listKeys } from '../repository/keys.ts';

const tags = ['credit-bank', 'public'];

/**
 * The public verification API (no sign-in): paste a credential → valid / revoked / tampered with the reason;
 * a shared link or QR code fetches the stored credential by id. Rate-limited per client, per process.
 */
export function verifyRoutes(): AnyRoute[] {
  const limiter = createRateLimiter(120, 60);
  return [
    defineRoute({
      method: 'POST',
      url: '/api/public/credentials/verify',
      tags,
      access: 'public',
      skipCsrf: true,
      summary: '验证学分银行凭证（公开，限流）',
      body: verifyBody,
      response: verification,
      handler: ({ body, req, services }) => {
        limiter.hit(req.ip);
        return verifyCredential(services.database.db, body);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/public/credentials/:id',
      tags,
      access: 'public',
      summary: '按编号取凭证并验证（二维码链接）',
      params: idParams,
      response: z.object({ credential: z.record(z.string(), z.unknown()), verification }),
      handler: ({ params, req, services }) => {
        limiter.hit(req.ip);
        return publicCredential(services.database.db, params.id);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/public/credit-bank/keys',
      tags,
      access: 'public',
      summary: '平台签名公钥及其状态（供离线验证）',
      response: z.object({
        items: z.array(
          z.object({
            publicKeyMultibase: z.string(),
            verificationMethod: z.string(),
            status: z.string(),
            revokedAt: z.string().nullable(),
            revokedReason: z.string().nullable(),
          }),
        ),
      }),
      handler: async ({ services }) => {
        const { items } = await listKeys(services.database.db);
        return {
          items: items.map(({ publicKeyMultibase, verificationMethod, status, revokedAt, revokedReason }) => ({
            publicKeyMultibase,
            verificationMethod,
            status,
            revokedAt,
            revokedReason,
          })),
        };
      },
    }),
  ];
}
