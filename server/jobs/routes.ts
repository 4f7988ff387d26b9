import { idParams } from '../../contracts/common.ts';
import { job, jobListQuery, jobPage } from '../../contracts/jobs.ts';
import { defineRoute, type AnyRoute } from '../platform/http/route.ts';
import { getJob, listJobs, retryJob } from '../platform/jobs/repository.ts';

const list = defineRoute({
  method: 'GET',
  url: '/api/jobs',
  tags: ['jobs'],
  access: { resource: 'job', action: 'read' },
  summary: '我的后台任务（导入、分配、报表）',
  query: jobListQuery,
  response: jobPage,
  handler: ({ services, access, query }) => listJobs(services.database.db, access, query),
});

const detail = defineRoute({
  method: 'GET',
  url: '/api/jobs/:id',
  tags: ['jobs'],
  access: { resource: 'job', action: 'read' },
  summary: '任务状态与进度',
  params: idParams,
  response: job,
  handler: ({ services, access, params }) => getJob(services.database.db, access, params.id),
});

const retry = defineRoute({
  method: 'POST',
  url: '/api/jobs/:id/retry',
  tags: ['jobs'],
  access: { resource: 'job', action: 'retry' },
  summary: '重试失败的任务（从断点继续）',
  params: idParams,
  response: job,
  async handler({ services, access, params, write }) {
    const result = await write((tx, audit) => retryJob(tx, audit, access, params.id));
    services.pokeJobs();
    return result;
  },
});

export const jobRoutes: AnyRoute[] = [list, detail, retry];
