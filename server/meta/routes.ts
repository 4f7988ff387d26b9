import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../platform/http/route.ts';
import { buildOpenApi } from '../platform/http/openapi.ts';
import { renderApiDocs } from './docs-page.ts';

/** Health, the OpenAPI document and its readable page. `all` is the full route list the documents describe. */
export function metaRoutes(all: () => AnyRoute[]): AnyRoute[] {
  const health = defineRoute({
    method: 'GET',
    url: '/api/health',
    tags: ['meta'],
    access: 'public',
    summary: '健康检查：数据库可用时返回 ok',
    response: z.object({ status: z.literal('ok'), engine: z.enum(['pglite', 'postgres']) }),
    async handler({ services }) {
      await services.database.db.execute(sql`select 1`);
      return { status: 'ok' as const, engine: services.database.engine };
    },
  });
  const openapi = defineRoute({
    method: 'GET',
    url: '/api/openapi.json',
    tags: ['meta'],
    access: 'public',
    summary: 'OpenAPI 3.1 文档',
    async handler() {
      return buildOpenApi(all());
    },
  });
  const docs = defineRoute({
    method: 'GET',
    url: '/api/docs',
    tags: ['meta'],
    access: 'public',
    summary: 'API 文档页面',
    async handler({ reply }) {
      reply.type('text/html; charset=utf-8').send(renderApiDocs(buildOpenApi(all()), reply.cspNonce.style));
      return null;
    },
  });
  return [health, openapi, docs];
}
