import { job } from '../../../contracts/jobs.ts';
import { searchQuery, searchReindexRequest, searchResult } from '../../../contracts/search.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { createRateLimiter } from '../../platform/http/rate-limit.ts';
import { submitJob } from '../../platform/jobs/submit.ts';
import { toJob } from '../../platform/jobs/repository.ts';
import { SEARCH_REINDEX_JOB } from '../job.ts';
import { searchDocumentsFor } from '../query.ts';

/**
 * The search box: signed-in users search the public register and, beyond it, what their role may read
 * (core/authz/grants.ts `search.read`); anonymous visitors search published records only, rate-limited per
 * client. Built per app so that each server process has its own rate-limit window.
 */
export function searchRoutes(): AnyRoute[] {
  const limiter = createRateLimiter(120, 60);

  const search = defineRoute({
    method: 'GET',
    url: '/api/search',
    tags: ['search'],
    access: { resource: 'search', action: 'read' },
    summary: '全文搜索学校、开设专业、专业目录、企业和载体（按数据范围）',
    query: searchQuery,
    response: searchResult,
    handler: ({ services, access, query }) => searchDocumentsFor(services.database.db, { kind: 'scoped', access }, query),
  });

  const publicSearch = defineRoute({
    method: 'GET',
    url: '/api/public/search',
    tags: ['search'],
    access: 'public',
    summary: '公开目录搜索（仅已公开的学校、专业、产教融合型企业和载体；限流）',
    query: searchQuery,
    response: searchResult,
    handler({ services, query, req }) {
      limiter.hit(req.ip);
      return searchDocumentsFor(services.database.db, { kind: 'public' }, query);
    },
  });

  const reindex = defineRoute({
    method: 'POST',
    url: '/api/search/reindex',
    tags: ['search'],
    access: { resource: 'search', action: 'reindex' },
    summary: '重建搜索索引（后台任务，进度见 /api/jobs/:id）',
    body: searchReindexRequest,
    response: job,
    status: 202,
    async handler({ services, actor, body, write }) {
      const result = await write(async (tx, audit) => {
        const { job: row } = await submitJob(tx, {
          kind: SEARCH_REINDEX_JOB,
          input: body.types ? { types: body.types } : {},
          createdBy: actor!.userId,
          organisationId: null,
        });
        await audit.record({
          action: 'submit',
          entityType: 'job',
          entityId: row.id,
          after: { kind: SEARCH_REINDEX_JOB, ...(body.types && { types: body.types.join(',') }) },
        });
        return toJob(row);
      });
      services.pokeJobs();
      return result;
    },
  });

  return [search, publicSearch, reindex];
}
