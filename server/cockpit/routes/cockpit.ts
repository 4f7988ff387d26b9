import { todayOf } from '../../../core/calendar.ts';
import { cockpit, cockpitQuery, codeParams, drillQuery, drillResult } from '../../../contracts/cockpit.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { buildCockpit, resolveScope } from '../indicators/cockpit.ts';
import { drillDown } from '../indicators/drill.ts';
import { INDICATORS_RECOMPUTE_JOB } from '../indicators/job.ts';
import { submitJob } from '../../platform/jobs/submit.ts';

const board = defineRoute({
  method: 'GET',
  url: '/api/cockpit',
  tags: ['cockpit'],
  access: { resource: 'cockpit', action: 'read' },
  summary: '大屏：目标进度与红黄绿状态、趋势、区县、产业集群、督导和预警（读最新快照；区县只看本区域）',
  query: cockpitQuery,
  response: cockpit,
  async handler({ services, access, query }) {
    const board = await buildCockpit(services.database.readDb, access, query.districtId, services.now());
    if (board.runId === null) {
      // A fresh platform has no snapshot yet: the first viewer starts the one and only initial computation.
      await submitJob(services.database.db, {
        kind: INDICATORS_RECOMPUTE_JOB,
        input: { reason: 'initial' },
        idempotencyKey: 'initial-snapshot',
        createdBy: null,
        organisationId: null,
      });
      services.pokeJobs();
    }
    return board;
  },
});

const drill = defineRoute({
  method: 'GET',
  url: '/api/cockpit/drill/:code',
  tags: ['cockpit'],
  access: { resource: 'cockpit', action: 'read' },
  summary: '下钻：某个数字背后的记录（目标代码，或 enterprises / carriers 加 cluster 看某产业集群）；人员只显示姓名和脱敏信息',
  params: codeParams,
  query: drillQuery,
  response: drillResult,
  async handler({ services, access, params, query }) {
    const { scope } = await resolveScope(services.database.readDb, access, query.districtId);
    return drillDown(services.database.readDb, params.code, scope, query.cluster, query, todayOf(services.now()));
  },
});

export const cockpitRoutes: AnyRoute[] = [board, drill];
