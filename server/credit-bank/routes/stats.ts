import { conversionStats, statsQuery } from '../../../contracts/credit-bank.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { conversionStats as compute } from '../repository/stats.ts';

export const statsRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/credit-bank/stats/conversions',
    tags: ['credit-bank'],
    access: { resource: 'creditBankStats', action: 'read' },
    summary: '学分转换统计：按学校、产业集群、成果类型',
    query: statsQuery,
    response: conversionStats,
    handler: ({ services, access, query }) => compute(services.database.db, access, query),
  }),
];
